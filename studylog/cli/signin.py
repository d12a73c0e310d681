"""``studylog signin``: members sign into a session from their phones (扫码签到)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from datetime import time
from typing import TYPE_CHECKING, Annotated, Any

import typer

from studylog.cli.common import RefArgument, settings, today
from studylog.cli.render import emit_line
from studylog.errors import BadValue
from studylog.text.messages import join_list, t

if TYPE_CHECKING:
    from studylog.web.desk import SignInDesk

HostOption = Annotated[
    str,
    typer.Option(
        "--host",
        metavar="ADDR",
        help="Address to listen on: 127.0.0.1 (this computer only, the default) or 0.0.0.0 "
        "(phones on the same Wi-Fi).",
    ),
]
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：.点]\s*(\d{2})\s*分?\s*$")


def signin(
    ref: RefArgument,
    host: HostOption = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", metavar="N", help="Port to listen on (0: any free one).")
    ] = 8000,
    late_after: Annotated[
        str | None,
        typer.Option(
            "--late-after",
            metavar="HH:MM",
            help="Sign-ins after this time of day on the session's day are marked late (迟到).",
        ),
    ] = None,
    attempts: Annotated[
        int,
        typer.Option(
            "--attempts",
            metavar="N",
            help="Sign-in attempts one phone (client address) may make in a minute.",
        ),
    ] = 20,
) -> None:
    """Open a sign-in for a session: members sign from their phones by scanning a QR code.

    Each sign-in stores that member's line at once; nobody else is presumed present. q or
    Ctrl-C closes it: on a terminal you then mark who did not sign on leave or absent.

    \b
    Example: studylog signin 2024-03-05 --host 0.0.0.0 --late-after 9:05
    """
    from studylog.records.orgs import resolve_org
    from studylog.records.signin import open_session, unsigned
    from studylog.store.db import open_engine, resolve_url, transaction
    from studylog.web.desk import SignInDesk
    from studylog.web.server import Background
    from studylog.web.signin import signin_app

    closing = parse_time_of_day(late_after, what="--late-after")
    if attempts < 1:
        raise BadValue("bad_choice", what="--attempts", value=attempts, choices="≥ 1")
    engine = open_engine(resolve_url(settings.db), create=False)
    try:
        with transaction(engine, write=False) as session:
            org = resolve_org(session=session, name=settings.org_name())
            record = open_session(session=session, org=org, ref=ref, today=today())
            about = {"id": record.id, "day": record.date, "title": record.title}
            expected = len(unsigned(session=session, org=org, session_id=record.id))
            desk = SignInDesk(
                engine=engine,
                org_id=org.id,
                session_id=record.id,
                late_after=closing,
                attempts=attempts,
            )
        server = Background(signin_app(desk), host=host, port=port).start()
        try:
            emit_line(t("signin_opened", **about))
            _announce(desk, host, server.port)
            _watch(desk, expected)
        finally:
            desk.close()  # the token dies first: a page still open gets 403
            server.stop()
        _close(desk, str(record.id))
    finally:
        engine.dispose()


def parse_time_of_day(text: str | None, *, what: str) -> time | None:
    """``9:05``, ``09：05``, ``9点05`` → 09:05."""
    if text is None:
        return None
    match = _TIME.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise BadValue("bad_time_of_day", what=what, value=text)
    return time(int(match.group(1)), int(match.group(2)))


def _announce(desk: SignInDesk, host: str, port: int) -> None:
    import segno

    from studylog.web.guard import is_loopback
    from studylog.web.server import lan_addresses

    path = f"/s/{desk.token}"
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}{path}"
    if host in ("0.0.0.0", "::"):
        found = [f"http://{address}:{port}{path}" for address in lan_addresses()]
        url = found[0] if found else url
        emit_line(t("signin_address", url=url))
        emit_line(
            t("signin_lan", urls=join_list(found)) if found else t("signin_no_lan", host=host)
        )
    else:
        emit_line(t("signin_address", url=url))
        if is_loopback(host):
            emit_line(t("signin_local_only"))
    segno.make(url, error="m").terminal(out=sys.stdout, compact=True)
    emit_line(t("signin_keys"))
    sys.stdout.flush()


def _watch(desk: SignInDesk, expected: int) -> None:
    """Show the roll as members sign until q, Ctrl-C (SIGINT) or SIGTERM."""
    stop = threading.Event()

    def on_signal(_number: int, _frame: Any) -> None:
        stop.set()

    previous = {
        number: signal.signal(number, on_signal) for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        if sys.stdin.isatty() and sys.stdout.isatty():
            _watch_terminal(desk, expected, stop)
        else:
            _watch_log(desk, stop)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _watch_terminal(desk: SignInDesk, expected: int, stop: threading.Event) -> None:
    import select

    from rich.console import Console
    from rich.live import Live

    with (
        _keys() as keys,
        Live(_roll(desk, expected), console=Console(), auto_refresh=False) as live,
    ):
        while not stop.is_set():
            if keys is None:
                stop.wait(0.25)
            elif select.select([keys], [], [], 0.25)[0] and os.read(keys, 1) in b"qQ\x03":
                break
            live.update(_roll(desk, expected), refresh=True)


@contextlib.contextmanager
def _keys() -> Iterator[int | None]:
    """Standard input a key at a time (Ctrl-C still signals); None where that cannot be."""
    try:
        import termios
        import tty
    except ImportError:  # Windows: Ctrl-C closes it
        yield None
        return
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)
    try:
        yield fd
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _roll(desk: SignInDesk, expected: int) -> Any:
    from rich.table import Table

    from studylog.text.values import shown

    table = Table(title=t("signin_count", signed=len(desk.signed), expected=expected))
    for column in ("col_time", "col_name", "col_job_title", "col_status", "col_client"):
        table.add_column(t(column))
    for event in list(desk.signed):
        at = event.at.strftime("%H:%M:%S")
        table.add_row(at, event.name, event.title or "", shown(event.status), event.client)
    return table


def _watch_log(desk: SignInDesk, stop: threading.Event) -> None:
    """Without a terminal: a line per sign-in, as it comes."""
    from studylog.text.values import shown

    told = 0
    while True:
        stopping = stop.wait(0.25)
        for event in list(desk.signed)[told:]:
            at, status = event.at.strftime("%H:%M:%S"), shown(event.status)
            emit_line(t("signin_line", at=at, name=event.name, status=status, client=event.client))
            told += 1
        sys.stdout.flush()
        if stopping:
            return


def _close(desk: SignInDesk, ref: str) -> None:
    """Who did not sign: on a terminal the secretary marks them; else they stay unrecorded."""
    emit_line(t("signin_ended", signed=len(desk.signed)))
    left = [signer.name for signer in desk.signers()]
    if not left:
        return
    emit_line(t("signin_unsigned", names=left))
    leave: list[tuple[str, str | None]] = []
    absent: list[str] = []
    if sys.stdin.isatty():
        for name in left:
            answer = typer.prompt(
                t("signin_mark_prompt", name=name), default="", show_default=False
            )
            choice = answer.strip().lower()
            if choice in ("l", "请假", "leave"):
                reason = typer.prompt(t("signin_reason_prompt"), default="", show_default=False)
                leave.append((name, reason.strip() or None))
            elif choice in ("a", "缺席", "absent"):
                absent.append(name)
    if leave or absent:
        marked = desk.mark_unsigned(leave=leave, absent=absent)
        emit_line(t("signin_marked", count=len(marked)))
    rest = [name for name in left if name not in absent and name not in dict(leave)]
    if rest:
        emit_line(t("signin_left_unrecorded", names=rest, ref=ref))
