"""Every message and label, in English and Chinese, split by what it serves.

Each part holds ``MESSAGES: {key: (English, Chinese)}``; :data:`MESSAGES` joins them. A key lives
in exactly one part (``tests/test_messages.py`` holds that rule), so the order of joining does
not matter for what a key says.
"""

from __future__ import annotations

from types import ModuleType

from studylog.text.catalog import (
    assess,
    calendar,
    columns,
    corrections,
    display,
    documents,
    errors,
    files,
    forms,
    imports,
    integrity,
    notes,
    office,
    outputs,
    plans,
    records,
    report,
    transfer,
    upkeep,
    web,
)

PARTS: tuple[ModuleType, ...] = (
    errors,
    records,
    plans,
    transfer,
    documents,
    report,
    upkeep,
    files,
    integrity,
    columns,
    corrections,
    web,
    office,
    assess,
    notes,
    calendar,
    display,
    forms,
    outputs,
    imports,
)

MESSAGES: dict[str, tuple[str, str]] = {
    key: texts for part in PARTS for key, texts in part.MESSAGES.items()
}
