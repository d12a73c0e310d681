"""The web pages and the commands that serve them: ``signin`` (sign-in from a phone) and
``serve`` (the read-only view of the records), with ``serve passwd``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Labels of the figures that are tables in stats JSON, on the year page
    "fig_first_agenda_by_meeting": (
        "First agenda items at other meetings",
        "其他会议“第一议题”学习",
    ),
    "fig_first_agenda_by_meeting_latency": (
        "First agenda at other meetings: relay latency (days)",
        "其他会议“第一议题”传达时效（天）",
    ),
    "fig_on_plan_date_rate": ("Held on the planned day (share)", "按计划日期开展占比"),
    "fig_ledger_by_category": ("Rectification items by category", "整改事项（按类别）"),
    # -- the sign-in page --
    "signin_page_title": ("Sign in", "签到"),
    "signin_pick": ("Tap your name", "请选择您的姓名"),
    "signin_or_type": ("or type your name", "或输入姓名"),
    "signin_next": ("Next", "下一步"),
    "signin_confirm_question": ("Sign in as {name}?", "确认以 {name} 的身份签到？"),
    "signin_confirm": ("Confirm", "确认签到"),
    "signin_not_me": ("Not me: back", "不是我，返回重选"),
    "signin_back": ("Back", "返回"),
    "signin_done": ("Signed in: {name}", "签到成功：{name}"),
    "signin_done_at": ("{status}, {at}", "{at}　{status}"),
    "signin_all_signed": ("Everyone expected has signed in.", "应参学人员均已签到。"),
    "signin_suggest": ("Did you mean", "您要找的是不是"),
    # -- refusals (the page and the terminal) --
    "signin_observer": (
        "{name} is an observer (列席): observers are not on the roll",
        "{name} 为列席人员，不计入签到名单",
    ),
    "signin_twice": (
        "{name} is already on the roll ({status}): a name signs in once",
        "{name} 已在签到名单中（{status}），每人只签到一次",
    ),
    "signin_closed": ("this sign-in is closed", "本次签到已结束"),
    "signin_upcoming": (
        "the session of {day} has not been held yet (today is {today}): a sign-in opens on the day",
        "{day} 的学习尚未举行（今天是 {today}），请在学习当天开始签到",
    ),
    "signin_roll_full": (
        "everyone expected on {day} is on the roll already: nobody is left to sign in "
        "(studylog session show {ref})",
        "{day} 的应参学人员均已在签到名单中，无人需要签到（studylog session show {ref}）",
    ),
    "bad_time_of_day": (
        "{what} takes a time of day HH:MM, not '{value}'",
        "{what} 应为时刻 HH:MM，而不是“{value}”",
    ),
    "port_busy": (
        "cannot listen on {host}:{port}: {detail} (another program uses it? try --port)",
        "无法在 {host}:{port} 上监听：{detail}（端口被占用？可换 --port）",
    ),
    # -- the terminal of `signin` --
    "signin_opened": (
        "Sign-in open for session #{id}: {day} {title}",
        "已开始签到：学习 #{id}　{day}　{title}",
    ),
    "signin_address": ("Sign-in page: {url}", "签到地址：{url}"),
    "signin_lan": (
        "On a phone on the same Wi-Fi: {urls}",
        "同一 Wi-Fi 下的手机可打开：{urls}",
    ),
    "signin_no_lan": (
        "This computer's network address was not found: put it in place of {host} "
        "(ip addr / ipconfig)",
        "未找到本机的局域网地址：请用本机地址替换 {host}（ip addr / ipconfig 可查）",
    ),
    "signin_local_only": (
        "Only this computer can open it; for phones, run again with --host 0.0.0.0",
        "只有本机能打开；如需手机签到，请加 --host 0.0.0.0 重新运行",
    ),
    "signin_keys": ("Press q or Ctrl-C to close the sign-in.", "按 q 或 Ctrl-C 结束签到。"),
    "signin_count": ("{signed} of {expected} signed in", "已签到 {signed} / {expected} 人"),
    "signin_line": ("{at}  {name}  {status}  ({client})", "{at}　{name}　{status}（{client}）"),
    "col_time": ("Time", "时间"),
    "col_client": ("From", "来源地址"),
    "signin_ended": (
        "Sign-in closed: {signed} signed in; the address no longer works",
        "签到已结束：{signed} 人签到；签到地址已失效",
    ),
    "signin_unsigned": ("Did not sign in: {names}", "未签到：{names}"),
    "signin_mark_prompt": (
        "{name}: l = on leave, a = absent, Enter = leave unrecorded",
        "{name}：l 请假，a 缺席，回车 暂不记录",
    ),
    "signin_reason_prompt": ("  reason for the leave (may be empty)", "  请假事由（可空）"),
    "signin_marked": ("Recorded {count} on leave or absent", "已记录请假或缺席 {count} 人"),
    "signin_left_unrecorded": (
        "Left unrecorded: {names}; to mark them later without touching the signed lines, run "
        "studylog signin {ref} again in a terminal and press q",
        "暂未记录：{names}；如需稍后补记且不改动已签到的记录，"
        "请在终端再次运行 studylog signin {ref} 并按 q",
    ),
    # -- serve: the read-only view --
    "serve_title": ("{org}: {year}", "{org}　{year}年"),
    "serve_all_title": ("Every group: {year}", "各中心组　{year}年"),
    "serve_figures": ("Figures", "统计数字"),
    "serve_notice": ("Attendance notice (出勤公示)", "出勤公示"),
    "serve_chart": ("Attendance by month", "各月出勤情况"),
    "serve_chart_label": (
        "Attendance rate by month, {year}",
        "{year}年各月出勤率",
    ),
    "serve_plan": ("Plan against actual", "学习计划执行情况"),
    "serve_plan_rate": (
        "{held} of {planned} plan items held (execution rate {rate})",
        "计划 {planned} 项，已完成 {held} 项（计划执行率 {rate}）",
    ),
    "serve_unplanned": ("Sessions held outside the plan", "计划外开展的学习"),
    "serve_check": ("The year-end check (as of {as_of})", "年终检查（截至 {as_of}）"),
    "serve_ledger": ("Rectification ledger (整改台账)", "整改台账"),
    "serve_sessions": ("Sessions", "学习记录"),
    "serve_none": ("None.", "无。"),
    "serve_roll": ("Roll", "签到情况"),
    "serve_speeches": ("Speeches", "发言"),
    "serve_other_years": ("Other years", "其他年度"),
    "serve_all_orgs": ("Every group", "各中心组"),
    "serve_read_only": (
        "Read-only: nothing on these pages changes the records.",
        "只读：本页面不会修改任何记录。",
    ),
    "serve_login": ("Log in", "登录"),
    "serve_password": ("Password", "密码"),
    "serve_logout": ("Log out", "退出"),
    "serve_wrong_password": ("Wrong password", "密码错误"),
    "serve_listening": ("Serving the records at {url}", "记录查看地址：{url}"),
    "serve_stop": ("Press Ctrl-C to stop.", "按 Ctrl-C 停止。"),
    "serve_needs_password": (
        "--host {host} would let other computers in: set a password first (studylog serve "
        "passwd); with none, serve listens on 127.0.0.1 only",
        "--host {host} 会让其他电脑访问：请先设置密码（studylog serve passwd）；未设密码时只在 "
        "127.0.0.1 上提供",
    ),
    "serve_no_session": ("no session {ref}", "没有编号为 {ref} 的学习"),
    "passwd_set": (
        "Password set; it is stored hashed in {path}",
        "密码已设置，以散列形式保存在 {path}",
    ),
    "passwd_removed": (
        "Password removed: serve is local-only again",
        "密码已删除：serve 仅限本机访问",
    ),
    "passwd_none": ("No password is set", "尚未设置密码"),
    "passwd_mismatch": ("the two passwords differ", "两次输入的密码不一致"),
    "passwd_short": (
        "a password needs at least {count} characters",
        "密码至少需要 {count} 个字符",
    ),
    "passwd_prompt": ("New password for serve", "serve 的新密码"),
    "passwd_again": ("The same again", "再输入一次"),
    "passwd_unreadable": (
        "the password file {path} is not one studylog wrote; remove it or run studylog serve "
        "passwd",
        "密码文件 {path} 不是 studylog 写的；请删除它或重新运行 studylog serve passwd",
    ),
}
