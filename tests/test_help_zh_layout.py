"""Chinese ``--help`` as a user sees it: whole at 80 columns, examples kept line by line, and
a command or option not yet translated shown in English rather than an error."""

from __future__ import annotations

import unicodedata

import pytest

from studylog.cli.helptext import wrap
from studylog.text.catalog import help as catalog
from tests.conftest import Run


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


@pytest.fixture
def zh(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COLUMNS", "80")
    return lambda *args: run("--lang", "zh", *args)


@pytest.mark.parametrize(
    "args",
    [(), ("assess",), ("output", "add"), ("attend",), ("session", "add"), ("plan", "schedule")],
)
def test_chinese_help_fits_80_columns(zh: Run, args: tuple[str, ...]) -> None:
    result = zh(*args, "--help")
    assert result.exit_code == 0, result.output
    wide = [
        line
        for line in result.stdout.splitlines()
        if _width(line) > 80 and not line.lstrip().startswith(("示例：", "--"))
    ]
    assert not wide


def test_the_root_lists_the_new_commands_in_chinese(zh: Run) -> None:
    out = zh("--help").stdout
    assert "  assess     学习考评：为每名成员一年的学习评分" in out
    assert "  selfstudy  个人自学：成员自己的学习，记学时。" in out
    assert "  calendar   把一年已排期的学习计划写成学习日历（.ics 文件），可导入手机和\n" in out


def test_an_example_over_two_lines_keeps_both(zh: Run) -> None:
    out = zh("output", "add", "--help").stdout
    assert (
        "  示例：studylog output add 张三 --kind 理论文章 --date 2023-05-10 --title 以学促干 \\\n"
        "          --venue 某某日报 --level 市\n"
        "  示例：studylog output add 李四 --kind 讲党课 --date 2023-07-01 --title 七一党课\n"
    ) in out
    assert "学习成果所属的成员。  [必填]" in out
    assert "  --session REF    成果出自哪次学习（编号或日期）。\n" in out


def test_assess_help_in_chinese(zh: Run) -> None:
    out = zh("assess", "--help").stdout
    assert out.startswith("用法：studylog assess [OPTIONS]\n\n  学习考评：")
    assert "示例：studylog assess --year 2023 --format docx --out 考评表.docx" in out
    assert "要考评的年份，例如 2023。  [必填]" in out
    assert "Score each member" not in out


def test_without_chinese_a_command_shows_its_english(
    zh: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(catalog.COMMANDS, "assess")
    monkeypatch.delitem(catalog.COMMANDS, "output add")
    monkeypatch.delitem(catalog.OPTIONS, "The year to assess, e.g. 2023.")
    root = zh("--help")
    assert root.exit_code == 0, root.output
    assert "  assess     Score each member's study of a year (学习考评), every" in root.stdout
    assert "学习考评：为每名成员" not in root.stdout
    assess = zh("assess", "--help")
    assert assess.exit_code == 0, assess.output
    assert "The year to assess, e.g. 2023.  [必填]" in assess.stdout
    assert "显示本帮助并退出。" in assess.stdout
    listing = zh("output", "--help")
    assert listing.exit_code == 0, listing.output
    assert "  add      Record a member's output: a party lecture, an article, a" in listing.stdout


def test_wrap_breaks_between_chinese_characters_never_inside_notes() -> None:
    assert wrap("中心组；数据库中只有一个中心组时可省略。  [环境变量：STUDYLOG_ORG]", 40) == [
        "中心组；数据库中只有一个中心组时可省略。",
        "[环境变量：STUDYLOG_ORG]",
    ]
    # no line starts with a closing mark
    assert wrap("一二三四五，六七", 10) == ["一二三四", "五，六七"]
    assert wrap("plain English words wrap at spaces", 12) == [
        "plain",
        "English",
        "words wrap",
        "at spaces",
    ]
