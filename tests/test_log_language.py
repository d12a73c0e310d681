"""``studylog log`` in the user's language: records named as a person names them (a roll line
by its member and session), fields by their labels, values as they mean (issue 17's last
bullet). JSON keeps the raw rows."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

Ok = Any


def _changes(ok: Ok, *lang: str) -> list[str]:
    """The Changes column of every entry, oldest first (read as CSV: no wrapped cells)."""
    rows = list(csv.reader(io.StringIO(ok(*lang, "log", "--format", "csv"))))
    return [row[-1] for row in rows[1:]]


def _record(ok: Ok) -> None:
    ok("init", "--org", "某局中心组")
    ok("member", "add", "张三", "--joined", "2024-01-01")
    ok("member", "add", "李四", "--joined", "2024-01-01")
    ok("plan", "add", "--year", "2024", "--month", "3", "--title", "学习贯彻全会精神")
    ok("session", "add", "--date", "2024-03-05", "--title", "学习贯彻党的二十届三中全会精神")
    ok("attend", "2024-03-05")
    ok("attend", "2024-03-05", "--late", "张三", "--leave", "李四:出差")
    ok("session", "edit", "2024-03-05", "--plan", "1", "--host", "李四")


def test_the_log_in_chinese_names_people_sessions_and_fields(ok: Ok) -> None:
    _record(ok)
    changes = _changes(ok, "--lang", "zh")
    session = "2024-03-05 学习贯彻党的二十届三中全…"
    assert f"签到 张三（{session}）：状态 出席 → 迟到" in changes[-2]
    assert f"签到 李四（{session}）：" in changes[-2]
    assert "状态 出席 → 请假" in changes[-2] and "事由 — → 出差" in changes[-2]
    assert f"新增签到 张三（{session}）" in changes[-3]
    edit = changes[-1]
    assert f"学习 {session}：" in edit
    assert "学习计划 — → 2024 3 学习贯彻全会精神" in edit
    assert "主持人 — → 李四" in edit
    for text in changes:
        assert "_id" not in text and "present" not in text and "#" not in text, text
    assert "新增成员 张三" in changes[1]


def test_the_log_in_english(ok: Ok) -> None:
    _record(ok)
    changes = _changes(ok, "--lang", "en")
    assert (
        "roll line 张三 (2024-03-05 学习贯彻党的二十届三中全…): status present → late"
        in changes[-2]
    )
    assert "plan item — → 2024 3 学习贯彻全会精神" in changes[-1]
    assert "host — → 李四" in changes[-1]


def test_the_json_log_keeps_the_raw_rows(ok: Ok) -> None:
    _record(ok)
    entries = json.loads(ok("--lang", "zh", "log", "--format", "json"))
    roll = entries[-2]["changes"]
    assert {change["after"]["status"] for change in roll} == {"late", "leave"}
    assert "plan_id" in entries[-1]["changes"][0]["after"]


def test_a_removed_record_is_still_named(ok: Ok) -> None:
    _record(ok)
    ok("speech", "add", "2024-03-05", "张三", "--kind", "key")
    ok("undo", "--yes")
    changes = _changes(ok, "--lang", "zh")
    assert "删除发言 张三（2024-03-05 学习贯彻党的二十届三中全…、重点发言）" in changes[-1]
