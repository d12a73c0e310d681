"""``studylog check`` (the year-end check) and ``studylog config`` (the settings file)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer

from studylog.cli.common import AsOfOption, records, settings, to_date, today
from studylog.cli.render import emit_json, emit_line, emit_rows
from studylog.errors import CHECK_FAILED, BadValue
from studylog.text.messages import t
from studylog.text.parse import parse_year
from studylog.text.values import shown

if TYPE_CHECKING:
    from studylog.figures.checks import RuleResult


def check(
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            metavar="YEAR",
            help="The year to check (default: this year).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Output: table | json.")
    ] = "table",
) -> None:
    """Run the group's rules for a year; exit status 0 when all pass, 3 when any fails.

    Rules: attendance rate, a discussion every quarter, a key or written speech from every
    member, make-ups within 30 days, no overdue rectification, every plan item held.
    Thresholds and rules switched off come from the settings file (studylog config show).

    \b
    Example: studylog check --year 2023 --as-of 2024-01-10
    """
    from studylog.figures.checks import year_end_check

    if fmt not in ("table", "json"):
        raise BadValue("bad_choice", what="--format", value=fmt, choices="table | json")
    day = to_date(as_of) or today()
    year = parse_year(year if year is not None else today().year)
    rules = settings.config().check
    with records(write=False) as (session, org):
        report = year_end_check(session=session, org=org, year=year, as_of=day, rules=rules)
        head = org.log_head  # the state the check was made from, named in what is handed up
    if fmt == "json":
        emit_json(
            {
                "year": report.year,
                "org": report.org,
                "as_of": report.as_of,
                "passed": report.passed,
                "rules": [asdict(result) for result in report.results],
                "log_head": head,
            }
        )
    else:
        failed = sum(1 for result in report.results if result.enabled and not result.passed)
        enabled = sum(1 for result in report.results if result.enabled)
        emit_line(
            t(
                "check_summary",
                year=year,
                org=settings.config().display_name or report.org,
                as_of=day,
                passed=enabled - failed,
                failed=failed,
            )
        )
        emit_rows(
            [
                {
                    "rule": t(f"rule_{result.rule}", threshold=_threshold(result)),
                    "result": _verdict(result),
                    "offenders": _details(result),
                }
                for result in report.results
            ],
            [("rule", "col_rule"), ("result", "col_result"), ("offenders", "col_offenders")],
            "table",
        )
        emit_line(t("log_head_line", head=head) if head else t("log_head_none"))
    if not report.passed:
        raise typer.Exit(CHECK_FAILED)


def _verdict(result: RuleResult) -> str:
    """pass / FAIL / off; a group rule that passes with members short of it says both."""
    if not result.enabled:
        return t("result_off")
    if result.passed and result.rule == "attendance" and result.offenders:
        return t("result_pass_members_short", count=len(result.offenders))
    return t("result_pass" if result.passed else "result_fail")


def _threshold(result: RuleResult) -> str:
    if result.rule == "attendance" and result.threshold is not None:
        return f"{result.threshold * 100:g}%"
    if result.rule == "plan_drift" and result.threshold is not None:  # figures/drift.py
        rate, days = result.threshold["on_date_rate"], result.threshold["mean_days"]
        return t("drift_threshold", rate=f"{rate * 100:g}%", days=f"{days:g}")
    return "" if result.threshold is None else str(result.threshold)


def _details(result: RuleResult) -> str:
    """What was measured and the offending items, one per line, in the current language."""
    lines = []
    if result.rule == "attendance" and result.value is not None:
        lines.append(t("measured_attendance_group", rate=shown(result.value)))
        if result.offenders:  # apart from the group's result: they fall short each
            lines.append(t("members_below_header"))
    if result.rule == "plan" and result.value is not None:
        lines.append(t("measured_plan", rate=shown(result.value)))
    if result.rule == "plan_drift" and result.value and result.value["on_date_rate"] is not None:
        rate, days = result.value["on_date_rate"], result.value["mean_days"]
        lines.append(t("measured_drift", rate=shown(rate), days=f"{days or 0:g}"))
    for item in result.offenders:
        values = {key: shown(value) for key, value in item.items()}
        if result.rule == "attendance":
            lines.append(t("member_below", member=values["member"], rate=values["attendance_rate"]))
        elif result.rule == "makeups_on_time":
            missing = item["made_up"] is None
            lines.append(
                t("offender_makeups_missing" if missing else "offender_makeups_late", **values)
            )
        else:
            lines.append(t(f"offender_{result.rule}", **values))
    return "\n".join(lines)


config_app = typer.Typer(
    help="The settings file (配置): where it is and what is in force.", no_args_is_help=True
)


@config_app.command("path")
def config_path_command() -> None:
    """Print where the settings file is read from (it need not exist).

    \b
    Example: studylog config path
    """
    from studylog.config import config_path

    typer.echo(str(config_path(settings.config_file)))


@config_app.command("show")
def config_show() -> None:
    """Print the settings in force, as TOML; an example for writing your own.

    \b
    Example: studylog config show > ~/.config/studylog/config.toml
    """
    from studylog.config import as_toml
    from studylog.figures.assess import assess_toml

    config = settings.config()
    source = str(config.path) if config.found else t("config_defaults", path=config.path)
    typer.echo(f"# {source}")
    typer.echo(as_toml(config))
    typer.echo("")
    typer.echo(assess_toml(config))
