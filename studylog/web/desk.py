"""The sign-in desk: one open sign-in for one session, shared by the page and the terminal.

It holds the sign-in's token (the page's address carries it; it dies when the desk closes),
the attempts each client has made, and the lines signed so far for the live roll. Every
sign-in is its own write transaction, audited like any command: the audit entry's time is
the sign-in's time, and its command line names the member and the client's address
(``studylog signin 12 --name 张三 --client 192.168.1.23``), so no column of the roll had
to change.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from studylog import invocation
from studylog.errors import StudylogError
from studylog.records.sessions import resolve_session
from studylog.records.signin import Signed, Signer, close_sign_in, find_signer, sign_in, unsigned
from studylog.store.db import transaction
from studylog.store.models import Org
from studylog.text.vocab import Status
from studylog.web.guard import AttemptLimiter, same_secret

#: Sign-in attempts (form posts) one client address may make in a minute, by default.
DEFAULT_ATTEMPTS = 20


@dataclass(frozen=True)
class SignEvent:
    """A line signed at this desk, for the live roll."""

    name: str
    title: str | None
    status: Status
    at: datetime
    client: str


class SignInDesk:
    """One sign-in, open until :meth:`close`."""

    def __init__(
        self,
        *,
        engine: Engine,
        org_id: int,
        session_id: int,
        late_after: time | None = None,
        attempts: int = DEFAULT_ATTEMPTS,
        window: float = 60.0,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.engine, self.org_id, self.session_id = engine, org_id, session_id
        self.late_after, self.clock = late_after, clock
        self.token = secrets.token_urlsafe(24)
        self.limiter = AttemptLimiter(attempts, window)
        self.signed: list[SignEvent] = []
        self._open = True
        self._about: tuple[date, str] | None = None
        self._write = threading.Lock()  # one sign-in at a time; SQLite takes one writer anyway

    @property
    def is_open(self) -> bool:
        return self._open

    def accepts(self, token: str) -> bool:
        """``token`` is this sign-in's, and the sign-in is still open."""
        return self._open and same_secret(token, self.token)

    def close(self) -> None:
        """Kill the token: from now on every page of this sign-in answers 403."""
        with self._write:  # a sign-in under way finishes first
            self._open = False

    def about(self) -> tuple[date, str]:
        """The session's date and title, for the page's heading (read once)."""
        if self._about is None:
            with transaction(self.engine, write=False) as session:
                record = resolve_session(
                    session=session, org=self._org(session), ref=f"#{self.session_id}"
                )
                self._about = (record.date, record.title)
        return self._about

    def signers(self) -> list[Signer]:
        """The expected members who have not signed yet."""
        with transaction(self.engine, write=False) as session:
            org = self._org(session)
            return unsigned(session=session, org=org, session_id=self.session_id)

    def check(self, name: str) -> Signer:
        """The member ``name`` if they may sign; a StudylogError saying why not otherwise."""
        with transaction(self.engine, write=False) as session:
            org = self._org(session)
            return find_signer(session=session, org=org, session_id=self.session_id, name=name)

    def sign(self, name: str, client: str) -> SignEvent:
        """Store ``name``'s line now, in one audited transaction."""
        from studylog.store.audit import scope

        with self._write:
            if not self._open:
                raise StudylogError("signin_closed")
            at = self.clock()
            invocation.record(["signin", str(self.session_id), "--name", name, "--client", client])
            with transaction(self.engine) as session:
                org = self._org(session)
                scope(session, org)
                line = sign_in(
                    session=session,
                    org=org,
                    session_id=self.session_id,
                    name=name,
                    at=at,
                    late_after=self.late_after,
                )
            event = SignEvent(line.name, line.title, line.status, at, client)
            self.signed.append(event)
            return event

    def mark_unsigned(
        self, *, leave: Sequence[tuple[str, str | None]], absent: Sequence[str]
    ) -> list[Signed]:
        """After closing: the secretary's leave and absent lines for who did not sign."""
        from studylog.store.audit import scope

        words = ["signin", str(self.session_id), "--close"]
        words += [part for name, reason in leave for part in ("--leave", f"{name}:{reason or ''}")]
        words += [part for name in absent for part in ("--absent", name)]
        invocation.record(words)
        with self._write, transaction(self.engine) as session:
            org = self._org(session)
            scope(session, org)
            return close_sign_in(
                session=session,
                org=org,
                session_id=self.session_id,
                leave=leave,
                absent=absent,
            )

    def _org(self, session: Session) -> Org:
        org = session.get(Org, self.org_id)
        if org is None:
            raise StudylogError("signin_closed")
        return org
