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
    "duplicate_session": (
        "session #{id} of {day} already has this title: the command was typed twice? "
        "(--again records a second one)",
        "{day} 已有同名学习 #{id}，是否重复录入？（确为同日第二次同名学习请加 --again）",
    ),
    "upcoming_sessions": (
        "Upcoming (not held yet, counted in no figure)",
        "尚未举行（不计入任何统计）",
    ),
    # -- documents of any period (a year keeps the year's titles) --
    "report_title_period": ("{org}: study report, {period}", "{org}{period}学习情况报告"),
    "report_figures_period": (
        "In {period} {noun} held {sessions} study session(s) and {discussions} "
        "discussion(s), including {topic_sessions} topic session(s) with {topic_discussions} "
        "topic discussion(s).",
        "{period}，{org}认真落实理论学习中心组学习制度，组织{noun}集中学习{sessions}次，"
        "开展集中学习研讨{discussions}次；组织专题学习{topic_sessions}次，"
        "专题学习研讨{topic_discussions}次。",
    ),
    "archive_contents_title_period": (
        "{org}: study archive, {period}, contents",
        "{org}{period}学习档案目录",
    ),
    "archive_plan_title_period": ("{org}: study plan, {period}", "{org}{period}学习计划"),
    "archive_makeups_title_period": (
        "{org}: make-up study, {period}",
        "{org}{period}事后补学情况",
    ),
    "archive_ledger_title_period": (
        "{org}: rectification ledger, {period}",
        "{org}{period}整改台账",
    ),
    "archive_folder_period": ("study-archive-{period}", "{period}学习档案"),
    "archive_written_period": (
        "Archive for {period} ({count} files) written to {path}",
        "{period}学习档案（{count} 个文件）已写入 {path}",
    ),
    "period_needed": (
        "give a period: --year YEAR, or --from DATE --to DATE",
        "请指定期间：--year 年份，或 --from 日期 --to 日期",
    ),
    # -- db check: records outside a member's time in the group --
    "check_roll_outside_tenure": (
        "Roll lines fall within their member's time in the group",
        "签到记录均在成员在组期间",
    ),
    "check_speech_outside_tenure": (
        "Speeches fall within their member's time in the group",
        "发言记录均在成员在组期间",
    ),
    "check_makeup_outside_tenure": (
        "Make-ups are of sessions within their member's time in the group",
        "补学记录均在成员在组期间",
    ),
    # -- editing what was entered --
    "rectify_edited": (
        "Updated ledger entry #{id} (due {due})",
        "已更新整改台账 #{id}（时限 {due}）",
    ),
    "rectify_deleted": (
        "Deleted ledger entry #{id} (kept; `studylog rectify restore {id}` brings it back)",
        "已删除整改台账 #{id}（记录仍保留，可用 studylog rectify restore {id} 恢复）",
    ),
    "rectify_restored": ("Restored ledger entry #{id}", "已恢复整改台账 #{id}"),
    "no_deleted_rectification": (
        "no deleted ledger entry #{id}",
        "已删除的整改台账中没有 #{id}",
    ),
    "unknown_speech": (
        "no speech #{id} (speech list --format json shows each speech's id)",
        "没有编号为 #{id} 的发言（speech list --format json 可查看发言编号）",
    ),
    "speech_edited": ("Updated speech #{id}: {name}, {kind}", "已更新发言 #{id}：{name}，{kind}"),
    "makeup_edited": (
        "Updated the make-up of {name} for {day}: {on}",
        "已更新 {name} 对 {day} 学习的补学：{on}",
    ),
    "col_speech_id": ("Speech #", "发言编号"),
    "col_reflection": ("Reflection", "学习体会"),
    "what_--reflection": ("the reflection", "学习体会"),
    "text_file_encoding": (
        "{path} is neither UTF-8 nor GB18030 text",
        "{path} 不是 UTF-8 或 GB18030 编码的文本",
    ),
    "reflection_twice": (
        "give the reflection as --reflection TEXT or --reflection-file FILE, not both",
        "学习体会请用 --reflection 文字 或 --reflection-file 文件 其中之一",
    ),
    "rule_makeup_reflection": (
        "Every make-up has its written reflection (体会)",
        "补学均附学习体会",
    ),
    "offender_makeup_reflection": (
        "{member}, session #{session_id} of {date}: made up {made_up}, no reflection",
        "{member}：{date} 学习（#{session_id}），{made_up} 补学，未附学习体会",
    ),
    # -- a marked sign-in sheet read back --
    "sheet_observers_heading": (
        "Observers (列席; a blank means did not attend)",
        "列席人员（出勤情况空白表示未到会）",
    ),
    "sheet_no_header": (
        "{path}: no row with the headers {name} and {status}: not a sign-in sheet studylog wrote?",
        "{path}：找不到含“{name}”和“{status}”的表头行，不是 studylog 生成的签到表？",
    ),
    "sheet_row": ("{path}, row {row} ({name}): {detail}", "{path} 第 {row} 行（{name}）：{detail}"),
    "sheet_blank_status": (
        "the attendance (出勤情况) is blank; mark 出席, 迟到, 请假 or 缺席",
        "出勤情况为空，请填写出席、迟到、请假或缺席",
    ),
    "sheet_not_expected": (
        "not expected at this session ({why})",
        "不属于该次学习的应参学人员（{why}）",
    ),
    "sheet_unknown": ("no such member in the group", "中心组中没有此人"),
    "roll_change_plain": ("{name} {before} → {after}", "{name}：{before} → {after}"),
    # -- errors that teach --
    "unknown_speaker": (
        "no member named '{name}'; someone joining the group is added first: "
        "studylog member add {name} --joined DATE",
        "没有名为“{name}”的成员；新加入中心组的成员请先添加：studylog member add {name} "
        "--joined 加入日期",
    ),
    "flag_value_note": (
        "Note: {option} {value} read as {flag}",
        "提示：{option} {value} 已按 {flag} 处理",
    ),
    "import_other_group": (
        "the file holds the records of {source}, not of {org}; to add them to {org} anyway, "
        "name it: --org {org}",
        "该文件是 {source} 的记录，不是 {org} 的；如确需导入 {org}，请明确指定：--org {org}",
    ),
}
