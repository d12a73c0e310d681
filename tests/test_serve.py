"""``studylog serve``: the read-only view of the records, and its password."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from starlette.testclient import TestClient

from studylog.config import load_config
from studylog.store.db import open_engine, resolve_url
from studylog.web.passwords import hash_password, password_path, verify_password
from studylog.web.views import records_app
from tests.conftest import Database, Run


@pytest.fixture
def app_of(seeded: Database) -> Iterator[Callable[..., TestClient]]:
    engine = open_engine(resolve_url(seeded.url), create=False)

    def make(**options: object) -> TestClient:
        app = records_app(
            engine=engine,
            config=load_config(),
            today=lambda: date(2024, 1, 10),
            **options,  # type: ignore[arg-type]
        )
        return TestClient(app, base_url="http://127.0.0.1:8080", follow_redirects=False)

    yield make
    engine.dispose()


def _figures_on(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-key="([\w.-]+)">([^<]*)<', page))


def test_the_year_page_shows_the_figures_of_stats_json(
    app_of: Callable[..., TestClient], ok: Callable[..., str]
) -> None:
    client = app_of()
    home = client.get("/")
    assert home.status_code == 303 and home.headers["location"] == "/year/2023"
    page = client.get("/year/2023")
    assert page.status_code == 200
    stats = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    shown = _figures_on(page.text)

    def flat(key: str, value: Any) -> Iterator[tuple[str, Any]]:
        """A figure that is a table ({kind: count}) as one line per entry: ``outputs.article``."""
        if isinstance(value, dict):
            for sub, inner in value.items():
                yield from flat(f"{key}.{sub}", inner)
        else:
            yield key, value

    for top, figure in stats.items():
        if top in ("year", "org", "log_head"):
            continue
        for key, value in flat(top, figure):
            if key.endswith("_rate"):
                assert shown[key] == f"{value * 100:.1f}%"
            else:
                assert shown[key] == ("—" if value is None else str(value)), key
    assert "2023年：集中学习12次，集中学习研讨12次，专题学习4次，专题学习研讨4次" in page.text
    for heading in ("出勤公示", "各月出勤情况", "学习计划执行情况", "年终检查", "整改台账"):
        assert heading in page.text
    assert page.text.count("<rect") == 12  # a bar a month, drawn on the server
    assert "<script" not in page.text and "http://" not in page.text.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )


def test_every_session_has_its_page(app_of: Callable[..., TestClient]) -> None:
    client = app_of()
    year = client.get("/year/2023").text
    links = sorted(set(re.findall(r'href="(/session/\d+)"', year)))
    assert len(links) == 12
    for link in links:
        page = client.get(link)
        assert page.status_code == 200 and "签到情况" in page.text
    assert "请假" in client.get(links[0]).text  # January: 李四 on leave
    assert client.get("/session/999").status_code == 404


def test_nothing_on_it_writes(app_of: Callable[..., TestClient], seeded: Database) -> None:
    before = seeded.snapshot()
    client = app_of()
    for path in ["/", "/year/2023", "/year/2022", "/session/1", "/static/style.css", "/?lang=en"]:
        assert client.get(path).status_code in (200, 303)
    for path in ["/year/2023", "/session/1", "/"]:
        assert client.post(path, data={"x": "1"}).status_code == 405
        assert client.delete(path).status_code == 405
    assert seeded.snapshot() == before


def test_without_a_login_only_this_computer_is_a_host(app_of: Callable[..., TestClient]) -> None:
    """A page elsewhere cannot read the records through DNS rebinding (its name → 127.0.0.1)."""
    client = app_of()
    assert client.get("/year/2023", headers={"host": "localhost:8080"}).status_code == 200
    assert client.get("/year/2023", headers={"host": "evil.example:8080"}).status_code == 400
    with_login = app_of(password_hash=hash_password("correct horse"))
    answer = with_login.get("/login", headers={"host": "192.168.1.23:8080"})
    assert answer.status_code == 200  # with a password, other computers may come (and log in)


def test_english_on_request(app_of: Callable[..., TestClient]) -> None:
    page = app_of().get("/year/2023?lang=en").text
    assert "Attendance notice" in page and "/session/1?lang=en" in page


def test_every_group_side_by_side(
    app_of: Callable[..., TestClient], ok: Callable[..., str]
) -> None:
    client = app_of(all_orgs=True)
    assert client.get("/").headers["location"] == "/orgs/2023"
    page = client.get("/orgs/2023")
    assert (
        page.status_code == 200 and "测试局党组理论学习中心组" in page.text and "合计" in page.text
    )
    link = re.search(r'href="(/year/2023\?org=\d+)"', page.text)
    assert link and client.get(link.group(1)).status_code == 200
    assert app_of().get("/orgs/2023").status_code == 404  # only with --all-orgs


def test_a_password_guards_every_page(app_of: Callable[..., TestClient]) -> None:
    client = app_of(password_hash=hash_password("correct horse"))
    for path in ["/", "/year/2023", "/session/1"]:
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert client.get("/login").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    assert client.post("/login", data={"password": "wrong"}).status_code == 401
    answer = client.post("/login", data={"password": "correct horse"})
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/year/2023").status_code == 200
    client.post("/logout")
    assert client.get("/year/2023").status_code == 303


def test_login_attempts_are_bounded(app_of: Callable[..., TestClient]) -> None:
    client = app_of(password_hash=hash_password("correct horse"))
    codes = [client.post("/login", data={"password": "guess"}).status_code for _ in range(11)]
    assert codes == [401] * 10 + [429]


def test_passwd_stores_a_hash_for_the_owner_only(run: Run, ok: Callable[..., str]) -> None:
    ok("init")
    result = run("serve", "passwd", input="long enough pw\nlong enough pw\n")
    assert result.exit_code == 0, result.output
    path = password_path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    stored = path.read_text()
    assert "long enough pw" not in stored and stored.startswith("scrypt$")
    assert verify_password("long enough pw", stored) and not verify_password("other", stored)
    assert run("serve", "passwd", input="short\nshort\n").exit_code == 1
    assert run("serve", "passwd", input="long enough pw\nlong enough px\n").exit_code == 1
    assert verify_password("long enough pw", path.read_text())  # the old one stays
    assert "删除" in ok("serve", "passwd", "--remove", "--lang", "zh")
    assert not path.exists()


def test_without_a_password_serve_stays_on_this_computer(run: Run, ok: Callable[..., str]) -> None:
    ok("init")
    result = run("serve", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert "serve passwd" in result.stderr and "Traceback" not in result.output
