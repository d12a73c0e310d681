"""``attend``'s options for the people at a session beyond its roll: 扩大学习 groups, observers
(列席) who attended, visitors of a superior body (旁听 / 巡听). None is ever expected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from studylog.text.parse import split_names
from studylog.text.studyforms import Extended, parse_extended, parse_visitors

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from studylog.store.models import Org, StudySession

ExtendedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extended",
        metavar="GROUP:N[:NAMES]",
        help="扩大学习: a group beyond the roll and how many of it attended, e.g. "
        "局中层党员干部:15 (names optional after a second colon); repeat for more groups. "
        "Replaces the session's list; '' clears. Never expected, never in a rate.",
    ),
]
ObservedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--observed",
        metavar="NAMES",
        help="Observers (列席) who attended: members the roll does not expect. Replaces the "
        "session's list; '' clears.",
    ),
]
VisitorOption = Annotated[
    list[str] | None,
    typer.Option(
        "--visitor",
        metavar="BODY:NAME",
        help="旁听 / 巡听 by a superior body: BODY:NAME[,NAME]; repeat for more. Replaces the "
        "session's list; '' clears.",
    ),
]


@dataclass(frozen=True)
class BeyondRoll:
    """What ``attend`` was told about the people beyond the roll (None: not given)."""

    extended: list[Extended] | None
    observed: list[str] | None
    visitors: list[tuple[str, str]] | None

    def store(self, session: Session, org: Org, record: StudySession) -> None:
        from studylog.records.studyforms import record_beyond_roll

        record_beyond_roll(
            session=session, org=org, record=record, extended=self.extended,
            observed=self.observed, visitors=self.visitors,
        )  # fmt: skip

    def counts(self) -> dict[str, int]:
        return {
            "extended": sum(group.count for group in self.extended or []),
            "observers": len(self.observed or []),
            "visitors": len(self.visitors or []),
        }


def beyond_roll_options(
    extended: list[str] | None, observed: list[str] | None, visitor: list[str] | None
) -> BeyondRoll | None:
    """The options read, or None when none was given."""
    if extended is None and observed is None and visitor is None:
        return None

    def given(values: list[str] | None) -> list[str] | None:
        return None if values is None else [value for value in values if value.strip()]

    groups, visits = given(extended), given(visitor)
    return BeyondRoll(
        extended=None if groups is None else [parse_extended(value) for value in groups],
        observed=None if observed is None else split_names(observed),
        visitors=None if visits is None else parse_visitors(visits),
    )
