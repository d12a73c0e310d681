"""The command tree of ``studylog``: each command's module, its Typer object and short help.

A table only: :mod:`studylog.cli` imports a command's module when that command runs or shows
its help, and ``studylog --help`` reads the short help from here.
"""

from __future__ import annotations

#: The command tree: name → (module in studylog.cli, its command or Typer app, short help).
#: A command's module is imported, and its options built, only when that command runs or
#: shows its help: ``studylog --help`` reads the short help from here (a test keeps these in
#: step with the docstrings).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": (
        "setup",
        "init",
        "Create the database if needed and name the study group (--org, default "
        "党组理论学习中心组).",
    ),
    "attend": (
        "attendance",
        "attend",
        "Record a session's whole roll in one line; everyone expected and not named was present.",
    ),
    "stats": (
        "reports",
        "stats",
        "Print the tallies of a year (or --from/--to): the one-line summary and every figure.",
    ),
    "check": (
        "checks",
        "check",
        "Run the group's rules for a year; exit status 0 when all pass, 3 when any fails.",
    ),
    "assess": (
        "assess",
        "assess",
        "Score each member's study of a year (学习考评), every component beside the total.",
    ),
    "report": (
        "documents",
        "report_app",
        "Draft the annual report (年度学习情况汇报) in three parts, every figure from the "
        "records, with the list of sessions and the attendance notice attached.",
    ),
    "sheet": (
        "documents",
        "sheet",
        "Write a session's sign-in sheet (签到表), ready to print: one row per expected member.",
    ),
    "archive": (
        "documents",
        "archive",
        "Build the year's archive (学习档案): contents page, plan, each session's record with "
        "its roll and speeches, the make-ups, the rectification ledger, the annual report "
        "(Word files).",
    ),
    "export": (
        "transfer",
        "export_",
        "Write the year's records, its plan and ledger, and the attendance notice.",
    ),
    "import": (
        "transfer",
        "import_",
        "Add the records in a file that export wrote, a roster or a sign-in sheet.",
    ),
    "calendar": (
        "calendar",
        "calendar",
        "Write the year's planned sessions as a calendar file (.ics) for phones and Outlook.",
    ),
    "due": (
        "calendar",
        "due",
        "List what is overdue and what is due in the coming days: planned sessions, make-ups, "
        "ledger deadlines.",
    ),
    "log": ("history", "log", "Show who changed what and when: every write, oldest first."),
    "undo": (
        "history",
        "undo",
        "Revert the latest change to the records, or log entry ENTRY (asks first unless --yes).",
    ),
    "demo": (
        "setup",
        "demo",
        "Load a realistic sample year into a sample database and print its tallies.",
    ),
    "member": (
        "members",
        "app",
        "Members of the group (班子成员): add, list, edit, retire, delete.",
    ),
    "session": (
        "materials",  # the sessions' commands, with notes, materials and the brief
        "app",
        "Study sessions (集中学习 / 专题学习): add, list, show, edit, delete.",
    ),
    "makeup": ("attendance", "makeup_app", "Make-up study (事后补学) after a leave or absence."),
    "speech": ("speeches", "app", "Speeches (发言): key, written, exchange."),
    "output": (
        "outputs",
        "app",
        "Members' outputs (学习成果): party lectures, briefing tours, articles, reflections, "
        "research reports, discussion papers.",
    ),
    "selfstudy": ("selfstudy", "app", "Self-study (个人自学): a member's own study, with hours."),
    "agenda": (
        "agenda",
        "app",
        "First agenda items (第一议题) at 党组会, 党委会, 常委会: meetings that are not study "
        "sessions.",
    ),
    "plan": ("plans", "app", "The year's study plan (学习计划): add, list, edit, delete, show."),
    "rectify": (
        "ledger",
        "app",
        "The rectification ledger (整改台账): problems, measures, follow-up, closing (销号).",
    ),
    "signin": (
        "signin",
        "signin",
        "Open a sign-in for a session: members sign from their phones by scanning a QR code.",
    ),
    "serve": (
        "serve",
        "app",
        "Show the records in a browser, read-only: figures, notice, plan, check, ledger, sessions.",
    ),
    "config": (
        "checks",
        "config_app",
        "The settings file (配置): where it is and what is in force.",
    ),
    "db": (
        "upkeep",
        "app",
        "The database: online backup, consistency check, PostgreSQL roles walled to a group.",
    ),
    "restore": (
        "history",
        "restore_app",
        "Bring back a deleted session or member; list what is deleted.",
    ),
}
