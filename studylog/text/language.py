"""The language of this run: chosen once (``--lang``, ``STUDYLOG_LANG``, then the locale).

Kept apart from the messages so that anything may ask for the language (the vocabulary's
labels, the documents' layout) without importing the whole catalogue.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

_language: Language = "en"


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
    return _language
