"""People at a session beyond its roll: 扩大学习 groups (``--extended``), observers who attended
(``--observed``), visitors of a superior body (``--visitor``); none ever expected or in a rate.
Observers' speeches counted apart; the secretary expected or not by the settings; the
attendance rule's wording; who hosted.

The year, counted by hand: 张三 (组长), 李四, 王五 and 赵秘 (学习秘书) are expected; 吴十 is
列席. Three sessions, everyone expected present except 王五 absent on 2023-06-01.

- 2023-03-01: 扩大学习 局中层党员干部 15 and 机关党员 8; 吴十 observed; 市委第一巡听组 张甲
  and 李乙 sat in (one visit).
- 2023-06-01: 扩大学习 局中层党员干部 12; 省委巡听组 王丙 (one visit).
- 2023-09-01: nothing beyond the roll.

So: extended_sessions 2, extended_attendance 35, observer_attendance 1, visits 2.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.conftest import Database

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
YEAR = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "组长"),
    ("member", "add", "李四"),
    ("member", "add", "王五"),
    ("member", "add", "赵秘", "--role", "学习秘书"),
    ("member", "add", "吴十", "--role", "列席"),
    ("session", "add", "--date", "2023-03-01", "--title", "一", "--host", "张三"),
    ("session", "add", "--date", "2023-06-01", "--title", "二", "--host", "张三"),
    ("session", "add", "--date", "2023-09-01", "--title", "三", "--host", "李四"),
    ("attend", "2023-03-01", "--extended", "局中层党员干部:15", "--extended", "机关党员：8",
     "--observed", "吴十", "--visitor", "市委第一巡听组:张甲,李乙"),
    ("attend", "2023-06-01", "--absent", "王五", "--extended", "局中层党员干部:12",
     "--visitor", "省委巡听组：王丙"),
    ("attend", "2023-09-01"),
    ("speech", "add", "2023-03-01", "张三", "--kind", "key"),
    ("speech", "add", "2023-03-01", "吴十", "--kind", "key"),
]  # fmt: skip


@pytest.fixture(autouse=True)
def secretary_expected_again() -> Iterator[None]:
    """A test that leaves the secretary off the roll does so for its own run only."""
    yield
    from studylog.records.expected import expect_secretary

    expect_secretary(True)


@pytest.fixture
def year(ok: Ok) -> None:
    for args in YEAR:
        ok(*args)


def stats(ok: Ok, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok("stats", "--year", "2023", "--format", "json", *args))
    return data


def test_beyond_the_roll_is_counted_apart_and_never_expected(year: None, ok: Ok) -> None:
    data = stats(ok)
    assert data["extended_sessions"] == 2
    assert data["extended_attendance"] == 35
    assert data["observer_attendance"] == 1
    assert data["visits"] == 2
    # the rates are the roll's alone: 4 expected at 3 sessions, one absence
    assert (data["expected"], data["present"], data["absent"]) == (12, 11, 1)
    assert data["attendance_rate"] == pytest.approx(11 / 12)


def test_an_observers_speech_is_counted_apart_from_the_members(year: None, ok: Ok) -> None:
    data = stats(ok)
    assert data["speeches"] == {"key": 1, "written": 0, "exchange": 0}
    assert data["observer_speeches"] == 1
    rows = stats(ok, "--by", "member")["rows"]
    assert "吴十" not in {row["member"] for row in rows}
    assert sum(row["speeches"]["key"] for row in rows) == 1


def test_hosted_per_member_and_the_leaders_count(year: None, ok: Ok) -> None:
    rows = {row["member"]: row for row in stats(ok, "--by", "member")["rows"]}
    assert (rows["张三"]["hosted"], rows["李四"]["hosted"], rows["王五"]["hosted"]) == (2, 1, 0)
    assert stats(ok)["leader_hosted"] == 2


def test_stats_in_chinese_and_the_report_say_it(year: None, ok: Ok) -> None:
    text = ok("--lang", "zh", "stats", "--year", "2023")
    assert re.search(r"扩大学习（次）\s+2\b", text)
    assert re.search(r"扩大学习参加（人次）\s+35\b", text)
    assert re.search(r"上级巡听旁听（次）\s+2\b", text)
    assert re.search(r"列席（人次）\s+1\b", text)
    report = ok("--lang", "zh", "report", "--year", "2023", "--as-of", "2024-01-10")
    assert "扩大学习2次，参加35人次，上级巡听旁听2次，列席1人次。" in report
    assert "主要负责同志主持集中学习2次。" in report


def test_the_report_leaves_out_what_did_not_happen(ok: Ok) -> None:
    for args in YEAR[:8]:
        ok(*args)
    ok("attend", "2023-06-01")
    report = ok("--lang", "zh", "report", "--year", "2023", "--as-of", "2024-01-10")
    assert "扩大学习" not in report and "巡听旁听" not in report


def test_session_show_lists_who_came_beyond_the_roll(year: None, ok: Ok) -> None:
    shown = json.loads(ok("session", "show", "2023-03-01", "--format", "json"))
    assert shown["extended"] == [
        {"label": "局中层党员干部", "count": 15, "names": None},
        {"label": "机关党员", "count": 8, "names": None},
    ]
    assert shown["observers"] == ["吴十"]
    assert shown["visitors"] == [
        {"body": "市委第一巡听组", "name": "张甲"},
        {"body": "市委第一巡听组", "name": "李乙"},
    ]
    assert "吴十" not in {line["member"] for line in shown["roll"]}


def test_attend_replaces_and_clears_each_list_and_keeps_the_roll(year: None, ok: Ok) -> None:
    ok("attend", "2023-03-01", "--extended", "局中层党员干部:3:甲、乙、丙", "--visitor", "")
    shown = json.loads(ok("session", "show", "2023-03-01", "--format", "json"))
    assert shown["extended"] == [{"label": "局中层党员干部", "count": 3, "names": "甲、乙、丙"}]
    assert shown["visitors"] == [] and shown["observers"] == ["吴十"]
    data = stats(ok)
    assert (data["extended_attendance"], data["visits"], data["present"]) == (15, 1, 11)
    assert "Records match the log" in ok("log", "--verify")
    ok("undo", "--yes")
    assert stats(ok)["extended_attendance"] == 35


@pytest.mark.parametrize(
    "args",
    [
        ("attend", "2023-09-01", "--extended", "局中层党员干部"),
        ("attend", "2023-09-01", "--extended", "局中层党员干部:"),
        ("attend", "2023-09-01", "--extended", "局中层党员干部:0"),
        ("attend", "2023-09-01", "--extended", "局中层党员干部:-3"),
        ("attend", "2023-09-01", "--extended", ":5"),
        ("attend", "2023-09-01", "--extended", "局中层:2:甲、乙、丙"),
        ("attend", "2023-09-01", "--extended", "局中层:2", "--extended", "局中层:3"),
        ("attend", "2023-09-01", "--visitor", "市委巡听组"),
        ("attend", "2023-09-01", "--visitor", ":张甲"),
        ("attend", "2023-09-01", "--observed", "李四"),
        ("attend", "2023-09-01", "--observed", "无此人"),
        ("attend", "2023-09-01", "--absent", "王五", "--observed", "李四"),
    ],
)
def test_bad_input_is_one_error_and_changes_nothing(
    year: None, run: Run, database: Database, args: tuple[str, ...]
) -> None:
    before = database.snapshot()
    result = run(*args)
    assert result.exit_code != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert database.snapshot() == before


def test_the_secretary_off_the_roll_by_the_settings(year: None, ok: Ok, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[org]\nsecretary_expected = false\n", encoding="utf-8")
    config = ("--config", str(settings))
    data = json.loads(ok(*config, "stats", "--year", "2023", "--format", "json"))
    assert data["expected"] == 9  # 张三, 李四, 王五 at three sessions
    ok(*config, "attend", "2023-09-01", "--observed", "赵秘,吴十")
    data = json.loads(ok(*config, "stats", "--year", "2023", "--format", "json"))
    assert data["observer_attendance"] == 3
    # by default the secretary is expected, as before
    assert stats(ok)["expected"] == 12


def test_member_speeches_judges_the_roles_the_settings_list(
    year: None, run: Run, tmp_path: Path
) -> None:
    def offenders(*config: str) -> list[str]:
        result = run(*config, "check", "--year", "2023", "--as-of", "2024-01-10",
                     "--format", "json")  # fmt: skip
        rules = {rule["rule"]: rule for rule in json.loads(result.stdout)["rules"]}
        return [item["member"] for item in rules["member_speeches"]["offenders"]]

    assert offenders() == ["李四", "王五"]  # not the secretary, by default
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[check]\nmember_speeches_roles = ["leader", "deputy", "member", "secretary"]\n',
        encoding="utf-8",
    )
    assert offenders("--config", str(settings)) == ["李四", "王五", "赵秘"]


@pytest.mark.parametrize(
    ("language", "verdict", "group", "header"),
    [
        ("en", "pass (group); 1 member below individually",
         "group rate 91.7% (the rule judges the group)", "members below the rate individually:"),
        ("zh", "通过（全组）；1名成员个人未达标", "全组出勤率91.7%（本项按全组判定）",
         "个人出勤率未达标的成员："),
    ],
)  # fmt: skip
def test_check_says_the_group_passes_and_who_falls_short(
    year: None, run: Run, tmp_path: Path, language: str, verdict: str, group: str, header: str
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[check]\nattendance_rate = 0.9\n", encoding="utf-8")
    result = run("--lang", language, "check", "--year", "2023", "--as-of", "2024-01-10")
    text = result.stdout
    assert verdict in text and group in text and header in text
    assert re.search(r"王五 66\.7%", text)
    assert "FAIL" not in text.split("\n")[4] and "未通过" not in text.split("\n")[4]
