"""What every figure query shares: the sessions of a period, counting in SQL, and the months
or quarters a period is cut into (``stats --by month|quarter``)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, Protocol

from sqlalchemy import ColumnElement, Integer, Select, and_, case, cast, extract, func

from studylog.records.expected import expected_on
from studylog.store.tables import attendance, makeups, members
from studylog.store.tables import sessions as held

Grouping = Literal["member", "month", "quarter", "org"]


class OrgRef(Protocol):
    """A study group as the figures need it: an ORM ``Org``, or a
    :class:`studylog.records.orgs.Group` read through Core."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def in_period(query: Select[Any], org: OrgRef | None, start: date, end: date) -> Select[Any]:
    """Sessions of ``org`` (of every org when None) held from ``start`` to ``end``; deleted
    sessions never count (these are Core statements, which the ORM's rule does not reach)."""
    session = held.c
    query = query.where(session.date >= start, session.date <= end, session.archived_at.is_(None))
    return query if org is None else query.where(session.org_id == org.id)


def period_number(by: Grouping) -> ColumnElement[int]:
    """One number per period: 202303 for March 2023, 20231 for its first quarter."""
    year = cast(extract("year", held.c.date), Integer)
    month = cast(extract("month", held.c.date), Integer)
    return year * 100 + month if by == "month" else year * 10 + (month + 2) // 3


def periods(start: date, end: date, by: Grouping) -> list[tuple[int, str]]:
    """The months (202303, "2023-03") or quarters (20231, "2023-Q1") a range touches."""
    found = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        if by == "month":
            found.append((year * 100 + month, f"{year}-{month:02d}"))
        elif month == start.month or month % 3 == 1:
            quarter = (month + 2) // 3
            found.append((year * 10 + quarter, f"{year}-Q{quarter}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return list(dict.fromkeys(found))


def without(row: dict[str, Any] | None, column: str = "period") -> dict[str, Any]:
    return {key: value for key, value in (row or {}).items() if key != column}


def expected_lines(query: Select[Any]) -> Select[Any]:
    """Every (session, expected member) pair, with its roll line and make-up if any: the rows
    every roll figure counts (``stats``, the check, the assessment)."""
    session, member, line = held.c, members.c, attendance.c
    return (
        query.select_from(held)
        .join(
            members,
            and_(
                member.org_id == session.org_id,
                member.archived_at.is_(None),
                expected_on(session.date),
            ),
        )
        .outerjoin(
            attendance,
            and_(
                line.session_id == session.id,
                line.member_id == member.id,
                line.archived_at.is_(None),
            ),
        )
        .outerjoin(makeups, makeups.c.attendance_id == line.id)
    )
