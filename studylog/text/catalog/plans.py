"""The study plan, the rectification ledger (整改台账), the yearly checks and the settings: their
messages, states and columns."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "plan_added": (
        "Added plan item #{id}: {year}-{month:02d} {title}",
        "已添加计划项 #{id}：{year}年{month}月 {title}",
    ),
    "plan_edited": (
        "Updated plan item #{id}: {year}-{month:02d} {title}",
        "已更新计划项 #{id}：{year}年{month}月 {title}",
    ),
    "plan_deleted": (
        "Deleted plan item #{id}: {year}-{month:02d} {title}",
        "已删除计划项 #{id}：{year}年{month}月 {title}",
    ),
    "confirm_plan_delete": (
        "Delete plan item #{id} ({year}-{month:02d} {title})?",
        "删除计划项 #{id}（{year}年{month}月 {title}）？",
    ),
    "plan_summary": (
        "{year} plan as of {as_of}: {planned} planned, {held} held, {pending} pending, "
        "{overdue} overdue; execution rate {rate}",
        "{year}年学习计划（截至 {as_of}）：计划 {planned} 项，已完成 {held} 项，"
        "未到期 {pending} 项，逾期未完成 {overdue} 项；计划执行率 {rate}",
    ),
    "plan_held": ("held", "已完成"),
    "plan_held_late": ("held late", "已完成（延期）"),
    "plan_pending": ("not yet held", "未到期"),
    "plan_overdue": ("overdue", "逾期未完成"),
    "unplanned": ("Held outside the plan", "计划外学习"),
    "rectify_added": (
        "Added ledger entry #{id}, due {due}",
        "已登记整改事项 #{id}，整改时限 {due}",
    ),
    "progress_added": (
        "Logged progress on #{id} ({on})",
        "已记录 #{id} 的跟踪反馈（{on}）",
    ),
    "rectify_done": ("Closed ledger entry #{id} on {on}", "整改事项 #{id} 已于 {on} 销号"),
    "one_state": (
        "choose one of --open, --overdue, --done",
        "--open、--overdue、--done 只能选一个",
    ),
    "state_open": ("open", "整改中"),
    "state_overdue": ("overdue", "已逾期"),
    "state_done": ("closed", "已销号"),
    "progress": ("Follow-up", "跟踪反馈"),
    "check_summary": (
        "{year} check for {org} as of {as_of}: {passed} passed, {failed} failed",
        "{org} {year}年度检查（截至 {as_of}）：{passed} 项通过，{failed} 项未通过",
    ),
    "rule_attendance": ("Attendance rate at least {threshold}", "出勤率不低于{threshold}"),
    "rule_quarterly_discussion": (
        "At least {threshold} discussion(s) every quarter",
        "每季度至少开展{threshold}次研讨",
    ),
    "rule_member_speeches": (
        "Every member gives at least {threshold} key or written speech(es) a year",
        "每名成员全年至少{threshold}次重点发言或书面发言",
    ),
    "rule_makeups_on_time": (
        "Every leave or absence made up within {threshold} days",
        "请假、缺席人员均在{threshold}天内补学",
    ),
    "rule_rectification": ("No overdue rectification", "整改事项无逾期"),
    "rule_plan": ("Every plan item held", "学习计划全部完成"),
    "result_pass": ("pass", "通过"),
    "result_fail": ("FAIL", "未通过"),
    "result_off": ("off", "已停用"),
    "offender_quarterly_discussion": (
        "{quarter}: {discussions} discussion(s)",
        "{quarter}：研讨{discussions}次",
    ),
    "offender_member_speeches": ("{member}: {speeches}", "{member}：{speeches}次"),
    "offender_makeups_missing": (
        "{member}, {date} ({status}): not made up",
        "{member}，{date}（{status}）：未补学",
    ),
    "offender_makeups_late": (
        "{member}, {date} ({status}): made up on {made_up}, {days} days later",
        "{member}，{date}（{status}）：{made_up} 补学，相隔 {days} 天",
    ),
    "measured_plan": ("execution rate: {rate}", "计划执行率：{rate}"),
    "offender_rectification": (
        "#{id} {problem} ({dept}, due {due})",
        "#{id} {problem}（{dept}，时限 {due}）",
    ),
    "offender_plan": ("#{id} month {month}: {title}", "#{id} {month}月：{title}"),
    "config_defaults": (
        "no settings file at {path}; these are the defaults",
        "{path} 不存在，以下为默认设置",
    ),
    "col_month": ("Month", "月份"),
    "col_speakers": ("Speakers", "发言人"),
    "col_status_plan": ("Status", "完成情况"),
    "col_category": ("Category", "类别"),
    "col_problem": ("Problem", "问题"),
    "col_measure": ("Measure", "整改措施"),
    "col_dept": ("Department", "责任部门"),
    "col_lead": ("Lead unit", "牵头单位"),
    "col_found": ("Found", "发现日期"),
    "col_due": ("Due", "整改时限"),
    "col_state": ("State", "状态"),
    "col_done_on": ("Closed", "销号日期"),
    "col_rule": ("Rule", "规则"),
    "col_result": ("Result", "结果"),
    "col_offenders": ("Offending items", "问题清单"),
    "col_latency": ("Days after source", "学习时效（天）"),
    "col_plan": ("Plan item", "计划项"),
    "col_held_by": ("Held by", "完成学习"),
}
