"""At the terminal: dates and periods as typed, the roll call (``attend --call``), the charts
of ``stats --chart``, tables turned into blocks on a narrow screen."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- dates and periods as typed --
    "bad_date_typed": (
        "'{value}' is not a date; write it like 2023-03-01, 2023年3月1日, 3月5日 (this year), "
        "today, yesterday (今天, 昨天) or -3d (three days ago)",
        "“{value}”不是日期，请写成 2023-03-01、2023年3月1日、3月5日（今年）、今天、昨天"
        "或 -3d（三天前）",
    ),
    "bad_period": (
        "'{value}' is not a period; write a year (2024), a half (2024H1, 2024年上半年), "
        "a quarter (2024Q1, 2024年第一季度) or a month (2024-03, 2024年3月)",
        "“{value}”不是期间，请写成年（2024）、半年（2024H1、2024年上半年）、"
        "季度（2024Q1、2024年第一季度）或月（2024-03、2024年3月）",
    ),
    "not_a_half": (
        "'{value}' is not a half year (write 2024H1 or 2024年上半年; use {option} for it)",
        "“{value}”不是半年（请写成 2024H1 或 2024年上半年；它可用于 {option}）",
    ),
    "not_a_quarter": (
        "'{value}' is not a quarter (write 2024Q1 or 2024年第一季度; use {option} for it)",
        "“{value}”不是季度（请写成 2024Q1 或 2024年第一季度；它可用于 {option}）",
    ),
    "not_a_month": (
        "'{value}' is not a month (write 2024-03 or 2024年3月; use {option} for it)",
        "“{value}”不是月份（请写成 2024-03 或 2024年3月；它可用于 {option}）",
    ),
    "one_period": (
        "give one period, not {given}: --year, --half, --quarter, --month or --from/--to",
        "只能指定一个期间（现为 {given}）：--year、--half、--quarter、--month 或 --from/--to",
    ),
    # -- stats --chart --
    "chart_needs_by": (
        "--chart draws the rows of --by month, quarter or member, as a table format "
        "(not with --format json, csv, markdown, docx or xlsx)",
        "--chart 用于绘制 --by month、quarter 或 member 的各行，仅限表格格式"
        "（不能与 --format json、csv、markdown、docx、xlsx 同用）",
    ),
    "chart_attended": ("Attended", "出勤/应参学"),
}
