"""Sign-in sheets (签到表) and the year's archive (学习档案).

The archive is a folder (or a zip of one) of Word files, numbered in the order offices keep
them: the contents page (目录), the study plan, one record per session with its roll and
speeches, the make-ups, the rectification ledger where there is one, the annual report.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.documents.activities import activities_document
from studylog.documents.layout import Document, titled
from studylog.documents.report import compose, gather
from studylog.documents.session_archive import session_parts
from studylog.documents.word import write_docx
from studylog.figures.tallies import session_roll, year_bounds
from studylog.outputs import written_file, written_folder
from studylog.records.attendance import expected_members
from studylog.records.ledger import follow_ups, ledger
from studylog.records.makeups import missed
from studylog.records.members import in_group
from studylog.records.sessions import list_sessions, resolve_session
from studylog.records.speeches import SpeechLine, list_speeches
from studylog.store.models import Attendance, Makeup, Member, Org, StudySession
from studylog.text.messages import long_date, t
from studylog.text.periods import Period
from studylog.text.values import shown
from studylog.text.vocab import Role


@dataclass(frozen=True)
class SignIn:
    """A sign-in sheet: the session's header and one line per expected member."""

    org: str
    record: StudySession
    members: list[tuple[str, str]]  # name, post
    observers: list[tuple[str, str]] = field(default_factory=list)  # 列席, listed apart

    def header(self) -> list[tuple[str, str]]:
        record = self.record
        return [
            (t("col_date"), long_date(record.date)),
            (t("col_title"), record.title),
            (t("col_location"), record.location or ""),
            (t("col_host"), record.host.name if record.host else ""),
        ]


def sign_in(
    *,
    session: Session,
    org: Org,
    ref: str,
    display_name: str | None = None,
    record: StudySession | None = None,  # a planned one (documents/planned_sheet.py)
) -> SignIn:
    record = record or resolve_session(session=session, org=org, ref=ref)
    members = [
        (member.name, member.title or "")
        for member in expected_members(session=session, org=org, on=record.date)
    ]
    observers = [
        (member.name, member.title or "")
        for member in session.scalars(
            select(Member)
            .where(Member.org_id == org.id, Member.role == Role.OBSERVER)
            .order_by(Member.id)
        )
        if in_group(member, record.date)
    ]
    return SignIn(org=display_name or org.name, record=record, members=members, observers=observers)


def sign_in_document(sheet: SignIn) -> Document:
    document = Document(t("sheet_title", org=sheet.org))
    for label, value in sheet.header():
        document.paragraph(t("label_value", label=label, value=value), indent=False)
    document.table(
        [t("col_no"), t("col_name"), t("col_job_title"), t("col_signature"), t("col_remark")],
        [
            (str(number), name, post, "", "")
            for number, (name, post) in enumerate(sheet.members, start=1)
        ],
        tall_rows=True,
    )
    return document


def _session_records(
    session: Session, org: Org, start: dt.date, end: dt.date
) -> list[tuple[StudySession, list[tuple[str, ...]], list[SpeechLine]]]:
    """Each session of the period with its roll and speeches, in three queries in all."""
    records = list(list_sessions(session=session, org=org, start=start, end=end))
    rolls: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for session_id, name, title, status, reason, made_up in session.execute(
        select(
            Attendance.session_id,
            Member.name,
            Member.title,
            Attendance.status,
            Attendance.reason,
            Makeup.date,
        )
        .join(Member, Member.id == Attendance.member_id)
        .join(StudySession, StudySession.id == Attendance.session_id)
        .outerjoin(Makeup, Makeup.attendance_id == Attendance.id)
        .where(StudySession.org_id == org.id, StudySession.date.between(start, end))
        .order_by(Attendance.session_id, Member.id)
    ):
        rolls[session_id].append((name, title or "", shown(status), reason or "", shown(made_up)))
    speeches: dict[int, list[SpeechLine]] = defaultdict(list)
    for line in list_speeches(session=session, org=org, start=start, end=end):
        speeches[line.session_id].append(line)
    return [(record, rolls[record.id], speeches[record.id]) for record in records]


def session_document(
    session: Session,
    org_name: str,
    record: StudySession,
    roll: list[tuple[str, ...]],
    speeches: list[SpeechLine],
) -> Document:
    """One session's record (学习记录): what, when, who came, who spoke."""
    counts, _ = session_roll(session=session, record_id=record.id)
    document = Document(t("record_title", org=org_name))
    details = [
        (t("col_date"), long_date(record.date)),
        (t("col_title"), record.title),
        (t("col_location"), record.location or ""),
        (t("col_host"), record.host.name if record.host else ""),
        (t("col_kind"), shown(record.kind)),
        (t("col_format"), shown(record.format)),
        (t("col_discussion"), shown(record.discussion)),
    ]
    if record.first_agenda:
        source = f"（{record.source_date.isoformat()}）" if record.source_date else ""
        details.append((t("col_first_agenda"), record.first_agenda + source))
    for label, value in details:
        document.paragraph(t("label_value", label=label, value=value), indent=False)
    document.paragraph(
        t(
            "record_attendance",
            expected=counts.expected,
            attended=counts.attended,
            leave=counts.leave,
            absent=counts.absent,
        ),
        indent=False,
    )
    document.table(
        [t("col_name"), t("col_job_title"), t("col_status"), t("col_reason"), t("col_made_up")],
        roll,
        caption=t("roll"),
    )
    if speeches:
        document.table(
            [t("col_name"), t("col_speech_kind"), t("col_speech_title")],
            [(line.member, shown(line.kind), line.title or "") for line in speeches],
            caption=t("speeches"),
        )
    return document


def archive_parts(
    *,
    session: Session,
    org: Org,
    year: int | None = None,
    as_of: dt.date,
    display_name: str | None = None,
    period: Period | None = None,
) -> list[tuple[str, Document | bytes]]:
    """The archive's documents, each with its file name, in the order offices keep them: of
    ``year`` or any ``period``, sessions held by ``as_of``."""
    org_name = display_name or org.name
    if period is None:
        assert year is not None
        period = Period(*year_bounds(year))
    start, end = period.start, min(period.end, as_of)
    parts: list[tuple[str, Document | bytes]] = []
    described: dict[int, str] = {}  # what the contents page calls a part, when not its title

    # The report's figures, plan included, are read once and serve the plan part too.
    data = gather(session=session, org=org, as_of=as_of, display_name=display_name, period=period)
    year = period.year or (start.year if start.year == period.end.year else None)
    plan = Document(titled("archive_plan_title", period, org=org_name))
    report = data.plan
    if report is not None:
        plan.table(
            [t("col_no"), t("col_month"), t("col_title"), t("col_kind"), t("col_discussion"),
             t("col_speakers"), t("col_status_plan")],
            [
                (str(number), str(line.month), line.title, shown(line.kind),
                 shown(line.discussion), shown(line.speakers), t(f"plan_{line.status}"))
                for number, line in enumerate(report.lines, start=1)
            ],
        )  # fmt: skip
    else:
        plan.paragraph(t("archive_no_plan"))
    parts.append((t("archive_plan_file"), plan))

    for number, (record, roll, speeches) in enumerate(
        _session_records(session, org, start, end), start=1
    ):
        name = t("archive_session_file", number=number, day=record.date)
        described[len(parts)] = t(
            "archive_session_part", day=long_date(record.date), title=record.title
        )
        parts.append((name, session_document(session, org_name, record, roll, speeches)))
        for file_name, content, about in session_parts(
            session=session, org_name=org_name, record=record, number=number
        ):  # its minutes, outline and materials, filed with it
            described[len(parts)] = about
            parts.append((file_name, content))

    makeups = Document(titled("archive_makeups_title", period, org=org_name))
    lines = missed(session=session, org=org, start=start, end=end)
    if lines:
        makeups.table(
            [t("col_date"), t("col_title"), t("col_name"), t("col_status"), t("col_reason"),
             t("col_made_up"), t("col_method")],
            [
                (line.date.isoformat(), line.title, line.member, shown(line.status),
                 line.reason or "", shown(line.made_up) or t("not_made_up"), shown(line.method))
                for line in lines
            ],
        )  # fmt: skip
    else:
        makeups.paragraph(t("archive_no_makeups"))
    parts.append((t("archive_makeups_file"), makeups))

    activities = activities_document(
        session=session, org=org, org_name=org_name, period=period, end=end
    )
    if activities is not None:
        parts.append((t("archive_activities_file"), activities))

    entries = ledger(session=session, org=org, as_of=as_of, year=year) if year else []
    follow_up = follow_ups(session=session, entry_ids=[entry.id for entry in entries])
    if entries:
        ledger_document = Document(titled("archive_ledger_title", period, org=org_name))
        ledger_document.table(
            [t("col_no"), t("col_problem"), t("col_measure"), t("col_dept"), t("col_lead"),
             t("col_found"), t("col_due"), t("col_state"), t("col_done_on"), t("progress")],
            [
                (str(entry.id), f"【{entry.category}】{entry.problem}" if entry.category
                 else entry.problem, entry.measure, entry.dept, entry.lead,
                 entry.found.isoformat(), entry.due.isoformat(), t(f"state_{entry.state}"),
                 shown(entry.done_on), follow_up.get(entry.id, ""))
                for entry in entries
            ],
        )  # fmt: skip
        parts.append((t("archive_ledger_file"), ledger_document))

    parts.append((t("archive_report_file"), compose(data)))

    numbered = [(f"{index:02d}-{name}" + (".docx" if isinstance(document, Document) else ""),
                 document) for index, (name, document) in enumerate(parts, start=1)]  # fmt: skip
    contents = Document(titled("archive_contents_title", period, org=org_name))
    contents.table(
        [t("col_no"), t("col_part"), t("col_file")],
        [
            (str(index), described.get(index - 1, getattr(document, "title", "")), file_name)
            for index, (file_name, document) in enumerate(numbered, start=1)
        ],
    )
    return [(f"00-{t('archive_contents_file')}.docx", contents), *numbered]


def write_archive(
    parts: list[tuple[str, Document | bytes]],
    out: Path,
    *,
    folder: str,
    force: bool = False,
    pdf: bool = False,
) -> Path:
    """Write the parts (Word files, or PDFs made from them) into a folder, or into
    ``folder/`` inside a zip when ``out`` ends .zip: whole or not at all."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="studylog-archive-") as scratch:
        files: list[Path] = []  # every file in order
        words: list[int] = []  # the Word files' places in it
        for name, document in parts:
            written = Path(scratch) / name
            if isinstance(document, Document):
                write_docx(document, written)
                words.append(len(files))
            else:  # a session's material, filed as it was attached
                written.write_bytes(document)
            files.append(written)
        if pdf:
            from studylog.documents.pdf import convert_to_pdf

            converted = Path(scratch) / "pdf"
            converted.mkdir()
            pdfs = convert_to_pdf([files[index] for index in words], converted)
            for index, pdf_file in zip(words, pdfs, strict=True):
                files[index] = pdf_file
        if out.suffix.lower() == ".zip":
            with (
                written_file(out, force=force) as temporary,
                zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as bundle,
            ):
                for made in files:
                    bundle.write(made, f"{folder}/{made.name}")
            return out
        with written_folder(out, force=force) as filled:
            for made in files:
                shutil.copyfile(made, filled / made.name)
    return out
