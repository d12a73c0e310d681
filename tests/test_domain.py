"""The rules of the records, exercised through the domain functions (no CLI)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.figures.tallies import yearly_tallies
from studylog.records.attendance import expected_members, mark_roll
from studylog.records.makeups import add_makeup
from studylog.records.members import add_member, edit_member, retire_member
from studylog.records.orgs import create_org, resolve_org
from studylog.records.sessions import SessionFields, add_session
from studylog.store.db import open_engine, resolve_url, transaction
from studylog.store.models import Attendance, Org
from studylog.text.vocab import Role, Status
from tests.conftest import Database


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    engine = open_engine(resolve_url(database.url), create=True)
    try:
        with transaction(engine) as session:
            yield session
    finally:
        engine.dispose()


@pytest.fixture
def org(session: Session) -> Org:
    org, _ = create_org(session=session, name="某局党组理论学习中心组")
    for name in ("张三", "李四", "王五"):
        add_member(session=session, org=org, name=name)
    return org


def _session_on(session: Session, org: Org, day: date) -> str:
    record = add_session(
        session=session, org=org, fields=SessionFields(date=day, title="学习", discussion=True)
    )
    return str(record.id)


def _names(session: Session, org: Org, day: date) -> list[str]:
    return [member.name for member in expected_members(session=session, org=org, on=day)]


def test_expected_follows_joining_and_leaving_dates(session: Session, org: Org) -> None:
    add_member(session=session, org=org, name="赵六", joined=date(2023, 7, 1))
    add_member(session=session, org=org, name="吴十", role=Role.OBSERVER)
    retire_member(session=session, org=org, name="王五", on=date(2023, 6, 30))
    assert _names(session, org, date(2023, 6, 30)) == ["张三", "李四", "王五"]
    assert _names(session, org, date(2023, 7, 1)) == ["张三", "李四", "赵六"]


def test_retiring_takes_a_member_off_later_rolls(session: Session, org: Org) -> None:
    early, late = (
        _session_on(session, org, date(2023, 3, 1)),
        _session_on(session, org, date(2023, 9, 1)),
    )
    mark_roll(session=session, org=org, ref=early)
    mark_roll(session=session, org=org, ref=late)
    result = retire_member(
        session=session, org=org, name="王五", on=date(2023, 6, 30), confirmed=True
    )
    assert result.rolls_left == 1
    report = yearly_tallies(session=session, org=org, year=2023)
    assert (report.tallies.roll.expected, report.tallies.roll.present) == (5, 5)


def test_a_made_up_line_cannot_silently_become_present(session: Session, org: Org) -> None:
    ref = _session_on(session, org, date(2023, 3, 1))
    mark_roll(session=session, org=org, ref=ref, leave=[("李四", "出差")])
    add_makeup(session=session, org=org, ref=ref, name="李四", on=date(2023, 3, 5))
    with pytest.raises(StudylogError) as caught:
        mark_roll(session=session, org=org, ref=ref, replace=True, confirmed=False)
    assert caught.value.key == "roll_needs_yes"
    # leave → absent keeps the make-up
    _, roll = mark_roll(session=session, org=org, ref=ref, absent=["李四"])
    assert [(line.member, line.status, line.made_up) for line in roll][1] == (
        "李四",
        Status.ABSENT,
        date(2023, 3, 5),
    )


def test_sessions_without_a_roll_count_as_unrecorded(session: Session, org: Org) -> None:
    _session_on(session, org, date(2023, 3, 1))
    roll = yearly_tallies(session=session, org=org, year=2023).tallies.roll
    assert (roll.expected, roll.unrecorded, roll.attendance_rate) == (3, 3, 0.0)


def test_a_year_with_nothing_expected_has_no_rates(session: Session, org: Org) -> None:
    roll = yearly_tallies(session=session, org=org, year=2022).tallies.roll
    assert roll.attendance_rate is None and roll.participation_rate is None


def test_the_only_org_is_found_without_a_name(session: Session, org: Org) -> None:
    assert resolve_org(session=session, name=None).id == org.id
    create_org(session=session, name="另一个中心组")
    with pytest.raises(StudylogError) as caught:
        resolve_org(session=session, name=None)
    assert caught.value.key == "org_ambiguous"


def test_renaming_keeps_history(session: Session, org: Org) -> None:
    ref = _session_on(session, org, date(2023, 3, 1))
    mark_roll(session=session, org=org, ref=ref, late=["张三"])
    edit_member(session=session, org=org, name="张三", new_name="张叁")
    count = session.scalar(select(func.count(Attendance.id)).where(Attendance.status == "late"))
    assert count == 1
    _, roll = mark_roll(session=session, org=org, ref=ref, late=["张叁"])
    assert roll[0].member == "张叁" and roll[0].status == Status.LATE


def test_a_later_joining_date_takes_a_member_off_earlier_rolls(session: Session, org: Org) -> None:
    ref = _session_on(session, org, date(2023, 3, 1))
    mark_roll(session=session, org=org, ref=ref, leave=[("王五", None)])
    add_makeup(session=session, org=org, ref=ref, name="王五", on=date(2023, 3, 9))
    with pytest.raises(StudylogError) as caught:  # the make-up is history: sort it out first
        edit_member(session=session, org=org, name="王五", joined=date(2023, 6, 1))
    assert caught.value.key == "tenure_orphans"
    edit_member(session=session, org=org, name="李四", joined=date(2023, 6, 1), confirmed=True)
    report = yearly_tallies(session=session, org=org, year=2023)
    assert (report.tallies.roll.expected, report.tallies.roll.unrecorded) == (2, 0)
    lines = session.scalar(select(func.count(Attendance.id)).where(Attendance.session_id == 1))
    assert lines == 2
