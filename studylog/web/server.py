"""Running an app on uvicorn in a thread of its own, so the terminal stays the secretary's."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

from studylog.errors import StudylogError


class Background:
    """A uvicorn server for ``app`` on ``host:port`` (port 0: any free one), in a thread."""

    def __init__(self, app: Any, *, host: str, port: int) -> None:
        import uvicorn

        self.host = host
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="critical",
            access_log=False,
            server_header=False,
            date_header=False,
            timeout_keep_alive=5,
            limit_concurrency=200,  # beyond that, 503 at once rather than a queue
            h11_max_incomplete_event_size=16 * 1024,  # the request line and headers
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="studylog-web", daemon=True)
        self.port = port

    def start(self) -> Background:
        self._check_free()
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise StudylogError("port_busy", host=self.host, port=self.port, detail="")
            time.sleep(0.02)
        servers = getattr(self.server, "servers", [])
        if servers and servers[0].sockets:
            self.port = servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def _check_free(self) -> None:
        """Say plainly that the port is taken, before uvicorn says it in its own way."""
        if self.port == 0:
            return
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((self.host, self.port))
            except OSError as error:
                detail = error.strerror or str(error)
                raise StudylogError(
                    "port_busy", host=self.host, port=self.port, detail=detail
                ) from None


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback, as its own name resolves them
    (no packet is sent anywhere)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    found = {str(info[4][0]) for info in infos}
    return sorted(address for address in found if not address.startswith("127."))
