"""The annual report's words that the template does not hold: periods, the year-end check's
failed rules as sentences, and template errors (studylog.documents.report, .narrative)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_period": ("{year}", "{year}年"),
    "report_period_year": ("{year}", "{year}年度"),
    "report_period_whole_year": ("The year", "全年"),
    "report_failed_attendance": (
        "The attendance rate was {value}, short of the {threshold} required",
        "出勤率为{value}，未达到{threshold}的要求",
    ),
    "report_failed_quarterly_discussion": (
        "Quarters with fewer discussions than required: {count}",
        "有{count}个季度集中学习研讨次数不足",
    ),
    "report_failed_member_speeches": (
        "Members with fewer key or written speeches than required: {count}",
        "有{count}名班子成员重点发言、书面发言次数未达到要求",
    ),
    "report_failed_makeups_on_time": (
        "Leaves or absences not made up in time: {count}",
        "有{count}人次未在规定时间内完成事后补学",
    ),
    "report_failed_rectification": (
        "Rectification tasks past their deadline: {count}",
        "有{count}项整改任务逾期未完成",
    ),
    "report_failed_plan": (
        "Items of the study plan overdue: {count}",
        "有{count}项学习计划逾期未完成",
    ),
    "template_missing": ("no template at {path}", "找不到模板文件 {path}"),
    "template_not_text": (
        "{path} is not a text file (UTF-8 or GB18030)",
        "{path} 不是文本文件（UTF-8 或 GB18030）",
    ),
    "template_error": (
        "{path}, line {line}: {detail}",
        "{path} 第 {line} 行：{detail}",
    ),
    "template_written": ("Template written to {path}", "模板已写入 {path}"),
}
