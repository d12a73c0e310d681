"""The settings file (``--config``, ``STUDYLOG_CONFIG``, default ``$STUDYLOG_HOME/config.toml``).

It names the group and how reports name it, sets the year-end check's thresholds and the
rules switched off, and the default language. ``config path`` and ``config show`` tell what
is in force; a bad file is one clear error that names the file and the key.

The year here is a first quarter, checked as of 2023-04-10: two sessions (one with a
discussion), three members, 李四 on leave once and made up ten days later, so the
attendance rate is 5 / 6 = 83.3% — below the default 90%.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
AS_OF = "2023-04-10"

QUARTER: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--role", "leader"),
    ("member", "add", "李四"),
    ("member", "add", "王五"),
    ("session", "add", "--date", "2023-02-15", "--title", "学习党章", "--discussion"),
    ("session", "add", "--date", "2023-03-15", "--title", "学习条例"),
    ("attend", "2023-02-15", "--leave", "李四:出差"),
    ("attend", "2023-03-15"),
    ("makeup", "add", "2023-02-15", "李四", "--date", "2023-02-25"),
]

DEFAULTS = {
    "attendance_rate": 0.9,
    "discussions_per_quarter": 1,
    "speeches_per_member": 1,
    "makeup_days": 30,
    "plan_on_date_rate": 0.8,
    "plan_drift_days": 3.0,
    "self_study_hours": 40,
    "disabled": [],
}


@pytest.fixture
def quarter(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("config-quarter", recording(QUARTER)))
    return database


@pytest.fixture
def default_file(tmp_path: Path) -> Path:
    """Where the settings file is looked for when none is named: $STUDYLOG_HOME/config.toml."""
    return tmp_path / "home" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def fails(run: Run, database: Database) -> Callable[..., str]:
    """Run studylog, insist it failed cleanly with one error line and an unchanged database."""

    def invoke(*args: str, prefix: str = "Error: ") -> str:
        before = database.snapshot()
        result = run(*args)
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == 1, (args, result.output)
        assert result.stdout == ""
        assert database.snapshot() == before
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(prefix), result.stderr
        assert "Traceback" not in result.output and "unexpected failure" not in lines[0]
        return lines[0]

    return invoke


def check(run: Run, *args: str) -> tuple[int, dict[str, Any]]:
    result = run("check", "--year", "2023", "--as-of", AS_OF, "--format", "json", *args)
    assert result.exit_code in (0, 3), result.output
    assert result.stderr == ""
    report = json.loads(result.stdout)
    return result.exit_code, {rule["rule"]: rule for rule in report["rules"]}


def check_table(run: Run, *args: str) -> tuple[int, str]:
    result = run("check", "--year", "2023", "--as-of", AS_OF, *args)
    assert result.exit_code in (0, 3), result.output
    return result.exit_code, result.stdout


def rule_line(output: str, title: str) -> list[str]:
    """The cells of the check table's line for the rule called ``title``."""
    line = next(line for line in output.splitlines() if line.strip().startswith(title))
    return re.split(r"\s{2,}", line.strip())


# -- where it is, what is in force ---------------------------------------------------------


def test_config_path_default_option_and_environment(
    ok: Ok, default_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ok("config", "path") == f"{default_file}\n"
    named = tmp_path / "elsewhere.toml"
    assert ok("--config", str(named), "config", "path") == f"{named}\n"
    assert ok("config", "path", "--config", str(named)) == f"{named}\n"  # after the command too
    monkeypatch.setenv("STUDYLOG_CONFIG", str(tmp_path / "env.toml"))
    assert ok("config", "path") == f"{tmp_path / 'env.toml'}\n"
    assert ok("--config", str(named), "config", "path") == f"{named}\n"  # the option wins


def test_config_show_without_a_file_prints_the_defaults(ok: Ok, default_file: Path) -> None:
    output = ok("config", "show")
    first, _, rest = output.partition("\n")
    assert first == f"# no settings file at {default_file}; these are the defaults"
    shown = tomllib.loads(rest)
    assert shown.pop("assess")["makeup_days"] == 30  # tests/test_assess.py checks the rest
    assert shown == {"org": {}, "check": DEFAULTS, "materials": {"max_size_mb": 20}}


def test_config_show_prints_the_file_in_force_and_round_trips(
    ok: Ok, default_file: Path, tmp_path: Path
) -> None:
    write(
        default_file,
        'language = "zh"\n[org]\nname = "测试局"\ndisplay_name = "中共测试局党组"\n'
        '[check]\nattendance_rate = 0.85\nmakeup_days = 15\ndisabled = ["plan"]\n',
    )
    output = ok("config", "show", "--lang", "en")
    first, _, rest = output.partition("\n")
    assert first == f"# {default_file}"
    shown = tomllib.loads(rest)
    assert shown.pop("assess")["makeup_days"] == 15  # [check] makeup_days, unless [assess] says
    assert shown == {
        "language": "zh",
        "org": {"name": "测试局", "display_name": "中共测试局党组"},
        "check": DEFAULTS | {"attendance_rate": 0.85, "makeup_days": 15, "disabled": ["plan"]},
        "materials": {"max_size_mb": 20},
    }
    copy = write(tmp_path / "copy.toml", rest)
    assert ok("--config", str(copy), "config", "show").partition("\n")[2] == rest


# -- thresholds and rules ------------------------------------------------------------------


def test_default_threshold_fails_the_quarter(quarter: Database, run: Run) -> None:
    code, rules = check(run)
    assert code == 3
    assert rules["attendance"]["passed"] is False
    assert rules["attendance"]["threshold"] == 0.9
    assert [name for name, rule in rules.items() if not rule["passed"]] == ["attendance"]


def test_a_lower_attendance_threshold_passes_it(
    quarter: Database, run: Run, default_file: Path
) -> None:
    write(default_file, "[check]\nattendance_rate = 0.8\n")
    code, output = check_table(run)
    assert code == 0
    assert rule_line(output, "Attendance rate at least 80%")[:3] == [
        "Attendance rate at least 80%",
        "pass (group); 1 member below individually",
        "group rate 83.3% (the rule judges the group)",
    ]
    code, rules = check(run)
    assert code == 0
    assert rules["attendance"]["threshold"] == 0.8


def test_a_shorter_make_up_window_fails_a_ten_day_make_up(
    quarter: Database, run: Run, default_file: Path
) -> None:
    write(default_file, "[check]\nattendance_rate = 0.8\nmakeup_days = 5\n")
    code, output = check_table(run)
    assert code == 3
    assert rule_line(output, "Every leave or absence made up within 5 days") == [
        "Every leave or absence made up within 5 days",
        "FAIL",
        "李四, 2023-02-15 (on leave): made up on 2023-02-25, 10 days later",
    ]


def test_more_discussions_per_quarter_fails_the_first_quarter(
    quarter: Database, run: Run, tmp_path: Path
) -> None:
    named = write(tmp_path / "strict.toml", "[check]\ndiscussions_per_quarter = 2\n")
    code, rules = check(run, "--config", str(named))
    assert code == 3
    assert rules["quarterly_discussion"]["threshold"] == 2
    assert rules["quarterly_discussion"]["offenders"] == [{"quarter": "2023-Q1", "discussions": 1}]
    code, output = check_table(run, "--config", str(named))
    assert rule_line(output, "At least 2 discussions every quarter") == [
        "At least 2 discussions every quarter",
        "FAIL",
        "2023-Q1: 1 discussion",
    ]


def test_a_rule_switched_off_is_shown_off_and_does_not_fail(
    quarter: Database, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = write(tmp_path / "lenient.toml", '[check]\ndisabled = ["attendance"]\n')
    monkeypatch.setenv("STUDYLOG_CONFIG", str(named))
    code, output = check_table(run)
    assert code == 0
    assert output.splitlines()[0].endswith(": 5 passed, 0 failed")
    assert rule_line(output, "Attendance rate at least")[1] == "off"
    code, rules = check(run)
    assert code == 0
    assert (rules["attendance"]["enabled"], rules["attendance"]["passed"]) == (False, True)


def test_a_rule_switched_off_keeps_its_full_title(
    quarter: Database, run: Run, default_file: Path
) -> None:
    write(default_file, '[check]\ndisabled = ["attendance", "makeups_on_time"]\n')
    _, output = check_table(run)
    assert rule_line(output, "Attendance rate at least 90%")[1] == "off"
    assert rule_line(output, "Every leave or absence made up within 30 days")[1] == "off"


def test_language_and_display_name_from_the_file(
    quarter: Database, run: Run, default_file: Path
) -> None:
    write(
        default_file,
        'language = "zh"\n[org]\ndisplay_name = "中共测试局党组理论学习中心组"\n'
        "[check]\nattendance_rate = 0.8\n",
    )
    code, output = check_table(run)
    assert code == 0
    assert output.splitlines()[0] == (
        f"中共测试局党组理论学习中心组 2023年度检查（截至 {AS_OF}）：6 项通过，0 项未通过"
    )
    assert rule_line(output, "出勤率不低于80%")[:2] == [
        "出勤率不低于80%",
        "通过（全组）；1名成员个人未达标",
    ]
    code, output = check_table(run, "--lang", "en")  # the command line beats the file
    assert output.splitlines()[0].startswith("2023 check for 中共测试局党组理论学习中心组")


def test_org_name_from_the_file_chooses_among_several(
    quarter: Database, ok: Ok, fails: Callable[..., str], default_file: Path
) -> None:
    ok("init", "--org", "另一个中心组")
    assert "several study groups" in fails("member", "list")
    write(default_file, f'[org]\nname = "{ORG}"\n')
    assert "李四" in ok("member", "list")
    assert "李四" not in ok("member", "list", "--org", "另一个中心组")  # the option wins


def test_a_file_saved_with_a_byte_order_mark_is_read(
    quarter: Database, run: Run, default_file: Path
) -> None:
    default_file.parent.mkdir(parents=True, exist_ok=True)
    default_file.write_bytes("\ufeff[check]\nattendance_rate = 0.8\n".encode())
    assert check(run)[0] == 0


# -- a bad settings file -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        pytest.param("[check\nattendance_rate = 0.9\n", "is not valid TOML", id="syntax"),
        pytest.param(
            "[check]\nattendence_rate = 0.9\n",
            "has an unknown key check.attendence_rate",
            id="misspelt-key",
        ),
        pytest.param(
            "[check]\nattendance_rate = 90\n",
            "check.attendance_rate is 90, but must be a number from 0 to 1",
            id="rate-as-percent",
        ),
        pytest.param(
            "[check]\ndisabled = ['speeches']\n",
            "check.disabled is ['speeches']",
            id="unknown-rule",
        ),
        pytest.param(
            "language = 'fr'\n",
            "language is 'fr', but must be zh | en",
            id="language",
        ),
    ],
)
def test_a_malformed_file_is_one_error_naming_the_key(
    quarter: Database, fails: Callable[..., str], default_file: Path, text: str, complaint: str
) -> None:
    write(default_file, text)
    line = fails("check", "--year", "2023", "--as-of", AS_OF)
    assert line.startswith(f"Error: the settings file {default_file}")
    assert complaint in line


def test_a_malformed_file_in_chinese(
    quarter: Database, fails: Callable[..., str], default_file: Path
) -> None:
    write(default_file, "[check]\nattendence_rate = 0.9\n")
    line = fails("--lang", "zh", "check", "--year", "2023", "--as-of", AS_OF, prefix="错误：")
    assert line.startswith(f"错误：配置文件 {default_file} 中有未知的设置项 check.attendence_rate")


def test_a_named_file_that_does_not_exist_is_an_error(
    quarter: Database, fails: Callable[..., str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.toml"
    line = fails("--config", str(missing), "stats", "--year", "2023")
    assert line == f"Error: no settings file at {missing}"


def test_a_malformed_file_still_lets_help_and_config_path_work(
    quarter: Database, ok: Ok, default_file: Path
) -> None:
    write(default_file, "[check]\nattendance_rate = 90\n")
    assert ok("config", "path") == f"{default_file}\n"
    assert "Usage" in ok("check", "--help")
