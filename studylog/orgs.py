"""Study groups (中心组): creating one and finding the one a command is about."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.models import Org
from studylog.names import close_names
from studylog.parse import clean_text


def create_org(*, session: Session, name: str) -> tuple[Org, bool]:
    """The org called ``name``, created unless it exists; the flag says whether it was new."""
    name = clean_text(name, what="--org", limit=200)
    existing = session.scalar(select(Org).where(Org.name == name))
    if existing is not None:
        return existing, False
    org = Org(name=name)
    session.add(org)
    session.flush()
    return org, True


def only_org(*, session: Session) -> Org | None:
    """The database's one org; None when it has none; an error when it has several."""
    orgs = list(session.scalars(select(Org).order_by(Org.name).limit(4)))
    if len(orgs) > 1:
        raise StudylogError("org_ambiguous", names=[org.name for org in orgs])
    return orgs[0] if orgs else None


def resolve_org(*, session: Session, name: str | None) -> Org:
    """The named org, or the only one when no name is given."""
    if name is not None:
        org = session.scalar(select(Org).where(Org.name == name.strip()))
        if org is None:
            known = list(session.scalars(select(Org.name).order_by(Org.name)))
            raise StudylogError(
                "unknown_org", name=name, suggestions=close_names(name, known) or known[:3]
            )
        return org
    org = only_org(session=session)
    if org is None:
        raise StudylogError("no_org")
    return org
