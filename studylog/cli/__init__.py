"""The ``studylog`` command: global options, the command tree, and the error edge.

Every expected failure is a :class:`~studylog.errors.StudylogError`; here, and only here,
it becomes one line ``Error: …`` (``错误：…``) on stderr and its exit status: 1 for a request
the records refuse, 2 for a value that cannot be read (:class:`~studylog.errors.BadValue`).
Usage mistakes (a missing option, say) get the same one-line treatment with status 2; a check
that found a rule broken exits 3 (see :mod:`studylog.errors`).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import importlib
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from studylog import __version__, invocation
from studylog.cli import helptext
from studylog.cli.common import settings
from studylog.errors import BadValue, StudylogError
from studylog.text.messages import (
    LANGUAGES,
    current_language,
    describe,
    set_language,
    t,
)
from studylog.text.periods import typed_number

GLOBAL_OPTIONS = ("--db", "--org", "--lang", "--config")
GLOBAL_FLAGS = ("--pager", "--no-pager")

#: Whole-number options a secretary types with their unit: ``--year 2026年``, ``--month 7月``.
TYPED_NUMBERS = ("--year", "-y", "--month", "-m")


def hoist_global_options(args: Sequence[str]) -> list[str]:
    """Let ``--db``, ``--org``, ``--lang``, ``--config`` and ``--pager``/``--no-pager`` be given
    after the command too."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg in GLOBAL_OPTIONS and index + 1 < len(args):
            front.extend(args[index : index + 2])
            index += 2
            continue
        if arg.partition("=")[0] in GLOBAL_OPTIONS or arg in GLOBAL_FLAGS:
            front.append(arg)
        else:
            rest.append(arg)
        index += 1
    return front + rest


def plain_numbers(args: Sequence[str]) -> list[str]:
    """``--year 2026年`` → ``--year 2026`` and ``--month 7月`` → ``--month 7`` (full-width
    digits too), before the options are parsed: the value then is a plain whole number."""
    result = list(args)
    for index, arg in enumerate(result):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if equals and option in TYPED_NUMBERS:
            result[index] = f"{option}={typed_number(value)}"
        elif arg in TYPED_NUMBERS and index + 1 < len(result):
            result[index + 1] = typed_number(result[index + 1])
    return result


from studylog.cli.commands import COMMANDS  # noqa: E402  (the command tree, a table)


def load_command(name: str) -> Any:
    """The command ``name``, built as Typer would have built it inside the whole tree."""
    module, attribute, _ = COMMANDS[name]
    target = getattr(importlib.import_module(f"studylog.cli.{module}"), attribute)
    holder = typer.Typer(rich_markup_mode=None, add_completion=False)
    holder.callback()(_no_options)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    command = typer.main.get_group(holder).commands[name]
    from studylog.cli.flags import accept_yes_no

    accept_yes_no(command)  # --discussion 否 = --no-discussion
    from studylog.cli.completion import attach

    attach(command, name)  # TAB: members' names, sessions, enum values (studylog.cli.completion)
    from studylog.cli.helptext import in_language

    in_language(command, name)  # --help in Chinese under zh
    return command


def _no_options() -> None:
    """The holder of one command."""


class StudylogGroup(TyperGroup):
    """The root: global options hoisted from anywhere, commands loaded when used."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, Any] = {}
        from studylog.cli.completion import attach

        attach(self)  # --org completes to the database's groups

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, plain_numbers(hoist_global_options(args)))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self._loaded:
            self._loaded[cmd_name] = load_command(cmd_name)
        return self._loaded[cmd_name]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, helptext.listed(name, text, limit)) for name, (*_, text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        # The language is chosen ahead (--lang, STUDYLOG_LANG, the settings file, the locale),
        # so that --help, which Click answers before any other option, and a command line
        # Typer refuses are in it too.
        set_language(helptext.early_language(sys.argv[1:] if args is None else list(args)))
        helptext.in_language(self, "")
        invocation.record(sys.argv[1:] if args is None else args)
        # Every file studylog writes (database, backup, export, document) holds personal
        # records: only its owner may read it.
        umask = os.umask(0o077)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except StudylogError as error:  # 1 refused by the records, 2 a value unreadable
            _fail(describe(error), error.exit_code)
        except typer.TyperException as error:  # Typer's usage errors (click's ClickException)
            if type(error).__name__ == "NoArgsIsHelpError":
                typer.echo(error.format_message())
                sys.exit(0)
            context = getattr(error, "ctx", None)
            hint = f" ({context.command_path} --help)" if context is not None else ""
            _fail(usage_message(error.format_message()) + hint, error.exit_code)
        except OSError as error:  # a file the user named: missing, a folder, not allowed
            if error.errno == errno.EPIPE:  # the reader went away (| head): nothing to say
                sys.exit(1)
            path = error.filename or ""
            _fail(t("file_error", path=path, detail=error.strerror or str(error)), 1)
        except typer.Abort:
            _fail(t("aborted"), 1)
        except Exception as error:  # a bug: say so plainly, keep tracebacks for developers
            if os.environ.get("STUDYLOG_DEBUG"):
                raise
            if type(error).__module__.startswith("sqlalchemy"):
                # The database's own reason, never SQLAlchemy's text: it quotes the statement
                # and its parameters, which hold record contents.
                from studylog.store.faults import as_error

                fault = as_error(error)
                if fault is not None:
                    _fail(describe(fault), 1)
            _fail(t("internal", detail=f"{type(error).__name__}: {error}"), 1)
        finally:
            os.umask(umask)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


# Typer's usage messages, as Chinese users should read them.
_USAGE_ZH = [
    (re.compile(r"^Missing option (.+?)\.?$"), "缺少选项 {0}"),
    (re.compile(r"^Missing argument (.+?)\.?$"), "缺少参数 {0}"),
    (
        re.compile(r"^No such option: (\S+?) \(Possible options: (.+)\)$"),
        "没有选项 {0}（可用：{1}）",
    ),
    (re.compile(r"^No such option: (\S+?)(?:\s+Did you mean (.+?)\?)?$"), "没有选项 {0}"),
    (re.compile(r"^No such command (.+?)\.?(?:\s+Did you mean (.+?)\?)?$"), "没有命令 {0}"),
    (re.compile(r"^Option (.+?) requires an argument\.?$"), "选项 {0} 需要一个值"),
    (re.compile(r"^Invalid value for (.+?): (.+)$", re.S), "{0} 的值无效：{1}"),
    (re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((.+)\)$"), "多余的参数：{0}"),
]


def usage_message(message: str) -> str:
    """Typer's own message, in Chinese when the user reads Chinese; in English without the
    conversion library's wording (``Input should be a valid integer, unable to parse …``)."""
    if current_language() != "zh":
        return re.sub(
            r"Input should be a valid integer[^(\n]*?(\s*)(?=\(|$)",
            r"a whole number is expected\1",
            message,
        )
    for pattern, template in _USAGE_ZH:
        match = pattern.match(message.strip())
        if match:
            groups = [group or "" for group in match.groups()]
            groups = [re.sub(r"Input should be a valid integer.*", "应为整数", g) for g in groups]
            translated = template.format(*groups)
            suggestion = match.groups()[-1] if len(match.groups()) > 1 else None
            if suggestion and "Did you mean" in message:
                translated += t("did_you_mean", names=suggestion)
            return translated
    return message


def _fail(message: str, code: int) -> None:
    typer.echo(t("error_prefix") + one_line(message), err=True)
    sys.exit(code)


def one_line(message: str) -> str:
    """The message on one line, control characters shown as escapes: what the user typed
    (a newline, a terminal escape) can neither break the line nor act on the terminal."""
    shown = (
        repr(char)[1:-1] if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in message.strip()
    )
    return "".join(shown)


app = typer.Typer(
    cls=StudylogGroup,
    name="studylog",
    help="Records and yearly tallies of a Party-group theoretical study central group "
    "(党组理论学习中心组): sessions, attendance, make-ups, speeches.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion; see studylog.cli.completion
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"studylog {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="STUDYLOG_DB",
            metavar="PATH|URL",
            help="Database: a SQLite file path or a SQLAlchemy URL "
            "(default: studylog.db in studylog's folder, STUDYLOG_HOME).",
            show_default=False,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            envvar="STUDYLOG_ORG",
            metavar="NAME",
            help="The study group (中心组); may be omitted while the database holds one.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="STUDYLOG_LANG",
            metavar="zh|en",
            help="Output language: zh | en (default: zh under a Chinese locale, else en).",
        ),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            envvar="STUDYLOG_CONFIG",
            metavar="PATH",
            help="Settings file (TOML; default: config.toml in the user config dir).",
            show_default=False,
        ),
    ] = None,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page long listings (less -FRX, or $STUDYLOG_PAGER, $PAGER) on a terminal; "
            "never when piped. Default: on a terminal.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Keep the study group's records; hand up exact figures at year end."""
    settings.start(db=db, org=org, config_file=config)
    settings.pager = pager
    if lang is None:
        # The settings file's language beats the locale; a broken file is reported by the
        # first command that needs it, so --help and `config path` still work.
        with contextlib.suppress(StudylogError):
            lang = settings.config().language
    if lang is not None:
        chosen = lang.strip().lower()
        if chosen not in LANGUAGES:
            raise BadValue("bad_choice", what="--lang", value=lang, choices="zh | en")
        set_language(chosen)


def main() -> None:
    # The cyclic garbage collector stays off while a command starts: starting makes a few
    # hundred thousand objects that live until the process ends (modules, classes,
    # functions), and the collector would walk them again and again (a quarter of a small
    # `stats`). studylog.db.open_database turns it back on, once the database is open, for
    # the command's work.
    gc.disable()
    # Named, not guessed from how Python was started: `python -m studylog` completes, and
    # says its usage, as the installed command does (_STUDYLOG_COMPLETE).
    app(prog_name="studylog")
