"""Look-alike names (issue 15, defect 5): one spelling per name, nothing hidden in text."""

from __future__ import annotations

import json
from typing import Any

import pytest

Ok = Any
Run = Any

HIDDEN = [
    "\u200b",  # zero width space
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
    "\u00ad",  # soft hyphen
    "\ue000",  # private use
    "\ufdd0",  # noncharacter
    "\uffff",  # noncharacter
    "\u009b",  # C1 control sequence introducer
    "\u0085",  # C1 next line
]
BLANK = ["\u200b", "\u3164", "\u2800"]


def test_a_full_width_name_is_the_same_member(ok: Ok, run: Run) -> None:
    ok("init", "--org", "某局")
    ok("member", "add", "ＺｈａｎｇＳａｎ")
    result = run("member", "add", "ZhangSan")
    assert result.exit_code == 1
    assert [m["name"] for m in json.loads(ok("member", "list", "--format", "json"))] == ["ZhangSan"]


@pytest.mark.parametrize("char", HIDDEN)
def test_a_name_hiding_a_character_is_refused_naming_it(ok: Ok, run: Run, char: str) -> None:
    ok("init", "--org", "某局")
    result = run("member", "add", f"Zhang{char}San")
    assert result.exit_code == 1
    assert f"U+{ord(char):04X}" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert json.loads(ok("member", "list", "--format", "json")) == []


@pytest.mark.parametrize("char", BLANK)
def test_a_name_of_only_an_invisible_character_is_refused(ok: Ok, run: Run, char: str) -> None:
    ok("init", "--org", "某局")
    result = run("member", "add", char)
    assert result.exit_code == 1
    assert f"U+{ord(char):04X}" in result.stderr


@pytest.mark.parametrize("org", ["Org\u202eA", "Org\u200bA"])
def test_look_alike_groups_are_refused(ok: Ok, run: Run, org: str) -> None:
    ok("init", "--org", "OrgA")
    result = run("init", "--org", org)
    assert result.exit_code == 1
    assert "U+" in result.stderr


def test_a_full_width_group_name_is_the_same_group(ok: Ok) -> None:
    ok("init", "--org", "OrgA")
    ok("--org", "ＯｒｇＡ", "member", "add", "张三")
    assert "张三" in ok("--org", "OrgA", "member", "list")


@pytest.mark.parametrize("char", ["\u009b", "\u0085", "\u202e"])
def test_free_text_refuses_hidden_characters_too(ok: Ok, run: Run, char: str) -> None:
    ok("init", "--org", "某局")
    result = run("session", "add", "--date", "2023-03-01", "--title", f"学习{char}会议")
    assert result.exit_code == 1
    assert f"U+{ord(char):04X}" in result.stderr


def test_a_title_keeps_its_full_width_punctuation(ok: Ok) -> None:
    ok("init", "--org", "某局")
    ok("session", "add", "--date", "2023-03-01", "--title", "专题学习：全面从严治党（一）")
    assert "专题学习：全面从严治党（一）" in ok("session", "list", "--year", "2023")
