"""A realistic sample year (2023) for ``studylog demo`` and for trying the commands.

Twelve monthly sessions, each with a discussion; four of them topic sessions (专题学习);
one member leaves mid-year and one joins; a few leaves, all made up but one; one late
arrival; an observer (列席) who is never expected.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from studylog.records.attendance import mark_roll
from studylog.records.calendar_demo import load_demo_calendar
from studylog.records.demo_activities import load_demo_activities
from studylog.records.demo_studyforms import load_demo_studyforms
from studylog.records.makeups import add_makeup
from studylog.records.members import add_member, retire_member
from studylog.records.notes_demo import load_demo_notes
from studylog.records.orgs import create_org
from studylog.records.sessions import SessionFields, add_session
from studylog.records.speeches import add_speech
from studylog.store.models import Org
from studylog.text.vocab import Format, Kind, Method, Role, SpeechKind

DEMO_ORG = "示例局党组理论学习中心组"
DEMO_YEAR = 2023

MEMBERS = [
    ("张建国", "党组书记、局长", Role.LEADER, None),
    ("李明华", "党组副书记、副局长", Role.DEPUTY, None),
    ("王志强", "党组成员、副局长", Role.MEMBER, None),
    ("赵丽", "党组成员、副局长", Role.MEMBER, None),
    ("陈刚", "党组成员、纪检监察组组长", Role.MEMBER, None),
    ("刘洋", "党组成员、副局长", Role.MEMBER, None),
    ("孙伟", "党组成员、副局长", Role.MEMBER, date(2023, 7, 1)),
    ("周敏", "办公室主任", Role.SECRETARY, None),
    ("吴静", "机关党委专职副书记", Role.OBSERVER, None),
]
RETIRED = ("刘洋", date(2023, 6, 30))

# (date, title, kind, format, first agenda item, its source date)
SESSIONS = [
    (
        date(2023, 1, 12),
        "学习贯彻党的二十大精神",
        Kind.STUDY,
        Format.IN_PERSON,
        "习近平总书记在二十届中央纪委二次全会上的重要讲话",
        date(2023, 1, 9),
    ),
    (date(2023, 2, 16), "学习《习近平谈治国理政》第四卷", Kind.STUDY, Format.IN_PERSON, None, None),
    (
        date(2023, 3, 14),
        "专题学习：全面从严治党",
        Kind.TOPIC,
        Format.IN_PERSON,
        "全国两会精神",
        date(2023, 3, 13),
    ),
    (
        date(2023, 4, 20),
        "学习习近平新时代中国特色社会主义思想主题教育",
        Kind.STUDY,
        Format.IN_PERSON,
        "主题教育工作会议精神",
        date(2023, 4, 3),
    ),
    (date(2023, 5, 18), "学习《中国共产党纪律处分条例》", Kind.STUDY, Format.ONLINE, None, None),
    (date(2023, 6, 15), "专题学习：调查研究", Kind.TOPIC, Format.FIELD, None, None),
    (
        date(2023, 7, 13),
        "学习习近平总书记“七一”重要讲话精神",
        Kind.STUDY,
        Format.IN_PERSON,
        "习近平总书记在中共中央政治局第六次集体学习时的重要讲话",
        date(2023, 6, 30),
    ),
    (date(2023, 8, 17), "学习生态文明建设重要论述", Kind.STUDY, Format.IN_PERSON, None, None),
    (date(2023, 9, 14), "专题学习：党纪学习教育", Kind.TOPIC, Format.IN_PERSON, None, None),
    (
        date(2023, 10, 19),
        "学习全国宣传思想文化工作会议精神",
        Kind.STUDY,
        Format.IN_PERSON,
        "全国宣传思想文化工作会议精神",
        date(2023, 10, 8),
    ),
    (date(2023, 11, 16), "学习《习近平著作选读》", Kind.STUDY, Format.IN_PERSON, None, None),
    (date(2023, 12, 14), "专题学习：年度学习总结与研讨", Kind.TOPIC, Format.IN_PERSON, None, None),
]

# month -> roll exceptions, make-ups (name, date, method) and speeches (name, kind, title)
ROLLS: dict[int, dict[str, list[tuple[str, ...]]]] = {
    2: {"leave": [("陈刚", "出差")], "makeup": [("陈刚", "2023-02-20", "self-study")]},
    3: {
        "speech": [
            ("张建国", "key", "坚定不移推进全面从严治党"),
            ("李明华", "key", "以严的基调强化正风肃纪"),
        ]
    },
    4: {"late": [("王志强",)]},
    5: {"leave": [("赵丽", "参加上级会议")], "makeup": [("赵丽", "2023-05-22", "online")]},
    6: {"speech": [("王志强", "key", "大兴调查研究之风"), ("赵丽", "written", "调研报告")]},
    8: {
        "leave": [("李明华", "外出学习"), ("孙伟", "公务")],
        "makeup": [("李明华", "2023-08-25", "notes")],
    },
    9: {
        "speech": [
            ("陈刚", "key", "以党纪学习教育促作风建设"),
            ("孙伟", "exchange", "学纪知纪明纪守纪"),
        ]
    },
    11: {"leave": [("周敏", "病假")], "makeup": [("周敏", "2023-11-24", "briefing")]},
    12: {
        "speech": [
            ("张建国", "key", "全年学习总结"),
            ("李明华", "written", "学习体会"),
            ("周敏", "exchange", "学习秘书工作体会"),
        ]
    },
}


def load_demo_year(*, session: Session) -> Org:
    """Write the sample year into an empty database; returns the sample org."""
    org, _ = create_org(session=session, name=DEMO_ORG)
    for name, title, role, joined in MEMBERS:
        add_member(session=session, org=org, name=name, title=title, role=role, joined=joined)
    retire_member(session=session, org=org, name=RETIRED[0], on=RETIRED[1])
    for day, title, kind, held, agenda, source in SESSIONS:
        record = add_session(
            session=session,
            org=org,
            fields=SessionFields(
                date=day,
                title=title,
                kind=kind,
                discussion=True,
                format=held,
                host="张建国",
                location="机关三楼会议室" if held == Format.IN_PERSON else None,
                first_agenda=agenda,
                source_date=source,
                tags=["党的二十大精神"] if day.month == 1 else [],
            ),
        )
        plan = ROLLS.get(day.month, {})
        ref = str(record.id)
        mark_roll(
            session=session,
            org=org,
            ref=ref,
            late=[name for (name,) in plan.get("late", [])],
            leave=[(name, reason) for name, reason in plan.get("leave", [])],
        )
        for name, on, method in plan.get("makeup", []):
            add_makeup(
                session=session,
                org=org,
                ref=ref,
                name=name,
                on=date.fromisoformat(on),
                method=Method(method),
            )
        for name, kind_value, speech_title in plan.get("speech", []):
            add_speech(
                session=session,
                org=org,
                ref=ref,
                name=name,
                kind=SpeechKind(kind_value),
                title=speech_title,
            )
    load_demo_notes(session=session, org=org)
    load_demo_calendar(session=session, org=org)  # the plan, its calendar, the ledger
    load_demo_activities(session=session, org=org)  # outputs, self-study, 党组会 第一议题
    load_demo_studyforms(session=session, org=org)  # forms, films, hours, beyond the roll
    return org
