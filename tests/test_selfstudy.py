"""Self-study (个人自学, ``studylog selfstudy``): a member's own study with its hours, kept
exactly (hundredths of an hour); yearly hours per member in ``stats``; the ``check`` rule
with a minimum from the settings (off by default). Figures counted by hand from ENTRIES."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
AS_OF = ("--as-of", "2024-01-10")

GROUP: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("member", "add", "王五", "--joined", "2023-07-01"),
    ("member", "add", "吴十", "--role", "observer"),
]

ENTRIES: list[tuple[str, ...]] = [
    ("selfstudy", "add", "张三", "--date", "2023-02-01", "--hours", "1.5", "--title", "原著"),
    ("selfstudy", "add", "张三", "--date", "2023-03-01", "--hours", "2.25", "--title", "党章"),
    ("selfstudy", "add", "张三", "--date", "2023-04-01", "--hours", "０.７５", "--title", "党史"),
    ("selfstudy", "add", "李四", "--date", "2023年5月1日", "--hours", "2小时", "--title", "原著"),
    ("selfstudy", "add", "李四", "--date", "2023-05-02", "--hours", "0.1", "--title", "摘抄"),
    ("selfstudy", "add", "李四", "--date", "2023-05-03", "--hours", "0.2", "--title", "笔记"),
    ("selfstudy", "add", "王五", "--date", "2023-08-01", "--hours", "3", "--title", "文选"),
    ("selfstudy", "add", "吴十", "--date", "2023-09-01", "--hours", "1", "--title", "读书"),
    ("selfstudy", "add", "张三", "--date", "2022-12-01", "--hours", "10", "--title", "上一年"),
]

# By hand, 2023: 张三 1.5 + 2.25 + 0.75 = 4.5; 李四 2 + 0.1 + 0.2 = 2.3 (exactly: a float sum
# would be 2.3000000000000003); 王五 3; 吴十 1 (an observer). Total 10.8.
HOURS = {"张三": 4.5, "李四": 2.3, "王五": 3, "吴十": 1}
TOTAL = 10.8


@pytest.fixture
def group(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("selfstudy-group", recording(GROUP)))
    return database


@pytest.fixture
def entered(backend: Backend, database: Database) -> Database:
    start = backend.built_once("selfstudy-group", recording(GROUP))
    database.load(backend.built_once("selfstudy-entered", recording(ENTRIES), start=start))
    return database


def _stats(ok: Ok, *extra: str) -> dict:
    return json.loads(ok("stats", "--year", "2023", "--format", "json", *extra))


def test_hours_are_stored_exactly(entered: Database, ok: Ok) -> None:
    with entered.connect() as connection:
        stored = connection.execute(
            text("SELECT hours_hundredths FROM self_study ORDER BY id")
        ).scalars()
        assert list(stored) == [150, 225, 75, 200, 10, 20, 300, 100, 1000]
    rows = json.loads(ok("selfstudy", "list", "--member", "李四", "--format", "json"))
    assert [row["hours"] for row in rows] == [2, 0.1, 0.2]


def test_stats_give_the_years_hours_and_each_members(entered: Database, ok: Ok) -> None:
    assert _stats(ok)["self_study_hours"] == TOTAL
    rows = _stats(ok, "--by", "member")["rows"]
    assert {row["member"]: row["self_study_hours"] for row in rows} == HOURS
    previous = json.loads(ok("stats", "--year", "2022", "--format", "json"))
    assert previous["self_study_hours"] == 10
    shown = ok("--lang", "zh", "stats", "--year", "2023")
    assert any(line.split()[:2] == ["个人自学学时", "10.8"] for line in shown.splitlines())
    table = ok("--lang", "zh", "stats", "--year", "2023", "--by", "member", "--format", "csv")
    assert [row.split(",")[-1] for row in table.splitlines()] == [
        "个人自学学时", "4.5", "2.3", "3", "1", "10.8",
    ]  # fmt: skip


def test_the_report_says_the_hours(entered: Database, ok: Ok) -> None:
    report = ok("--lang", "zh", "report", "--year", "2023", *AS_OF, "--format", "markdown")
    assert "坚持个人自学与集中学习相结合，中心组成员全年个人自学10.8学时。" in report


def test_the_check_rule_is_off_by_default(entered: Database, run: Run) -> None:
    # (Other rules fail for this group without sessions: exit status 3.)
    shown = json.loads(run("check", "--year", "2023", *AS_OF, "--format", "json").stdout)
    assert "self_study_hours" not in [rule["rule"] for rule in shown["rules"]]


def test_the_check_rule_names_members_below_the_minimum(
    entered: Database, run: Run, tmp_path: Path
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text('[check]\nenabled = ["self_study_hours"]\nself_study_hours = 3\n')
    result = run("--config", str(settings), "check", "--year", "2023", *AS_OF, "--format", "json")
    (rule,) = [
        rule for rule in json.loads(result.stdout)["rules"] if rule["rule"] == "self_study_hours"
    ]
    # 李四 2.3 < 3; 王五 has exactly 3; the observer 吴十 is not expected.
    assert rule == {
        "rule": "self_study_hours", "enabled": True, "passed": False, "value": None,
        "threshold": 3, "offenders": [{"member": "李四", "hours": 2.3}],
    }  # fmt: skip
    assert result.exit_code == 3  # the check ran and found a rule broken
    table = run("--lang", "zh", "--config", str(settings), "check", "--year", "2023", *AS_OF)
    assert (
        "每名应参学成员全年个人自学不少于3学时" in table.stdout and "李四：2.3学时" in table.stdout
    )
    # A year not yet over is not judged: a member has until its last day.
    early = run("--config", str(settings), "check", "--year", "2023", "--as-of", "2023-12-01",
                "--format", "json")  # fmt: skip
    (rule,) = [r for r in json.loads(early.stdout)["rules"] if r["rule"] == "self_study_hours"]
    assert rule["passed"] and rule["offenders"] == []


def test_a_bad_minimum_in_the_settings_is_refused(entered: Database, run: Run, tmp_path: Path):
    settings = tmp_path / "config.toml"
    settings.write_text("[check]\nself_study_hours = -1\n")
    result = run("--config", str(settings), "check", "--year", "2023")
    assert result.exit_code == 1 and "check.self_study_hours" in result.stderr


@pytest.mark.parametrize(
    ("name", "day", "hours", "title", "code", "says"),
    [
        # hours that cannot be read: 2
        ("张三", "2023-05-01", "-1", "x", 2, "'-1' is not a number of hours"),
        ("张三", "2023-05-01", "0", "x", 2, "'0' is not a number of hours"),
        ("张三", "2023-05-01", "25", "x", 2, "at most 24"),
        ("张三", "2023-05-01", "两", "x", 2, "'两' is not a number"),
        ("张三", "2023-05-01", "nan", "x", 2, "'nan' is not a number"),
        ("张三", "2023-05-01", "1.255", "x", 2, "more than two decimals"),
        # what the records refuse: 1
        ("赵六", "2023-05-01", "1", "x", 1, "no member named '赵六'"),
        ("王五", "2023-05-01", "1", "x", 1, "王五 was not in the group"),
        ("张三", "2999-05-01", "1", "x", 1, "2999-05-01 is in the future"),
        ("张三", "2023-05-01", "1", "", 1, "--title"),
        ("张三", "2023-02-01", "1", "原著", 1, "already recorded (#1)"),
    ],
)
def test_bad_input_is_one_error_and_changes_nothing(
    entered: Database,
    run: Run,
    name: str,
    day: str,
    hours: str,
    title: str,
    code: int,
    says: str,
) -> None:
    before = entered.snapshot()
    args = (name, "--date", day, "--hours", hours, "--title", title)
    result = run("selfstudy", "add", *args)
    assert result.exit_code == code and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0], lines
    assert entered.snapshot() == before


def test_delete_restore_and_undo(entered: Database, ok: Ok, run: Run) -> None:
    ok("selfstudy", "delete", "1")
    assert _stats(ok)["self_study_hours"] == 9.3
    assert run("selfstudy", "delete", "1").stderr.startswith("Error: no self-study #1 (")
    ok("selfstudy", "restore", "1")
    assert _stats(ok)["self_study_hours"] == TOTAL
    ok("selfstudy", "add", "李四", "--date", "2023-06-01", "--hours", "0.7", "--title", "补充")
    assert _stats(ok)["self_study_hours"] == 11.5
    ok("undo", "--yes")
    ok("selfstudy", "delete", "2")
    ok("undo", "--yes")
    assert _stats(ok)["self_study_hours"] == TOTAL
    assert "Records match the log" in ok("log", "--verify")


def test_export_and_import_carry_every_entry(
    entered: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    before = _stats(ok, "--by", "member")
    for suffix in ("json", "xlsx", "csv"):
        path = tmp_path / (f"2023.{suffix}" if suffix != "csv" else "csv-folder")
        ok(
            "export",
            "--year",
            "2023",
            "--out",
            str(path),
            *(("--format", "csv") if suffix == "csv" else ()),
        )
        other = new_database(f"selfstudy-{suffix}")
        assert "8 self-study entries" in ok("--db", other.url, "import", str(path))
        after = json.loads(ok("--db", other.url, "stats", "--year", "2023", "--format", "json",
                              "--by", "member"))  # fmt: skip
        assert after["self_study_hours"] == TOTAL
        assert after["rows"] == before["rows"], suffix
    document = json.loads((tmp_path / "2023.json").read_text(encoding="utf-8"))
    assert document["self_study"][1] == {"date": "2023-03-01", "member": "张三", "hours": 2.25,
                                         "title": "党章"}  # fmt: skip
