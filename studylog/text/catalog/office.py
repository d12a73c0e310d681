"""What the office keeps in Excel and files: the attendance notice as a document of its own,
the plan and the ledger in the export, listings written to files."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "notice_title": ("{org}: attendance notice {year}", "{org}{year}年度出勤情况公示表"),
    "notice_title_period": ("{org}: attendance notice, {period}", "{org}{period}出勤情况公示表"),
    "sheet_plan": ("Study plan", "学习计划"),
    "sheet_ledger": ("Rectification ledger", "整改台账"),
    "notice_written": ("Attendance notice written to {path}", "出勤公示已写入 {path}"),
    "notice_needs_member": (
        "--format {fmt} writes the attendance notice: add --by member and --out FILE",
        "--format {fmt} 输出出勤公示：请加 --by member 和 --out 文件",
    ),
    "notice_one_group": (
        "the attendance notice is of one group; leave out --all-orgs",
        "出勤公示针对一个中心组；请去掉 --all-orgs",
    ),
    "listing_written": ("Written to {path}", "已写入 {path}"),
}
