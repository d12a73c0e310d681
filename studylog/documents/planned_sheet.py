"""A sign-in sheet for a plan item that has a planned day (``plan schedule``), as for an
upcoming session: ``sheet plan:ID`` (``计划:ID``), or ``sheet DATE`` when no session is
recorded that day and one plan item is planned for it. The sheet's header is the plan
item's: its day, title, place and host; the members are those expected on that day."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from studylog.documents.archive import SignIn, sign_in
from studylog.errors import StudylogError
from studylog.records.plans import find_plan_item
from studylog.records.schedule import planned_on
from studylog.store.models import Org, PlanItem, StudySession
from studylog.text.parse import parse_date

_PLAN_REF = re.compile(r"^\s*(?:plan|计划|p)\s*[:：#]?\s*(\d+)\s*$", re.IGNORECASE)


def plan_ref(ref: str) -> int | None:
    """The plan item id of ``plan:3`` / ``计划:3`` / ``p3``, else None."""
    match = _PLAN_REF.match(ref)
    return int(match.group(1)) if match else None


def planned_sign_in(
    *, session: Session, org: Org, ref: str, display_name: str | None = None
) -> tuple[SignIn, int | None]:
    """The sheet of session ``ref``, or of the plan item it names: (sheet, plan item id)."""
    item_id = plan_ref(ref)
    if item_id is not None:
        item = find_plan_item(session=session, org=org, item_id=item_id)
        if item.planned_on is None:
            raise StudylogError("plan_item_unscheduled", id=item.id)
        return _sheet(session, org, item, display_name), item.id
    try:
        return sign_in(session=session, org=org, ref=ref, display_name=display_name), None
    except StudylogError as error:
        if error.key != "no_session_on":
            raise
        items = planned_on(session=session, org=org, day=parse_date(ref))
        if not items:
            raise
        if len(items) > 1:
            raise StudylogError(
                "ambiguous_plan_day", day=items[0].planned_on, ids=[f"plan:{i.id}" for i in items]
            ) from None
        return _sheet(session, org, items[0], display_name), items[0].id


def _sheet(session: Session, org: Org, item: PlanItem, display_name: str | None) -> SignIn:
    """The sheet of an upcoming session made of the plan item (never added to the records)."""
    assert item.planned_on is not None
    upcoming = StudySession(
        org_id=org.id,
        date=item.planned_on,
        title=item.title,
        kind=item.kind,
        discussion=item.discussion,
        location=item.place,
        host=item.host,
        plan_id=item.id,
    )
    return sign_in(session=session, org=org, ref="", display_name=display_name, record=upcoming)
