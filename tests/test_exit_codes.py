"""One rule for the exit status of every command: 0 done; 1 a well-formed request the records
refuse; 2 a value that cannot be read (a date, a number, a choice), as Click answers a usage
mistake; 3 a check that ran and found a rule broken."""

from __future__ import annotations

import subprocess
import sys

import pytest

from studylog.errors import CHECK_FAILED, BadValue, CheckFailed, StudylogError
from studylog.text.parse import parse_date
from tests.conftest import Database, Run


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--year", "2023", "--format", "xml"),  # a choice (1 before issue 21)
        ("stats", "--year", "2023", "--by", "week"),
        ("check", "--year", "2023", "--format", "csv"),
        ("session", "list", "--from", "2023-02-30"),  # a date
        ("session", "add", "--date", "yesterday-ish", "--title", "x"),
        ("stats", "--year", "twenty"),  # a number (Typer's own usage error)
        ("session", "add", "--date", "2023-03-01", "--title", "x", "--kind", "lecture"),
        ("attend", "2023-03-15", "--leave", "：出差"),  # a reason without a name
        ("--lang", "xx", "member", "list"),
        ("stats", "--year", "2023", "--encoding", "latin-1"),
        ("session", "frobnicate"),  # no such command: Click's usage error
    ],
    ids=lambda args: " ".join(args),
)
def test_a_value_that_cannot_be_read_exits_2(seeded: Database, run: Run, args: tuple) -> None:
    before = seeded.snapshot()
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: ")
    assert seeded.snapshot() == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("attend", "2023-03-02"), "no session was held on 2023-03-02"),
        (("attend", "2023-03-15", "--leave", "张山"), "no member named '张山'"),
        (("member", "add", "张三"), "already has a member named '张三'"),
        (("report",), "give a period"),  # stats without one is this year's (README)
    ],
    ids=["no session", "no member", "duplicate", "no period"],
)
def test_a_request_the_records_refuse_exits_1(
    seeded: Database, run: Run, args: tuple, says: str
) -> None:
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert says in result.stderr


def test_a_check_that_finds_a_rule_broken_exits_3_and_one_that_passes_0(
    seeded: Database, run: Run
) -> None:
    failed = run("check", "--year", "2023", "--as-of", "2024-01-10")
    assert failed.exit_code == CHECK_FAILED == 3
    assert "2 failed" in failed.stdout and failed.stderr == ""
    passed = run("check", "--year", "2023", "--as-of", "2023-01-01")
    assert passed.exit_code == 0, passed.output


def test_the_classes_carry_the_rule() -> None:
    assert StudylogError("x").exit_code == 1
    assert BadValue("x").exit_code == 2 and isinstance(BadValue("x"), StudylogError)
    assert CheckFailed("x").exit_code == 3
    with pytest.raises(BadValue):  # every parser of studylog.text.parse raises BadValue
        parse_date("2023-02-30")


def test_the_installed_command_exits_2_for_a_bad_choice(seeded: Database) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "studylog", "stats", "--year", "2023", "--format", "xml"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Error: 'xml' is not a valid --format")


def test_a_number_that_is_not_one_is_said_in_plain_words(run: Run) -> None:
    """Typer's conversion library words it 'Input should be a valid integer, unable to parse
    string as an integer'; the user reads what is wrong, in their language, exit 2."""
    result = run("due", "--days", "abc")
    assert result.exit_code == 2
    assert "a whole number is expected (studylog due --help)" in result.stderr
    assert "Input should be" not in result.stderr
    zh = run("--lang", "zh", "due", "--days", "abc")
    assert zh.exit_code == 2 and "应为整数" in zh.stderr
