"""The sample year's study forms (学习形式) with what was studied, and the people beyond the
roll (扩大学习, 列席, 上级巡听旁听), added to ``studylog demo``'s sessions by
:func:`load_demo_studyforms`.

In all: 3 films, 70 documents, 36.5 hours; the September topic session was extended to 15 of
the bureau's middle-rank Party cadres (局中层党员干部); the observer 吴静 attended in March; a
superior body's guidance group sat in in April.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from studylog.records.studyforms import StudyFields, apply_study, record_beyond_roll
from studylog.store.models import Org, StudySession
from studylog.text.studyforms import Extended

YEAR = 2023
# month -> (forms, films, documents, hours in hundredths)
STUDY: dict[int, tuple[list[str], int | None, int, int]] = {
    1: (["guided-reading"], None, 6, 300),
    2: (["reading-class"], None, 8, 300),
    3: (["lecture"], None, 5, 350),
    4: (["guided-reading", "exchange"], None, 7, 300),
    5: (["film"], 2, 4, 200),
    6: (["site-visit", "research"], None, 3, 400),
    7: (["lecture"], None, 6, 300),
    8: (["film"], 1, 5, 250),
    9: (["exchange"], None, 6, 300),
    10: (["guided-reading"], None, 7, 300),
    11: (["reading-class"], None, 9, 300),
    12: (["exchange"], None, 4, 350),
}
EXTENDED = (9, Extended(label="局中层党员干部", count=15))
OBSERVED = (3, ["吴静"])
VISITORS = (4, [("市委主题教育第三巡回指导组", "王磊")])


def load_demo_studyforms(*, session: Session, org: Org) -> None:
    """Give the sample year's sessions their forms and counts, and the people beyond the roll."""
    by_month = {
        record.date.month: record
        for record in session.scalars(
            select(StudySession).where(
                StudySession.org_id == org.id,
                StudySession.date.between(date(YEAR, 1, 1), date(YEAR, 12, 31)),
            )
        )
    }
    for month, (forms, films, documents, hundredths) in STUDY.items():
        study = StudyFields(forms=forms, films=films, documents=documents, hours=hundredths)
        apply_study(by_month[month], study)
    session.flush()
    month, group = EXTENDED
    record_beyond_roll(session=session, org=org, record=by_month[month], extended=[group])
    month, names = OBSERVED
    record_beyond_roll(session=session, org=org, record=by_month[month], observed=names)
    month, visitors = VISITORS
    record_beyond_roll(session=session, org=org, record=by_month[month], visitors=visitors)
