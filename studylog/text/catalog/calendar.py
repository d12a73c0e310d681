"""The study calendar (plan schedule, calendar, due, the drift rule) and the ledger's
categories: their messages, labels and columns."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # plan schedule
    "bad_rule": (
        "'{value}' is not a rule; write e.g. second-tuesday, last-friday, day-15, "
        "每月第二个星期二, 每月最后一个星期五, or dates 2024-01-09,2024-02-06",
        "“{value}”不是有效的规则，请写成如 每月第二个星期二、每月最后一个星期五、每月15日、"
        "second-tuesday、last-friday，或日期 2024-01-09,2024-02-06",
    ),
    "bad_time": (
        "'{value}' is not a time of day; write it like 09:00 or 14:30",
        "“{value}”不是有效的时间，请写成 09:00 或 14:30",
    ),
    "rule_no_date": (
        "the rule '{rule}' gives no day in {year}-{month:02d}; choose another rule",
        "规则“{rule}”在{year}年{month}月没有对应日期，请换一个规则",
    ),
    "rule_dates_count": (
        "{dates} date(s) given for {items} plan item(s); give one date for each item",
        "给出了{dates}个日期，而计划有{items}项，请为每项给出一个日期",
    ),
    "rule_date_month": (
        "{day} is not in the month of plan item #{id} ({year}-{month:02d})",
        "{day} 不在计划项 #{id} 的月份（{year}年{month}月）内",
    ),
    "plan_item_not_in_year": (
        "plan item #{id} is not in the {year} plan",
        "计划项 #{id} 不在{year}年学习计划中",
    ),
    "no_plan_items": (
        "the {year} plan has no items; add them with plan add",
        "{year}年学习计划尚无计划项，请先用 plan add 添加",
    ),
    "schedule_moved": ("moved from {day} ({reason})", "由 {day} 顺延（{reason}）"),
    "schedule_done": (
        "Scheduled {count} plan item(s) of {year}; {moved} moved to the next working day.",
        "已为{year}年{count}项学习计划安排日期，其中{moved}项顺延至下一个工作日。",
    ),
    "holidays_unpublished": (
        "Note: the official holidays of {year} are not published yet (or not known to this "
        "studylog); the rule's days are kept as they are.",
        "注意：{year}年法定节假日安排尚未公布（或本程序尚未收录），日期按规则保留，未作顺延。",
    ),
    "holiday_weekend": ("a weekend day", "周末"),
    "holiday_new_years_day": ("New Year's Day", "元旦"),
    "holiday_spring_festival": ("Spring Festival", "春节"),
    "holiday_tomb_sweeping_day": ("Tomb-sweeping Day", "清明节"),
    "holiday_labour_day": ("Labour Day", "劳动节"),
    "holiday_dragon_boat_festival": ("Dragon Boat Festival", "端午节"),
    "holiday_national_day": ("National Day", "国庆节"),
    "holiday_mid_autumn_festival": ("Mid-autumn Festival", "中秋节"),
    "holiday_anti_fascist_70th_day": ("Anti-Fascist War Victory Day", "抗战胜利纪念日"),
    "col_rule_day": ("By the rule", "规则日期"),
    "col_planned_on": ("Planned day", "计划日期"),
    "col_planned_time": ("Time", "计划时间"),
    "col_place": ("Place", "计划地点"),
    "plan_item_unscheduled": (
        "plan item #{id} has no planned day yet; run plan schedule first",
        "计划项 #{id} 尚未安排日期，请先运行 plan schedule",
    ),
    "ambiguous_plan_day": (
        "more than one plan item is planned for {day}: {ids}; name one",
        "{day} 安排了多项学习计划：{ids}，请指明其一",
    ),
    "sheet_written_plan": (
        "Sign-in sheet for plan item #{id} ({day}, {count} members) written to {path}",
        "计划项 #{id}（{day}）签到表已写入 {path}，共 {count} 人",
    ),
    # calendar
    "bad_minutes": (
        "--minutes {value}: a session lasts 1 to 1440 minutes",
        "--minutes {value}：学习时长须在1至1440分钟之间",
    ),
    "nothing_scheduled": (
        "no plan item of {year} has a planned day; run plan schedule first",
        "{year}年学习计划尚未安排日期，请先运行 plan schedule",
    ),
    "calendar_written": (
        "Wrote {count} planned session(s) of {year} to {path}",
        "已将{year}年{count}次计划学习写入 {path}",
    ),
    "ics_name": ("{group}: study calendar {year}", "{group}{year}年学习安排"),
    "ics_reminder": ("Tomorrow: {title}", "明天学习：{title}"),
    "ics_host": ("Host: {host}", "主持：{host}"),
    "ics_speakers": ("Speakers: {names}", "发言：{names}"),
    "ics_discussion": ("With a discussion", "开展研讨"),
    "ics_plan_item": ("Plan item #{id}", "学习计划第 #{id} 项"),
    # due
    "bad_days": ("--days {value}: give 0 to 366 days", "--days {value}：天数须在0至366之间"),
    "due_summary": (
        "As of {as_of}: {overdue} overdue, {coming} due in the next {days} days",
        "截至 {as_of}：逾期{overdue}项，未来{days}天内到期{coming}项",
    ),
    "due_overdue": ("Overdue", "已逾期"),
    "due_coming": ("Due in the next {days} days", "未来{days}天内"),
    "due_overdue_state": ("overdue", "逾期"),
    "due_coming_state": ("coming", "将到期"),
    "due_kind_plan": ("planned session", "计划学习"),
    "due_kind_session": ("session", "学习"),
    "due_kind_makeup": ("make-up", "补学"),
    "due_kind_ledger": ("rectification", "整改"),
    "col_due_state": ("State", "状态"),
    "col_due_kind": ("What", "事项"),
    "col_due_on": ("Due", "期限"),
    "col_due_detail": ("Detail", "说明"),
    "col_due_days": ("Days", "天数"),
    # the drift: stats, check, report
    "fig_on_plan_date": ("Held on the planned day", "按计划日期开展学习（次）"),
    "fig_plan_scheduled_held": (
        "Held for a scheduled plan item",
        "按计划安排开展学习（次）",
    ),
    "fig_plan_drift_mean_days": (
        "Mean days off the planned day",
        "与计划日期平均相差（天）",
    ),
    "rule_plan_drift": (
        "Sessions held on their planned day ({threshold})",
        "按计划日期开展学习（{threshold}）",
    ),
    "drift_threshold": (
        "at least {rate}, mean drift at most {days} days",
        "不低于{rate}，平均偏差不超过{days}天",
    ),
    "measured_drift": (
        "held on the planned day: {rate}; mean drift {days} days",
        "按计划日期开展：{rate}；平均偏差{days}天",
    ),
    "offender_plan_drift": (
        "#{session_id} {date}: planned {planned_on} (plan item #{plan_id}), {days} day(s) off",
        "#{session_id} {date}：计划日期 {planned_on}（计划项 #{plan_id}），相差{days}天",
    ),
    "report_failed_plan_drift": (
        "{count} session(s) were not held on their planned day",
        "有{count}次学习未按计划日期开展，学习时间还不够固定",
    ),
    # ledger categories
    "unknown_category": (
        "'{value}' is not a ledger category; choose one of {known} "
        "(a group adds its own under [ledger] categories in the settings)",
        "“{value}”不是整改台账的问题类别，可选：{known}"
        "（可在配置文件 [ledger] categories 中添加本单位的类别）",
    ),
    "category_none": ("no category", "未分类"),
    "category_other": ("other problems", "其他"),
    "fig_ledger_category": ("Ledger: {category}", "整改问题：{category}"),
    "col_count": ("Count", "数量"),
    "bad_ledger_by": (
        "'{value}' is not a --by of rectify list; choose category (类别)",
        "“{value}”不是 rectify list 的 --by 选项，可选：category（类别）",
    ),
}
