"""A text the secretary hands over in a file (a make-up's 体会): UTF-8, with or without a BOM,
or GB18030, as Windows editors in China save it."""

from __future__ import annotations

from pathlib import Path

from studylog.errors import StudylogError


def read_text_file(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding).replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
    raise StudylogError("text_file_encoding", path=str(path))
