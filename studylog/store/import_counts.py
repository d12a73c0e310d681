"""What an import added to the plan, the ledger and the sessions' people beyond the roll,
counted past the ids it marked (:func:`studylog.store.audit.imported_counts`), for its audit
entry and for its undo (:mod:`studylog.store.history`)."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from studylog.store.models import (
    PlanItem,
    PlanSpeaker,
    Rectification,
    RectifyProgress,
    SessionExtended,
    SessionObserver,
    SessionVisitor,
    StudySession,
)

#: The plan and the ledger an import adds to: plan items and ledger entries name their org,
#: their planned speakers and follow-up notes are reached through them. A mark written before
#: they were imported lacks them: its import added none. Counted only when some were added.
PLAN_IMPORTS: dict[str, type[PlanItem] | type[Rectification] | type[RectifyProgress]] = {
    "plan_items": PlanItem,
    "rectifications": Rectification,
    "rectify_progress": RectifyProgress,
}


def plan_counts(session: Session, org_id: int, last: dict[str, int]) -> dict[str, int]:
    """The plan items (with their speakers) and ledger entries (with their follow-up notes)
    an import added (only tables it added to)."""
    new_items = and_(PlanItem.org_id == org_id, PlanItem.id > last["plan_items"])
    ours = Rectification.org_id == org_id
    items, speakers, entries, notes = session.execute(
        select(
            select(func.count(PlanItem.id)).where(new_items).scalar_subquery(),
            select(func.count(PlanSpeaker.member_id))
            .join(PlanItem, PlanItem.id == PlanSpeaker.plan_item_id)
            .where(new_items)
            .scalar_subquery(),
            select(func.count(Rectification.id))
            .where(ours, Rectification.id > last["rectifications"])
            .scalar_subquery(),
            select(func.count(RectifyProgress.id))
            .join(Rectification, Rectification.id == RectifyProgress.rectification_id)
            .where(ours, RectifyProgress.id > last["rectify_progress"])
            .scalar_subquery(),
        ).execution_options(include_archived=True)
    ).one()
    counted = {
        "plan_items": items,
        "plan_speakers": speakers,
        "rectifications": entries,
        "rectify_progress": notes,
    }
    return {table: int(count) for table, count in counted.items() if count}


#: Who attended the sessions an import adds beyond their roll: keyed on the session, so
#: counted (and undone) with the sessions past the mark.
BEYOND_ROLL: dict[str, type[SessionExtended] | type[SessionObserver] | type[SessionVisitor]] = {
    "session_extended": SessionExtended,
    "session_observers": SessionObserver,
    "session_visitors": SessionVisitor,
}


def beyond_roll_counts(session: Session, org_id: int, last: dict[str, int]) -> dict[str, int]:
    """The people beyond the roll an import added (only tables it added to)."""
    new_sessions = and_(StudySession.org_id == org_id, StudySession.id > last["sessions"])
    counts = session.execute(
        select(
            *(
                select(func.count())
                .select_from(model)
                .join(StudySession, StudySession.id == model.session_id)
                .where(new_sessions)
                .scalar_subquery()
                for model in BEYOND_ROLL.values()
            )
        ).execution_options(include_archived=True)
    ).one()
    found = dict(zip(BEYOND_ROLL, (int(count) for count in counts), strict=True))
    return {table: count for table, count in found.items() if count}
