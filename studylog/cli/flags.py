"""Yes/no flags typed the way a secretary says them: ``--discussion 否`` is ``--no-discussion``.

A flag takes no value on the command line, so ``--discussion 否`` used to leave 否 as an extra
argument (「多余的参数：否」). Here 是/否 (and yes/no, true/false) after a flag become the flag
or its ``--no-`` form, with a note on stderr naming the form to type next time.
"""

from __future__ import annotations

from typing import Any

import typer

from studylog.text.messages import t

YES = {"是", "对", "有", "yes", "y", "true"}
NO = {"否", "不", "无", "no", "n", "false"}


def accept_yes_no(command: Any) -> None:
    """Teach ``command`` (and, for a group, each of its commands) to read 是/否 after a flag."""
    for sub in getattr(command, "commands", {}).values():
        accept_yes_no(sub)
    flags: dict[str, tuple[str, str | None]] = {}
    for param in getattr(command, "params", []):
        if getattr(param, "is_flag", False) and param.opts:
            off = param.secondary_opts[0] if param.secondary_opts else None
            for option in param.opts:
                flags[option] = (param.opts[0], off)
    if not flags:
        return
    original = command.parse_args

    def parse_args(ctx: Any, args: list[str]) -> Any:
        return original(ctx, rewritten(args, flags))

    command.parse_args = parse_args


def rewritten(args: list[str], flags: dict[str, tuple[str, str | None]]) -> list[str]:
    result: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        option, equals, value = arg.partition("=")
        if option in flags and not equals and index + 1 < len(args):
            value = args[index + 1]
        if option in flags and value.strip().lower() in YES | NO:
            on, off = flags[option]
            chosen = on if value.strip().lower() in YES else off
            typer.echo(
                t("flag_value_note", option=option, value=value, flag=chosen or "—"), err=True
            )
            if chosen is not None:
                result.append(chosen)
            index += 1 if equals else 2
            continue
        result.append(arg)
        index += 1
    return result
