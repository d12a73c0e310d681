"""``--help`` in the user's language: the Chinese of each command and option, put on the
command when it is built (the language is chosen before: ``--lang``, ``STUDYLOG_LANG``, the
settings file, the locale), and Click's own words (用法, 选项, 默认) through a help formatter.

Only public Click and Typer: a command's ``help`` / ``short_help``, a parameter's ``help``, and
the ``context_class`` / ``formatter_class`` Click lets a command choose.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from typing import Any

import typer

from studylog.errors import StudylogError
from studylog.text.catalog.help import COMMANDS, OPTIONS, WORDS
from studylog.text.language import LANGUAGES, Language, current_language, detect_language

_BaseFormatter: Any = typer.Context.formatter_class


class ChineseFormatter(_BaseFormatter):  # type: ignore[misc]
    """Click's help layout with its headings and notes in Chinese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=WORDS["Usage: "])

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{WORDS.get(heading, heading)}：\n")

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, chinese_notes(text)) for term, text in rows], *args, **kwargs)


class ChineseContext(typer.Context):
    formatter_class = ChineseFormatter


def chinese_notes(text: str) -> str:
    """``[default: x]`` → ``[默认：x]``, ``[required]`` → ``[必填]``, Click's help option too."""
    text = OPTIONS.get(text, text)
    text = re.sub(r"\[(default|env var): ", lambda m: f"[{WORDS[m.group(1)]}：", text)
    text = text.replace("[required]", f"[{WORDS['required']}]")
    return text.replace("Show this message and exit.", OPTIONS["Show this message and exit."])


def in_language(command: Any, path: str) -> None:
    """Put the help of ``command`` (its path: ``member add``; ``""`` the root), its options
    and its commands in the current language (English is what the code says)."""
    if current_language() != "zh":
        return
    command.context_class = ChineseContext
    summary = COMMANDS.get(path)
    if summary is not None:
        command.help = summary + _examples(command.help or "")
        command.short_help = summary
    for param in getattr(command, "params", []):
        help_text = getattr(param, "help", None)
        if help_text in OPTIONS:
            param.help = OPTIONS[help_text]
    for name, sub in getattr(command, "commands", {}).items():
        in_language(sub, f"{path} {name}".strip())


def listed(path: str, english: str, limit: int) -> str:
    """A command's line in a list of commands: its Chinese under zh, else (and when it has
    no Chinese yet) its English summary cut to ``limit``."""
    if current_language() == "zh" and path in COMMANDS:
        return COMMANDS[path]
    return short_help(english, limit)


def _examples(docstring: str) -> str:
    """The ``Example:`` lines of an English docstring, as ``示例：`` lines kept unwrapped."""
    lines = [line.strip() for line in docstring.splitlines()]
    examples = [line for line in lines if line.startswith("Example:")]
    if not examples:
        return ""
    shown = [WORDS["Example:"] + line.removeprefix("Example:").strip() for line in examples]
    return "\n\n\b\n" + "\n".join(shown)


def early_language(args: Sequence[str]) -> Language:
    """The language before the options are parsed: ``--lang``, ``STUDYLOG_LANG``, the
    settings file's ``language`` (``--config``), else the locale."""
    chosen = (_option_in(args, "--lang") or "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    if os.environ.get("STUDYLOG_LANG", "").strip().lower() in LANGUAGES:
        return detect_language()
    from studylog.config import load_config

    with contextlib.suppress(StudylogError):  # a broken file is reported by the command
        configured = load_config(_option_in(args, "--config")).language
        if configured in LANGUAGES:
            return configured
    return detect_language()


def _option_in(args: Sequence[str], option: str) -> str | None:
    """The value of a global option anywhere on the command line (before ``--``)."""
    for index, word in enumerate(args):
        if word == "--":
            break
        if word == option and index + 1 < len(args):
            return args[index + 1]
        if word.startswith(option + "="):
            return word.partition("=")[2]
    return None


def short_help(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut between words to ``limit`` characters with
    ``...``: what Click shows in a list of commands."""
    words = text.split()
    total = 0
    for index, word in enumerate(words):
        total += len(word) + (index > 0)
        if total > limit:
            break
        if word.endswith("."):
            return " ".join(words[: index + 1])
        if total == limit and index != len(words) - 1:
            break
    else:
        return " ".join(words)
    total += 3
    while index > 0:
        total -= len(words[index]) + 1
        if total <= limit:
            break
        index -= 1
    return " ".join(words[:index]) + "..."
