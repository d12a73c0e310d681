"""The command line this process runs, kept for the audit log (imports nothing heavy)."""

from __future__ import annotations

from collections.abc import Sequence

#: The words after ``studylog``, as the CLI received them; None when not run from the CLI.
words: tuple[str, ...] | None = None


def record(args: Sequence[str]) -> None:
    global words
    words = tuple(args)
