"""A session's records and materials: minutes (学习记录), outline (研究提纲), the materials
studied, the 学习简报, and the check rules and archive parts they add."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- minutes and outline --
    "what_--minutes": ("the minutes", "学习记录"),
    "what_--outline": ("the outline", "研究提纲"),
    "what_FILE": ("the file name", "文件名"),
    "notes_nothing_given": (
        "give --minutes FILE, --outline FILE (- reads standard input), or --clear-minutes / "
        "--clear-outline",
        "请给出 --minutes 文件、--outline 文件（- 表示从标准输入读取），或 --clear-minutes / "
        "--clear-outline",
    ),
    "notes_stdin_twice": (
        "only one of --minutes and --outline can read standard input (-)",
        "--minutes 和 --outline 只能有一个从标准输入（-）读取",
    ),
    "notes_file_missing": ("{path}: no such file", "{path}：文件不存在"),
    "notes_not_a_file": ("{path} is not a regular file", "{path} 不是普通文件"),
    "notes_saved": (
        "Session #{id} of {day}: minutes {minutes}, outline {outline}",
        "{day} 学习（#{id}）：学习记录{minutes}，研究提纲{outline}",
    ),
    "notes_chars": ("{count} characters", "{count}字"),
    "notes_none": ("none", "无"),
    "minutes": ("Minutes (学习记录)", "学习记录"),
    "outline": ("Discussion outline (研究提纲)", "研究提纲"),
    "materials": ("Materials (学习材料)", "学习材料"),
    "col_notes_record": ("Record", "记录"),
    "col_notes_opening": ("Length and opening", "字数及开头"),
    "notes_count": ("{count} characters: {opening}", "{count}字：{opening}"),
    # -- materials --
    "material_missing": ("{path}: no such file", "{path}：文件不存在"),
    "material_is_link": (
        "{path} is a symbolic link: attach the file itself",
        "{path} 是符号链接：请附上文件本身",
    ),
    "material_is_folder": (
        "{path} is a folder: attach the files in it one by one",
        "{path} 是文件夹：请逐个附上其中的文件",
    ),
    "material_not_regular": (
        "{path} is not a regular file (a device, a FIFO or a socket)",
        "{path} 不是普通文件（设备、管道或套接字）",
    ),
    "material_empty": ("{path} is empty: nothing to attach", "{path} 是空文件，无内容可附"),
    "material_too_big": (
        "{path} is {size}, over the limit of {limit} (settings: [materials] max_size_mb)",
        "{path} 大小为 {size}，超过上限 {limit}（设置项：[materials] max_size_mb）",
    ),
    "material_unreadable": ("{path} cannot be read: {detail}", "{path} 无法读取：{detail}"),
    "material_twice": (
        "{name}: the same content is already attached to the session of {day} as #{id} {other}",
        "{name}：{day} 学习已附有相同内容的材料（#{id} {other}）",
    ),
    "material_attached": (
        "Attached to session #{session} of {day}: #{id} {name} ({size}, SHA-256 {sha})",
        "已附到 {day} 学习（#{session}）：#{id} {name}（{size}，SHA-256 {sha}）",
    ),
    "material_stored_before": (
        "  (the same content was already stored: kept once)",
        "  （相同内容已存储，只保存一份）",
    ),
    "unknown_material": (
        "the session of {day} (#{session}) has no material #{id} (see: session attachments)",
        "{day} 学习（#{session}）没有编号为 {id} 的材料（见 session attachments）",
    ),
    "material_detached": (
        "Detached #{id} {name} from the session of {day} (kept; studylog undo brings it back)",
        "已从 {day} 学习撤下材料 #{id} {name}（仍保留，可用 studylog undo 恢复）",
    ),
    "no_materials": ("No materials attached.", "未附学习材料。"),
    "col_material": ("Material", "材料"),
    "col_media_type": ("Type", "类型"),
    "col_size": ("Size", "大小"),
    "col_sha256": ("SHA-256", "SHA-256"),
    "col_attached": ("Attached", "附上时间"),
    "extract_written": (
        "Wrote {count} file(s) of the session of {day} to {path}",
        "已将 {day} 学习的 {count} 个文件写入 {path}",
    ),
    "extract_empty": (
        "the session of {day} (#{id}) has no minutes, outline or materials to extract",
        "{day} 学习（#{id}）没有学习记录、研究提纲或材料可导出",
    ),
    "minutes_file": ("minutes", "学习记录"),
    "outline_file": ("outline", "研究提纲"),
    "table_session_notes": ("minutes and outline", "学习记录和研究提纲"),
    "table_session_materials": ("material", "学习材料"),
    "table_material_blobs": ("material content", "材料内容"),
    "field_minutes": ("minutes", "学习记录"),
    "field_outline": ("outline", "研究提纲"),
    "field_media_type": ("type", "类型"),
    "field_sha256": ("SHA-256", "SHA-256"),
    "field_size": ("size", "大小"),
    "field_data": ("content", "内容"),
    "field_blob_id": ("content", "内容"),
    # -- export and import --
    "import_files_bad": (
        "{path}, {table} #{row}: {detail}",
        "{path}，{table} 第{row}项：{detail}",
    ),
    "import_files_old_session": (
        "session #{id} is already in the database: import adds notes and materials only to "
        "the sessions the same file adds (use session note / session attach)",
        "学习 #{id} 已在数据库中：导入只为同一文件新增的学习添加学习记录和材料（请用 session "
        "note / session attach）",
    ),
    "count_session_notes": (
        "{count} session note(s) (minutes, outline)",
        "学习记录/研究提纲{count}条",
    ),
    "count_session_materials": ("{count} material(s)", "学习材料{count}份"),
    # -- the check --
    "rule_session_minutes": ("Every session has its minutes (有学习记录)", "有学习记录"),
    "offender_session_minutes": (
        "session #{session_id} of {date}, {title}: no minutes",
        "{date} 学习（#{session_id}）{title}：无学习记录",
    ),
    "rule_discussion_outline": (
        "Every discussion has its outline (有研究提纲)",
        "有研究提纲",
    ),
    "offender_discussion_outline": (
        "session #{session_id} of {date}, {title}: a discussion without an outline",
        "{date} 学习（#{session_id}）{title}：研讨无研究提纲",
    ),
    # -- the archive --
    "archive_minutes_file": ("session-{number:02d}-minutes", "学习记录{number:02d}-会议纪要"),
    "archive_outline_file": ("session-{number:02d}-outline", "学习记录{number:02d}-研究提纲"),
    "archive_material_file": (
        "session-{number:02d}-material-{index}-{name}",
        "学习记录{number:02d}-材料{index}-{name}",
    ),
    "archive_minutes_title": ("{org}: minutes of the session of {day}", "{org}{day}学习记录"),
    "archive_outline_title": (
        "{org}: discussion outline of the session of {day}",
        "{org}{day}研究提纲",
    ),
    "archive_minutes_part": ("Minutes of the session of {day}", "{day}学习记录（会议纪要）"),
    "archive_outline_part": ("Discussion outline of the session of {day}", "{day}研究提纲"),
    "archive_material_part": (
        "Material of the session of {day}: {name} ({size})",
        "{day}学习材料：{name}（{size}）",
    ),
    # -- the 学习简报 --
    "brief_written": ("Brief written to {path}", "学习简报已写入 {path}"),
    "brief_template_written": ("Template written to {path}", "模板已写入 {path}"),
    "brief_upcoming": (
        "the session of {day} (#{id}) is not held yet: no brief before it is",
        "{day} 学习（#{id}）尚未举行，不能生成学习简报",
    ),
}
