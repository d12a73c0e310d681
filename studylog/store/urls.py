"""How a database address is shown in a message or the log: never with its password."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


def shown(url: str) -> str:
    """The database as a message may show it: a file path, or a URL with no password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "<invalid URL>"
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    hidden = {key: "***" for key in parsed.query if key.lower() in ("password", "passfile")}
    return parsed.update_query_dict(hidden).render_as_string(hide_password=True)
