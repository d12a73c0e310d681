"""What ``log --verify`` costs: one group's ten years on the scale database, beside the
``sqlite3`` shell reading every row of the same tables (that group's rows), and the import
floor (``python -c 'import sqlalchemy, typer'``).

    python bench/make_data.py --groups 300 --years 10   # bench/data/scale.db, once
    python bench/verify.py [--repeat 7] [--org NAME]

Target: ≤ import floor + 3 × the shell. Prints the row and writes it into bench/RESULTS.md as
a section of its own (replaced on each run; run.py's table is left alone).
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCALE = HERE / "data" / "scale.db"
RESULTS = HERE / "RESULTS.md"
PYTHON = sys.executable
MARK = "## `log --verify` (bench/verify.py)"


def _timed(command: list[str], *, stdin: str | None = None, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, input=stdin, env=env, text=True, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def _shell_sql(org_id: int) -> str:
    """Every row of every recorded table that belongs to the group, as the shell prints it."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy.dialects import sqlite

    from studylog.store.digests import owned, recorded_tables

    statements = []
    for table in recorded_tables():
        query = owned(table, list(table.c), org_id)
        compiled = query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
        statements.append(f"{compiled};")
    return "\n".join(statements) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--org", help="the group to verify (default: the first)")
    options = parser.parse_args()
    if not SCALE.exists():
        raise SystemExit(f"{SCALE} is missing: run python bench/make_data.py first")
    with sqlite3.connect(SCALE) as connection:
        if options.org:
            (org_id,) = connection.execute(
                "SELECT id FROM orgs WHERE name = ?", (options.org,)
            ).fetchone()
            org = options.org
        else:
            org_id, org = connection.execute("SELECT id, name FROM orgs ORDER BY id").fetchone()
        rows = connection.execute(
            "SELECT count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id"
            " WHERE s.org_id = ?",
            (org_id,),
        ).fetchone()[0]
        groups = connection.execute("SELECT count(*) FROM orgs").fetchone()[0]
    env = dict(os.environ, PYTHONPATH=str(ROOT), STUDYLOG_DB=str(SCALE), STUDYLOG_ORG=org)
    sql = _shell_sql(org_id)
    runs: dict[str, list[float]] = {"verify": [], "shell": [], "floor": [], "check": []}
    verify = [PYTHON, "-m", "studylog", "log", "--verify"]
    _timed(verify, env=env)  # warm the page cache
    for _ in range(options.repeat):  # interleaved: both sides see the same machine
        runs["verify"].append(_timed(verify, env=env))
        runs["shell"].append(_timed(["sqlite3", str(SCALE)], stdin=sql, env=env))
        runs["floor"].append(_timed([PYTHON, "-c", "import sqlalchemy, typer"], env=env))
    for _ in range(max(1, options.repeat // 3)):
        runs["check"].append(_timed([PYTHON, "-m", "studylog", "db", "check"], env=env))
    median = {name: statistics.median(values) for name, values in runs.items()}
    allowed = median["floor"] + 3 * median["shell"]
    met = median["verify"] <= allowed
    spread = {name: f"{min(values):.0f}–{max(values):.0f}" for name, values in runs.items()}
    lines = [
        MARK,
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')}; medians of {options.repeat} interleaved runs "
        f"(min–max). One group of {groups} on the scale database: {rows:,} roll lines over ten "
        "years, with its members, sessions, make-ups and speeches.",
        "",
        "| what | ms |",
        "| --- | --- |",
        f"| `studylog log --verify` (the chain and every record) | {median['verify']:.0f} "
        f"({spread['verify']}) |",
        f"| `sqlite3` shell printing every row of the group's recorded tables | "
        f"{median['shell']:.0f} ({spread['shell']}) |",
        f"| import floor: `python -c 'import sqlalchemy, typer'` | {median['floor']:.0f} "
        f"({spread['floor']}) |",
        f"| target: floor + 3 × shell | {allowed:.0f} — {'met' if met else '**not met**'} |",
        f"| `studylog db check` (every group's chain and records: the whole database) | "
        f"{median['check']:.0f} ({spread['check']}) |",
        "",
    ]
    section = "\n".join(lines)
    print(section)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# studylog benchmarks\n"
    text = re.sub(re.escape(MARK) + r".*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n")
    RESULTS.write_text(text + "\n\n" + section, encoding="utf-8")


if __name__ == "__main__":
    main()
