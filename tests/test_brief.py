"""The 学习简报 of a session: every fact from the records, words from an editable template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Database, Run
from tests.test_notes import refused

Ok = Callable[..., str]


def test_the_brief_says_what_the_records_hold(seeded: Database, ok: Ok, tmp_path: Path) -> None:
    """April's session (a study session hosted by 张三): 王五 and 赵六 on leave (外出开会);
    March's (a topic session): 王五 late, 张三's key speech and 李四's written one."""
    notes = tmp_path / "m.md"
    notes.write_text(
        "# 纪要\n\n会议传达了文件精神。\n要求抓好落实。\n\n第二段不引。", encoding="utf-8"
    )
    ok("session", "note", "2023-04-15", "--minutes", str(notes))
    ok("session", "edit", "2023-04-15", "--location", "三楼会议室", "--host", "张三",
       "--first-agenda", "重要讲话精神", "--source-date", "2023-04-10")  # fmt: skip
    brief = ok("--lang", "zh", "session", "brief", "2023-04-15", "--as-of", "2023-04-20")
    assert brief.startswith("# 测试局党组理论学习中心组学习简报")
    assert "第4期" in brief and "2023年4月20日" in brief
    assert (
        "2023年4月15日，测试局党组理论学习中心组在三楼会议室开展集中学习并进行交流研讨，张三同志主持"
        in brief
    )
    assert "应参加6人，实到4人：张三、李四、钱七、周九。" in brief
    assert "请假2人：王五（外出开会）、赵六（外出开会）" in brief
    assert "会议把学习重要讲话精神作为第一议题（原文2023年4月10日）" in brief
    assert "会议传达了文件精神。要求抓好落实。" in brief and "第二段" not in brief
    march = ok("--lang", "zh", "session", "brief", "2023-03-15", "--as-of", "2023-04-20")
    assert "张三同志作重点发言，题为《学习体会》。" in march
    assert "李四同志作书面发言，题为《学习体会》。" in march and "开展专题学习" in march
    assert "迟到" in march  # 王五 came late in March
    english = ok("session", "brief", "2023-04-15", "--as-of", "2023-04-20")
    assert "6 expected, 4 attended" in english and "On leave: 王五 (外出开会)" in english


def test_the_brief_as_a_word_file_and_from_an_edited_template(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "简报.docx"
    said = ok("session", "brief", "2023-03-15", "--out", str(out), "--as-of", "2023-04-01")
    assert "Brief written to" in said
    from docx import Document

    document = Document(str(out))
    assert document.core_properties.author == "测试局党组理论学习中心组"
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "2023-03-15" in body and '张三: key speech, "学习体会"' in body
    refused(run, seeded, "session", "brief", "2023-03-15", "--out", str(out), says="--force")
    template = tmp_path / "brief.j2"
    ok("session", "brief-template", "--out", str(template))
    assert "{{ group }}" in template.read_text(encoding="utf-8")
    template.write_text("# {{ title }}\n{{ attended | length }} came; {{ host or '无' }}\n")
    edited = ok("session", "brief", "2023-01-15", "--template", str(template))
    assert edited.startswith("# ") and "5 came; 张三" in edited
    template.write_text("# x\n{{ no_such_thing }}\n")
    refused(run, seeded, "session", "brief", "1", "--template", str(template), says="line 2")
    refused(run, seeded, "session", "brief", "1", "--format", "pdf", says="markdown | docx")
    refused(run, seeded, "session", "brief", "1", "--format", "docx", says="--out")
    ok("session", "add", "--date", "2099-01-01", "--title", "将来")
    refused(run, seeded, "session", "brief", "2099-01-01", says="not held yet")
