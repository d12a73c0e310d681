"""Messages about the files and the database studylog works on: writing outputs, backups,
waiting for another writer, PostgreSQL roles walled to a group."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- files studylog writes (studylog.outputs) --
    "output_no_folder": ("the folder {folder} does not exist", "文件夹 {folder} 不存在"),
    "output_not_regular": (
        "{path} is a link, a device or a pipe; studylog writes only plain files and folders",
        "{path} 是链接、设备或管道；studylog 只写普通文件和文件夹",
    ),
    "output_is_folder": (
        "{path} is a folder; give a file name",
        "{path} 是文件夹，请给出文件名",
    ),
    "output_not_folder": (
        "{path} is a file; give a folder (or a name ending in .zip)",
        "{path} 是文件，请给出文件夹（或以 .zip 结尾的文件名）",
    ),
    "output_exists": (
        "{path} already exists; add --force to replace it",
        "{path} 已存在；如需替换请加 --force",
    ),
    "output_failed": (
        "could not write {path}: {detail}; nothing was written",
        "无法写入 {path}：{detail}；未写入任何内容",
    ),
    # -- PostgreSQL roles walled to one group (studylog.store.roles) --
    "bad_role_name": (
        "{role!r} is not a role name studylog makes: lower-case letters, digits and _, "
        "starting with a letter or _",
        "{role!r} 不是可用的角色名：只能用小写字母、数字和下划线，且以字母或下划线开头",
    ),
    "grant_needs_postgresql": (
        "roles walled to a group need PostgreSQL; on SQLite the file's permissions decide "
        "who may read it",
        "按中心组隔离的角色需要 PostgreSQL；SQLite 数据库由文件权限决定谁可读写",
    ),
    "role_is_superuser": (
        "{role} is a superuser or bypasses row-level security: it cannot be walled",
        "{role} 是超级用户或可绕过行级安全策略，无法隔离",
    ),
    "role_not_granted": (
        "{role} was not granted a group here (studylog db grant)",
        "{role} 未在此数据库中授予任何中心组（studylog db grant）",
    ),
    "role_granted": (
        "Role {role} now sees and changes only the records of {org}",
        "角色 {role} 现在只能查看和修改 {org} 的记录",
    ),
    "role_revoked": (
        "Role {role} has no rights here any more (the role itself was already there, so it stays)",
        "角色 {role} 已收回此数据库中的全部权限（该角色原已存在，予以保留）",
    ),
    "role_dropped": ("Role {role} revoked and dropped", "角色 {role} 已收回权限并删除"),
    # -- waiting for another command's write (studylog.store.db) --
    "waiting_for_lock": (
        "Another studylog command is writing to {path}; waiting for it to finish (up to "
        "{seconds} s, STUDYLOG_LOCK_TIMEOUT)…",
        "另一个 studylog 命令正在写入 {path}，正在等待其完成（最多 {seconds} 秒，"
        "可用 STUDYLOG_LOCK_TIMEOUT 设置）……",
    ),
    "bad_lock_timeout": (
        "{variable}={value!r} is not a number of seconds from 0 to 86400",
        "{variable}={value!r} 不是 0 到 86400 之间的秒数",
    ),
    "backup_failed": (
        "could not back up to {path}: {detail}; nothing was written",
        "无法备份到 {path}：{detail}；未写入任何内容",
    ),
    # -- PDF through LibreOffice (studylog.documents.pdf) --
    "pdf_needs_libreoffice": (
        "PDF is made with LibreOffice, which is not installed: install it (Debian/Ubuntu: "
        "apt install libreoffice-writer-nogui libreoffice-calc-nogui; Windows, macOS: "
        "libreoffice.org), or set STUDYLOG_SOFFICE to its soffice program; or write .docx",
        "生成 PDF 需要 LibreOffice，本机未安装：请先安装 LibreOffice（libreoffice.org），"
        "或用 STUDYLOG_SOFFICE 指定其程序；也可改为输出 .docx",
    ),
    "pdf_failed": (
        "LibreOffice could not turn {path} into PDF; nothing was written",
        "LibreOffice 未能将 {path} 转换为 PDF；未写入任何内容",
    ),
}
