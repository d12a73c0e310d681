"""Every label and message, in English and Chinese.

The language is chosen once per run (``--lang``, ``STUDYLOG_LANG``, then the locale) and
read through :func:`t`. Parameters are formatted for the language: dates as ISO dates,
enum values as their labels, lists joined with ``, `` or ``、``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from studylog.text.language import (
    LANGUAGES,
    Language,
    current_language,
    detect_language,
    set_language,
)
from studylog.text.vocab import label

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "Language",
    "Phrase",
    "current_language",
    "describe",
    "detect_language",
    "join_list",
    "long_date",
    "set_language",
    "t",
]


@dataclass(frozen=True)
class Phrase:
    """A message inside another message's parameters, translated when the outer one is."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


def _format(value: Any) -> Any:
    if isinstance(value, Phrase):
        return t(value.key, **value.params)
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return join_list(str(_format(item)) for item in value)
    return value


def join_list(items: Iterable[str]) -> str:
    """张三、李四 in Chinese, 张三, 李四 in English."""
    return ("、" if current_language() == "zh" else ", ").join(items)


def long_date(day: date) -> str:
    """2023年7月13日 in Chinese, 2023-07-13 in English: how a document writes a date."""
    return t("long_date", day=day, year=day.year, month=day.month, date=day.day)


def t(key: str, /, **params: Any) -> str:
    """The message ``key`` in the current language, with its parameters filled in."""
    en, zh = MESSAGES[key]
    values = {name: _format(value) for name, value in params.items()}
    what = params.get("what")
    if isinstance(what, str) and f"what_{what}" in MESSAGES:  # NAME → 姓名, not the metavar
        values["what"] = t(f"what_{what}")
    suggestions = params.get("suggestions")
    if "suggestions" in params:
        values["suggestions"] = t("did_you_mean", names=list(suggestions)) if suggestions else ""
    return (zh if current_language() == "zh" else en).format(**values)


class Keyed(Protocol):
    """A message key and its parameters, as a :class:`~studylog.errors.StudylogError` holds them."""

    @property
    def key(self) -> str: ...

    @property
    def params(self) -> Mapping[str, Any]: ...


def describe(error: Keyed) -> str:
    """An error (a :class:`~studylog.errors.StudylogError`) as one line in the current language."""
    return t(error.key, **error.params)


MESSAGES: dict[str, tuple[str, str]] = {
    # -- errors -----------------------------------------------------------------------------
    "error_prefix": ("Error: ", "错误："),
    "what_NAME": ("the name", "姓名"),
    "what_REASON": ("the reason", "请假事由"),
    "leave_without_name": (
        "--leave '{value}' names nobody before the colon",
        "--leave “{value}” 的冒号前没有姓名",
    ),
    "makeup_in_future": (
        "the make-up date {on} is in the future",
        "补学日期 {on} 晚于今天",
    ),
    "host_not_in_group": (
        "the host {name} was not in the group on {day}",
        "主持人 {name} 在 {day} 不在中心组",
    ),
    "roll_unnamed_has_makeup": (
        "{name} is not named, so would be marked present, but made up this session on {day}; "
        "name them again (e.g. --leave {name}) or delete the make-up first",
        "{name} 未被列出，将被记为出席，但已于 {day} 补学；请再次列出（如 --leave {name}）"
        "或先删除补学记录",
    ),
    "delete_declined": ("Nothing was deleted.", "未删除任何内容。"),
    "member_counts_back": (
        "Note: {name} has no joining date, so counts as expected at the {count} session(s) "
        "already recorded; give --joined DATE if they joined later",
        "提示：{name} 未填加入日期，将计入已登记的 {count} 次学习的应参学人员；"
        "若是之后加入的，请用 --joined 填写加入日期",
    ),
    "did_you_mean": ("; did you mean {names}?", "；您要找的是不是：{names}？"),
    "bad_choice": (
        "'{value}' is not a valid {what}; choose {choices}",
        "“{value}”不是有效的 {what}，可选：{choices}",
    ),
    "bad_date_format": (
        "'{value}' is not a date; write it like 2023-03-01 or 2023年3月1日",
        "“{value}”不是日期，请写成 2023-03-01 或 2023年3月1日",
    ),
    "bad_month": (
        "{value} is not a valid date: there is no month {month}",
        "{value} 不是有效日期：没有 {month} 月",
    ),
    "bad_day": (
        "{value} is not a valid date: {year}-{month:02d} has {days} days",
        "{value} 不是有效日期：{year}年{month}月只有 {days} 天",
    ),
    "bad_year": (
        "{value} is not a plausible year (expected {low} to {high})",
        "{value} 不是合理的年份（应在 {low} 至 {high} 之间）",
    ),
    "bad_date_year": (
        "{value} is not a valid date: the year must be from {low} to {high}",
        "{value} 不是有效日期：年份应在 {low} 至 {high} 之间",
    ),
    "empty_text": ("{what} must not be empty", "{what} 不能为空"),
    "control_chars": (
        "{what} contains control characters",
        "{what} 含有控制字符",
    ),
    "not_text": (
        "{what} is not valid text: it holds bytes that are not UTF-8 (is the terminal or the"
        " file in another encoding?)",
        "{what} 不是有效文本：含有非 UTF-8 字节（终端或文件是否用了其他编码？）",
    ),
    "too_long": (
        "{what} is longer than {limit} characters",
        "{what} 超过 {limit} 个字符",
    ),
    "missing_option": ("{option} is required", "缺少 {option}"),
    "bad_range": (
        "--from {start} is after --to {end}",
        "--from {start} 晚于 --to {end}",
    ),
    "year_or_range": (
        "give either --year or --from/--to, not both",
        "--year 与 --from/--to 只能二选一",
    ),
    "no_org": (
        "this database has no study group yet; start with: studylog init --org NAME",
        "数据库里还没有中心组，请先运行：studylog init --org 名称",
    ),
    "org_ambiguous": (
        "this database holds several study groups ({names}); choose one with --org",
        "数据库中有多个中心组（{names}），请用 --org 指定",
    ),
    "unknown_org": (
        "no study group named '{name}'{suggestions}",
        "没有名为“{name}”的中心组{suggestions}",
    ),
    "duplicate_member": (
        "{org} already has a member named '{name}'",
        "{org} 已有名为“{name}”的成员",
    ),
    "unknown_member": (
        "no member named '{name}' in {org}{suggestions}",
        "{org} 中没有名为“{name}”的成员{suggestions}",
    ),
    "joined_after_retired": (
        "{name} left the group on {retired}; the joining date must be before that",
        "{name} 已于 {retired} 离开中心组，加入日期须早于该日",
    ),
    "already_retired": (
        "{name} already left the group on {on}",
        "{name} 已于 {on} 离开中心组",
    ),
    "retired_before_joined": (
        "{name} joined on {joined}; they cannot leave before that",
        "{name} 于 {joined} 加入，离开日期不能早于该日",
    ),
    "dates_cut_makeup": (
        "{name} has a make-up for the session of {day}, outside those dates; "
        "delete it first (studylog makeup delete)",
        "{name} 在该日期范围之外（{day} 的学习）有补学记录，请先删除（studylog makeup delete）",
    ),
    "source_without_agenda": (
        "--source-date needs --first-agenda",
        "--source-date 须与 --first-agenda 一起使用",
    ),
    "source_after_session": (
        "the source date {source} is after the session ({day})",
        "原文日期 {source} 晚于学习日期 {day}",
    ),
    "unknown_session_id": ("no session {ref}", "没有编号为 {ref} 的学习"),
    "no_session_on": (
        "no session was held on {day}",
        "{day} 没有学习记录",
    ),
    "ambiguous_session": (
        "several sessions were held on {day} ({ids}); give the id instead",
        "{day} 有多次学习（{ids}），请改用编号",
    ),
    "not_expected": (
        "{name} is not expected on {day}: {why}",
        "{name} 在 {day} 不属于应参学人员：{why}",
    ),
    "why_observer": ("an observer (列席) is not on the roll", "列席人员不计入应参学人数"),
    "why_retired": ("left the group on {on}", "已于 {on} 离开中心组"),
    "why_joined": ("joined the group on {on}", "于 {on} 才加入中心组"),
    "not_in_group": (
        "{name} was not in the group on {day}",
        "{name} 在 {day} 不在中心组",
    ),
    "named_twice": (
        "{name} is named twice on the roll",
        "{name} 在名单中出现了两次",
    ),
    "roll_makeup_not_expected": (
        "{name} made up this session on {day} but is no longer expected at it; "
        "delete the make-up first (studylog makeup delete)",
        "{name} 已于 {day} 补学，但已不属于该次学习的应参学人员，"
        "请先删除补学记录（studylog makeup delete）",
    ),
    "roll_has_makeup": (
        "{name} made up this session on {day}; delete the make-up first "
        "(studylog makeup delete) to mark them {status}",
        "{name} 已于 {day} 补学，若要改为{status}请先删除补学记录（studylog makeup delete）",
    ),
    "no_roll": (
        "no roll for {ref} ({day}) lists {name} yet; record it first: studylog attend {ref}",
        "{ref}（{day}）的签到中还没有 {name}，请先运行：studylog attend {ref}",
    ),
    "makeup_not_missed": (
        "{name} was {status} at the session of {day}; a make-up is only for a leave or absence",
        "{name} 在 {day} 的学习中为“{status}”，只有请假或缺席才需要补学",
    ),
    "makeup_before_session": (
        "the make-up date {on} is before the session ({day})",
        "补学日期 {on} 早于学习日期 {day}",
    ),
    "makeup_exists": (
        "{name} already made up the session of {day}",
        "{name} 已补学 {day} 的学习",
    ),
    "no_makeup": (
        "{name} has no make-up for the session of {day}",
        "{name} 没有 {day} 学习的补学记录",
    ),
    "duplicate_speech": (
        "{name} already has a {kind} at the session of {day}",
        "{name} 在 {day} 的学习中已有{kind}",
    ),
    "no_speech": (
        "{name} has no {kind} at the session of {day}",
        "{name} 在 {day} 的学习中没有{kind}",
    ),
    "db_is_directory": (
        "{path} is a folder, not a database file",
        "{path} 是文件夹，不是数据库文件",
    ),
    "no_database": (
        "no studylog database at {path} yet; start with: studylog init --org NAME",
        "{path} 还没有 studylog 数据库，请先运行：studylog init --org 名称",
    ),
    "bad_db_url": ("cannot use the database {url}: {detail}", "无法使用数据库 {url}：{detail}"),
    "db_unreachable": (
        "cannot open the database {url}: {detail}",
        "无法打开数据库 {url}：{detail}",
    ),
    "db_write_failed": (
        "the database {url} could not be used ({detail}); nothing was saved",
        "无法使用数据库 {url}（{detail}），未保存任何内容",
    ),
    "not_a_database": (
        "{url} is not a studylog database (not a SQLite file)",
        "{url} 不是 studylog 数据库（不是 SQLite 文件）",
    ),
    "not_studylog": (
        "{url} is not a studylog database (it holds other tables)",
        "{url} 不是 studylog 数据库（其中有其他数据表）",
    ),
    "schema_newer": (
        "{url} was written by a newer studylog (schema {version}); upgrade studylog",
        "{url} 由更新版本的 studylog 写入（结构版本 {version}），请升级 studylog",
    ),
    "not_a_demo": (
        "{path} exists and is not a demo database; choose another --out",
        "{path} 已存在且不是示例数据库，请用 --out 另选位置",
    ),
    "config_missing": ("no settings file at {path}", "配置文件 {path} 不存在"),
    "config_syntax": (
        "the settings file {path} is not valid TOML: {detail}",
        "配置文件 {path} 不是有效的 TOML：{detail}",
    ),
    "config_key": (
        "the settings file {path} has an unknown key {key} (known: {known})",
        "配置文件 {path} 中有未知的设置项 {key}（可用：{known}）",
    ),
    "config_value": (
        "the settings file {path}: {key} is {value}, but must be {wanted}",
        "配置文件 {path}：{key} 的值为 {value}，应为 {wanted}",
    ),
    "bad_plan_month": ("{month} is not a month (1 to 12)", "{month} 不是有效月份（1 至 12）"),
    "unknown_plan_item": ("no plan item #{id}", "没有编号为 #{id} 的计划项"),
    "plan_item_held": (
        "plan item #{id} is already carried out by session {session} ({day})",
        "计划项 #{id} 已由学习 {session}（{day}）完成",
    ),
    "bad_plan_ref": (
        "'{value}' is not a plan item id (a number; '' unlinks)",
        "“{value}”不是计划项编号（应为数字；'' 表示取消关联）",
    ),
    "due_before_found": (
        "the due date {due} is before the problem was found ({found})",
        "整改时限 {due} 早于发现问题的日期 {found}",
    ),
    "due_before_today": (
        "the due date {due} is before today ({found}), the day the problem counts as found; "
        "give --found DATE or --session REF for a problem found earlier",
        "整改时限 {due} 早于今天（{found}，未指定时按今天为发现日期）；"
        "若问题发现得更早，请用 --found 日期 或 --session 学习",
    ),
    "date_in_future": ("{on} is in the future", "{on} 晚于今天"),
    "unknown_rectification": ("no ledger entry #{id}", "整改台账中没有编号为 #{id} 的问题"),
    "rectification_closed": (
        "ledger entry #{id} was already closed on {on}",
        "整改台账 #{id} 已于 {on} 销号",
    ),
    "progress_before_found": (
        "{on} is before the problem was found ({found})",
        "{on} 早于发现问题的日期 {found}",
    ),
    "aborted": ("nothing was deleted", "未删除任何内容"),
    "internal": (
        "unexpected failure ({detail}); nothing was saved. Please report it with the command "
        "you ran (STUDYLOG_DEBUG=1 shows the details)",
        "意外错误（{detail}），未保存任何内容。请连同所运行的命令一起报告"
        "（设置 STUDYLOG_DEBUG=1 可查看详情）",
    ),
    # -- outputs ---------------------------------------------------------------------------
    "org_created": ("Created study group {org} in {db}", "已在 {db} 创建中心组：{org}"),
    "org_exists": ("Study group {org} already exists in {db}", "中心组 {org} 已存在于 {db}"),
    "member_added": ("Added {name} ({role})", "已添加成员 {name}（{role}）"),
    "member_edited": ("Updated {name}", "已更新成员 {name}"),
    "member_retired": ("{name} left the group on {on}", "{name} 已于 {on} 离开中心组"),
    "rolls_left": (
        "{name} was taken off {count} later roll(s)",
        "已从之后的 {count} 次签到中移除 {name}",
    ),
    "session_added": ("Recorded session #{id}: {day} {title}", "已记录学习 #{id}：{day} {title}"),
    "session_edited": ("Updated session #{id}: {day} {title}", "已更新学习 #{id}：{day} {title}"),
    "session_deleted": (
        "Deleted session #{id}: {day} {title} (kept; `studylog restore session {id}` brings it "
        "back)",
        "已删除学习 #{id}：{day} {title}（记录仍保留，可用 studylog restore session {id} 恢复）",
    ),
    # -- deleting, restoring, the audit log ----------------------------------------------------
    "deleted_member_named": (
        "a deleted member is named '{name}'; bring them back with: studylog restore member {name}",
        "已删除的成员中有“{name}”；如需恢复：studylog restore member {name}",
    ),
    "member_has_history": (
        "{name} hosted {hosted} session(s), gave {spoke} speech(es) and is planned to speak "
        "{planned} time(s): that is history, not a mistake; retire them instead "
        "(studylog member retire {name} --on DATE)",
        "{name} 主持学习 {hosted} 次、发言 {spoke} 次、列入计划发言 {planned} 次，"
        "这些是历史记录而非误录，请改为办理退出（studylog member retire {name} --on 日期）",
    ),
    "confirm_member_delete": (
        "Delete member {name} with their {lines} roll line(s)?",
        "删除成员 {name} 及其 {lines} 条签到记录？",
    ),
    "member_deleted": (
        "Deleted {name} with {lines} roll line(s) (kept; `studylog restore member {name}` "
        "brings them back)",
        "已删除成员 {name} 及其 {lines} 条签到记录（记录仍保留，可用 studylog restore member "
        "{name} 恢复）",
    ),
    "no_deleted_member": ("no deleted member is named '{name}'", "已删除的成员中没有“{name}”"),
    "no_deleted_session": ("no deleted session {ref}", "已删除的学习中没有 {ref}"),
    "session_restored": (
        "Restored session #{id}: {day} {title}",
        "已恢复学习 #{id}：{day} {title}",
    ),
    "member_restored": (
        "Restored {name} with {lines} roll line(s)",
        "已恢复成员 {name} 及其 {lines} 条签到记录",
    ),
    "nothing_deleted": ("Nothing of {org} is deleted.", "{org} 没有已删除的记录。"),
    "log_intact": (
        "Audit log intact: {count} entries; latest hash {head}",
        "审计日志完整：共 {count} 条；最新哈希 {head}",
    ),
    "log_empty": ("{org} has no audit entries yet.", "{org} 尚无审计记录。"),
    "log_broken": (
        "the audit log of {org} does not hold at entry #{seq}: {why}",
        "{org} 的审计日志在第 {seq} 条处不完整：{why}",
    ),
    "log_broken_missing": ("an entry is missing", "缺少一条记录"),
    "log_broken_link": (
        "it does not follow from the entry before it",
        "与上一条记录的链接不符",
    ),
    "log_broken_edited": ("it was changed after it was written", "写入后被改动"),
    "log_broken_head": (
        "the latest entries were removed",
        "最近的记录被删除",
    ),
    "nothing_to_undo": ("{org} has no change to undo", "{org} 没有可撤销的操作"),
    "undo_chain_broken": (
        "the audit log does not hold at entry #{seq} (studylog log --verify); nothing was undone",
        "审计日志在第 {seq} 条处不完整（studylog log --verify），未撤销任何操作",
    ),
    "undo_creation": (
        "entry #{seq} created the study group; it cannot be undone",
        "第 {seq} 条记录创建了中心组，不能撤销",
    ),
    "undo_changed_since": (
        "the records entry #{seq} changed were changed since (by a later entry, or by other "
        "means); nothing was undone",
        "第 {seq} 条所改动的数据此后又被修改（后续操作或其他方式），未撤销任何操作",
    ),
    "confirm_undo": (
        "Undo entry #{seq} ({at}, {user}): {command}?",
        "撤销第 {seq} 条（{at}，{user}）：{command}？",
    ),
    "undone": (
        "Undid entry #{seq}: {command} (logged as entry #{new})",
        "已撤销第 {seq} 条：{command}（记为第 {new} 条）",
    ),
    "undo_import_not_last": (
        "entry #{seq} is an import; undo the changes after it first",
        "第 {seq} 条是导入，请先撤销其后的操作",
    ),
    "no_entry": ("the audit log has no entry #{seq}", "审计日志中没有第 {seq} 条"),
    "entry_is_undo": (
        "entry #{seq} is an undo of #{undone}; it is not undone in turn",
        "第 {seq} 条是对第 {undone} 条的撤销，不能再撤销",
    ),
    "entry_undone": (
        "entry #{seq} was undone already, by entry #{by}",
        "第 {seq} 条已由第 {by} 条撤销",
    ),
    "undo_declined": ("Nothing was undone.", "未撤销任何操作。"),
    "change_added": ("added {what} {key}", "新增{what} {key}"),
    "change_removed": ("removed {what} {key}", "删除{what} {key}"),
    "change_changed": ("{what} {key}: {fields}", "{what} {key}：{fields}"),
    "change_more": ("and {count} more", "另有 {count} 项"),
    "change_imported": ("imported {counts}", "导入 {counts}"),
    "change_unimported": ("took out an import: {counts}", "撤出导入：{counts}"),
    "change_undo": ("undo of #{seq}", "撤销第 {seq} 条"),
    "table_orgs": ("study group", "中心组"),
    "table_members": ("member", "成员"),
    "table_sessions": ("session", "学习"),
    "table_session_tags": ("tag", "标签"),
    "table_attendance": ("roll line", "签到"),
    "table_makeups": ("make-up", "补学"),
    "table_speeches": ("speech", "发言"),
    "table_plan_items": ("plan item", "计划"),
    "table_plan_speakers": ("planned speaker", "计划发言人"),
    "table_rectifications": ("ledger entry", "整改事项"),
    "table_rectify_progress": ("follow-up", "跟踪反馈"),
    "col_entry": ("#", "序号"),
    "col_when": ("When", "时间"),
    "col_user": ("User", "用户"),
    "col_command": ("Command", "命令"),
    "col_changes": ("Changes", "变更"),
    "col_record": ("Record", "记录"),
    "col_deleted_at": ("Deleted", "删除时间"),
    "col_delete_reason": ("Reason", "删除原因"),
    "roll_mismatch": (
        "Note: the roll of #{id} no longer matches the members expected on {day}; "
        "record it again with: studylog attend {id}",
        "提示：#{id} 的签到与 {day} 的应参学人员不再一致，请重新运行：studylog attend {id}",
    ),
    "confirm_delete": (
        "Delete session #{id} ({day} {title}) with its roll ({roll} lines), "
        "{makeups} make-up(s) and {speeches} speech(es)?",
        "删除学习 #{id}（{day} {title}）及其签到（{roll} 条）、"
        "补学 {makeups} 条、发言 {speeches} 条？",
    ),
    "roll_stored": (
        "Roll of #{id} ({day} {title}): {attended} of {expected} attended",
        "#{id}（{day} {title}）签到：应到 {expected} 人，实到 {attended} 人",
    ),
    "makeup_added": (
        "Recorded {name}'s make-up on {on} for the session of {day}",
        "已记录 {name} 于 {on} 补学 {day} 的学习",
    ),
    "makeup_deleted": (
        "Deleted {name}'s make-up for the session of {day}",
        "已删除 {name} 对 {day} 学习的补学记录",
    ),
    "speech_added": (
        "Recorded {name}'s {kind} at the session of {day}",
        "已记录 {name} 在 {day} 学习中的{kind}",
    ),
    "speech_deleted": (
        "Deleted {name}'s {kind} at the session of {day}",
        "已删除 {name} 在 {day} 学习中的{kind}",
    ),
    "nothing_found": ("Nothing recorded.", "暂无记录。"),
    "unrecorded_warning": (
        "Note: {count} expected attendance(s) have no roll line yet "
        "(sessions without a roll, or members added since); run studylog attend for them",
        "提示：有 {count} 人次应参学但尚无签到记录（未签到的学习或之后添加的成员），"
        "请运行 studylog attend 补录",
    ),
    "summary_range": (
        "{period}: {sessions} sessions, {discussions} discussions, "
        "{topic_sessions} topic sessions, {topic_discussions} topic discussions",
        "{period}：集中学习{sessions}次，集中学习研讨{discussions}次，"
        "专题学习{topic_sessions}次，专题学习研讨{topic_discussions}次",
    ),
    "range": ("{start} to {end}", "{start}至{end}"),
    "all_orgs": ("all groups", "全部中心组"),
    "range_needs_both": (
        "a period needs both --from and --to",
        "统计时段须同时给出 --from 和 --to",
    ),
    "all_orgs_by": (
        "--all-orgs gives one row per group; it does not combine with --by",
        "--all-orgs 已按中心组分行，不能再与 --by 同用",
    ),
    "summary": (
        "{year}: {sessions} sessions, {discussions} discussions, "
        "{topic_sessions} topic sessions, {topic_discussions} topic discussions",
        "{year}年：集中学习{sessions}次，集中学习研讨{discussions}次，"
        "专题学习{topic_sessions}次，专题学习研讨{topic_discussions}次",
    ),
    "demo_written": (
        "Sample year {year} written to {path}. Try:\n  studylog --db {path} stats --year {year}"
        " --by member\n  studylog --db {path} session list --year {year}",
        "示例年度 {year} 已写入 {path}。可以试试：\n  studylog --db {path} stats --year {year}"
        " --by member\n  studylog --db {path} session list --year {year}",
    ),
    # -- plan, ledger, check, settings ---------------------------------------------------
    "plan_added": (
        "Added plan item #{id}: {year}-{month:02d} {title}",
        "已添加计划项 #{id}：{year}年{month}月 {title}",
    ),
    "plan_edited": (
        "Updated plan item #{id}: {year}-{month:02d} {title}",
        "已更新计划项 #{id}：{year}年{month}月 {title}",
    ),
    "plan_deleted": (
        "Deleted plan item #{id}: {year}-{month:02d} {title}",
        "已删除计划项 #{id}：{year}年{month}月 {title}",
    ),
    "confirm_plan_delete": (
        "Delete plan item #{id} ({year}-{month:02d} {title})?",
        "删除计划项 #{id}（{year}年{month}月 {title}）？",
    ),
    "plan_summary": (
        "{year} plan as of {as_of}: {planned} planned, {held} held, {pending} pending, "
        "{overdue} overdue; execution rate {rate}",
        "{year}年学习计划（截至 {as_of}）：计划 {planned} 项，已完成 {held} 项，"
        "未到期 {pending} 项，逾期未完成 {overdue} 项；计划执行率 {rate}",
    ),
    "plan_held": ("held", "已完成"),
    "plan_held_late": ("held late", "已完成（延期）"),
    "plan_pending": ("not yet held", "未到期"),
    "plan_overdue": ("overdue", "逾期未完成"),
    "unplanned": ("Held outside the plan", "计划外学习"),
    "rectify_added": (
        "Added ledger entry #{id}, due {due}",
        "已登记整改事项 #{id}，整改时限 {due}",
    ),
    "progress_added": (
        "Logged progress on #{id} ({on})",
        "已记录 #{id} 的跟踪反馈（{on}）",
    ),
    "rectify_done": ("Closed ledger entry #{id} on {on}", "整改事项 #{id} 已于 {on} 销号"),
    "one_state": (
        "choose one of --open, --overdue, --done",
        "--open、--overdue、--done 只能选一个",
    ),
    "state_open": ("open", "整改中"),
    "state_overdue": ("overdue", "已逾期"),
    "state_done": ("closed", "已销号"),
    "progress": ("Follow-up", "跟踪反馈"),
    "check_summary": (
        "{year} check for {org} as of {as_of}: {passed} passed, {failed} failed",
        "{org} {year}年度检查（截至 {as_of}）：{passed} 项通过，{failed} 项未通过",
    ),
    "rule_attendance": ("Attendance rate at least {threshold}", "出勤率不低于{threshold}"),
    "rule_quarterly_discussion": (
        "At least {threshold} discussion(s) every quarter",
        "每季度至少开展{threshold}次研讨",
    ),
    "rule_member_speeches": (
        "Every member gives at least {threshold} key or written speech(es) a year",
        "每名成员全年至少{threshold}次重点发言或书面发言",
    ),
    "rule_makeups_on_time": (
        "Every leave or absence made up within {threshold} days",
        "请假、缺席人员均在{threshold}天内补学",
    ),
    "rule_rectification": ("No overdue rectification", "整改事项无逾期"),
    "rule_plan": ("Every plan item held", "学习计划全部完成"),
    "result_pass": ("pass", "通过"),
    "result_fail": ("FAIL", "未通过"),
    "result_off": ("off", "已停用"),
    "offender_quarterly_discussion": (
        "{quarter}: {discussions} discussion(s)",
        "{quarter}：研讨{discussions}次",
    ),
    "offender_member_speeches": ("{member}: {speeches}", "{member}：{speeches}次"),
    "offender_makeups_missing": (
        "{member}, {date} ({status}): not made up",
        "{member}，{date}（{status}）：未补学",
    ),
    "offender_makeups_late": (
        "{member}, {date} ({status}): made up on {made_up}, {days} days later",
        "{member}，{date}（{status}）：{made_up} 补学，相隔 {days} 天",
    ),
    "measured_attendance": ("group: {rate}", "全组：{rate}"),
    "measured_plan": ("execution rate: {rate}", "计划执行率：{rate}"),
    "below_threshold": ("below: {member} {rate}", "低于标准：{member} {rate}"),
    "offender_rectification": (
        "#{id} {problem} ({dept}, due {due})",
        "#{id} {problem}（{dept}，时限 {due}）",
    ),
    "offender_plan": ("#{id} month {month}: {title}", "#{id} {month}月：{title}"),
    "config_defaults": (
        "no settings file at {path}; these are the defaults",
        "{path} 不存在，以下为默认设置",
    ),
    "col_month": ("Month", "月份"),
    "col_speakers": ("Speakers", "发言人"),
    "col_status_plan": ("Status", "完成情况"),
    "col_category": ("Category", "类别"),
    "col_problem": ("Problem", "问题"),
    "col_measure": ("Measure", "整改措施"),
    "col_dept": ("Department", "责任部门"),
    "col_lead": ("Lead unit", "牵头单位"),
    "col_found": ("Found", "发现日期"),
    "col_due": ("Due", "整改时限"),
    "col_state": ("State", "状态"),
    "col_done_on": ("Closed", "销号日期"),
    "col_rule": ("Rule", "规则"),
    "col_result": ("Result", "结果"),
    "col_offenders": ("Offending items", "问题清单"),
    "col_latency": ("Days after source", "学习时效（天）"),
    "col_plan": ("Plan item", "计划项"),
    "col_held_by": ("Held by", "完成学习"),
    # -- export and import (transfer.py) ---------------------------------------------------
    "sheet_members": ("Members", "成员"),
    "sheet_sessions": ("Sessions", "学习记录"),
    "sheet_attendance": ("Attendance", "签到"),
    "sheet_makeups": ("Make-ups", "补学"),
    "sheet_speeches": ("Speeches", "发言"),
    "sheet_summary": ("Attendance notice", "出勤公示"),
    "sheet_about": ("About", "说明"),
    "col_session_ref": ("Session #", "学习编号"),
    "col_session_date": ("Session date", "学习日期"),
    "export_done": (
        "Exported {year} of {org} to {path}: {counts}",
        "已将 {org} {year}年的记录导出到 {path}：{counts}",
    ),
    "import_done": ("Imported {path} into {org}: {counts}", "已将 {path} 导入 {org}：{counts}"),
    "import_dry_run": (
        "Dry run: importing {path} into {org} would add {counts}; nothing was written",
        "试运行：将 {path} 导入 {org} 将添加 {counts}；未写入任何内容",
    ),
    "import_other_org": (
        "Note: {path} was exported from {source}; imported into {org}",
        "提示：{path} 导出自 {source}，已导入 {org}",
    ),
    "count_members": ("{count} member(s)", "成员 {count} 人"),
    "count_members_known": (
        "{count} member(s) already there, kept",
        "已有成员 {count} 人（保持不变）",
    ),
    "count_sessions": ("{count} session(s)", "学习 {count} 次"),
    "count_attendance": ("{count} roll line(s)", "签到 {count} 条"),
    "count_makeups": ("{count} make-up(s)", "补学 {count} 条"),
    "count_speeches": ("{count} speech(es)", "发言 {count} 条"),
    "encoding_csv_only": (
        "--encoding applies to --format csv only",
        "--encoding 仅用于 --format csv",
    ),
    "export_format_unclear": (
        "cannot tell the format from {path}; give --format xlsx | csv | json",
        "无法从 {path} 判断格式，请用 --format xlsx | csv | json 指定",
    ),
    "export_out_folder": (
        "{path} is a folder; give a file name (e.g. 2023.xlsx)",
        "{path} 是文件夹，请给出文件名（如 2023.xlsx）",
    ),
    "export_csv_folder": (
        "CSV export writes a folder with a file for each table; give a folder, not {path}",
        "CSV 导出会写入一个文件夹（每张表一个文件），请给出文件夹而不是 {path}",
    ),
    "where_file": ("{file}", "{file}"),
    "where_file_row": ("{file}, row {row}", "{file}，第 {row} 行"),
    "where_file_cell": ("{file}, row {row}, column {column}", "{file}，第 {row} 行，{column}"),
    "where_sheet": ("{file}, sheet {sheet}", "{file}，工作表“{sheet}”"),
    "where_sheet_row": ("{file}, sheet {sheet}, row {row}", "{file}，工作表“{sheet}”，第 {row} 行"),
    "where_sheet_cell": (
        "{file}, sheet {sheet}, row {row}, column {column}",
        "{file}，工作表“{sheet}”，第 {row} 行，{column}",
    ),
    "where_json": ("{file}, {table}", "{file}，{table}"),
    "where_json_row": ("{file}, {table} item {row}", "{file}，{table} 第 {row} 项"),
    "where_json_cell": (
        "{file}, {table} item {row}, key {column}",
        "{file}，{table} 第 {row} 项，键 {column}",
    ),
    "where_column": ("{letter} ({header})", "{letter} 列（{header}）"),
    "where_column_missing": ("{header}", "“{header}”列"),
    "import_bad_row": ("{where}: {problem}", "{where}：{problem}"),
    "import_missing_column": (
        "{where}: no {column} column (headers found: {found})",
        "{where}：缺少“{column}”列（现有列：{found}）",
    ),
    "import_no_file": ("{path} does not exist", "{path} 不存在"),
    "import_unknown_file": (
        "{path} is not an .xlsx workbook, a .csv file, a folder of CSV files or a .json export",
        "{path} 不是 .xlsx 工作簿、.csv 文件、CSV 文件夹或 .json 导出文件",
    ),
    "import_nothing": (
        "{path} has no sheet whose headers import knows (see the README, Import formats)",
        "{path} 中没有可识别表头的工作表（见 README“导入格式”）",
    ),
    "import_bad_csv": (
        "{path} cannot be read as CSV: {detail}",
        "{path} 无法作为 CSV 读取：{detail}",
    ),
    "import_csv_error": ("not a CSV row: {detail}", "不是有效的 CSV 行：{detail}"),
    "import_bad_encoding": (
        "{path}, line {line}: not {encoding} text (save it as UTF-8 or GB18030)",
        "{path}，第 {line} 行：不是 {encoding} 文本（请另存为 UTF-8 或 GB18030）",
    ),
    "import_bad_xlsx": (
        "{path} cannot be read as an .xlsx workbook ({detail}); an old .xls must be saved as .xlsx",
        "{path} 无法作为 .xlsx 工作簿读取（{detail}）；旧版 .xls 请另存为 .xlsx",
    ),
    "import_bad_json": (
        "{path} is not a studylog JSON export ({detail})",
        "{path} 不是 studylog 导出的 JSON 文件（{detail}）",
    ),
    "import_not_object": ("not a JSON object", "不是 JSON 对象"),
    "import_twice": (
        "{name} is listed twice (also in row {row})",
        "{name} 重复出现（另见第 {row} 行）",
    ),
    "import_session_twice": ("session #{ref} is given twice", "编号 {ref} 的学习重复出现"),
    "import_session_exists": (
        "the session '{title}' of {day} is already recorded (#{id}); import only adds records",
        "{day} 的学习“{title}”已有记录（#{id}），导入只添加新记录",
    ),
    "import_on_roll": ("{name} is already on the roll of {day}", "{name} 已在 {day} 的签到中"),
    "import_unknown_session": (
        "no session #{ref} in the file's sessions",
        "文件的学习记录中没有编号为 {ref} 的学习",
    ),
    "import_date_mismatch": (
        "session #{ref} was held on {day}, not {given}",
        "编号 {ref} 的学习日期为 {day}，不是 {given}",
    ),
    "import_no_session": (
        "no session # and no date: which session is this?",
        "没有学习编号也没有日期，无法确定是哪次学习",
    ),
    "import_bad_ref": ("'{value}' is not a session number", "“{value}”不是学习编号"),
    # -- report, sign-in sheet, archive ----------------------------------------------------
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
    "archive_folder_not_empty": (
        "{path} is not empty; give a new or empty folder, or a .zip file",
        "{path} 不是空文件夹；请给出新的或空的文件夹，或 .zip 文件",
    ),
    "file_error": ("cannot use {path}: {detail}", "无法使用 {path}：{detail}"),
    "archive_folder": ("study-archive-{year}", "{year}年学习档案"),
    "no_folder": ("the folder {path} does not exist", "文件夹 {path} 不存在"),
    "archive_not_folder": (
        "{path} is a file; give a folder or a name ending in .zip",
        "{path} 是文件，请给出文件夹或以 .zip 结尾的文件名",
    ),
    "bad_extension": (
        "{path}: the file name must end in {choices}",
        "{path}：文件名须以 {choices} 结尾",
    ),
    # -- the database file (upkeep.py) ----------------------------------------------------
    "backup_written": ("Backup written to {path}", "备份已写入 {path}"),
    "backup_exists": (
        "{path} already exists; a backup never overwrites a file",
        "{path} 已存在；备份不会覆盖已有文件",
    ),
    "backup_sqlite_only": (
        "db backup copies a SQLite file; back up PostgreSQL with pg_dump",
        "db backup 只备份 SQLite 文件；PostgreSQL 请用 pg_dump 备份",
    ),
    "check_integrity": ("SQLite integrity check", "SQLite 完整性检查"),
    "check_foreign_keys": ("Every record has its parent", "记录均有对应的上级记录"),
    "check_makeup_for_attended": (
        "Make-ups only for a leave or absence",
        "补学只针对请假或缺席",
    ),
    "check_makeup_before_session": ("No make-up before its session", "补学不早于学习日期"),
    "check_roll_across_groups": ("Rolls stay within their group", "签到不跨中心组"),
    "check_speech_across_groups": ("Speeches stay within their group", "发言不跨中心组"),
    "check_audit_chain": ("Audit logs verify (log --verify)", "审计日志完整（log --verify）"),
    "check_host_across_groups": ("Hosts belong to their group", "主持人属于本中心组"),
    "col_problems": ("Problems", "问题数"),
    # -- column and figure labels ------------------------------------------------------------
    "col_id": ("#", "编号"),
    "col_date": ("Date", "日期"),
    "col_title": ("Title", "题目"),
    "col_kind": ("Kind", "类型"),
    "col_discussion": ("Discussion", "研讨"),
    "col_format": ("Format", "形式"),
    "col_host": ("Host", "主持人"),
    "col_location": ("Location", "地点"),
    "col_first_agenda": ("First agenda item", "第一议题"),
    "col_source_date": ("Source date", "原文日期"),
    "col_tags": ("Tags", "标签"),
    "col_name": ("Name", "姓名"),
    "col_job_title": ("Post", "职务"),
    "col_role": ("Role", "角色"),
    "col_joined": ("Joined", "加入日期"),
    "col_retired": ("Left", "离开日期"),
    "col_status": ("Attendance", "出勤情况"),
    "col_reason": ("Reason", "请假事由"),
    "col_made_up": ("Made up", "补学日期"),
    "col_method": ("Method", "补学方式"),
    "col_note": ("Note", "备注"),
    "col_session": ("Session", "学习"),
    "col_speech_kind": ("Speech", "发言类型"),
    "col_speech_title": ("Speech title", "发言题目"),
    "col_figure": ("Figure", "项目"),
    "col_value": ("Value", "数值"),
    "col_period": ("Period", "时段"),
    "total": ("Total", "合计"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "roll": ("Roll", "签到"),
    "speeches": ("Speeches", "发言"),
    "fig_year": ("Year", "年度"),
    "fig_org": ("Study group", "中心组"),
    "fig_sessions": ("Sessions", "集中学习"),
    "fig_discussions": ("Discussions", "集中学习研讨"),
    "fig_topic_sessions": ("Topic sessions", "专题学习"),
    "fig_topic_discussions": ("Topic discussions", "专题学习研讨"),
    "fig_first_agenda_items": ("First agenda items", "第一议题"),
    "fig_first_agenda_median_days": (
        "First agenda relay, median days",
        "第一议题学习时效（中位天数）",
    ),
    "fig_first_agenda_longest_days": (
        "First agenda relay, longest days",
        "第一议题学习时效（最长天数）",
    ),
    "fig_expected": ("Expected", "应参学人次"),
    "fig_present": ("Present", "出席"),
    "fig_late": ("Late", "迟到"),
    "fig_leave": ("On leave", "请假"),
    "fig_absent": ("Absent", "缺席"),
    "fig_attendance_rate": ("Attendance rate", "出勤率"),
    "fig_makeups": ("Make-ups", "补学"),
    "fig_makeups_outstanding": ("Make-ups outstanding", "未补学"),
    "fig_participation_rate": ("Participation rate (with make-ups)", "参学率（含补学）"),
    "fig_speeches_key": ("Key speeches", "重点发言"),
    "fig_speeches_written": ("Written speeches", "书面发言"),
    "fig_speeches_exchange": ("Exchange speeches", "交流发言"),
    "fig_speeches": ("Speeches", "发言"),
    "fig_unrecorded": ("Not on a roll yet", "未签到登记"),
}
