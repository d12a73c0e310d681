"""Sign-in throughput: studylog's sign-in beside a bare ASGI "hello" on the same server.

    python bench/signin.py [--members 300] [--clients 8] [--rounds 3]

Both run on uvicorn in a thread of this process (studylog.web.server.Background, the server
``studylog signin`` uses), on 127.0.0.1, hit by ``--clients`` concurrent keep-alive clients
(httpx2, one thread each). Three workloads: the bare ASGI app answering "hello"; the sign-in
page (GET: the token checked, the members still to sign read, the template rendered); the
sign-in itself (POST: one audited write transaction on a fresh SQLite file per round, each
member once). Figures: requests per second and the median and 95th-percentile latency, the
best round of ``--rounds``. Nothing passes or fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2 as httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


async def hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The baseline: the least an ASGI app can answer."""
    if scope["type"] != "http":
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain")],
        }
    )
    await send({"type": "http.response.body", "body": b"hello"})


def measure(
    requests: list[Callable[[httpx.Client], int]], clients: int
) -> tuple[float, list[float], set[int]]:
    """Run ``requests`` spread over ``clients`` threads: seconds, latencies, status codes."""
    shares = [requests[index::clients] for index in range(clients)]
    # Clients are made (TLS settings and all) before the clock starts: only requests count.
    made = [httpx.Client(timeout=30) for _ in range(clients)]
    start = threading.Barrier(clients + 1)

    def worker(client: httpx.Client, share: list[Callable[[httpx.Client], int]]) -> list[Any]:
        start.wait()
        timings = []
        for request in share:
            started = time.perf_counter()
            status = request(client)
            timings.append((time.perf_counter() - started, status))
        return timings

    with ThreadPoolExecutor(clients) as pool:
        futures = [
            pool.submit(worker, client, share) for client, share in zip(made, shares, strict=True)
        ]
        start.wait()
        started = time.perf_counter()
        results = [item for future in futures for item in future.result()]
        seconds = time.perf_counter() - started
    for client in made:
        client.close()
    return seconds, [t for t, _ in results], {s for _, s in results}


def sign_in_database(folder: Path, members: int) -> Path:
    """A fresh SQLite file: one group, ``members`` members, one session held today."""
    database = folder / f"bench-{time.monotonic_ns()}.db"
    env = {**os.environ, "STUDYLOG_DB": str(database), "STUDYLOG_HOME": str(folder)}
    names = [f"成员{number:04d}" for number in range(members)]
    roster = folder / "roster.csv"
    roster.write_text("姓名,职务\n" + "".join(f"{name},党组成员\n" for name in names), "utf-8")
    studylog = [sys.executable, "-m", "studylog", "--lang", "en"]
    run = lambda *args: subprocess.run([*studylog, *args], env=env, check=True, capture_output=True)  # noqa: E731
    run("init", "--org", "基准测试中心组")
    run("import", str(roster))
    run("session", "add", "--date", time.strftime("%Y-%m-%d"), "--title", "基准")
    return database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    from sqlalchemy import text

    from studylog.store.db import open_engine
    from studylog.web.desk import SignInDesk
    from studylog.web.server import Background
    from studylog.web.signin import signin_app

    rows: dict[str, list[tuple[float, list[float]]]] = {"hello": [], "page": [], "sign": []}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ["STUDYLOG_HOME"] = str(folder)
        server = Background(hello, host="127.0.0.1", port=0).start()
        base = f"http://127.0.0.1:{server.port}/"
        for _ in range(options.rounds):
            seconds, latencies, _ = measure(
                [lambda c: c.get(base).status_code] * options.members, options.clients
            )
            rows["hello"].append((seconds, latencies))
        server.stop()
        for _ in range(options.rounds):
            database = sign_in_database(folder, options.members)
            engine = open_engine(f"sqlite:///{database}", create=False)
            with engine.connect() as connection:
                org_id, session_id, names = (
                    *connection.execute(text("SELECT org_id, id FROM sessions")).one(),
                    list(connection.scalars(text("SELECT name FROM members ORDER BY id"))),
                )
            desk = SignInDesk(engine=engine, org_id=org_id, session_id=session_id, attempts=10**6)
            server = Background(signin_app(desk), host="127.0.0.1", port=0).start()
            url = f"http://127.0.0.1:{server.port}/s/{desk.token}"

            def opening(c: httpx.Client, page: str = url) -> int:
                return c.get(page).status_code

            seconds, latencies, codes = measure([opening] * options.members, options.clients)
            assert codes == {200}, codes
            rows["page"].append((seconds, latencies))

            def signing(name: str, target: str = f"{url}/sign") -> Callable[[httpx.Client], int]:
                return lambda c: c.post(target, data={"name": name}).status_code

            seconds, latencies, codes = measure([signing(n) for n in names], options.clients)
            assert codes == {200}, codes
            assert len(desk.signed) == len(names)
            rows["sign"].append((seconds, latencies))
            desk.close()
            server.stop()
            engine.dispose()

    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {options.members} requests per round, "
        f"{options.clients} clients, best of {options.rounds} rounds"
    )
    print(f"{'workload':<34} {'req/s':>8} {'median ms':>10} {'p95 ms':>8}")
    labels = {
        "hello": 'bare ASGI "hello" (baseline)',
        "page": "sign-in page (GET)",
        "sign": "sign-in (POST, one write each)",
    }
    for key, rounds in rows.items():
        seconds, latencies = min(rounds, key=lambda pair: pair[0])
        ordered = sorted(latencies)
        p95 = ordered[int(len(ordered) * 0.95) - 1]
        rate = len(latencies) / seconds
        median = statistics.median(ordered) * 1000
        print(f"{labels[key]:<34} {rate:>8.0f} {median:>10.1f} {p95 * 1000:>8.1f}")


if __name__ == "__main__":
    main()
