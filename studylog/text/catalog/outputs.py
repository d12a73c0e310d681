"""Members' outputs (学习成果), self-study (个人自学) and first agenda items at other meetings
(党组会 / 党委会 / 常委会 第一议题): what the commands say, the figures' labels, the errors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- outputs --
    "output_added": (
        "Recorded output #{id}: {name}'s {kind} of {day}, {title}",
        "已记录学习成果 #{id}：{name} {day} {kind}《{title}》",
    ),
    "output_edited": (
        "Changed output #{id} ({name}, {kind})",
        "已修改学习成果 #{id}（{name}，{kind}）",
    ),
    "output_deleted": (
        "Deleted output #{id} (kept; `studylog output restore {id}` brings it back)",
        "已删除学习成果 #{id}（记录仍保留，可用 studylog output restore {id} 恢复）",
    ),
    "output_restored": ("Restored output #{id}", "已恢复学习成果 #{id}"),
    "unknown_output": (
        "no output #{id} (output list shows each output's id)",
        "没有编号为 #{id} 的学习成果（output list 可查看编号）",
    ),
    "no_deleted_output": ("no deleted output #{id}", "没有已删除的学习成果 #{id}"),
    "duplicate_output": (
        "{name}'s output of {day} with this kind and title is already recorded (#{id})",
        "{name} {day} 的同类同题学习成果已登记（#{id}）",
    ),
    # -- self-study --
    "self_study_added": (
        "Recorded self-study #{id}: {name}, {day}, {hours} h, {title}",
        "已记录个人自学 #{id}：{name} {day} {hours}学时《{title}》",
    ),
    "self_study_deleted": (
        "Deleted self-study #{id} (kept; `studylog selfstudy restore {id}` brings it back)",
        "已删除个人自学 #{id}（记录仍保留，可用 studylog selfstudy restore {id} 恢复）",
    ),
    "self_study_restored": ("Restored self-study #{id}", "已恢复个人自学 #{id}"),
    "unknown_self_study": (
        "no self-study #{id} (selfstudy list shows each entry's id)",
        "没有编号为 #{id} 的个人自学记录（selfstudy list 可查看编号）",
    ),
    "no_deleted_self_study": ("no deleted self-study #{id}", "没有已删除的个人自学记录 #{id}"),
    "duplicate_self_study": (
        "{name}'s self-study of {day} with this title is already recorded (#{id})",
        "{name} {day} 的同题个人自学已登记（#{id}）",
    ),
    "bad_hours": (
        "'{value}' is not a number of hours for {what}: more than 0 and at most 24, e.g. 1.5",
        "“{value}”不是有效的 {what} 学时：应大于 0 且不超过 24，例如 1.5",
    ),
    "hours_too_fine": (
        "'{value}' for {what} has more than two decimals (1.25 is the finest)",
        "{what} 的“{value}”小数超过两位（最多如 1.25）",
    ),
    # -- first agenda items at other meetings --
    "agenda_added": (
        "Recorded first agenda item #{id} at the {meeting} of {day}: {title}",
        "已记录 {day} {meeting}“第一议题” #{id}：{title}",
    ),
    "agenda_deleted": (
        "Deleted first agenda item #{id} (kept; `studylog agenda restore {id}` brings it back)",
        "已删除“第一议题” #{id}（记录仍保留，可用 studylog agenda restore {id} 恢复）",
    ),
    "agenda_restored": ("Restored first agenda item #{id}", "已恢复“第一议题” #{id}"),
    "unknown_agenda_item": (
        "no first agenda item #{id} (agenda list shows each item's id)",
        "没有编号为 #{id} 的“第一议题”（agenda list 可查看编号）",
    ),
    "no_deleted_agenda_item": (
        "no deleted first agenda item #{id}",
        "没有已删除的“第一议题” #{id}",
    ),
    "duplicate_agenda_item": (
        "this meeting's first agenda item of {day} is already recorded (#{id})",
        "该会议 {day} 的同题“第一议题”已登记（#{id}）",
    ),
    "source_after_meeting": (
        "the source date {source} is after the meeting ({day})",
        "原文日期 {source} 晚于会议日期 {day}",
    ),
    # -- columns and figures --
    "col_output_kind": ("Output", "成果类型"),
    "col_venue": ("Venue", "发表或宣讲载体"),
    "col_level": ("Level", "级别"),
    "col_hours": ("Hours", "学时"),
    "col_meeting": ("Meeting", "会议"),
    "col_linked_session": ("Session #", "关联学习"),
    "fig_outputs": ("Outputs", "学习成果"),
    "fig_outputs_party-lecture": ("Party lectures", "讲党课（场次）"),
    "fig_outputs_briefing-tour": ("Briefing tours", "宣讲（场次）"),
    "fig_outputs_article": ("Theory articles", "理论文章（篇）"),
    "fig_outputs_reflection": ("Reflections", "心得体会（篇）"),
    "fig_outputs_research-report": ("Research reports", "调研报告（篇）"),
    "fig_outputs_discussion-paper": ("Discussion papers", "研讨材料（篇）"),
    "fig_outputs_city_level_or_above": (
        "Theory articles in city-level or higher media",
        "市级以上媒体发表理论文章（篇）",
    ),
    "fig_first_agenda_meeting": (
        "First agenda items at {meeting}s",
        "{meeting}“第一议题”（次）",
    ),
    "fig_first_agenda_meeting_median": (
        "First agenda relay at {meeting}s, median days",
        "{meeting}“第一议题”学习时效（中位天数）",
    ),
    "fig_first_agenda_meeting_longest": (
        "First agenda relay at {meeting}s, longest days",
        "{meeting}“第一议题”学习时效（最长天数）",
    ),
    "fig_self_study_hours": ("Self-study hours", "个人自学学时"),
    # -- the log, the records' fields --
    "table_member_outputs": ("output", "学习成果"),
    "table_self_study": ("self-study", "个人自学"),
    "table_agenda_items": ("first agenda item", "第一议题"),
    "field_venue": ("venue", "发表或宣讲载体"),
    "field_level": ("level", "级别"),
    "field_hours_hundredths": ("hours (hundredths)", "学时（百分之一）"),
    "field_meeting": ("meeting", "会议"),
    # -- the year-end check --
    "rule_self_study_hours": (
        "Every expected member studies on their own at least {threshold} hours a year",
        "每名应参学成员全年个人自学不少于{threshold}学时",
    ),
    "offender_self_study_hours": ("{member}: {hours} h", "{member}：{hours}学时"),
    "report_failed_self_study_hours": (
        "Members with fewer self-study hours than required: {count}",
        "有{count}名班子成员个人自学学时未达到要求",
    ),
    # -- export and import --
    "sheet_member_outputs": ("Outputs", "学习成果"),
    "sheet_self_study": ("Self-study", "个人自学"),
    "sheet_agenda_items": ("Other meetings' first agenda", "其他会议第一议题"),
    "count_member_outputs": ("{count} output(s)", "学习成果 {count} 项"),
    "count_self_study": ("{count} self-study entr(ies)", "个人自学 {count} 条"),
    "count_agenda_items": (
        "{count} first agenda item(s) at other meetings",
        "其他会议第一议题 {count} 条",
    ),
    # -- the archive --
    "archive_activities_file": ("Outputs, self-study, other meetings", "学习成果与个人自学"),
    "archive_activities_title": (
        "{org}: members' outputs, self-study and other meetings' first agenda items {year}",
        "{org}{year}年学习成果、个人自学及其他会议“第一议题”登记表",
    ),
    "archive_activities_title_period": (
        "{org}: members' outputs, self-study and other meetings' first agenda items, {period}",
        "{org}{period}学习成果、个人自学及其他会议“第一议题”登记表",
    ),
    "archive_outputs_caption": ("Members' outputs (学习成果)", "学习成果"),
    "archive_self_study_caption": ("Self-study (个人自学)", "个人自学"),
    "archive_agenda_caption": (
        "First agenda items at other meetings",
        "党组会（党委会、常委会）“第一议题”",
    ),
}
