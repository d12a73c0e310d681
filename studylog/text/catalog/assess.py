"""The yearly assessment (学习考评, ``studylog assess``): its components, columns, lines and errors.

Each component of :data:`studylog.figures.assess.COMPONENTS` has a label ``assess_NAME`` and a
line saying what it counts, ``assess_NAME_basis``, and, when a count is not of times (次), the
unit its cap is shown in, ``assess_NAME_cap``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the components ------------------------------------------------------------------
    "assess_attendance": ("Attendance rate", "出勤率"),
    "assess_attendance_basis": (
        "sessions attended (present or late) ÷ sessions expected",
        "实到次数（出席、迟到）÷应到次数",
    ),
    "assess_makeups": ("Made up in time", "按时参学率"),
    "assess_makeups_basis": (
        "(sessions attended + leaves and absences made up within {days} days) ÷ sessions expected",
        "（实到次数＋{days}日内补学次数）÷应到次数",
    ),
    "assess_speeches": ("Speeches", "发言"),
    "assess_speeches_basis": (
        "key, written and exchange speeches given",
        "重点发言、书面发言、交流发言次数",
    ),
    "assess_hosting": ("Hosted", "主持"),
    "assess_hosting_basis": ("sessions hosted", "主持集中学习次数"),
    "assess_key_speeches": ("Key speeches", "重点发言"),
    "assess_key_speeches_basis": ("key speeches given", "重点发言次数"),
    "assess_written_speeches": ("Written speeches", "书面发言"),
    "assess_written_speeches_basis": ("written speeches given", "书面发言次数"),
    "assess_exchange_speeches": ("Exchange speeches", "交流发言"),
    "assess_exchange_speeches_basis": ("exchange speeches given", "交流发言次数"),
    "assess_outputs": ("Outputs", "学习成果"),
    "assess_outputs_basis": (
        "party lectures, briefing tours, articles, reflections, research reports and "
        "discussion papers dated in the year",
        "年内讲党课、宣讲、理论文章、心得体会、调研报告、研讨材料篇（次）数",
    ),
    "assess_outputs_cap": ("{count}", "{count}篇（次）"),
    "assess_party_lectures": ("Party lectures", "讲党课"),
    "assess_party_lectures_basis": ("party lectures given", "讲党课次数"),
    "assess_briefing_tours": ("Briefing tours", "宣讲"),
    "assess_briefing_tours_basis": ("briefing tours given", "宣讲次数"),
    "assess_articles": ("Articles", "理论文章"),
    "assess_articles_basis": ("theory articles written", "理论文章篇数"),
    "assess_articles_cap": ("{count}", "{count}篇"),
    "assess_reflections": ("Reflections", "心得体会"),
    "assess_reflections_basis": ("reflections written", "心得体会篇数"),
    "assess_reflections_cap": ("{count}", "{count}篇"),
    "assess_research_reports": ("Research reports", "调研报告"),
    "assess_research_reports_basis": ("research reports written", "调研报告篇数"),
    "assess_research_reports_cap": ("{count}", "{count}篇"),
    "assess_discussion_papers": ("Discussion papers", "研讨材料"),
    "assess_discussion_papers_basis": ("discussion papers written", "研讨材料篇数"),
    "assess_discussion_papers_cap": ("{count}", "{count}篇"),
    "assess_selfstudy": ("Self-study hours", "自学学时"),
    "assess_selfstudy_basis": ("hours of self-study dated in the year", "年内个人自学学时数"),
    "assess_selfstudy_cap": ("{count} h", "{count}学时"),
    # -- columns -------------------------------------------------------------------------
    "assess_col_rank": ("Rank", "排名"),
    "assess_col_expected_sessions": ("Expected", "应到次数"),
    "assess_col_total_score": ("Total", "总分"),
    "assess_col_mark": ("Note", "备注"),
    "assess_col_component": ("Component", "考评项目"),
    "assess_col_basis": ("Counted as", "计分依据"),
    "assess_col_weight": ("Weight", "权重"),
    "assess_col_cap": ("Cap", "计分上限"),
    "assess_col_points": ("Points", "得分"),
    "assess_col_full_points": ("Points at cap", "满分值"),
    "assess_points": ("{label} points", "{label}得分"),
    "assess_below": ("below {threshold}", "低于{threshold}分"),
    "assess_times": ("{count}", "{count}次"),
    # -- lines ---------------------------------------------------------------------------
    "assess_summary": (
        "{org}: study assessment {year} as of {as_of}, {sessions} sessions held; full marks "
        "{full}, members below {threshold} marked",
        "{org}{year}年度学习考评（截至 {as_of}，集中学习{sessions}次）：满分{full}分，"
        "低于{threshold}分的予以标注",
    ),
    "assess_weights": ("Weights and caps: {items}", "权重与上限：{items}"),
    "assess_weight_item": (
        "{label} {points} (weight {weight}, cap {cap})",
        "{label}{points}分（权重{weight}，上限{cap}）",
    ),
    "assess_formula": (
        "Points = {full} × weight ÷ {weights} × min(value, cap) ÷ cap, rounded to {decimals} "
        "decimal place(s); the total adds up the points. A count's cap is in proportion to the "
        "sessions the member was expected at (cap × expected ÷ {sessions}).",
        "各项得分＝{full}×权重÷{weights}×实际值÷上限（实际值超过上限的按上限计），四舍五入保留"
        "{decimals}位小数，总分为各项得分之和；计次数的项目，上限按本人应到次数折算"
        "（上限×应到次数÷{sessions}）。",
    ),
    "assess_below_line": ("Below {threshold}: {names}", "低于{threshold}分：{names}"),
    "assess_none_below": ("Nobody is below {threshold}.", "无低于{threshold}分的成员。"),
    "assess_title": ("{org}: study assessment {year}", "{org}{year}年度学习考评表"),
    "assess_intro": (
        "The assessment of each member's study in {year}, from the records as of {as_of}: "
        "{sessions} sessions held. Full marks are {full}; a member below {threshold} is marked.",
        "根据截至{as_of}的学习记录，对{year}年度各成员的学习情况进行考评。全年开展集中学习"
        "{sessions}次。考评满分{full}分，低于{threshold}分的予以标注。",
    ),
    "assess_components_caption": ("Components, weights and caps", "考评项目、权重与上限"),
    "assess_scores_caption": ("Scores", "考评结果"),
    "assess_written": ("Wrote the assessment to {path}", "已将考评表写入 {path}"),
    # -- errors --------------------------------------------------------------------------
    "assess_nobody": (
        "no member was expected at a session of {year} held by {as_of}: there is nobody to "
        "assess (record the year's sessions and members first)",
        "{year}年截至 {as_of} 没有应参加集中学习的成员，无可考评（请先录入该年的学习和成员）",
    ),
    "assess_unknown_component": (
        "the settings file {path} names an unknown assessment component [assess.{name}] "
        "(known: {known})",
        "配置文件 {path} 中的考评项目 [assess.{name}] 不存在（可用：{known}）",
    ),
    "assess_no_weight": (
        "the settings file {path} gives every assessment component a weight of 0: the weights "
        "must add up to more than 0",
        "配置文件 {path} 中各考评项目的权重均为 0：权重之和应大于 0",
    ),
    "assess_needs_out": (
        "--format docx writes a Word file: add --out FILE.docx",
        "--format docx 生成 Word 文件：请加 --out 文件.docx",
    ),
}
