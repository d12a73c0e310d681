"""A :class:`~studylog.documents.layout.Document` as a Word file on GB/T 9704-2012 pages.

The page rules of Chinese official documents (党政机关公文格式):

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 156 × 225 mm text block;
- 22 lines of 28 characters: body text 3号 (16 pt) 仿宋_GB2312 on a 28.95 pt line pitch;
- the title 2号 (22 pt) 方正小标宋简体, centred, broken between words, never inside one;
- first-level headings 黑体, second-level 楷体_GB2312, both 3号;
- page numbers 4号 (14 pt) as 「— 1 —」, odd pages on the right, even pages on the left;
- the East Asian font named on every run (Word keeps it apart from the Latin font).

Tables are sized by their content: a name, a date, a number or a percentage never breaks
across lines; a table too wide for a portrait page goes on a landscape section of its own,
in a smaller size, as offices print their registers; the header row repeats on every page.
The fonts are named, not embedded: an office PC has them, elsewhere a similar font stands in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studylog.documents.layout import Document, Heading, Paragraph, Table

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.section import Section

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}
NUMBER_FONT = "宋体"
TITLE_SIZE = 22  # 2号
BODY_SIZE = 16  # 3号
PAGE_NUMBER_SIZE = 14  # 4号
TABLE_SIZES = (12, 10.5, 9)  # 小四, 五号, 小五: the largest a table fits in
CELL_PADDING_MM = 4.0  # a cell's left and right margins (Word's default 1.9 mm each) and rule
NARROW_MARGIN_MM = 0.6  # a cell's margins in a table too wide for the default ones
NARROW_PADDING_MM = 2 * NARROW_MARGIN_MM + 0.2  # and its rule
LINE_PITCH = 28.95  # 225 mm / 22 lines, in points
CHARS_PER_LINE = 28
PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
TEXT_MM = (PAGE_MM[0] - 28.0 - 26.0, PAGE_MM[1] - 37.0 - 35.0)  # 156 × 225
#: Characters a title line holds (22 pt characters across the text block).
TITLE_CHARS = int(TEXT_MM[0] / (TITLE_SIZE * 25.4 / 72))

#: Cell text that must stay on one line: dates, numbers, percentages, ids, short words.
_ATOMIC = re.compile(r"[#—\-+]?[\d.,:/%年月日\-—]+%?|[^\s]{1,6}")


def write_docx(document: Document, path: Path) -> None:
    """Write ``document`` to ``path`` (a temporary: see :mod:`studylog.outputs`)."""
    from docx import Document as new_docx

    docx = new_docx()
    _properties(docx, document)
    _body_style(docx)
    section = docx.sections[0]
    # A document that opens with a wide table (the attendance notice) starts on a landscape
    # page, its title above the table, rather than a title alone on a portrait page.
    first = document.blocks[0] if document.blocks else None
    portrait = not (isinstance(first, Table) and _fit(first)[2])
    _page(section, landscape=not portrait)
    _page_numbers(docx, section)
    _title(docx, document, landscape=not portrait)
    previous: object = None
    for block in document.blocks:
        if isinstance(block, Heading):
            paragraph = docx.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True  # never alone at a page's foot
            _font(paragraph.add_run(block.text), HEADING_FONTS.get(block.level, BODY_FONT))
        elif isinstance(block, Paragraph):
            if not portrait:
                _new_section(docx, landscape=False)
                portrait = True
            paragraph = docx.add_paragraph()
            _font(paragraph.add_run(block.text), BODY_FONT)
            if not block.indent:
                paragraph.paragraph_format.first_line_indent = 0
            if block.right:
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                paragraph.paragraph_format.right_indent = _pt(BODY_SIZE * 4)  # 右空四字
                if isinstance(previous, Paragraph):  # the sign-off stays together
                    _keep_with_next(docx)
        else:
            size, widths, landscape, padding = _fit(block)
            if landscape and portrait:
                _new_section(docx, landscape=True)
                portrait = False
            elif not landscape and not portrait:
                _new_section(docx, landscape=False)
                portrait = True
            elif isinstance(previous, Table) and not block.caption:
                _spacer(docx)  # two tables side by side would merge into one
            _table(docx, block, size, widths, narrow=padding < CELL_PADDING_MM)
        previous = block
    _last_paragraph(docx)
    docx.save(str(path))


def _properties(docx: DocxDocument, document: Document) -> None:
    """Title, author and dates of this document, not of python-docx's template."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = docx.core_properties
    properties.title = document.title
    properties.author = document.author or ""
    properties.last_modified_by = document.author or ""
    properties.created = properties.modified = now
    properties.revision = 1
    properties.comments = ""
    properties.subject = document.subject or ""
    properties.keywords = document.keywords or ""


def _pt(points: float) -> Any:
    from docx.shared import Pt

    return Pt(points)


def _mm(millimetres: float) -> Any:
    from docx.shared import Mm

    return Mm(millimetres)


def _page(section: Section, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT

    width, height = PAGE_MM
    margins = MARGINS_MM
    if landscape:  # the page turned: the binding edge (left, 28 mm) goes to the top
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = _mm(height), _mm(width)
        section.top_margin, section.bottom_margin = _mm(margins["left"]), _mm(margins["right"])
        section.left_margin, section.right_margin = _mm(margins["top"]), _mm(margins["bottom"])
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = _mm(width), _mm(height)
        section.top_margin, section.bottom_margin = _mm(margins["top"]), _mm(margins["bottom"])
        section.left_margin, section.right_margin = _mm(margins["left"]), _mm(margins["right"])
    section.header_distance = _mm(15)
    section.footer_distance = _mm(21)  # the page number 7 mm below the text block
    _grid(section)


def _grid(section: Section) -> None:
    """Word's document grid: 22 lines a page (the line pitch), as the standard sets it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = section._sectPr
    for old in properties.findall(qn("w:docGrid")):
        properties.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH * 20)))
    properties.append(grid)


def _new_section(docx: DocxDocument, *, landscape: bool) -> None:
    from docx.enum.section import WD_SECTION

    section = docx.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=landscape)


def _body_style(docx: DocxDocument) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    normal = docx.styles["Normal"]
    _font(normal, BODY_FONT)
    language = OxmlElement("w:lang")  # Chinese text is Chinese to Word's proofing and layout
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    layout = normal.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = _pt(LINE_PITCH)
    layout.first_line_indent = _pt(BODY_SIZE * 2)  # two characters
    layout.space_before = layout.space_after = _pt(0)
    layout.widow_control = True


def _title(docx: DocxDocument, document: Document, *, landscape: bool = False) -> None:
    """The title, broken between the parts it is made of when it does not fit one line."""
    parts = list(document.title_parts or (document.title,))
    per_line = TITLE_CHARS if not landscape else int(TEXT_MM[1] / (TITLE_SIZE * 25.4 / 72))
    lines: list[str] = []
    for part in parts:
        if lines and _chars(lines[-1] + part) <= per_line:
            lines[-1] += part
        else:
            lines.append(part)
    title = docx.add_paragraph()
    title.alignment = _centre()
    layout = title.paragraph_format
    layout.first_line_indent = 0
    layout.keep_with_next = True
    layout.line_spacing = _pt(TITLE_SIZE * 1.5)
    _off_the_grid(title)
    for number, line in enumerate(lines):
        run = title.add_run(line)
        _font(run, TITLE_FONT, TITLE_SIZE)
        if number < len(lines) - 1:
            run.add_break()
    layout.space_after = _pt(LINE_PITCH)  # one empty line before the text, as the standard has


def _chars(text: str) -> float:
    """How many full-width characters ``text`` takes (a Latin letter or digit is half one)."""
    from wcwidth import wcswidth

    return max(wcswidth(text), len(text)) / 2


def _page_numbers(docx: DocxDocument, section: Section) -> None:
    """「— 1 —」 in 4号: odd pages on the right, even pages on the left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    docx.settings.odd_and_even_pages_header_footer = True
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        layout = paragraph.paragraph_format
        layout.first_line_indent = 0
        layout.left_indent = layout.right_indent = _pt(PAGE_NUMBER_SIZE)
        _font(paragraph.add_run("— "), NUMBER_FONT, PAGE_NUMBER_SIZE)
        _field(paragraph.add_run(), "PAGE")
        _font(paragraph.add_run(" —"), NUMBER_FONT, PAGE_NUMBER_SIZE)


def _field(run: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _font(run, NUMBER_FONT, PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _centre() -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return WD_ALIGN_PARAGRAPH.CENTER


def _font(target: Any, name: str, size: float = BODY_SIZE, *, bold: bool | None = None) -> None:
    """Set a run's or a style's font, the East Asian font included."""
    from docx.oxml.ns import qn

    target.font.name = name
    target.font.size = _pt(size)
    if bold is not None:
        target.font.bold = bold
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hAnsi"), name)


# -- tables ---------------------------------------------------------------------------------


def _units(text: str) -> float:
    """Width in half-em units: a CJK character is two; a Latin letter or digit a little over
    one (a stand-in font's Latin glyphs may be wider than half an em)."""
    from wcwidth import wcwidth

    return sum(2.0 if wcwidth(char) == 2 else 1.3 for char in text)


def _unbreakable(text: str) -> float:
    """The widest part of a cell that must not break: all of a short cell (a name, a date, a
    number, a percentage), else its longest such token."""
    if _units(text) <= 12 or _ATOMIC.fullmatch(text):
        return _units(text)
    return max((_units(token) for token in _ATOMIC.findall(text)), default=2.0)


def _fit(block: Table) -> tuple[float, list[float], bool, float]:
    """The font size, each column's width (mm), the page orientation for ``block`` and each
    cell's padding (mm).

    Each column gets what its longest cell needs, or at least its unbreakable part (and up to
    four characters of its header); the widest columns give way first. Portrait if that fits
    at 小四 or 五号, else landscape, else smaller, else with narrow cell margins.
    """
    cells = [list(map(str, row)) for row in block.rows]
    columns = list(zip(*cells, strict=True)) if cells else [() for _ in block.headers]
    natural, least = [], []
    for header, values in zip(block.headers, columns, strict=True):
        longest = max((_units(value) for value in values), default=0.0)
        if longest == 0:  # a column to be written in by hand: a signature needs room
            natural.append(max(_units(header), 14.0))
            least.append(natural[-1])
            continue
        floor = max([_unbreakable(value) for value in values] + [min(_units(header), 10.0)])
        natural.append(max(longest, min(_units(header), 10.0), floor))
        least.append(floor)
    sizes: list[tuple[bool, float]] = (
        [(False, 12), (False, 10.5), (True, 12), (True, 10.5), (True, 9)]
        if block.landscape is None
        else [(block.landscape, size) for size in TABLE_SIZES]
    )
    wide = [(True, size) for size in TABLE_SIZES[1:]] if block.landscape is not False else []
    tries = [(landscape, size, CELL_PADDING_MM) for landscape, size in sizes]
    tries += [(landscape, size, NARROW_PADDING_MM) for landscape, size in wide]
    for landscape, size, padding in tries:
        unit_mm = size / 2 * 25.4 / 72
        text_mm = TEXT_MM[1] if landscape else TEXT_MM[0]
        available = (text_mm - padding * len(natural)) / unit_mm
        if sum(least) > available:
            continue
        widths = _shrink(natural, least, available)
        scale = available / sum(widths)
        shown = [width * scale * unit_mm + padding for width in widths]
        return size, shown, landscape, padding
    size = TABLE_SIZES[-1]  # nothing fits: the smallest size, landscape, tokens may wrap
    unit_mm = size / 2 * 25.4 / 72
    padding = NARROW_PADDING_MM
    available = (TEXT_MM[1] - padding * len(natural)) / unit_mm
    scale = available / sum(least)
    return size, [width * scale * unit_mm + padding for width in least], True, padding


def _shrink(natural: list[float], least: list[float], available: float) -> list[float]:
    """Narrow the widest columns first, never below what they must keep on one line."""
    widths = list(natural)
    while sum(widths) > available:
        widest = max(
            (index for index in range(len(widths)) if widths[index] > least[index]),
            key=lambda index: widths[index],
            default=None,
        )
        if widest is None:
            break
        widths[widest] = max(least[widest], widths[widest] - 1)
    return widths


def _narrow_margins(table: Any) -> None:
    """Cell margins of NARROW_MARGIN_MM left and right (w:tblCellMar), for a wide table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(NARROW_MARGIN_MM * 1440 / 25.4)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))  # the schema's order: tblCellMar before tblLook
    if look is None:
        properties.append(margins)
    else:
        look.addprevious(margins)


def _table(
    docx: DocxDocument, block: Table, size: float, widths_mm: list[float], *, narrow: bool = False
) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if block.caption:
        caption = docx.add_paragraph()
        caption.paragraph_format.first_line_indent = 0
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.page_break_before = block.new_page
        _font(caption.add_run(block.caption), HEADING_FONTS[1])
    table = docx.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = "Table Grid"
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if narrow:
        _narrow_margins(table)
    widths = [_mm(width) for width in widths_mm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice and WPS follow
    last = len(block.rows)
    centred = [
        all(_units(str(row[index])) <= 12 for row in block.rows)
        for index in range(len(block.headers))
    ]
    for number, (row, values) in enumerate(
        zip(table.rows, [block.headers, *block.rows], strict=True)
    ):
        header = number == 0
        bold = header or (block.total_row and number == last)
        properties = row._tr.get_or_add_trPr()
        if header:
            repeat = OxmlElement("w:tblHeader")  # the header row again on every page
            repeat.set(qn("w:val"), "true")
            properties.append(repeat)
        keep = OxmlElement("w:cantSplit")  # a row stays on one page
        keep.set(qn("w:val"), "true")
        properties.append(keep)
        if block.tall_rows and not header:  # room to sign, and a sheet of 15 on one page
            row.height = _mm(max(8.0, min(12.0, 130.0 / max(1, last))))
        for index, (cell, value, width) in enumerate(zip(row.cells, values, widths, strict=True)):
            cell.width = width
            paragraph = cell.paragraphs[0]
            layout = paragraph.paragraph_format
            layout.first_line_indent = 0
            layout.line_spacing = _pt(size * 1.3)
            layout.widow_control = False
            _off_the_grid(paragraph)
            paragraph.alignment = _centre() if header or centred[index] else None
            _font(paragraph.add_run(str(value)), BODY_FONT, size, bold=bold)
            _vertical_centre(cell)


def _off_the_grid(paragraph: Any) -> None:
    """A paragraph that keeps its own line height: the 22-line grid is for body text, and a
    table row snapped to it would take a whole grid line per line of text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().append(snap)


def _vertical_centre(cell: Any) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _last_paragraph(docx: DocxDocument) -> None:
    """A Word file must end with a paragraph: after a page-filling table, an ordinary one
    would spill onto a blank page of its own, so it is made one point high."""
    body = docx.element.body
    last = body[-2] if len(body) > 1 else None  # body[-1] is the section properties
    if last is not None and last.tag.endswith("}tbl"):
        _spacer(docx)


def _keep_with_next(docx: DocxDocument) -> None:
    """The sign-off never stands on a page of its own: the paragraphs before the last one, back
    to the last paragraph of text (blank lines included), stay on the last one's page."""
    for paragraph in reversed(docx.paragraphs[:-1]):
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.text and paragraph.alignment is None:
            break


def _spacer(docx: DocxDocument) -> None:
    """A paragraph one point high: it separates without taking a line."""
    paragraph = docx.add_paragraph()
    layout = paragraph.paragraph_format
    layout.first_line_indent = 0
    layout.line_spacing = _pt(1)
    layout.space_before = layout.space_after = _pt(0)
    _off_the_grid(paragraph)
    _font(paragraph.add_run(""), BODY_FONT, 1)  # exact 1 pt spacing: the mark fits
