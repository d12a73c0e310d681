"""The one error root: anything the secretary did wrong, or a file that is not ours.

Domain code raises :class:`StudylogError` with a message key from :mod:`studylog.text.messages` and
its parameters; the CLI edge renders it in the user's language with
:func:`studylog.text.messages.describe` as one line and exits 1. This module imports nothing of
studylog's, so that every layer, the text layer included, may raise it.
"""

from __future__ import annotations

from typing import Any


class StudylogError(Exception):
    """An expected failure, worded for the person at the keyboard."""

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        # For tracebacks and logs, read by developers; the secretary reads describe(error).
        if not self.params:
            return self.key
        shown = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"{self.key} ({shown})"
