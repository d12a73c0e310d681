"""The figures of what a session studied and of who attended it beyond its roll, as SQL
aggregates: sessions per study form (学习形式), films, documents, hours; 扩大学习, observers
(列席), visits of superior bodies (巡听旁听); who hosted.

The JSON keys (``stats --format json``): ``forms`` {form value: sessions}, ``films``,
``documents``, ``study_hours`` (the sum of the sessions' lengths, not person-hours),
``extended_sessions``, ``extended_attendance``, ``observer_attendance``,
``observer_speeches``, ``visits`` (one per superior body and session), ``leader_hosted``
(sessions hosted by the group's 组长). Per member (``--by member``): ``forms``, ``films``,
``documents``, ``study_hours`` of the sessions the member attended, and ``hosted``.
None of it enters ``expected`` or a rate.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, distinct, func, not_, select
from sqlalchemy.sql import Subquery

from studylog.figures.grouping import Grouping, OrgRef, count_if, in_period, period_number, periods
from studylog.records.expected import expected_role
from studylog.store.tables import (
    attendance,
    members,
    orgs,
    session_extended,
    session_forms,
    session_observers,
    session_visitors,
    speeches,
)
from studylog.store.tables import sessions as held
from studylog.text.studyforms import hours_value, known_forms
from studylog.text.vocab import Role, Status

Figures = dict[str, Any]

#: The keys a period (or the whole) carries, and a member's row.
PERIOD_KEYS = ("forms", "films", "documents", "study_hours", "extended_sessions",
               "extended_attendance", "observer_attendance", "observer_speeches", "visits",
               "leader_hosted")  # fmt: skip
MEMBER_KEYS = ("forms", "films", "documents", "study_hours", "hosted")


def blank(keys: tuple[str, ...]) -> Figures:
    return {key: {} if key == "forms" else 0 for key in keys}


def study_figures(
    session: Any,
    org: OrgRef | None,
    start: date,
    end: date,
    by: Grouping | None,
    listed_end: date,
) -> tuple[Figures, dict[str, Figures], Figures]:
    """The whole period's figures, each ``--by`` row's (by its key) and an empty row's."""
    totals = _by_key(session, org, start, end, None).get(None, blank(PERIOD_KEYS))
    if by == "member" and org is not None:
        return totals, _member_rows(session, org, start, end), blank(MEMBER_KEYS)
    if by in ("month", "quarter"):
        found = _by_key(session, org, start, end, period_number(by))
        keys = dict(periods(start, listed_end, by))
        return totals, {keys[number]: row for number, row in found.items()}, blank(PERIOD_KEYS)
    if by == "org":
        found = _by_key(session, None, start, end, held.c.org_id)
        names = dict(session.execute(select(orgs.c.id, orgs.c.name)).all())
        return totals, {names[org_id]: row for org_id, row in found.items()}, blank(PERIOD_KEYS)
    return totals, {}, blank(PERIOD_KEYS)


def _by_key(
    session: Any, org: OrgRef | None, start: date, end: date, key: ColumnElement[Any] | None
) -> dict[Any, Figures]:
    """Every period figure per value of ``key`` (one group, None, without it)."""
    found: dict[Any, Figures] = {}

    def grouped(query: Select[Any]) -> list[Any]:
        query = in_period(query, org, start, end)
        return list(session.execute(query if key is None else query.group_by(key)))

    def row(value: Any) -> Figures:
        return found.setdefault(value, blank(PERIOD_KEYS))

    keyed = [] if key is None else [key.label("key")]
    host = members.alias("host")
    for line in grouped(
        select(
            *keyed,
            func.sum(held.c.films).label("films"),
            func.sum(held.c.documents).label("documents"),
            func.sum(held.c.hours_hundredths).label("hours"),
            count_if(host.c.role == Role.LEADER).label("leader_hosted"),
        ).select_from(held.outerjoin(host, host.c.id == held.c.host_id))
    ):
        _sums(row(getattr(line, "key", None)), line)
        row(getattr(line, "key", None))["leader_hosted"] = line.leader_hosted
    forms = held.join(session_forms, session_forms.c.session_id == held.c.id)
    for line in grouped(
        select(*keyed, session_forms.c.form, func.count().label("sessions"))
        .select_from(forms)
        .group_by(session_forms.c.form)
    ):
        row(getattr(line, "key", None))["forms"][line.form] = line.sessions
    extended = held.join(session_extended, session_extended.c.session_id == held.c.id)
    for line in grouped(
        select(
            *keyed,
            func.count(distinct(session_extended.c.session_id)).label("sessions"),
            func.sum(session_extended.c.headcount).label("people"),
        ).select_from(extended)
    ):
        figures = row(getattr(line, "key", None))
        figures["extended_sessions"], figures["extended_attendance"] = line.sessions, line.people
    for name, query in _beyond_counts(keyed).items():
        for line in grouped(query):
            row(getattr(line, "key", None))[name] = line.count
    visits = _visits(org, start, end, key)
    for line in session.execute(
        select(*([visits.c.key] if key is not None else []), func.count().label("count"))
        .select_from(visits)
        .group_by(*([visits.c.key] if key is not None else []))
    ):
        row(getattr(line, "key", None))["visits"] = line.count
    return {value: _clean(figures) for value, figures in found.items()}


def _beyond_counts(keyed: list[Any]) -> dict[str, Select[Any]]:
    """Observers present, and speeches given by members the roll does not expect."""
    live = members.c.archived_at.is_(None)
    observed = held.join(session_observers, session_observers.c.session_id == held.c.id).join(
        members, and_(members.c.id == session_observers.c.member_id, live)
    )
    spoken = held.join(speeches, speeches.c.session_id == held.c.id).join(
        members, and_(members.c.id == speeches.c.member_id, live, not_(expected_role()))
    )
    return {
        "observer_attendance": select(*keyed, func.count().label("count")).select_from(observed),
        "observer_speeches": select(*keyed, func.count().label("count")).select_from(spoken),
    }


def _visits(org: OrgRef | None, start: date, end: date, key: ColumnElement[Any] | None) -> Subquery:
    """One row per superior body and session it visited (two of its people: one visit)."""
    keyed = [] if key is None else [key.label("key")]
    visited = held.join(session_visitors, session_visitors.c.session_id == held.c.id)
    query = select(*keyed, held.c.id, session_visitors.c.body).select_from(visited).distinct()
    return in_period(query, org, start, end).subquery()


def _sums(figures: Figures, line: Any) -> None:
    figures["films"] = line.films or 0
    figures["documents"] = line.documents or 0
    figures["study_hours"] = hours_value(line.hours or 0)


def _clean(figures: Figures) -> Figures:
    figures = _sorted(figures)
    for name in ("extended_attendance",):
        figures[name] = figures[name] or 0
    return figures


def _member_rows(session: Any, org: OrgRef, start: date, end: date) -> dict[str, Figures]:
    """Per member: the forms, films, documents and hours of the sessions they attended
    (present or late), and the sessions they hosted (主持)."""
    found: dict[str, Figures] = {}

    def row(name: str) -> Figures:
        return found.setdefault(name, blank(MEMBER_KEYS))

    attended = and_(
        attendance.c.session_id == held.c.id,
        attendance.c.status.in_((Status.PRESENT, Status.LATE)),
        attendance.c.archived_at.is_(None),
    )
    joined = held.join(attendance, attended).join(
        members, and_(members.c.id == attendance.c.member_id, members.c.archived_at.is_(None))
    )
    name = members.c.name
    sums = select(
        name,
        func.sum(held.c.films).label("films"),
        func.sum(held.c.documents).label("documents"),
        func.sum(held.c.hours_hundredths).label("hours"),
    ).select_from(joined)
    for line in session.execute(in_period(sums, org, start, end).group_by(name)):
        _sums(row(line.name), line)
    forms = select(name, session_forms.c.form, func.count().label("sessions")).select_from(
        joined.join(session_forms, session_forms.c.session_id == held.c.id)
    )
    for line in session.execute(
        in_period(forms, org, start, end).group_by(name, session_forms.c.form)
    ):
        row(line.name)["forms"][line.form] = line.sessions
    hosted = select(name, func.count().label("hosted")).select_from(
        held.join(members, and_(members.c.id == held.c.host_id, members.c.archived_at.is_(None)))
    )
    for line in session.execute(in_period(hosted, org, start, end).group_by(name)):
        row(line.name)["hosted"] = line.hosted
    return {member: _sorted(figures) for member, figures in found.items()}


def _sorted(figures: Figures) -> Figures:
    """Forms in the vocabulary's order (built-in first), any other after them."""
    order = {value: index for index, value in enumerate(known_forms())}
    ranked = sorted(figures["forms"].items(), key=lambda item: (order.get(item[0], 99), item[0]))
    figures["forms"] = dict(ranked)
    return figures
