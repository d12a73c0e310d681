"""The settings file: a TOML file in the user config dir (``--config``, ``STUDYLOG_CONFIG``).

::

    language = "zh"                      # default output language

    [org]
    name = "市统计局党组理论学习中心组"      # the group to work on when --org is not given
    display_name = "中共某市统计局党组理论学习中心组"  # how reports name it
    leave_approver = "张三"               # who approves leaves (default: the group's 组长)
    noun = "县委中心组"                   # the group as report sentences name it
    secretary_expected = true            # the 学习秘书 is expected at sessions (on the roll)

    [check]                              # the year-end check's thresholds
    attendance_rate = 0.9
    discussions_per_quarter = 1
    speeches_per_member = 1
    makeup_days = 30
    self_study_hours = 40                # minimum self-study hours a year (rule off by default)
    plan_on_date_rate = 0.8              # plan_drift: share held on the planned day, at least
    plan_drift_days = 3                  # plan_drift: mean days off the planned day, at most
    disabled = ["member_speeches"]       # rules switched off
    enabled = ["makeup_reflection"]      # rules off by default switched on
    member_speeches_roles = ["leader", "deputy", "member"]  # whom member_speeches judges

    [forms.salon]                        # a study form of the group's own (--form salon)
    zh = "理论沙龙"
    en = "theory salon"
    phrase = "举办理论沙龙{n}期"           # how the report counts it; {n}: its sessions

    [assess]                             # the yearly assessment (studylog assess): its
    threshold = 60                       # settings are checked by studylog.figures.scoring
    [assess.speeches]
    weight = 20
    cap = 12

    [materials]
    max_size_mb = 20                     # the largest material session attach stores

    [ledger]
    categories = ["意识形态工作", { value = "team", zh = "队伍建设", en = "team building" }]

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
    "session_minutes",
    "discussion_outline",
    "plan_drift",
    "self_study_hours",
)
#: Rules off unless the settings file turns them on (``[check] enabled = [...]``).
OFF_BY_DEFAULT = frozenset(
    {"makeup_reflection", "session_minutes", "discussion_outline", "plan_drift", "self_study_hours"}
)
#: The largest material ``session attach`` stores, unless ``[materials] max_size_mb`` says.
MATERIAL_LIMIT_MB = 20
ROLES = ("leader", "deputy", "member", "secretary", "observer")
#: Whom ``member_speeches`` judges unless the settings say: every expected role but the
#: secretary (who keeps the record rather than speaks).
SPEAKING_ROLES = frozenset({"leader", "deputy", "member"})


@dataclass(frozen=True)
class CheckRules:
    """The year-end check's thresholds; defaults follow the rules offices publish."""

    attendance_rate: float = 0.9
    discussions_per_quarter: int = 1
    speeches_per_member: int = 1  # key or written speeches per member per year
    makeup_days: int = 30
    self_study_hours: float = 40  # minimum self-study hours per expected member a year
    disabled: frozenset[str] = OFF_BY_DEFAULT
    plan_on_date_rate: float = 0.8  # plan_drift: share of sessions held on their planned day
    plan_drift_days: float = 3  # plan_drift: mean days between planned and held day, at most
    member_speeches_roles: frozenset[str] = SPEAKING_ROLES


@dataclass(frozen=True)
class Config:
    path: Path
    found: bool = False
    language: str | None = None
    org: str | None = None
    display_name: str | None = None
    leave_approver: str | None = None  # who approves leaves; default: the group's 组长
    check: CheckRules = field(default_factory=CheckRules)
    # [assess] as written: checked against the assessment's components when `assess` runs
    assess: dict[str, Any] = field(default_factory=dict)
    material_limit: int = MATERIAL_LIMIT_MB * 1024 * 1024  # bytes
    # The group's own ledger categories: (value, English label, Chinese label).
    ledger_categories: tuple[tuple[str, str, str], ...] = ()
    noun: str | None = None  # the group in sentences (党组中心组); default: read off its name
    secretary_expected: bool = True
    forms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # value → zh, en, phrase


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
    reader.known(data, "", {"language", "org", "check", "assess", "materials", "ledger", "forms"})
    language = reader.choice(data, "language", ("zh", "en"))
    org = reader.table(data, "org")
    reader.known(
        org, "org.", {"name", "display_name", "leave_approver", "noun", "secretary_expected"}
    )
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
            "plan_on_date_rate",
            "plan_drift_days",
            "member_speeches_roles",
        },
    )
    defaults = CheckRules()
    rate = check.get("attendance_rate", defaults.attendance_rate)
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
        reader.bad("check.attendance_rate", rate, "a number from 0 to 1, e.g. 0.9")
    on_date = check.get("plan_on_date_rate", defaults.plan_on_date_rate)
    if isinstance(on_date, bool) or not isinstance(on_date, int | float) or not 0 <= on_date <= 1:
        reader.bad("check.plan_on_date_rate", on_date, "a number from 0 to 1, e.g. 0.8")
    drift = check.get("plan_drift_days", defaults.plan_drift_days)
    if isinstance(drift, bool) or not isinstance(drift, int | float) or drift < 0:
        reader.bad("check.plan_drift_days", drift, "a number of days, 0 or more, e.g. 3")
    ledger = reader.table(data, "ledger")
    reader.known(ledger, "ledger.", {"categories"})
    minimum = check.get("self_study_hours", defaults.self_study_hours)
    if isinstance(minimum, bool) or not isinstance(minimum, int | float) or minimum < 0:
        reader.bad("check.self_study_hours", minimum, "a number of hours, 0 or more, e.g. 40")
    disabled = check.get("disabled", [])
    if not isinstance(disabled, list) or any(rule not in RULES for rule in disabled):
        reader.bad("check.disabled", disabled, "a list of rule names: " + ", ".join(RULES))
    enabled = check.get("enabled", [])
    if not isinstance(enabled, list) or any(rule not in RULES for rule in enabled):
        reader.bad("check.enabled", enabled, "a list of rule names: " + ", ".join(RULES))
    materials = reader.table(data, "materials")
    reader.known(materials, "materials.", {"max_size_mb"})
    limit = materials.get("max_size_mb", MATERIAL_LIMIT_MB)
    if isinstance(limit, bool) or not isinstance(limit, int | float) or not 0 < limit < 2048:
        reader.bad("materials.max_size_mb", limit, "a number of megabytes above 0, e.g. 20")
    speaking = check.get("member_speeches_roles", sorted(SPEAKING_ROLES))
    if not isinstance(speaking, list) or any(role not in ROLES for role in speaking):
        reader.bad("check.member_speeches_roles", speaking, "a list of roles: " + ", ".join(ROLES))
    expected = org.get("secretary_expected", True)
    if not isinstance(expected, bool):
        reader.bad("org.secretary_expected", expected, "true or false")
    return Config(
        path=path,
        found=True,
        language=language,
        org=reader.text(org, "name", "org."),
        display_name=reader.text(org, "display_name", "org."),
        leave_approver=reader.text(org, "leave_approver", "org."),
        noun=reader.text(org, "noun", "org."),
        secretary_expected=bool(expected),
        forms=_forms(reader, reader.table(data, "forms")),
        check=CheckRules(
            attendance_rate=float(rate),
            discussions_per_quarter=reader.count(check, "discussions_per_quarter", 1),
            speeches_per_member=reader.count(check, "speeches_per_member", 1),
            makeup_days=reader.count(check, "makeup_days", 30),
            self_study_hours=minimum,
            disabled=(OFF_BY_DEFAULT - set(enabled)) | set(disabled),
            plan_on_date_rate=float(on_date),
            plan_drift_days=float(drift),
            member_speeches_roles=frozenset(speaking),
        ),
        assess=reader.table(data, "assess"),
        material_limit=int(limit * 1024 * 1024),
        ledger_categories=_categories(reader, ledger.get("categories", [])),
    )


def _categories(reader: _Reader, listed: Any) -> tuple[tuple[str, str, str], ...]:
    """``[ledger] categories``: each a name (the same in both languages), or a table
    ``{ value = "team", zh = "队伍建设", en = "team building" }``."""
    wanted = 'a list of names or of { value = "…", zh = "…", en = "…" } tables'
    if not isinstance(listed, list):
        reader.bad("ledger.categories", listed, wanted)
    found = []
    for entry in listed:
        if isinstance(entry, str) and entry.strip():
            found.append((entry.strip(), entry.strip(), entry.strip()))
            continue
        texts = entry if isinstance(entry, dict) else {}
        value, zh = texts.get("value", texts.get("zh")), texts.get("zh")
        en = texts.get("en", zh)
        parts = (value, en, zh)
        if set(texts) - {"value", "zh", "en"} or not all(
            isinstance(part, str) and part.strip() and len(part) <= 100 for part in parts
        ):
            reader.bad("ledger.categories", entry, wanted)
        found.append((str(value).strip(), str(en).strip(), str(zh).strip()))
    return tuple(found)


def _forms(reader: _Reader, table: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    """``[forms.VALUE]`` tables: a study form of the group's own, its labels and phrase."""
    import re

    found = {}
    for value, words in table.items():
        key = f"forms.{value}"
        if not re.fullmatch(r"[a-z][a-z0-9-]{0,39}", value):
            reader.bad(key, value, "a new form's value: lower-case letters, digits and -")
        if not isinstance(words, dict):
            reader.bad(key, words, f"a table, [{key}]")
        reader.known(words, key + ".", {"zh", "en", "phrase"})
        zh, en, phrase = (reader.text(words, name, key + ".") for name in ("zh", "en", "phrase"))
        if zh is None or en is None:
            reader.bad(key, words, "zh and en labels")
        if phrase is not None and "{n}" not in phrase:
            reader.bad(key + ".phrase", phrase, "a phrase with {n} where the count goes")
        assert zh is not None and en is not None
        found[value] = (zh, en, phrase or f"{zh}{{n}}次")
    return found


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
    if config.noun:
        lines.append(f"noun = {quoted(config.noun)}")
    if not config.secretary_expected:
        lines.append("secretary_expected = false")
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
        f"plan_on_date_rate = {rules.plan_on_date_rate}",
        f"plan_drift_days = {rules.plan_drift_days}",
        f"self_study_hours = {rules.self_study_hours:g}",
        f"disabled = [{disabled}]",
        *([f"enabled = [{enabled}]"] if enabled else []),
        "",
        "[materials]",
        f"max_size_mb = {config.material_limit / 1024 / 1024:g}",
    ]
    if rules.member_speeches_roles != SPEAKING_ROLES:
        speaking = (quoted(role) for role in ROLES if role in rules.member_speeches_roles)
        lines.append(f"member_speeches_roles = [{', '.join(speaking)}]")
    for value, (zh, en, phrase) in config.forms.items():
        lines += ["", f"[forms.{value}]", f"zh = {quoted(zh)}", f"en = {quoted(en)}"]
        lines.append(f"phrase = {quoted(phrase)}")
    if config.ledger_categories:
        entries = ", ".join(
            f"{{ value = {quoted(value)}, zh = {quoted(zh)}, en = {quoted(en)} }}"
            for value, en, zh in config.ledger_categories
        )
        lines += ["", "[ledger]", f"categories = [{entries}]"]
    return "\n".join(lines)
