"""The suite's clock: ``STUDYLOG_TEST_TODAY`` really sets it, for studylog too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from tests.conftest import TODAY, Run


def test_studylog_test_today_sets_the_clock_studylog_reads(
    ok: Callable[..., str], run: Run
) -> None:
    if not TODAY:
        return  # the machine's own clock: nothing to compare with
    asked = dt.datetime.fromisoformat(TODAY).date()
    # The clock ticks on from the moment asked for: a second later may be the next day.
    assert dt.date.today() in (asked, asked + dt.timedelta(days=1))
    ok("init", "--org", "时钟局")
    checked = json.loads(run("check", "--year", "2024", "--format", "json").stdout)
    assert dt.date.fromisoformat(checked["as_of"]) in (asked, asked + dt.timedelta(days=1))
