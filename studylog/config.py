"""The settings file: a TOML file in the user config dir (``--config``, ``STUDYLOG_CONFIG``).

::

    language = "zh"                      # default output language

    [org]
    name = "市统计局党组理论学习中心组"      # the group to work on when --org is not given
    display_name = "中共某市统计局党组理论学习中心组"  # how reports name it
    leave_approver = "张三"               # who approves leaves (default: the group's 组长)

    [check]                              # the year-end check's thresholds
    attendance_rate = 0.9
    discussions_per_quarter = 1
    speeches_per_member = 1
    makeup_days = 30
    self_study_hours = 40                # minimum self-study hours a year (rule off by default)
    disabled = ["member_speeches"]       # rules switched off
    enabled = ["makeup_reflection", "self_study_hours"]  # rules off by default switched on

Parsed with the standard library's tomllib; every key is checked, and a bad one is an
error that names it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studylog.errors import StudylogError

RULES = (
    "attendance",
    "quarterly_discussion",
    "member_speeches",
    "makeups_on_time",
    "rectification",
    "plan",
    "makeup_reflection",
    "self_study_hours",
)
#: Rules off unless the settings file turns them on (``[check] enabled = [...]``).
OFF_BY_DEFAULT = frozenset({"makeup_reflection", "self_study_hours"})


@dataclass(frozen=True)
class CheckRules:
    """The year-end check's thresholds; defaults follow the rules offices publish."""

    attendance_rate: float = 0.9
    discussions_per_quarter: int = 1
    speeches_per_member: int = 1  # key or written speeches per member per year
    makeup_days: int = 30
    self_study_hours: float = 40  # minimum self-study hours per expected member a year
    disabled: frozenset[str] = OFF_BY_DEFAULT


@dataclass(frozen=True)
class Config:
    path: Path
    found: bool = False
    language: str | None = None
    org: str | None = None
    display_name: str | None = None
    leave_approver: str | None = None  # who approves leaves; default: the group's 组长
    check: CheckRules = field(default_factory=CheckRules)


def config_path(explicit: str | None = None) -> Path:
    """``--config``, else ``STUDYLOG_CONFIG``, else config.toml in ``STUDYLOG_HOME`` when
    that is set, else config.toml in the user config dir."""
    chosen = explicit or os.environ.get("STUDYLOG_CONFIG")
    if chosen:
        return Path(chosen).expanduser()
    if os.environ.get("STUDYLOG_HOME"):
        return Path(os.environ["STUDYLOG_HOME"]).expanduser() / "config.toml"
    from platformdirs import user_config_path

    return user_config_path("studylog", appauthor=False) / "config.toml"


def load_config(explicit: str | None = None) -> Config:
    """The settings in force. No file at the default place means the defaults; a file that
    was asked for by name (``--config`` or ``STUDYLOG_CONFIG``) must exist."""
    path = config_path(explicit)
    named = bool(explicit or os.environ.get("STUDYLOG_CONFIG"))
    if not path.is_file():
        if named or path.exists():
            raise StudylogError("config_missing", path=str(path))
        return Config(path=path)
    import tomllib  # only when there is a file: --help need not load a parser

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StudylogError("config_syntax", path=str(path), detail=str(error)) from None
    return _read(path, data)


def _read(path: Path, data: dict[str, Any]) -> Config:
    reader = _Reader(path)
    reader.known(data, "", {"language", "org", "check"})
    language = reader.choice(data, "language", ("zh", "en"))
    org = reader.table(data, "org")
    reader.known(org, "org.", {"name", "display_name", "leave_approver"})
    check = reader.table(data, "check")
    reader.known(
        check,
        "check.",
        {
            "attendance_rate",
            "discussions_per_quarter",
            "speeches_per_member",
            "makeup_days",
            "self_study_hours",
            "disabled",
            "enabled",
        },
    )
    defaults = CheckRules()
    rate = check.get("attendance_rate", defaults.attendance_rate)
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
        reader.bad("check.attendance_rate", rate, "a number from 0 to 1, e.g. 0.9")
    minimum = check.get("self_study_hours", defaults.self_study_hours)
    if isinstance(minimum, bool) or not isinstance(minimum, int | float) or minimum < 0:
        reader.bad("check.self_study_hours", minimum, "a number of hours, 0 or more, e.g. 40")
    disabled = check.get("disabled", [])
    if not isinstance(disabled, list) or any(rule not in RULES for rule in disabled):
        reader.bad("check.disabled", disabled, "a list of rule names: " + ", ".join(RULES))
    enabled = check.get("enabled", [])
    if not isinstance(enabled, list) or any(rule not in RULES for rule in enabled):
        reader.bad("check.enabled", enabled, "a list of rule names: " + ", ".join(RULES))
    return Config(
        path=path,
        found=True,
        language=language,
        org=reader.text(org, "name", "org."),
        display_name=reader.text(org, "display_name", "org."),
        leave_approver=reader.text(org, "leave_approver", "org."),
        check=CheckRules(
            attendance_rate=float(rate),
            discussions_per_quarter=reader.count(check, "discussions_per_quarter", 1),
            speeches_per_member=reader.count(check, "speeches_per_member", 1),
            makeup_days=reader.count(check, "makeup_days", 30),
            self_study_hours=minimum,
            disabled=(OFF_BY_DEFAULT - set(enabled)) | set(disabled),
        ),
    )


class _Reader:
    """Checks one file's values, naming the key and the file in every complaint."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def bad(self, key: str, value: Any, wanted: str) -> None:
        raise StudylogError(
            "config_value", path=str(self.path), key=key, value=repr(value), wanted=wanted
        )

    def known(self, table: dict[str, Any], prefix: str, keys: set[str]) -> None:
        for key in table:
            if key not in keys:
                raise StudylogError(
                    "config_key",
                    path=str(self.path),
                    key=prefix + key,
                    known=sorted(prefix + name for name in keys),
                )

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.bad(key, value, "a table, [" + key + "]")
        return dict(value)

    def choice(self, data: dict[str, Any], key: str, choices: tuple[str, ...]) -> str | None:
        value = data.get(key)
        if value is not None and value not in choices:
            self.bad(key, value, " | ".join(choices))
        return value

    def text(self, data: dict[str, Any], key: str, prefix: str) -> str | None:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            self.bad(prefix + key, value, "a non-empty string")
        return value.strip() if isinstance(value, str) else None

    def count(self, data: dict[str, Any], key: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.bad("check." + key, value, "a whole number, 0 or more")
        return int(value)


def as_toml(config: Config) -> str:
    """The settings in force, written back as TOML (``studylog config show``)."""

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = []
    if config.language:
        lines += [f"language = {quoted(config.language)}", ""]
    lines.append("[org]")
    if config.org:
        lines.append(f"name = {quoted(config.org)}")
    if config.display_name:
        lines.append(f"display_name = {quoted(config.display_name)}")
    if config.leave_approver:
        lines.append(f"leave_approver = {quoted(config.leave_approver)}")
    rules = config.check
    disabled = ", ".join(quoted(rule) for rule in sorted(rules.disabled - OFF_BY_DEFAULT))
    enabled = ", ".join(quoted(rule) for rule in sorted(OFF_BY_DEFAULT - rules.disabled))
    lines += [
        "",
        "[check]",
        f"attendance_rate = {rules.attendance_rate}",
        f"discussions_per_quarter = {rules.discussions_per_quarter}",
        f"speeches_per_member = {rules.speeches_per_member}",
        f"makeup_days = {rules.makeup_days}",
        f"self_study_hours = {rules.self_study_hours:g}",
        f"disabled = [{disabled}]",
        *([f"enabled = [{enabled}]"] if enabled else []),
    ]
    return "\n".join(lines)
