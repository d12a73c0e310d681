"""Who is expected at a session, and day counts, as SQL expressions every layer above shares.

The design's rule: expected(session) = members of the group whose role is not observer, joined
on or before the session's date (or with no joining date) and not retired before it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from studylog.store.tables import members
from studylog.text.vocab import Role


def expected_on(day: Any) -> ColumnElement[bool]:
    """SQL: the member is expected at a session held on ``day`` (a date or a date column).

    Not an observer, joined on or before that day (or no joining date: counts from the
    first record on), and not retired before it.
    """
    member = members.c
    return and_(
        member.role != Role.OBSERVER,
        or_(member.joined.is_(None), member.joined <= day),
        or_(member.retired.is_(None), member.retired >= day),
    )


class days_between(FunctionElement[int]):
    """SQL: whole days from the second date to the first."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({later} - {earlier})"  # PostgreSQL: date - date is a number of days


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
