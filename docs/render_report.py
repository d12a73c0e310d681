"""Render the sample year's report as a person sees it, for the README: the demo database,
the Chinese report as a Word file, LibreOffice → PDF, poppler's pdftoppm → PNG pages.

    python docs/render_report.py            # writes docs/report-page-1.png … (committed)

Needs studylog installed, LibreOffice (soffice) and poppler-utils (pdftoppm). Not run by the
tests: it only makes the pictures the README shows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        env = {**os.environ, "STUDYLOG_HOME": str(work), "STUDYLOG_LANG": "zh"}
        env.pop("STUDYLOG_DB", None)

        def studylog(*args: str) -> None:
            command = [sys.executable, "-m", "studylog", *args]
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)

        demo = work / "demo.db"
        studylog("demo", "--out", str(demo))
        report = work / "report.pdf"
        studylog("--db", str(demo), "report", "--year", "2023", "--as-of", "2024-01-10",
                 "--out", str(report))  # fmt: skip
        for old in HERE.glob("report-page-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(report), str(HERE / "report-page")], check=True
        )
    for made in sorted(HERE.glob("report-page-*.png")):
        print(made.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
