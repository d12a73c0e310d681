"""What correcting a mistake says: amending a roll, dates that would orphan records, edits of
make-ups, speeches and ledger entries, upcoming sessions, a marked sign-in sheet read back,
and the hints that teach the right form."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- amending a roll --
    "roll_upcoming": (
        "session #{id} is on {day}, after today: its roll can be recorded from that day on "
        "(its sign-in sheet now: studylog sheet {id} --out FILE)",
        "学习 #{id} 定于 {day}，尚未举行，到当天才能登记签到（现在可先打印签到表：studylog sheet "
        "{id} --out 文件）",
    ),
    "roll_needs_yes": (
        "this would change the roll of session #{id}: {changes}; add --yes to do it",
        "此操作将改动学习 #{id} 的签到：{changes}；确认无误请加 --yes",
    ),
    "roll_confirm": ("Change the roll as shown?", "按上述内容修改签到？"),
    "roll_change": ("{name} {before} → {after} ({risks})", "{name}：{before} → {after}（{risks}）"),
    "no_line": ("no line", "无记录"),
    "line_dropped": ("line dropped", "删除该行"),
    "risk_reason": ("drops the leave reason '{reason}'", "将丢弃请假事由“{reason}”"),
    "risk_makeup": ("deletes the make-up of {day}", "将删除 {day} 的补学记录"),
    "risk_speech": ("contradicts their {kinds} at it", "与其在该次学习中的{kinds}矛盾"),
    "roll_dropped": (
        "--replace dropped: {changes}",
        "--replace 已清除：{changes}",
    ),
    "roll_amended": (
        "Amended the roll of session #{id}: {count} line(s) changed",
        "已修改学习 #{id} 的签到：{count} 行有变动",
    ),
    "col_approver": ("Approved by", "批准人"),
    # -- dates that would orphan records --
    "tenure_orphans": (
        "{name}'s new dates would leave these records outside their time in the group: "
        "{records}; correct them first, or add --yes to take them off",
        "按新的日期，{name} 的以下记录将落在其在组期间之外：{records}；请先更正，"
        "或加 --yes 一并移除",
    ),
    "orphan_line": ("roll line of {day} ({status})", "{day} 的签到（{status}）"),
    "orphan_speech": ("{kind} of {day}", "{day} 的{kind}"),
    "orphan_host": ("host of {day}", "{day} 的主持"),
}
MESSAGES |= {
    "roll_checked": (
        "Checked the roll of session #{id} ({day} {title}), nothing stored: {attended} of "
        "{expected} attended",
        "已检查学习 #{id}（{day} {title}）的签到，未保存：应参学 {expected} 人，实到 {attended} 人",
    ),
    "roll_declined": ("Nothing was changed.", "签到未作任何改动。"),
    "dry_run_needs_sheet": (
        "--dry-run goes with --from-sheet FILE",
        "--dry-run 须与 --from-sheet 文件 一起使用",
    ),
    "sheet_observers": ("Observers who attended: {names}", "列席人员到会：{names}"),
    "name_with_reason": (
        "no member named '{name}'; a leave with its reason is written {member}：{reason} "
        "(e.g. --leave {member}：{reason})",
        "没有名为“{name}”的成员；请假及事由应写作 {member}：{reason}"
        "（如 --leave {member}：{reason}）",
    ),
}
