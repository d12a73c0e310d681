"""The message catalogue: every key speaks both languages, and lives in exactly one part."""

from __future__ import annotations

import ast
import inspect
from collections import Counter
from types import ModuleType

import pytest

from studylog.errors import StudylogError
from studylog.text import messages
from studylog.text.catalog import MESSAGES, PARTS
from studylog.text.messages import Language, describe, set_language


def keys_written_in(part: ModuleType) -> list[str]:
    """The keys as the part's source spells them: a dict literal keeps only the last of twins."""
    tree = ast.parse(inspect.getsource(part))
    (catalogue,) = (
        node.value
        for node in tree.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "MESSAGES"
    )
    assert isinstance(catalogue, ast.Dict)
    keys = [ast.literal_eval(key) for key in catalogue.keys if key is not None]
    assert len(keys) == len(catalogue.keys), "no ** spreading: every key is written out"
    return keys


def test_every_key_has_an_english_and_a_chinese_text() -> None:
    for key, texts in MESSAGES.items():
        assert isinstance(texts, tuple) and len(texts) == 2, key
        en, zh = texts
        assert isinstance(en, str) and isinstance(zh, str), key
        assert en.strip() and zh.strip(), key


def test_no_key_is_defined_twice_across_or_within_parts() -> None:
    written = [key for part in PARTS for key in keys_written_in(part)]
    twice = sorted(key for key, count in Counter(written).items() if count > 1)
    assert twice == []
    assert len(MESSAGES) == len(written)


def test_messages_joins_every_part() -> None:
    assert messages.MESSAGES is MESSAGES
    assert set(MESSAGES) == {key for part in PARTS for key in part.MESSAGES}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "'讲座' is not a valid --kind; choose study | topic"),
        ("zh", "“讲座”不是有效的 --kind，可选：study | topic"),
    ],
)
def test_an_error_is_described_in_the_current_language(language: Language, expected: str) -> None:
    error = StudylogError("bad_choice", what="--kind", value="讲座", choices="study | topic")
    set_language(language)
    try:
        assert describe(error) == expected
    finally:
        set_language("en")
