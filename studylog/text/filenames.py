"""File names made from names people typed or files brought: safe in any folder on any
system, and never two alike in one folder."""

from __future__ import annotations

import re
import unicodedata

#: Characters no file name may hold on Windows, macOS or Linux (and the path separators).
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
#: Names Windows keeps for its devices, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
             *(f"lpt{n}" for n in range(1, 10))}  # fmt: skip
LONGEST_NAME = 120  # characters: room for a folder's path on Windows


def safe_name(name: str, *, fallback: str = "material") -> str:
    """``name`` as a file name that stays in its folder and opens everywhere: no folder
    parts, no separators or control characters, no leading dot, no trailing dot or blank, not
    a Windows device name, not too long (the extension kept)."""
    text = unicodedata.normalize("NFC", name)
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = _UNSAFE.sub("_", text).strip().lstrip(".").rstrip(". ")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    if stem.lower() in _RESERVED or text.lower() in _RESERVED:
        stem = "_" + stem
    suffix = suffix[:16]
    stem = stem[: LONGEST_NAME - len(suffix) - 1]
    text = f"{stem}.{suffix}" if suffix and stem else stem or suffix
    return text or fallback


def unclashed(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2).ext``, ``name (3).ext`` … when a file of that name (in any
    case: Windows and macOS fold it) is already in ``taken``; the result is added to it."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, dot, suffix = name, "", ""
    chosen, number = name, 1
    while chosen.casefold() in taken:
        number += 1
        chosen = f"{stem} ({number}){dot}{suffix}"
    taken.add(chosen.casefold())
    return chosen
