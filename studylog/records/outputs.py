"""Members' outputs (学习成果): party lectures, briefing tours, theory articles (with where
they appeared and at what level), reflections, research reports, discussion papers.

An output belongs to a member who was in the group on its date, is dated no later than today,
and may name the session it came from. Deleting one keeps it, marked deleted (when, why), out
of every list and figure until it is restored; ``undo`` reverts any of these writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.members import find_member, in_group
from studylog.records.sessions import resolve_session
from studylog.store.models import Member, MemberOutput, Org
from studylog.store.tables import utcnow
from studylog.text.activity_words import Level, OutputKind
from studylog.text.parse import clean_text, optional_text


@dataclass
class OutputFields:
    """What ``output add`` and ``output edit`` take; ``None`` means "not given"."""

    name: str | None = None  # the member
    kind: OutputKind | None = None
    date: dt.date | None = None
    title: str | None = None
    venue: str | None = None  # "" clears
    level: Level | None = None
    clear_level: bool = False  # --level ''
    session_ref: str | None = None  # "" unlinks


def not_in_future(day: dt.date) -> None:
    """Something done (an output, an hour of study, a meeting) is not dated after today."""
    if day > dt.date.today():
        raise StudylogError("date_in_future", on=day)


def add_output(*, session: Session, org: Org, fields: OutputFields) -> MemberOutput:
    """Record a member's output; the same member, kind, date and title twice is refused."""
    given = {"NAME": fields.name, "--kind": fields.kind, "--date": fields.date}
    for option, value in (*given.items(), ("--title", fields.title)):
        if value is None:
            raise StudylogError("missing_option", option=option)
    output = MemberOutput(org_id=org.id)
    _apply(session, org, output, fields)
    session.add(output)
    session.flush()
    return output


def edit_output(
    *, session: Session, org: Org, output_id: int, fields: OutputFields
) -> MemberOutput:
    """Change only what is given, under the same rules as adding."""
    output = find_output(session=session, org=org, output_id=output_id)
    _apply(session, org, output, fields)
    session.flush()
    return output


def _apply(session: Session, org: Org, output: MemberOutput, fields: OutputFields) -> None:
    if fields.name is not None:
        output.member = find_member(session=session, org=org, name=fields.name)
    if fields.kind is not None:
        output.kind = fields.kind
    if fields.date is not None:
        output.date = fields.date
    if fields.title is not None:
        output.title = clean_text(fields.title, what="--title")
    if fields.venue is not None:
        output.venue = optional_text(fields.venue, what="--venue", limit=200)
    if fields.level is not None:
        output.level = fields.level
    elif fields.clear_level:
        output.level = None
    if fields.session_ref is not None:
        record = (
            resolve_session(session=session, org=org, ref=fields.session_ref)
            if fields.session_ref.strip()
            else None
        )
        output.session_id = None if record is None else record.id
    not_in_future(output.date)
    member: Member = output.member
    if not in_group(member, output.date):
        raise StudylogError("not_in_group", name=member.name, day=output.date)
    twin = session.scalar(
        select(MemberOutput.id).where(
            MemberOutput.org_id == org.id,
            MemberOutput.member_id == member.id,
            MemberOutput.kind == output.kind,
            MemberOutput.date == output.date,
            MemberOutput.title == output.title,
            MemberOutput.id != (output.id or 0),
        )
    )
    if twin is not None:
        raise StudylogError("duplicate_output", id=twin, name=member.name, day=output.date)


def find_output(
    *, session: Session, org: Org, output_id: int, deleted: bool = False
) -> MemberOutput:
    query = select(MemberOutput).where(MemberOutput.id == output_id, MemberOutput.org_id == org.id)
    if deleted:
        query = query.where(MemberOutput.archived_at.is_not(None)).execution_options(
            include_archived=True
        )
    output = session.scalar(query) if 0 < output_id < 2**63 else None
    if output is None:
        raise StudylogError("no_deleted_output" if deleted else "unknown_output", id=output_id)
    return output


def delete_output(
    *, session: Session, org: Org, output_id: int, reason: str | None = None
) -> MemberOutput:
    """Delete an output entered by mistake: kept, marked deleted, restorable."""
    output = find_output(session=session, org=org, output_id=output_id)
    output.archived_at = utcnow()
    output.archive_reason = optional_text(reason, what="--reason", limit=500)
    session.flush()
    return output


def restore_output(*, session: Session, org: Org, output_id: int) -> MemberOutput:
    output = find_output(session=session, org=org, output_id=output_id, deleted=True)
    output.archived_at = output.archive_reason = None
    session.flush()
    return output


@dataclass(frozen=True)
class OutputLine:
    id: int
    date: dt.date
    member: str
    kind: OutputKind
    title: str
    venue: str | None
    level: Level | None
    session_id: int | None


def list_outputs(
    *,
    session: Session,
    org: Org,
    start: dt.date | None = None,
    end: dt.date | None = None,
    member: str | None = None,
    kind: OutputKind | None = None,
) -> list[OutputLine]:
    """The outputs kept (deleted ones and those of deleted members left out), oldest first."""
    query = (
        select(
            MemberOutput.id,
            MemberOutput.date,
            Member.name,
            MemberOutput.kind,
            MemberOutput.title,
            MemberOutput.venue,
            MemberOutput.level,
            MemberOutput.session_id,
        )
        .join(Member, Member.id == MemberOutput.member_id)
        .where(MemberOutput.org_id == org.id)
        .order_by(MemberOutput.date, MemberOutput.id)
    )
    if start is not None:
        query = query.where(MemberOutput.date >= start)
    if end is not None:
        query = query.where(MemberOutput.date <= end)
    if member is not None:
        wanted = find_member(session=session, org=org, name=member)
        query = query.where(MemberOutput.member_id == wanted.id)
    if kind is not None:
        query = query.where(MemberOutput.kind == kind)
    return [OutputLine(*row) for row in session.execute(query)]
