"""Messages about whether the records are what the log says: record digests, the seal, the
anchor a hash written down gives, and text refused for characters that do not show."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- log --verify: the records against the log (studylog.store.integrity) --
    "records_match": (
        "Records match the log: {rows} row(s) in {tables} table(s)",
        "记录与审计日志一致：{tables} 张表共 {rows} 行",
    ),
    "record_differs": (
        "{table}: {record}: {field}: logged {logged}, stored {stored} (entry #{seq})",
        "{table}：{record}：{field}：日志为 {logged}，库中为 {stored}（第 {seq} 条）",
    ),
    "record_unlogged": (
        "{table}: {record}: in the records, but no entry wrote it",
        "{table}：{record}：库中有此记录，但没有任何日志条目写入过它",
    ),
    "record_missing": (
        "{table}: {record}: missing from the records; entry #{seq} wrote it",
        "{table}：{record}：库中缺失；第 {seq} 条日志写入过它",
    ),
    "record_unremoved": (
        "{table}: {record}: in the records, but entry #{seq} removed it",
        "{table}：{record}：库中仍有此记录，但第 {seq} 条日志已将其删除",
    ),
    "bulk_missing": (
        "{table}: {stored} of the {logged} row(s) entry #{seq} added are in the records",
        "{table}：第 {seq} 条日志添加的 {logged} 行中，库中只有 {stored} 行",
    ),
    "bulk_changed": (
        "{table}: a row entry #{seq} added was changed since (the entry holds a digest of "
        "them, not their values: the imported file has those)",
        "{table}：第 {seq} 条日志添加的行之后被改动（该条目只保存摘要而非内容，内容见导入的文件）",
    ),
    "table_differs": (
        "{table}: the rows differ from what the log says",
        "{table}：数据与审计日志不符",
    ),
    "records_differ": (
        "the records of {org} differ from the audit log in {count} place(s) (listed above): "
        "changed behind studylog's back",
        "{org} 的记录与审计日志有 {count} 处不符（见上）：有人绕过 studylog 改动了数据",
    ),
    "records_unsealed": (
        "the audit log of {org} vouches for no record digests; nothing to compare the records with",
        "{org} 的审计日志没有记录摘要，无法与记录比对",
    ),
    "undo_records_differ": (
        "the records of {org} differ from the audit log (studylog log --verify); "
        "nothing was undone",
        "{org} 的记录与审计日志不符（studylog log --verify），未撤销任何操作",
    ),
    "check_audit_records": (
        "Records match the audit logs (log --verify)",
        "记录与审计日志一致（log --verify）",
    ),
    # -- the seal --
    "change_sealed": (
        "sealed the records as they stood: {counts}",
        "封存当时的全部记录：{counts}",
    ),
    "entry_is_seal": (
        "entry #{seq} seals the records as they stood; it changed nothing to undo",
        "第 {seq} 条是对当时记录的封存，没有可撤销的改动",
    ),
    # -- the anchor: a head hash written down --
    "expect_bad": (
        "--expect takes a hash studylog printed (at least 12 hexadecimal digits), not {value}",
        "--expect 需要 studylog 打印过的哈希（至少 12 位十六进制数字），而不是 {value}",
    ),
    "log_not_expected": (
        "the audit log of {org} (head {head}) does not hold {expected}: entries were removed "
        "or rewritten since that hash was written down",
        "{org} 的审计日志（最新哈希 {head}）中没有 {expected}：记下该哈希之后有记录被删除或重写",
    ),
    "expect_needs_verify": ("--expect goes with --verify", "--expect 须与 --verify 一起使用"),
    "log_expected": (
        "The log holds {expected}: its head is that entry or descends from it",
        "审计日志包含 {expected}：最新哈希即该条或由其延续而来",
    ),
    "log_head_line": ("Audit log head: {head}", "审计日志最新哈希：{head}"),
    "log_head_none": ("Audit log head: none yet", "审计日志最新哈希：暂无"),
    # -- a database failure studylog did not foresee (studylog.store.faults) --
    "db_damaged": (
        "the database file is damaged ({detail}); nothing was saved. Restore the latest backup "
        "(studylog db backup makes one) and run studylog log --verify on it",
        "数据库文件已损坏（{detail}），未保存任何内容。请恢复最近的备份"
        "（studylog db backup 可生成备份），再对其运行 studylog log --verify",
    ),
    "db_failed": (
        "the database refused the work ({detail}); nothing was saved",
        "数据库拒绝了此次操作（{detail}），未保存任何内容",
    ),
    "db_not_regular": (
        "{path} is not a regular file (a device, FIFO or socket): give the path of a database file",
        "{path} 不是普通文件（是设备、管道或套接字），请给出数据库文件的路径",
    ),
    # -- the audit log in the user's language (cli/history.py, store/naming.py) --
    "record_named": ("{head} ({context})", "{head}（{context}）"),
    "change_field": ("{field} {before} → {after}", "{field} {before} → {after}"),
    "field_name": ("name", "姓名"),
    "field_title": ("title", "题目"),
    "field_role": ("role", "角色"),
    "field_joined": ("joined", "加入日期"),
    "field_retired": ("left", "离开日期"),
    "field_archived_at": ("deleted", "删除时间"),
    "field_archive_reason": ("reason deleted", "删除原因"),
    "field_year": ("year", "年度"),
    "field_month": ("month", "月份"),
    "field_kind": ("kind", "类型"),
    "field_discussion": ("discussion", "研讨"),
    "field_plan_item_id": ("plan item", "学习计划"),
    "field_member_id": ("member", "成员"),
    "field_position": ("order", "顺序"),
    "field_date": ("date", "日期"),
    "field_format": ("format", "形式"),
    "field_host_id": ("host", "主持人"),
    "field_location": ("location", "地点"),
    "field_first_agenda": ("first agenda item", "第一议题"),
    "field_source_date": ("source date", "原文日期"),
    "field_plan_id": ("plan item", "学习计划"),
    "field_session_id": ("session", "学习"),
    "field_status": ("status", "状态"),
    "field_reason": ("reason", "事由"),
    "field_approver": ("approved by", "批准人"),
    "field_problem": ("problem", "问题"),
    "field_measure": ("measure", "整改措施"),
    "field_dept": ("department", "责任部门"),
    "field_lead": ("lead unit", "牵头单位"),
    "field_category": ("category", "类别"),
    "field_found": ("found", "发现日期"),
    "field_due": ("due", "整改时限"),
    "field_done_on": ("closed", "销号日期"),
    "field_done_note": ("closing note", "销号说明"),
    "field_tag": ("tag", "标签"),
    "field_attendance_id": ("roll line", "签到"),
    "field_method": ("method", "补学方式"),
    "field_note": ("note", "备注"),
    "field_reflection": ("reflection", "学习体会"),
    "field_rectification_id": ("rectification", "整改事项"),
    "field_on": ("on", "日期"),
    # -- text that does not show as it is --
    "text_bad_char": (
        "{what} holds {char} {name}, a character that does not show or changes how the text "
        "around it shows; type it without",
        "{what}含有字符 {char}（{name}），它不可见或会改变周围文字的显示；请去掉后重新输入",
    ),
    "text_blank": (
        "{what} shows nothing: give visible characters",
        "{what}没有可见字符，请输入可见的文字",
    ),
}
