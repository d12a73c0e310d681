"""The ``studylog`` command: global options, the command tree, and the error edge.

Every expected failure is a :class:`~studylog.errors.StudylogError`; here, and only here,
it becomes one line ``Error: …`` (``错误：…``) on stderr and exit status 1. Usage mistakes
(a missing option, say) get the same one-line treatment with status 2.
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
from studylog.cli import coercion
from studylog.cli.common import settings
from studylog.errors import StudylogError
from studylog.text.messages import (
    LANGUAGES,
    Language,
    current_language,
    describe,
    detect_language,
    set_language,
    t,
)

GLOBAL_OPTIONS = ("--db", "--org", "--lang", "--config")
GLOBAL_FLAGS = ("--pager", "--no-pager")

coercion.install()  # option values without importing pydantic: see studylog.cli.coercion


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


#: The command tree: name → (module in studylog.cli, its command or Typer app, short help).
#: A command's module is imported, and its options built, only when that command runs or
#: shows its help: ``studylog --help`` reads the short help from here (a test keeps these in
#: step with the docstrings).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": (
        "setup",
        "init",
        "Create the database if needed and name the study group (--org, default "
        "党组理论学习中心组).",
    ),
    "attend": (
        "attendance",
        "attend",
        "Record a session's whole roll in one line; everyone expected and not named was present.",
    ),
    "stats": (
        "reports",
        "stats",
        "Print the tallies of a year (or --from/--to): the one-line summary and every figure.",
    ),
    "check": (
        "checks",
        "check",
        "Run the group's rules for a year; exit status 0 when all pass, 1 when any fails.",
    ),
    "assess": (
        "assess",
        "assess",
        "Score each member's study of a year (学习考评), every component beside the total.",
    ),
    "report": (
        "documents",
        "report_app",
        "Draft the annual report (年度学习情况汇报) in three parts, every figure from the "
        "records, with the list of sessions and the attendance notice attached.",
    ),
    "sheet": (
        "documents",
        "sheet",
        "Write a session's sign-in sheet (签到表), ready to print: one row per expected member.",
    ),
    "archive": (
        "documents",
        "archive",
        "Build the year's archive (学习档案): contents page, plan, each session's record with "
        "its roll and speeches, the make-ups, the rectification ledger, the annual report "
        "(Word files).",
    ),
    "export": (
        "transfer",
        "export_",
        "Write the year's records, its plan and ledger, and the attendance notice.",
    ),
    "import": (
        "transfer",
        "import_",
        "Add the records in a file that export wrote, a roster or a sign-in sheet.",
    ),
    "calendar": (
        "calendar",
        "calendar",
        "Write the year's planned sessions as a calendar file (.ics) for phones and Outlook.",
    ),
    "due": (
        "calendar",
        "due",
        "List what is overdue and what is due in the coming days: planned sessions, make-ups, "
        "ledger deadlines.",
    ),
    "log": ("history", "log", "Show who changed what and when: every write, oldest first."),
    "undo": (
        "history",
        "undo",
        "Revert the latest change to the records, or log entry ENTRY (asks first unless --yes).",
    ),
    "demo": (
        "setup",
        "demo",
        "Load a realistic sample year into a sample database and print its tallies.",
    ),
    "member": (
        "members",
        "app",
        "Members of the group (班子成员): add, list, edit, retire, delete.",
    ),
    "session": (
        "materials",  # the sessions' commands, with notes, materials and the brief
        "app",
        "Study sessions (集中学习 / 专题学习): add, list, show, edit, delete.",
    ),
    "makeup": ("attendance", "makeup_app", "Make-up study (事后补学) after a leave or absence."),
    "speech": ("speeches", "app", "Speeches (发言): key, written, exchange."),
    "output": (
        "outputs",
        "app",
        "Members' outputs (学习成果): party lectures, briefing tours, articles, reflections, "
        "research reports, discussion papers.",
    ),
    "selfstudy": ("selfstudy", "app", "Self-study (个人自学): a member's own study, with hours."),
    "agenda": (
        "agenda",
        "app",
        "First agenda items (第一议题) at 党组会, 党委会, 常委会: meetings that are not study "
        "sessions.",
    ),
    "plan": ("plans", "app", "The year's study plan (学习计划): add, list, edit, delete, show."),
    "rectify": (
        "ledger",
        "app",
        "The rectification ledger (整改台账): problems, measures, follow-up, closing (销号).",
    ),
    "signin": (
        "signin",
        "signin",
        "Open a sign-in for a session: members sign from their phones by scanning a QR code.",
    ),
    "serve": (
        "serve",
        "app",
        "Show the records in a browser, read-only: figures, notice, plan, check, ledger, sessions.",
    ),
    "config": (
        "checks",
        "config_app",
        "The settings file (配置): where it is and what is in force.",
    ),
    "db": (
        "upkeep",
        "app",
        "The database: online backup, consistency check, PostgreSQL roles walled to a group.",
    ),
    "restore": (
        "history",
        "restore_app",
        "Bring back a deleted session or member; list what is deleted.",
    ),
}


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
    return command


def _no_options() -> None:
    """The holder of one command."""


class StudylogGroup(TyperGroup):
    """The root: global options hoisted from anywhere, commands loaded when used."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, Any] = {}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self._loaded:
            self._loaded[cmd_name] = load_command(cmd_name)
        return self._loaded[cmd_name]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        from typer._click.utils import make_default_short_help

        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, make_default_short_help(text, limit)) for name, (*_, text) in COMMANDS.items()
        ]
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
        # --lang is read ahead too, so a command line Typer refuses is answered in it.
        set_language(_language_in(args) or detect_language())
        invocation.record(sys.argv[1:] if args is None else args)
        # Every file studylog writes (database, backup, export, document) holds personal
        # records: only its owner may read it.
        umask = os.umask(0o077)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except StudylogError as error:
            _fail(describe(error), 1)
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
    """Typer's own message, in Chinese when the user reads Chinese."""
    if current_language() != "zh":
        return message
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


def _language_in(args: Sequence[str] | None) -> Language | None:
    words = list(sys.argv[1:] if args is None else args)
    for index, word in enumerate(words):
        value = None
        if word == "--lang" and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value is not None and value.strip().lower() in LANGUAGES:
            return value.strip().lower()  # type: ignore[return-value]
    return None


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
    add_completion=False,
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
            raise StudylogError("bad_choice", what="--lang", value=lang, choices="zh | en")
        set_language(chosen)


def main() -> None:
    # The cyclic garbage collector stays off while a command starts: starting makes a few
    # hundred thousand objects that live until the process ends (modules, classes,
    # functions), and the collector would walk them again and again (a quarter of a small
    # `stats`). studylog.db.open_database turns it back on, once the database is open, for
    # the command's work.
    gc.disable()
    app()
