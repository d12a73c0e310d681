"""What the record-keeping commands say: members, sessions, rolls, make-ups and speeches added,
edited, deleted and restored; the audit log and undo; the yearly summary and the demo."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "org_created": ("Created study group {org} in {db}", "已在 {db} 创建中心组：{org}"),
    "org_exists": ("Study group {org} already exists in {db}", "中心组 {org} 已存在于 {db}"),
    "member_added": ("Added {name} ({role})", "已添加成员 {name}（{role}）"),
    "member_edited": ("Updated {name}", "已更新成员 {name}"),
    "member_retired": ("{name} left the group on {on}", "{name} 已于 {on} 离开中心组"),
    "rolls_left": (
        "{name} was taken off {count} later roll(s)",
        "已从之后的 {count} 次签到中移除 {name}",
    ),
    "session_added": ("Recorded session #{id}: {day} {title}", "已记录学习 #{id}：{day} {title}"),
    "session_edited": ("Updated session #{id}: {day} {title}", "已更新学习 #{id}：{day} {title}"),
    "session_deleted": (
        "Deleted session #{id}: {day} {title} (kept; `studylog restore session {id}` brings it "
        "back)",
        "已删除学习 #{id}：{day} {title}（记录仍保留，可用 studylog restore session {id} 恢复）",
    ),
    # -- deleting, restoring, the audit log --
    "deleted_member_named": (
        "a deleted member is named '{name}'; bring them back with: studylog restore member {name}",
        "已删除的成员中有“{name}”；如需恢复：studylog restore member {name}",
    ),
    "member_has_history": (
        "{name} hosted {hosted} session(s), gave {spoke} speech(es) and is planned to speak "
        "{planned} time(s): that is history, not a mistake; retire them instead "
        "(studylog member retire {name} --on DATE)",
        "{name} 主持学习 {hosted} 次、发言 {spoke} 次、列入计划发言 {planned} 次，"
        "这些是历史记录而非误录，请改为办理退出（studylog member retire {name} --on 日期）",
    ),
    "confirm_member_delete": (
        "Delete member {name} with their {lines} roll line(s)?",
        "删除成员 {name} 及其 {lines} 条签到记录？",
    ),
    "member_deleted": (
        "Deleted {name} with {lines} roll line(s) (kept; `studylog restore member {name}` "
        "brings them back)",
        "已删除成员 {name} 及其 {lines} 条签到记录（记录仍保留，可用 studylog restore member "
        "{name} 恢复）",
    ),
    "no_deleted_member": ("no deleted member is named '{name}'", "已删除的成员中没有“{name}”"),
    "no_deleted_session": ("no deleted session {ref}", "已删除的学习中没有 {ref}"),
    "session_restored": (
        "Restored session #{id}: {day} {title}",
        "已恢复学习 #{id}：{day} {title}",
    ),
    "member_restored": (
        "Restored {name} with {lines} roll line(s)",
        "已恢复成员 {name} 及其 {lines} 条签到记录",
    ),
    "nothing_deleted": ("Nothing of {org} is deleted.", "{org} 没有已删除的记录。"),
    "log_intact": (
        "Audit log intact: {count} entries; latest hash {head}",
        "审计日志完整：共 {count} 条；最新哈希 {head}",
    ),
    "log_empty": ("{org} has no audit entries yet.", "{org} 尚无审计记录。"),
    "log_broken": (
        "the audit log of {org} does not hold at entry #{seq}: {why}",
        "{org} 的审计日志在第 {seq} 条处不完整：{why}",
    ),
    "log_broken_missing": ("an entry is missing", "缺少一条记录"),
    "log_broken_link": (
        "it does not follow from the entry before it",
        "与上一条记录的链接不符",
    ),
    "log_broken_edited": ("it was changed after it was written", "写入后被改动"),
    "log_broken_head": (
        "the latest entries were removed",
        "最近的记录被删除",
    ),
    "nothing_to_undo": ("{org} has no change to undo", "{org} 没有可撤销的操作"),
    "undo_chain_broken": (
        "the audit log does not hold at entry #{seq} (studylog log --verify); nothing was undone",
        "审计日志在第 {seq} 条处不完整（studylog log --verify），未撤销任何操作",
    ),
    "undo_creation": (
        "entry #{seq} created the study group; it cannot be undone",
        "第 {seq} 条记录创建了中心组，不能撤销",
    ),
    "undo_changed_since": (
        "the records entry #{seq} changed were changed since (by a later entry, or by other "
        "means); nothing was undone",
        "第 {seq} 条所改动的数据此后又被修改（后续操作或其他方式），未撤销任何操作",
    ),
    "confirm_undo": (
        "Undo entry #{seq} ({at}, {user}): {command}?",
        "撤销第 {seq} 条（{at}，{user}）：{command}？",
    ),
    "undone": (
        "Undid entry #{seq}: {command} (logged as entry #{new})",
        "已撤销第 {seq} 条：{command}（记为第 {new} 条）",
    ),
    "undo_import_not_last": (
        "entry #{seq} is an import; undo the changes after it first",
        "第 {seq} 条是导入，请先撤销其后的操作",
    ),
    "no_entry": ("the audit log has no entry #{seq}", "审计日志中没有第 {seq} 条"),
    "entry_is_undo": (
        "entry #{seq} is an undo of #{undone}; it is not undone in turn",
        "第 {seq} 条是对第 {undone} 条的撤销，不能再撤销",
    ),
    "entry_undone": (
        "entry #{seq} was undone already, by entry #{by}",
        "第 {seq} 条已由第 {by} 条撤销",
    ),
    "undo_declined": ("Nothing was undone.", "未撤销任何操作。"),
    "change_added": ("added {what} {key}", "新增{what} {key}"),
    "change_removed": ("removed {what} {key}", "删除{what} {key}"),
    "change_changed": ("{what} {key}: {fields}", "{what} {key}：{fields}"),
    "change_more": ("and {count} more", "另有 {count} 项"),
    "change_imported": ("imported {counts}", "导入 {counts}"),
    "change_unimported": ("took out an import: {counts}", "撤出导入：{counts}"),
    "change_undo": ("undo of #{seq}", "撤销第 {seq} 条"),
    "table_orgs": ("study group", "中心组"),
    "table_members": ("member", "成员"),
    "table_sessions": ("session", "学习"),
    "table_session_tags": ("tag", "标签"),
    "table_attendance": ("roll line", "签到"),
    "table_makeups": ("make-up", "补学"),
    "table_speeches": ("speech", "发言"),
    "table_plan_items": ("plan item", "计划"),
    "table_plan_speakers": ("planned speaker", "计划发言人"),
    "table_rectifications": ("ledger entry", "整改事项"),
    "table_rectify_progress": ("follow-up", "跟踪反馈"),
    "col_entry": ("#", "序号"),
    "col_when": ("When", "时间"),
    "col_user": ("User", "用户"),
    "col_command": ("Command", "命令"),
    "col_changes": ("Changes", "变更"),
    "col_record": ("Record", "记录"),
    "col_deleted_at": ("Deleted", "删除时间"),
    "col_delete_reason": ("Reason", "删除原因"),
    "roll_mismatch": (
        "Note: the roll of #{id} no longer matches the members expected on {day}; "
        "record it again with: studylog attend {id}",
        "提示：#{id} 的签到与 {day} 的应参学人员不再一致，请重新运行：studylog attend {id}",
    ),
    "confirm_delete": (
        "Delete session #{id} ({day} {title}) with its roll ({roll} lines), "
        "{makeups} make-up(s) and {speeches} speech(es)?",
        "删除学习 #{id}（{day} {title}）及其签到（{roll} 条）、"
        "补学 {makeups} 条、发言 {speeches} 条？",
    ),
    "roll_stored": (
        "Roll of #{id} ({day} {title}): {attended} of {expected} attended",
        "#{id}（{day} {title}）签到：应到 {expected} 人，实到 {attended} 人",
    ),
    "makeup_added": (
        "Recorded {name}'s make-up on {on} for the session of {day}",
        "已记录 {name} 于 {on} 补学 {day} 的学习",
    ),
    "makeup_deleted": (
        "Deleted {name}'s make-up for the session of {day}",
        "已删除 {name} 对 {day} 学习的补学记录",
    ),
    "speech_added": (
        "Recorded {name}'s {kind} at the session of {day}",
        "已记录 {name} 在 {day} 学习中的{kind}",
    ),
    "speech_deleted": (
        "Deleted {name}'s {kind} at the session of {day}",
        "已删除 {name} 在 {day} 学习中的{kind}",
    ),
    "nothing_found": ("Nothing recorded.", "暂无记录。"),
    "unrecorded_warning": (
        "Note: {count} expected attendance(s) have no roll line yet "
        "(sessions without a roll, or members added since); run studylog attend for them",
        "提示：有 {count} 人次应参学但尚无签到记录（未签到的学习或之后添加的成员），"
        "请运行 studylog attend 补录",
    ),
    "summary_range": (
        "{period}: {sessions} session(s), {discussions} discussion(s), "
        "{topic_sessions} topic session(s), {topic_discussions} topic discussion(s)",
        "{period}：集中学习{sessions}次，集中学习研讨{discussions}次，"
        "专题学习{topic_sessions}次，专题学习研讨{topic_discussions}次",
    ),
    "range": ("{start} to {end}", "{start}至{end}"),
    "all_orgs": ("all groups", "全部中心组"),
    "range_needs_both": (
        "a period needs both --from and --to",
        "统计时段须同时给出 --from 和 --to",
    ),
    "all_orgs_by": (
        "--all-orgs gives one row per group; it does not combine with --by",
        "--all-orgs 已按中心组分行，不能再与 --by 同用",
    ),
    "summary": (
        "{year}: {sessions} session(s), {discussions} discussion(s), "
        "{topic_sessions} topic session(s), {topic_discussions} topic discussion(s)",
        "{year}年：集中学习{sessions}次，集中学习研讨{discussions}次，"
        "专题学习{topic_sessions}次，专题学习研讨{topic_discussions}次",
    ),
    "demo_written": (
        "Sample year {year} written to {path}. Try:\n  studylog --db {path} stats --year {year}"
        " --by member\n  studylog --db {path} session list --year {year}",
        "示例年度 {year} 已写入 {path}。可以试试：\n  studylog --db {path} stats --year {year}"
        " --by member\n  studylog --db {path} session list --year {year}",
    ),
}
