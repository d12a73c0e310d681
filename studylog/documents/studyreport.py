"""What the annual report says about how the group studied (study forms, films, documents,
hours), who attended beyond the roll (扩大学习, 巡听旁听, 列席) and who hosted: sentences
built from the figures, a clause whose figure is zero left out."""

from __future__ import annotations

from typing import Any

from studylog.figures.tallies import YearReport
from studylog.text.messages import current_language, t
from studylog.text.studyforms import Form, form_phrase, hours_shown


def study_context(report: YearReport) -> dict[str, Any]:
    """The template's ``study`` variable: the figures and the sentences made of them."""
    more = report.tallies.more
    films, documents = more.get("films", 0), more.get("documents", 0)
    hours = more.get("study_hours", 0)
    clauses = [
        form_phrase(form, count)
        for form, count in more.get("forms", {}).items()
        if count and not (form == Form.FILM and films)  # the films say it better
    ]
    if films:
        clauses.append(t("report_films", n=films))
    if documents:
        clauses.append(t("report_documents", n=documents))
    if hours:
        clauses.append(t("report_hours", n=hours_shown(round(hours * 100))))
    comma = "，" if current_language() == "zh" else ", "
    beyond = []
    if more.get("extended_sessions"):
        beyond.append(
            t("report_extended", sessions=more["extended_sessions"],
              people=more["extended_attendance"])
        )  # fmt: skip
    if more.get("visits"):
        beyond.append(t("report_visits", n=more["visits"]))
    if more.get("observer_attendance"):
        beyond.append(t("report_observers", n=more["observer_attendance"]))
    zh = current_language() == "zh"
    stop = "。" if zh else "."
    sentence = t("report_forms_sentence", clauses=comma.join(clauses)) if clauses else ""
    beyond_sentence = comma.join(beyond) + stop if beyond else ""
    hosted = more.get("leader_hosted", 0)
    hosted_sentence = t("report_leader_hosted", n=hosted) + stop if hosted else ""
    parts = [part[:1].upper() + part[1:] for part in (sentence, beyond_sentence, hosted_sentence)]
    return {
        "study": {
            **{key: more.get(key, 0) for key in _KEYS},
            "forms": dict(more.get("forms", {})),
            "sentence": sentence,
            "beyond": beyond_sentence,
            "hosted": hosted_sentence,
            "paragraph": ("" if zh else " ").join(part for part in parts if part),
        }
    }


_KEYS = ("films", "documents", "study_hours", "extended_sessions", "extended_attendance",
         "observer_attendance", "observer_speeches", "visits", "leader_hosted")  # fmt: skip
