"""``--help`` in Chinese: each command's summary, keyed by its path, and each option's help,
keyed by its English text.

The English stays where Click reads it, in the commands' docstrings and ``help=``; these are
the Chinese of the same texts. An option's help is keyed by its English text, so an option
shared by many commands (``--format``, ``--force``, ``REF``) is translated once, and an English
text changed without its Chinese shows in ``tests/test_help_zh.py`` (every help string has both
languages). The texts of what a whole year of work added are in :mod:`help_year`, merged
here. A command's examples are taken from its docstring as they are (``示例：``).
"""

from __future__ import annotations

from studylog.text.catalog import help_year

#: A command's help, by its path (``""`` is studylog itself).
COMMANDS: dict[str, str] = {
    "": "党组理论学习中心组的学习记录与年度统计：学习、出勤、补学、发言。",
    "init": "创建数据库（如尚未创建）并为中心组命名（--org，默认“党组理论学习中心组”）。",
    "attend": "一行记下一次学习的全部出勤；应到而未点名的成员记为出席。",
    "stats": "统计一年（或 --from/--to 期间）的数字：一句话汇总和每项指标。",
    "check": "按中心组的规则检查一年；全部通过退出码为 0，有未通过的为 3。",
    "report": "起草年度学习情况汇报（三部分），每个数字都来自记录，附学习列表和出勤公示。",
    "report template": "写出汇报的默认模板（Jinja2，输出语言），以便修改。",
    "sheet": "写出一次学习的签到表，可直接打印：每名应到成员一行。",
    "archive": "生成全年学习档案：目录、学习计划、每次学习的记录（含出勤和发言）、补学、"
    "整改台账、年度汇报（Word 文件）。",
    "export": "导出全年的记录、学习计划和整改台账，以及出勤公示。",
    "import": "导入 export 写出的文件、花名册或签到表中的记录。",
    "log": "查看谁在何时改了什么：每一次写入，按时间先后。",
    "undo": "撤销最近一次更改，或日志第 ENTRY 条（除非 --yes，先询问）。",
    "demo": "把一年的示例数据载入示例数据库，并打印其统计。",
    "member": "中心组成员（班子成员）：添加、列出、修改、离任、删除。",
    "member add": "为中心组添加一名成员。",
    "member list": "列出中心组成员（除非 --all，只列现任成员）。",
    "member edit": "修改成员的姓名、职务、角色、加入或离开日期。",
    "member retire": "记下成员离开中心组；其历史记录保留。",
    "member delete": "删除误录的成员及其出勤记录（除非 --yes，先询问）。",
    "session": "学习（集中学习 / 专题学习）：添加、列出、查看、修改、删除。",
    "session add": "记录一次学习（--date 和 --title 必填）。",
    "session edit": "修改一次学习；只改给出的选项。",
    "session list": "列出一年或一段日期内的学习，按时间先后（都不给出时列出全部）。",
    "session show": "查看一次学习及其出勤、补学和发言。",
    "session delete": "删除一次学习及其出勤、补学和发言（除非 --yes，先询问）。",
    "makeup": "请假或缺席后的事后补学。",
    "makeup add": "记下成员补学了其缺席（请假或缺席）的一次学习。",
    "makeup edit": "修改一条补学记录；只改给出的选项。",
    "makeup delete": "删除误录的补学记录。",
    "makeup list": "列出补学记录；加 --outstanding 列出尚未补学的请假和缺席。",
    "speech": "发言：重点发言、书面发言、交流发言。",
    "speech add": "记下一次学习上的发言（或提交的书面发言）。",
    "speech delete": "删除误录的发言。",
    "speech list": "列出发言，按时间先后。",
    "speech edit": "按编号修改发言的类型或题目。",
    "plan": "年度学习计划：添加、列出、修改、删除、对照。",
    "plan add": "在年度学习计划中添加一项。",
    "plan list": "按月列出一年的计划项。",
    "plan edit": "修改一项计划；只改给出的选项。",
    "plan delete": "删除一项计划；执行它的那次学习保留（不再关联）。",
    "plan show": "把计划与实际对照：每项已执行、未到期或逾期。",
    "rectify": "整改台账：问题、措施、跟踪反馈、销号。",
    "rectify add": "在整改台账中登记一个问题。",
    "rectify list": "列出整改台账，按时间先后；逾期指过了整改时限仍未销号。",
    "rectify progress": "登记一条整改的跟踪反馈。",
    "rectify done": "为一条整改销号。",
    "rectify show": "查看一条整改及其跟踪记录。",
    "rectify edit": "修改一条整改；只改给出的选项（rectify add 的任一选项）。",
    "rectify delete": "删除误录的整改：保留并标记为已删除，可恢复。",
    "rectify restore": "恢复误删的整改及其跟踪记录。",
    "signin": "为一次学习开启扫码签到：成员用手机扫二维码签到。",
    "serve": "在浏览器中只读查看记录：统计、出勤公示、计划、检查、台账、学习。",
    "serve passwd": "设置 serve 要求的密码（用 scrypt 哈希保存，仅本人可读）。",
    "config": "配置文件：在哪里，哪些设置生效。",
    "config path": "打印配置文件的读取位置（文件可以不存在）。",
    "config show": "以 TOML 打印生效的设置；可作为自己编写的范例。",
    "db": "数据库：在线备份、一致性检查、限于本中心组的 PostgreSQL 角色。",
    "db backup": "用 SQLite 的在线备份复制数据库，他人写入时也安全。",
    "db check": "检查文件完整性和 studylog 自身的规则；有问题时退出码为 3。",
    "db grant": "创建只能查看和修改本中心组（--org）记录的 PostgreSQL 登录角色。",
    "db revoke": "收回 db grant 授予 PostgreSQL 角色的权限；由它创建的角色被删除。",
    "restore": "恢复已删除的学习或成员；列出已删除的内容。",
    "restore session": "恢复已删除的学习及其出勤、补学和发言。",
    "restore member": "恢复已删除的成员及随其删除的出勤记录。",
    "restore list": "列出已删除的学习和成员，以及删除的时间和原因。",
    **help_year.COMMANDS,
}

#: An option's or argument's help, by its English text.
OPTIONS: dict[str, str] = {
    "Database: a SQLite file path or a SQLAlchemy URL (default: studylog.db in studylog's "
    "folder, STUDYLOG_HOME).": "数据库：SQLite 文件路径或 SQLAlchemy URL（默认：studylog 目录"
    "（STUDYLOG_HOME）中的 studylog.db）。",
    "The study group (中心组); may be omitted while the database holds one.": "中心组；"
    "数据库中只有一个中心组时可省略。",
    "Output language: zh | en (default: zh under a Chinese locale, else en).": "输出语言："
    "zh | en（默认：中文区域设置下为 zh，否则为 en）。",
    "Settings file (TOML; default: config.toml in the user config dir).": "配置文件"
    "（TOML；默认：用户配置目录中的 config.toml）。",
    "Show the version and exit.": "显示版本并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": "显示"
    "当前 shell 的补全脚本，以便复制或自行安装。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Session id (12 or #12), or its date when only one session was held that day.": "学习编号"
    "（12 或 #12），或当天只有一次学习时的日期。",
    "Names present (出席), comma-separated; may repeat.": "出席的成员，逗号分隔；可重复。",
    "Names who came late (迟到).": "迟到的成员。",
    "On leave (请假): NAME[:REASON]; names before the colon share its reason "
    "(张三,李四：外出开会). May repeat.": "请假：姓名[:事由]；冒号前的姓名共用其后的事由"
    "（张三,李四：外出开会）。可重复。",
    "Names absent without leave (缺席).": "未请假缺席的成员。",
    "Start the roll over: everyone not named is present again; lists what it drops.": "重新"
    "记录出勤：未点名的人重新记为出席；列出被取消的记录。",
    "Who approved the leaves named (请假经…同意); default: the settings' leave_approver, else "
    "the group's 组长.": "请假经谁同意；默认：配置中的 leave_approver，否则为中心组组长。",
    "Read the roll from a marked sign-in sheet (the .xlsx `sheet` writes, its 出勤情况 column "
    "filled in).": "从填好的签到表读取出勤（sheet 写出的 .xlsx，填写了“出勤情况”列）。",
    "With --from-sheet: check and show, store nothing.": "与 --from-sheet 一起用：检查并显示，"
    "不保存。",
    "Do not ask for confirmation.": "不询问确认。",
    "Output: table | json | csv | markdown.": "输出格式：table | json | csv | markdown。",
    "Calendar year, e.g. 2023.": "年份，例如 2023。",
    "Every group in the database: one row per group, totals last (the supervising view).": ""
    "数据库中的所有中心组：每组一行，最后是合计（上级视图）。",
    "Also one row per member (the attendance notice, 出勤公示), month or quarter.": "另按成员"
    "（出勤公示）、月份或季度各列一行：member（成员）| month（月份）| quarter（季度）。",
    "Write the listing to FILE instead of printing it (--force replaces it).": "把列表写入"
    "文件 FILE 而不是打印（--force 覆盖已有文件）。",
    "utf-8-sig (default for a CSV file: Excel and WPS show Chinese right) | gb18030 | utf-8 "
    "(default for what is printed).": "utf-8-sig（CSV 文件的默认值：Excel 和 WPS 正确显示中文）"
    "| gb18030 | utf-8（打印输出的默认值）。",
    "Replace the file (or folder) if it is already there.": "文件（或文件夹）已存在时覆盖。",
    "Judge as of this date instead of today.": "以这一天而不是今天为准。",
    "Output: table | json.": "输出格式：table | json。",
    "text | markdown | docx (Word) | pdf (through LibreOffice); default: from --out (.docx, "
    ".md, .pdf), else text.": "text | markdown | docx（Word）| pdf（经 LibreOffice）；"
    "默认：按 --out 的后缀（.docx、.md、.pdf），否则为 text。",
    "Write to this file (docx and pdf need one).": "写入此文件（docx 和 pdf 必须给出）。",
    "An edited copy of the report's template (see: studylog report template).": "修改过的"
    "汇报模板（见 studylog report template）。",
    "Where to write it.": "写到哪里。",
    "FILE.docx, FILE.xlsx or FILE.pdf (LibreOffice).": "FILE.docx、FILE.xlsx 或 FILE.pdf"
    "（LibreOffice）。",
    "A folder, or a .zip file.": "一个文件夹，或一个 .zip 文件。",
    "docx (Word) | pdf (through LibreOffice).": "docx（Word）| pdf（经 LibreOffice）。",
    "Where to write: an .xlsx or .json file, or for csv a new (or empty) folder, one file a "
    "table.": "写到哪里：.xlsx 或 .json 文件；csv 则为一个新的（或空的）文件夹，每表一个文件。",
    "xlsx | csv | json (default: from --out: .xlsx, .json, else csv).": "xlsx | csv | json"
    "（默认：按 --out 的后缀 .xlsx、.json，否则为 csv）。",
    "CSV encoding: utf-8-sig (default: Excel and WPS show Chinese right) | gb18030 | utf-8.": ""
    "CSV 编码：utf-8-sig（默认：Excel 和 WPS 正确显示中文）| gb18030 | utf-8。",
    "An .xlsx workbook, a .csv file, a folder of CSV files, or a .json export.": ".xlsx "
    "工作簿、.csv 文件、CSV 文件所在的文件夹，或导出的 .json 文件。",
    "Check everything and say what would be added; write nothing.": "全部检查并说明将添加"
    "什么；不写入。",
    "Only changes to this session (id, #id or date).": "只看这次学习的更改（编号、#编号或日期）。",
    "Check the log instead: exit 3 if any entry was edited, inserted or removed, or any "
    "record changed, added or removed, behind studylog's back.": "改为校验日志：若有条目被"
    "绕过 studylog 修改、插入或删除，或有记录被改动、增加或删除，退出码为 3。",
    "With --verify: fail unless the log holds this hash (one written down earlier, from a "
    "report or a previous --verify): its head is it or descends from it.": "与 --verify 一起用："
    "日志必须包含这个哈希（之前从汇报或上次 --verify 记下的），即最新哈希就是它或由它延续而来，"
    "否则校验失败。",
    "The log entry to revert (its # in `studylog log`); default: the latest.": "要撤销的日志"
    "条目（studylog log 中的编号）；默认：最近一条。",
    "Where to write the sample database (default: demo.db in studylog's folder).": "示例数据库"
    "写到哪里（默认：studylog 目录中的 demo.db）。",
    "The member's name, e.g. 张三.": "成员姓名，例如 张三。",
    "Post (职务), e.g. 党组书记、局长.": "职务，例如 党组书记、局长。",
    "Role: leader (组长) | deputy (副组长) | member (成员) | secretary (学习秘书) | observer "
    "(列席).": "角色：组长 | 副组长 | 成员 | 学习秘书 | 列席（或 leader | deputy | member | "
    "secretary | observer）。",
    "Date they joined the group; without it they count from the first record on.": "加入中心组"
    "的日期；不给出则从第一条记录起计算。",
    "Include members who have left the group.": "包括已离开中心组的成员。",
    "New name.": "新姓名。",
    "Correct the date they left the group.": "更正离开中心组的日期。",
    "Take off the records the new dates leave outside their time in the group.": "撤下新日期"
    "使之落在任职期外的记录。",
    "The date they left the group.": "离开中心组的日期。",
    "Take them off later rolls, speeches and hosting.": "从之后的出勤、发言和主持中撤下。",
    "Why it is deleted (kept with it).": "删除原因（随记录保留）。",
    "Date held, e.g. 2023-03-01.": "学习日期，例如 2023-03-01。",
    "What was studied.": "学习内容。",
    "Kind: study (集中学习) | topic (专题学习).": "类型：集中学习 | 专题学习（或 study | topic）。",
    "The session held a discussion (研讨).": "本次学习开展了研讨。",
    "How it was held: in-person (线下) | online (线上) | field (实地).": "形式：线下 | 线上 | "
    "实地（或 in-person | online | field）。",
    "The member who chaired it (主持人); '' clears.": "主持人；'' 清除。",
    "Where; '' clears.": "地点；'' 清除。",
    "First agenda item (第一议题): the speech or document relayed; '' clears.": "第一议题："
    "传达学习的讲话或文件；'' 清除。",
    "Date of the first agenda item's source speech/document.": "第一议题所学讲话或文件的原文日期。",
    "A tag; repeat or separate with commas. Replaces existing tags.": "标签；可重复或用逗号"
    "分隔。替换已有标签。",
    "The plan item this session carries out (plan list); '' unlinks.": "本次学习执行的计划项"
    "（见 plan list）；'' 取消关联。",
    "Record it even though a session of the same date and title is there (a second one that "
    "day).": "即使已有同日期、同题目的学习也记录（当天的第二次）。",
    "Only sessions held this way: in-person (线下) | online (线上) | field (实地).": "只列这种"
    "形式的学习：线下 | 线上 | 实地（或 in-person | online | field）。",
    "Only sessions with a first agenda item (第一议题), with its relay latency.": "只列有第一"
    "议题的学习，并给出学习时效。",
    "The member who missed the session.": "缺席这次学习的成员。",
    "Date of the make-up study.": "补学日期。",
    "How: self-study (自学) | notes (笔记) | online (线上) | briefing (传达).": "方式：自学 | "
    "笔记 | 线上 | 传达（或 self-study | notes | online | briefing）。",
    "What was studied, notes.": "补学内容、备注。",
    "The member's written 体会 on it; '' clears.": "成员写的体会；'' 清除。",
    "The 体会 from a text file (UTF-8 or GB18030).": "从文本文件读取体会（UTF-8 或 GB18030）。",
    "Date of the make-up.": "补学日期。",
    "Notes; '' clears.": "备注；'' 清除。",
    "Only leaves and absences not yet made up.": "只列尚未补学的请假和缺席。",
    "The member who spoke.": "发言的成员。",
    "Kind: key (重点发言) | written (书面发言) | exchange (交流发言).": "类型：重点发言 | "
    "书面发言 | 交流发言（或 key | written | exchange）。",
    "Title of the speech.": "发言题目。",
    "Only this member's speeches.": "只列这名成员的发言。",
    "The speech's id (speech list shows it).": "发言编号（见 speech list）。",
    "Its title; '' clears.": "题目；'' 清除。",
    "The plan's year, e.g. 2023.": "计划所属年份，例如 2023。",
    "Month it is due, 1 to 12.": "计划月份，1 至 12。",
    "What is to be studied.": "计划学习的内容。",
    "A discussion (研讨) is planned.": "计划开展研讨。",
    "A member planned to speak; repeat or separate with commas.": "计划发言的成员；可重复或"
    "用逗号分隔。",
    "The plan item's id (see plan list).": "计划项编号（见 plan list）。",
    "Move to this year.": "移到这一年。",
    "Move to this month.": "移到这个月。",
    "New title.": "新题目。",
    "A discussion is planned, or not.": "是否计划开展研讨。",
    "Planned speakers; replaces the list ('' clears it).": "计划发言人；替换原名单（'' 清空）。",
    "The problem found (问题).": "发现的问题。",
    "The measure taken (整改措施).": "整改措施。",
    "Department responsible (责任部门).": "责任部门。",
    "Leading unit (牵头单位).": "牵头单位。",
    "Deadline (整改时限).": "整改时限。",
    "The session whose discussion found it (id or date).": "在哪次学习的研讨中发现（编号或日期）。",
    "Date found (default: the session's date, else today).": "发现日期（默认：该次学习的日期，"
    "否则为今天）。",
    "Only problems found in this year.": "只列这一年发现的问题。",
    "Only entries not yet closed.": "只列尚未销号的条目。",
    "Only open entries past their deadline.": "只列已过整改时限仍未销号的条目。",
    "Only closed entries (已销号).": "只列已销号的条目。",
    "The ledger entry's id (see rectify list).": "台账条目编号（见 rectify list）。",
    "What was done (跟踪反馈).": "做了什么（跟踪反馈）。",
    "Date (default: today).": "日期（默认：今天）。",
    "Date it was closed (销号).": "销号日期。",
    "How it was resolved.": "整改结果。",
    "The problem (问题).": "问题。",
    "The measure (整改措施).": "整改措施。",
    "Department (责任部门).": "责任部门。",
    "The session that found it; '' unlinks.": "发现问题的那次学习；'' 取消关联。",
    "Date found.": "发现日期。",
    "Address to listen on: 127.0.0.1 (this computer only, the default) or 0.0.0.0 (phones on "
    "the same Wi-Fi).": "监听地址：127.0.0.1（仅本机，默认）或 0.0.0.0（同一 Wi-Fi 下的手机）。",
    "Port to listen on (0: any free one).": "监听端口（0：任一空闲端口）。",
    "Sign-ins after this time of day on the session's day are marked late (迟到).": "当天晚于"
    "这一时刻的签到记为迟到。",
    "Sign-in attempts one phone (client address) may make in a minute.": "每部手机（客户端"
    "地址）每分钟可尝试签到的次数。",
    "Address to listen on (default 127.0.0.1); another needs a password set with studylog "
    "serve passwd.": "监听地址（默认 127.0.0.1）；其他地址需先用 studylog serve passwd 设置密码。",
    "Every group in the database, side by side (the supervising view).": "数据库中的所有中心组，"
    "并列显示（上级视图）。",
    "Remove the password: serve is local-only again.": "删除密码：serve 重新只限本机访问。",
    "The backup file to write.": "要写出的备份文件。",
    "The PostgreSQL login role to make.": "要创建的 PostgreSQL 登录角色。",
    "A role that db grant made or updated.": "由 db grant 创建或更新的角色。",
    "The deleted member's name.": "已删除成员的姓名。",
    **help_year.OPTIONS,
}

#: Click's own words around the help texts.
WORDS: dict[str, str] = {
    "Usage: ": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Example:": "示例：",
    "default": "默认",
    "required": "必填",
    "env var": "环境变量",
}
