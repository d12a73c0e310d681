"""The yearly assessment (``studylog assess``, 学习考评) on a year counted by hand.

The year: six sessions in 2023 (held = 6); 甲 and 乙 all year, 丙 joined on 2023-07-01 (expected
at the last three), 丁 an observer (never scored). Default settings: attendance 35 (cap 100%),
made up in time 15 (cap 100%, within 30 days), speeches 20 (cap 12 a full year), outputs 15
(cap 12), self-study 10 (cap 100 hours), hosting 5 (cap 12); Σw = 100, full marks 100,
threshold 60. A count's cap is cap × expected ÷ 6 (a full year's member: the cap itself; 丙,
expected at 3 of 6: half of it). Points are rounded half up to 2 places; the total adds them.

    甲: expected 6, attended 5 (absent 05-10)             35 × 5/6 = 29.1666… → 29.17
        made up in time: 5 + 0 = 5 of 6                    15 × 5/6 = 12.50
        speeches 2, cap 12                                 20 × 2/12 = 3.333… → 3.33
        outputs 5 (one of each kind but 宣讲), cap 12      15 × 5/12 = 6.25
            (the article of 2024-01-05 is after the year: not counted)
        self-study 24 + 24 + 24 + 8.25 = 80.25 h, cap 100  10 × 80.25/100 = 8.025 → 8.03
            (the 10 h of 2024-01-15: after the year)
        hosted 3, cap 12                                   5 × 3/12 = 1.25    total 60.53
    乙: expected 6, attended 4 (leave 03-10, absent 09-10) 35 × 4/6 = 23.333… → 23.33
        made up: 03-20 in time (10 days), 11-01 late (52)  15 × 5/6 = 12.50
        speeches 1, cap 12                                 20 × 1/12 = 1.666… → 1.67
        outputs 1 (an article), cap 12                     15 × 1/12 = 1.25
        self-study 24 + 12 = 36 h, cap 100                 10 × 36/100 = 3.60
        hosted 1, cap 12                                   5 × 1/12 = 0.4166… → 0.42
                                                                              total 42.77
    丙: expected 3, attended 2 (leave 11-10)               35 × 2/3 = 23.333… → 23.33
        made up 11-15, in time: 3 of 3                     15 × 3/3 = 15.00
        speeches 1, cap 12 × 3/6 = 6                       20 × 1/6 = 3.333… → 3.33
        outputs 2 (a reflection, an article), cap 6        15 × 2/6 = 5.00
        self-study 15.25 h, cap 100 × 3/6 = 50             10 × 15.25/50 = 3.05
        hosted 0, cap 12 × 3/6 = 6                         0.00               total 49.71

Ranked 甲 60.53, 丙 49.71, 乙 42.77; 丙 and 乙 are below 60. 丁's output and self-study (an
observer) score nobody.
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
# (member, kind, date, title)
OUTPUTS = [
    ("甲", "讲党课", "2023-04-01", "专题党课"),
    ("甲", "理论文章", "2023-06-15", "以学促干"),
    ("甲", "心得体会", "2023-07-20", "学习体会"),
    ("甲", "调研报告", "2023-09-15", "基层调研"),
    ("甲", "研讨材料", "2023-12-20", "发言提纲"),
    ("甲", "理论文章", "2024-01-05", "新年文章"),  # after the year: not counted
    ("乙", "理论文章", "2023-08-01", "学思践悟"),
    ("丙", "心得体会", "2023-08-20", "到任体会"),
    ("丙", "理论文章", "2023-10-10", "履职思考"),
    ("丁", "心得体会", "2023-09-01", "列席体会"),  # an observer: never scored
]
# (member, date, hours)
SELF_STUDY = [
    ("甲", "2023-02-01", "24"),
    ("甲", "2023-04-01", "24"),
    ("甲", "2023-08-01", "24"),
    ("甲", "2023-10-01", "8.25"),
    ("甲", "2024-01-15", "10"),  # after the year: not counted
    ("乙", "2023-05-01", "24"),
    ("乙", "2023-06-01", "12"),
    ("丙", "2023-09-01", "15.25"),
    ("丁", "2023-09-01", "5"),
]

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
    *(("output", "add", name, "--kind", kind, "--date", day, "--title", title)
      for name, kind, day, title in OUTPUTS),
    *(("selfstudy", "add", name, "--date", day, "--hours", hours, "--title", "自学")
      for name, day, hours in SELF_STUDY),
]  # fmt: skip

HAND_COUNTED = {
    "甲": {"attendance": 29.17, "makeups": 12.5, "speeches": 3.33, "outputs": 6.25,
           "selfstudy": 8.03, "hosting": 1.25, "total": 60.53},
    "丙": {"attendance": 23.33, "makeups": 15, "speeches": 3.33, "outputs": 5,
           "selfstudy": 3.05, "hosting": 0, "total": 49.71},
    "乙": {"attendance": 23.33, "makeups": 12.5, "speeches": 1.67, "outputs": 1.25,
           "selfstudy": 3.6, "hosting": 0.42, "total": 42.77},
}  # fmt: skip


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


def refused(run: Run, database: Database, *args: str, code: int = 1) -> str:
    """Run ``args``; insist on one Error: line, exit ``code`` (2: a usage error), and the
    database unchanged."""
    before = database.snapshot()
    result = run(*args)
    assert result.exit_code == code, result.output
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
    assert list(first) == ["attendance", "makeups", "speeches", "outputs", "selfstudy", "hosting"]
    assert first["attendance"] == {
        "value": 5 / 6, "weight": 35, "points": 29.17, "cap": 1, "amount": 5, "base": 6,
    }  # fmt: skip
    assert first["makeups"]["value"] == 5 / 6
    assert first["speeches"] == {"value": 2, "weight": 20, "points": 3.33, "cap": 12, "amount": 2}
    assert first["outputs"] == {"value": 5, "weight": 15, "points": 6.25, "cap": 12, "amount": 5}
    assert first["selfstudy"] == {
        "value": 80.25,
        "weight": 10,
        "points": 8.03,
        "cap": 100,
        "amount": 80.25,
    }  # fmt: skip  (8.025 rounded half up)
    assert first["hosting"] == {"value": 3, "weight": 5, "points": 1.25, "cap": 12, "amount": 3}


def test_a_member_who_joined_mid_year_is_scored_on_their_own_sessions(
    year: Database, run: Run
) -> None:
    joined = rows(run)["丙"]
    assert joined["expected"] == 3
    parts = joined["components"]
    assert (parts["attendance"]["amount"], parts["attendance"]["base"]) == (2, 3)
    assert parts["makeups"]["value"] == 1  # the leave made up in 5 days
    assert parts["speeches"]["cap"] == 6  # 12 × 3 of the 6 sessions held
    assert parts["speeches"]["points"] == 3.33  # one speech in half a year: 20 × 1/6
    assert (parts["outputs"]["cap"], parts["outputs"]["points"]) == (6, 5)  # 15 × 2/6
    # 15.25 hours of a cap of 100 × 3/6 = 50: 10 × 15.25/50 (a full year's member: 1.53)
    assert (parts["selfstudy"]["cap"], parts["selfstudy"]["points"]) == (50, 3.05)
    assert parts["hosting"]["cap"] == 6


def test_make_up_after_the_window_is_not_in_time(year: Database, run: Run) -> None:
    second = rows(run)["乙"]["components"]["makeups"]
    assert (second["amount"], second["base"]) == (5, 6)  # 03-20 counts, 11-01 (52 days) not


def test_make_up_window_comes_from_the_settings(year: Database, run: Run, tmp_path: Path) -> None:
    config = settings_file(tmp_path, "[assess]\nmakeup_days = 60\n")
    second = rows(run, "--config", config)["乙"]["components"]["makeups"]
    assert (second["amount"], second["points"]) == (6, 15)
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
    # 35 × 4/6 (23.33) + 15 × 4/6 (10.00) + 3.33 + 6.25 + 8.03 + 1.25
    assert after["甲"] == 52.19
    assert after["甲"] < before["甲"]
    assert {name: after[name] for name in ("乙", "丙")} == {"乙": 42.77, "丙": 49.71}


def test_one_more_absence_made_up_in_time_still_lowers_it(year: Database, run: Run, ok: Ok) -> None:
    ok("attend", DAYS[5], "--absent", "甲")
    ok("makeup", "add", DAYS[5], "甲", "--date", "2023-11-12")
    # 35 × 4/6 (23.33) + 15 × (4 + 1)/6 (12.50) + 3.33 + 6.25 + 8.03 + 1.25 = 54.69: the sum
    # of the rounded points, which the line-by-line explanation adds up to; 52.19 without it
    assert totals(run)["甲"] == 54.69


def test_one_more_speech_raises_the_score_under_the_cap(year: Database, run: Run, ok: Ok) -> None:
    ok("speech", "add", DAYS[5], "乙", "--kind", "key")
    after = totals(run)
    assert after["乙"] == 44.43  # speeches 20 × 2/12 = 3.33 for 1.67: 42.77 + 1.66
    assert {name: after[name] for name in ("甲", "丙")} == {"甲": 60.53, "丙": 49.71}


def test_at_the_cap_one_more_speech_changes_nothing(
    year: Database, run: Run, ok: Ok, tmp_path: Path
) -> None:
    config = settings_file(tmp_path, "[assess.speeches]\ncap = 2\n")
    assert rows(run, "--config", config)["甲"]["components"]["speeches"]["points"] == 20
    ok("speech", "add", DAYS[5], "甲", "--kind", "written")
    assert rows(run, "--config", config)["甲"]["components"]["speeches"]["points"] == 20


def test_weights_and_caps_come_from_the_settings(year: Database, run: Run, tmp_path: Path) -> None:
    config = settings_file(
        tmp_path,
        "[assess]\nthreshold = 6.5\nfull_marks = 10\n"
        "[assess.hosting]\nweight = 0\n"
        "[assess.key_speeches]\nweight = 5\ncap = 2\n",
    )
    report = assess(run, "--config", config)
    assert [part["name"] for part in report["components"]] == [
        "attendance", "makeups", "speeches", "outputs", "selfstudy", "key_speeches",
    ]  # fmt: skip
    first = {row["member"]: row for row in report["rows"]}["甲"]
    # Σw = 35 + 15 + 20 + 15 + 10 + 5 = 100, full marks 10: attendance 3.5 × 5/6 = 2.916… →
    # 2.92, made up 1.5 × 5/6 = 1.25, speeches 2 × 2/12 = 0.333… → 0.33, outputs 1.5 × 5/12 =
    # 0.625 → 0.63, self-study 1 × 80.25/100 = 0.8025 → 0.80, key speeches 2 of cap 2 → 0.50
    assert {name: part["points"] for name, part in first["components"].items()} == {
        "attendance": 2.92, "makeups": 1.25, "speeches": 0.33, "outputs": 0.63,
        "selfstudy": 0.8, "key_speeches": 0.5,
    }  # fmt: skip
    assert (first["total"], first["below_threshold"], report["threshold"]) == (6.43, True, 6.5)


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
                for name in ("attendance", "makeups", "speeches", "outputs", "selfstudy", "hosting")
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
    assert "not a valid --format" in refused(run, year, "assess", "-y", "2023", "-f", "pdf", code=2)


# -- every format, in both languages -------------------------------------------------------


def test_table_in_english_explains_every_line(year: Database, run: Run) -> None:
    result = run("assess", "--year", "2023", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"{ORG}: study assessment 2023 as of {AS_OF}, 6 sessions held;")
    assert "Attendance rate 35.00 (weight 35, cap 100%)" in out
    assert "Speeches 20.00 (weight 20, cap 12)" in out
    assert "Outputs 15.00 (weight 15, cap 12)" in out
    assert "Self-study hours 10.00 (weight 10, cap 100 h)" in out
    assert "cap × expected ÷ 6" in out
    lines = [line.split() for line in out.splitlines()]
    first = next(line for line in lines if line[:2] == ["1", "甲"])
    assert first == ["1", "甲", "党组书记", "6", "83.3%", "29.17", "83.3%", "12.50", "2",
                     "3.33", "5", "6.25", "80.25", "8.03", "3", "1.25", "60.53"]  # fmt: skip
    assert next(line for line in lines if line[1:2] == ["乙"])[-3:] == ["42.77", "below", "60"]
    assert "Below 60: 丙, 乙" in out


def test_table_in_chinese(year: Database, run: Run) -> None:
    result = run("--lang", "zh", "assess", "--year", "2023", "--as-of", AS_OF)
    out = result.stdout
    assert out.startswith(f"{ORG}2023年度学习考评（截至 {AS_OF}，集中学习6次）：满分100分")
    assert "出勤率35.00分（权重35，上限100%）" in out
    assert "学习成果15.00分（权重15，上限12篇（次））" in out
    assert "自学学时10.00分（权重10，上限100学时）" in out
    assert "出勤率得分" in out and "按时参学率" in out and "主持得分" in out
    assert "低于60分：丙、乙" in out
    assert "（上限×应到次数÷6）" in out


def test_csv_has_a_header_row_and_one_row_per_member(year: Database, run: Run) -> None:
    result = run("assess", "--year", "2023", "--as-of", AS_OF, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["Rank", "Name", "Post", "Expected", "Attendance rate",
                        "Attendance rate points", "Made up in time", "Made up in time points",
                        "Speeches", "Speeches points", "Outputs", "Outputs points",
                        "Self-study hours", "Self-study hours points", "Hosted", "Hosted points",
                        "Total", "Note"]  # fmt: skip
    assert [row[1] for row in table[1:]] == ["甲", "丙", "乙"]
    assert table[2][3:] == ["3", "66.7%", "23.33", "100.0%", "15.00", "1", "3.33", "2", "5.00",
                            "15.25", "3.05", "0", "0.00", "49.71", "below 60"]  # fmt: skip


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
    assert [row["total"] for row in written["rows"]] == [60.53, 49.71, 42.77]


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
            "学习成果",
            "自学学时",
            "主持",
        ]
    else:
        assert "study assessment 2023" in text.replace("\n", "")
        assert "Below 60: 丙, 乙" in text
    assert [row[1] for row in cells[1:]] == ["甲", "丙", "乙"]
    assert cells[1][-2:] == ["60.53", ""] and cells[3][-1] in ("低于60分", "below 60")
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
    # 张建国: 35 + 15 + speeches 20 × 2/12 (3.33) + outputs 15 × 8/12 (10.00: a party
    # lecture, an article, two reflections, four discussion papers) + self-study 10 × 74.5/100
    # (7.45: 2.5 h, then 6 h a month) + hosting 5 × 12/12 (hosted all twelve) = 75.78
    assert ranked[0] == (1, "张建国", 75.78)
    # 王志强: 35 + 15 + 20 × 1/12 (1.67) + 15 × 7/12 (8.75) + 10 × 62/100 (6.20) = 66.62
    assert ranked[1] == (2, "王志强", 66.62)
    assert [rank for rank, *_ in ranked] == [1, 2, 3, 4, 5, 6, 7, 8]
    # 孙伟 joined on 1 July: six sessions expected, one missed and made up late; 周敏 the
    # secretary spoke once and wrote no article: the two below the threshold of 60
    assert [name for _, name, total in ranked if total < 60] == ["周敏", "孙伟"]
    assert "吴静" not in [name for _, name, _ in ranked]  # the observer


# -- what is deleted, and other groups, stay out -------------------------------------------


def test_a_deleted_session_or_member_is_left_out(year: Database, run: Run, ok: Ok) -> None:
    ok("session", "delete", DAYS[2], "--yes")  # 甲's absence, 乙's written speech and hosting
    report = assess(run)
    assert report["sessions"] == 5
    first = {row["member"]: row for row in report["rows"]}["甲"]["components"]
    assert (first["attendance"]["amount"], first["attendance"]["base"]) == (5, 5)
    assert first["speeches"]["cap"] == 12
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
    ok("output", "add", "甲", "--kind", "article", "--date", "2023-05-05", "--title", "别组文章",
       *other)  # fmt: skip
    ok("selfstudy", "add", "甲", "--date", "2023-05-05", "--hours", "20", "--title", "自学",
       *other)  # fmt: skip
    after = assess(run, "--org", ORG)
    assert after["rows"] == before["rows"] and after["sessions"] == 6


def output_ids(ok: Ok, name: str) -> list[int]:
    listed = json.loads(ok("output", "list", "--year", "2023", "--member", name, "-f", "json"))
    return [row["id"] for row in listed]


def test_a_deleted_output_or_self_study_does_not_count(year: Database, run: Run, ok: Ok) -> None:
    ok("output", "add", "乙", "--kind", "reflection", "--date", "2023-11-20", "--title", "重复")
    ok("selfstudy", "add", "乙", "--date", "2023-11-20", "--hours", "4", "--title", "重复")
    counted = rows(run)["乙"]["components"]
    # outputs 2 of 12: 15 × 2/12 = 2.50; self-study 40 of 100: 10 × 40/100 = 4.00
    assert (counted["outputs"]["points"], counted["selfstudy"]["points"]) == (2.5, 4)
    listed = json.loads(ok("selfstudy", "list", "--year", "2023", "-f", "json"))
    added = max(row["id"] for row in listed)
    ok("output", "delete", str(max(output_ids(ok, "乙"))), "--reason", "重复录入")
    ok("selfstudy", "delete", str(added), "--reason", "重复录入")
    assert totals(run) == {name: counted["total"] for name, counted in HAND_COUNTED.items()}


# -- one more of anything, up to its cap, moves the score ----------------------------------


def test_one_more_output_raises_the_score(year: Database, run: Run, ok: Ok) -> None:
    ok("output", "add", "乙", "--kind", "party-lecture", "--date", "2023-12-01", "--title", "党课")
    ok("output", "add", "丙", "--kind", "article", "--date", "2023-12-01", "--title", "又一篇")
    after = totals(run)
    assert after["乙"] == 44.02  # outputs 15 × 2/12 = 2.50 for 1.25: 42.77 + 1.25
    assert after["丙"] == 52.21  # outputs 15 × 3/6 = 7.50 for 5.00 (cap 6): 49.71 + 2.50
    assert after["甲"] == 60.53


def test_one_more_self_study_hour_raises_the_score(year: Database, run: Run, ok: Ok) -> None:
    ok("selfstudy", "add", "乙", "--date", "2023-12-01", "--hours", "1", "--title", "又一小时")
    ok("selfstudy", "add", "丙", "--date", "2023-12-01", "--hours", "1", "--title", "又一小时")
    after = totals(run)
    assert after["乙"] == 42.87  # 37 h: 10 × 37/100 = 3.70 for 3.60
    assert after["丙"] == 49.91  # 16.25 h of a cap of 50: 10 × 16.25/50 = 3.25 for 3.05
    assert after["甲"] == 60.53


def test_the_default_caps_leave_room_in_a_typical_year() -> None:
    """12 sessions; a member at all of them with 6 speeches, 6 outputs, 50 hours of self-study
    and 2 sessions hosted: one more absence, speech, output, hour or session hosted each moves
    the total (35 + 15 + 20 × 6/12 + 15 × 6/12 + 10 × 50/100 + 5 × 2/12 = 73.33)."""
    from studylog.figures.assess import assess_settings
    from studylog.figures.scoring import Measured, score_member

    settings = assess_settings({}, path="-", makeup_days=30)
    assert settings.total_weight == 100
    typical = {
        "attendance": Measured(12, 12),
        "makeups": Measured(12, 12),
        "speeches": Measured(6),
        "outputs": Measured(6),
        "selfstudy": Measured(5000, per=100),
        "hosting": Measured(2),
    }

    def total(**more: Measured) -> Any:
        measured = typical | more
        return score_member(
            member="甲", title=None, expected=12, sessions=12, measured=measured, settings=settings
        ).total

    assert str(total()) == "73.33"
    # absent, not made up: 35 × 11/12 = 32.08 for 35, 15 × 11/12 = 13.75 for 15
    assert str(total(attendance=Measured(11, 12), makeups=Measured(11, 12))) == "69.16"
    assert str(total(attendance=Measured(11, 12))) == "70.41"  # absent, made up in time
    assert str(total(speeches=Measured(7))) == "75.00"  # 20 × 7/12 = 11.67 for 10.00
    assert str(total(outputs=Measured(7))) == "74.58"  # 15 × 7/12 = 8.75 for 7.50
    assert str(total(selfstudy=Measured(5100, per=100))) == "73.43"  # 10 × 51/100 = 5.10
    assert str(total(hosting=Measured(3))) == "73.75"  # 5 × 3/12 = 1.25 for 0.83


def test_each_kind_of_output_is_a_component_to_switch_on(
    year: Database, run: Run, tmp_path: Path
) -> None:
    config = settings_file(
        tmp_path, "[assess.outputs]\nweight = 0\n[assess.articles]\nweight = 15\ncap = 2\n"
    )
    report = assess(run, "--config", config)
    assert [part["name"] for part in report["components"]] == [
        "attendance", "makeups", "speeches", "selfstudy", "hosting", "articles",
    ]  # fmt: skip
    found = {row["member"]: row["components"]["articles"] for row in report["rows"]}
    # 甲: 1 article in 2023 (the 2024 one is not), cap 2 → 15 × 1/2; 丙: 1 of a cap of 1
    assert (found["甲"]["amount"], found["甲"]["points"]) == (1, 7.5)
    assert (found["丙"]["cap"], found["丙"]["points"]) == (1, 15)
    table = run("--lang", "zh", "assess", "-y", "2023", "--as-of", AS_OF, "--config", config)
    assert "理论文章15.00分（权重15，上限2篇）" in table.stdout
    shown = run("--config", config, "config", "show").stdout
    assert "[assess.articles]\nweight = 15\ncap = 2" in shown


def test_config_show_prints_the_default_weights_and_caps(run: Run) -> None:
    import tomllib

    result = run("config", "show")  # no settings file: the defaults
    assert result.stdout.startswith("# no settings file at"), result.output
    shown = tomllib.loads(result.stdout.partition("\n")[2])["assess"]
    assert (shown["full_marks"], shown["threshold"], shown["decimals"]) == (100, 60, 2)
    assert {
        name: (table["weight"], table["cap"])
        for name, table in shown.items()
        if isinstance(table, dict)
    } == {
        "attendance": (35, 1), "makeups": (15, 1), "speeches": (20, 12), "outputs": (15, 12),
        "selfstudy": (10, 100), "hosting": (5, 12), "key_speeches": (0, 4),
        "written_speeches": (0, 4), "exchange_speeches": (0, 4), "party_lectures": (0, 2),
        "briefing_tours": (0, 4), "articles": (0, 4), "reflections": (0, 6),
        "research_reports": (0, 2), "discussion_papers": (0, 6),
    }  # fmt: skip
