"""Start-up: ``studylog --help``, a TAB completion and a small ``stats``, on the demo database.

    python bench/startup.py [--repeat 15] [--out bench/STARTUP.md]

A completion answers while the secretary waits at the keyboard, so it is measured beside
``--help`` (the lightest thing studylog does): a member's name from a Chinese prefix, from
pinyin initials, and a session's date. Each figure is the median (and the minimum) of the
wall time and of the CPU time (user + system) of a whole process; on a shared machine the CPU
time is the steadier of the two. Nothing passes or fails: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
STUDYLOG = [sys.executable, "-m", "studylog"]


def once(args: list[str], env: dict[str, str]) -> tuple[float, float] | None:
    """Wall and CPU seconds of one run; None when it failed (a studylog without completion)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return wall, usage.ru_utime + usage.ru_stime


def completion(words: str) -> dict[str, str]:
    return {
        "_STUDYLOG_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--label", default="", help="what is measured, for the table's title")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="studylog-bench-"))
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(STUDYLOG_HOME=str(home), STUDYLOG_DB=str(home / "demo.db"), LANG="C.UTF-8")
    subprocess.run(
        [*STUDYLOG, "demo", "--out", str(home / "demo.db")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    cases = {
        "studylog --help": (["--help"], {}),
        "TAB: attend 2023-03-14 --leave 王": (
            [],
            completion("studylog attend 2023-03-14 --leave 王"),
        ),
        "TAB: attend 2023-03-14 --leave wzq": (
            [],
            completion("studylog attend 2023-03-14 --leave wzq"),
        ),
        "TAB: session show 2023-0": ([], completion("studylog session show 2023-0")),
        "stats --year 2023": (["stats", "--year", "2023"], {}),
    }
    figures: dict[str, list[tuple[float, float] | None]] = {name: [] for name in cases}
    for args, extra in cases.values():
        once([*STUDYLOG, *args], {**env, **extra})  # warm-up: bytecode, page cache
    for _ in range(options.repeat):
        for name, (args, extra) in cases.items():
            figures[name].append(once([*STUDYLOG, *args], {**env, **extra}))
    lines = [
        f"{options.label}{': ' if options.label else ''}{datetime.now():%Y-%m-%d %H:%M}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {options.repeat} runs each",
        "",
        "| what | wall median (min) | CPU median (min) |",
        "| --- | --- | --- |",
    ]
    for name, found in figures.items():
        runs = [run for run in found if run is not None]
        if not runs:
            lines.append(f"| {name} | — (failed) | — |")
            continue
        walls, cpus = [run[0] for run in runs], [run[1] for run in runs]
        lines.append(
            f"| {name} | {statistics.median(walls) * 1000:.0f} ms ({min(walls) * 1000:.0f}) "
            f"| {statistics.median(cpus) * 1000:.0f} ms ({min(cpus) * 1000:.0f}) |"
        )
    print("\n".join(lines))
    if options.out:
        with options.out.open("a", encoding="utf-8") as out:  # one table per run, appended
            out.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
