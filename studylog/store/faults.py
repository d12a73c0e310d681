"""What a database failure that studylog did not foresee tells the secretary: the driver's
own one-line reason, never the statement or its parameters (which hold record contents).

SQLAlchemy's text of such an error carries ``[SQL: …]`` and ``[parameters: …]``; the CLI's
edge asks :func:`as_error` before anything is printed.
"""

from __future__ import annotations

from studylog.errors import StudylogError

#: What SQLite says of a file whose pages are not what it wrote.
_DAMAGED = ("malformed", "file is not a database", "disk i/o error", "database corrupt")


def as_error(error: BaseException) -> StudylogError | None:
    """The one-line error for a SQLAlchemy failure, or None when ``error`` is not one."""
    from sqlalchemy.exc import SQLAlchemyError, StatementError

    if not isinstance(error, SQLAlchemyError):
        return None
    cause = error.orig if isinstance(error, StatementError) else None
    reason = _first_line(str(cause)) if cause is not None else type(error).__name__
    if any(word in reason.lower() for word in _DAMAGED):
        return StudylogError("db_damaged", detail=reason)
    return StudylogError("db_failed", detail=reason)


def _first_line(text: str) -> str:
    """The driver's reason alone: PostgreSQL adds DETAIL lines that quote the row's values."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:200]
