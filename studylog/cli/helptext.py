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
import unicodedata
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

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """Click's definition list, its second column wrapped by display width (a Chinese
        character takes two columns and a line may break between two of them)."""
        rows = [(term, chinese_notes(text)) for term, text in rows]
        first_col = min(max((_width(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in rows:
            self.write(f"{indent}{term}")
            if not text:
                self.write("\n")
                continue
            if _width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(text, max(self.width - first_col - 2, 10)) or [""]
            hanging = " " * (first_col + self.current_indent)
            self.write("\n".join([lines[0], *(hanging + line for line in lines[1:])]) + "\n")

    def write_text(self, text: str) -> None:
        """A command's description by paragraphs, wrapped by display width; a paragraph
        after a ``\\b`` line (the examples) kept line by line."""
        indent = " " * self.current_indent
        shown = []
        for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
            lines = paragraph.splitlines()
            if lines and lines[0].strip() == "\b":
                shown.append("\n".join(indent + line.rstrip() for line in lines[1:]))
            else:
                joined = _join([line.strip() for line in lines])
                width = max(self.width - self.current_indent, 10)
                shown.append("\n".join(indent + line for line in wrap(joined, width)))
        self.write("\n\n".join(shown) + "\n")


class ChineseContext(typer.Context):
    formatter_class = ChineseFormatter


def chinese_notes(text: str) -> str:
    """``[default: x]`` → ``[默认：x]``, ``[required]`` → ``[必填]``, Click's help option too."""
    text = OPTIONS.get(text, text)
    text = re.sub(r"\[(default|env var): ", lambda m: f"[{WORDS[m.group(1)]}：", text)
    text = text.replace("[required]", f"[{WORDS['required']}]")
    return text.replace("Show this message and exit.", OPTIONS["Show this message and exit."])


#: No line starts with these, and none ends with the openers.
_CLOSERS = set(")]}）】》」』”’，。、；：！？,.;:!?")
_OPENERS = set("([{（【《「『“‘")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    return sum(2 if _wide(char) else 1 for char in text)


def _join(lines: list[str]) -> str:
    """Lines of a paragraph as one: a space between two of them unless one side is Chinese."""
    joined = ""
    for line in filter(None, lines):
        gap = joined and not (_wide(joined[-1]) or _wide(line[0]))
        joined += (" " if gap else "") + line
    return joined


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at a space or next to a Chinese
    character (never before a closing mark or after an opening one, nor inside ``[…]``); a
    word longer than the line stays whole."""
    pieces: list[str] = []  # the unbreakable pieces, spaces on their own
    bracketed = 0  # inside Click's [默认：…] and the like, which stay whole
    for char in text:
        if not pieces:
            pieces.append(char)
            bracketed += char == "["
            continue
        last = pieces[-1][-1]
        breakable = not bracketed and (
            char == " "
            or last == " "
            or ((_wide(char) or _wide(last)) and char not in _CLOSERS and last not in _OPENERS)
        )
        bracketed = max(bracketed + (char == "[") - (char == "]"), 0)
        if breakable:
            pieces.append(char)
        else:
            pieces[-1] += char
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if piece == " ":
            if line and _width(line) < width:
                line += " "
            continue
        if line.strip() and _width(line) + _width(piece) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


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
    shown: list[str] = []
    going_on = False  # the example's line before ended with a backslash
    for line in (line.strip() for line in docstring.splitlines()):
        if line.startswith("Example:"):
            shown.append(WORDS["Example:"] + line.removeprefix("Example:").strip())
        elif going_on and line:
            shown.append(" " * (_width(WORDS["Example:"]) + 2) + line)
        else:
            going_on = False
            continue
        going_on = line.endswith("\\")
    if not shown:
        return ""
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
