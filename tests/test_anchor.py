"""What is handed upward names the exact state it was made from: the head of the group's
audit log, in stats, check and report (a footer line, a JSON key, a Word property; never in
CSV), so that ``log --verify --expect HASH`` can later prove the records are still that state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import Database
from tests.test_integrity import demo  # noqa: F401  (the fixture)

Ok = Any
Run = Any


def _head(database: Database) -> str:
    with database.connect() as connection:
        head = connection.execute(text("SELECT log_head FROM orgs")).scalar_one()
    assert head
    return str(head)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_stats_names_the_head_in_a_last_line(demo: Database, ok: Ok, fmt: str) -> None:  # noqa: F811
    out = ok("stats", "--year", "2023", "--format", fmt)
    assert out.rstrip().splitlines()[-1] == f"Audit log head: {_head(demo)}"


def test_stats_json_carries_the_head_and_csv_does_not(demo: Database, ok: Ok) -> None:  # noqa: F811
    head = _head(demo)
    assert json.loads(ok("stats", "--year", "2023", "--format", "json"))["log_head"] == head
    by_month = json.loads(ok("stats", "--year", "2023", "--by", "month", "--format", "json"))
    assert by_month["log_head"] == head
    assert head not in ok("stats", "--year", "2023", "--format", "csv")
    assert head not in ok("stats", "--year", "2023", "--by", "member", "--format", "csv")


def test_check_names_the_head(demo: Database, run: Run) -> None:  # noqa: F811
    head = _head(demo)
    table = run("check", "--year", "2023", "--as-of", "2024-01-10")
    assert table.stdout.rstrip().splitlines()[-1] == f"Audit log head: {head}"
    found = json.loads(run("check", "--year", "2023", "--as-of", "2024-01-10", "-f", "json").stdout)
    assert found["log_head"] == head
    zh = run("--lang", "zh", "check", "--year", "2023", "--as-of", "2024-01-10")
    assert zh.stdout.rstrip().splitlines()[-1] == f"审计日志最新哈希：{head}"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_report_ends_with_the_head(demo: Database, ok: Ok, fmt: str) -> None:  # noqa: F811
    out = ok("report", "--year", "2023", "--as-of", "2024-01-10", "--format", fmt)
    lines = out.rstrip().splitlines()
    assert lines[-1] == f"Audit log head: {_head(demo)}"
    assert lines[-2] == ""  # after the attachments, apart from them


def test_the_word_report_carries_the_head_as_a_property_not_page_text(
    demo: Database,  # noqa: F811
    ok: Ok,
    tmp_path: Path,
) -> None:
    from docx import Document

    out = tmp_path / "report.docx"
    ok("report", "--year", "2023", "--as-of", "2024-01-10", "--out", str(out))
    document = Document(str(out))
    head = _head(demo)
    assert head in document.core_properties.keywords
    assert all(head not in paragraph.text for paragraph in document.paragraphs)
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert all(head not in cell for cell in cells)


def test_the_head_moves_with_a_write(demo: Database, ok: Ok) -> None:  # noqa: F811
    before = _head(demo)
    ok("speech", "add", "2023-12-28", "赵丽", "--kind", "exchange")
    after = json.loads(ok("stats", "--year", "2023", "--format", "json"))["log_head"]
    assert after != before and after == _head(demo)
