"""The ledger's categories on the command line: parsing ``--category``, showing a category in
the output language, and ``rectify list --by category``."""

from __future__ import annotations

from typing import Any

from studylog.cli.calendar_figures import own_categories
from studylog.cli.render import OutputFormat, emit_json, emit_line, emit_rows
from studylog.errors import BadValue
from studylog.text.categories import category_label, category_order, parse_category
from studylog.text.messages import current_language, t

BY_CATEGORY = ("category", "类别", "问题类别", "分类")


def category_value(text: str | None) -> str | None:
    """``--category``: the stored value of a category of the vocabulary (the shipped ones and
    the settings' own); ``''`` stays ``''`` (clears it in ``rectify edit``)."""
    return None if text is None else parse_category(text, own_categories())


def check_by(by: str | None) -> bool:
    if by is None:
        return False
    if by.strip().lower() not in BY_CATEGORY:
        raise BadValue("bad_ledger_by", value=by)
    return True


def label(value: str | None) -> str:
    return category_label(value, current_language(), own_categories())


def labelled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose category reads in the output language."""
    return [row | {"category": label(row["category"])} for row in rows]


def emit_by_category(
    rows: list[dict[str, Any]], columns: list[tuple[str, str]], output: OutputFormat
) -> None:
    """The ledger category by category, in the vocabulary's order (none last): a count per
    category, then each category's entries (JSON: ``groups``, each with its entries)."""
    extra = own_categories()
    order: dict[str | None, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda row: category_order(row["category"], extra)):
        order.setdefault(row["category"] or None, []).append(row)
    if output == "json":
        emit_json(
            {
                "by": "category",
                "groups": [
                    {
                        "category": value,
                        "label": label(value) or t("category_none"),
                        "count": len(entries),
                        "entries": entries,
                    }
                    for value, entries in order.items()
                ],
            }
        )
        return
    if output == "csv":
        emit_rows(labelled([row for entries in order.values() for row in entries]), columns, output)
        return
    counts = [
        {"category": label(value) or t("category_none"), "count": len(entries)}
        for value, entries in order.items()
    ]
    emit_rows(counts, [("category", "col_category"), ("count", "col_count")], output)
    for value, entries in order.items():
        emit_line("")
        title = f"{label(value) or t('category_none')}（{len(entries)}）"
        emit_rows(
            labelled(entries), [c for c in columns if c[0] != "category"], output, title=title
        )
