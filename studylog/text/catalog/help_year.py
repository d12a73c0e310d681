"""``--help`` in Chinese for what a whole year of work added (学习形式, 扩大学习, 学习材料,
学习成果, 个人自学, 其他会议的第一议题, 学习考评, 学习日历, 到期提醒, 学习简报): the same
two tables as :mod:`studylog.text.catalog.help`, which merges them, kept apart so that neither
module grows too long.
"""

from __future__ import annotations

#: A command's help, by its path.
COMMANDS: dict[str, str] = {
    "assess": "学习考评：为每名成员一年的学习评分，各项得分与总分并列，按总分排名，"
    "低于合格线的标出；项目、权重和上限见配置文件 [assess]。",
    "calendar": "把一年已排期的学习计划写成学习日历（.ics 文件），可导入手机和 Outlook；"
    "重新导入只更新，不重复。",
    "due": "列出已逾期和今后几天内到期的事项：计划的学习、补学、整改时限；"
    "加 --fail-if-overdue 时有逾期则退出码为 3。",
    "session note": "保存一次学习的学习记录（会议纪要）和研究提纲；各自替换原有的内容。",
    "session attach": "为一次学习附上学习材料，保存在数据库中；有一个文件不合要求则一个也不附。",
    "session attachments": "列出一次学习的学习材料：编号、名称、类型、大小、SHA-256。",
    "session detach": "从一次学习中撤下一份学习材料：保留并标记为已撤下，可用 studylog undo 恢复。",
    "session extract": "把一次学习的学习材料按原文件名写入一个文件夹，连同学习记录和研究提纲。",
    "session brief": "起草一次学习的学习简报：时间、地点、主持人、出席和请假、第一议题、"
    "发言、学习记录的开头。",
    "session brief-template": "写出学习简报的默认模板（Jinja2，输出语言），以便修改。",
    "output": "学习成果：讲党课、宣讲、理论文章、心得体会、调研报告、研讨材料。",
    "output add": "记下成员的一项学习成果：讲党课、理论文章、心得体会等。",
    "output edit": "按编号修改一项学习成果；只改给出的选项（'' 清除发表或讲授处、级别、"
    "所出自的学习）。",
    "output delete": "删除误录的学习成果：保留并标记为已删除，可恢复。",
    "output restore": "恢复误删的学习成果。",
    "output list": "列出成员的学习成果，按时间先后，附编号。",
    "selfstudy": "个人自学：成员自己的学习，记学时。",
    "selfstudy add": "记下成员的一次个人自学及其学时。",
    "selfstudy delete": "删除误录的个人自学记录：保留并标记为已删除，可恢复。",
    "selfstudy restore": "恢复误删的个人自学记录。",
    "selfstudy list": "列出个人自学记录，按时间先后，附编号和学时。",
    "agenda": "党组会、党委会、常委会上的第一议题（中心组学习以外的会议）。",
    "agenda add": "记下党组会、党委会或常委会上的一项第一议题。",
    "agenda delete": "删除误录的第一议题：保留并标记为已删除，可恢复。",
    "agenda restore": "恢复误删的第一议题。",
    "agenda list": "列出其他会议上的第一议题，按时间先后，附编号。",
    "plan schedule": "按规则为一年的计划项排定日期，遇法定节假日和周末顺延到下一个工作日。",
}

#: An option's or argument's help, by its English text.
OPTIONS: dict[str, str] = {
    # the root
    "Page long listings (less -FRX, or $STUDYLOG_PAGER, $PAGER) on a terminal; never when "
    "piped. Default: on a terminal.": "在终端上分页显示长列表（less -FRX，或 $STUDYLOG_PAGER、"
    "$PAGER）；输出到管道时不分页。默认：在终端上分页。",
    # attend
    "Call the roll at the keyboard: each expected member in turn (Enter = present, l late, e "
    "leave, a absent, b back); stored at the end, Ctrl-C stores nothing.": "在键盘上逐个点名："
    "应到成员依次列出（回车 = 出席，l 迟到，e 请假，a 缺席，b 回到上一人）；点完一并保存，"
    "按 Ctrl-C 则什么也不保存。",
    "扩大学习: a group beyond the roll and how many of it attended, e.g. 局中层党员干部:15 "
    "(names optional after a second colon); repeat for more groups. Replaces the session's "
    "list; '' clears. Never expected, never in a rate.": "扩大学习：名册以外参加学习的群体及"
    "到会人数，例如 局中层党员干部:15（可在第二个冒号后列姓名）；多个群体重复此选项。替换本次"
    "学习原有的名单；'' 清除。不计入应到人数，不计入任何比率。",
    "Observers (列席) who attended: members the roll does not expect. Replaces the session's "
    "list; '' clears.": "到会的列席人员：名册上不在应到之列的成员。替换本次学习原有的名单；"
    "'' 清除。",
    "旁听 / 巡听 by a superior body: BODY:NAME[,NAME]; repeat for more. Replaces the "
    "session's list; '' clears.": "上级的旁听 / 巡听：单位:姓名[,姓名]；多个单位重复此选项。"
    "替换本次学习原有的名单；'' 清除。",
    # stats, check
    "Half year: 2024H1, 2024H2, 2024年上半年.": "半年：2024H1、2024H2、2024年上半年。",
    "Quarter: 2024Q1, 2024年第一季度.": "季度：2024Q1、2024年第一季度。",
    "Month: 2024-03, 2024年3月.": "月份：2024-03、2024年3月。",
    "First date of the period (inclusive); also today, -30d, 3月5日, 2024-03.": "期间的第一天"
    "（含）；也可写 today、-30d、3月5日、2024-03。",
    "Last date of the period (inclusive); also today, yesterday, 2024Q1.": "期间的最后一天"
    "（含）；也可写 today、yesterday、2024Q1。",
    "With --by: draw bars instead of the table (sessions and attendance rate a month or "
    "quarter; attendance rate a member); plain # bars when piped.": "与 --by 一起用：画条形图"
    "代替表格（按月或季度：学习次数和出勤率；按成员：出勤率）；输出到管道时用 # 号画。",
    "The year to check (default: this year).": "要检查的年份（默认：今年）。",
    # assess, calendar, due
    "The year to assess, e.g. 2023.": "要考评的年份，例如 2023。",
    "Output: table | json | csv | markdown | docx (the 考评表, a Word file: needs --out).": ""
    "输出格式：table | json | csv | markdown | docx（考评表，Word 文件：须给出 --out）。",
    "The plan's year, e.g. 2024.": "学习计划所属年份，例如 2024。",
    "The file.": "要写出的文件。",
    "How long a timed session lasts (120).": "排定了时刻的学习持续多少分钟（120）。",
    "The coming days to list (30); a make-up is overdue N days after its session.": "列出今后"
    "多少天内到期的事项（30）；所缺的学习过后 N 天仍未补学即为逾期。",
    "Exit with status 3 when anything is overdue.": "有逾期事项时退出码为 3。",
    # session add / edit
    "A study form (学习形式): lecture (专家辅导) | film (观看专题片) | reading-class (读书班) | "
    "site-visit (现场教学) | research (调研) | guided-reading (领学) | exchange (交流研讨), or one "
    "the settings add; repeat or separate with commas. Replaces the session's forms; '' "
    "clears.": "学习形式：专家辅导 | 观看专题片 | 读书班 | 现场教学 | 调研 | 领学 | 交流研讨"
    "（或 lecture | film | reading-class | site-visit | research | guided-reading | "
    "exchange），或配置文件增加的形式；可重复或用逗号分隔。替换本次学习原有的学习形式；"
    "'' 清除。",
    "Films watched (观看专题片 N 部); '' clears.": "观看专题片的部数（观看专题片 N 部）；'' 清除。",
    "Documents studied (学习文件材料 N 篇); '' clears.": "学习文件材料的篇数（学习文件材料 N 篇）；"
    "'' 清除。",
    "The session's length in hours (学时), e.g. 2.5; '' clears.": "本次学习的学时，例如 2.5；"
    "'' 清除。",
    # session note / attach / detach / extract / brief
    "The minutes (学习记录 / 会议纪要): a text or Markdown file, UTF-8 or GB18030; - reads "
    "standard input.": "学习记录（会议纪要）：文本或 Markdown 文件，UTF-8 或 GB18030；"
    "- 表示从标准输入读取。",
    "The discussion outline (研究提纲), as --minutes.": "研究提纲，写法同 --minutes。",
    "Take the minutes off.": "删去学习记录。",
    "Take the outline off.": "删去研究提纲。",
    "The files to attach (not folders or links).": "要附上的文件（不能是文件夹或链接）。",
    "The material's id (session attachments).": "学习材料的编号（见 session attachments）。",
    "The folder to write (made whole).": "要写出的文件夹（全部写好才出现）。",
    "markdown | docx (Word, GB/T 9704 pages); default: from --out, else markdown.": "markdown"
    " | docx（Word，GB/T 9704 公文版式）；默认：按 --out 的后缀，否则为 markdown。",
    "Write to this file (docx needs one).": "写入此文件（docx 必须给出）。",
    "An edited copy of the brief's template (see: studylog session brief-template).": "修改过"
    "的学习简报模板（见 studylog session brief-template）。",
    # output
    "The member whose output it is.": "学习成果所属的成员。",
    "Kind: party-lecture (讲党课) | briefing-tour (宣讲) | article (理论文章) | reflection "
    "(心得体会) | research-report (调研报告) | discussion-paper (研讨材料).": "类型：讲党课 | "
    "宣讲 | 理论文章 | 心得体会 | 调研报告 | 研讨材料（或 party-lecture | briefing-tour | "
    "article | reflection | research-report | discussion-paper）。",
    "When it was given or published.": "讲授或发表的日期。",
    "Its title or theme.": "题目或主题。",
    "Where it was published or given (a paper, a unit).": "发表或讲授处（报刊、单位）。",
    "Level of the medium or audience: central (中央) | provincial (省) | city (市) | county "
    "(县); central, provincial and city articles count as 市级以上.": "刊物或听众的级别：中央 | "
    "省 | 市 | 县（或 central | provincial | city | county）；中央、省、市级的文章计为市级以上。",
    "Level of the medium or audience: central (中央) | provincial (省) | city (市) | county "
    "(县); central, provincial and city articles count as 市级以上. '' clears.": "刊物或听众的"
    "级别：中央 | 省 | 市 | 县（或 central | provincial | city | county）；中央、省、市级的"
    "文章计为市级以上。'' 清除。",
    "The session it came from (id, or its date).": "成果出自哪次学习（编号或日期）。",
    "The output's id (output list shows it).": "学习成果编号（见 output list）。",
    "Whose output it is.": "学习成果所属的成员。",
    "Its date.": "日期。",
    "Its title.": "题目。",
    "Only this member's outputs.": "只列这名成员的学习成果。",
    "Only this kind.": "只列这一类型。",
    # selfstudy
    "The member who studied.": "自学的成员。",
    "When.": "自学日期。",
    "Hours studied: more than 0, up to 24, e.g. 1.5 (exact).": "自学学时：大于 0，至多 24，"
    "例如 1.5（按所填数值精确记录）。",
    "The entry's id (selfstudy list shows it).": "记录编号（见 selfstudy list）。",
    "Only this member's entries.": "只列这名成员的记录。",
    # agenda
    "The meeting: party-group (党组会) | party-committee (党委会) | standing-committee "
    "(常委会).": "会议：党组会 | 党委会 | 常委会（或 party-group | party-committee | "
    "standing-committee）。",
    "The meeting's date.": "会议日期。",
    "What was studied (the speech, the document).": "学习的内容（讲话、文件）。",
    "When the speech or document itself is dated (for the relay latency).": "讲话或文件本身的"
    "日期（用于计算学习时效）。",
    "The item's id (agenda list shows it).": "第一议题编号（见 agenda list）。",
    "Only this meeting kind.": "只列这种会议。",
    # plan schedule
    "second-tuesday, last-friday, day-15, 每月第二个星期二, 每月最后一个星期五, or dates: "
    "2024-01-09,2024-02-06,…": "排期规则：每月第二个星期二、每月最后一个星期五、"
    "每月15日（或 second-tuesday、last-friday、day-15），或逐一列出日期：2024-01-09,2024-02-06,…",
    "Time of day, e.g. 09:00.": "时刻，例如 09:00。",
    "Where, e.g. 三楼会议室.": "地点，例如 三楼会议室。",
    "Who is to host (主持).": "主持人。",
    "Only this plan item (repeat for more).": "只排这一计划项（可重复）。",
    # rectify
    "theory-study (理论学习) | applying-study (学用结合) | rules-in-practice (制度执行) | "
    "conduct (作风建设), or the group's own (settings).": "类别：理论学习 | 学用结合 | 制度执行 | "
    "作风建设（或 theory-study | applying-study | rules-in-practice | conduct），或配置文件中"
    "本中心组自定的类别。",
    "category (类别): the ledger category by category.": "category（类别）：按类别分列整改台账。",
    "Category (see rectify add); '' clears.": "类别（见 rectify add）；'' 清除。",
}
