"""The documents as a person sees them: each converted to PDF by LibreOffice and read back with
poppler's pdfinfo and pdftotext. One conversion per document kind keeps this to seconds.

Skipped, with the reason, where LibreOffice or poppler is not installed; CI installs both and
sets STUDYLOG_PAGE_TESTS=required, which turns a missing tool into a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from studylog.documents.pdf import soffice
from tests.conftest import Database

Ok = Callable[..., str]
AS_OF = ("--as-of", "2024-01-10")

MISSING = soffice() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None
REASON = "needs LibreOffice (soffice) and poppler-utils (pdftotext, pdfinfo)"
if MISSING and os.environ.get("STUDYLOG_PAGE_TESTS") == "required":
    raise pytest.UsageError(f"STUDYLOG_PAGE_TESTS=required, but this machine {REASON}")
pytestmark = pytest.mark.skipif(MISSING, reason=REASON)

#: Fifteen members, names of two to four characters, posts of every length offices use.
MEMBERS = [
    ("张建国", "党组书记、局长", "组长"),
    ("李明华", "党组副书记、副局长", "副组长"),
    ("王志强", "党组成员、副局长", "成员"),
    ("赵丽", "党组成员、副局长", "成员"),
    ("陈刚", "党组成员、纪检监察组组长", "成员"),
    ("刘洋", "党组成员、副局长", "成员"),
    ("孙伟", "党组成员、总经济师", "成员"),
    ("周敏", "办公室主任", "成员"),
    ("欧阳明远", "政策法规处处长", "成员"),
    ("吴芳", "人事处处长", "成员"),
    ("郑海涛", "机关党委专职副书记", "成员"),
    ("冯雪", "财务处处长", "成员"),
    ("褚卫东", "综合规划处处长", "成员"),
    ("卫红", "统计执法监督局局长", "成员"),
    ("蒋一鸣", "信息中心主任", "学习秘书"),
]


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    )


def _is_a4(info: dict[str, str]) -> bool:
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    return {round(width), round(height)} == {595, 842}


@pytest.fixture
def group_of_fifteen(database: Database, ok: Ok) -> Database:
    ok("init", "--org", "某市统计局党组理论学习中心组")
    for name, post, role in MEMBERS:
        ok("member", "add", name, "--title", post, "--role", role, "--joined", "2023-01-01")
    days = ["2023-01-12", "2023-03-14", "2023-06-15", "2023-09-14", "2023-11-16"]
    for number, day in enumerate(days, start=1):
        kind = "专题学习" if number % 2 == 0 else "集中学习"
        title = f"学习贯彻党的二十大精神第{number}次集中学习"
        ok("session", "add", "--date", day, "--title", title, "--kind", kind, "--discussion",
           "--host", "张建国", "--location", "机关三楼会议室",
           "--first-agenda", "习近平总书记重要讲话精神", "--source-date", "2023-01-05")  # fmt: skip
    ok("attend", "2023-01-12", "--leave", "李明华：出差", "--late", "赵丽")
    ok("attend", "2023-03-14", "--absent", "吴芳")
    for day in days[2:]:
        ok("attend", day)
    ok("makeup", "add", "2023-01-12", "李明华", "--date", "2023-01-20")
    ok("speech", "add", "2023-03-14", "张建国", "--kind", "重点发言")
    ok("rectify", "add", "--problem", "学用结合不够紧密，理论学习与业务工作结合不深",
       "--measure", "建立学习转化清单，每季度通报一次", "--dept", "办公室",
       "--lead", "机关党委", "--due", "2023-06-30", "--session", "2023-03-14")  # fmt: skip
    return database


def test_the_sign_in_sheet_of_fifteen_is_one_a4_page_with_no_name_broken(
    group_of_fifteen: Database, ok: Ok, tmp_path: Path
) -> None:
    pdf = tmp_path / "签到表.pdf"
    ok("--lang", "zh", "sheet", "2023-03-14", "--out", str(pdf))
    info = _pdf_info(pdf)
    assert _is_a4(info) and info["Pages"] == "1"
    text = _pdf_text(pdf)
    for name, _post, _role in MEMBERS:
        assert name in text, f"{name} is broken across lines or missing"
    assert "2023 年 3 月 14 日" in text or "2023年3月14日" in text


def test_the_report_states_every_figure_on_a4_pages(
    group_of_fifteen: Database, ok: Ok, tmp_path: Path
) -> None:
    docx = tmp_path / "报告.pdf"
    ok("--lang", "zh", "report", "--year", "2023", *AS_OF, "--out", str(docx))
    info = _pdf_info(docx)
    assert _is_a4(info)
    text = _pdf_text(docx)
    flat = re.sub(r"\s+", "", text)
    for part in ("一、工作完成情况", "二、存在的问题和不足", "三、下步工作打算"):
        assert part in flat
    figures = json.loads(ok("stats", "--year", "2023", "--format", "json"))
    phrases = {
        "sessions": "集中学习{}次",
        "discussions": "集中学习研讨{}次",
        "topic_sessions": "专题学习{}次",
        "topic_discussions": "专题学习研讨{}次",
        "first_agenda_items": "“第一议题”{}个",
        "expected": "应参学{}人次",
        "late": "迟到{}人次",
        "leave": "请假{}人次",
        "absent": "缺席{}人次",
        "makeups": "事后补学{}人次",
        "makeups_outstanding": "尚有{}人次未补学",
    }
    for key, phrase in phrases.items():
        if figures[key]:
            assert phrase.format(figures[key]) in flat, key
        else:
            assert phrase.format(0) not in flat, f"a zero is stated: {key}"
    assert f"重点发言{figures['speeches']['key']}人次" in flat
    for rate in ("attendance_rate", "participation_rate"):
        shown = f"{figures[rate] * 100:.1f}%"
        assert shown in flat
    # In the tables: no date, percentage or name split across lines.
    for token in ["2023-01-12", "2023-11-16", *(name for name, _, _ in MEMBERS)]:
        assert token in text, f"{token} is broken across lines"
    broken = [
        line
        for line in text.splitlines()
        if re.search(r"(^|\s)%(\s|$)|\d{4}-\d{2}-(\s|$)|\d\.(\s|$)", line)
    ]
    assert not broken, f"tokens split across lines: {broken}"
    assert "\f\f" not in text  # no blank page


def test_the_archives_ledger_keeps_its_dates_whole(
    group_of_fifteen: Database, ok: Ok, tmp_path: Path
) -> None:
    folder = tmp_path / "档案"
    ok("--lang", "zh", "archive", "--year", "2023", *AS_OF, "--out", str(folder))
    (ledger,) = folder.glob("*整改台账.docx")
    out = tmp_path / "pdf"
    from studylog.documents.pdf import convert_to_pdf

    out.mkdir()
    (pdf,) = convert_to_pdf([ledger], out)
    assert _is_a4(_pdf_info(pdf))
    text = _pdf_text(pdf)
    for token in ("2023-03-14", "2023-06-30", "办公室", "机关党委"):
        assert token in text, f"{token} is broken across lines"


def test_the_xlsx_sign_in_sheet_of_fifteen_prints_on_one_landscape_page(
    group_of_fifteen: Database, ok: Ok, tmp_path: Path
) -> None:
    from studylog.documents.pdf import convert_to_pdf

    xlsx = tmp_path / "签到表.xlsx"
    ok("--lang", "zh", "sheet", "2023-03-14", "--out", str(xlsx))
    (pdf,) = convert_to_pdf([xlsx], tmp_path)
    info = _pdf_info(pdf)
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert _is_a4(info) and info["Pages"] == "1" and width > height  # landscape
    text = _pdf_text(pdf)
    for name, _post, _role in MEMBERS:
        assert name in text, f"{name} is broken across lines or missing"
