"""The words of the trade: every enum, its CLI value, and its zh / en labels.

Input accepts the CLI value or the Chinese label (``--kind 专题学习`` = ``--kind topic``): see
:func:`studylog.text.parse.parse_enum`. Kept free of SQLAlchemy so the CLI can parse options
without touching the database layer, and free of errors and messages so that they may use it.
"""

from __future__ import annotations

from enum import StrEnum

from studylog.text.activity_words import ACTIVITY_LABELS
from studylog.text.language import current_language


class Role(StrEnum):
    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBER = "member"
    SECRETARY = "secretary"
    OBSERVER = "observer"  # 列席: sits in, is not expected to attend


class Kind(StrEnum):
    STUDY = "study"
    TOPIC = "topic"


class Format(StrEnum):
    IN_PERSON = "in-person"
    ONLINE = "online"
    FIELD = "field"


class Status(StrEnum):
    PRESENT = "present"
    LATE = "late"
    LEAVE = "leave"
    ABSENT = "absent"


class Method(StrEnum):
    SELF_STUDY = "self-study"
    NOTES = "notes"
    ONLINE = "online"
    BRIEFING = "briefing"


class SpeechKind(StrEnum):
    KEY = "key"
    WRITTEN = "written"
    EXCHANGE = "exchange"


#: A roll line that a make-up can follow: the member missed the session.
MISSED = (Status.LEAVE, Status.ABSENT)

#: The office's own words for a session kind that also say it held a discussion:
#: ``--kind 专题研讨`` is a topic session with ``--discussion`` (see ``parse_kind``).
DISCUSSION_SPELLINGS: dict[Kind, tuple[str, ...]] = {
    Kind.STUDY: ("集中研讨", "集中学习研讨", "集体研讨", "集体学习研讨"),
    Kind.TOPIC: ("专题研讨", "专题学习研讨", "专题交流研讨"),
}
#: Speech kinds as offices write them (领学发言: the member who leads the reading speaks first).
SPEECH_SYNONYMS: dict[SpeechKind, tuple[str, ...]] = {
    SpeechKind.KEY: ("领学发言", "主题发言", "中心发言", "专题发言", "重点交流发言"),
    SpeechKind.WRITTEN: ("书面交流", "书面交流发言", "书面材料"),
    SpeechKind.EXCHANGE: ("研讨发言", "交流研讨发言", "自由发言", "互动交流"),
}

# value -> (English label, Chinese label, further Chinese spellings accepted on input)
LABELS: dict[StrEnum, tuple[str, str, tuple[str, ...]]] = {
    Role.LEADER: ("leader", "组长", ("中心组组长",)),
    Role.DEPUTY: ("deputy leader", "副组长", ()),
    Role.MEMBER: ("member", "成员", ("班子成员", "组员", "中心组成员")),
    Role.SECRETARY: ("study secretary", "学习秘书", ("秘书", "中心组秘书")),
    Role.OBSERVER: ("observer", "列席", ("列席人员",)),
    Kind.STUDY: ("study session", "集中学习", ("集体学习", *DISCUSSION_SPELLINGS[Kind.STUDY])),
    Kind.TOPIC: ("topic session", "专题学习", ("专题", *DISCUSSION_SPELLINGS[Kind.TOPIC])),
    Format.IN_PERSON: ("in person", "线下", ("现场",)),
    Format.ONLINE: ("online", "线上", ("视频",)),
    Format.FIELD: ("field study", "实地", ("实地学习", "现场教学")),
    Status.PRESENT: ("present", "出席", ("参加", "到会", "出勤", "参会")),
    Status.LATE: ("late", "迟到", ()),
    Status.LEAVE: ("on leave", "请假", ()),
    Status.ABSENT: ("absent", "缺席", ("未到",)),
    Method.SELF_STUDY: ("self-study", "自学", ()),
    Method.NOTES: ("study notes", "笔记", ("学习笔记",)),
    Method.ONLINE: ("online", "线上", ("线上学习",)),
    Method.BRIEFING: ("briefing", "传达", ("补课", "个别传达")),
    SpeechKind.KEY: ("key speech", "重点发言", ("重点", *SPEECH_SYNONYMS[SpeechKind.KEY])),
    SpeechKind.WRITTEN: (
        "written speech",
        "书面发言",
        ("书面", *SPEECH_SYNONYMS[SpeechKind.WRITTEN]),
    ),
    SpeechKind.EXCHANGE: (
        "exchange speech",
        "交流发言",
        ("交流", *SPEECH_SYNONYMS[SpeechKind.EXCHANGE]),
    ),
}
LABELS.update(ACTIVITY_LABELS)  # outputs, levels, meetings (studylog.text.activity_words)


def label(value: StrEnum) -> str:
    """The label of an enum value in the current language."""
    en, zh, _ = LABELS[value]
    return zh if current_language() == "zh" else en


def choices(enum: type[StrEnum]) -> str:
    """``study (集中学习) | topic (专题学习)``: what help texts and errors offer."""
    return " | ".join(f"{member.value} ({LABELS[member][1]})" for member in enum)
