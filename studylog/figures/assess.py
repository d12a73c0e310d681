"""The yearly assessment (学习考评): each component's per-member SQL aggregate, and the year's
scores.

A component is ONE entry of :data:`COMPONENTS`: a name (its label is the message
``assess_NAME``), an SQL aggregate per member and its default weight and cap. The aggregate is a
``SELECT member_id, amount [, base] … GROUP BY member_id``: a count (speeches, sessions hosted)
is ``amount``; a rate (attendance) is ``amount / base`` over the member's own denominator. The
scoring arithmetic over these numbers is :mod:`studylog.figures.scoring`.

To add a component: write its measure below and add one ``Component(...)`` line to
:data:`COMPONENTS`; the settings file then takes ``[assess.NAME] weight = … cap = …`` for it,
and every format shows it.

The default weights add up to 100 (attendance 35, make-ups in time 15, speeches 20, outputs 15,
self-study 10, hosting 5). The default caps leave room in a typical year (12 monthly sessions,
some 6 speeches, 6 outputs and 50 hours of self-study a member): a count's cap is twice that
(12 speeches, 12 outputs, 100 hours; hosting 12, every session), so one more absence (a rate),
one more speech, one more output or one more hour still changes the score.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, func, select

from studylog.errors import StudylogError
from studylog.figures.grouping import count_if, expected_lines
from studylog.figures.scoring import (
    AssessSettings,
    Default,
    Measured,
    MemberScore,
    as_toml,
    ranked,
    read_settings,
    score_member,
)
from studylog.records.expected import days_between
from studylog.store.tables import (
    attendance,
    makeups,
    member_outputs,
    members,
    self_study,
    sessions,
    speeches,
)
from studylog.text.activity_words import OutputKind
from studylog.text.vocab import MISSED, SpeechKind, Status

if TYPE_CHECKING:
    from studylog.config import Config
    from studylog.records.orgs import Group
    from studylog.store.db import Reader

ATTENDED = (Status.PRESENT, Status.LATE)


@dataclass(frozen=True)
class Scope:
    """What every measure is asked about: one group's sessions held from ``start`` to ``end``
    (the year, cut at ``as_of``), and records dated by ``as_of``."""

    org_id: int
    start: date
    end: date
    as_of: date
    makeup_days: int  # a make-up this many days after its session or fewer is in time


Measure = Callable[[Scope], Select[Any]]


@dataclass(frozen=True)
class Component:
    name: str
    measure: Measure  # SELECT member_id, amount [, base] … GROUP BY member_id
    weight: Decimal  # default weight (0: available, off unless the settings give a weight)
    cap: Decimal  # default cap: the value at which the component's points are full
    rate: bool = False  # amount / base, from 0 to 1; else a count, its cap in proportion
    per: int = 1  # the amount is in 1/per units (hours kept in hundredths: per=100), exactly


def _held(scope: Scope) -> ColumnElement[bool]:
    """The group's sessions held in the scope (deleted ones are kept out, as everywhere)."""
    session = sessions.c
    return and_(
        session.org_id == scope.org_id,
        session.date >= scope.start,
        session.date <= scope.end,
        session.archived_at.is_(None),
    )


def _expected_lines(query: Select[Any], scope: Scope) -> Select[Any]:
    """Every (session held in the scope, member expected that day) pair, with its roll line
    and make-up (the same rows as ``stats``), grouped by member."""
    return expected_lines(query).where(_held(scope)).group_by(members.c.id)


def attendance_rate(scope: Scope) -> Select[Any]:
    """出勤率: sessions attended (present or late) / sessions the member was expected at."""
    return _expected_lines(
        select(
            members.c.id.label("member_id"),
            count_if(attendance.c.status.in_(ATTENDED)).label("amount"),
            func.count().label("base"),
        ),
        scope,
    )


def makeups_in_time(scope: Scope) -> Select[Any]:
    """按时参学率: (sessions attended + leaves and absences made up within ``makeup_days``
    of the session, by ``as_of``) / sessions expected. One more absence made up in time leaves
    it as it was; one not made up lowers it."""
    made_up = and_(
        attendance.c.status.in_(MISSED),
        makeups.c.id.is_not(None),
        makeups.c.date <= scope.as_of,
        days_between(makeups.c.date, sessions.c.date) <= scope.makeup_days,
    )
    return _expected_lines(
        select(
            members.c.id.label("member_id"),
            count_if(attendance.c.status.in_(ATTENDED) | made_up).label("amount"),
            func.count().label("base"),
        ),
        scope,
    )


def speeches_given(kind: SpeechKind | None = None) -> Measure:
    """Speeches the member gave at sessions held in the scope (of one kind, or any)."""

    def measure(scope: Scope) -> Select[Any]:
        query = (
            select(speeches.c.member_id, func.count(speeches.c.id).label("amount"))
            .select_from(speeches)
            .join(sessions, sessions.c.id == speeches.c.session_id)
            .where(_held(scope))
            .group_by(speeches.c.member_id)
        )
        return query if kind is None else query.where(speeches.c.kind == kind)

    return measure


def sessions_hosted(scope: Scope) -> Select[Any]:
    """主持: sessions held in the scope with the member as their host (sessions.host_id)."""
    return (
        select(sessions.c.host_id.label("member_id"), func.count(sessions.c.id).label("amount"))
        .where(_held(scope), sessions.c.host_id.is_not(None))
        .group_by(sessions.c.host_id)
    )


def _dated(table: Any, scope: Scope) -> ColumnElement[bool]:
    """The group's live records of ``table`` (outputs, self-study) dated in the scope."""
    return and_(
        table.c.org_id == scope.org_id,
        table.c.date >= scope.start,
        table.c.date <= scope.end,
        table.c.archived_at.is_(None),
    )


def outputs_given(kind: OutputKind | None = None) -> Measure:
    """学习成果: the member's outputs dated in the scope (of one kind, or any)."""

    def measure(scope: Scope) -> Select[Any]:
        query = (
            select(member_outputs.c.member_id, func.count(member_outputs.c.id).label("amount"))
            .where(_dated(member_outputs, scope))
            .group_by(member_outputs.c.member_id)
        )
        return query if kind is None else query.where(member_outputs.c.kind == kind)

    return measure


def self_study_hours(scope: Scope) -> Select[Any]:
    """自学学时: the member's self-study dated in the scope, in hundredths of an hour."""
    return (
        select(
            self_study.c.member_id,
            func.coalesce(func.sum(self_study.c.hours_hundredths), 0).label("amount"),
        )
        .where(_dated(self_study, scope))
        .group_by(self_study.c.member_id)
    )


#: Each kind of output as a component of its own (off by default), its default cap.
OUTPUT_KINDS = (
    ("party_lectures", OutputKind.PARTY_LECTURE, 2),
    ("briefing_tours", OutputKind.BRIEFING_TOUR, 4),
    ("articles", OutputKind.ARTICLE, 4),
    ("reflections", OutputKind.REFLECTION, 6),
    ("research_reports", OutputKind.RESEARCH_REPORT, 2),
    ("discussion_papers", OutputKind.DISCUSSION_PAPER, 6),
)

#: Every component the settings may weigh, in the order they are shown. Those with a default
#: weight of 0 are available and off until ``[assess.NAME] weight = …`` switches them on.
COMPONENTS: dict[str, Component] = {
    component.name: component
    for component in (
        Component("attendance", attendance_rate, Decimal(35), Decimal(1), rate=True),
        Component("makeups", makeups_in_time, Decimal(15), Decimal(1), rate=True),
        Component("speeches", speeches_given(), Decimal(20), Decimal(12)),
        Component("outputs", outputs_given(), Decimal(15), Decimal(12)),
        Component("selfstudy", self_study_hours, Decimal(10), Decimal(100), per=100),
        Component("hosting", sessions_hosted, Decimal(5), Decimal(12)),
        Component("key_speeches", speeches_given(SpeechKind.KEY), Decimal(0), Decimal(4)),
        Component("written_speeches", speeches_given(SpeechKind.WRITTEN), Decimal(0), Decimal(4)),
        Component("exchange_speeches", speeches_given(SpeechKind.EXCHANGE), Decimal(0), Decimal(4)),
        *(
            Component(name, outputs_given(kind), Decimal(0), Decimal(cap))
            for name, kind, cap in OUTPUT_KINDS
        ),
    )
}


def defaults() -> dict[str, Default]:
    """Each component's default weight and cap, as the settings reader needs them."""
    return {
        name: Default(component.weight, component.cap, component.rate)
        for name, component in COMPONENTS.items()
    }


def assess_settings(raw: Mapping[str, Any], *, path: str, makeup_days: int) -> AssessSettings:
    """The ``[assess]`` table of the settings file, checked against the registry."""
    return read_settings(raw, defaults(), path=path, makeup_days=makeup_days)


def assess_toml(config: Config) -> str:
    """The ``[assess]`` settings in force, as TOML (``config show``)."""
    settings = assess_settings(
        config.assess, path=str(config.path), makeup_days=config.check.makeup_days
    )
    return as_toml(settings, defaults())


@dataclass(frozen=True)
class Assessment:
    year: int
    org: str
    as_of: date
    sessions: int  # sessions held in the year by as_of: a full year's count caps
    settings: AssessSettings
    rows: list[MemberScore]
    unrecorded: int = 0  # expected attendances with no roll line: counted as not attended


def assess_year(
    *, session: Reader, org: Group, year: int, as_of: date, settings: AssessSettings
) -> Assessment:
    """Score each member expected at a session of ``year`` held by ``as_of``, ranked."""
    start, end = date(year, 1, 1), min(date(year, 12, 31), as_of)
    scope = Scope(org.id, start, end, as_of, settings.makeup_days)
    held = session.scalar(select(func.count(sessions.c.id)).where(_held(scope))) or 0
    expected = session.execute(
        _expected_lines(
            select(
                members.c.id,
                members.c.name,
                members.c.title,
                func.count().label("expected"),
                count_if(attendance.c.id.is_(None)).label("unrecorded"),
            ),
            scope,
        )
        .group_by(members.c.name, members.c.title)
        .order_by(members.c.id)
    ).all()
    if not expected:
        raise StudylogError("assess_nobody", year=year, as_of=as_of)
    measured: dict[str, dict[int, Measured]] = {}
    for weighed in settings.components:
        component = COMPONENTS[weighed.name]
        measured[weighed.name] = {
            row.member_id: Measured(row.amount, getattr(row, "base", None), component.per)
            for row in session.execute(component.measure(scope))
        }
    nothing = Measured(0)  # no row: no record (a rate over nothing scores nothing)
    scores = [
        score_member(
            member=row.name,
            title=row.title,
            expected=row.expected,
            sessions=held,
            measured={name: found.get(row.id, nothing) for name, found in measured.items()},
            settings=settings,
        )
        for row in expected
    ]
    unrecorded = sum(row.unrecorded for row in expected)  # each already an SQL aggregate
    return Assessment(year, org.name, as_of, held, settings, ranked(scores, settings), unrecorded)
