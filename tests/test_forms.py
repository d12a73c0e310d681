"""Study forms (学习形式), films, documents and hours: recorded with ``session add|edit``,
counted by ``stats`` (JSON, zh tables, per quarter and member) and said by ``report``.

The year, counted by hand: three sessions.

- 2023-03-10 专题研讨 (a topic session with a discussion): 专家辅导 + 观看专题片, 2 films,
  10 documents, 2.5 hours, hosted by 张三 (组长); everyone present.
- 2023-04-12 集体学习 (= 集中学习): 领学, 交流研讨, 6 documents, 1.5 hours, hosted by 张三;
  王五 on leave.
- 2023-07-05 读书班 with 1 film (so 观看专题片 too), 3 hours, hosted by 李四; everyone present.

So: forms lecture 1, film 2, reading-class 1, guided-reading 1, exchange 1; films 3;
documents 16; study_hours 7 (2.5 + 1.5 + 3); the leader hosted 2; 王五 attended the first
and third: films 3, documents 10, 5.5 hours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.conftest import Database

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试县县委理论学习中心组"
YEAR = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "组长"),
    ("member", "add", "李四"),
    ("member", "add", "王五"),
    ("member", "add", "赵秘", "--role", "学习秘书"),
    ("member", "add", "吴十", "--role", "列席"),
    ("session", "add", "--date", "2023-03-10", "--title", "学习一", "--kind", "专题研讨",
     "--form", "专家辅导", "--form", "film", "--films", "2", "--documents", "10",
     "--hours", "2.5", "--host", "张三"),
    ("session", "add", "--date", "2023-04-12", "--title", "学习二", "--kind", "集体学习",
     "--form", "领学,交流研讨", "--documents", "6篇", "--hours", "1.5小时", "--host", "张三"),
    ("session", "add", "--date", "2023-07-05", "--title", "学习三", "--form", "读书班",
     "--films", "1", "--hours", "3", "--host", "李四"),
    ("attend", "2023-03-10"),
    ("attend", "2023-04-12", "--leave", "王五:出差"),
    ("attend", "2023-07-05"),
]  # fmt: skip


@pytest.fixture
def year(ok: Ok) -> None:
    for args in YEAR:
        ok(*args)


def stats_json(ok: Ok, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok("stats", "--year", "2023", "--format", "json", *args))
    return data


def test_the_years_forms_and_sums_are_those_counted_by_hand(year: None, ok: Ok) -> None:
    data = stats_json(ok)
    assert data["forms"] == {
        "lecture": 1,
        "film": 2,
        "reading-class": 1,
        "guided-reading": 1,
        "exchange": 1,
    }
    assert (data["films"], data["documents"], data["study_hours"]) == (3, 16, 7)
    assert data["leader_hosted"] == 2
    # 专题研讨 is a topic session with a discussion; 集体学习 is 集中学习
    assert (data["sessions"], data["topic_sessions"], data["topic_discussions"]) == (3, 1, 1)
    assert data["discussions"] == 1
    # none of it touches the roll: 4 expected at each of 3 sessions, one leave
    assert (data["expected"], data["present"], data["leave"]) == (12, 11, 1)


def test_quarters_and_members_carry_their_own_forms_and_sums(year: None, ok: Ok) -> None:
    rows = {row["period"]: row for row in stats_json(ok, "--by", "quarter")["rows"]}
    assert rows["2023-Q1"]["forms"] == {"lecture": 1, "film": 1}
    assert (rows["2023-Q1"]["films"], rows["2023-Q1"]["study_hours"]) == (2, 2.5)
    assert rows["2023-Q2"]["forms"] == {"guided-reading": 1, "exchange": 1}
    assert (rows["2023-Q2"]["documents"], rows["2023-Q2"]["study_hours"]) == (6, 1.5)
    assert rows["2023-Q3"]["forms"] == {"film": 1, "reading-class": 1}
    assert rows["2023-Q4"]["forms"] == {} and rows["2023-Q4"]["study_hours"] == 0
    members = {row["member"]: row for row in stats_json(ok, "--by", "member")["rows"]}
    assert members["张三"]["hosted"] == 2 and members["李四"]["hosted"] == 1
    assert members["王五"]["hosted"] == 0
    assert members["王五"]["forms"] == {"lecture": 1, "film": 2, "reading-class": 1}
    assert (members["王五"]["films"], members["王五"]["documents"]) == (3, 10)
    assert members["王五"]["study_hours"] == 5.5
    assert members["张三"]["study_hours"] == 7


def test_stats_in_chinese_names_each_form_and_sum(year: None, ok: Ok) -> None:
    text = ok("--lang", "zh", "stats", "--year", "2023")
    assert re.search(r"学习形式：专家辅导\s+1\b", text)
    assert re.search(r"学习形式：观看专题片\s+2\b", text)
    assert re.search(r"观看专题片（部）\s+3\b", text)
    assert re.search(r"学习文件材料（篇）\s+16\b", text)
    assert re.search(r"集中学习时长（学时）\s+7\b", text)
    assert re.search(r"主要负责同志主持（次）\s+2\b", text)


def test_the_report_says_the_forms_and_who_hosted(year: None, ok: Ok) -> None:
    text = ok("--lang", "zh", "report", "--year", "2023", "--as-of", "2024-01-10")
    assert (
        "创新学习形式，邀请专家专题辅导1场次，举办读书班1期，领学1次，开展交流研讨1次，"
        "观看专题片3部，学习文件材料16篇，累计集中学习7学时。" in text
    )
    assert "主要负责同志主持集中学习2次。" in text
    assert "全年组织县委中心组集中学习3次" in text  # the noun read off the group's name


def test_session_show_and_list_show_the_forms(year: None, ok: Ok) -> None:
    shown = json.loads(ok("session", "show", "2023-03-10", "--format", "json"))
    assert shown["forms"] == ["film", "lecture"]
    assert (shown["films"], shown["documents"], shown["hours"]) == (2, 10, 2.5)
    table = ok("--lang", "zh", "session", "show", "2023-07-05")
    assert re.search(r"学习形式类别\s+观看专题片、读书班", table)
    assert re.search(r"学时\s+3\b", table)
    listed = ok("--lang", "zh", "session", "list", "--year", "2023")
    assert "领学、交流研讨" in listed or "交流研讨、领学" in listed


def test_edit_replaces_the_forms_and_clears_a_count(year: None, ok: Ok) -> None:
    ok("session", "edit", "2023-04-12", "--form", "调研", "--documents", "", "--hours", "2.25")
    shown = json.loads(ok("session", "show", "2023-04-12", "--format", "json"))
    assert shown["forms"] == ["research"]
    assert (shown["documents"], shown["hours"]) == (None, 2.25)
    data = stats_json(ok)
    assert data["documents"] == 10 and data["study_hours"] == 7.75
    ok("session", "edit", "2023-04-12", "--form", "")
    assert json.loads(ok("session", "show", "2023-04-12", "--format", "json"))["forms"] == []


@pytest.mark.parametrize(
    "args",
    [
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--form", "讲故事"),
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--films", "-1"),
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--documents", "许多"),
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--hours", "0"),
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--hours", "25"),
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--hours", "1.555"),
        ("session", "add", "--date", "2023-09-01", "--title", "新", "--hours", "-2"),
        ("session", "edit", "2023-03-10", "--form", "专家辅导,不存在"),
        ("session", "edit", "2023-03-10", "--films", "2.5"),
    ],
)
def test_bad_study_input_is_one_error_and_changes_nothing(
    year: None, run: Run, database: Database, args: tuple[str, ...]
) -> None:
    before = database.snapshot()
    result = run(*args)
    assert result.exit_code != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert database.snapshot() == before


def test_a_groups_own_form_from_the_settings(year: None, ok: Ok, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[forms.salon]\nzh = "理论沙龙"\nen = "theory salon"\nphrase = "举办理论沙龙{n}期"\n',
        encoding="utf-8",
    )
    config = ("--config", str(settings))
    ok(*config, "session", "add", "--date", "2023-10-10", "--title", "沙龙", "--form", "理论沙龙")
    ok(*config, "attend", "2023-10-10")
    data = json.loads(ok(*config, "stats", "--year", "2023", "--format", "json"))
    assert data["forms"]["salon"] == 1
    report = ok(*config, "--lang", "zh", "report", "--year", "2023", "--as-of", "2024-01-10")
    assert "举办理论沙龙1期" in report
    assert "[forms.salon]" in ok(*config, "config", "show")


def test_the_group_noun_comes_from_the_settings(year: None, ok: Ok, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[org]\nnoun = "党委中心组"\n', encoding="utf-8")
    report = ok("--config", str(settings), "--lang", "zh", "report", "--year", "2023",
                "--as-of", "2024-01-10")  # fmt: skip
    assert "全年组织党委中心组集中学习3次" in report


def test_a_float_figure_is_a_number_and_only_rates_are_percentages(ok: Ok) -> None:
    ok("init", "--org", ORG)
    ok("member", "add", "张三")
    for day, source in (("2023-03-10", "2023-03-01"), ("2023-04-20", "2023-04-01")):
        ok("session", "add", "--date", day, "--title", f"学习{day}", "--first-agenda", "讲话",
           "--source-date", source)  # fmt: skip
        ok("attend", day)
    # relayed after 9 and 19 days: the median is 14 days, not 1400.0%
    ok("session", "add", "--date", "2023-05-20", "--title", "三", "--first-agenda", "讲话",
       "--source-date", "2023-05-05", "--hours", "2.5")  # fmt: skip
    ok("attend", "2023-05-20")
    ok("session", "add", "--date", "2023-06-20", "--title", "四", "--first-agenda", "讲话",
       "--source-date", "2023-06-10")  # fmt: skip
    ok("attend", "2023-06-20")
    data = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    assert data["first_agenda_median_days"] == 12.5  # 9, 10, 15, 19
    for fmt in ("table", "csv", "markdown"):
        text = ok("stats", "--year", "2023", "--format", fmt)
        assert "12.5" in text and "1250" not in text, fmt
        assert "2.5" in text and "250.0%" not in text, fmt
        assert "100.0%" in text  # the attendance rate is still a rate


def test_stats_by_member_or_quarter_does_not_repeat_every_figure(year: None, ok: Ok) -> None:
    for by in ("member", "quarter"):
        text = ok("--lang", "zh", "stats", "--year", "2023", "--by", by)
        assert text.startswith("2023年：集中学习3次")
        assert "项目" not in text and "应参学人次  " not in text.split("\n", 3)[2], by
        assert "合计" in text


def test_old_exports_and_new_ones_round_trip_the_study_fields(
    year: None, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    for fmt, name in (("json", "year.json"), ("csv", "year-csv"), ("xlsx", "year.xlsx")):
        out = tmp_path / name
        ok("export", "--year", "2023", "--out", str(out), "--format", fmt)
        other = new_database(f"copy_{fmt}")
        other.ensure()
        ok("--db", other.address, "import", str(out))
        copied = json.loads(
            ok("--db", other.address, "stats", "--year", "2023", "--format", "json")
        )
        original = stats_json(ok)
        for key in ("forms", "films", "documents", "study_hours"):
            assert copied[key] == original[key], (fmt, key)
    # a file written before the study columns existed still imports
    data = json.loads((tmp_path / "year.json").read_text(encoding="utf-8"))
    for row in data["sessions"]:
        for key in ("forms", "films", "documents", "hours"):
            row.pop(key)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = new_database("copy_old")
    other.ensure()
    ok("--db", other.address, "import", str(old))
    copied = json.loads(ok("--db", other.address, "stats", "--year", "2023", "--format", "json"))
    assert copied["forms"] == {} and copied["sessions"] == 3


def test_undo_and_the_log_cover_the_forms(year: None, ok: Ok) -> None:
    ok("session", "edit", "2023-03-10", "--form", "调研", "--hours", "4")
    assert "Records match the log" in ok("log", "--verify")
    ok("undo", "--yes")
    shown = json.loads(ok("session", "show", "2023-03-10", "--format", "json"))
    assert shown["forms"] == ["film", "lecture"] and shown["hours"] == 2.5
    assert "Records match the log" in ok("log", "--verify")


def test_office_synonyms_are_accepted_everywhere(ok: Ok) -> None:
    ok("init", "--org", ORG)
    ok("member", "add", "张三", "--role", "中心组组长")
    ok("member", "add", "李四", "--role", "组员")
    ok("session", "add", "--date", "2023-03-10", "--title", "一", "--kind", "专题学习研讨",
       "--form", "专题辅导")  # fmt: skip
    ok("attend", "2023-03-10")
    for kind, value in (("领学发言", "key"), ("书面交流", "written"), ("研讨发言", "exchange")):
        ok("speech", "add", "2023-03-10", "张三", "--kind", kind)
        listed = json.loads(ok("speech", "list", "--format", "json"))
        assert value in {row["kind"] for row in listed}
    shown = json.loads(ok("session", "show", "2023-03-10", "--format", "json"))
    assert (shown["kind"], shown["discussion"], shown["forms"]) == ("topic", True, ["lecture"])
    members = json.loads(ok("member", "list", "--format", "json"))
    assert [row["role"] for row in members] == ["leader", "member"]
