"""The documents (studylog.documents): the yearly report's phrasing, the sign-in sheet and the
archive's parts and file names."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_title": (
        "{org}: study report for {year}",
        "{org}{year}年度学习情况报告",
    ),
    "report_section": ("{number}. {heading}", "{number}、{heading}"),
    "report_overview": ("Overview", "总体情况"),
    "report_figures": (
        "In {year} the group held {sessions} study sessions and {discussions} discussions, "
        "including {topic_sessions} topic sessions with {topic_discussions} topic discussions.",
        "{year}年，{org}认真落实理论学习中心组学习制度，全年组织党组中心组集中学习{sessions}次，"
        "开展集中学习研讨{discussions}次；组织专题学习{topic_sessions}次，"
        "专题学习研讨{topic_discussions}次。",
    ),
    "report_attendance": ("Attendance and make-up study", "出勤和补学情况"),
    "report_roll": (
        "Members were expected {expected} times and attended {attended} times ({late} late); "
        "{leave} were on leave and {absent} absent, an attendance rate of {attendance_rate}. "
        "{makeups} missed sessions were made up afterwards ({outstanding} not yet), a "
        "participation rate (with make-ups) of {participation_rate}.",
        "中心组成员应参学{expected}人次，实际参学{attended}人次（其中迟到{late}人次），"
        "请假{leave}人次，缺席{absent}人次，出勤率{attendance_rate}；"
        "事后补学{makeups}人次，尚有{outstanding}人次未补学，参学率（含补学）{participation_rate}。",
    ),
    "report_speaking": ("Speeches", "发言情况"),
    "report_speeches": (
        "Members gave {key} key speeches, {written} written speeches and {exchange} exchange "
        "speeches.",
        "班子成员作重点发言{key}人次、书面发言{written}人次、交流发言{exchange}人次。",
    ),
    "report_agenda": ("First agenda items", "“第一议题”学习情况"),
    "report_first_agenda": (
        "The group studied {items} first agenda items.",
        "坚持“第一议题”制度，全年学习“第一议题”{items}个。",
    ),
    "report_latency": (
        " Of the {counted} with a source date, half were studied within {median} days of "
        "the source and the slowest after {longest} days.",
        "其中注明原文日期的{counted}个，从原文发布到组织学习，半数在{median}天以内，最长{longest}天。",
    ),
    "report_plan_heading": ("The study plan", "学习计划执行情况"),
    "report_plan": (
        "The year's plan had {planned} items; {held} were carried out{late} and {overdue} "
        "are overdue, an execution rate of {rate}.",
        "年度学习计划共{planned}项，已完成{held}项{late}，逾期未完成{overdue}项，计划执行率{rate}。",
    ),
    "report_plan_late": (" ({late} later than planned)", "（其中延期完成{late}项）"),
    "report_ledger_heading": ("Rectification", "整改落实情况"),
    "report_ledger": (
        "The rectification ledger holds {found} problems found this year; {done} have been "
        "rectified and closed, {open} are being rectified{overdue}.",
        "整改台账登记本年度查摆问题{found}个，已整改销号{done}个，正在整改{open}个{overdue}。",
    ),
    "report_ledger_overdue": (" ({overdue} past their deadline)", "（其中逾期{overdue}个）"),
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
