"""The sample year's study calendar and categorised ledger (``studylog demo``).

Each month's session carried out a plan item; the plan was scheduled on the third Thursday of
each month at 09:00 (「每月第三个星期四」, no holiday falls on one in 2023), and seven of the
twelve sessions were held on their planned day. The discussions found four problems, one in
each shipped category; two are put right and closed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.records.ledger import add_rectification, close_rectification
from studylog.records.plans import add_plan_item, link_session
from studylog.records.schedule import schedule_plan
from studylog.store.models import Org, StudySession
from studylog.text.schedule_rules import parse_rule

YEAR = 2023
# (category, problem, measure, dept, lead, due, found at the session of, closed on)
LEDGER = [
    (
        "theory-study",
        "学习系统性不够，对原文原著研读不深",
        "制定个人自学计划，每季度开展一次读书交流",
        "办公室",
        "机关党委",
        date(2023, 6, 30),
        date(2023, 3, 14),
        date(2023, 6, 20),
    ),
    (
        "applying-study",
        "学用结合不够紧密，运用理论指导统计工作实践不足",
        "建立学习成果转化清单",
        "综合统计科",
        "办公室",
        date(2023, 9, 30),
        date(2023, 6, 15),
        date(2023, 9, 25),
    ),
    (
        "rules-in-practice",
        "学习时间没有完全固定，随意性大",
        "制定年度学习日历，固定每月第三个星期四集中学习",
        "办公室",
        "机关党委",
        date(2024, 3, 31),
        date(2023, 9, 14),
        None,
    ),
    (
        "conduct",
        "调查研究还不够深入，作风建设仍需加强",
        "每位班子成员牵头完成一项调研课题",
        "办公室",
        "机关党委",
        date(2024, 6, 30),
        date(2023, 12, 14),
        None,
    ),
]


def load_demo_calendar(*, session: Session, org: Org) -> None:
    """A plan item for each of the year's sessions, scheduled by rule, and the ledger."""
    records = list(
        session.scalars(
            select(StudySession)
            .where(StudySession.org_id == org.id, StudySession.date.between(
                date(YEAR, 1, 1), date(YEAR, 12, 31)))
            .order_by(StudySession.date)
        )
    )  # fmt: skip
    for record in records:
        item = add_plan_item(
            session=session,
            org=org,
            year=YEAR,
            month=record.date.month,
            title=record.title,
            kind=record.kind,
            discussion=record.discussion,
        )
        link_session(session=session, org=org, record=record, item_id=item.id)
    schedule_plan(
        session=session,
        org=org,
        year=YEAR,
        rule=parse_rule("每月第三个星期四"),
        time="09:00",
        place="机关三楼会议室",
        host="张建国",
    )
    for category, problem, measure, dept, lead, due, found, closed in LEDGER:
        at = next(record for record in records if record.date == found)
        entry = add_rectification(
            session=session,
            org=org,
            problem=problem,
            measure=measure,
            dept=dept,
            lead=lead,
            due=due,
            category=category,
            session_ref=str(at.id),
        )
        if closed is not None:
            close_rectification(session=session, org=org, entry_id=entry.id, on=closed)
    session.flush()
