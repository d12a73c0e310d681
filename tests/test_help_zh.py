"""``--help`` in Chinese when the language is Chinese, however it was chosen; every help text
has both languages; English nouns agree with their numbers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from studylog.cli import COMMANDS, app, load_command
from studylog.text.catalog import help as catalog
from studylog.text.language import set_language
from studylog.text.messages import plurals, t
from tests.conftest import Run


def _tree() -> Iterator[tuple[str, Any]]:
    """Every command (its path and object), the root first, built in English."""
    set_language("en")
    yield "", typer.main.get_command(app)

    def walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    for name in COMMANDS:
        yield from walk(load_command(name), name)


TREE = list(_tree())


def test_every_command_and_every_help_text_has_chinese() -> None:
    missing = [path or "studylog" for path, _ in TREE if path not in catalog.COMMANDS]
    assert not missing, f"commands without Chinese help: {missing}"
    english = {
        param.help
        for _, command in TREE
        for param in command.params
        if getattr(param, "help", None)
    } | {"Show this message and exit."}
    untranslated = sorted(english - set(catalog.OPTIONS))
    assert not untranslated, f"help texts without Chinese: {untranslated}"
    # and nothing in the catalogue that no option says any more (an English text changed)
    stale = sorted(set(catalog.OPTIONS) - english)
    assert not stale, f"Chinese for help texts no option has: {stale}"
    assert set(catalog.COMMANDS) == {path for path, _ in TREE}
    assert all(text.strip() for text in [*catalog.COMMANDS.values(), *catalog.OPTIONS.values()])


def _help(*args: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("STUDYLOG_LANG", "LC_ALL")}
    environ.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "studylog", *args], capture_output=True, text=True, env=environ
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_chinese_locale_gives_chinese_help() -> None:
    out = _help("--help", LANG="zh_CN.UTF-8", LC_MESSAGES="")
    assert out.startswith("用法：studylog [OPTIONS] COMMAND [ARGS]...")
    assert catalog.COMMANDS[""] in out
    assert "选项：" in out and "命令：" in out
    assert re.search(r"^  attend +一行记下一次学习的全部出勤", out, re.MULTILINE)
    assert "显示本帮助并退出。" in out and "[环境变量：STUDYLOG_DB]" in out
    assert "Records and yearly tallies" not in out and "Show this message" not in out


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "zh", "stats", "--help"),
        ("stats", "--help", "--lang", "zh"),  # after --help, which Click answers first
        ("stats", "--lang=zh", "--help"),
    ],
    ids=["before", "after --help", "equals"],
)
def test_lang_zh_gives_chinese_help_wherever_it_is(run: Run, args: tuple) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("用法：studylog stats [OPTIONS]")
    assert catalog.COMMANDS["stats"] in out
    assert "示例：studylog stats --year 2023 --by member --format markdown" in out
    assert "年份，例如 2023。" in out and "[默认：table]" in out
    assert "Calendar year" not in out


def test_studylog_lang_and_the_settings_file_give_chinese_help(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYLOG_LANG", "zh")
    assert "为中心组添加一名成员。" in run("member", "add", "--help").stdout
    monkeypatch.delenv("STUDYLOG_LANG")
    settings = tmp_path / "config.toml"
    settings.write_text('language = "zh"\n', encoding="utf-8")
    out = run("--config", str(settings), "session", "--help").stdout
    assert (
        "学习（集中学习 / 专题学习）" in out and "记录一次学习（--date 和 --title 必填）。" in out
    )
    # --lang beats the settings file
    assert (
        "Add a member"
        in run("--config", str(settings), "--lang", "en", "member", "add", "--help").stdout
    )


def test_english_help_stays_english(run: Run) -> None:
    out = run("--lang", "en", "stats", "--help").stdout
    assert out.startswith("Usage: studylog stats [OPTIONS]")
    assert "Calendar year, e.g. 2023." in out and "年份" not in out


def test_chinese_help_does_not_import_the_database() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studylog", "--lang", "zh", "--help"],
        capture_output=True,
        text=True,
    )
    assert "用法：" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not {name for name in imported if name.startswith(("sqlalchemy", "pydantic"))}


@pytest.mark.parametrize(
    ("count", "english"),
    [(0, "0 make-ups"), (1, "1 make-up"), (2, "2 make-ups")],
)
def test_english_nouns_agree_with_their_numbers(count: int, english: str) -> None:
    set_language("en")
    assert t("count_makeups", count=count) == english
    assert plurals("{n} speech(es) by {who}", {"n": 1, "who": "x"}) == "{n} speech by {who}"
    assert plurals("{n} speech(es)", {"n": 3}) == "{n} speeches"
    assert plurals("{n:@was|were} {n} session(s)", {"n": 1}) == "was {n} session"


def test_the_summary_line_of_a_year_with_one_topic_session() -> None:
    set_language("en")
    line = t(
        _summary_key(),
        period="2024",
        sessions=1,
        discussions=0,
        topic_sessions=1,
        topic_discussions=2,
    )
    assert line == "2024: 1 session, 0 discussions, 1 topic session, 2 topic discussions"


def _summary_key() -> str:
    from studylog.text.catalog import MESSAGES

    (key,) = [k for k, (en, _) in MESSAGES.items() if en.startswith("{period}: {sessions} session")]
    return key
