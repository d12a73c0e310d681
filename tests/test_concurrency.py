"""Two writers at once, or eight: every write lands, none is refused."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

Ok = Callable[..., str]

WRITER = textwrap.dedent(
    """
    import sys
    from typer.testing import CliRunner
    from studylog.cli import app

    number = int(sys.argv[1])
    runner = CliRunner()
    print("ready", flush=True)
    sys.stdin.readline()  # every writer begins when the test says go, all at once
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
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(number)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(8)
    ]
    for writer in writers:  # all eight interpreters have started and imported studylog
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n", writer.communicate(timeout=60)
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
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
