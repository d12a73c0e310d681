"""Sign-in from a phone: the page's rules through Starlette's TestClient, the roll as stored."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

from studylog.errors import StudylogError
from studylog.store.db import open_engine, resolve_url
from studylog.web.desk import SignInDesk
from studylog.web.signin import signin_app
from tests.conftest import Database

MEMBERS = ["张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十", "冯十一", "陈十二"]
TODAY = date.today().isoformat()


def setup_group(ok: Callable[..., str], members: list[str] = MEMBERS) -> None:
    """A group of ``members``, an observer 钱观察, and one session held today."""
    ok("init", "--org", "测试局党组理论学习中心组")
    for name in members:
        ok("member", "add", name, "--title", "党组成员")
    ok("member", "add", "钱观察", "--role", "列席")
    ok("session", "add", "--date", TODAY, "--title", "专题学习：签到测试", "--discussion")


def make_desk(database: Database, **options: object) -> SignInDesk:
    engine = open_engine(resolve_url(database.url), create=False)
    with engine.connect() as connection:
        org_id, session_id = connection.execute(
            text("SELECT org_id, id FROM sessions ORDER BY id DESC LIMIT 1")
        ).one()
    return SignInDesk(engine=engine, org_id=org_id, session_id=session_id, **options)  # type: ignore[arg-type]


def stored_roll(database: Database) -> list[tuple[str, str]]:
    """The session's roll as the database holds it: (name, status), in name order."""
    with database.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT members.name, attendance.status FROM attendance "
                "JOIN members ON members.id = attendance.member_id ORDER BY members.name"
            )
        )
        return [(name, status) for name, status in rows]


def sign(client: TestClient, base: str, name: str) -> tuple[int, str]:
    """Pick ``name`` on the page, then confirm: the last answer's status and text."""
    picked = client.post(f"{base}/confirm", data={"name": name})
    if picked.status_code != 200:
        return picked.status_code, picked.text
    done = client.post(f"{base}/sign", data={"name": name})
    return done.status_code, done.text


@pytest.fixture
def desk(ok: Callable[..., str], database: Database) -> Iterator[SignInDesk]:
    setup_group(ok)
    made = make_desk(database)
    yield made
    made.engine.dispose()


@pytest.fixture
def client(desk: SignInDesk) -> TestClient:
    return TestClient(signin_app(desk))


def test_the_page_lists_the_expected_members_in_chinese(
    client: TestClient, desk: SignInDesk
) -> None:
    page = client.get(f"/s/{desk.token}")
    assert page.status_code == 200
    assert "请选择您的姓名" in page.text and 'lang="zh-CN"' in page.text
    assert all(name in page.text for name in MEMBERS)
    assert "钱观察" not in page.text  # observers are not on the roll
    assert "<script" not in page.text
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "Sign in" in client.get(f"/s/{desk.token}?lang=en").text


def test_a_deleted_or_retired_member_is_not_offered_and_cannot_sign(
    client: TestClient, desk: SignInDesk, ok: Callable[..., str]
) -> None:
    ok("member", "delete", "周八", "--yes")
    ok("member", "retire", "吴九", "--on", "2000-01-01")
    page = client.get(f"/s/{desk.token}").text
    assert "周八" not in page and "吴九" not in page and "郑十" in page
    assert sign(client, f"/s/{desk.token}", "周八")[0] == 404
    status, body = sign(client, f"/s/{desk.token}", "吴九")
    assert status == 422 and "2000-01-01" in body


def test_signing_stores_that_members_line_and_nobody_elses(
    client: TestClient, desk: SignInDesk, database: Database
) -> None:
    status, body = sign(client, f"/s/{desk.token}", "张三")
    assert status == 200 and "签到成功：张三" in body
    assert stored_roll(database) == [("张三", "present")]
    assert "张三" not in client.get(f"/s/{desk.token}").text  # signed: off the list


def test_a_name_signs_once(client: TestClient, desk: SignInDesk, database: Database) -> None:
    assert sign(client, f"/s/{desk.token}", "李四")[0] == 200
    status, body = sign(client, f"/s/{desk.token}", "李四")
    assert status == 409 and "每人只签到一次" in body
    again = client.post(f"/s/{desk.token}/sign", data={"name": "李四"})  # straight to the store
    assert again.status_code == 409
    assert stored_roll(database) == [("李四", "present")]


def test_a_wrong_or_old_token_is_403_and_writes_nothing(
    client: TestClient, desk: SignInDesk, database: Database
) -> None:
    assert client.get("/s/not-the-token").status_code == 403
    assert client.post("/s/not-the-token/sign", data={"name": "张三"}).status_code == 403
    assert client.post(f"/s/{desk.token}x/sign", data={"name": "张三"}).status_code == 403
    desk.close()  # the token dies with the sign-in
    assert client.get(f"/s/{desk.token}").status_code == 403
    assert client.post(f"/s/{desk.token}/sign", data={"name": "张三"}).status_code == 403
    assert stored_roll(database) == []


def test_an_observer_or_a_stranger_cannot_sign(
    client: TestClient, desk: SignInDesk, database: Database
) -> None:
    status, body = sign(client, f"/s/{desk.token}", "钱观察")
    assert status == 422 and "列席" in body
    assert client.post(f"/s/{desk.token}/sign", data={"name": "钱观察"}).status_code == 422
    status, body = sign(client, f"/s/{desk.token}", "张山")  # not a member: close names offered
    assert status == 404 and "张三" in body
    assert stored_roll(database) == []


def test_a_typed_name_wins_and_is_cleaned(client: TestClient, desk: SignInDesk) -> None:
    picked = client.post(f"/s/{desk.token}/confirm", data={"name": "李四", "typed": " 王　五 "})
    assert picked.status_code == 200 and 'value="王五"' in picked.text


def test_an_oversized_body_is_413_and_writes_nothing(
    client: TestClient, desk: SignInDesk, database: Database
) -> None:
    big = {"name": "张三", "padding": "x" * 10_000}
    assert client.post(f"/s/{desk.token}/sign", data=big).status_code == 413

    def streamed() -> Iterator[bytes]:  # no Content-Length: cut off while it streams
        yield b"name=%E5%BC%A0%E4%B8%89&padding="
        for _ in range(10):
            yield b"x" * 1000

    answer = client.post(
        f"/s/{desk.token}/sign",
        content=streamed(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert answer.status_code == 413
    assert stored_roll(database) == []


def test_attempts_per_client_are_bounded(ok: Callable[..., str], database: Database) -> None:
    setup_group(ok)
    desk = make_desk(database, attempts=3)
    client = TestClient(signin_app(desk))
    answers = [client.post(f"/s/{desk.token}/confirm", data={"name": "nobody"}) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [404, 404, 404, 429]
    assert client.post(f"/s/{desk.token}/sign", data={"name": "张三"}).status_code == 429
    assert client.get("/s/guess").status_code == 429  # guessing tokens counts too
    assert stored_roll(database) == []
    desk.engine.dispose()


def test_late_after_the_time_given(ok: Callable[..., str], database: Database) -> None:
    setup_group(ok)
    clock = iter(
        [datetime.combine(date.today(), time(8, 59)), datetime.combine(date.today(), time(9, 6))]
    )
    desk = make_desk(database, late_after=time(9, 5), clock=lambda: next(clock))
    client = TestClient(signin_app(desk))
    assert sign(client, f"/s/{desk.token}", "张三")[0] == 200
    status, body = sign(client, f"/s/{desk.token}", "李四")
    assert status == 200 and "迟到" in body
    assert stored_roll(database) == [("张三", "present"), ("李四", "late")]
    desk.engine.dispose()


def test_closing_marks_only_whom_the_secretary_names(
    client: TestClient, desk: SignInDesk, database: Database, ok: Callable[..., str]
) -> None:
    for name in ("张三", "李四"):
        assert sign(client, f"/s/{desk.token}", name)[0] == 200
    desk.close()
    desk.mark_unsigned(leave=[("王五", "出差")], absent=["赵六"])
    assert stored_roll(database) == sorted(
        [("张三", "present"), ("李四", "present"), ("王五", "leave"), ("赵六", "absent")]
    )
    with pytest.raises(StudylogError, match="signin_twice"):
        desk.mark_unsigned(leave=[], absent=["张三"])
    with pytest.raises(StudylogError, match="too_long"):  # a reason is checked like --leave's
        desk.mark_unsigned(leave=[("孙七", "长" * 501)], absent=[])
    # the audit log names each sign-in's member and client address
    commands = [entry["command"] for entry in json.loads(ok("log", "--format", "json"))]
    assert any(
        re.fullmatch(r"studylog signin \d+ --name 张三 --client testclient", c) for c in commands
    )
    assert any("--leave 王五:出差 --absent 赵六" in command for command in commands)
    # the figures count exactly that roll; the six who did not sign stay unrecorded
    figures = ok("stats", "--year", TODAY[:4], "--format", "json")
    assert '"present": 2' in figures and '"leave": 1' in figures and '"absent": 1' in figures
    assert '"unrecorded": 6' in figures


def test_a_sign_in_can_be_undone_like_any_change(
    client: TestClient, desk: SignInDesk, database: Database, ok: Callable[..., str]
) -> None:
    assert sign(client, f"/s/{desk.token}", "张三")[0] == 200
    assert sign(client, f"/s/{desk.token}", "李四")[0] == 200
    ok("undo", "--yes")
    assert stored_roll(database) == [("张三", "present")]
    ok("db", "check")  # exit status 0: the chain and the rules hold
