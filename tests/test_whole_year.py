"""A whole year, as issue 18 quotes a real one: every figure a year's report states comes from
studylog's records.

The year (2025, our own names and dates) is entered the way a secretary would: the first of
each kind of record through its command, in Chinese and in the office's own words (``--kind
专题研讨``, ``集体学习``, ``--form 专家辅导``, ``--level 市``), the many rows after them through
``import`` of a JSON file, and the people beyond the roll through ``attend``. The report it
should give, figure by figure:

「开展集体学习22次，专题学习10次，邀请专家专题辅导7场次，观看专题片14部，学习文件材料80余篇，
围绕主题专题研讨11次；中心组成员带头深入基层讲党课36场次，在市级以上媒体发表理论文章19篇」,
「学习范围扩大至局中层党员干部」(扩大学习 4 times, 161 people), 「党组会'第一议题'学习28次」,
「书记全年主持中心组学习9次，撰写心得体会和调研报告5篇」, 上级巡听旁听 3 times, and the
members' self-study hours. Every expected value below is counted by hand from the tables here.

「围绕主题专题研讨11次」 is the year's discussions (``discussions``: 8 topic sessions and 3
regular ones held a discussion); studylog's report says it as 「开展集中学习研讨11次」.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select
from typer.testing import CliRunner, Result

from studylog.cli import app
from tests.conftest import Backend, Database

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "示例市交通运输局党组理论学习中心组"
YEAR = "2025"

# name, post, role as the office types it (组员 / 中心组成员 / 中心组秘书 are synonyms)
MEMBERS = [
    ("陈一", "党组书记、局长", "组长"),
    ("林二", "党组副书记、副局长", "副组长"),
    ("黄三", "党组成员、副局长", "成员"),
    ("马五", "党组成员、副局长", "组员"),
    ("周六", "党组成员、纪检监察组组长", "中心组成员"),
    ("许七", "办公室主任", "中心组秘书"),
    ("郑四", "机关党委专职副书记", "列席"),
]
EXPECTED_MEMBERS = [name for name, _, role in MEMBERS if role != "列席"]  # 6 on the roll

# The 22 sessions: date, kind (T topic / S study), discussion, forms, films, documents, hours,
# host. The first three go in through `session add`, the rest through `import`.
SESSIONS: list[tuple[str, str, bool, tuple[str, ...], int, int, float, str]] = [
    ("2025-01-09", "T", True, ("lecture",), 0, 4, 3.0, "陈一"),
    ("2025-01-23", "S", False, ("guided-reading",), 0, 3, 2.0, "林二"),
    ("2025-02-13", "S", True, ("exchange",), 0, 4, 2.5, "林二"),
    ("2025-02-27", "T", True, ("film",), 2, 3, 2.5, "陈一"),
    ("2025-03-13", "S", False, ("guided-reading",), 0, 4, 2.0, "林二"),
    ("2025-03-27", "T", True, ("lecture",), 0, 5, 3.0, "陈一"),
    ("2025-04-10", "S", False, ("film",), 3, 2, 2.5, "林二"),
    ("2025-04-24", "T", True, ("lecture", "exchange"), 0, 4, 3.0, "陈一"),
    ("2025-05-15", "S", True, ("exchange",), 0, 4, 2.5, "林二"),
    ("2025-05-29", "S", False, ("guided-reading",), 0, 5, 2.0, "林二"),
    ("2025-06-12", "T", True, ("film",), 4, 3, 3.0, "陈一"),
    ("2025-06-26", "S", False, ("lecture",), 0, 4, 2.5, "林二"),
    ("2025-07-10", "T", False, ("site-visit",), 0, 2, 4.0, "陈一"),
    ("2025-07-24", "S", False, ("guided-reading",), 0, 5, 2.0, "林二"),
    ("2025-08-14", "S", True, ("exchange",), 0, 4, 2.5, "林二"),
    ("2025-08-28", "T", True, ("lecture",), 0, 4, 3.0, "陈一"),
    ("2025-09-11", "S", False, ("film",), 2, 3, 2.5, "林二"),
    ("2025-09-25", "T", False, ("reading-class",), 0, 5, 6.0, "林二"),
    ("2025-10-16", "S", False, ("guided-reading",), 0, 4, 2.0, "林二"),
    ("2025-10-30", "T", True, ("lecture", "film"), 3, 4, 3.0, "陈一"),
    ("2025-11-13", "S", False, ("research",), 0, 3, 3.5, "林二"),
    ("2025-12-11", "T", True, ("lecture",), 0, 4, 3.0, "陈一"),
]
# Sessions that took a first agenda item of their own (not the 党组会's 28): date → source.
SESSION_FIRST_AGENDA = {"2025-01-09": "2025-01-03", "2025-06-12": "2025-06-05"}

# People beyond the roll, through `attend` (full-width colons as offices type them).
BEYOND: list[tuple[str, ...]] = [
    ("2025-01-09", "--extended", "局中层党员干部：35", "--observed", "郑四",
     "--visitor", "市委第一巡听组：赵甲，钱乙"),
    ("2025-03-27", "--extended", "局中层党员干部:38", "--observed", "郑四"),
    ("2025-06-12", "--extended", "局中层党员干部:40", "--observed", "郑四"),
    ("2025-08-28", "--observed", "郑四", "--visitor", "市委第一巡听组:赵甲",
     "--visitor", "市直机关工委:孙丙"),
    ("2025-10-30", "--extended", "局中层党员干部:36",
     "--extended", "局属单位主要负责人:12:王甲、李乙"),
    ("2025-12-11", "--observed", "郑四"),
]  # fmt: skip

# Members' outputs: member, kind, level (articles), how many. The first of each kind goes in
# through `output add`.
OUTPUTS: list[tuple[str, str, str | None, int]] = [
    ("陈一", "party-lecture", None, 8),
    ("林二", "party-lecture", None, 7),
    ("黄三", "party-lecture", None, 7),
    ("马五", "party-lecture", None, 7),
    ("周六", "party-lecture", None, 7),
    ("林二", "briefing-tour", None, 2),
    ("黄三", "briefing-tour", None, 2),
    ("陈一", "article", "central", 1),
    ("林二", "article", "central", 1),
    ("黄三", "article", "provincial", 2),
    ("马五", "article", "provincial", 2),
    ("周六", "article", "provincial", 1),
    ("林二", "article", "city", 3),
    ("黄三", "article", "city", 3),
    ("马五", "article", "city", 3),
    ("周六", "article", "city", 3),
    ("周六", "article", "county", 2),  # 县级: not 市级以上
    ("许七", "article", "county", 1),
    ("陈一", "reflection", None, 3),
    ("陈一", "research-report", None, 2),
    ("林二", "discussion-paper", None, 2),
    ("黄三", "discussion-paper", None, 2),
    ("马五", "discussion-paper", None, 1),
    ("周六", "discussion-paper", None, 1),
]
# Whose first output of a kind (at a level) goes in through `output add` (see record_whole_year).
BY_COMMAND = {
    ("陈一", "party-lecture", None),
    ("林二", "briefing-tour", None),
    ("陈一", "article", "central"),
    ("林二", "article", "city"),
    ("周六", "article", "county"),
    ("陈一", "reflection", None),
    ("陈一", "research-report", None),
    ("林二", "discussion-paper", None),
}
LEVEL_ZH = {"central": "中央", "provincial": "省", "city": "市", "county": "县"}
KIND_ZH = {
    "party-lecture": "讲党课",
    "briefing-tour": "宣讲",
    "article": "理论文章",
    "reflection": "心得体会",
    "research-report": "调研报告",
    "discussion-paper": "研讨材料",
}

# Self-study hours per member, entry by entry (陈一's first through `selfstudy add`).
SELF_STUDY = {
    "陈一": [12, 10.5, 12, 11],  # 45.5
    "林二": [10, 10, 10, 12],  # 42
    "黄三": [8, 8.25, 9, 9],  # 34.25
    "马五": [10, 10, 10, 10],  # 40
    "周六": [11, 11, 11, 11.5],  # 44.5
    "许七": [6, 6, 6, 6],  # 24
}

# 党组会 first agenda items: 28, relayed 5 days after the source (14 of them), 7 days (13) and
# 20 days (1): half within 6 days (the median of 5,…,5,7,…), the slowest after 20.
AGENDA_LATENCY = [5] * 14 + [7] * 13 + [20]


def _agenda_dates() -> list[tuple[str, str]]:
    import datetime as dt

    rows = []
    for index, latency in enumerate(AGENDA_LATENCY):
        day = dt.date(2025, 1, 10) + dt.timedelta(days=12 * index + 1)
        rows.append((day.isoformat(), (day - dt.timedelta(days=latency)).isoformat()))
    return rows


AGENDA = _agenda_dates()

# -- the figures, counted by hand from the tables above --------------------------------------

FIGURES: dict[str, Any] = {
    "sessions": 22,  # 开展集体学习22次
    "topic_sessions": 10,  # 专题学习10次
    "discussions": 11,  # 围绕主题专题研讨11次 (8 topic + 3 regular sessions)
    "topic_discussions": 8,
    "first_agenda_items": 2,
    "expected": 132,  # 6 on the roll × 22; 郑四 (列席) never expected
    "present": 132,
    "attendance_rate": 1.0,
    "forms": {  # 邀请专家专题辅导7场次
        "lecture": 7,
        "film": 5,
        "guided-reading": 5,
        "exchange": 4,
        "site-visit": 1,
        "reading-class": 1,
        "research": 1,
    },
    "films": 14,  # 观看专题片14部
    "documents": 83,  # 学习文件材料80余篇
    "study_hours": 62,  # 9 × 3 + 6 × 2.5 ... summed by hand: 62.0
    "extended_sessions": 4,  # 学习范围扩大至局中层党员干部
    "extended_attendance": 161,  # 35 + 38 + 40 + 36 + 12
    "observer_attendance": 5,
    "observer_speeches": 0,
    "visits": 3,  # 上级巡听旁听: 1 on 01-09, 2 bodies on 08-28
    "leader_hosted": 9,  # 书记全年主持中心组学习9次
    "outputs": {
        "party-lecture": 36,  # 讲党课36场次
        "briefing-tour": 4,
        "article": 22,
        "reflection": 3,
        "research-report": 2,  # 撰写心得体会和调研报告5篇
        "discussion-paper": 6,
    },
    "outputs_city_level_or_above": 19,  # 在市级以上媒体发表理论文章19篇
    "first_agenda_by_meeting": {  # 党组会“第一议题”学习28次
        "party-group": 28,
        "party-committee": 0,
        "standing-committee": 0,
    },
    "first_agenda_by_meeting_latency": {
        "party-group": {"items": 28, "median_days": 6, "longest_days": 20}
    },
    "self_study_hours": 230.25,  # 45.5 + 42 + 34.25 + 40 + 44.5 + 24
}

# What `stats --by member` says of each: sessions hosted, outputs, self-study hours.
BY_MEMBER: dict[str, dict[str, Any]] = {
    "陈一": {
        "hosted": 9,
        "outputs": {"party-lecture": 8, "article": 1, "reflection": 3, "research-report": 2},
        "self_study_hours": 45.5,
    },
    "林二": {
        "hosted": 13,
        "outputs": {
            "party-lecture": 7,
            "briefing-tour": 2,
            "article": 4,
            "discussion-paper": 2,
        },
        "self_study_hours": 42,
    },
    "黄三": {
        "hosted": 0,
        "outputs": {
            "party-lecture": 7,
            "briefing-tour": 2,
            "article": 5,
            "discussion-paper": 2,
        },
        "self_study_hours": 34.25,
    },
    "马五": {
        "hosted": 0,
        "outputs": {"party-lecture": 7, "article": 5, "discussion-paper": 1},
        "self_study_hours": 40,
    },
    "周六": {
        "hosted": 0,
        "outputs": {"party-lecture": 7, "article": 6, "discussion-paper": 1},
        "self_study_hours": 44.5,
    },
    "许七": {"hosted": 0, "outputs": {"article": 1}, "self_study_hours": 24},
}


def test_the_tables_above_add_up_to_the_quoted_figures() -> None:
    """The hand counts above, checked against the tables they were counted from."""
    assert len(SESSIONS) == 22
    assert sum(kind == "T" for _, kind, *_ in SESSIONS) == 10
    assert sum(row[2] for row in SESSIONS) == 11
    assert sum("lecture" in row[3] for row in SESSIONS) == 7
    assert sum(row[4] for row in SESSIONS) == 14
    assert sum(row[5] for row in SESSIONS) == 83
    assert sum(row[6] for row in SESSIONS) == 62
    assert sum(row[7] == "陈一" for row in SESSIONS) == 9
    assert sum(n for _, kind, _, n in OUTPUTS if kind == "party-lecture") == 36
    city = {"central", "provincial", "city"}
    assert sum(n for _, kind, level, n in OUTPUTS if kind == "article" and level in city) == 19
    assert sum(sum(hours) for hours in SELF_STUDY.values()) == 230.25
    assert len(AGENDA) == 28 and AGENDA[-1][0] < "2025-12-31"


# -- entering the year ---------------------------------------------------------------------


def title(number: int) -> str:
    return f"{YEAR}年第{number}次理论学习"


def _bulk_file() -> dict[str, Any]:
    """What `import` adds after the commands: sessions 4–22 with their rolls, the other
    outputs, self-study entries and 党组会 items."""
    sessions = []
    attendance = []
    for number, (day, kind, discussion, forms, films, documents, hours, host) in enumerate(
        SESSIONS[3:], start=4
    ):
        source = SESSION_FIRST_AGENDA.get(day)
        sessions.append({
            "id": number, "date": day, "title": title(number),
            "kind": "topic" if kind == "T" else "study", "discussion": discussion,
            "format": "in-person", "host": host, "location": "局机关第一会议室",
            "first_agenda": "习近平总书记重要讲话精神" if source else None,
            "source_date": source, "films": films or None, "documents": documents,
            "forms": list(forms), "hours": hours, "tags": [],
        })  # fmt: skip
        attendance += [
            {"session": number, "date": day, "member": name, "status": "present", "reason": None}
            for name in EXPECTED_MEMBERS
        ]
    outputs = []
    for member, kind, level, count in OUTPUTS:
        first = 1 if (member, kind, level) in BY_COMMAND else 0  # entered by `output add`
        for index in range(first, count):
            outputs.append({
                "date": f"2025-{(index % 12) + 1:02d}-{10 + len(outputs) % 15:02d}",
                "member": member, "kind": kind,
                "title": f"{member}{KIND_ZH[kind]}{level or ''}第{index + 1}篇",
                "venue": f"{LEVEL_ZH[level]}级报刊" if level else None,
                "level": level, "session": None,
            })  # fmt: skip
    self_study = [
        {"date": f"2025-{3 * index + 2:02d}-15", "member": member, "hours": hours,
         "title": f"{member}个人自学第{index + 1}次"}
        for member, entries in SELF_STUDY.items()
        for index, hours in enumerate(entries)
        if (member, index) != ("陈一", 0)
    ]  # fmt: skip
    agenda = [
        {"meeting": "party-group", "date": day, "title": f"党组会第一议题第{index + 1}项",
         "source_date": source}
        for index, (day, source) in enumerate(AGENDA)
        if index != 0
    ]  # fmt: skip
    return {
        "org": ORG,
        "year": int(YEAR),
        "members": [],
        "sessions": sessions,
        "attendance": attendance,
        "makeups": [],
        "speeches": [],
        "member_outputs": outputs,
        "self_study": self_study,
        "agenda_items": agenda,
    }


def record_whole_year(ok: Ok) -> None:
    """Enter the year: the first of each kind by command, in Chinese, the rest by import."""
    ok("--lang", "zh", "init", "--org", ORG)
    for name, post, role in MEMBERS:
        ok("--lang", "zh", "member", "add", name, "--title", post, "--role", role)
    # Sessions 1–3 by command, in the office's words: 专题研讨 (a topic session with a
    # discussion), 集体学习 (= 集中学习), 集中研讨 (a regular session with a discussion).
    ok("--lang", "zh", "session", "add", "--date", "2025-01-09", "--title", title(1),
       "--kind", "专题研讨", "--form", "专家辅导", "--documents", "4篇", "--hours", "3小时",
       "--host", "陈一", "--first-agenda", "习近平总书记重要讲话精神",
       "--source-date", SESSION_FIRST_AGENDA["2025-01-09"])  # fmt: skip
    ok("--lang", "zh", "session", "add", "--date", "2025-01-23", "--title", title(2),
       "--kind", "集体学习", "--form", "领学", "--documents", "3", "--hours", "2",
       "--host", "林二")  # fmt: skip
    ok("--lang", "zh", "session", "add", "--date", "2025-02-13", "--title", title(3),
       "--kind", "集中研讨", "--form", "交流研讨", "--films", "0", "--documents", "4",
       "--hours", "2.5", "--host", "林二")  # fmt: skip
    for day in ("2025-01-09", "2025-01-23", "2025-02-13"):
        ok("--lang", "zh", "attend", day)
    # The first of each kind of output by command.
    ok("--lang", "zh", "output", "add", "陈一", "--kind", "讲党课", "--date", "2025-01-20",
       "--title", "陈一讲党课第1篇", "--venue", "局机关第一党支部")  # fmt: skip
    ok("--lang", "zh", "output", "add", "林二", "--kind", "宣讲", "--date", "2025-01-21",
       "--title", "林二宣讲第1篇", "--venue", "下属单位")  # fmt: skip
    ok("--lang", "zh", "output", "add", "陈一", "--kind", "理论文章", "--date", "2025-01-22",
       "--title", "陈一理论文章central第1篇", "--venue", "中央级报刊",
       "--level", "中央")  # fmt: skip
    ok("--lang", "zh", "output", "add", "林二", "--kind", "文章", "--date", "2025-01-10",
       "--title", "林二理论文章city第1篇", "--venue", "某市日报", "--level", "市")  # fmt: skip
    ok("--lang", "zh", "output", "add", "周六", "--kind", "理论文章", "--date", "2025-01-11",
       "--title", "周六理论文章county第1篇", "--venue", "某县报", "--level", "县级")  # fmt: skip
    ok("--lang", "zh", "output", "add", "陈一", "--kind", "心得体会", "--date", "2025-01-24",
       "--title", "陈一心得体会第1篇")  # fmt: skip
    ok("--lang", "zh", "output", "add", "陈一", "--kind", "调研报告", "--date", "2025-01-25",
       "--title", "陈一调研报告第1篇")  # fmt: skip
    ok("--lang", "zh", "output", "add", "林二", "--kind", "研讨材料", "--date", "2025-02-13",
       "--title", "林二研讨材料第1篇", "--session", "2025-02-13")  # fmt: skip
    ok("--lang", "zh", "selfstudy", "add", "陈一", "--date", "2025-02-15", "--hours", "12小时",
       "--title", "陈一个人自学第1次")  # fmt: skip
    first_day, first_source = AGENDA[0]
    ok("--lang", "zh", "agenda", "add", "--meeting", "党组会", "--date", first_day,
       "--title", "党组会第一议题第1项", "--source-date", first_source)  # fmt: skip
    # The rest of the year in one import.
    bulk = Path(os.environ["STUDYLOG_HOME"]) / "whole-year.json"
    bulk.write_text(json.dumps(_bulk_file(), ensure_ascii=False), encoding="utf-8")
    ok("--lang", "zh", "import", str(bulk))
    # Who came beyond the roll, session by session.
    for day, *options in BEYOND:
        ok("--lang", "zh", "attend", day, *options)


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("whole-year", record_whole_year))
    return database


def stats_json(ok: Ok, *args: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(ok("stats", "--year", YEAR, "--format", "json", *args))
    return document


# -- stats --format json -------------------------------------------------------------------


def test_stats_json_gives_every_figure_the_report_quotes(year: Database, ok: Ok) -> None:
    figures = stats_json(ok)
    assert {key: figures[key] for key in FIGURES} == FIGURES


def test_stats_by_member_gives_who_hosted_wrote_and_studied_alone(year: Database, ok: Ok) -> None:
    rows = {row["member"]: row for row in stats_json(ok, "--by", "member")["rows"]}
    no_outputs = dict.fromkeys(FIGURES["outputs"], 0)
    for name, expected in BY_MEMBER.items():
        row = rows[name]
        assert row["hosted"] == expected["hosted"], name
        assert row["outputs"] == {**no_outputs, **expected["outputs"]}, name
        assert row["self_study_hours"] == expected["self_study_hours"], name
    # 书记: 主持中心组学习9次，撰写心得体会和调研报告5篇
    leader = rows["陈一"]
    assert leader["outputs"]["reflection"] + leader["outputs"]["research-report"] == 5
    # The rows add up to the year's figures (the observer has a row of no outputs of his own).
    assert sum(row["hosted"] for row in rows.values()) == 22
    assert sum(row["self_study_hours"] for row in rows.values()) == FIGURES["self_study_hours"]
    for kind, count in FIGURES["outputs"].items():
        assert sum(row["outputs"][kind] for row in rows.values()) == count, kind


def test_quarter_rows_carry_the_year_between_them(year: Database, ok: Ok) -> None:
    document = stats_json(ok, "--by", "quarter")
    rows = document["rows"]
    assert [row["films"] for row in rows] == [2, 7, 2, 3]
    assert [row["extended_attendance"] for row in rows] == [73, 40, 0, 48]
    for key in ("films", "documents", "extended_sessions", "extended_attendance", "visits"):
        assert sum(row[key] for row in rows) == FIGURES[key], key


# -- stats in Chinese ----------------------------------------------------------------------

#: Each figure's Chinese label in `stats` and the value it must show, counted by hand.
ZH_STATS = [
    ("集中学习", "22"),
    ("集中学习研讨", "11"),
    ("专题学习", "10"),
    ("专题学习研讨", "8"),
    ("学习形式：专家辅导", "7"),
    ("观看专题片（部）", "14"),
    ("学习文件材料（篇）", "83"),
    ("集中学习时长（学时）", "62"),
    ("扩大学习（次）", "4"),
    ("扩大学习参加（人次）", "161"),
    ("列席（人次）", "5"),
    ("上级巡听旁听（次）", "3"),
    ("主要负责同志主持（次）", "9"),
    ("讲党课（场次）", "36"),
    ("宣讲（场次）", "4"),
    ("理论文章（篇）", "22"),
    ("心得体会（篇）", "3"),
    ("调研报告（篇）", "2"),
    ("市级以上媒体发表理论文章（篇）", "19"),
    ("党组会“第一议题”（次）", "28"),
    ("党组会“第一议题”学习时效（中位天数）", "6"),
    ("党组会“第一议题”学习时效（最长天数）", "20"),
    ("个人自学学时", "230.25"),
]


def test_stats_in_chinese_prints_each_figure_with_its_label(year: Database, ok: Ok) -> None:
    out = ok("--lang", "zh", "stats", "--year", YEAR)
    assert out.splitlines()[0] == (
        "2025年：集中学习22次，集中学习研讨11次，专题学习10次，专题学习研讨8次"
    )
    for label, value in ZH_STATS:
        assert re.search(rf"^\s*{re.escape(label)}\s+{re.escape(value)}\s*$", out, re.M), (
            label,
            value,
            out,
        )


def test_stats_by_member_in_chinese_names_what_each_did(year: Database, ok: Ok) -> None:
    out = ok("--lang", "zh", "stats", "--year", YEAR, "--by", "member", "--format", "csv")
    rows = [line.split(",") for line in out.splitlines()]
    header = rows[0]
    columns = {name: header.index(name) for name in ("姓名", "主持", "学习成果", "个人自学学时")}
    by_name = {row[columns["姓名"]]: row for row in rows[1:]}
    for name, expected in BY_MEMBER.items():
        row = by_name[name]
        assert row[columns["主持"]] == str(expected["hosted"]), name
        assert row[columns["学习成果"]] == str(sum(expected["outputs"].values())), name
        assert float(row[columns["个人自学学时"]]) == expected["self_study_hours"], name
    assert by_name["陈一"][columns["学习成果"]] == "14"


# -- the report ----------------------------------------------------------------------------

#: The sentences of the report that carry the quoted figures (each counted by hand).
REPORT_SENTENCES = [
    # 开展集体学习22次 … 围绕主题专题研讨11次 … 专题学习10次
    "全年组织党组中心组集中学习22次，开展集中学习研讨11次；组织专题学习10次，专题学习研讨8次。",
    # 邀请专家专题辅导7场次，观看专题片14部，学习文件材料80余篇
    "邀请专家专题辅导7场次",
    "观看专题片14部，学习文件材料83篇，累计集中学习62学时。",
    # 学习范围扩大至局中层党员干部; 上级巡听旁听
    "扩大学习4次，参加161人次，上级巡听旁听3次，列席5人次。",
    # 书记全年主持中心组学习9次
    "主要负责同志主持集中学习9次。",
    # 讲党课36场次，在市级以上媒体发表理论文章19篇; 撰写心得体会和调研报告5篇
    # (22 articles, 3 of them in county papers: the report gives both)
    "中心组成员带头深入基层讲党课36场次，开展宣讲4场次，发表理论文章22篇，其中在市级以上媒体发表19篇，"
    "撰写心得体会和调研报告5篇，形成研讨材料6篇。",
    # the sessions' own first agenda items, apart from the 党组会's
    "全年学习“第一议题”2个，其中注明原文日期的2个，从原文发布到组织学习，半数在6.5天以内，最长7天。",
    "中心组成员全年个人自学230.25学时。",
    # 党组会'第一议题'学习28次
    "党组会“第一议题”学习28次，从原文发布到学习，半数在6天以内，最长20天。",
]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_report_states_each_figure(year: Database, ok: Ok, fmt: str) -> None:
    out = ok("--lang", "zh", "report", "--year", YEAR, "--format", fmt)
    flat = re.sub(r"\s+", "", out)  # a sentence may be wrapped or split by markup
    for sentence in REPORT_SENTENCES:
        assert sentence in flat, (sentence, out)
    # The forms' other clauses, each with its count.
    for clause in ("领学5次", "开展交流研讨4次", "开展现场教学1次", "举办读书班1期", "开展调研1次"):
        assert clause in flat, (clause, out)


# -- help with an example, for every command issue 18 added -------------------------------


def help_of(*command: str) -> Result:
    """A command's --help (no database: help never opens one)."""
    return CliRunner().invoke(app, [*command, "--help"])


NEW_COMMANDS = [
    ("output", "add"),
    ("output", "list"),
    ("output", "edit"),
    ("output", "delete"),
    ("selfstudy", "add"),
    ("selfstudy", "list"),
    ("selfstudy", "delete"),
    ("agenda", "add"),
    ("agenda", "list"),
    ("agenda", "delete"),
]


@pytest.mark.parametrize("command", NEW_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_new_command_has_help_with_an_example(command: tuple[str, str], lang: str) -> None:
    result = help_of("--lang", lang, *command)
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout or "示例" in result.stdout, result.stdout
    _examples_read_whole(result.stdout)


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (("session", "add"), ("--form", "--films", "--documents", "--hours")),
        (("session", "edit"), ("--form", "--films", "--documents", "--hours")),
        (("attend",), ("--extended", "--observed", "--visitor")),
    ],
    ids=lambda value: " ".join(value),
)
def test_the_new_options_are_in_help_and_in_an_example(
    command: tuple[str, ...], options: tuple[str, ...]
) -> None:
    result = help_of(*command)
    assert result.exit_code == 0, result.output
    examples = _examples_read_whole(result.stdout)
    for option in options:
        assert re.search(rf"^\s+{option}\b", result.stdout, re.M), (option, result.stdout)
    # the options of issue 18 are shown in use (session edit shares add's options)
    if command != ("session", "edit"):
        shown = " ".join(examples)
        assert any(option in shown for option in options), examples


def _examples_read_whole(help_text: str) -> list[str]:
    """The help's examples, each joined over its continuation lines; a line run on without
    its backslash (a docstring's ``\\`` eaten by Python) would show as a long gap of spaces."""
    lines = help_text.splitlines()
    examples = []
    for index, line in enumerate(lines):
        if line.strip().startswith(("Example", "示例")):
            example = [line.strip()]
            while example[-1].endswith("\\"):
                index += 1
                example.append(lines[index].strip())
            examples.append(" ".join(example))
    assert examples, help_text
    for example in examples:
        assert "    " not in example, example
    return examples


# -- bad input: one error, nothing changed --------------------------------------------------

BAD_INPUT: list[tuple[str, ...]] = [
    ("output", "add", "陈一", "--kind", "讲党课", "--date", "2025-03-01", "--title", "T",
     "--level", "乡"),
    ("output", "add", "无名氏", "--kind", "讲党课", "--date", "2025-03-01", "--title", "T"),
    ("output", "add", "陈一", "--kind", "演讲", "--date", "2025-03-01", "--title", "T"),
    ("output", "add", "陈一", "--kind", "讲党课", "--date", "2025-02-30", "--title", "T"),
    ("output", "add", "陈一", "--kind", "讲党课", "--date", "2025-01-20",
     "--title", "陈一讲党课第1篇", "--venue", "局机关第一党支部"),  # typed twice
    ("output", "list", "--kind", "演讲"),
    ("output", "list", "--year", YEAR, "--member", "无名氏"),
    ("output", "edit", "9999", "--title", "新题目"),
    ("output", "edit", "1", "--level", "乡"),
    ("output", "delete", "9999"),
    ("selfstudy", "add", "陈一", "--date", "2025-03-01", "--hours", "25", "--title", "T"),
    ("selfstudy", "add", "陈一", "--date", "2025-03-01", "--hours", "1.234", "--title", "T"),
    ("selfstudy", "add", "陈一", "--date", "2025-03-01", "--hours", "0", "--title", "T"),
    ("selfstudy", "list", "--year", YEAR, "--member", "无名氏"),
    ("selfstudy", "delete", "9999"),
    ("agenda", "add", "--meeting", "支委会", "--date", "2025-03-01", "--title", "T"),
    ("agenda", "add", "--meeting", "党组会", "--date", "2025-03-01", "--title", "T",
     "--source-date", "2025-03-02"),
    ("agenda", "list", "--meeting", "支委会"),
    ("agenda", "delete", "9999"),
    ("session", "add", "--date", "2025-12-20", "--title", "T", "--form", "茶话会"),
    ("session", "add", "--date", "2025-12-20", "--title", "T", "--films", "-1"),
    ("session", "add", "--date", "2025-12-20", "--title", "T", "--documents", "许多"),
    ("session", "add", "--date", "2025-12-20", "--title", "T", "--hours", "0"),
    ("session", "add", "--date", "2025-12-20", "--title", "T", "--hours", "25"),
    ("session", "edit", "2025-01-09", "--form", "茶话会"),
    ("attend", "2025-01-09", "--extended", "局中层党员干部:许多"),
    ("attend", "2025-01-09", "--extended", "局中层党员干部"),
    ("attend", "2025-01-09", "--observed", "无名氏"),
    ("attend", "2025-01-09", "--visitor", "市委第一巡听组"),
]  # fmt: skip


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, by table name."""
    with database.connect() as connection:
        metadata = MetaData()
        metadata.reflect(connection)
        return {
            name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for name, table in metadata.tables.items()
        }


@pytest.mark.parametrize("command", ["output", "selfstudy", "agenda", "session", "attend"])
def test_bad_input_is_one_error_and_changes_nothing(year: Database, run: Run, command: str) -> None:
    """Each bad input of one command in turn, on the same year (none may change it)."""
    before, snapshot = dump(year), year.snapshot()
    wrong = []
    for args in (args for args in BAD_INPUT if args[0] == command):
        result = run(*args)
        lines = result.stderr.splitlines()
        if not (
            result.exit_code != 0
            and len(lines) == 1
            and lines[0].startswith("Error: ")
            and "Traceback" not in result.output
        ):
            wrong.append((" ".join(args), result.exit_code, result.output, result.exception))
        elif dump(year) != before or year.snapshot() != snapshot:
            wrong.append((" ".join(args), "changed the database"))
    assert not wrong, wrong


# -- the year kept: the audit log, undo, export → import -----------------------------------


def test_the_log_verifies_and_undo_takes_back_the_last_attend(year: Database, ok: Ok) -> None:
    assert "Audit log intact" in ok("log", "--verify")
    ok("undo", "--yes")  # the last change: 郑四 observed 2025-12-11
    figures = stats_json(ok)
    assert figures["observer_attendance"] == FIGURES["observer_attendance"] - 1
    assert figures["extended_attendance"] == FIGURES["extended_attendance"]
    assert "Audit log intact" in ok("log", "--verify")


BEYOND_KEYS = ("extended_sessions", "extended_attendance", "observer_attendance", "visits")


def _round_trip(ok: Ok, tmp_path: Path, other: Database) -> tuple[dict[str, Any], ...]:
    """The year's figures, and those of a new database the year's JSON export went into."""
    exported = tmp_path / "2025.json"
    ok("export", "--year", YEAR, "--out", str(exported), "--format", "json")
    ok("--db", other.url, "import", str(exported))
    return tuple(
        {key: value for key, value in document.items() if key != "log_head"}
        for document in (stats_json(ok, "--by", "member"),
                         stats_json(ok, "--db", other.url, "--by", "member"))
    )  # fmt: skip


def test_export_then_import_keeps_the_years_figures(
    year: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    before, after = _round_trip(ok, tmp_path, new_database("again"))
    ignored = {*BEYOND_KEYS, "rows"}  # the people beyond the roll: see the test below
    assert {k: v for k, v in after.items() if k not in ignored} == {
        k: v for k, v in before.items() if k not in ignored
    }
    for row_before, row_after in zip(before["rows"], after["rows"], strict=True):
        assert {k: v for k, v in row_after.items() if k not in ignored} == {
            k: v for k, v in row_before.items() if k not in ignored
        }


def test_export_then_import_keeps_the_people_beyond_the_roll(
    year: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    before, after = _round_trip(ok, tmp_path, new_database("again"))
    assert {key: after[key] for key in BEYOND_KEYS} == {key: before[key] for key in BEYOND_KEYS}
