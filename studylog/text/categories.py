"""The categories of the rectification ledger (整改台账): a vocabulary shipped with studylog,
to which a group adds its own in the settings (``[ledger] categories``).

A category is stored as its value (``theory-study``), typed as its value or either label
(``--category 理论学习``), and shown in the output language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from studylog.errors import BadValue


@dataclass(frozen=True)
class Category:
    value: str
    en: str
    zh: str

    def label(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


SHIPPED: tuple[Category, ...] = (
    Category("theory-study", "theory study", "理论学习"),
    Category("applying-study", "applying study to work", "学用结合"),
    Category("rules-in-practice", "rules in practice", "制度执行"),
    Category("conduct", "conduct and style", "作风建设"),
)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold().replace("_", "-")


def vocabulary(extra: Sequence[Category] = ()) -> tuple[Category, ...]:
    """The shipped categories, then the group's own (from the settings)."""
    return (*SHIPPED, *extra)


def parse_category(text: str, extra: Sequence[Category] = ()) -> str:
    """The stored value of the category ``text`` names (its value or a label); ``""`` stays
    ``""`` (it clears a category). An unknown one is an error listing the vocabulary."""
    if not text.strip():
        return ""
    wanted = _key(text)
    for category in vocabulary(extra):
        if wanted in (_key(category.value), _key(category.en), _key(category.zh)):
            return category.value
    known = ", ".join(f"{c.value} ({c.zh})" for c in vocabulary(extra))
    raise BadValue("unknown_category", value=text, known=known)


def category_label(value: str | None, language: str, extra: Sequence[Category] = ()) -> str:
    """How a stored category reads; one stored before the vocabulary, as it was typed."""
    if not value:
        return ""
    for category in vocabulary(extra):
        if category.value == value:
            return category.label(language)
    return value


def category_order(value: str | None, extra: Sequence[Category] = ()) -> int:
    """Where a category comes in the vocabulary (unknown and none last)."""
    for position, category in enumerate(vocabulary(extra)):
        if category.value == value:
            return position
    return len(vocabulary(extra)) + (0 if value else 1)
