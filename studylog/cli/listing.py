"""Where a listing goes: printed, or written to a file (``--out FILE``), in the encoding chosen.

A CSV file is UTF-8 with a BOM unless ``--encoding`` says otherwise (so Excel and WPS show
Chinese right), as ``export`` writes it; what is printed, and a file of another format, is
plain UTF-8 unless ``--encoding`` says otherwise. A file is written through
:mod:`studylog.outputs`: whole or not at all, an existing one replaced only with ``--force``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import Annotated

import typer

from studylog.errors import BadValue
from studylog.text.messages import t

# Text, not a Path: the file is checked and written through studylog.outputs.
OutOption = Annotated[
    str | None,
    typer.Option(
        "--out",
        "-o",
        metavar="FILE",
        help="Write the listing to FILE instead of printing it (--force replaces it).",
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="ENCODING",
        help="utf-8-sig (default for a CSV file: Excel and WPS show Chinese right) | gb18030 | "
        "utf-8 (default for what is printed).",
        show_default=False,
    ),
]

#: How offices spell the encodings: GBK (or GB2312) is read as GB18030, its superset.
SPELLINGS = {"gbk": "gb18030", "gb2312": "gb18030", "utf8": "utf-8", "utf-8-bom": "utf-8-sig"}


def csv_encoding(text: str | None, *, default: str) -> str:
    """The encoding ``--encoding`` names (an office's spelling allowed), else ``default``."""
    if text is None:
        return default
    from studylog.transfer.columns import CSV_ENCODINGS

    wanted = text.strip().lower().replace("_", "-")
    wanted = SPELLINGS.get(wanted, wanted)
    if wanted not in CSV_ENCODINGS:
        raise BadValue(
            "bad_choice", what="--encoding", value=text, choices=" | ".join(CSV_ENCODINGS)
        )
    return wanted


@contextmanager
def listing(
    out: str | Path | None, *, fmt: str, encoding: str | None, force: bool
) -> Iterator[None]:
    """What the block prints goes to ``out`` (or to standard output) in the chosen encoding."""
    from studylog.outputs import checked_target, written_file

    to_file = out is not None and fmt == "csv"
    chosen = csv_encoding(encoding, default="utf-8-sig" if to_file else "utf-8")
    if out is None:
        from studylog.cli.common import settings
        from studylog.cli.pager import paged

        with paged(settings.pager, encoding=chosen) as held:
            if held or chosen == "utf-8":
                yield
                return
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding=chosen, newline="")
        try:
            with redirect_stdout(stream):
                yield
        finally:
            stream.flush()
            stream.detach()  # standard output stays open
        return
    target = Path(out)
    checked_target(target, force=force)
    with (
        written_file(target, force=force) as temporary,
        open(temporary, "w", encoding=chosen, newline="") as file,
        redirect_stdout(file),
    ):
        yield
    typer.echo(t("listing_written", path=target), err=True)  # stdout stays the listing's
