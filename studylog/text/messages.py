"""Putting a message in the user's language: :func:`t`, :func:`describe` (an error), and the
pieces messages are made of (:class:`Phrase`, :func:`join_list`, :func:`long_date`).

The texts themselves are in :mod:`studylog.text.catalog`; the language is chosen once per run
(``--lang``, ``STUDYLOG_LANG``, then the locale, see :mod:`studylog.text.language`) and read
through :func:`t`. Parameters are formatted for the language: dates as ISO dates,
enum values as their labels, lists joined with ``, `` or ``、``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from studylog.text.catalog import MESSAGES
from studylog.text.language import (
    LANGUAGES,
    Language,
    current_language,
    detect_language,
    set_language,
)
from studylog.text.vocab import label

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "Language",
    "Phrase",
    "current_language",
    "describe",
    "detect_language",
    "join_list",
    "long_date",
    "set_language",
    "t",
]


@dataclass(frozen=True)
class Phrase:
    """A message inside another message's parameters, translated when the outer one is."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


def _format(value: Any) -> Any:
    if isinstance(value, Phrase):
        return t(value.key, **value.params)
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return join_list(str(_format(item)) for item in value)
    return value


def join_list(items: Iterable[str]) -> str:
    """张三、李四 in Chinese, 张三, 李四 in English."""
    return ("、" if current_language() == "zh" else ", ").join(items)


def long_date(day: date) -> str:
    """2023年7月13日 in Chinese, 2023-07-13 in English: how a document writes a date."""
    return t("long_date", day=day, year=day.year, month=day.month, date=day.day)


def t(key: str, /, **params: Any) -> str:
    """The message ``key`` in the current language, with its parameters filled in."""
    en, zh = MESSAGES[key]
    values = {name: _format(value) for name, value in params.items()}
    what = params.get("what")
    if isinstance(what, str) and f"what_{what}" in MESSAGES:  # NAME → 姓名, not the metavar
        values["what"] = t(f"what_{what}")
    suggestions = params.get("suggestions")
    if "suggestions" in params:
        values["suggestions"] = t("did_you_mean", names=list(suggestions)) if suggestions else ""
    if current_language() == "zh":
        return zh.format(**values)
    return plurals(en, params).format(**values)


#: ``roll line(s)``, ``speech(es)``, ``entr(ies)``: the noun takes the number of the nearest
#: count before it.
_MARKED = re.compile(r"(\w)\((e?s|ies)\)")
#: ``{count:@session|sessions}``: the form for one, the form for any other number.
_FORMS = re.compile(r"\{(\w+):@([^|{}]*)\|([^{}]*)\}")
_PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")


def plurals(template: str, params: Mapping[str, Any]) -> str:
    """English nouns in the number of their count: ``1 roll line``, ``0 make-ups``,
    ``2 speeches``. A noun marked ``(s)`` or ``(es)`` agrees with the nearest ``{count}``
    before it; ``{count:@one|many}`` writes the form for ``count`` itself."""

    def counted(name: str | None) -> int | float | None:
        value = params.get(name) if name else None
        if isinstance(value, str) and value.replace(".", "", 1).isdigit():
            return float(value)  # a threshold already written out: "1"
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None

    def marked(match: re.Match[str]) -> str:
        names = _PLACEHOLDER.findall(template, 0, match.start())
        count = counted(names[-1] if names else None)
        if count is None:
            return match.group(0)
        if match.group(2) == "ies":  # entr(ies): entry, entries
            return match.group(1) + ("y" if count == 1 else "ies")
        return match.group(1) + ("" if count == 1 else match.group(2))

    def forms(match: re.Match[str]) -> str:
        count = counted(match.group(1))
        return match.group(2) if count == 1 else match.group(3)

    return _MARKED.sub(marked, _FORMS.sub(forms, template))


class Keyed(Protocol):
    """A message key and its parameters, as a :class:`~studylog.errors.StudylogError` holds them."""

    @property
    def key(self) -> str: ...

    @property
    def params(self) -> Mapping[str, Any]: ...


def describe(error: Keyed) -> str:
    """An error (a :class:`~studylog.errors.StudylogError`) as one line in the current language."""
    return t(error.key, **error.params)
