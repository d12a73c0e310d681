"""Printing results: table (rich), markdown (tabulate), csv, json.

Renderers take plain rows (dicts of raw values) and a list of columns; values are shown
for people in table, markdown and csv (labels, percentages, yes/no) and kept raw in json
(CLI values, ISO dates, rates from 0 to 1).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import typer

from studylog.text.cells import guarded
from studylog.text.messages import t
from studylog.text.values import raw, shown

OutputFormat = Literal["table", "json", "csv", "markdown"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("table", "json", "csv", "markdown")
Columns = Sequence[tuple[str, str]]  # (row key, label message key)


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(raw(data), ensure_ascii=False, indent=2))


def emit_json_list(items: Iterable[Any]) -> None:
    """A JSON array written item by item; the same text ``emit_json`` gives for a list."""
    out = sys.stdout
    first = True
    for item in items:
        body = json.dumps(raw(item), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + body)
        first = False
    out.write("[]\n" if first else "\n]\n")
    out.flush()


def emit_rows(
    rows: Iterable[dict[str, Any]],
    columns: Columns,
    fmt: OutputFormat,
    *,
    title: str | None = None,
    labels: Sequence[str] | None = None,
) -> None:
    """Print rows in ``fmt``; json prints the rows as a list of objects keyed like the rows.

    ``labels``: the headers already written (columns named at run time), instead of each
    column's label message.

    csv and json are written row by row, so a long listing is never held whole in memory;
    a table has to see every row to size its columns.
    """
    if fmt == "json":
        emit_json_list({key: row.get(key) for key, _ in columns} for row in rows)
        return
    labels = list(labels) if labels is not None else [t(key) for _, key in columns]
    if fmt == "csv":  # read by a spreadsheet: no cell may run as a formula
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(labels)
        for row in rows:
            writer.writerow([_csv_cell(row.get(key)) for key, _ in columns])
        return
    lines = ([shown(row.get(key)) for key, _ in columns] for row in rows)
    cells = list(lines)
    if fmt == "markdown":
        from tabulate import tabulate

        if title:
            typer.echo(f"**{title}**\n")
        typer.echo(tabulate(cells, headers=labels, tablefmt="github", disable_numparse=True))
    else:
        _rich_table(labels, cells, title=title)


def _csv_cell(value: Any) -> str:
    """As export writes a CSV cell: a number as its digits, any text guarded."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return guarded(shown(value))


def _rich_table(labels: list[str], cells: list[list[str]], *, title: str | None) -> None:
    from studylog.cli.display import print_table

    print_table(labels, cells, title=title)


def emit_line(text: str) -> None:
    typer.echo(text)


def emit_note(text: str) -> None:
    typer.echo(text, err=True)
