"""``attend REF --call``: the roll called at the keyboard, driven through a pseudo-terminal.

The seed's March session (2023-03-15) expects 张三 李四 王五 赵六 钱七 周九 (孙八 joins in July,
吴十 observes); its roll has 王五 late.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Database, Run

pexpect = pytest.importorskip("pexpect")
ROOT = Path(__file__).resolve().parent.parent
PROMPT = "› "


def call(ref: str = "2023-03-15", *extra: str) -> Any:
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    environment.pop("COLUMNS", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "studylog", "attend", ref, "--call", *extra],
        env=environment,
        encoding="utf-8",
        dimensions=(50, 120),
        timeout=60,
    )


def answer(child: Any, *keys: str) -> None:
    for key in keys:
        child.expect_exact(PROMPT)
        child.sendline(key)


def roll(ok: Callable[..., str], ref: str = "2023-03-15") -> dict[str, tuple[str, str | None]]:
    shown = json.loads(ok("session", "show", ref, "--format", "json"))
    return {line["member"]: (line["status"], line["reason"]) for line in shown["roll"]}


def test_a_roll_called_member_by_member_is_stored(seeded: Database, ok: Callable[..., str]) -> None:
    child = call()
    child.expect_exact("6 expected")
    child.expect_exact("present 0 · late 0 · on leave 0 · absent 0 · to call 6")
    answer(child, "")  # 张三: Enter = present
    child.expect_exact("present 1 · late 0 · on leave 0 · absent 0 · to call 5")
    answer(child, "l")  # 李四 late
    child.expect_exact("王五")
    child.expect_exact("(now: late)")  # what the roll has says so
    answer(child, "e", "出差")  # 王五 on leave, with the reason
    answer(child, "b")  # back: 王五 again
    child.expect_exact("present 1 · late 1 · on leave 0 · absent 0 · to call 4")
    answer(child, "3", "外出开会")  # 王五 on leave after all, another reason
    answer(child, "x")  # not a key: asked again
    child.expect_exact("'x' is not a mark")
    answer(child, "a", "", "缺席")  # 赵六 absent, 钱七 present, 周九 absent
    child.expect_exact("present 2 · late 1 · on leave 1 · absent 2 · to call 0")
    answer(child, "")  # store
    child.expect_exact("3 of 6 attended")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert roll(ok) == {
        "张三": ("present", None),
        "李四": ("late", None),
        "王五": ("leave", "外出开会"),
        "赵六": ("absent", None),
        "钱七": ("present", None),
        "周九": ("absent", None),
    }
    log = json.loads(ok("log", "--session", "2023-03-15", "--format", "json"))
    assert len(log) >= 2  # the roll's change is in the audit log, as attend's is


def test_ctrl_c_stores_nothing_and_says_so(seeded: Database, ok: Callable[..., str]) -> None:
    before = seeded.snapshot()
    child = call()
    answer(child, "a", "a", "e", "病假")
    child.expect_exact(PROMPT)
    child.sendcontrol("c")
    child.expect_exact("roll call stopped: nothing was stored")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert seeded.snapshot() == before
    assert roll(ok)["王五"] == ("late", None)


def test_stopping_at_the_end_stores_nothing(seeded: Database) -> None:
    before = seeded.snapshot()
    child = call()
    answer(child, "a", "a", "a", "a", "a", "a")
    child.expect_exact("Store this roll?")
    answer(child, "n")
    child.expect_exact("nothing was stored")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0
    assert seeded.snapshot() == before


def test_the_roll_call_in_chinese(seeded: Database, ok: Callable[..., str]) -> None:
    child = call("2023-01-15", "--lang", "zh")
    child.expect_exact("应参学 6 人")
    child.expect_exact("出席 0 · 迟到 0 · 请假 0 · 缺席 0 · 待点 6")
    answer(child, "", "请假")  # 李四 was on leave for 出差: the line says so
    child.expect_exact("请假事由")
    answer(child, "")  # no reason given: the one it had stays
    answer(child, "", "", "", "", "")
    child.expect_exact("应到 6 人，实到 5 人")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert roll(ok, "2023-01-15")["李四"] == ("leave", "出差")


def test_the_call_needs_a_terminal_and_the_whole_roll(seeded: Database, run: Run) -> None:
    result = run("attend", "2023-03-15", "--call")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: attend --call asks at the keyboard")
    result = run("attend", "2023-03-15", "--call", "--late", "张三")
    assert result.stderr.startswith("Error: attend --call takes the whole roll")
