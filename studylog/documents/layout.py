"""Documents the office hands upward, and how each format lays them out.

A :class:`Document` is a title and a run of blocks (headings, paragraphs, tables), already in
the reader's language. It is written as plain text, markdown, or a Word file laid out the way
government offices lay out theirs (GB/T 9704 style): A4; margins 2.54 cm top and bottom,
3.17 cm left and right; the title in 方正小标宋简体 22 pt, centred; the body in 仿宋_GB2312
16 pt (三号) with fixed 28 pt line spacing and a two-character first-line indent; tables
with a header row repeated on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.run import Run

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_SIZE = 22
BODY_SIZE = 16  # 三号
TABLE_SIZE = 12  # 小四
LINE_SPACING = 28
PAGE_CM = (21.0, 29.7)  # A4
MARGINS_CM = {"top": 2.54, "bottom": 2.54, "left": 3.17, "right": 3.17}


@dataclass(frozen=True)
class Heading:
    text: str


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


@dataclass
class Document:
    title: str
    blocks: list[Heading | Paragraph | Table] = field(default_factory=list)

    def heading(self, text: str) -> None:
        self.blocks.append(Heading(text))

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
    ) -> None:
        self.blocks.append(Table(headers, rows, caption, tall_rows, new_page))


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
            lines += [f"## {block.text}", ""]
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


def write_docx(document: Document, path: Path) -> None:
    """The document as a Word file in the office layout."""
    from docx import Document as new_docx

    docx = new_docx()
    _page(docx)
    _body_style(docx)
    _page_numbers(docx)
    title = docx.add_paragraph()
    title.alignment = _centre()
    title.paragraph_format.first_line_indent = 0
    title.paragraph_format.keep_with_next = True
    _font(title.add_run(document.title), TITLE_FONT, TITLE_SIZE)
    for block in document.blocks:
        if isinstance(block, Heading):
            heading = docx.add_paragraph()
            heading.paragraph_format.keep_with_next = True  # never alone at a page's foot
            _font(heading.add_run(block.text), HEADING_FONT, BODY_SIZE)
        elif isinstance(block, Paragraph):
            paragraph = docx.add_paragraph(block.text)
            if not block.indent:
                paragraph.paragraph_format.first_line_indent = 0
            if block.right:
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            _table(docx, block)
    docx.save(str(path))


def _page_numbers(docx: DocxDocument) -> None:
    """「— 1 —」 centred at the foot of every page, as office documents number them."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = docx.sections[0].footer.paragraphs[0]
    footer.alignment = _centre()
    footer.paragraph_format.first_line_indent = 0
    _font(footer.add_run("— "), BODY_FONT, 14)
    run = footer.add_run()
    _font(run, BODY_FONT, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
        else:
            field = OxmlElement("w:instrText")
            field.set(qn("xml:space"), "preserve")
            field.text = text
        run._r.append(field)
    _font(footer.add_run(" —"), BODY_FONT, 14)


def _page(docx: DocxDocument) -> None:
    from docx.shared import Cm

    for section in docx.sections:
        section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
        section.top_margin = Cm(MARGINS_CM["top"])
        section.bottom_margin = Cm(MARGINS_CM["bottom"])
        section.left_margin = Cm(MARGINS_CM["left"])
        section.right_margin = Cm(MARGINS_CM["right"])


def _body_style(docx: DocxDocument) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    normal = docx.styles["Normal"]
    _font(normal, BODY_FONT, BODY_SIZE)
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    language = OxmlElement("w:lang")  # Chinese text is Chinese to Word's proofing and layout
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    layout = normal.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(LINE_SPACING)
    layout.first_line_indent = Pt(BODY_SIZE * 2)  # two characters
    layout.space_before = layout.space_after = Pt(0)


def _centre() -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return WD_ALIGN_PARAGRAPH.CENTER


def _font(target: Run | Any, name: str, size: float, *, bold: bool | None = None) -> None:
    """Set a run's or a style's font, the East Asian font included (Word keeps it apart)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = name
    target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold
    properties = target.element.get_or_add_rPr()
    properties.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _column_widths(block: Table) -> list[Any]:
    """Share the text width between the columns: each gets what its longest cell needs
    (a CJK character is two units), and when that is too much the widest give way first,
    so numbers, dates and names stay on one line and long titles wrap."""
    from docx.shared import Cm, Pt
    from wcwidth import wcswidth

    def width(text: str) -> int:
        return max(wcswidth(text), len(text))

    padding = 3  # the cell's margins, in the same half-em units
    columns = list(zip(*block.rows, strict=True)) or [() for _ in block.headers]
    natural = []
    for header, values in zip(block.headers, columns, strict=True):
        longest = max((width(str(value)) for value in values), default=0)
        if longest == 0:  # a column to be written in by hand: a signature needs room
            natural.append(max(width(header), 16) + padding)
        else:  # a long header may wrap, two characters a line at the least
            natural.append(max(longest, min(width(header), 4)) + padding)
    unit_cm = Pt(TABLE_SIZE / 2).cm
    available = (PAGE_CM[0] - MARGINS_CM["left"] - MARGINS_CM["right"]) / unit_cm
    cap = max(natural)
    while sum(min(width, cap) for width in natural) > available and cap > 4:
        cap -= 1  # the widest columns wrap first
    widths = [min(width, cap) for width in natural]
    scale = available / sum(widths)
    return [Cm(width * scale * unit_cm) for width in widths]


def _table(docx: DocxDocument, block: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    if block.caption:
        caption = docx.add_paragraph()
        caption.paragraph_format.first_line_indent = 0
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.page_break_before = block.new_page
        _font(caption.add_run(block.caption), HEADING_FONT, BODY_SIZE)
    table = docx.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = "Table Grid"
    table.autofit = False
    widths = _column_widths(block)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice and WPS follow
    for number, (row, values) in enumerate(
        zip(table.rows, [block.headers, *block.rows], strict=True)
    ):
        header = number == 0
        properties = row._tr.get_or_add_trPr()
        if header:
            repeat = OxmlElement("w:tblHeader")  # the header row again on every page
            repeat.set(qn("w:val"), "true")
            properties.append(repeat)
        keep = OxmlElement("w:cantSplit")  # a row stays on one page
        keep.set(qn("w:val"), "true")
        properties.append(keep)
        if block.tall_rows and not header:
            row.height = Cm(1.2)
        for cell, value, width in zip(row.cells, values, widths, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            layout = paragraph.paragraph_format
            layout.first_line_indent = 0
            layout.line_spacing = Pt(TABLE_SIZE * 1.5)
            paragraph.alignment = _centre() if header else None
            _font(paragraph.add_run(str(value)), BODY_FONT, TABLE_SIZE, bold=header)
    docx.add_paragraph()
