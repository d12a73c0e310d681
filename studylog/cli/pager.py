"""Long listings through a pager on a terminal, as git does.

On a terminal a listing longer than the screen goes through ``$STUDYLOG_PAGER``, else
``$PAGER``, else ``less -FRX`` (``LESS=FRX`` unless set: quit when it fits, keep colours, leave
the screen as it was). Never when the output is piped or written to a file; never with
``--no-pager`` or a pager set to ``''`` or ``cat``.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout

from studylog.cli.display import laid_out_for

DEFAULT_PAGER = "less -FRX"


def pager_command() -> str | None:
    """The pager to run, or None for none: STUDYLOG_PAGER, then PAGER, then less."""
    for variable in ("STUDYLOG_PAGER", "PAGER"):
        value = os.environ.get(variable)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return DEFAULT_PAGER


def wanted(choice: bool | None) -> str | None:
    """The pager to page through (``choice``: ``--pager`` True, ``--no-pager`` False, else
    None), or None: piped output and ``--no-pager`` are never paged."""
    if choice is False or not sys.stdout.isatty():
        return None
    command = pager_command()
    if command is None:
        return None
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) else None


@contextmanager
def paged(choice: bool | None, *, encoding: str = "utf-8") -> Iterator[bool]:
    """What the block prints, through the pager when it is wanted and longer than the screen;
    yields whether the output is held for the pager."""
    command = wanted(choice)
    if command is None:
        yield False
        return
    size = shutil.get_terminal_size()
    held = io.StringIO()
    with laid_out_for(size.columns), redirect_stdout(held):
        yield True
    text = held.getvalue()
    if text.count("\n") < size.lines - 1:  # fits the screen: no pager needed
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    show(command, text, encoding=encoding)


def show(command: str, text: str, *, encoding: str) -> None:
    """Run the pager on ``text``; Ctrl-C is the pager's while it runs (git does the same)."""
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")
    environment.setdefault("LV", "-c")
    sys.stdout.flush()
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environment)
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode(encoding, errors="replace"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit before the end (q in less)
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, interrupt)
