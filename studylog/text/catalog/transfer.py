"""Export and import (studylog.transfer): sheet names, counts, where in a file a problem is,
and why a file cannot be imported."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "import_json_type": (
        "{column} is {found}, where an export writes {expected}",
        "{column} 的值为{found}，而导出文件中应为{expected}",
    ),
    "json_text": ("text", "文本"),
    "json_number": ("a number", "数字"),
    "json_flag": ("true or false", "true 或 false"),
    "json_list": ("a list", "列表"),
    "json_other": ("an object", "对象"),
    "import_json_nested": ("nested too deeply", "嵌套层数过多"),
    "import_not_a_file": (
        "{path} is not a plain file or folder (a device, a pipe or a socket); nothing was read",
        "{path} 不是普通文件或文件夹（设备、管道或套接字），未读取任何内容",
    ),
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
}
