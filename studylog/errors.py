"""The one error root: anything the secretary did wrong, or a file that is not ours.

Domain code raises :class:`StudylogError` with a message key from :mod:`studylog.text.messages` and
its parameters; the CLI edge renders it in the user's language with
:func:`studylog.text.messages.describe` as one line and exits with the error's
:attr:`~StudylogError.exit_code`. This module imports nothing of studylog's, so that every layer,
the text layer included, may raise it.

Exit status, one rule for every command (the README's table):

- 0: done;
- 1: a well-formed request the records refuse (an unknown name, a make-up for someone present,
  a file that is not a studylog database) — :class:`StudylogError`;
- 2: a value that cannot be read (a date, a number, a choice), as Click answers a usage
  mistake — :class:`BadValue`, raised by every parser in :mod:`studylog.text.parse`;
- 3: a check ran and found a rule broken (``check``, ``db check``, ``log --verify``) —
  :data:`CHECK_FAILED`, :class:`CheckFailed`.
"""

from __future__ import annotations

from typing import Any

#: The exit status of a check that ran and found a rule broken.
CHECK_FAILED = 3


class StudylogError(Exception):
    """An expected failure, worded for the person at the keyboard."""

    #: 1: the request was understood and the records refuse it.
    exit_code = 1

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


class BadValue(StudylogError):
    """A value typed for an option or argument that cannot be read as what it must be (a
    date, a number, one of a list of choices): a usage mistake, exit status 2."""

    exit_code = 2


class CheckFailed(StudylogError):
    """A check ran to the end and found something wrong (the log's chain broken, records
    changed behind studylog's back): exit status 3, not an error of the request."""

    exit_code = CHECK_FAILED
