"""One cell of a file to import read as a value: text, a date, a yes/no, a session id, a
choice of the vocabulary (its CLI value, either language's label, a sign-in sheet's mark)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from studylog.errors import StudylogError
from studylog.text.messages import t
from studylog.text.parse import parse_date
from studylog.text.vocab import LABELS, choices
from studylog.transfer.columns import FALSE_WORDS, SIGN_IN_SPELLINGS, TRUE_WORDS, header_key


def cell_text(value: Any, guarded: bool) -> str | None:
    """A cell as text; None when empty. Numbers read back as the digits a person typed."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):  # tags in JSON
        return "、".join(str(item) for item in value)
    text = str(value)
    if guarded and text.startswith("'"):  # export's formula guard
        text = text[1:]
    return text if text.strip() else None


def cell_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value, guarded=True)
    return None if text is None else parse_date(text)


def cell_flag(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    word = header_key(cell_text(value, guarded=True) or "")
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    yes_no = f"{t('yes')} | {t('no')}"
    raise StudylogError("bad_choice", what=what, value=str(value), choices=yes_no)


def cell_ref(value: Any) -> int | None:
    """A session id: 12, 12.0 or "#12"."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    text = cell_text(value, guarded=True)
    if text is None:
        return None
    digits = unicodedata.normalize("NFKC", text).strip().lstrip("#")
    if not digits.isdigit():
        raise StudylogError("import_bad_ref", value=text)
    return int(digits)


E = TypeVar("E", bound=StrEnum)
_SPELLINGS: dict[type[StrEnum], dict[str, StrEnum]] = {}


def cell_choice(enum: type[E], value: Any, what: str, default: E | None = None) -> E:
    """An enum from its CLI value, its English or Chinese label, or another known spelling."""
    spellings = _SPELLINGS.get(enum)
    if spellings is None:
        spellings = {}
        for member in enum:
            en, zh, aliases = LABELS[member]
            extra = SIGN_IN_SPELLINGS.get(member, ())
            for spelling in (member.value, member.name, en, zh, *aliases, *extra):
                spellings[header_key(spelling)] = member
        _SPELLINGS[enum] = spellings
    text = cell_text(value, guarded=True)
    if text is None:
        if default is not None:
            return default
        raise StudylogError("empty_text", what=what)
    found = spellings.get(header_key(text))
    if found is None:
        raise StudylogError("bad_choice", what=what, value=text, choices=choices(enum))
    return found  # type: ignore[return-value]
