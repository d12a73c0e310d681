"""Two writers at once, or eight: every write lands, none is refused."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

Ok = Callable[..., str]

WRITER = textwrap.dedent(
    """
    import sys, time
    from typer.testing import CliRunner
    from studylog.cli import app

    number, start = int(sys.argv[1]), float(sys.argv[2])
    runner = CliRunner()
    while time.time() < start:  # every writer begins at the same moment
        time.sleep(0.001)
    for index in range(50):
        result = runner.invoke(app, ["member", "add", f"写入{number}-{index:02d}"])
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            sys.exit(1)
    """
)


def test_eight_processes_writing_fifty_records_each_all_land(ok: Ok, tmp_path: Path) -> None:
    ok("init", "--org", "某局党组理论学习中心组")
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    start = time.time() + 3  # time for all eight interpreters to start
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(number), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(8)
    ]
    failures = []
    for writer in writers:
        _, errors = writer.communicate(timeout=300)
        if writer.returncode != 0:
            failures.append(errors)
    assert not failures, failures
    names = {member["name"] for member in json.loads(ok("member", "list", "--format", "json"))}
    assert names == {f"写入{number}-{index:02d}" for number in range(8) for index in range(50)}
    # Eight writers, one chain: every write's entry in order, none forked or lost.
    assert ok("log", "--verify").startswith("Audit log intact: 401 entries")
