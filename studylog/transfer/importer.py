"""Import a file's records into a study group: every row checked, all of it or nothing.

Import reads what export writes (a workbook, a CSV file or a folder of them in any of the
export's encodings, a JSON export) and plain rosters and sign-in sheets with Chinese or English
headers (:data:`.columns.TABLES` lists the headers each column accepts). A sheet's table is
recognised by its headers, which may come after a few title rows; other sheets and columns are
ignored. It only adds records:

- a member is matched by name: one already in the group is kept as it is;
- people beyond the roll (扩大学习, 列席, 巡听旁听) and a plan item's link to the session
  that carried it out name a session the same file adds (:mod:`.beyond_rows`,
  :mod:`.plan_import`); a plan item or ledger entry already recorded is an error;
- a session already recorded (same date and title) is an error: the file was imported before;
- a roll line, make-up or speech names its session by ``session`` — the id in the file's
  sessions table when the import has one, else a session id in the database — or by its date
  when exactly one session (in the file or the database) was held that day;
- the domain rules hold: a member on a roll is expected that day, a speaker or host was in the
  group, a make-up is for a leave or an absence, after the session and not in the future, and
  nothing is given twice.

Import streams each sheet (:mod:`.readers`), checks each row in memory against what the import
knows (:mod:`.known`) and inserts in batches (:mod:`.loading`), all in one transaction: the
caller's, which a bad row — reported with its file, sheet, row and column — rolls back, so
nothing is written. The tables are read in the order of :data:`.columns.IMPORTED`, each by its
own checks (:mod:`.members_sessions`, :mod:`.roll`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.errors import StudylogError
from studylog.records.orgs import create_org, only_org, resolve_org
from studylog.store import audit
from studylog.store.models import Org
from studylog.text.categories import Category
from studylog.transfer.activities import add_agenda_items, add_outputs, add_self_study
from studylog.transfer.beyond_rows import add_extended, add_observers, add_visitors
from studylog.transfer.columns import IMPORTED
from studylog.transfer.known import Known
from studylog.transfer.loading import Loader, Meter, Silent
from studylog.transfer.members_sessions import add_members, add_sessions
from studylog.transfer.plan_import import add_ledger, add_plan
from studylog.transfer.roll import add_attendance, add_makeups, add_speeches
from studylog.transfer.session_files_json import add_session_files
from studylog.transfer.sheets import Sheet, Source

#: How each table's rows are checked and added.
ADDERS: dict[str, Callable[[Known, Loader, Sheet], None]] = {
    "members": add_members,
    "sessions": add_sessions,
    "attendance": add_attendance,
    "makeups": add_makeups,
    "speeches": add_speeches,
    "member_outputs": add_outputs,
    "self_study": add_self_study,
    "agenda_items": add_agenda_items,
    "session_extended": add_extended,
    "session_observers": add_observers,
    "session_visitors": add_visitors,
    "plan": add_plan,
    "ledger": add_ledger,
}


@dataclass(frozen=True)
class Imported:
    """What an import added (or would add, in a dry run)."""

    org: str
    org_created: bool
    source_org: str | None  # the group the file names, if it does
    counts: dict[str, int]
    members_known: int  # member rows matched to members already in the group


def import_records(
    *,
    session: Session,
    source: Source,
    org_name: str | None,
    fallback_org: str,
    meter: Meter | None = None,
    categories: Sequence[Category] = (),
) -> Imported:
    """Add the file's records to the org inside the caller's transaction.

    The caller commits, or rolls back for a dry run; after an error it must roll back. The
    org is ``org_name`` (or the database's only one); a database without any org gets one,
    named ``org_name``, else as the file names it, else ``fallback_org``. ``categories``: the
    settings' own ledger categories, beside the shipped ones.
    """
    org, created = _target_org(session, org_name, source.org or fallback_org, source.org)
    mark = audit.mark_import(session, org)
    known, loader = Known(session, org), Loader(session, meter or Silent(), mark.last_ids)
    known.categories, known.file_year = tuple(categories), source.year
    for table in IMPORTED:
        for sheet in source.sheets:
            if sheet.table == table:
                ADDERS[table](known, loader, sheet)
    if source.extras:
        added = add_session_files(
            session=session, org=org, known=known, path=source.path, extras=source.extras
        )
        loader.counts.update({table: count for table, count in added.items() if count})
    audit.note_import(session, org, mark)
    return Imported(
        org=org.name,
        org_created=created,
        source_org=source.org,
        counts=loader.counts,
        members_known=loader.members_known,
    )


def _target_org(
    session: Session, name: str | None, from_file: str, named_in_file: str | None = None
) -> tuple[Org, bool]:
    if session.scalar(select(Org.id).limit(1)) is None:
        return create_org(session=session, name=name or from_file)
    if name is not None:
        return resolve_org(session=session, name=name), False
    org = only_org(session=session)
    assert org is not None  # the database has one
    if named_in_file is not None and named_in_file != org.name:
        # another group's records merged into this one unasked: say so, and how to mean it
        raise StudylogError("import_other_group", source=named_in_file, org=org.name)
    return org, False
