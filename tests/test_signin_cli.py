"""``studylog signin`` as the secretary runs it: a real server on 127.0.0.1, closed by q on a
terminal or by a signal without one; the load it takes; a kill in the middle of it."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx2 as httpx
import pytest

from studylog.web.desk import SignInDesk
from studylog.web.server import Background
from studylog.web.signin import signin_app
from tests.conftest import Database, Run
from tests.test_signin import TODAY, make_desk, setup_group, stored_roll

URL = re.compile(rb"http://127\.0\.0\.1:\d+/s/[\w-]+")


def _start(*args: str, **options: object) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "studylog", "--lang", "zh", "signin", TODAY, "--port", "0"]
    return subprocess.Popen([*command, *args], **options)  # type: ignore[call-overload, no-any-return]


def _read_until(fd: int, pattern: re.Pattern[bytes], seen: bytearray, limit: float = 30) -> bytes:
    """Read ``fd`` into ``seen`` until ``pattern`` appears; the match."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = pattern.search(seen)
        if found:
            return found.group(0)
        if select.select([fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen.extend(chunk)
    raise AssertionError(f"{pattern.pattern!r} not seen in {bytes(seen).decode(errors='replace')}")


def _sign(client: httpx.Client, url: str, name: str) -> int:
    client.post(f"{url}/confirm", data={"name": name})
    return client.post(f"{url}/sign", data={"name": name}).status_code


def test_without_a_terminal_sigterm_closes_and_leaves_the_rest_unrecorded(
    ok: Callable[..., str], database: Database
) -> None:
    setup_group(ok)
    process = _start(stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    seen = bytearray()
    url = _read_until(process.stdout.fileno(), URL, seen).decode()
    with httpx.Client() as client:
        assert client.get(url).status_code == 200
        assert [_sign(client, url, name) for name in ("张三", "李四", "王五")] == [200] * 3
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    output = (bytes(seen) + out).decode()
    assert process.returncode == 0, err.decode()
    assert "张三" in output and "签到已结束：3 人签到" in output
    assert "暂未记录：赵六、孙七" in output  # … the others, to mark later
    assert "再次运行 studylog signin" in output
    assert stored_roll(database) == sorted(
        [("张三", "present"), ("李四", "present"), ("王五", "present")]
    )
    with pytest.raises(httpx.TransportError), httpx.Client() as client:
        client.get(url)  # nothing listens any more


def test_on_a_terminal_q_closes_and_the_secretary_marks_who_did_not_sign(
    ok: Callable[..., str], database: Database
) -> None:
    setup_group(ok, ["张三", "李四", "王五", "赵六"])
    leader, follower = pty.openpty()
    process = _start(stdin=follower, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    seen = bytearray()
    try:
        url = _read_until(leader, URL, seen).decode()
        with httpx.Client() as client:
            assert _sign(client, url, "张三") == 200
        _read_until(leader, re.compile("已签到 1 / 4 人".encode()), seen)
        os.write(leader, b"q")
        _read_until(leader, re.compile("李四：l 请假".encode()), seen)
        os.write(leader, b"l\r")
        _read_until(leader, re.compile("请假事由".encode()), seen)
        os.write(leader, "出差\r".encode())
        _read_until(leader, re.compile("王五：l 请假".encode()), seen)
        os.write(leader, b"a\r")
        _read_until(leader, re.compile("赵六：l 请假".encode()), seen)
        os.write(leader, b"\r")
        _read_until(leader, re.compile("暂未记录：赵六".encode()), seen)
        assert process.wait(timeout=30) == 0
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    assert stored_roll(database) == sorted(
        [("张三", "present"), ("李四", "leave"), ("王五", "absent")]
    )
    reasons = ok("session", "show", TODAY)
    assert "出差" in reasons


def test_what_signin_refuses_before_it_listens(run: Run, ok: Callable[..., str]) -> None:
    setup_group(ok)
    result = run("--lang", "zh", "signin", TODAY, "--late-after", "25:00")
    assert result.exit_code == 2 and "--late-after 应为时刻" in result.stderr  # unreadable
    ok("session", "add", "--date", "2999-01-01", "--title", "未来的学习")
    result = run("--lang", "zh", "signin", "2999-01-01")
    assert result.exit_code == 1 and "尚未举行" in result.stderr
    ok("attend", TODAY)  # the whole roll taken already: nobody left to sign
    result = run("--lang", "zh", "signin", TODAY)
    assert result.exit_code == 1 and "无人需要签到" in result.stderr


def test_a_port_in_use_is_one_clear_line(run: Run, ok: Callable[..., str]) -> None:
    setup_group(ok)
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--lang", "zh", "signin", TODAY, "--port", str(port))
    assert result.exit_code == 1 and f"127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.output


def test_load_200_attempts_from_20_clients_lose_nothing_and_write_nothing_twice(
    ok: Callable[..., str], database: Database, run: Run
) -> None:
    """Every member is tried by ten clients at once: exactly one of them signs each."""
    names = [f"成员{number:02d}" for number in range(20)]
    setup_group(ok, names)
    desk = make_desk(database, attempts=1000)  # every client here is 127.0.0.1
    server = Background(signin_app(desk), host="127.0.0.1", port=0).start()
    url = f"http://127.0.0.1:{server.port}/s/{desk.token}/sign"

    def client_run(number: int) -> list[tuple[str, int]]:
        with httpx.Client(timeout=30) as client:
            tried = [names[(number + step * 2) % 20] for step in range(10)]
            return [(name, client.post(url, data={"name": name}).status_code) for name in tried]

    started = time.monotonic()
    try:
        with ThreadPoolExecutor(20) as pool:
            answers = [answer for batch in pool.map(client_run, range(20)) for answer in batch]
    finally:
        desk.close()
        server.stop()
        desk.engine.dispose()
    took = time.monotonic() - started
    assert len(answers) == 200 and took < 60
    signed = sorted(name for name, status in answers if status == 200)
    assert signed == names  # each name once: nothing lost, nothing twice
    assert {status for _, status in answers} == {200, 409}
    assert stored_roll(database) == [(name, "present") for name in names]
    assert len(desk.signed) == 20
    assert run("db", "check").exit_code == 0


@pytest.mark.sqlite_only(reason="kills the process holding the SQLite file mid-write")
def test_killing_the_server_mid_signin_keeps_the_signed_lines(
    ok: Callable[..., str], database: Database, run: Run
) -> None:
    names = [f"成员{number:02d}" for number in range(40)]
    setup_group(ok, names)
    process = _start("--attempts", "1000", stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    assert process.stdout is not None
    url = _read_until(process.stdout.fileno(), URL, bytearray()).decode()
    signed: list[str] = []
    stop = threading.Event()

    def signer(offset: int) -> None:
        with httpx.Client(timeout=5) as client:
            for name in names[offset::4]:
                if stop.is_set():
                    return
                try:
                    status = client.post(f"{url}/sign", data={"name": name}).status_code
                except httpx.TransportError:
                    return
                if status == 200:
                    signed.append(name)

    threads = [threading.Thread(target=signer, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    while len(signed) < 10:
        time.sleep(0.005)
    process.kill()  # SIGKILL: no clean-up at all, mid-stream
    process.wait(timeout=30)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert 10 <= len(signed) < 40
    roll = dict(stored_roll(database))
    assert set(signed) <= set(roll)  # every sign-in answered 200 is kept
    assert set(roll) <= set(names) and set(roll.values()) == {"present"}
    assert run("db", "check").exit_code == 0, run("db", "check").output


def test_a_desk_never_outlives_its_close(ok: Callable[..., str], database: Database) -> None:
    setup_group(ok)
    desk: SignInDesk = make_desk(database)
    desk.close()
    assert not desk.is_open and not desk.accepts(desk.token)
    desk.engine.dispose()
