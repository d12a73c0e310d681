"""``studylog serve``: the records in a browser, read-only; ``serve passwd``: its password."""

from __future__ import annotations

import signal
import threading
from typing import Annotated

import typer

from studylog.cli.common import settings, use_settings
from studylog.cli.render import emit_line
from studylog.errors import StudylogError
from studylog.text.messages import t

app = typer.Typer(
    help="Show the records in a browser, read-only: figures, notice, plan, check, ledger, "
    "sessions.",
    invoke_without_command=True,
)


@app.callback()
def serve(
    context: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="ADDR",
            help="Address to listen on (default 127.0.0.1); another needs a password set "
            "with studylog serve passwd.",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", metavar="N", help="Port to listen on (0: any free one).")
    ] = 8080,
    all_orgs: Annotated[
        bool,
        typer.Option(
            "--all-orgs",
            help="Every group in the database, side by side (the supervising view).",
        ),
    ] = False,
) -> None:
    """Show the records in a browser, read-only: figures, notice, plan, check, ledger, sessions.

    Nothing on the pages writes. With no password set it listens on 127.0.0.1 only and asks
    for no login; with one (studylog serve passwd) every page asks for it first.

    \b
    Example: studylog serve --port 8080
    Example: studylog serve passwd && studylog serve --host 0.0.0.0
    """
    if context.invoked_subcommand is not None:
        return
    from studylog.store.db import open_engine, resolve_url
    from studylog.web.guard import is_loopback
    from studylog.web.passwords import stored_hash
    from studylog.web.server import Background
    from studylog.web.views import records_app

    password_hash = stored_hash()
    if password_hash is None and not is_loopback(host):
        raise StudylogError("serve_needs_password", host=host)
    engine = open_engine(resolve_url(settings.db), create=False)
    use_settings(settings.config())
    try:
        if not all_orgs:  # an unknown or missing --org is said now, not on every page
            from studylog.records.orgs import resolve_org
            from studylog.store.db import transaction

            with transaction(engine, write=False) as session:
                resolve_org(session=session, name=settings.org_name())
        app_ = records_app(
            engine=engine,
            config=settings.config(),
            org_name=settings.org_name(),
            all_orgs=all_orgs,
            password_hash=password_hash,
        )
        server = Background(app_, host=host, port=port).start()
        shown = f"[{host}]" if ":" in host else host
        emit_line(t("serve_listening", url=f"http://{shown}:{server.port}/"))
        emit_line(t("serve_stop"))
        stop = threading.Event()
        _until_signalled(stop)
        server.stop()
    finally:
        engine.dispose()


def _until_signalled(stop: threading.Event) -> None:
    """Wait for Ctrl-C (SIGINT) or SIGTERM."""

    def on_signal(_number: int, _frame: object) -> None:
        stop.set()

    previous = {
        number: signal.signal(number, on_signal) for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@app.command("passwd")
def passwd(
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove the password: serve is local-only again.")
    ] = False,
) -> None:
    """Set the password that serve asks for (stored hashed with scrypt, owner-only).

    \b
    Example: studylog serve passwd
    """
    from studylog.web.passwords import remove_password, set_password

    if remove:
        emit_line(t("passwd_removed") if remove_password() else t("passwd_none"))
        return
    password = typer.prompt(t("passwd_prompt"), hide_input=True)
    again = typer.prompt(t("passwd_again"), hide_input=True)
    if password != again:
        raise StudylogError("passwd_mismatch")
    emit_line(t("passwd_set", path=set_password(password)))
