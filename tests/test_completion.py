"""TAB completion through Typer's own mechanism: the ``_STUDYLOG_COMPLETE`` protocol a shell's
completion script speaks, driven here by its environment variables, and a real bash that
loaded the script ``--show-completion`` prints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Database

ROOT = Path(__file__).resolve().parent.parent


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("_STUDYLOG")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def bash(words: str, **extra: str) -> list[str]:
    """What bash's completion asks studylog for ``words`` (the last one being typed)."""
    split = words.split(" ")
    result = subprocess.run(
        [sys.executable, "-m", "studylog"],
        env=_env(
            _STUDYLOG_COMPLETE="complete_bash",
            COMP_WORDS=words,
            COMP_CWORD=str(len(split) - 1),
            **extra,
        ),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return [line for line in result.stdout.splitlines() if line]


def other_shell(shell: str, line: str, **extra: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "studylog"],
        env=_env(_STUDYLOG_COMPLETE=f"complete_{shell}", _TYPER_COMPLETE_ARGS=line, **extra),
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database (the sample year: 张建国, 李明华, 王志强, …)."""
    home = tmp_path_factory.mktemp("home")
    subprocess.run(
        [sys.executable, "-m", "studylog", "demo", "--out", str(home / "demo.db")],
        env=_env(STUDYLOG_HOME=str(home), LANG="C.UTF-8"),
        check=True,
        capture_output=True,
    )
    return home / "demo.db"


def test_a_leave_completes_from_the_surname(seeded: Database) -> None:
    assert bash("studylog attend 2023-03-15 --leave 王") == ["王五"]
    assert bash("studylog attend 2023-03-15 --leave 孙") == ["孙八"]
    assert bash("studylog attend 2023-03-15 --leave 郑") == []


def test_names_in_a_list_complete_one_after_another(seeded: Database) -> None:
    assert bash("studylog attend 2023-03-15 --late 李四,王") == ["李四,王五"]
    assert bash("studylog attend 2023-03-15 --leave 李四，王") == ["李四，王五"]
    # nothing is offered for the reason after the colon
    assert bash("studylog attend 2023-03-15 --leave 王五：出") == []
    # a name already in the list is not offered again
    assert "张三,张三" not in bash("studylog attend 2023-03-15 --absent 张三,")


def test_pinyin_initials_and_syllables_find_the_name(seeded: Database) -> None:
    assert bash("studylog attend 2023-03-15 --leave ww") == ["王五"]
    assert bash("studylog attend 2023-03-15 --leave wangw") == ["王五"]
    assert bash("studylog makeup add 2023-03-15 zs") == ["张三"]
    assert bash("studylog attend 2023-03-15 --leave xyz") == []


def test_member_arguments_and_options_complete_but_a_new_name_does_not(seeded: Database) -> None:
    assert bash("studylog speech add 2023-03-15 李") == ["李四"]
    assert bash("studylog session add --host 周") == ["周九"]
    assert bash("studylog member add 张") == []  # a new member's name is not in the records


def test_session_refs_complete_to_dates_and_ids(seeded: Database) -> None:
    # the seed year: a session on the 15th of each month, #1 in January to #12 in December
    assert bash("studylog session show 2023-0") == [f"2023-0{m}-15" for m in range(9, 0, -1)]
    assert bash("studylog attend 2023-1") == ["2023-12-15", "2023-11-15", "2023-10-15"]
    assert bash("studylog attend #1") == ["#12", "#11", "#10", "#1"]
    assert bash("studylog makeup add 12") == ["#12"]


def test_enum_values_and_their_chinese_labels(seeded: Database) -> None:
    assert bash("studylog session add --kind ") == ["study", "topic"]
    # the label, then every further spelling the option accepts (专题研讨: topic --discussion)
    assert bash("studylog session add --kind 专") == [
        "专题学习", "专题", "专题研讨", "专题学习研讨", "专题交流研讨",
    ]  # fmt: skip
    assert bash("studylog speech add 1 张三 --kind 书") == [
        "书面发言", "书面", "书面交流", "书面交流发言", "书面材料",
    ]  # fmt: skip
    assert bash("studylog member add x --role d") == ["deputy"]
    assert bash("studylog makeup add 1 李四 --method 自") == ["自学"]
    assert bash("studylog stats --by ") == ["member", "month", "quarter"]
    assert bash("studylog stats --by 季") == ["季度"]
    assert bash("studylog stats --format j") == ["json"]


def test_the_newer_vocabularies_complete_too(seeded: Database, tmp_path: Path) -> None:
    # outputs, their levels, the meetings of a first agenda item
    assert bash("studylog output add 张三 --kind ") == [
        "party-lecture", "briefing-tour", "article", "reflection", "research-report",
        "discussion-paper",
    ]  # fmt: skip
    assert bash("studylog output add 张三 --kind 讲") == ["讲党课"]
    assert bash("studylog output list --kind 心") == ["心得体会", "心得"]  # help lists none
    assert bash("studylog output edit 1 --level 省") == ["省", "省级", "省部级"]
    assert bash("studylog agenda add --meeting ") == [
        "party-group", "party-committee", "standing-committee",
    ]  # fmt: skip
    assert bash("studylog agenda list --meeting 党委") == ["党委会", "党委会议"]
    # study forms: each a value, its labels; the last of a comma-separated list
    assert bash("studylog session add --form ") == [
        "lecture", "film", "reading-class", "site-visit", "research", "guided-reading",
        "exchange",
    ]  # fmt: skip
    assert bash("studylog session add --form film,调") == ["film,调研", "film,调查研究"]
    assert bash("studylog session edit 1 --form 读书") == ["读书班", "读书会"]
    # ledger categories, the shipped ones and the group's own; rectify list --by category
    assert bash("studylog rectify add --category ") == [
        "theory-study", "applying-study", "rules-in-practice", "conduct",
    ]  # fmt: skip
    assert bash("studylog rectify edit 1 --category 理") == ["理论学习"]
    assert bash("studylog rectify list --by ") == ["category"]
    assert bash("studylog rectify list --by 类") == ["类别"]
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[ledger]\ncategories = [{ value = "team", zh = "队伍建设", en = "team building" }]\n'
        '[forms.salon]\nzh = "读书沙龙"\nen = "reading salon"\nphrase = "读书沙龙{n}次"\n',
        encoding="utf-8",
    )
    config = f"studylog --config {settings}"
    assert bash(f"{config} rectify add --category t") == ["theory-study", "team"]
    assert bash(f"{config} rectify add --category 队") == ["队伍建设"]
    assert bash(f"{config} session add --form 读书") == ["读书班", "读书会", "读书沙龙"]


def test_groups_complete(seeded: Database) -> None:
    (group,) = bash("studylog --org ")
    assert group.endswith("中心组")


def test_commands_and_options_still_complete(seeded: Database) -> None:
    assert bash("studylog att") == ["attend"]
    assert "--leave" in bash("studylog attend 1 --l")


def test_zsh_and_fish_show_what_each_value_is(seeded: Database) -> None:
    zsh = other_shell("zsh", "studylog session add --kind 专")
    assert zsh.startswith("_arguments") and '"专题学习":"topic"' in zsh
    fish = other_shell(
        "fish", "studylog attend 2023-03-15 --leave 张", _TYPER_COMPLETE_FISH_ACTION="get-args"
    )
    assert fish.splitlines() == ["张三\t党组书记、局长"]


def test_no_database_yet_offers_nothing_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert bash("studylog attend 1 --leave 王", STUDYLOG_DB=str(missing)) == []
    assert not missing.exists()


def test_a_completion_does_not_import_sqlalchemy(seeded: Database) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studylog"],
        env=_env(
            _STUDYLOG_COMPLETE="complete_bash",
            COMP_WORDS="studylog attend 2023-03-15 --leave 王",
            COMP_CWORD="4",
        ),
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["王五"]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not {name for name in imported if name.startswith(("sqlalchemy", "alembic"))}


@pytest.mark.sqlite_only(reason="the demo database is a SQLite file")
@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
def test_bash_completes_wang_to_the_members_full_name(demo: Path, tmp_path: Path) -> None:
    """The issue's test: ``studylog attend 2024-03-05 --leave 王<TAB>`` in a real bash, with the
    script --show-completion prints loaded (a ``studylog`` on PATH runs this checkout)."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    command = bindir / "studylog"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m studylog "$@"\n', encoding="utf-8")
    command.chmod(0o755)
    env = _env(PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}", STUDYLOG_DB=str(demo))
    script = subprocess.run(
        ["studylog", "--show-completion", "bash"], env=env, capture_output=True, text=True
    )
    assert script.returncode == 0 and "_STUDYLOG_COMPLETE=complete_bash" in script.stdout
    (tmp_path / "completion.bash").write_text(script.stdout, encoding="utf-8")
    driver = (
        f"source {tmp_path / 'completion.bash'}\n"
        "complete -p studylog\n"
        "COMP_WORDS=(studylog attend 2024-03-05 --leave 王)\n"
        "COMP_CWORD=4\n"
        'func=$(complete -p studylog | sed -E "s/.*-F ([^ ]+) .*/\\1/")\n'
        '"$func" studylog 王 --leave\n'
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", driver], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    registered, *offered = result.stdout.splitlines()
    assert registered.startswith("complete ") and registered.endswith(" studylog")
    assert offered == ["王志强"]
