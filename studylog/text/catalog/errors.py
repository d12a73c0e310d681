"""What the secretary is told when a command refuses: input that does not parse, records that
do not fit, a database or settings file that is not right. Rendered by
:func:`studylog.text.messages.describe` after the ``error_prefix``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}
