"""The report's words from a template the office can edit (Jinja2), its figures from the records.

A template renders to lines: ``# `` the title (``|`` where it may break), ``## `` a heading,
``### `` a subheading, ``>> `` a line flush right (the sign-off); any other line is a paragraph.
The shipped templates (``templates/report.zh.j2``, ``report.en.j2``) leave out a clause whose
figure is zero or not recorded; ``studylog report template --out FILE`` writes one to start
from, and ``report --template FILE`` uses the edited copy.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from studylog.documents.layout import Document
from studylog.errors import StudylogError

NUMERALS = "零一二三四五六七八九十"


def default_template(language: str) -> str:
    """The shipped template for ``language`` (zh or en)."""
    name = f"report.{'zh' if language == 'zh' else 'en'}.j2"
    return resources.files("studylog.documents").joinpath("templates", name).read_text("utf-8")


def read_template(path: Path) -> str:
    """An edited template: UTF-8 (with or without a BOM) or GB18030 text."""
    try:
        data = path.expanduser().read_bytes()
    except FileNotFoundError:
        raise StudylogError("template_missing", path=str(path)) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StudylogError("template_not_text", path=str(path))


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: how 一是, （二） and the like count."""
    if number <= 10:
        return NUMERALS[number]
    tens, units = divmod(number, 10)
    return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[units] if units else "")


def render(source: str, context: dict[str, Any], *, name: str, language: str) -> Document:
    """Render the template ``source`` (called ``name`` in messages) into a document."""
    import jinja2

    environment = jinja2.Environment(
        autoescape=False,  # plain text for a Word file, not HTML
        undefined=jinja2.StrictUndefined,
        lstrip_blocks=True,  # a line of block tags alone leaves a blank line: blank lines do
        # not count, so a paragraph ending in {% endif %} keeps its line end
        keep_trailing_newline=True,
    )
    environment.filters["cn"] = chinese_numeral if language == "zh" else str
    environment.filters["plural"] = _plural
    try:
        template = environment.from_string(source)
        text = template.render(context)
    except jinja2.TemplateSyntaxError as error:
        raise StudylogError(
            "template_error", path=name, line=error.lineno, detail=error.message or ""
        ) from None
    except Exception as error:  # a name the template uses that the report does not have, …
        raise StudylogError(
            "template_error", path=name, line=_line_of(error, source), detail=str(error)
        ) from None
    return _document(text)


def _plural(count: int | float, noun: str) -> str:
    """``3 | plural("session")`` → 3 sessions; 1 session."""
    if count == 1:
        return f"{count} {noun}"
    if noun.endswith(("s", "sh", "ch")):
        return f"{count} {noun}es"
    return f"{count} {noun}s"


def _line_of(error: BaseException, source: str) -> int:
    """The template line a rendering error happened on (Jinja2 puts template lines in the
    traceback); 0 when not known."""
    traceback = error.__traceback__
    line = 0
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line if 0 < line <= source.count("\n") + 1 else 0


def _document(text: str) -> Document:
    document = Document("")
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and not document.title:
            parts = [part for part in line[2:].strip().split("|") if part.strip()]
            document.title = "".join(parts)
            document.title_parts = parts
        elif line.startswith("### "):
            document.heading(line[4:].strip(), level=2)
        elif line.startswith("## "):
            document.heading(line[3:].strip())
        elif line.startswith(">> "):
            document.paragraph(line[3:].strip(), right=True)
        else:
            document.paragraph(line)
    return document
