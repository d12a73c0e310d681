"""The documents (studylog.documents): the yearly report's phrasing, the sign-in sheet and the
archive's parts and file names."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_attachment_sessions": ("Attachment 1: sessions held", "附件1：学习情况一览表"),
    "report_attachment_notice": (
        "Attachment 2: attendance notice",
        "附件2：中心组成员出勤情况公示表",
    ),
    "long_date": ("{day}", "{year}年{month}月{date}日"),
    "label_value": ("{label}: {value}", "{label}：{value}"),
    "report_written": ("Report written to {path}", "报告已写入 {path}"),
    "col_no": ("No.", "序号"),
    "sheet_title": ("{org}: sign-in sheet", "{org}学习签到表"),
    "sheet_tab": ("Sign-in", "签到表"),
    "col_signature": ("Signature", "本人签名"),
    "col_remark": ("Remarks", "备注"),
    "sheet_written": (
        "Sign-in sheet for #{id} ({day}, {count} members) written to {path}",
        "#{id}（{day}）签到表已写入 {path}，共 {count} 人",
    ),
    "record_title": ("{org}: record of a study session", "{org}学习记录"),
    "record_attendance": (
        "Expected {expected}, attended {attended}, on leave {leave}, absent {absent}.",
        "应到{expected}人，实到{attended}人，请假{leave}人，缺席{absent}人。",
    ),
    "archive_contents_title": (
        "{org}: study archive {year}, contents",
        "{org}{year}年学习档案目录",
    ),
    "archive_contents_file": ("contents", "目录"),
    "archive_plan_title": ("{org}: study plan {year}", "{org}{year}年度学习计划"),
    "archive_plan_file": ("study-plan", "学习计划"),
    "archive_no_plan": ("No study plan was recorded for this year.", "本年度未登记学习计划。"),
    "archive_session_file": ("session-{number:02d}-{day}", "学习记录{number:02d}-{day}"),
    "archive_session_part": ("Record of the session of {day}: {title}", "{day}学习记录：{title}"),
    "archive_makeups_title": ("{org}: make-up study {year}", "{org}{year}年事后补学情况"),
    "archive_makeups_file": ("make-ups", "补学情况"),
    "archive_no_makeups": ("Nobody missed a session.", "本年度无请假、缺席人员。"),
    "not_made_up": ("not made up", "未补学"),
    "archive_ledger_title": ("{org}: rectification ledger {year}", "{org}{year}年整改台账"),
    "archive_ledger_file": ("rectification-ledger", "整改台账"),
    "archive_report_file": ("annual-report", "年度学习情况报告"),
    "col_part": ("Part", "材料"),
    "col_file": ("File", "文件"),
    "archive_written": (
        "Archive for {year} ({count} files) written to {path}",
        "{year}年学习档案（{count} 个文件）已写入 {path}",
    ),
    "format_suffix_clash": (
        "--format {format} does not match the file name {path} (.docx is Word, .md markdown, "
        "anything else text)",
        "--format {format} 与文件名 {path} 不符（.docx 为 Word，.md 为 markdown，其他为文本）",
    ),
    "file_error": ("cannot use {path}: {detail}", "无法使用 {path}：{detail}"),
    "archive_folder": ("study-archive-{year}", "{year}年学习档案"),
    "no_folder": ("the folder {path} does not exist", "文件夹 {path} 不存在"),
    "bad_extension": (
        "{path}: the file name must end in {choices}",
        "{path}：文件名须以 {choices} 结尾",
    ),
}
