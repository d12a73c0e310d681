"""Export and import at their edges (survivors of bench/mutation.py): a yes/no column in a CSV
export, a whole number stored as 301.0 read back as the digits typed, a source date without
a first agenda item refused by import as by the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Database
from tests.test_mutants_expected import edges
from tests.test_refusals import Fails, fails, write_csv

__all__ = ["edges", "fails"]  # the fixtures, used by name

Ok = Callable[..., str]


def test_a_csv_export_writes_yes_and_no_for_a_discussion(
    edges: Database, ok: Ok, tmp_path: Path
) -> None:
    ok("session", "add", "--date", "2024-06-03", "--title", "研讨", "--discussion")
    for lang, yes, no in (("en", "yes", "no"), ("zh", "是", "否")):
        out = tmp_path / lang
        ok("--lang", lang, "export", "--year", "2024", "--format", "csv", "--out", str(out))
        with (out / "sessions.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert [row[4] for row in rows[1:]] == [no, no, no, no, yes]
        assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]


def test_a_whole_number_in_a_workbook_reads_as_its_digits(
    edges: Database, ok: Ok, tmp_path: Path
) -> None:
    """A spreadsheet that stored room 301 as the number 301.0: the location is "301"."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "sessions"
    sheet.append(["date", "title", "location"])
    sheet.append(["2024-06-03", "学习", 301.0])
    sheet.append(["2024-06-04", dt.datetime(2024, 6, 4), None])  # a title the sheet took for a date
    book.save(tmp_path / "saved.xlsx")
    # openpyxl writes 301; another program may write the number as 301.0 (read as a float)
    with (
        zipfile.ZipFile(tmp_path / "saved.xlsx") as saved,
        zipfile.ZipFile(tmp_path / "year.xlsx", "w") as year,
    ):
        for item in saved.infolist():
            data = saved.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert data.count(b"<v>301</v>") == 1
                data = data.replace(b"<v>301</v>", b"<v>301.0</v>")
            year.writestr(item, data)
    ok("import", str(tmp_path / "year.xlsx"))
    listed = json.loads(ok("session", "list", "--year", "2024", "--format", "json"))
    assert [(row["title"], row["location"]) for row in listed if row["date"] >= "2024-06"] == [
        ("学习", "301"),
        ("2024-06-04", None),
    ]


def test_an_imported_source_date_needs_a_first_agenda_item(
    edges: Database, fails: Fails, tmp_path: Path
) -> None:
    folder = tmp_path / "sessions"
    write_csv(
        folder, "sessions", ["date", "title", "source_date"], ["2024-06-05", "无", "2024-06-01"]
    )
    line = fails("import", str(folder))
    assert line.endswith("row 2, column C (source_date): --source-date needs --first-agenda")


def test_tags_listed_in_a_json_file_are_read_one_by_one(
    edges: Database, ok: Ok, tmp_path: Path
) -> None:
    path = tmp_path / "year.json"
    sessions = [{"date": "2024-06-03", "title": "学习", "tags": ["理论", "党史"]}]
    path.write_text(json.dumps({"sessions": sessions}, ensure_ascii=False), encoding="utf-8")
    ok("import", str(path))
    listed = json.loads(ok("session", "list", "--year", "2024", "--format", "json"))
    assert [sorted(row["tags"]) for row in listed if row["date"] == "2024-06-03"] == [
        sorted(["理论", "党史"])
    ]


def test_a_bad_byte_past_the_first_megabyte_is_placed_on_its_line(
    edges: Database, fails: Fails, tmp_path: Path
) -> None:
    """The file is read a mebibyte at a time: the line counts every chunk before the bad one.
    A header, 70,000 rows of 17 bytes (1.19 MB), then a row with the byte 0xFF: line 70,002."""
    path = tmp_path / "sessions.csv"
    path.write_bytes(b"date,title\n" + b"2024-01-01,study\n" * 70_000 + b"2024-01-02,\xff\n")
    line = fails("import", str(path))
    assert line.endswith(
        "sessions.csv, line 70002: not UTF-8, GB18030 text (save it as UTF-8 or GB18030)"
    )
