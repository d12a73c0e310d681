"""Ledger categories: the shipped vocabulary in zh and en, the group's own from the settings,
``rectify list --by category``, counts in ``stats``, the report's 问题和不足 category by
category, and undo, export and refusals around them.

Four entries found in 2024: two 理论学习 (#1, #3), one 作风建设 (#2), one without (#4).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]
REST = ("--dept", "办公室", "--lead", "机关党委", "--due", "2024-12-31", "--found", "2024-03-01")
LEDGER: list[tuple[str, ...]] = [
    ("init", "--org", "测试组"),
    ("member", "add", "张三", "--role", "leader", "--joined", "2020-01-01"),
    ("rectify", "add", "--problem", "原文研读不深", "--measure", "读原著",
     "--category", "理论学习", *REST),
    ("rectify", "add", "--problem", "调研不深入", "--measure", "多调研",
     "--category", "conduct", *REST),
    ("rectify", "add", "--problem", "学习不系统", "--measure", "订计划",
     "--category", "Theory Study", *REST),
    ("rectify", "add", "--problem", "其他问题", "--measure", "其他措施", *REST),
]  # fmt: skip


@pytest.fixture
def ledger(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("ledger-categories", recording(LEDGER)))
    return database


def stored(database: Database) -> list[str | None]:
    with database.connect() as connection:
        rows = connection.execute(text("SELECT category FROM rectifications ORDER BY id"))
        return [category for (category,) in rows]


def test_a_category_is_stored_as_its_value_whichever_way_typed(ledger: Database) -> None:
    assert stored(ledger) == ["theory-study", "conduct", "theory-study", None]


def test_list_by_category(ledger: Database, ok: Ok) -> None:
    listed = json.loads(ok("rectify", "list", "--by", "category", "--format", "json"))
    groups = [(g["category"], g["label"], g["count"]) for g in listed["groups"]]
    assert groups == [("theory-study", "theory study", 2), ("conduct", "conduct and style", 1),
                      (None, "no category", 1)]  # fmt: skip
    assert [entry["id"] for entry in listed["groups"][0]["entries"]] == [1, 3]
    table = ok("--lang", "zh", "rectify", "list", "--by", "类别")
    assert "理论学习（2）" in table and "作风建设（1）" in table and "未分类（1）" in table
    plain = ok("--lang", "zh", "rectify", "list")
    assert "理论学习" in plain and "theory-study" not in plain


def test_stats_counts_by_category(ledger: Database, ok: Ok) -> None:
    stats = json.loads(ok("stats", "--year", "2024", "--format", "json"))
    assert stats["ledger_by_category"] == {"theory-study": 2, "conduct": 1, "": 1}
    assert "on_plan_date" not in stats  # no schedule: the calendar's figures do not apply
    table = ok("--lang", "zh", "stats", "--year", "2024")
    assert "整改问题：理论学习" in table and "整改问题：未分类" in table


def test_edit_changes_and_clears_a_category_and_undo_brings_it_back(
    ledger: Database, ok: Ok
) -> None:
    ok("rectify", "edit", "4", "--category", "制度执行")
    assert stored(ledger)[3] == "rules-in-practice"
    ok("rectify", "edit", "1", "--category", "")
    assert stored(ledger)[0] is None
    ok("undo", "--yes")
    assert stored(ledger)[0] == "theory-study"
    ok("log", "--verify")


@pytest.mark.parametrize("command", ["add", "edit"])
def test_an_unknown_category_is_one_error_and_changes_nothing(
    ledger: Database, run: Run, command: str
) -> None:
    before = ledger.snapshot()
    args = (
        ("rectify", "add", "--problem", "甲", "--measure", "乙", "--category", "纪律建设", *REST)
        if command == "add"
        else ("rectify", "edit", "1", "--category", "纪律建设")
    )
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""  # a category that cannot be read: 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: '纪律建设' is not a ledger category")
    assert "theory-study (理论学习)" in line
    assert ledger.snapshot() == before
    bad_by = run("rectify", "list", "--by", "month")
    assert bad_by.exit_code == 2 and "category" in bad_by.stderr  # a choice: 2


def test_the_group_adds_its_own_categories(ledger: Database, ok: Ok, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[ledger]\ncategories = ["意识形态工作", { value = "team", zh = "队伍建设", '
        'en = "team building" }]\n',
        encoding="utf-8",
    )
    ok("--config", str(settings), "rectify", "edit", "4", "--category", "队伍建设")
    ok("--config", str(settings), "rectify", "edit", "2", "--category", "意识形态工作")
    assert stored(ledger)[1:] == ["意识形态工作", "theory-study", "team"]
    table = ok("--config", str(settings), "--lang", "en", "rectify", "list", "--by", "category")
    assert "team building (1)" in table.replace("（", " (").replace("）", ")")
    shown = ok("--config", str(settings), "config", "show")
    assert 'value = "team", zh = "队伍建设", en = "team building"' in shown


def test_bad_category_settings_are_one_error(ledger: Database, run: Run, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[ledger]\ncategories = [1]\n", encoding="utf-8")
    result = run("--config", str(settings), "rectify", "list")
    assert result.exit_code == 1 and "ledger.categories" in result.stderr


def test_the_report_writes_problems_category_by_category(ledger: Database, ok: Ok) -> None:
    report = ok("--lang", "zh", "report", "--year", "2024", "--as-of", "2024-03-20")
    assert "（一）理论学习方面。一是原文研读不深。二是学习不系统。" in report
    assert "（二）作风建设方面。一是调研不深入。" in report
    assert "（三）其他方面。一是其他问题。" in report
    # Once a quarter has ended without a discussion, the failed rule is a 制度执行 problem.
    later = ok("--lang", "zh", "report", "--year", "2024", "--as-of", "2024-06-30")
    assert "（二）制度执行方面。一是有2个季度集中学习研讨次数不足。" in later
    assert "（三）作风建设方面。一是调研不深入。" in later


def test_export_carries_the_category(ledger: Database, ok: Ok, tmp_path: Path) -> None:
    ok("export", "--year", "2024", "--out", str(tmp_path / "e.json"))
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert [row["category"] for row in data["ledger"]] == [
        "theory-study", "conduct", "theory-study", None,
    ]  # fmt: skip
    ok("--lang", "zh", "export", "--year", "2024", "--out", str(tmp_path / "e"), "--format", "csv")
    assert "理论学习" in (tmp_path / "e" / "ledger.csv").read_text(encoding="utf-8-sig")
