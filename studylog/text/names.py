"""Close-name suggestions for unknown members, orgs and the like."""

from __future__ import annotations

from difflib import get_close_matches


def close_names(wanted: str, known: list[str], *, limit: int = 3) -> list[str]:
    """Names that look like ``wanted``: shared characters first, then near spellings.

    Chinese names are short, so a shared character (the surname, most often) is the best
    hint, and difflib's ratio finds the rest (张三 vs 张山, typos in Latin names).
    """
    sharing = [name for name in known if set(name) & set(wanted)]
    similar = get_close_matches(wanted, known, n=limit, cutoff=0.5)
    ranked = similar + [name for name in sharing if name not in similar]
    return ranked[:limit]
