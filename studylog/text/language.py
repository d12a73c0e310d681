"""The language of this run: chosen once (``--lang``, ``STUDYLOG_LANG``, then the locale).

Kept apart from the messages so that anything may ask for the language (the vocabulary's
labels, the documents' layout) without importing the whole catalogue.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

_language: Language = "en"
#: A language for one piece of work (a web page in the reader's language), per thread or task.
_speaking: ContextVar[Language | None] = ContextVar("studylog_speaking", default=None)


def detect_language(environ: Mapping[str, str] | None = None) -> Language:
    """``STUDYLOG_LANG``, else zh when the locale (LC_ALL, LC_MESSAGES, LANG) is Chinese."""
    env = os.environ if environ is None else environ
    chosen = env.get("STUDYLOG_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(language: Language) -> None:
    global _language
    _language = language


def current_language() -> Language:
    return _speaking.get() or _language


@contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Messages in ``language`` within the block, for this thread or task only (a server
    answers each reader in theirs while the terminal keeps the run's)."""
    token = _speaking.set(language)
    try:
        yield
    finally:
        _speaking.reset(token)
