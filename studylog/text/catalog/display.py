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
    # -- attend --call --
    "call_needs_terminal": (
        "attend --call asks at the keyboard: run it in a terminal (or give the roll with "
        "--present, --late, --leave, --absent)",
        "attend --call 需在终端中逐人点名（也可用 --present、--late、--leave、--absent 一次给出）",
    ),
    "call_alone": (
        "attend --call takes the whole roll at the keyboard: give it without --present, "
        "--late, --leave, --absent or --from-sheet",
        "attend --call 逐人点名全部名单，不能与 --present、--late、--leave、--absent、"
        "--from-sheet 同用",
    ),
    "call_nobody": (
        "nobody is expected at session #{id} of {day}: no roll to call",
        "{day} 的学习（#{id}）没有应参学人员，无需点名",
    ),
    "call_intro": (
        "Roll call of #{id} {day} {title}: {count} expected.",
        "点名：#{id} {day} {title}，应参学 {count} 人。",
    ),
    "call_keys": (
        "Enter = present, l = late, e = on leave, a = absent (or 1-4), b = back; "
        "Ctrl-C stops and stores nothing.",
        "回车 = 出席，l = 迟到，e = 请假，a = 缺席（或 1-4），b = 返回上一人；"
        "Ctrl-C 中止，不保存。",
    ),
    "call_counts": (
        "present {present} · late {late} · on leave {leave} · absent {absent} · to call {left}",
        "出席 {present} · 迟到 {late} · 请假 {leave} · 缺席 {absent} · 待点 {left}",
    ),
    "call_now": ("(now: {status})", "（现为：{status}）"),
    "call_reason": ("  Reason for the leave (Enter: none) › ", "  请假事由（回车：不填）› "),
    "call_unknown": (
        "'{key}' is not a mark: Enter, l, e, a, 1-4 or b",
        "“{key}”不是可用的标记：回车、l、e、a、1-4 或 b",
    ),
    "call_store": (
        "Store this roll? Enter = store, b = back, n = stop without storing › ",
        "保存此名单？回车 = 保存，b = 返回，n = 不保存并退出 › ",
    ),
    "call_stopped": (
        "roll call stopped: nothing was stored",
        "点名已中止，未保存任何记录",
    ),
}
