"""The database file (studylog.store.upkeep): backups and the integrity checks of ``db check``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "backup_written": ("Backup written to {path}", "备份已写入 {path}"),
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
}
