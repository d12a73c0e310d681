"""The tables a file holds, their columns and the headers each column is known by.

Export writes these tables; import recognises a sheet as one of them by its header row. The
tables, with the keys JSON uses (xlsx and CSV headers are their zh or en labels):

- ``members``: name, title, role, joined, retired — the members in the group at any time of
  the year, and any member the year's records name;
- ``sessions``: id, date, title, kind, discussion, format, host, location, first_agenda,
  source_date, tags, forms, films, documents, hours — the sessions held in the year;
- ``attendance``: session, date, member, status, reason, approver — every stored roll line
  (``approver``: who approved a leave);
- ``makeups``: session, date, member, made_up, method, note;
- ``speeches``: session, date, member, kind, title;
- ``member_outputs``: date, member, kind, title, venue, level, session — members' outputs
  (学习成果) dated in the year; ``session`` only when the session is in the file too;
- ``self_study``: date, member, hours, title — self-study (个人自学), hours exact;
- ``agenda_items``: meeting, date, title, source_date — first agenda items at other meetings;
- ``session_extended``: session, date, group, headcount, names — 扩大学习 at a session;
- ``session_observers``: session, date, observer — observers (列席) who attended;
- ``session_visitors``: session, date, body, visitor — 旁听 / 巡听 by a superior body;
- ``plan``: id, month, title, kind, discussion, speakers, status, session, session_date,
  planned_on, planned_time, place, host, year — the year's study plan with its execution
  (held by which session, overdue, not yet due; import reads the link, not the status);
- ``ledger``: id, category, problem, measure, dept, lead, found, due, state, done_on, session,
  session_date, progress, done_note — the rectification ledger entries found in the year,
  with their follow-up notes (跟踪反馈), one a line, each starting with its date;
- ``summary``: the attendance notice (出勤公示) from
  :func:`~studylog.figures.tallies.yearly_tallies` (export only; import skips it);
- ``about``: the study group and the year (so an import into a new database names the group).

``session`` is the session's ``id`` in the sessions table; ``date`` in the roll, make-up and
speech tables is the session's date (``made_up`` is the make-up's date).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from studylog.text.cells import FORMULA_STARTS as FORMULA_STARTS  # where export reads it
from studylog.text.messages import MESSAGES
from studylog.text.vocab import Status

ExportFormat = Literal["xlsx", "csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("xlsx", "csv", "json")
CSV_ENCODINGS = ("utf-8-sig", "gb18030", "utf-8")
#: Tables in the order they are written and imported (a table refers only to earlier ones).
IMPORTED = (
    *("members", "sessions", "attendance", "makeups", "speeches"),
    *("member_outputs", "self_study", "agenda_items"),
    *("session_extended", "session_observers", "session_visitors"),
    *("plan", "ledger"),
)
#: Tables whose rows name a session (by ``session`` or its ``date``).
SESSION_ROWS = (
    *("attendance", "makeups", "speeches"),
    *("session_extended", "session_observers", "session_visitors"),
)
EXPORTED = (*IMPORTED, "summary", "about")
BATCH = 5000  # rows per executemany (or COPY)
HEADER_SEARCH = 10  # the header row is looked for among this many first rows


# -- the tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: its key (JSON, CLI), its header label and the other headers import takes."""

    key: str
    label: str  # the i18n key of its header
    aliases: tuple[str, ...] = ()

    def headers(self) -> set[str]:
        """Every header that names this column: key, both languages' labels, aliases."""
        en, zh = MESSAGES[self.label]
        spellings = {self.key, self.key.replace("_", " "), en, zh, *self.aliases}
        return {header_key(spelling) for spelling in spellings}


SESSION_REF = Column("session", "col_session_ref", ("session id", "session #", "学习序号"))
SESSION_DATE = Column("date", "col_session_date", ("日期", "date", "学习时间", "时间"))
MEMBER = Column("member", "col_name", ("名字", "成员姓名"))

TABLES: dict[str, tuple[Column, ...]] = {
    "members": (
        Column("name", "col_name", ("名字", "成员姓名")),
        Column("title", "col_job_title", ("职位", "job title")),
        Column("role", "col_role", ("身份",)),
        Column("joined", "col_joined", ("加入时间",)),
        Column("retired", "col_retired", ("left", "离开时间", "退出日期")),
    ),
    "sessions": (
        Column("id", "col_id", ("编号", "学习编号")),
        Column("date", "col_date", ("学习日期", "学习时间", "时间")),
        Column("title", "col_title", ("学习内容", "学习主题", "主题")),
        Column("kind", "col_kind", ("学习类型",)),
        Column("discussion", "col_discussion", ("是否研讨",)),
        Column("format", "col_format", ("学习形式",)),
        Column("host", "col_host", ("主持",)),
        Column("location", "col_location", ("学习地点",)),
        Column("first_agenda", "col_first_agenda", ()),
        Column("source_date", "col_source_date", ()),
        Column("tags", "col_tags", ()),
        Column("forms", "col_forms", ("study forms",)),
        Column("films", "col_films", ("专题片",)),
        Column("documents", "col_documents", ("学习文件材料", "文件材料")),
        Column("hours", "col_hours", ("学习时长", "时长")),
    ),
    "attendance": (
        SESSION_REF,
        SESSION_DATE,
        MEMBER,
        # A sign-in sheet's 签到 column, marked √ or 请假, is the roll too.
        Column(
            "status", "col_status", ("出勤", "出席情况", "签到", "签到情况", "参加情况", "状态")
        ),
        Column("reason", "col_reason", ("事由", "原因", "请假原因", "备注")),
        Column("approver", "col_approver", ("审批人", "请假批准人")),  # a leave's 请假经…同意
    ),
    "makeups": (
        SESSION_REF,
        SESSION_DATE,
        MEMBER,
        Column("made_up", "col_made_up", ("补学时间",)),
        Column("method", "col_method", ()),
        Column("note", "col_note", ("补学内容",)),
    ),
    "speeches": (
        SESSION_REF,
        SESSION_DATE,
        MEMBER,
        Column("kind", "col_speech_kind", ("speech kind", "类型", "发言形式")),
        Column("title", "col_speech_title", ("题目",)),
    ),
    "member_outputs": (
        Column("date", "col_date", ("日期", "时间")),
        MEMBER,
        Column("kind", "col_output_kind", ("output kind", "成果形式")),
        Column("title", "col_title", ("题目", "标题")),
        Column("venue", "col_venue", ("载体", "发表载体", "刊物")),
        Column("level", "col_level", ("媒体级别",)),
        Column("session", "col_linked_session", ("session #",)),
    ),
    "self_study": (
        Column("date", "col_date", ("日期", "时间")),
        MEMBER,
        Column("hours", "col_hours", ("学时数", "时长")),
        Column("title", "col_title", ("学习内容", "题目")),
    ),
    "agenda_items": (
        Column("meeting", "col_meeting", ("会议类型",)),
        Column("date", "col_date", ("会议日期", "日期")),
        Column("title", "col_title", ("学习内容", "题目")),
        Column("source_date", "col_source_date", ()),
    ),
    "session_extended": (
        SESSION_REF,
        SESSION_DATE,
        Column("group", "col_extended", ("扩大学习范围", "参学范围", "extended group")),
        Column("headcount", "col_headcount", ("参加人数", "head count")),
        Column("names", "col_names", ("名单",)),
    ),
    "session_observers": (
        SESSION_REF,
        SESSION_DATE,
        Column("observer", "col_observed", ("列席", "observer")),
    ),
    "session_visitors": (
        SESSION_REF,
        SESSION_DATE,
        Column("body", "col_visitor_body", ("巡听旁听单位", "上级单位", "body")),
        Column("visitor", "col_visitors", ("巡听旁听人员", "旁听人员", "visitor")),
    ),
    "plan": (
        Column("id", "col_id"),
        Column("month", "col_month"),
        Column("title", "col_title", ("学习内容", "学习主题", "学习专题", "主题")),
        Column("kind", "col_kind"),
        Column("discussion", "col_discussion"),
        Column("speakers", "col_speakers"),
        Column("status", "col_status_plan"),
        Column("session", "col_held_by"),
        Column("session_date", "col_session_date"),
        Column("planned_on", "col_planned_on"),  # plan schedule: the planned day, time, place
        Column("planned_time", "col_planned_time"),
        Column("place", "col_place"),
        Column("host", "col_host"),
        Column("year", "fig_year", ("计划年度",)),
    ),
    "ledger": (
        Column("id", "col_id"),
        Column("category", "col_category"),
        Column("problem", "col_problem"),
        Column("measure", "col_measure"),
        Column("dept", "col_dept"),
        Column("lead", "col_lead"),
        Column("found", "col_found"),
        Column("due", "col_due"),
        Column("state", "col_state"),
        Column("done_on", "col_done_on"),
        Column("session", "col_session_ref"),
        Column("session_date", "col_session_date"),
        Column("progress", "progress"),
        Column("done_note", "col_done_note", ("销号情况",)),
    ),
    "summary": (
        Column("member", "col_name"),
        Column("title", "col_job_title"),
        *(
            Column(key, f"fig_{key}")
            for key in (
                "expected",
                "present",
                "late",
                "leave",
                "absent",
                "makeups",
                "makeups_outstanding",
                "attendance_rate",
                "participation_rate",
                "speeches_key",
                "speeches_written",
                "speeches_exchange",
            )
        ),
    ),
    "about": (Column("figure", "col_figure", ("key",)), Column("value", "col_value")),
}
SHEET_LABELS = {table: f"sheet_{table}" for table in EXPORTED}
#: A sheet is the first of these tables whose marking columns it has all of.
MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("plan", ("month", "speakers")),
    ("ledger", ("problem", "measure")),
    ("summary", ("expected",)),
    ("about", ("figure", "value")),
    ("agenda_items", ("meeting", "date")),
    ("session_extended", ("group", "headcount")),
    ("session_visitors", ("body", "visitor")),
    ("member_outputs", ("member", "level")),
    ("self_study", ("member", "hours")),
    ("makeups", ("member", "made_up")),
    ("speeches", ("member", "kind")),
    ("attendance", ("member", "status")),
    ("session_observers", ("observer",)),
    ("members", ("name",)),
    ("sessions", ("date", "title")),
)
REQUIRED = {
    "members": ("name",),
    "sessions": ("date", "title"),
    "attendance": ("member", "status"),
    "makeups": ("member", "made_up"),
    "speeches": ("member", "kind"),
    "member_outputs": ("member", "kind", "date", "title"),
    "self_study": ("member", "date", "hours", "title"),
    "agenda_items": ("meeting", "date", "title"),
    "session_extended": ("group", "headcount"),
    "session_observers": ("observer",),
    "session_visitors": ("body", "visitor"),
    "plan": ("month", "title"),
    "ledger": ("problem", "measure", "dept", "lead", "due"),
}
#: What the about table's first column calls the study group.
ABOUT_ORG = ("org", "fig_org", "学习组")
#: … and the year.
ABOUT_YEAR = ("year", "fig_year", "学习年度")
# Sign-in sheets mark attendance in more ways than the vocabulary's labels.
SIGN_IN_SPELLINGS: dict[StrEnum, tuple[str, ...]] = {
    Status.PRESENT: ("√", "✓", "✔", "到", "已到", "已签到", "签到", "出勤"),
    Status.ABSENT: ("×", "✗", "未到", "缺勤", "未参加"),
}
TRUE_WORDS = {"是", "有", "yes", "y", "true", "1", "√", "✓", "✔"}
FALSE_WORDS = {"否", "无", "no", "n", "false", "0", "×", ""}


def header_key(text: str) -> str:
    """A header as compared: full-width folded, blanks dropped, case ignored."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()
