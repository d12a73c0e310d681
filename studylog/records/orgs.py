"""Study groups (中心组): creating one and finding the one a command is about.

Finding one needs no ORM (the figures' read path starts without it); the ORM ``Org`` is
loaded for the commands that write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from studylog.errors import StudylogError
from studylog.store.tables import orgs
from studylog.text.names import close_names
from studylog.text.parse import clean_org_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from studylog.store.db import Reader
    from studylog.store.models import Org


@dataclass(frozen=True)
class Group:
    """A study group as a read needs it."""

    id: int
    name: str


def create_org(*, session: Session, name: str) -> tuple[Org, bool]:
    """The org called ``name``, created unless it exists; the flag says whether it was new."""
    from studylog.store.models import Org

    name = clean_org_name(name)
    existing = session.scalar(select(Org).where(Org.name == name))
    if existing is not None:
        return existing, False
    org = Org(name=name)
    session.add(org)
    session.flush()
    return org, True


def only_org(*, session: Session) -> Org | None:
    """The database's one org; None when it has none; an error when it has several."""
    group = _only_group(session)
    return None if group is None else _loaded(session, group)


def resolve_org(*, session: Session, name: str | None) -> Org:
    """The named org, or the only one when no name is given."""
    return _loaded(session, find_group(session, name))


def find_group(reader: Reader, name: str | None) -> Group:
    """:func:`resolve_org` for a read: the named group, or the only one."""
    if name is not None:
        name = clean_org_name(name)
        found = reader.execute(select(orgs.c.id, orgs.c.name).where(orgs.c.name == name))
        row = found.first()
        if row is None:
            known = list(reader.scalars(select(orgs.c.name).order_by(orgs.c.name)))
            raise StudylogError(
                "unknown_org", name=name, suggestions=close_names(name, known) or known[:3]
            )
        return Group(*row)
    group = _only_group(reader)
    if group is None:
        raise StudylogError("no_org")
    return group


def _only_group(reader: Reader) -> Group | None:
    rows = reader.execute(select(orgs.c.id, orgs.c.name).order_by(orgs.c.name).limit(4)).all()
    if len(rows) > 1:
        raise StudylogError("org_ambiguous", names=[name for _, name in rows])
    return Group(*rows[0]) if rows else None


def _loaded(session: Session, group: Group) -> Org:
    from studylog.store.models import Org

    return session.get_one(Org, group.id)
