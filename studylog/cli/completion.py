"""What TAB offers: members' names, sessions, enum values and their Chinese labels, groups.

Typer's own mechanism does the shell's side (``--install-completion``, ``--show-completion``,
the ``_STUDYLOG_COMPLETE`` protocol for bash, zsh and fish); this module says what a value
completes to. One table, :func:`completer_for`, decides by what an option is (its metavar and
help), so the commands' modules need say nothing about completion and every new option of
the same kind completes the same way. :func:`attach` gives each parameter of a command its
completer when the command is built (:func:`studylog.cli.load_command`).

Completing must stay within a keystroke (~150 ms), and importing SQLAlchemy alone costs more:
the database is read through :mod:`studylog.store.peek` (sqlite3 or psycopg), and pinyin is
looked up only when Latin letters are typed where a Chinese name goes.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from studylog.store import peek
from studylog.text.activity_words import Level, Meeting, OutputKind
from studylog.text.vocab import (
    DISCUSSION_SPELLINGS,
    LABELS,
    Format,
    Kind,
    Method,
    Role,
    SpeechKind,
    Status,
)

#: Where several names are typed in one value (``--late 李四,王五``, ``--leave 张三、李四：出差``).
_SEPARATORS = re.compile(r"[,，、]")
_REASON = re.compile(r"[:：]")
_ENUMS: tuple[type[StrEnum], ...] = (
    *(Role, Kind, Format, Status, Method, SpeechKind),
    *(OutputKind, Level, Meeting),
)
#: 专题研讨 and the like: a session kind that also says it held a discussion (``parse_kind``).
_DISCUSSION = {spelling for spellings in DISCUSSION_SPELLINGS.values() for spelling in spellings}
#: An option whose help names no choices (``output list --kind``: "Only this kind."): its
#: enum by its metavar, within the commands it belongs to.
_BY_METAVAR: dict[tuple[str, str], type[StrEnum]] = {
    ("output", "KIND"): OutputKind,
    ("output", "LEVEL"): Level,
    ("agenda", "MEETING"): Meeting,
}
#: Choices that are not enums of the records: ``stats --by``, ``rectify list --by``; an
#: option is offered those its help names.
_GROUPINGS = {"member": "成员", "month": "月份", "quarter": "季度", "category": "类别"}


@dataclass(frozen=True)
class Completion:
    """One thing TAB offers: what it types, and a word about it (zsh and fish show it)."""

    value: str
    help: str | None = None
    type: str = "plain"


Completer = Callable[[Any, str], list[Completion]]


def attach(command: Any, path: str = "") -> None:
    """Give each parameter of ``command`` (its path: ``member add``), and of its commands,
    what it completes to."""
    for name, sub in getattr(command, "commands", {}).items():
        attach(sub, f"{path} {name}".strip())
    for param in getattr(command, "params", []):
        completer = completer_for(path, param)
        if completer is not None:
            # The parameter's shell_complete is the hook Click's completion calls for it.
            param.shell_complete = completer


def completer_for(command: str, param: Any) -> Completer | None:
    """What ``param`` of ``command`` (its path) completes to, read off its metavar and help."""
    metavar = (getattr(param, "metavar", None) or "").upper()
    text = getattr(param, "help", None) or ""
    opts = getattr(param, "opts", [])
    if "--org" in opts:
        return _groups
    if metavar == "REF":
        return _sessions
    if metavar.startswith("NAMES"):
        return _names_list
    if metavar == "NAME" and "--name" not in opts and command != "member add":
        return _deleted_names if "deleted" in text else _names
    if "--by" in opts:
        return _choices({word: zh for word, zh in _GROUPINGS.items() if word in text})
    if metavar == "FORM":
        return _forms
    if metavar == "CATEGORY":
        return _categories
    for enum in _ENUMS:
        values = [member.value for member in enum]
        if all(f"{value} (" in text for value in values):
            return _enum(enum)
    by_metavar = _BY_METAVAR.get((command.split(" ")[0], metavar))
    if by_metavar is not None:
        return _enum(by_metavar)
    listed = re.findall(r"(?:^|\s|: )([a-z][a-z0-9-]*)(?= \(|\s*\||\.?$)", text)
    if "|" in text and len(listed) >= 2:
        return _choices(dict.fromkeys(listed, ""))
    return None


# -- where to look ------------------------------------------------------------------------


def _where(ctx: Any) -> tuple[str | None, str | None]:
    """The database and the group this command line names (or the settings file does)."""
    root = ctx.find_root()
    db, org = root.params.get("db"), root.params.get("org")
    if org is None:
        from studylog.config import load_config

        with contextlib.suppress(Exception):  # a broken settings file: no group named
            org = load_config(root.params.get("config")).org
    return db, org


# -- the completers -----------------------------------------------------------------------


def _groups(ctx: Any, incomplete: str) -> list[Completion]:
    db = ctx.find_root().params.get("db")
    return [Completion(name) for name in peek.group_names(db) if name.startswith(incomplete)]


def _names(ctx: Any, incomplete: str) -> list[Completion]:
    db, org = _where(ctx)
    return _matching(peek.member_names(db, org), incomplete)


def _deleted_names(ctx: Any, incomplete: str) -> list[Completion]:
    db, org = _where(ctx)
    return _matching(peek.member_names(db, org, deleted=True), incomplete)


def _names_list(ctx: Any, incomplete: str) -> list[Completion]:
    """The last name of a list (``李四,王`` → ``李四,王志强``); nothing after a reason's colon."""
    if _REASON.search(incomplete):
        return []
    pieces = _SEPARATORS.split(incomplete)
    head = incomplete[: len(incomplete) - len(pieces[-1])]
    named = {piece.strip() for piece in pieces[:-1]}
    db, org = _where(ctx)
    members = [(name, title) for name, title in peek.member_names(db, org) if name not in named]
    return [Completion(head + item.value, item.help) for item in _matching(members, pieces[-1])]


def _matching(members: list[tuple[str, str]], typed: str) -> list[Completion]:
    typed = typed.strip()
    found = [(name, title) for name, title in members if name.startswith(typed)]
    if not found and typed.isascii() and typed.isalpha():
        from studylog.text.pinyin import matches

        found = [(name, title) for name, title in members if matches(typed, name)]
    return [Completion(name, title or None) for name, title in found]


def _sessions(ctx: Any, incomplete: str) -> list[Completion]:
    """Dates held once (with the title), and ``#id`` (with the date and title)."""
    db, org = _where(ctx)
    rows = peek.sessions(db, org)
    held: dict[str, int] = {}
    for _, day, _ in rows:
        held[_iso(day)] = held.get(_iso(day), 0) + 1
    offered: list[Completion] = []
    typed = incomplete.strip()
    for number, day, title in rows:
        shown = _iso(day)
        if held[shown] == 1 and shown.startswith(typed):
            offered.append(Completion(shown, title))
        if f"#{number}".startswith(typed) or (typed.isdigit() and str(number).startswith(typed)):
            offered.append(Completion(f"#{number}", f"{shown} {title}"))
    return offered


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)[:10]


#: One word a vocabulary offers: its CLI value, Chinese label, English label, further spellings.
Entry = tuple[str, str, str, tuple[str, ...]]


def _offer(entries: list[Entry], incomplete: str, head: str = "") -> list[Completion]:
    """The values (with the Chinese label as their word), and the Chinese labels and spellings
    when Chinese is typed; ``head`` is what comes before in a list (``film,``)."""
    offered = []
    for value, chinese, english, others in entries:
        if value.startswith(incomplete):
            offered.append(Completion(head + value, f"{chinese} {english}"))
        if incomplete and not incomplete.isascii():
            offered += [
                Completion(head + label, value)
                for label in dict.fromkeys((chinese, *others))
                if label.startswith(incomplete)
            ]
    return offered


def _enum(enum: type[StrEnum]) -> Completer:
    """The CLI values and the Chinese labels of an enum of :mod:`studylog.text.vocab`."""

    def complete(ctx: Any, incomplete: str) -> list[Completion]:
        offered = []
        for member in enum:
            english, chinese, others = LABELS[member]
            for item in _offer([(member.value, chinese, english, others)], incomplete):
                if enum is Kind and item.value in _DISCUSSION:
                    item = Completion(item.value, f"{item.help} --discussion")
                offered.append(item)
        return offered

    return complete


def _settings(ctx: Any) -> Any:
    """The settings this command line names (None when they cannot be read)."""
    from studylog.config import load_config

    with contextlib.suppress(Exception):
        return load_config(ctx.find_root().params.get("config"))
    return None


def _forms(ctx: Any, incomplete: str) -> list[Completion]:
    """Study forms, built in and the settings' own; the last of a comma-separated list."""
    from studylog.text.studyforms import BUILT_IN

    settings = _settings(ctx)
    entries: list[Entry] = [
        (value, words.zh, words.en, words.aliases) for value, words in BUILT_IN.items()
    ]
    own = getattr(settings, "forms", None) or {}
    entries += [(value, zh, en, ()) for value, (zh, en, _) in own.items()]
    pieces = _SEPARATORS.split(incomplete)
    head = incomplete[: len(incomplete) - len(pieces[-1])]
    named = {piece.strip() for piece in pieces[:-1]}
    left = [entry for entry in entries if not named & {entry[0], entry[1], *entry[3]}]
    return _offer(left, pieces[-1].strip(), head)


def _categories(ctx: Any, incomplete: str) -> list[Completion]:
    """Ledger categories: the shipped ones, then the settings' own."""
    from studylog.text.categories import SHIPPED

    settings = _settings(ctx)
    entries: list[Entry] = [(item.value, item.zh, item.en, ()) for item in SHIPPED]
    own = getattr(settings, "ledger_categories", None) or ()
    entries += [(value, zh, en, ()) for value, en, zh in own]
    return _offer(entries, incomplete)


def _choices(words: dict[str, str]) -> Completer:
    def complete(ctx: Any, incomplete: str) -> list[Completion]:
        offered = [Completion(value, label or None) for value, label in words.items()]
        offered += [Completion(label, value) for value, label in words.items() if label]
        return [item for item in offered if incomplete and item.value.startswith(incomplete)] or [
            item for item in offered[: len(words)] if item.value.startswith(incomplete)
        ]

    return complete
