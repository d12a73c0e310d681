"""The sample year's outputs (学习成果), self-study (个人自学) and first agenda items at 党组会,
added to ``studylog demo``'s group by :func:`load_demo_activities`."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from studylog.records.agenda import add_agenda_item
from studylog.records.outputs import OutputFields, add_output
from studylog.records.selfstudy import add_self_study
from studylog.store.models import Org
from studylog.text.activity_words import Level, Meeting, OutputKind

# (member, kind, date, title, venue, level)
OUTPUTS = [
    ("张建国", OutputKind.PARTY_LECTURE, date(2023, 6, 28), "七一专题党课", "机关第一党支部", None),
    (
        "李明华",
        OutputKind.PARTY_LECTURE,
        date(2023, 7, 5),
        "学习二十大，奋进新征程",
        "基层所",
        None,
    ),
    ("张建国", OutputKind.ARTICLE, date(2023, 5, 10), "以学促干抓落实", "某市日报", Level.CITY),
    ("王志强", OutputKind.ARTICLE, date(2023, 9, 8), "统计工作的时代答卷", "某区报", Level.COUNTY),
    ("赵丽", OutputKind.REFLECTION, date(2023, 4, 25), "主题教育学习心得", None, None),
    ("陈刚", OutputKind.RESEARCH_REPORT, date(2023, 10, 30), "基层统计工作调研", None, None),
]
# (member, date, hours, title): hours in hundredths
SELF_STUDY = [
    ("张建国", date(2023, 2, 20), 250, "研读《习近平著作选读》第一卷"),
    ("李明华", date(2023, 3, 6), 150, "学习党章"),
    ("王志强", date(2023, 3, 8), 200, "学习《习近平谈治国理政》第四卷"),
]
# Each member's own study through their months in the group: (member, hours a month in
# hundredths, first and last month), a steady record, as a kept year has.
MONTHLY_SELF_STUDY = [
    ("张建国", 600, 1, 12),
    ("李明华", 550, 1, 12),
    ("王志强", 500, 1, 12),
    ("赵丽", 500, 1, 12),
    ("陈刚", 450, 1, 12),
    ("刘洋", 400, 1, 6),  # retired on 30 June
    ("孙伟", 500, 7, 12),  # joined on 1 July
    ("周敏", 300, 1, 12),
]
# Every member's written reflection (心得体会) after the two topic sessions they studied most.
REFLECTIONS = [("学习贯彻党的二十大精神心得体会", date(2023, 3, 20)),
               ("主题教育理论学习心得体会", date(2023, 9, 25))]  # fmt: skip
# Every member's discussion paper (研讨材料) for each quarter's topic discussion.
DISCUSSION_PAPERS = [(f"第{quarter}季度专题研讨发言材料", day) for quarter, day in
                     enumerate((date(2023, 3, 28), date(2023, 6, 20), date(2023, 9, 26),
                                date(2023, 12, 19)), start=1)]  # fmt: skip
# (meeting, date, title, source date)
AGENDA = [
    (Meeting.PARTY_GROUP, date(2023, 1, 16), "二十届中央纪委二次全会精神", date(2023, 1, 9)),
    (Meeting.PARTY_GROUP, date(2023, 3, 20), "全国两会精神", date(2023, 3, 13)),
    (Meeting.PARTY_GROUP, date(2023, 7, 10), "习近平总书记重要讲话精神", date(2023, 6, 30)),
]


def load_demo_activities(*, session: Session, org: Org) -> None:
    """Add the sample outputs, self-study and 党组会 first agenda items."""
    for name, kind, day, title, venue, level in OUTPUTS:
        fields = OutputFields(name=name, kind=kind, date=day, title=title, venue=venue, level=level)
        add_output(session=session, org=org, fields=fields)
    for name, day, hundredths, title in SELF_STUDY:
        add_self_study(
            session=session, org=org, name=name, day=day, hundredths=hundredths, title=title
        )
    for name, hundredths, first_month, last_month in MONTHLY_SELF_STUDY:
        for month in range(first_month, last_month + 1):
            add_self_study(
                session=session,
                org=org,
                name=name,
                day=date(2023, month, 15),
                hundredths=hundredths,
                title=f"{month}月个人自学",
            )
    for name, _, first_month, last_month in MONTHLY_SELF_STUDY:
        for kind, written in (
            (OutputKind.REFLECTION, REFLECTIONS),
            (OutputKind.DISCUSSION_PAPER, DISCUSSION_PAPERS),
        ):
            for title, day in written:
                if first_month <= day.month <= last_month:
                    fields = OutputFields(name=name, kind=kind, date=day, title=title)
                    add_output(session=session, org=org, fields=fields)
    for meeting, day, title, source in AGENDA:
        add_agenda_item(
            session=session, org=org, meeting=meeting, day=day, title=title, source_date=source
        )
