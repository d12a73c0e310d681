"""The fixed study calendar: ``plan schedule`` by a rule skipping official holidays, the
``calendar`` file (.ics) read back with icalendar, the sheet of a planned session, the drift
in ``stats``, ``check`` and the report.

The year 2024 has twelve plan items, one a month (「主题1」…「主题12」). Its holidays, as the
State Council published them: 2024-10-01…07 National Day (Saturday 2024-10-12 a working day),
2024-02-10…17 Spring Festival (Sunday 2024-02-18 a working day), 2024-06-10 Dragon Boat.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]
ORG = "测试局党组理论学习中心组"

YEAR_2024: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader", "--joined", "2020-01-01"),
    ("member", "add", "李四", "--joined", "2020-01-01"),
    *(
        ("plan", "add", "--year", "2024", "--month", str(month), "--title", f"主题{month}",
         *(["--discussion", "--speaker", "李四"] if month == 3 else []))
        for month in range(1, 13)
    ),
]  # fmt: skip


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("calendar-2024", recording(YEAR_2024)))
    return database


@pytest.fixture
def fails(run: Run, database: Database) -> Callable[..., str]:
    """Run studylog, insist it failed with one error line, the exit status ``code`` (1 a
    refusal by the records, 2 a value that cannot be read) and an unchanged database."""

    def invoke(*args: str, code: int = 1) -> str:
        before = database.snapshot()
        result = run(*args)
        assert result.exit_code == code, (args, result.output)
        assert result.stdout == ""
        assert database.snapshot() == before, f"{args} changed the database"
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        assert "unexpected" not in lines[0]
        return lines[0]

    return invoke


def planned(database: Database) -> dict[int, tuple[str | None, str | None, str | None]]:
    """Plan item month → (planned day, time, place) as stored."""
    with database.connect() as connection:
        rows = connection.execute(
            text("SELECT month, planned_on, planned_time, place FROM plan_items ORDER BY id")
        )
        return {
            month: (None if day is None else str(day), time, place)
            for month, day, time, place in rows
        }


def schedule(ok: Ok, *args: str) -> dict[str, object]:
    return json.loads(ok("plan", "schedule", "--year", "2024", "--format", "json", *args))


def test_second_tuesday_skips_the_spring_festival(year: Database, ok: Ok) -> None:
    result = schedule(ok, "--rule", "second-tuesday", "--time", "9:00", "--place", "三楼会议室")
    days = {month: day for month, (day, _, _) in planned(year).items()}
    assert days == {
        1: "2024-01-09", 2: "2024-02-18", 3: "2024-03-12", 4: "2024-04-09",
        5: "2024-05-14", 6: "2024-06-11", 7: "2024-07-09", 8: "2024-08-13",
        9: "2024-09-10", 10: "2024-10-08", 11: "2024-11-12", 12: "2024-12-10",
    }  # fmt: skip
    # 2024-02-13 falls in the Spring Festival: the next working day is Sunday 2024-02-18,
    # a weekend day the State Council declared a working day.
    assert planned(year)[2] == ("2024-02-18", "09:00", "三楼会议室")
    assert result["published"] is True
    february = next(i for i in result["items"] if i["month"] == 2)  # type: ignore[attr-defined]
    assert february["rule_day"] == "2024-02-13" and february["moved"] is True
    assert february["holiday"] == "spring_festival"


def test_a_planned_day_on_national_day_moves_to_the_next_working_day(
    year: Database, run: Run
) -> None:
    result = run("--lang", "zh", "plan", "schedule", "--year", "2024", "--rule", "first-tuesday")
    assert result.exit_code == 0, result.output
    assert planned(year)[10][0] == "2024-10-08"  # 2024-10-01…07 are National Day
    assert "由 2024-10-01 顺延（国庆节）" in result.stdout
    assert "其中1项顺延至下一个工作日" in result.stderr


def test_a_working_saturday_counts_as_a_working_day(year: Database, ok: Ok) -> None:
    schedule(ok, "--rule", "second-saturday")
    days = {month: day for month, (day, _, _) in planned(year).items()}
    assert days[10] == "2024-10-12"  # a Saturday declared a working day: kept
    assert days[5] == "2024-05-11" and days[9] == "2024-09-14"  # the same
    assert days[1] == "2024-01-15"  # a plain Saturday: the Monday after
    assert days[6] == "2024-06-11"  # Saturday, then Monday 06-10 is Dragon Boat: Tuesday


def test_the_chinese_rule_gives_the_english_rule_s_days(year: Database, ok: Ok) -> None:
    schedule(ok, "--rule", "last-friday")
    english = planned(year)
    schedule(ok, "--rule", "每月最后一个星期五")
    assert planned(year) == english
    schedule(ok, "--rule", "每月第二个星期二")
    chinese = planned(year)
    schedule(ok, "--rule", "second-tuesday")
    assert planned(year) == chinese
    assert english[3][0] == "2024-03-29"


def test_explicit_dates_for_chosen_items(year: Database, ok: Ok) -> None:
    schedule(ok, "--rule", "2024-10-01", "--item", "10", "--time", "14:30")
    assert planned(year)[10] == ("2024-10-08", "14:30", None)
    assert planned(year)[9] == (None, None, None)  # only item 10 was scheduled


def test_a_year_not_published_keeps_the_rule_s_days_and_says_so(
    year: Database, ok: Ok, run: Run
) -> None:
    ok("plan", "add", "--year", "2031", "--month", "10", "--title", "未来主题")
    result = run("plan", "schedule", "--year", "2031", "--rule", "first-wednesday")
    assert result.exit_code == 0, result.output
    assert "not published" in result.stderr
    with year.connect() as connection:
        day = connection.execute(text("SELECT planned_on FROM plan_items WHERE year = 2031"))
        assert str(day.scalar()) == "2031-10-01"  # National Day, but not known yet: kept


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        # a rule that reads but the year's calendar refuses: 1
        (("--rule", "fifth-monday"), 1, "gives no day in 2024-02"),
        # a rule or a time that cannot be read: 2
        (("--rule", "每两周一次"), 2, "is not a rule"),
        (("--rule", "fortnightly"), 2, "is not a rule"),
        (("--rule", "second-tuesday", "--time", "25:00"), 2, "is not a time of day"),
        (("--rule", "second-tuesday", "--time", "noon"), 2, "is not a time of day"),
        # dates that read but do not fit the year's plan, an unknown member: 1
        (("--rule", "2024-10-01,2024-11-05"), 1, "2 dates given for 12 plan items"),
        (("--rule", "2024-11-05", "--item", "10"), 1, "not in the month of plan item #10"),
        (("--rule", "second-tuesday", "--host", "王五"), 1, "王五"),
    ],
)
def test_bad_rules_change_nothing(
    year: Database, fails: Callable[..., str], args: tuple[str, ...], code: int, says: str
) -> None:
    assert says in fails("plan", "schedule", "--year", "2024", *args, code=code)


def read_calendar(path: Path) -> object:
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def events(path: Path) -> list[object]:
    return list(read_calendar(path).walk("VEVENT"))  # type: ignore[attr-defined]


def test_the_calendar_file_holds_every_planned_session(
    year: Database, ok: Ok, tmp_path: Path
) -> None:
    schedule(ok, "--rule", "second-tuesday", "--time", "09:00", "--place", "三楼会议室",
             "--host", "张三")  # fmt: skip
    target = tmp_path / "2024.ics"
    out = ok("calendar", "--year", "2024", "--out", str(target))
    assert "Wrote 12 planned sessions of 2024" in out
    found = events(target)
    assert len(found) == 12
    shanghai = ZoneInfo("Asia/Shanghai")
    by_title = {str(event["SUMMARY"]): event for event in found}  # type: ignore[index]
    assert set(by_title) == {f"主题{month}" for month in range(1, 13)}
    expected_days = {2: dt.date(2024, 2, 18), 10: dt.date(2024, 10, 8), 3: dt.date(2024, 3, 12)}
    for month in range(1, 13):
        event = by_title[f"主题{month}"]
        start = event["DTSTART"].dt  # type: ignore[index]
        end = event["DTEND"].dt  # type: ignore[index]
        assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=8)
        assert (start.hour, start.minute) == (9, 0) and start.month == month
        assert end - start == dt.timedelta(hours=2)
        if month in expected_days:
            assert start.date() == expected_days[month]
        assert str(event["LOCATION"]) == "三楼会议室"  # type: ignore[index]
        assert "Host: 张三" in str(event["DESCRIPTION"])  # type: ignore[index]
        assert str(event["UID"]).endswith("@studylog")  # type: ignore[index]
        (alarm,) = list(event.walk("VALARM"))  # type: ignore[attr-defined]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == dt.timedelta(days=-1)
        assert str(alarm["DESCRIPTION"]) == f"Tomorrow: 主题{month}"
    assert "Speakers: 李四" in str(by_title["主题3"]["DESCRIPTION"])  # type: ignore[index]
    assert start.astimezone(shanghai).hour == 9
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_re_export_keeps_every_uid(year: Database, ok: Ok, tmp_path: Path) -> None:
    schedule(ok, "--rule", "second-tuesday")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    ok("calendar", "--year", "2024", "--out", str(first))
    uids = {str(e["DTSTART"].dt): str(e["UID"]) for e in events(first)}  # type: ignore[index]
    sequence = {int(e["SEQUENCE"]) for e in events(first)}  # type: ignore[index]
    assert len(set(uids.values())) == 12  # all different
    assert all(isinstance(day, str) for day in uids)  # all-day events: no time was given
    schedule(ok, "--rule", "2024-10-01", "--item", "10", "--time", "15:00")  # moved: 10-08 15:00
    ok("calendar", "--year", "2024", "--out", str(second))
    again = {str(e["SUMMARY"]): str(e["UID"]) for e in events(second)}  # type: ignore[index]
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in events(first)}  # type: ignore[index]
    assert again == before  # the same events, updated rather than duplicated
    later = {int(e["SEQUENCE"]) for e in events(second)}  # type: ignore[index]
    assert min(later) > max(sequence)  # the later file supersedes the earlier
    ok("calendar", "--year", "2024", "--out", str(second), "--force")
    assert {str(e["UID"]) for e in events(second)} == set(before.values())  # type: ignore[index]


def test_calendar_refusals(
    year: Database, ok: Ok, fails: Callable[..., str], tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    assert "run plan schedule first" in fails("calendar", "--year", "2024", "--out", str(target))
    schedule(ok, "--rule", "second-tuesday")
    target.write_text("mine", encoding="utf-8")
    assert "already exists; add --force" in fails(
        "calendar", "--year", "2024", "--out", str(target)
    )
    assert target.read_text(encoding="utf-8") == "mine"  # not replaced without --force
    wrong = str(tmp_path / "a.txt")  # a file name that cannot be a calendar: 2
    assert "must end in" in fails("calendar", "--year", "2024", "--out", wrong, code=2)


def test_a_sheet_for_a_planned_session(year: Database, ok: Ok, tmp_path: Path) -> None:
    from docx import Document

    schedule(ok, "--rule", "second-tuesday", "--place", "三楼会议室", "--host", "张三")
    out = ok("sheet", "plan:10", "--out", str(tmp_path / "a.docx"))
    assert "plan item #10 (2024-10-08, 2 members)" in out
    text_of = "\n".join(p.text for p in Document(str(tmp_path / "a.docx")).paragraphs)
    assert "主题10" in text_of and "三楼会议室" in text_of and "张三" in text_of
    out = ok("sheet", "2024-10-08", "--out", str(tmp_path / "b.xlsx"))  # by the planned day
    assert "plan item #10" in out
    with year.connect() as connection:  # nothing recorded: the sheet's session is not stored
        assert connection.execute(text("SELECT count(*) FROM sessions")).scalar() == 0


def test_undo_takes_a_schedule_back(year: Database, ok: Ok) -> None:
    schedule(ok, "--rule", "second-tuesday", "--place", "三楼会议室")
    assert "plan schedule" in ok("log")
    ok("undo", "--yes")
    assert set(planned(year).values()) == {(None, None, None)}
    assert "plan schedule" in ok("log")  # the undo is logged too
    ok("log", "--verify")  # exit status 0: the chain and the records' digests agree


def test_drift_in_stats_check_and_report(year: Database, ok: Ok, run: Run, tmp_path: Path) -> None:
    schedule(ok, "--rule", "second-tuesday")
    # January held on its day (01-09); March three days late (03-15 for 03-12); May not in plan
    ok("session", "add", "--date", "2024-01-09", "--title", "一月", "--plan", "1")
    ok("session", "add", "--date", "2024-03-15", "--title", "三月", "--plan", "3")
    ok("session", "add", "--date", "2024-05-20", "--title", "计划外")
    stats = json.loads(ok("stats", "--year", "2024", "--format", "json"))
    assert stats["on_plan_date"] == 1
    assert stats["plan_scheduled_held"] == 2
    assert stats["on_plan_date_rate"] == 0.5
    assert stats["plan_drift_mean_days"] == 1.5
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[check]\nenabled = ["plan_drift"]\nplan_on_date_rate = 0.5\nplan_drift_days = 1\n',
        encoding="utf-8",
    )
    checked = run("--config", str(settings), "check", "--year", "2024", "--as-of",
                  "2024-12-31", "--format", "json")  # fmt: skip
    rule = next(r for r in json.loads(checked.stdout)["rules"] if r["rule"] == "plan_drift")
    assert rule["passed"] is False  # 1.5 days on average, 1 allowed
    assert [o["session_id"] for o in rule["offenders"]] == [2]
    assert rule["offenders"][0]["days"] == 3
    default = json.loads(
        run("check", "--year", "2024", "--as-of", "2024-12-31", "--format", "json").stdout
    )
    assert "plan_drift" not in {r["rule"] for r in default["rules"]}  # off by default
    report = ok("--lang", "zh", "report", "--year", "2024", "--as-of", "2024-12-31")
    assert "按固定学习日安排开展学习2次，其中按计划日期开展学习1次" in report
