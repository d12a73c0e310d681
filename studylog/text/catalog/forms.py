"""Study forms (学习形式), the people beyond the roll (扩大学习, 列席, 上级巡听旁听), who hosted:
their messages, columns and figure labels."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- input --
    "bad_form": (
        "'{value}' is not a study form; choose {choices} (or add it under [forms] in the settings)",
        "“{value}”不是已知的学习形式，可选：{choices}（也可在设置文件中添加本组的学习形式）",
    ),
    "custom_form_built_in": (
        "the settings' form {value} is built in already: give yours another value",
        "设置文件中的学习形式 {value} 与内置形式重名，请另取一个值",
    ),
    "bad_count": (
        "{what} takes a whole number, 0 or more, e.g. 14 (got '{value}')",
        "{what} 须为不小于 0 的整数，如 14（收到“{value}”）",
    ),
    "bad_extended": (
        "--extended takes GROUP:N, a group beyond the roll and how many of it attended, "
        "N at least 1, e.g. 局中层党员干部:15 (got '{value}')",
        "--extended 的格式为 人员范围:人数（人数至少为 1），如 局中层党员干部:15（收到“{value}”）",
    ),
    "extended_names_over": (
        "--extended '{value}' names {names} people, more than its count {count}",
        "--extended “{value}”列出 {names} 人，多于所填人数 {count}",
    ),
    "extended_twice": (
        "--extended names the group {label} twice: give it once with its whole count",
        "--extended 两次填写了 {label}，请合并为一项并填写总人数",
    ),
    "bad_visitor": (
        "--visitor takes BODY:NAME, the superior body and who of it sat in, e.g. "
        "市委第一巡听组:张三 (got '{value}')",
        "--visitor 的格式为 单位:姓名，如 市委第一巡听组:张三（收到“{value}”）",
    ),
    "observed_on_roll": (
        "{name} is expected at the session: put them on the roll (--present, --late); "
        "--observed is for observers (列席) who attended",
        "{name} 属于应参学人员，请在签到中登记（--present、--late）；--observed 仅用于列席人员",
    ),
    "why_secretary_not_expected": (
        "the settings leave the study secretary off the roll (secretary_expected = false); "
        "record them with --observed",
        "设置文件规定学习秘书不计入应参学人员，请用 --observed 登记",
    ),
    "beyond_roll_stored": (
        "Beyond the roll: {extended} extended attendance(s), {observers} observer(s), "
        "{visitors} visitor(s)",
        "名单外参学：扩大学习 {extended} 人次，列席 {observers} 人，上级巡听旁听 {visitors} 人",
    ),
    # -- the tables, as the log and undo name them --
    "table_session_forms": ("study form", "学习形式"),
    "table_session_extended": ("extended attendance", "扩大学习"),
    "table_session_observers": ("observer present", "列席人员"),
    "table_session_visitors": ("visitor", "巡听旁听人员"),
    # -- columns and figures --
    "col_forms": ("Study forms", "学习形式类别"),
    "col_films": ("Films", "专题片（部）"),
    "col_documents": ("Documents", "学习文件材料（篇）"),
    "col_extended": ("Extended attendance", "扩大学习"),
    "col_observed": ("Observers present", "列席人员"),
    "col_visitors": ("Visitors", "巡听旁听"),
    "col_who": ("Who", "人员"),
    "col_headcount": ("People", "人数"),
    "col_names": ("Names", "姓名"),
    "beyond_roll": ("Beyond the roll", "名单外参学人员"),
    "fig_forms": ("Sessions by study form", "各学习形式场次"),
    "fig_films": ("Films watched", "观看专题片（部）"),
    "fig_documents": ("Documents studied", "学习文件材料（篇）"),
    "fig_study_hours": ("Study hours (sessions' length)", "集中学习时长（学时）"),
    "fig_extended_sessions": ("Extended sessions", "扩大学习（次）"),
    "fig_extended_attendance": ("Extended attendance", "扩大学习参加（人次）"),
    "fig_observer_attendance": ("Observers present", "列席（人次）"),
    "fig_observer_speeches": ("Observers' speeches", "列席人员发言（人次）"),
    "fig_visits": ("Visits by superior bodies", "上级巡听旁听（次）"),
    "fig_hosted": ("Hosted", "主持"),
    "fig_leader_hosted": ("Hosted by the leader", "主要负责同志主持（次）"),
    "fig_form": ("Form: {label}", "学习形式：{label}"),
    # -- the check: the group's result and the members short of it, apart --
    "result_pass_members_short": (
        "pass (group); {count} member(s) below individually",
        "通过（全组）；{count}名成员个人未达标",
    ),
    "measured_attendance_group": (
        "group rate {rate} (the rule judges the group)",
        "全组出勤率{rate}（本项按全组判定）",
    ),
    "members_below_header": (
        "members below the rate individually:",
        "个人出勤率未达标的成员：",
    ),
    "member_below": ("{member} {rate}", "{member} {rate}"),
    # -- the report --
    "report_forms_sentence": (
        "Study took many forms: {clauses}.",
        "创新学习形式，{clauses}。",
    ),
    "report_films": ("{n} film(s) watched", "观看专题片{n}部"),
    "report_documents": ("{n} document(s) studied", "学习文件材料{n}篇"),
    "report_hours": ("{n} hour(s) of study in all", "累计集中学习{n}学时"),
    "report_extended": (
        "{sessions} extended session(s), {people} attendance(s) beyond the group",
        "扩大学习{sessions}次，参加{people}人次",
    ),
    "report_visits": ("{n} visit(s) by superior bodies", "上级巡听旁听{n}次"),
    "report_observers": ("observers attended {n} time(s)", "列席{n}人次"),
    "report_leader_hosted": (
        "the group's leader hosted {n} session(s)",
        "主要负责同志主持集中学习{n}次",
    ),
}
