"""The one error root: anything the secretary did wrong, or a file that is not ours.

Domain code raises :class:`StudylogError` with a message key from :mod:`studylog.text.messages` and
its parameters; the CLI edge renders it in the user's language as one line and exits 1.
"""

from __future__ import annotations

from typing import Any


class StudylogError(Exception):
    """An expected failure, worded for the person at the keyboard."""

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        from studylog.text.messages import t

        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message()
