"""A Chinese name found from what is typed on a Latin keyboard: ``wzq``, ``wangzq``, ``wangzhi``.

Readings come from pypinyin, every reading of each character (曾 is zeng and ceng), single
characters only: a name is not a phrase, and without its phrase dictionary pypinyin loads in
a third of the time (this runs inside a shell completion).
"""

from __future__ import annotations

import os
from collections.abc import Sequence


def readings(name: str) -> list[list[str]]:
    """Each character's readings, without tones (``王志强`` → ``[[wang], [zhi], [qiang]]``);
    text without a reading stands for itself."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin

    found = pinyin(name, style=Style.NORMAL, heteronym=True, errors="default")
    return [[reading.lower() for reading in char] for char in found]


def matches(typed: str, name: str) -> bool:
    """Whether ``typed`` (Latin letters) spells the start of ``name`` by initials or pinyin,
    one character after another: ``w``, ``wz``, ``wzq``, ``wangz``, ``wangzhiq``."""
    typed = typed.lower()
    return bool(typed) and _consume(typed, readings(name))


def _consume(typed: str, chars: Sequence[list[str]]) -> bool:
    if not typed:
        return True
    if not chars:
        return False
    for reading in chars[0]:
        if reading.startswith(typed):  # the last syllable, typed in part
            return True
        if typed.startswith(reading) and _consume(typed[len(reading) :], chars[1:]):
            return True
        if typed[0] == reading[0] and _consume(typed[1:], chars[1:]):
            return True
    return False
