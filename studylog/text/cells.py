"""A cell of a CSV file as a spreadsheet will read it: text that starts like a formula is
given a leading quote, so that Excel or WPS shows it and never runs it (``=HYPERLINK(…)``
typed as a name). Every CSV studylog prints or writes goes through :func:`guarded`."""

from __future__ import annotations

#: What a spreadsheet takes for the start of a formula (OWASP's list: = + - @, tab, CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guarded(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula.

    A text that already starts with the quote gets one more, so that reading it back (the
    import strips one) gives the text as typed."""
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text
