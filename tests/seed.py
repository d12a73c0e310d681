"""The seed year: a study group's 2023 recorded the way a secretary would, command by command.

Twelve monthly sessions, each with a discussion, four of them topic sessions. 钱七 leaves the
group on 2023-06-30 and 孙八 joins on 2023-07-01; 吴十 sits in as an observer. Leaves in
January, April (two, with a full-width colon and comma) and October, a late arrival in March
and an absence in August; every miss is made up except 周九's in October.
"""

from __future__ import annotations

from collections.abc import Callable

ORG = "测试局党组理论学习中心组"

MEMBERS = [
    ("张三", "党组书记、局长", "leader", None),
    ("李四", "党组副书记、副局长", "副组长", None),
    ("王五", "党组成员、副局长", "member", None),
    ("赵六", "党组成员、副局长", "成员", None),
    ("钱七", "党组成员、副局长", "member", None),
    ("孙八", "党组成员、副局长", "member", "2023-07-01"),
    ("周九", "办公室主任", "学习秘书", None),
    ("吴十", "机关党委专职副书记", "列席", None),
]

# First agenda items in January (relayed 5 days after the source) and July (12 days after).
FIRST_AGENDA_SOURCES = {1: "2023年1月10日", 7: "2023年7月3日"}

ROLLS = {
    1: ["--leave", "李四:出差"],
    3: ["--late", "王五"],
    4: ["--leave", "王五，赵六：外出开会"],
    8: ["--absent", "孙八"],
    10: ["--leave", "周九：病假"],
}

MAKEUPS = [
    ("2023-01-15", "李四", "2023-01-20", "自学"),
    ("2023-04-15", "王五", "2023-04-18", "notes"),
    ("2023-04-15", "赵六", "2023-04-19", "线上"),
    ("2023-08-15", "孙八", "2023-08-30", "briefing"),
]

SPEECHES = [
    ("2023-03-15", "张三", "key"),
    ("2023-03-15", "李四", "书面发言"),
    ("2023-06-15", "王五", "重点发言"),
    ("2023-09-15", "赵六", "exchange"),
    ("2023-12-15", "张三", "key"),
    ("2023-12-15", "周九", "written"),
]

OUTPUT_KINDS = ("party-lecture", "briefing-tour", "article", "reflection", "research-report")
OUTPUT_KINDS += ("discussion-paper",)

# Worked out by hand from the records above.
EXPECTED_FIGURES = {
    "year": 2023,
    "org": ORG,
    "sessions": 12,
    "discussions": 12,
    "topic_sessions": 4,
    "topic_discussions": 4,
    "first_agenda_items": 2,
    "expected": 72,  # 6 expected at each of 12 sessions (钱七 until June, 孙八 from July)
    "present": 66,
    "late": 1,
    "leave": 4,
    "absent": 1,
    "attendance_rate": 67 / 72,
    "makeups": 4,
    "makeups_outstanding": 1,
    "participation_rate": 71 / 72,
    "speeches": {"key": 3, "written": 2, "exchange": 1},
    "unrecorded": 0,
    "first_agenda_median_days": 8.5,
    "first_agenda_longest_days": 12,
    # a whole year's figures (tests/test_forms.py, tests/test_beyond_roll.py): none recorded
    # here but who hosted (张三, the 组长, every session)
    "forms": {},
    "films": 0,
    "documents": 0,
    "study_hours": 0,
    "extended_sessions": 0,
    "extended_attendance": 0,
    "observer_attendance": 0,
    "observer_speeches": 0,
    "visits": 0,
    "leader_hosted": 12,
    # Members' outputs, self-study, other meetings' first agenda items: none in the seed year.
    "outputs": dict.fromkeys(OUTPUT_KINDS, 0),
    "outputs_city_level_or_above": 0,
    "first_agenda_by_meeting": dict.fromkeys(
        ("party-group", "party-committee", "standing-committee"), 0
    ),
    "first_agenda_by_meeting_latency": {},
    "self_study_hours": 0,
}
#: What a ``stats --by member`` row adds for a member without outputs or self-study.
NO_ACTIVITY = {"outputs": EXPECTED_FIGURES["outputs"], "self_study_hours": 0}


def record_seed_year(ok: Callable[..., str]) -> None:
    """Enter the seed year through the CLI, as a secretary would."""
    ok("init", "--org", ORG)
    for name, title, role, joined in MEMBERS:
        args = ["member", "add", name, "--title", title, "--role", role]
        if joined:
            args += ["--joined", joined]
        ok(*args)
    ok("member", "retire", "钱七", "--on", "2023-06-30")
    for month in range(1, 13):
        topic = month % 3 == 0
        args = [
            "session", "add",
            "--date", f"2023-{month:02d}-15",
            "--title", f"{'专题学习' if topic else '集中学习'}第{month}次",
            "--kind", "专题学习" if topic else "study",
            "--discussion",
            "--host", "张三",
        ]  # fmt: skip
        if month in FIRST_AGENDA_SOURCES:
            args += ["--first-agenda", "重要讲话精神", "--source-date", FIRST_AGENDA_SOURCES[month]]
        ok(*args)
        ok("attend", f"2023-{month:02d}-15", *ROLLS.get(month, []))
    for ref, name, on, method in MAKEUPS:
        ok("makeup", "add", ref, name, "--date", on, "--method", method)
    for ref, name, kind in SPEECHES:
        ok("speech", "add", ref, name, "--kind", kind, "--title", "学习体会")
