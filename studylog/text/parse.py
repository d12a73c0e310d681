"""Reading what the secretary types: dates, name lists, ``NAME:REASON``, free text.

Chinese input is the norm: full-width digits and punctuation (``，`` ``：``) and dates such as
``2023年3月1日`` are accepted wherever their half-width forms are.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from contextlib import suppress
from datetime import date
from enum import StrEnum
from typing import TypeVar

from studylog.errors import BadValue, StudylogError
from studylog.text.vocab import DISCUSSION_SPELLINGS, LABELS, Kind, choices

E = TypeVar("E", bound=StrEnum)

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_LIST_SEPARATORS = re.compile(r"[,，、;；]")
MIN_YEAR, MAX_YEAR = 1900, 2999  # anything outside is a typing slip, not a study session
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # tabs and newlines aside
# Half a UTF-16 pair: what Python makes of bytes that are not UTF-8 (a terminal in GBK sending
# to a UTF-8 locale, say) or of a JSON "\ud800"; no database can store it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")
_BLANKS = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def parse_date(text: str) -> date:
    """``2023-03-01``, ``2023/3/1``, ``2023.3.1``, ``2023年3月1日`` or ``20230301``."""
    if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():
        # The form every export writes, read a million times by an import: the quick way
        # first, the careful one (with its precise message) for anything it refuses.
        with suppress(ValueError):
            quick = date.fromisoformat(text)
            if MIN_YEAR <= quick.year <= MAX_YEAR:
                return quick
    cleaned = unicodedata.normalize("NFKC", text).strip()
    match = _DATE.match(cleaned) or _COMPACT_DATE.match(cleaned)
    if not match:
        raise BadValue("bad_date_format", value=text)
    year, month, day = (int(part) for part in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadValue("bad_date_year", value=text, low=MIN_YEAR, high=MAX_YEAR)
    if not 1 <= month <= 12:
        raise BadValue("bad_month", value=text, month=month)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise BadValue("bad_day", value=text, year=year, month=month, days=last)
    return date(year, month, day)


def parse_year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise BadValue("bad_year", value=value, low=MIN_YEAR, high=MAX_YEAR)
    return value


def clean_text(
    text: str, *, what: str, limit: int = 500, multiline: bool = False, fold: bool = False
) -> str:
    """Strip surrounding blanks; refuse empty text, what is not text, control characters,
    line breaks (unless ``multiline``: notes and ledger texts may have several lines),
    characters that do not show or change how text shows (:func:`hidden_character`) and
    runaway lengths.

    ``fold``: a name, compared with others: NFKC, so ``ＺｈａｎｇＳａｎ`` is ``ZhangSan``. Other
    text is NFC only: a title keeps its full-width ``：`` and ``（）`` as typed for the
    documents (NFKC would make them half-width)."""
    if _SURROGATE.search(text):
        raise StudylogError("not_text", what=what)
    cleaned = unicodedata.normalize("NFKC" if fold else "NFC", text).strip()
    if not cleaned:
        raise StudylogError("empty_text", what=what)
    if _CONTROL.search(cleaned) or (not multiline and _LINE_BREAKS.search(cleaned)):
        raise StudylogError("control_chars", what=what)
    # As typed first: the message names the character the secretary has, not its NFKC form.
    hidden = hidden_character(text.strip(), multiline=multiline) or hidden_character(
        cleaned, multiline=multiline
    )
    if hidden is not None:
        name = unicodedata.name(hidden, "")
        raise StudylogError(
            "text_bad_char", what=what, char=f"U+{ord(hidden):04X}", name=name or "unnamed"
        )
    if len(cleaned) > limit:
        raise StudylogError("too_long", what=what, limit=limit)
    return cleaned


#: Letters and symbols that show as nothing: Hangul fillers, the blank Braille pattern, the
#: Khmer inherent vowels, the combining grapheme joiner.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u034f")
#: Categories refused: controls, format characters (zero-width, bidi, soft hyphen, BOM),
#: surrogates, private use, unassigned and noncharacters.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def hidden_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character of ``text`` that does not show, or changes how the text around
    it shows (right-to-left overrides, say), or a C0/C1 control; None when all show."""
    allowed = "\t\n\r" if multiline else ""
    for char in text:
        if char in allowed:
            continue
        if char in _BLANK_LOOKING or unicodedata.category(char) in _HIDDEN_CATEGORIES:
            return char
    return None


def optional_text(
    text: str | None, *, what: str, limit: int = 500, multiline: bool = False
) -> str | None:
    if text is None or not text.strip():
        return None
    return clean_text(text, what=what, limit=limit, multiline=multiline)


def clean_name(text: str) -> str:
    """A person's name as one spelling: blanks padding Chinese names (张　三, 张 三) go,
    other runs of blanks (Zhang  San) become one space."""
    name = clean_text(text, what="NAME", limit=100, fold=True)
    return _CJK_GAP.sub("", _BLANKS.sub(" ", name))


def clean_org_name(text: str) -> str:
    """A study group's name as one spelling (NFKC, blanks as in :func:`clean_name`)."""
    name = clean_text(text, what="--org", limit=200, fold=True)
    return _BLANKS.sub(" ", name)


def split_names(values: list[str] | None) -> list[str]:
    """``--present 张三,李四 --present 王五`` → three names; ``，`` and ``、`` split too."""
    names: list[str] = []
    for value in values or []:
        names.extend(clean_name(part) for part in _LIST_SEPARATORS.split(value) if part.strip())
    return names


def split_leaves(values: list[str] | None) -> list[tuple[str, str | None]]:
    """``--leave 张三:出差`` or ``--leave 张三,李四：外出开会`` → (name, reason) pairs.

    The text before the first colon is a list of names, the text after it is the reason
    they share, so a reason may itself contain commas.
    """
    leaves: list[tuple[str, str | None]] = []
    for value in values or []:
        names, colon, reason = value.replace("：", ":").partition(":")
        shared = optional_text(reason, what="REASON") if colon else None
        named = split_names([names])
        if colon and not named:
            raise BadValue("leave_without_name", value=value)
        leaves.extend((name, shared) for name in named)
    return leaves


def split_tags(values: list[str] | None) -> list[str]:
    tags: list[str] = []
    for value in values or []:
        for part in _LIST_SEPARATORS.split(value):
            if part.strip():
                tag = clean_text(part, what="--tag", limit=100, fold=True)
                if tag not in tags:
                    tags.append(tag)
    return tags


def parse_enum(enum: type[E], text: str, *, what: str) -> E:
    """Read a CLI value or a Chinese label; anything else is a StudylogError."""
    wanted = text.strip().lower()
    for member in enum:
        _, zh, aliases = LABELS[member]
        if wanted in (member.value, member.name.lower(), zh, *aliases):
            return member
    raise BadValue("bad_choice", what=what, value=text, choices=choices(enum))


def parse_kind(text: str, *, what: str = "--kind") -> tuple[Kind, bool]:
    """A session kind, and whether the words also said it held a discussion (专题研讨 is a
    topic session with a discussion; 集体学习 is 集中学习)."""
    kind = parse_enum(Kind, text, what=what)
    return kind, text.strip().lower() in DISCUSSION_SPELLINGS[kind]
