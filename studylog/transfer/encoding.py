"""The encoding of a CSV file to import, settled over the whole file before it is read, so
reading it cannot fail half-way."""

from __future__ import annotations

import codecs
from pathlib import Path

from studylog.errors import StudylogError


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` when the file starts with a BOM; else ``utf-8`` when all of it decodes
    as UTF-8, else ``gb18030`` (which reads GBK and GB2312 too). The standard library's
    strict decoders settle it; no guessing detector is needed for these three.
    """
    with path.open("rb") as stream:
        bom = stream.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
    tried = ("utf-8-sig",) if bom else ("utf-8", "gb18030")
    bad = 0
    for encoding in tried:
        found = _first_bad_byte(path, encoding)
        if found is None:
            return encoding
        bad = max(bad, found)  # the encoding that reads furthest is the one meant
    with path.open("rb") as stream:
        line = stream.read(bad).count(b"\n") + 1
    names = "UTF-8" if bom else "UTF-8, GB18030"
    raise StudylogError("import_bad_encoding", path=str(path), line=line, encoding=names)


def _first_bad_byte(path: Path, encoding: str) -> int | None:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with path.open("rb") as stream:
        try:
            while chunk := stream.read(1 << 20):
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            return offset + max(error.start, 0)
    return None
