"""Export and import of the plan, the rectification ledger and the people beyond the roll:
their sheets, columns, counts and the errors a bad row gives."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- sheets and columns --
    "sheet_session_extended": ("Extended attendance", "扩大学习"),
    "sheet_session_observers": ("Observers present", "列席人员"),
    "sheet_session_visitors": ("Visitors", "巡听旁听"),
    "col_visitor_body": ("Superior body", "巡听旁听单位"),
    "col_done_note": ("Closing note", "销号说明"),
    # -- what an export wrote, an import added --
    "count_session_extended": ("{count} extended group(s)", "扩大学习 {count} 项"),
    "count_session_observers": ("{count} observer(s) present", "列席 {count} 人次"),
    "count_session_visitors": ("{count} visitor(s)", "巡听旁听 {count} 人次"),
    "count_plan": ("{count} plan item(s)", "学习计划 {count} 项"),
    "count_ledger": ("{count} ledger entr(ies)", "整改事项 {count} 条"),
    # -- a bad row --
    "import_approver_not_leave": (
        "only a leave has someone who approved it: leave this cell empty",
        "只有请假才有批准人，此格应留空",
    ),
    "bad_headcount": (
        "{what} takes how many people attended, a whole number of at least 1 (got '{value}')",
        "{what} 须为参加人数，至少为 1 的整数（收到“{value}”）",
    ),
    "import_beyond_old_session": (
        "session #{id} is already in the database: import adds the people beyond the roll "
        "only to the sessions the same file adds (use attend {id} --extended / --observed / "
        "--visitor)",
        "学习 #{id} 已在数据库中：导入只为同一文件新增的学习添加名单外参学人员（请用 attend "
        "{id} --extended / --observed / --visitor）",
    ),
    "import_beyond_twice": (
        "this row repeats an earlier one of session #{id}",
        "此行与学习 #{id} 的前面一行重复",
    ),
    "import_plan_old_session": (
        "session #{id} is already in the database: a plan item of the file is linked only to "
        "a session the same file adds (use session edit {id} --plan ID)",
        "学习 #{id} 已在数据库中：文件中的计划项只能关联同一文件新增的学习（请用 session edit "
        "{id} --plan 计划编号）",
    ),
    "import_plan_session_twice": (
        "session #{id} carries out another plan item of the file already",
        "学习 #{id} 已对应文件中的另一计划项",
    ),
    "import_plan_exists": (
        "a plan item of {month}/{year} with this title is already in the plan (#{id}); "
        "import only adds records",
        "{year}年{month}月已有同题计划项（#{id}），导入只添加新记录",
    ),
    "bad_plan_year": (
        "{what} takes a year, e.g. 2024 (got '{value}')",
        "{what} 须为年份，如 2024（收到“{value}”）",
    ),
    "import_plan_no_year": (
        "the plan's year is not given: add a Year column, or the About table's year",
        "未给出计划年度：请添加“年度”列，或在“说明”表中写明年度",
    ),
    "import_ledger_exists": (
        "a ledger entry found on {found} with this problem is already recorded (#{id}); "
        "import only adds records",
        "{found} 发现的同一问题已在整改台账中（#{id}），导入只添加新记录",
    ),
    "import_note_not_closed": (
        "a closing note needs the day the entry was closed (销号日期)",
        "填写销号说明须同时填写销号日期",
    ),
    "import_bad_follow_up": (
        "{what}: each follow-up starts on a new line with its date, e.g. 2024-03-01 已制定方案",
        "{what}：每条跟踪反馈另起一行，以日期开头，如 2024-03-01 已制定方案",
    ),
}
