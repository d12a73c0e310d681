"""The yearly assessment (``studylog assess``, 学习考评) on a year counted by hand.

The year: six sessions in 2023 (held = 6); 甲 and 乙 all year, 丙 joined on 2023-07-01 (expected
at the last three), 丁 an observer (never scored). Default settings: attendance 40 (cap 100%),
made up in time 20 (cap 100%, within 30 days), speeches 30 (cap 6 a full year), hosting 10
(cap 12 a full year); Σw = 100, full marks 100, threshold 60. A count's cap is
cap × expected ÷ 6.

    甲: expected 6, attended 5 (absent 05-10)             40 × 5/6 = 33.33
        made up in time: 5 + 0 = 5 of 6                    20 × 5/6 = 16.67
        speeches 2, cap 6                                  30 × 2/6 = 10.00
        hosted 3, cap 12                                   10 × 3/12 = 2.50   total 62.50
    乙: expected 6, attended 4 (leave 03-10, absent 09-10) 40 × 4/6 = 26.67
        made up: 03-20 in time (10 days), 11-01 late (52)  20 × 5/6 = 16.67
        speeches 1, cap 6                                  30 × 1/6 = 5.00
        hosted 1, cap 12                                   10 × 1/12 = 0.83   total 49.17
    丙: expected 3, attended 2 (leave 11-10)               40 × 2/3 = 26.67
        made up 11-15, in time: 3 of 3                     20 × 3/3 = 20.00
        speeches 1, cap 6 × 3/6 = 3                        30 × 1/3 = 10.00
        hosted 0, cap 12 × 3/6 = 6                         0.00               total 56.67

Ranked 甲 62.50, 丙 56.67, 乙 49.17; 丙 and 乙 are below 60.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "考评局党组理论学习中心组"
AS_OF = "2024-03-01"
DAYS = ["2023-01-10", "2023-03-10", "2023-05-10", "2023-07-10", "2023-09-10", "2023-11-10"]
HOSTS = {DAYS[0]: "甲", DAYS[1]: "甲", DAYS[2]: "乙", DAYS[3]: "甲"}
ROLLS = {
    DAYS[1]: ["--leave", "乙:出差"],
    DAYS[2]: ["--absent", "甲"],
    DAYS[4]: ["--absent", "乙"],
    DAYS[5]: ["--leave", "丙:病假"],
}

YEAR: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "甲", "--role", "leader", "--title", "党组书记"),
    ("member", "add", "乙", "--title", "副局长"),
    ("member", "add", "丙", "--joined", "2023-07-01", "--title", "副局长"),
    ("member", "add", "丁", "--role", "observer"),
    *(
        ("session", "add", "--date", day, "--title", f"学习{n}", "--discussion",
         *(("--host", HOSTS[day]) if day in HOSTS else ()))
        for n, day in enumerate(DAYS, start=1)
    ),
    *(("attend", day, *ROLLS.get(day, [])) for day in DAYS),
    ("makeup", "add", DAYS[1], "乙", "--date", "2023-03-20"),
    ("makeup", "add", DAYS[4], "乙", "--date", "2023-11-01"),
    ("makeup", "add", DAYS[5], "丙", "--date", "2023-11-15"),
    ("speech", "add", DAYS[0], "甲", "--kind", "key"),
    ("speech", "add", DAYS[3], "甲", "--kind", "key"),
    ("speech", "add", DAYS[2], "乙", "--kind", "written"),
    ("speech", "add", DAYS[4], "丙", "--kind", "exchange"),
    ("speech", "add", DAYS[4], "丁", "--kind", "exchange"),  # an observer: never scored
]  # fmt: skip

HAND_COUNTED = {
    "甲": {"attendance": 33.33, "makeups": 16.67, "speeches": 10, "hosting": 2.5, "total": 62.5},
    "丙": {"attendance": 26.67, "makeups": 20, "speeches": 10, "hosting": 0, "total": 56.67},
    "乙": {"attendance": 26.67, "makeups": 16.67, "speeches": 5, "hosting": 0.83, "total": 49.17},
}


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    """The hand-counted year, entered once through the CLI; each test gets its own copy."""
    database.load(backend.built_once("assess-year", recording(YEAR)))
    return database


def assess(run: Run, *args: str) -> dict[str, Any]:
    result = run("assess", "--year", "2023", "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows(run: Run, *args: str) -> dict[str, dict[str, Any]]:
    return {row["member"]: row for row in assess(run, *args)["rows"]}


def totals(run: Run, *args: str) -> dict[str, float]:
    return {name: row["total"] for name, row in rows(run, *args).items()}


def settings_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "assess.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def refused(run: Run, database: Database, *args: str) -> str:
    """Run ``args``; insist on one Error: line, exit 1, and the database unchanged."""
    before = database.snapshot()
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(("Error: ", "错误：")), result.stderr
    assert "Traceback" not in result.output
    assert database.snapshot() == before
    return lines[0]


# -- the hand-counted year ---------------------------------------------------------------


def test_hand_counted_scores_ranks_and_marks(year: Database, run: Run) -> None:
    report = assess(run)
    assert report["sessions"] == 6 and report["full_marks"] == 100 and report["threshold"] == 60
    assert [row["member"] for row in report["rows"]] == ["甲", "丙", "乙"]  # 丁 observes
    for row in report["rows"]:
        counted = HAND_COUNTED[row["member"]]
        assert {name: part["points"] for name, part in row["components"].items()} == {
            name: points for name, points in counted.items() if name != "total"
        }
        assert row["total"] == counted["total"]
    assert [(row["rank"], row["below_threshold"]) for row in report["rows"]] == [
        (1, False),
        (2, True),
        (3, True),
    ]


def test_each_component_carries_value_weight_and_points(year: Database, run: Run) -> None:
    first = rows(run)["甲"]["components"]
    assert list(first) == ["attendance", "makeups", "speeches", "hosting"]
    assert first["attendance"] == {
        "value": 5 / 6, "weight": 40, "points": 33.33, "cap": 1, "amount": 5, "base": 6,
    }  # fmt: skip
    assert first["makeups"]["value"] == 5 / 6
    assert first["speeches"] == {"value": 2, "weight": 30, "points": 10, "cap": 6, "amount": 2}
    assert first["hosting"] == {"value": 3, "weight": 10, "points": 2.5, "cap": 12, "amount": 3}


def test_a_member_who_joined_mid_year_is_scored_on_their_own_sessions(
    year: Database, run: Run
) -> None:
    joined = rows(run)["丙"]
    assert joined["expected"] == 3
    parts = joined["components"]
    assert (parts["attendance"]["amount"], parts["attendance"]["base"]) == (2, 3)
    assert parts["makeups"]["value"] == 1  # the leave made up in 5 days
    assert parts["speeches"]["cap"] == 3  # 6 × 3 of the 6 sessions held
    assert parts["speeches"]["points"] == 10  # one speech in half a year: 30 × 1/3
    assert parts["hosting"]["cap"] == 6


def test_make_up_after_the_window_is_not_in_time(year: Database, run: Run) -> None:
    second = rows(run)["乙"]["components"]["makeups"]
    assert (second["amount"], second["base"]) == (5, 6)  # 03-20 counts, 11-01 (52 days) not


def test_make_up_window_comes_from_the_settings(year: Database, run: Run, tmp_path: Path) -> None:
    config = settings_file(tmp_path, "[assess]\nmakeup_days = 60\n")
    second = rows(run, "--config", config)["乙"]["components"]["makeups"]
    assert (second["amount"], second["points"]) == (6, 20)
    config = settings_file(tmp_path, "[check]\nmakeup_days = 5\n")  # [check]'s, by default
    assert rows(run, "--config", config)["乙"]["components"]["makeups"]["amount"] == 4


def test_makeups_dated_after_as_of_do_not_count(year: Database, run: Run) -> None:
    result = run("assess", "--year", "2023", "--as-of", "2023-11-14", "--format", "json")
    joined = {row["member"]: row for row in json.loads(result.stdout)["rows"]}["丙"]
    assert (joined["components"]["makeups"]["amount"], joined["expected"]) == (2, 3)


# -- a score is absolute, and moves with its own records -----------------------------------


def test_one_more_absence_lowers_the_score(year: Database, run: Run, ok: Ok) -> None:
    before = totals(run)
    ok("attend", DAYS[5], "--absent", "甲")
    after = totals(run)
    assert after["甲"] == 52.5  # 40 × 4/6 + 20 × 4/6 + 10 + 2.5
    assert after["甲"] < before["甲"]
    assert {name: after[name] for name in ("乙", "丙")} == {"乙": 49.17, "丙": 56.67}


def test_one_more_absence_made_up_in_time_still_lowers_it(year: Database, run: Run, ok: Ok) -> None:
    ok("attend", DAYS[5], "--absent", "甲")
    ok("makeup", "add", DAYS[5], "甲", "--date", "2023-11-12")
    # 40 × 4/6 (26.67) + 20 × (4 + 1)/6 (16.67) + 10 + 2.5 = 55.84: the sum of the rounded
    # points, which the line-by-line explanation adds up to; 52.50 without the make-up
    assert totals(run)["甲"] == 55.84


def test_one_more_speech_raises_the_score_under_the_cap(year: Database, run: Run, ok: Ok) -> None:
    ok("speech", "add", DAYS[5], "乙", "--kind", "key")
    after = totals(run)
    assert after["乙"] == 54.17  # 49.17 + 5
    assert {name: after[name] for name in ("甲", "丙")} == {"甲": 62.5, "丙": 56.67}


def test_at_the_cap_one_more_speech_changes_nothing(
    year: Database, run: Run, ok: Ok, tmp_path: Path
) -> None:
    config = settings_file(tmp_path, "[assess.speeches]\ncap = 2\n")
    assert rows(run, "--config", config)["甲"]["components"]["speeches"]["points"] == 30
    ok("speech", "add", DAYS[5], "甲", "--kind", "written")
    assert rows(run, "--config", config)["甲"]["components"]["speeches"]["points"] == 30


def test_weights_and_caps_come_from_the_settings(year: Database, run: Run, tmp_path: Path) -> None:
    config = settings_file(
        tmp_path,
        "[assess]\nthreshold = 7.5\nfull_marks = 10\n"
        "[assess.hosting]\nweight = 0\n"
        "[assess.key_speeches]\nweight = 10\ncap = 2\n",
    )
    report = assess(run, "--config", config)
    assert [part["name"] for part in report["components"]] == [
        "attendance", "makeups", "speeches", "key_speeches",
    ]  # fmt: skip
    first = {row["member"]: row for row in report["rows"]}["甲"]
    # Σw = 40 + 20 + 30 + 10 = 100, full marks 10: key speeches 2 of cap 2 → 1.00
    assert {name: part["points"] for name, part in first["components"].items()} == {
        "attendance": 3.33, "makeups": 1.67, "speeches": 1, "key_speeches": 1,
    }  # fmt: skip
    assert (first["total"], first["below_threshold"], report["threshold"]) == (7, True, 7.5)


# -- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ('[assess.speeches]\nweight = "thirty"\n', "assess.speeches.weight is 'thirty'"),
        ("[assess.speeches]\nweight = -5\n", "assess.speeches.weight is -5"),
        ("[assess.hosting]\ncap = 0\n", "assess.hosting.cap is 0"),
        ("[assess.attendance]\ncap = 1.5\n", "assess.attendance.cap is 1.5"),
        ("[assess]\nthreshold = 120\n", "assess.threshold is 120"),
        ("[assess.outputz]\nweight = 5\n", "unknown assessment component [assess.outputz]"),
        ("[assess.speeches]\nweigth = 5\n", "unknown key assess.speeches.weigth"),
        (
            "".join(
                f"[assess.{name}]\nweight = 0\n"
                for name in ("attendance", "makeups", "speeches", "hosting")
            ),
            "gives every assessment component a weight of 0",
        ),
    ],
)
def test_bad_settings_are_refused(
    year: Database, run: Run, tmp_path: Path, settings: str, words: str
) -> None:
    line = refused(run, year, "--config", settings_file(tmp_path, settings), "assess", "-y", "2023")
    assert words in line


def test_a_year_nobody_was_expected_in_is_refused(year: Database, run: Run) -> None:
    line = refused(run, year, "assess", "--year", "2021", "--as-of", AS_OF)
    assert "no member was expected at a session of 2021" in line
    line = refused(run, year, "--lang", "zh", "assess", "--year", "2021", "--as-of", AS_OF)
    assert line.startswith("错误：2021年截至 2024-03-01 没有应参加集中学习的成员")


def test_an_existing_out_file_is_kept_without_force(
    year: Database, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "考评表.docx"
    target.write_bytes(b"mine")
    for fmt in ("docx", "csv"):
        line = refused(run, year, "assess", "-y", "2023", "-f", fmt, "--out", str(target))
        assert "already exists; add --force" in line
        assert target.read_bytes() == b"mine"
    result = run(
        "assess", "-y", "2023", "--as-of", AS_OF, "-f", "docx", "-o", str(target), "--force"
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:2] == b"PK"


def test_docx_needs_out_and_formats_are_checked(year: Database, run: Run) -> None:
    assert "add --out FILE.docx" in refused(run, year, "assess", "-y", "2023", "-f", "docx")
    assert "not a valid --format" in refused(run, year, "assess", "-y", "2023", "-f", "pdf")


# -- every format, in both languages -------------------------------------------------------


def test_table_in_english_explains_every_line(year: Database, run: Run) -> None:
    result = run("assess", "--year", "2023", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"{ORG}: study assessment 2023 as of {AS_OF}, 6 sessions held;")
    assert "Attendance rate 40.00 (weight 40, cap 100%)" in out
    assert "Speeches 30.00 (weight 30, cap 6)" in out
    assert "cap × expected ÷ 6" in out
    lines = [line.split() for line in out.splitlines()]
    first = next(line for line in lines if line[:2] == ["1", "甲"])
    assert first == ["1", "甲", "党组书记", "6", "83.3%", "33.33", "83.3%", "16.67", "2",
                     "10.00", "3", "2.50", "62.50"]  # fmt: skip
    assert next(line for line in lines if line[1:2] == ["乙"])[-3:] == ["49.17", "below", "60"]
    assert "Below 60: 丙, 乙" in out


def test_table_in_chinese(year: Database, run: Run) -> None:
    result = run("--lang", "zh", "assess", "--year", "2023", "--as-of", AS_OF)
    out = result.stdout
    assert out.startswith(f"{ORG}2023年度学习考评（截至 {AS_OF}，集中学习6次）：满分100分")
    assert "出勤率40.00分（权重40，上限100%）" in out
    assert "出勤率得分" in out and "按时参学率" in out and "主持得分" in out
    assert "低于60分：丙、乙" in out
    assert "（上限×应到次数÷6）" in out


def test_csv_has_a_header_row_and_one_row_per_member(year: Database, run: Run) -> None:
    result = run("assess", "--year", "2023", "--as-of", AS_OF, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["Rank", "Name", "Post", "Expected", "Attendance rate",
                        "Attendance rate points", "Made up in time", "Made up in time points",
                        "Speeches", "Speeches points", "Hosted", "Hosted points", "Total",
                        "Note"]  # fmt: skip
    assert [row[1] for row in table[1:]] == ["甲", "丙", "乙"]
    assert table[2][3:] == ["3", "66.7%", "26.67", "100.0%", "20.00", "1", "10.00", "0",
                            "0.00", "56.67", "below 60"]  # fmt: skip


def test_markdown_and_a_file(year: Database, run: Run, tmp_path: Path) -> None:
    result = run("--lang", "zh", "assess", "-y", "2023", "--as-of", AS_OF, "-f", "markdown")
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert [cell.strip() for cell in table[0].split("|")[1:4]] == ["排名", "姓名", "职务"]
    assert [cell.strip() for cell in table[2].split("|")[1:3]] == ["1", "甲"]
    assert table[-1].split("|")[-2].strip() == "低于60分"
    target = tmp_path / "考评.json"
    result = run("assess", "-y", "2023", "--as-of", AS_OF, "-f", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    written = json.loads(target.read_text(encoding="utf-8"))
    assert [row["total"] for row in written["rows"]] == [62.5, 56.67, 49.17]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_docx_is_the_assessment_form(
    year: Database, run: Run, tmp_path: Path, language: str
) -> None:
    from docx import Document

    target = tmp_path / f"考评表-{language}.docx"
    result = run("--lang", language, "assess", "-y", "2023", "--as-of", AS_OF, "-f", "docx",
                 "-o", str(target))  # fmt: skip
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    scores, components = document.tables
    cells = [[cell.text for cell in row.cells] for row in scores.rows]
    if language == "zh":
        assert f"{ORG}2023年度学习考评表" in text.replace("\n", "")
        assert cells[0][:6] == ["排名", "姓名", "职务", "应到次数", "出勤率", "得分"]
        assert "低于60分：丙、乙" in text
        assert [row.cells[0].text for row in components.rows][1:] == [
            "出勤率",
            "按时参学率",
            "发言",
            "主持",
        ]
    else:
        assert "study assessment 2023" in text.replace("\n", "")
        assert "Below 60: 丙, 乙" in text
    assert [row[1] for row in cells[1:]] == ["甲", "丙", "乙"]
    assert cells[1][-2:] == ["62.50", ""] and cells[3][-1] in ("低于60分", "below 60")
    assert document.sections[0].orientation == 1  # the wide table opens on a landscape page
    assert document.core_properties.author == ORG


# -- the sample year -----------------------------------------------------------------------


def test_the_demo_year_is_assessed(run: Run, tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    assert run("demo", "--out", str(demo)).exit_code == 0
    result = run("--db", str(demo), "assess", "--year", "2023", "--as-of", "2024-01-10",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    ranked = [(row["rank"], row["member"], row["total"]) for row in report["rows"]]
    # 张建国: 40 + 20 + 30 × 2/6 + 10 × 12/12 (hosted all twelve) = 80
    assert ranked[0] == (1, "张建国", 80)
    assert [rank for rank, *_ in ranked] == [1, 2, 3, 4, 4, 4, 7, 7]  # equal totals share
    assert "吴静" not in [name for _, name, _ in ranked]  # the observer


# -- what is deleted, and other groups, stay out -------------------------------------------


def test_a_deleted_session_or_member_is_left_out(year: Database, run: Run, ok: Ok) -> None:
    ok("session", "delete", DAYS[2], "--yes")  # 甲's absence, 乙's written speech and hosting
    report = assess(run)
    assert report["sessions"] == 5
    first = {row["member"]: row for row in report["rows"]}["甲"]["components"]
    assert (first["attendance"]["amount"], first["attendance"]["base"]) == (5, 5)
    assert first["speeches"]["cap"] == 6
    ok("member", "add", "戊")  # no roll lines: expected at every session, attended none
    assert rows(run)["戊"]["total"] == 0
    ok("member", "delete", "戊", "--yes")
    assert "戊" not in rows(run)


def test_another_groups_records_never_enter_a_score(year: Database, run: Run, ok: Ok) -> None:
    before = assess(run)
    other = ("--org", "别的党组中心组")
    ok("init", *other)
    ok("member", "add", "甲", *other)  # the same name in another group
    ok("session", "add", "--date", DAYS[0], "--title", "学习", "--host", "甲", *other)
    ok("attend", DAYS[0], "--absent", "甲", *other)
    ok("speech", "add", DAYS[0], "甲", "--kind", "key", *other)
    after = assess(run, "--org", ORG)
    assert after["rows"] == before["rows"] and after["sessions"] == 6


# -- a component is one registry entry -----------------------------------------------------


def test_a_new_component_is_one_registry_entry(
    year: Database, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the lead adds for self-study hours (kept in hundredths of an hour): one entry.
    Its stand-in measure here: an hour and a half for each speech a member gave."""
    from decimal import Decimal

    from sqlalchemy import func, select

    from studylog.figures import assess as registry
    from studylog.store.tables import speeches

    def hours(scope: registry.Scope) -> Any:
        return (
            select(speeches.c.member_id, (func.count(speeches.c.id) * 150).label("amount"))
            .select_from(speeches)
            .join(registry.sessions, registry.sessions.c.id == speeches.c.session_id)
            .where(registry.sessions.c.org_id == scope.org_id)
            .group_by(speeches.c.member_id)
        )

    entry = registry.Component("selfstudy", hours, Decimal(25), Decimal(4), per=100)
    monkeypatch.setitem(registry.COMPONENTS, "selfstudy", entry)
    report = assess(run)
    assert report["components"][-1] == {
        "name": "selfstudy",
        "weight": 25,
        "cap": 4,
        "rate": False,
        "full_points": 20,
    }  # fmt: skip  (Σw = 125: 100 × 25 / 125)
    found = {row["member"]: row["components"]["selfstudy"] for row in report["rows"]}
    # 甲: 3 hours of a cap of 4 → 20 × 3/4; 丙: 1.5 hours of a cap of 4 × 3/6 = 2 → 20 × 3/4
    assert found["甲"] == {"value": 3, "weight": 25, "points": 15, "cap": 4, "amount": 3}
    assert (found["丙"]["value"], found["丙"]["cap"], found["丙"]["points"]) == (1.5, 2, 15)
    first = {row["member"]: row for row in report["rows"]}["甲"]
    # every other component now weighs 100 / 125 of what it did
    assert first["components"]["attendance"]["points"] == 26.67  # 80 × 5/6
    table = run("--lang", "zh", "assess", "-y", "2023", "--as-of", AS_OF).stdout
    assert "自学学时得分" in table and "自学学时20.00分（权重25，上限4学时）" in table
