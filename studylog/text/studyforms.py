"""Study forms (学习形式) and what is typed about a session's people beyond the roll.

Seven forms are built in; a group adds its own in the settings file (``[forms.VALUE]`` with
``zh``, ``en`` and ``phrase``), which :func:`use_custom_forms` registers for this run. A form
is stored as its CLI value (a string: a custom one is no enum), read from its value, either
label or a synonym offices write.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from studylog.errors import BadValue
from studylog.text.language import current_language
from studylog.text.parse import clean_text, optional_text, split_names
from studylog.text.values import Plain


class Form(StrEnum):
    LECTURE = "lecture"
    FILM = "film"
    READING_CLASS = "reading-class"
    SITE_VISIT = "site-visit"
    RESEARCH = "research"
    GUIDED_READING = "guided-reading"
    EXCHANGE = "exchange"


@dataclass(frozen=True)
class FormWords:
    """A form's labels, the clause a report counts it with ({n}), and further spellings."""

    en: str
    zh: str
    phrase_en: str
    phrase_zh: str
    aliases: tuple[str, ...] = ()


BUILT_IN: dict[str, FormWords] = {
    Form.LECTURE: FormWords(
        "expert lecture", "专家辅导", "{n} expert lecture(s)", "邀请专家专题辅导{n}场次",
        ("专题辅导", "专家讲座", "辅导讲座", "专家授课"),
    ),
    Form.FILM: FormWords(
        "film", "观看专题片", "{n} film screening(s)", "观看专题片{n}场次",
        ("专题片", "观看", "观看教育片", "观看警示教育片", "观看影片"),
    ),
    Form.READING_CLASS: FormWords(
        "reading class", "读书班", "{n} reading class(es)", "举办读书班{n}期",
        ("专题读书班", "读书会"),
    ),
    Form.SITE_VISIT: FormWords(
        "site visit", "现场教学", "{n} site visit(s)", "开展现场教学{n}次",
        ("实地教学", "现场学习", "参观学习"),
    ),
    Form.RESEARCH: FormWords(
        "research", "调研", "{n} research visit(s)", "开展调研{n}次",
        ("调查研究", "专题调研", "蹲点调研"),
    ),
    Form.GUIDED_READING: FormWords(
        "guided reading", "领学", "{n} guided reading(s)", "领学{n}次",
        ("领读", "领学领读", "集体领学"),
    ),
    Form.EXCHANGE: FormWords(
        "exchange", "交流研讨", "{n} exchange(s)", "开展交流研讨{n}次",
        ("研讨交流", "交流", "座谈交流", "学习交流"),
    ),
}  # fmt: skip

_custom: dict[str, FormWords] = {}
_noun: list[str | None] = [None]


def use_group_noun(noun: str | None) -> None:
    """The settings' ``[org] noun`` for this run: how report sentences name the group."""
    _noun[0] = noun


def group_noun() -> str | None:
    return _noun[0]


def use_custom_forms(forms: dict[str, tuple[str, str, str]]) -> None:
    """The settings' own forms for this run: value → (zh label, en label, report phrase)."""
    _custom.clear()
    for value, (zh, en, phrase) in forms.items():
        if value in BUILT_IN:
            raise BadValue("custom_form_built_in", value=value)
        _custom[value] = FormWords(en, zh, phrase, phrase)


def known_forms() -> dict[str, FormWords]:
    """Every form this run knows, built-in first, in the order they are reported."""
    return {**BUILT_IN, **_custom}


def form_label(value: str) -> str:
    """A form's label in the current language (a form no longer in the settings: its value)."""
    words = known_forms().get(value)
    if words is None:
        return value
    return words.zh if current_language() == "zh" else words.en


def form_phrase(value: str, count: int) -> str:
    words = known_forms().get(value)
    if words is None:
        return f"{value} {count}"
    phrase = words.phrase_zh if current_language() == "zh" else words.phrase_en
    if current_language() != "zh":
        from studylog.text.messages import plurals

        phrase = plurals(phrase, {"n": count})
    return phrase.replace("{n}", str(count))


class FormName(str):
    """A form's value, shown by its label (tables, CSV) and carried as its value (JSON)."""

    __slots__ = ()

    def __str__(self) -> str:
        return form_label(str.__str__(self))


def form_choices() -> str:
    return " | ".join(f"{value} ({words.zh})" for value, words in known_forms().items())


def parse_form(text: str) -> str:
    """A form from its value, a label or a synonym (专题辅导 = 专家辅导 = lecture)."""
    wanted = unicodedata.normalize("NFKC", text).strip().lower()
    for value, words in known_forms().items():
        if wanted in (value, words.zh, words.en.lower(), *words.aliases):
            return value
    raise BadValue("bad_form", value=text, choices=form_choices())


def parse_forms(values: list[str]) -> list[str]:
    """``--form 专家辅导 --form film,调研`` → the forms, each once, in the order given;
    ``--form ''`` → none (clears)."""
    found: list[str] = []
    for value in split_list(values):
        form = parse_form(value)
        if form not in found:
            found.append(form)
    return found


def split_list(values: list[str]) -> list[str]:
    import re

    return [part for value in values for part in re.split(r"[,，、;；]", value) if part.strip()]


def parse_count(text: str, *, what: str, limit: int = 100_000) -> int:
    """A whole number of films or documents, 0 or more (``14``, ``14部``, ``８０篇``)."""
    cleaned = unicodedata.normalize("NFKC", text).strip().rstrip("部篇份个场次件")
    if not cleaned.isdigit() or int(cleaned) > limit:
        raise BadValue("bad_count", what=what, value=text)
    return int(cleaned)


def parse_hours(text: str | float) -> int:
    """A session's length as hundredths of an hour, exactly: ``2.5`` → 250 (``2.5小时``,
    ``2.5h`` too); the same reading as self-study's hours (:mod:`studylog.text.hours`)."""
    from studylog.text.hours import parse_hours as hundredths_of

    return hundredths_of(str(text), what="--hours")


def hours_shown(hundredths: int | None) -> str:
    """250 → ``2.5``, 300 → ``3``: hours as typed, no float in between."""
    if hundredths is None:
        return ""
    return format(Decimal(hundredths) / 100, "f").rstrip("0").rstrip(".") if hundredths else "0"


def hours_value(hundredths: int | None) -> int | Plain | None:
    """Hours as JSON carries them: 250 → 2.5, 300 → 3 (exact for two decimals)."""
    if hundredths is None:
        return None
    whole, rest = divmod(hundredths, 100)
    return whole if not rest else Plain(hours_shown(hundredths))


# -- people beyond the roll ---------------------------------------------------------------


@dataclass(frozen=True)
class Extended:
    """扩大学习: a group beyond the roll (局中层党员干部) and how many of it attended."""

    label: str
    count: int
    names: str | None = None


def parse_extended(text: str) -> Extended:
    """``局中层党员干部:15`` or ``局中层党员干部:3:张三、李四、王五`` (``：`` too)."""
    label, colon, rest = text.replace("：", ":").partition(":")
    count, _colon, names = rest.partition(":")
    cleaned = unicodedata.normalize("NFKC", count).strip().rstrip("人名")
    if not colon or not label.strip() or not cleaned.isdigit() or len(cleaned) > 6:
        raise BadValue("bad_extended", value=text)
    number = int(cleaned)
    if number == 0:
        raise BadValue("bad_extended", value=text)
    listed = split_names([names]) if names.strip() else []
    if len(listed) > number:
        raise BadValue("extended_names_over", value=text, count=number, names=len(listed))
    return Extended(
        label=clean_text(label, what="--extended", limit=200),
        count=number,
        names=optional_text("、".join(listed), what="--extended", limit=2000),
    )


def parse_visitors(values: list[str]) -> list[tuple[str, str]]:
    """``--visitor 市委第一巡听组:张三,李四`` → (body, name) pairs: 旁听 / 巡听 by a
    superior body (the names before it share the body)."""
    found: list[tuple[str, str]] = []
    for value in values:
        body, colon, names = value.replace("：", ":").partition(":")
        listed = split_names([names]) if colon else []
        if not body.strip() or not listed:
            raise BadValue("bad_visitor", value=value)
        cleaned = clean_text(body, what="--visitor", limit=200)
        found.extend((cleaned, name) for name in listed if (cleaned, name) not in found)
    return found
