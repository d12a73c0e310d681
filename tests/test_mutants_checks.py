"""The year-end check's rules on the hand-counted year of tests/test_rules_by_hand.py, where
bench/mutation.py found a change no test noticed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Backend, Database, Run, recording
from tests.test_rules_by_hand import S2, S3, YEAR, check

Ok = Callable[..., str]


@pytest.fixture
def year(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("hand-counted-2024", recording(YEAR)))
    return database


def test_late_makeups_are_listed_by_session_date_not_by_member(
    year: Database, run: Run, ok: Ok
) -> None:
    """甲 (the first member added) misses a July session: listed after 乙's and 丙's misses
    of February and April, which are earlier."""
    ok("session", "add", "--date", "2024-07-01", "--title", "集中学习五")
    ok("attend", "2024-07-01", "--absent", "甲")
    rule = check(run, "2025-01-10")[1]["makeups_on_time"]
    assert [(o["member"], o["date"]) for o in rule["offenders"]] == [
        ("乙", S2),
        ("丙", S3),
        ("甲", "2024-07-01"),
    ]
