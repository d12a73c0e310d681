"""PDF where the machine can make one: a Word file converted by LibreOffice (``soffice``).

studylog lays its documents out as Word files; LibreOffice, when installed, turns them into
PDF exactly as it would print them. Without it, one line says how to install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from studylog.errors import StudylogError

#: Where to look for LibreOffice besides PATH (the usual install places).
CANDIDATES = (
    "soffice",
    "libreoffice",
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
TIMEOUT = 300  # seconds for one conversion


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    chosen = os.environ.get("STUDYLOG_SOFFICE")
    for candidate in (chosen, *CANDIDATES) if chosen else CANDIDATES:
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    return None


def write_pdf(write: Callable[[Path], None], target: Path, *, suffix: str = ".docx") -> None:
    """Make the document with ``write`` (a Word or Excel file) and write it as PDF to
    ``target``."""
    with tempfile.TemporaryDirectory(prefix="studylog-pdf-") as scratch:
        source = Path(scratch, "document" + suffix)
        write(source)
        (made,) = convert_to_pdf([source], Path(scratch))
        shutil.copyfile(made, target)


def convert_to_pdf(sources: list[Path], folder: Path) -> list[Path]:
    """Convert Word or Excel files to PDF files of the same names in ``folder``, in one run of
    LibreOffice; the PDFs in the order of ``sources``."""
    program = soffice()
    if program is None:
        raise StudylogError("pdf_needs_libreoffice")
    with tempfile.TemporaryDirectory(prefix="studylog-lo-") as profile:
        try:
            subprocess.run(
                [
                    program,
                    # never the user's own LibreOffice profile, nor a running instance of it
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    *map(str, sources),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT * max(1, len(sources) // 4),
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            raise StudylogError("pdf_failed", path=sources[0].name) from None
    made = [folder / source.with_suffix(".pdf").name for source in sources]
    for pdf, source in zip(made, sources, strict=True):
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise StudylogError("pdf_failed", path=source.name)
    return made
