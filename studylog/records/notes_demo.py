"""The sample year's minutes, outlines and materials (``studylog demo``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.records.materials import Incoming, attach_materials
from studylog.records.notes import set_notes
from studylog.store.models import Org, StudySession

MINUTES = """# 会议纪要

{day}，中心组在机关三楼会议室开展集中学习，张建国同志主持。

会议首先传达学习了{agenda}，随后围绕「{title}」进行交流研讨。

- 李明华同志结合分管工作谈了学习体会；
- 王志强同志就调查研究成果转化提出建议。

会议要求，各分管领导要把学习成果转化为推动工作的实际成效。
"""

OUTLINE = """研究提纲

一、{title}的核心要义是什么？
二、对照要求，本单位在学用结合方面还有哪些差距？
三、下一步如何把学习成果转化为工作举措？
"""

SIGN_IN = "学习签到情况\n日期：{day}\n应到：见签到表\n"  # a small text material: the sign-in's scan


def load_demo_notes(*, session: Session, org: Org) -> None:
    """Minutes for the first half year's sessions, outlines for the topic sessions, and a
    material or two."""
    for record in session.scalars(
        select(StudySession).where(StudySession.org_id == org.id).order_by(StudySession.date)
    ):
        if record.date.month > 6 and record.date.month != 12:
            continue  # minutes still to be entered: what `check` finds with the rule on
        values = {
            "day": f"{record.date.year}年{record.date.month}月{record.date.day}日",
            "title": record.title,
            "agenda": record.first_agenda or "习近平总书记重要讲话精神",
        }
        set_notes(
            session=session,
            org=org,
            ref=str(record.id),
            minutes=MINUTES.format(**values).strip(),
            outline=OUTLINE.format(**values).strip() if record.kind == "topic" else None,
        )
        if record.date.month in (1, 3):
            files = [Incoming("签到情况.txt", SIGN_IN.format(**values).encode("utf-8"))]
            attach_materials(session=session, org=org, ref=str(record.id), files=files)
