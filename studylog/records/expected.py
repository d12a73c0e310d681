"""Who is expected at a session, and day counts, as SQL expressions every layer above shares.

The design's rule: expected(session) = members of the group whose role is not observer, joined
on or before the session's date (or with no joining date) and not retired before it. Whether
the study secretary (学习秘书) is expected is the settings' word (``[org] secretary_expected``,
default yes), given for the run with :func:`expect_secretary`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from studylog.store.tables import members
from studylog.text.vocab import Role

#: The settings' ``secretary_expected`` for this run: every command's database scope sets it
#: (studylog.cli.common), so each expected_on below, in any layer, agrees.
_SECRETARY_EXPECTED = [True]


def expect_secretary(expected: bool) -> None:
    _SECRETARY_EXPECTED[0] = expected


def role_expected(role: Role) -> bool:
    """A member of this role is expected at sessions (Python, for one member)."""
    return role != Role.OBSERVER and (_SECRETARY_EXPECTED[0] or role != Role.SECRETARY)


def expected_role() -> ColumnElement[bool]:
    """SQL: the member's role is one expected at sessions (not 列席; not the secretary when
    the settings say so). A member of another role at a session attends beyond the roll."""
    role = members.c.role
    if _SECRETARY_EXPECTED[0]:
        return role != Role.OBSERVER
    return and_(role != Role.OBSERVER, role != Role.SECRETARY)


def expected_on(day: Any) -> ColumnElement[bool]:
    """SQL: the member is expected at a session held on ``day`` (a date or a date column).

    Not an observer, joined on or before that day (or no joining date: counts from the
    first record on), and not retired before it.
    """
    member = members.c
    return and_(
        expected_role(),
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
