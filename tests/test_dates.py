"""Dates as typed at the keyboard: ``today``, ``昨天``, ``-3d``, ``3月5日``, in every option."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import pytest

from studylog.errors import StudylogError
from studylog.text.dates import typed_date
from studylog.text.messages import describe, set_language
from studylog.text.periods import choose_period, typed_period
from tests.conftest import Run

TODAY = dt.date(2024, 3, 10)  # a Sunday, in a leap year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", dt.date(2024, 3, 10)),
        ("Today", dt.date(2024, 3, 10)),
        ("今天", dt.date(2024, 3, 10)),
        ("yesterday", dt.date(2024, 3, 9)),
        ("昨天", dt.date(2024, 3, 9)),
        ("前天", dt.date(2024, 3, 8)),
        ("tomorrow", dt.date(2024, 3, 11)),
        ("-3d", dt.date(2024, 3, 7)),
        ("-10d", dt.date(2024, 2, 29)),  # back over a leap day
        ("-70 days", dt.date(2023, 12, 31)),
        ("3天前", dt.date(2024, 3, 7)),
        ("－３ｄ", dt.date(2024, 3, 7)),  # full-width, as a Chinese input method types it
        ("3月5日", dt.date(2024, 3, 5)),
        ("12月31号", dt.date(2024, 12, 31)),
        ("2月29日", dt.date(2024, 2, 29)),
        ("2023-03-01", dt.date(2023, 3, 1)),
        ("2023年3月1日", dt.date(2023, 3, 1)),
        ("20230301", dt.date(2023, 3, 1)),
    ],
)
def test_every_form_read_against_a_fixed_today(text: str, expected: dt.date) -> None:
    assert typed_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("someday", "'someday' is not a date; write it like 2023-03-01"),
        ("3d", "'3d' is not a date"),  # a count without the minus is not a day
        ("2月30日", "2月30日 is not a valid date: 2024-02 has 29 days"),
        ("13月1日", "13月1日 is not a valid date: there is no month 13"),
        ("2023-02-29", "2023-02 has 28 days"),
    ],
)
def test_bad_forms_are_explained(text: str, message: str) -> None:
    set_language("en")
    with pytest.raises(StudylogError) as caught:
        typed_date(text, today=TODAY)
    assert message in describe(caught.value)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2024", "year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024年", "year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024H1", "half", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("2024h2", "half", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        ("2024年上半年", "half", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("2024年下半年", "half", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        ("2024Q1", "quarter", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("2024-Q4", "quarter", dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
        ("2024年第一季度", "quarter", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("2024年第3季度", "quarter", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023/2", "month", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024年3月", "month", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        ("２０２４年１２月", "month", dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
    ],
)
def test_every_period_spelling(text: str, kind: str, start: dt.date, end: dt.date) -> None:
    found, period = typed_period(text)
    assert (found, period.start, period.end) == (kind, start, end)


def test_from_and_to_take_relative_dates_and_periods() -> None:
    assert choose_period(start="-9d", end="today", today=TODAY) == (
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 10),
    )
    assert choose_period(start="2024-01", end="2024Q1", today=TODAY) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 3, 31),
    )
    assert choose_period(start="1月1日", today=TODAY) == (dt.date(2024, 1, 1), None)
    assert choose_period(today=TODAY) == (None, None)


@pytest.fixture
def fixed_today() -> Iterator[dt.date]:
    """The clock stopped at noon on :data:`TODAY` for studylog too."""
    import time_machine

    with time_machine.travel(dt.datetime.combine(TODAY, dt.time(12)).astimezone(), tick=False):
        yield TODAY


def test_date_options_take_the_typed_forms(
    fixed_today: dt.date, ok: Callable[..., str], run: Run
) -> None:
    ok("init", "--org", "日期局")
    ok("member", "add", "张三", "--joined", "3月1日")
    ok("member", "add", "李四", "--joined", "-30d")
    ok("session", "add", "--date", "昨天", "--title", "集中学习")
    ok("session", "add", "--date", "today", "--title", "专题学习", "--first-agenda", "讲话精神",
       "--source-date", "-3d")  # fmt: skip
    ok("attend", "yesterday", "--leave", "李四:出差")
    ok("makeup", "add", "昨天", "李四", "--date", "今天")
    ok("member", "retire", "李四", "--on", "today")
    members = json.loads(ok("member", "list", "--all", "--format", "json"))
    assert [(m["name"], m["joined"], m["retired"]) for m in members] == [
        ("张三", "2024-03-01", None),
        ("李四", "2024-02-09", "2024-03-10"),
    ]
    sessions = json.loads(ok("session", "list", "--from", "-1d", "--to", "today", "-f", "json"))
    assert [(s["date"], s["title"], s["source_date"]) for s in sessions] == [
        ("2024-03-09", "集中学习", None),
        ("2024-03-10", "专题学习", "2024-03-07"),
    ]
    made_up = json.loads(ok("makeup", "list", "--month", "2024-03", "--format", "json"))
    assert [(line["member"], line["made_up"]) for line in made_up] == [("李四", "2024-03-10")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("session", "add", "--date", "明年", "--title", "x"), "'明年' is not a date"),
        (("session", "list", "--from", "someday"), "'someday' is not a date"),
        (("stats", "--month", "2024-13"), "2024-13 is not a valid date: there is no month 13"),
        (("stats", "--quarter", "2024Q5"), "'2024Q5' is not a period"),
        (("stats", "--half", "2024H3"), "'2024H3' is not a period"),
        (("stats", "--month", "2024Q1"), "'2024Q1' is not a month"),
        (("stats", "--quarter", "2024-03"), "'2024-03' is not a quarter"),
        (("stats", "--year", "2024", "--month", "2024-01"), "give one period, not --year --month"),
        (("session", "list", "--from", "today", "--to", "-5d"), "is after --to"),
    ],
)
def test_a_bad_date_or_period_is_one_error_line(
    ok: Callable[..., str], run: Run, args: tuple[str, ...], message: str
) -> None:
    ok("init", "--org", "日期局")
    result = run(*args)
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert message in lines[0]


def test_the_error_is_chinese_under_zh(ok: Callable[..., str], run: Run) -> None:
    ok("init", "--org", "日期局")
    result = run("--lang", "zh", "stats", "--month", "下个月")
    assert result.exit_code != 0
    assert result.stderr.startswith("错误：“下个月”不是期间")
