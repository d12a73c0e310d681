"""A table at whatever width there is: tokens never broken, blocks when a table cannot fit.

An id, a date, a number, a percentage or a name is a token: it is never split across lines
(``2023-0``/``1-12``, ``张建``/``国``). Text (a title, a reason) wraps at spaces, and Chinese
text anywhere, within the width left once the tokens have theirs. When even that does not fit,
each row becomes a block of ``label  value`` lines, one field a line, as ``psql \\x`` does.

The width is the terminal's; ``COLUMNS`` when set (on a terminal or piped); 240 when piped
without it, so a file or a test reads whole rows.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

#: What a piped table is laid out in when ``COLUMNS`` does not say.
PIPED_WIDTH = 240
#: Never narrower than this, whatever ``COLUMNS`` says.
LEAST_WIDTH = 20
#: A token: an id (#12), a number, a date, a time, a percentage, a hash.
_TOKEN = re.compile(r"^[#+\-]?[0-9][0-9A-Za-z\-:/.,%]*$")
#: Text without spaces this short is a token too (a name, a role, yes / no).
SHORT = 12
#: A column of text is never made narrower than this (Chinese text folds anywhere).
TEXT_LEAST = 10
#: A single word in text longer than this may be folded after all (a path, a URL).
LONGEST_WORD = 20
#: A Chinese heading folds, but keeps this much of a line (6 characters, a short word whole).
HEADING_LEAST = 12

_paged_width: int | None = None


def output_width() -> int:
    """The width to lay out in: ``COLUMNS``, else the terminal's (also when the output is
    held for the pager), else :data:`PIPED_WIDTH`."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), LEAST_WIDTH)
    if _paged_width is not None:
        return _paged_width
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, LEAST_WIDTH)
    return PIPED_WIDTH


def on_terminal() -> bool:
    """Whether what is printed reaches a terminal (directly, or through the pager)."""
    return _paged_width is not None or sys.stdout.isatty()


@contextmanager
def laid_out_for(width: int) -> Iterator[None]:
    """Lay out for a terminal ``width`` wide while the output is held (for the pager)."""
    global _paged_width
    before, _paged_width = _paged_width, width
    try:
        yield
    finally:
        _paged_width = before


def cell_width(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def is_token(text: str) -> bool:
    """Never to be split: a number, date, id or percentage, or a short word (a name)."""
    stripped = text.strip()
    if not stripped or any(char.isspace() for char in stripped):
        return False
    return bool(_TOKEN.match(stripped)) or cell_width(stripped) <= SHORT


def _heading_least(label: str) -> int:
    """The narrowest a heading may go: its longest English word whole, Chinese folded."""
    least = 1
    for word in label.split():
        width = cell_width(word)
        least = max(least, width if word.isascii() else min(width, HEADING_LEAST))
    return least


@dataclass(frozen=True)
class Column:
    label: str
    token: bool  # every cell a token: the column is never narrower than its widest cell
    least: int
    natural: int


def measure(labels: list[str], cells: list[list[str]]) -> list[Column]:
    columns = []
    for index, label in enumerate(labels):
        values = [row[index] for row in cells if row[index].strip()]
        widest = max((cell_width(value) for value in values), default=0)
        heading = _heading_least(label)
        natural = max(widest, cell_width(label))
        token = all(is_token(value) for value in values)
        if token:
            least = max(widest, heading)
        else:
            words = [w for value in values for w in value.split() if w.isascii()]
            word = min(max((cell_width(w) for w in words), default=0), LONGEST_WORD)
            least = max(heading, word, min(widest, TEXT_LEAST))
        columns.append(Column(label, token, least, max(natural, least)))
    return columns


def table_overhead(count: int) -> int:
    """What rich's SIMPLE_HEAD box takes beyond the cells: a space each side of every cell,
    a divider between cells, an edge each side."""
    return 3 * count + 1


def fit(columns: list[Column], width: int) -> list[int] | None:
    """Each column's width in a table ``width`` wide, or None when the tokens cannot fit."""
    room = width - table_overhead(len(columns))
    least = sum(column.least for column in columns)
    if least > room:
        return None
    widths = [column.least for column in columns]
    short = [column.natural - column.least for column in columns]
    spare = room - least
    if sum(short) <= spare:
        return [column.natural for column in columns]
    total = sum(short)
    return [w + (gap * spare) // total for w, gap in zip(widths, short, strict=True)]


def print_table(labels: list[str], cells: list[list[str]], *, title: str | None) -> None:
    """A table as wide as there is room for, or blocks when there is not."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    width = output_width()
    console = _console(width)
    columns = measure(labels, cells)
    widths = fit(columns, width)
    if widths is None:
        print_blocks(labels, cells, title=title, width=width)
        return
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for column, column_width in zip(columns, widths, strict=True):
        table.add_column(
            Text(column.label, no_wrap=False, overflow="fold"),  # a heading folds, never cut
            width=column_width,
            no_wrap=column.token,
            overflow="ellipsis" if column.token else "fold",
        )
    for row in cells:
        table.add_row(
            *(
                Text(cell, no_wrap=column.token, overflow="ellipsis" if column.token else "fold")
                for cell, column in zip(row, columns, strict=True)
            )
        )
    console.print(table)


def print_blocks(
    labels: list[str], cells: list[list[str]], *, title: str | None, width: int
) -> None:
    """Each row a block, one ``label  value`` line a field (empty fields left out), a blank
    line between blocks; a label wraps at its spaces, a value as in a table."""
    from rich.table import Table
    from rich.text import Text

    console = _console(width)
    if title:
        console.print(Text(title))
    label_width = min(max(cell_width(label) for label in labels), max(width // 2 - 2, 8))
    for number, row in enumerate(cells):
        if number or title:
            console.print()
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=label_width, overflow="fold")
        grid.add_column(max_width=max(width - label_width - 2, 8), overflow="fold")
        for label, value in zip(labels, row, strict=True):
            if value.strip():
                grid.add_row(Text(label, overflow="fold"), Text(value, overflow="fold"))
        console.print(grid)


def _console(width: int) -> Console:
    from rich.console import Console

    return Console(width=width, highlight=False, markup=False, emoji=False)
