"""Documents the office hands upward, and how each format lays them out.

A :class:`Document` is a title and a run of blocks (headings, paragraphs, tables), already in
the reader's language. It is written as plain text, markdown, or a Word file on GB/T 9704-2012
pages (:mod:`studylog.documents.word`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from studylog.text.messages import t
from studylog.text.periods import Period


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: 一、 (黑体); 2: （一） (楷体)


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent: bool = True  # the two-character first-line indent of body text
    right: bool = False  # the sign-off (落款): organisation and date, flush right


@dataclass(frozen=True)
class Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    caption: str | None = None
    tall_rows: bool = False  # room to sign by hand
    new_page: bool = False  # an attachment starts on a page of its own
    total_row: bool = False  # the last row is a 合计 (set in bold)
    landscape: bool | None = None  # None: landscape only when portrait is too narrow


@dataclass
class Document:
    title: str
    blocks: list[Heading | Paragraph | Table] = field(default_factory=list)
    #: The title's parts, where a line may break when it is too long (never inside one).
    title_parts: Sequence[str] | None = None
    author: str | None = None  # the group: the file's author property
    subject: str | None = None
    keywords: str | None = None

    def heading(self, text: str, *, level: int = 1) -> None:
        self.blocks.append(Heading(text, level))

    def paragraph(self, text: str, *, indent: bool = True, right: bool = False) -> None:
        self.blocks.append(Paragraph(text, indent and not right, right))

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        caption: str | None = None,
        tall_rows: bool = False,
        new_page: bool = False,
        total_row: bool = False,
        landscape: bool | None = None,
    ) -> None:
        self.blocks.append(Table(headers, rows, caption, tall_rows, new_page, total_row, landscape))


def as_text(document: Document) -> str:
    """Plain text: what a terminal shows and a text editor opens."""
    from tabulate import tabulate

    from studylog.text.messages import current_language

    lines = [document.title, ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [block.text, ""]
        elif isinstance(block, Paragraph):
            indent = "　　" if block.indent and current_language() == "zh" else ""
            lines += [indent + block.text, ""]
        else:
            if block.caption:
                lines.append(block.caption)
            lines += [tabulate(block.rows, headers=block.headers, disable_numparse=True), ""]
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(document: Document) -> str:
    from tabulate import tabulate

    lines = [f"# {document.title}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            lines += [block.text, ""]
        else:
            if block.caption:
                lines += [f"**{block.caption}**", ""]
            table = tabulate(
                block.rows, headers=block.headers, tablefmt="github", disable_numparse=True
            )
            lines += [table, ""]
    return "\n".join(lines).rstrip() + "\n"


def titled(key: str, period: Period, **params: object) -> str:
    """A title naming the year (``{year}``), or any other period by its name (``KEY_period``,
    ``{period}``: 「2026年上半年」, 「2026年1—9月」)."""
    if period.year is not None:
        return t(key, year=period.year, **params)
    return t(f"{key}_period", period=period.name(), **params)
