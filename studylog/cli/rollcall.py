"""``attend REF --call``: the roll called at the keyboard, one expected member at a time.

Enter marks the member present; ``l`` late, ``e`` on leave (then the reason), ``a`` absent
(or 1–4, or the Chinese words); ``b`` goes back one member. The running counts show before
each name. Nothing is stored while the roll is called: at the end the marks go, all at once,
through the same :func:`studylog.records.attendance.record_roll` as ``attend`` (one
transaction); Ctrl-C (or Ctrl-D) before that stores nothing and says so.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import typer

from studylog.cli.common import records, today
from studylog.cli.render import emit_line, emit_note
from studylog.errors import StudylogError
from studylog.text.messages import describe, t
from studylog.text.parse import optional_text
from studylog.text.vocab import Status

#: What may be typed for each mark (Enter alone is present).
KEYS: dict[str, Status] = {
    "": Status.PRESENT,
    "p": Status.PRESENT,
    "1": Status.PRESENT,
    "出席": Status.PRESENT,
    "l": Status.LATE,
    "2": Status.LATE,
    "迟到": Status.LATE,
    "e": Status.LEAVE,
    "3": Status.LEAVE,
    "请假": Status.LEAVE,
    "a": Status.ABSENT,
    "4": Status.ABSENT,
    "缺席": Status.ABSENT,
}
BACK = {"b", "<", "-", "返回"}
NO = {"n", "no", "否", "q"}
#: Exit status when the roll call is stopped (128 + SIGINT, as shells report Ctrl-C).
STOPPED = 130


@dataclass(frozen=True)
class Called:
    """One expected member, and the line the roll already has for them (when it has one)."""

    name: str
    title: str | None
    now: str | None


def call_roll(ref: str) -> dict[str, Any]:
    """Call the roll of session ``ref`` at the keyboard; the names by status, as ``attend``
    takes them (every expected member named). Stops the command when the user stops."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise StudylogError("call_needs_terminal")
    about, members = _expected(ref)
    emit_line(t("call_intro", count=len(members), **about))
    emit_line(t("call_keys"))
    try:
        marks = _walk(members)
    except (KeyboardInterrupt, EOFError):
        emit_line("")
        emit_note(t("call_stopped"))
        raise typer.Exit(STOPPED) from None
    names: dict[str, Any] = {"present": [], "late": [], "leave": [], "absent": []}
    for member, (status, reason) in zip(members, marks, strict=True):
        if status == Status.LEAVE:
            names["leave"].append((member.name, reason))
        else:
            names[status.value].append(member.name)
    return names


def _expected(ref: str) -> tuple[dict[str, Any], list[Called]]:
    from studylog.records.attendance import expected_members, roll_of
    from studylog.records.sessions import resolve_session
    from studylog.text.vocab import label

    with records(write=False) as (session, org):
        record = resolve_session(session=session, org=org, ref=ref)
        if record.date > today():
            raise StudylogError("roll_upcoming", id=record.id, day=record.date)
        lines = {line.member: line for line in roll_of(session=session, record=record)}
        members = []
        for member in expected_members(session=session, org=org, on=record.date):
            line = lines.get(member.name)
            now = None
            if line is not None and line.status != Status.PRESENT:  # worth knowing first
                now = " ".join(filter(None, [label(line.status), line.reason]))
            members.append(Called(member.name, member.title, now))
        about = {"id": record.id, "day": record.date, "title": record.title}
    if not members:
        raise StudylogError("call_nobody", id=about["id"], day=about["day"])
    return about, members


def _walk(members: list[Called]) -> list[tuple[Status, str | None]]:
    """Ask for each member in turn until every one is marked and the marks are confirmed."""
    marks: list[tuple[Status, str | None]] = []
    while True:
        if len(marks) == len(members):
            emit_line(_counts(marks, len(members)))
            answer = _ask(t("call_store"))
            if answer in BACK:
                marks.pop()
                continue
            if answer in NO:
                raise KeyboardInterrupt
            return marks
        member = members[len(marks)]
        now = f" {t('call_now', status=member.now)}" if member.now else ""
        title = f"（{member.title}）" if member.title else ""
        emit_line(_counts(marks, len(members)))
        answer = _ask(f"[{len(marks) + 1}/{len(members)}] {member.name}{title}{now} › ")
        if answer in BACK:
            if marks:
                marks.pop()
            continue
        status = KEYS.get(answer)
        if status is None:
            emit_note(t("call_unknown", key=answer))
            continue
        reason = _reason() if status == Status.LEAVE else None
        marks.append((status, reason))


def _reason() -> str | None:
    while True:
        try:
            return optional_text(_ask(t("call_reason"), fold=False), what="REASON")
        except StudylogError as error:
            emit_note(describe(error))


def _ask(prompt: str, *, fold: bool = True) -> str:
    answer = input(prompt).strip()
    return answer.lower() if fold else answer


def _counts(marks: list[tuple[Status, str | None]], expected: int) -> str:
    tally = {status: 0 for status in Status}
    for status, _ in marks:
        tally[status] += 1
    return t(
        "call_counts",
        present=tally[Status.PRESENT],
        late=tally[Status.LATE],
        leave=tally[Status.LEAVE],
        absent=tally[Status.ABSENT],
        left=expected - len(marks),
    )
