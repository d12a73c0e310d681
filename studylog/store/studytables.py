"""The tables of a whole year's study beyond the roll call: a session's study forms (学习形式)
with what was studied, and the people at a session who are not on its roll (扩大学习, 列席,
上级巡听旁听). Kept apart from :mod:`studylog.store.tables`, which adds them to the schema.

Each table is keyed on its session (like ``session_tags``): it reaches its org through it, a
bulk import's rows are placed by the session's id, and a session's rows go with it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Column, Integer, MetaData, String, Table, Text


def study_columns() -> list[Any]:
    """The session's own counts: films watched, documents studied, its length in hundredths
    of an hour (2.5 学时 is 250: whole numbers, so sums never drift)."""
    return [
        Column("films", Integer, CheckConstraint("films >= 0", name="films")),
        Column("documents", Integer, CheckConstraint("documents >= 0", name="documents")),
        Column(
            "hours_hundredths",
            Integer,
            CheckConstraint("hours_hundredths > 0", name="hours_hundredths"),
        ),
    ]


def beyond_roll_tables(metadata: MetaData, refers: Any) -> tuple[Table, Table, Table, Table]:
    """session_extended, session_observers, session_visitors, session_forms."""

    def session_key() -> Column[int]:
        key: Column[int] = refers("session_id", "sessions.id", ondelete="CASCADE", primary_key=True)
        return key

    # 扩大学习: a group beyond the roll (局中层党员干部), how many came, their names if given.
    extended = Table(
        "session_extended",
        metadata,
        session_key(),
        Column("label", String(200), primary_key=True),
        Column("headcount", Integer, CheckConstraint("headcount > 0", name="headcount"),
               nullable=False),
        Column("names", Text),
    )  # fmt: skip
    # 列席: a member not expected at the session (an observer) who attended it.
    observers = Table(
        "session_observers",
        metadata,
        session_key(),
        refers("member_id", "members.id", primary_key=True, index=True),
    )
    # 旁听 / 巡听: someone of a superior body who sat in (one visit per body and session).
    visitors = Table(
        "session_visitors",
        metadata,
        session_key(),
        Column("body", String(200), primary_key=True),
        Column("name", String(100), primary_key=True),
    )
    # The study forms (学习形式) a session took: a built-in value or one of the settings'.
    forms = Table(
        "session_forms",
        metadata,
        session_key(),
        Column("form", String(40), primary_key=True),
    )
    return extended, observers, visitors, forms
