"""Materials (学习材料) stored inside the database: digest, size, type; one blob per content;
every unfit file refused whole; detach and undo; extract writes the same bytes back."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import Database, Run
from tests.test_notes import refused

Ok = Callable[..., str]
PDF = b"%PDF-1.4\n% a small document\n" * 10


def rows(database: Database, query: str) -> list[tuple[object, ...]]:
    with database.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def test_attach_stores_digest_size_type_and_dedups(
    seeded: Database, ok: Ok, tmp_path: Path
) -> None:
    first, second = tmp_path / "讲话原文.pdf", tmp_path / "同一份.pdf"
    first.write_bytes(PDF)
    second.write_bytes(PDF)
    photo = tmp_path / "签到.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)))
    said = ok("session", "attach", "2023-03-15", str(first), str(photo))
    assert "#1 讲话原文.pdf (280 B" in said and "#2 签到.jpg (259 B" in said
    ok("session", "attach", "2023-04-15", str(second))  # the same bytes, another session
    digest = hashlib.sha256(PDF).hexdigest()
    assert rows(seeded, "SELECT sha256, size FROM material_blobs ORDER BY id") == [
        (digest, 280),
        (hashlib.sha256(photo.read_bytes()).hexdigest(), 259),
    ]  # two blobs for three materials
    listed = json.loads(ok("session", "attachments", "2023-03-15", "--format", "json"))
    assert [(m["id"], m["name"], m["media_type"], m["size"], m["sha256"]) for m in listed] == [
        (1, "讲话原文.pdf", "application/pdf", 280, digest),
        (2, "签到.jpg", "image/jpeg", 259, hashlib.sha256(photo.read_bytes()).hexdigest()),
    ]
    assert "讲话原文.pdf" in ok("session", "attachments", "2023-03-15")
    shown = json.loads(ok("session", "show", "2023-04-15", "--format", "json"))
    assert [m["name"] for m in shown["materials"]] == ["同一份.pdf"]
    # The log holds the content's digest, never the bytes.
    log = ok("log", "--format", "json")
    assert f"sha256:{digest}" in log and "a small document" not in log
    assert "Records match the log" in ok("log", "--verify")


def test_the_same_content_twice_on_one_session_is_refused(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    one, two = tmp_path / "a.pdf", tmp_path / "b.pdf"
    one.write_bytes(PDF)
    two.write_bytes(PDF)
    refused(run, seeded, "session", "attach", "2023-03-15", str(one), str(two), says="b.pdf")
    assert rows(seeded, "SELECT count(*) FROM material_blobs") == [(0,)]  # nothing stayed


def test_unfit_files_are_refused_and_nothing_is_stored(
    seeded: Database, run: Run, tmp_path: Path
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(PDF)
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link.pdf"
    link.symlink_to(good)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, says in (
        (folder, "is a folder"),
        (link, "symbolic link"),
        (empty, "is empty"),
        (fifo, "not a regular file"),
        (Path("/dev/null"), "not a regular file"),
        (tmp_path / "missing.pdf", "no such file"),
    ):
        # A good file before it changes nothing: all or nothing.
        refused(run, seeded, "session", "attach", "2023-03-15", str(good), str(path), says=says)


def test_the_size_limit_comes_from_the_settings(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[materials]\nmax_size_mb = 0.001\n", encoding="utf-8")  # 1048 bytes
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 1049)
    line = refused(
        run, seeded, "--config", str(config), "session", "attach", "1", str(big), says="over"
    )
    assert "1 KB" in line and "max_size_mb" in line
    big.write_bytes(b"x" * 1048)
    ok("--config", str(config), "session", "attach", "1", str(big))
    # The default limit is 20 MB; a bad setting names the key.
    config.write_text("[materials]\nmax_size_mb = 0\n", encoding="utf-8")
    refused(run, seeded, "--config", str(config), "session", "attach", "1", str(big),
            says="materials.max_size_mb")  # fmt: skip
    assert "max_size_mb = 20" in ok("config", "show")


def test_detach_is_archiving_and_undo_brings_it_back(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(PDF)
    ok("session", "attach", "2023-03-15", str(path))
    said = ok("session", "detach", "2023-03-15", "1", "--reason", "附错了")
    assert "Detached #1 a.pdf" in said
    assert "No materials attached." in ok("session", "attachments", "2023-03-15")
    ((reason, when),) = rows(seeded, "SELECT archive_reason, archived_at FROM session_materials")
    assert reason == "附错了" and when is not None
    assert rows(seeded, "SELECT count(*) FROM material_blobs") == [(1,)]  # the bytes are kept
    refused(run, seeded, "session", "detach", "2023-03-15", "1", says="no material #1")
    refused(run, seeded, "session", "detach", "2023-03-15", "99", says="no material #99")
    ok("undo", "--yes")
    listed = json.loads(ok("session", "attachments", "2023-03-15", "--format", "json"))
    assert [m["name"] for m in listed] == ["a.pdf"]
    ok("undo", "--yes")  # the attach itself: material and blob go
    assert rows(seeded, "SELECT count(*) FROM material_blobs") == [(0,)]
    assert "Records match the log" in ok("log", "--verify")


def test_an_edited_blob_is_found_by_verify(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(PDF)
    ok("session", "attach", "2023-03-15", str(path))
    with seeded.connect() as connection:
        connection.execute(
            text("UPDATE material_blobs SET data = :data"), {"data": PDF.replace(b"1.4", b"1.7")}
        )
    result = run("log", "--verify")
    assert result.exit_code == 3  # the check ran and found a record changed
    assert "material content" in result.stdout and "data" in result.stdout


def test_extract_writes_the_same_bytes_with_safe_unclashing_names(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "讲话.pdf").write_bytes(PDF)
    other = tmp_path / "other"
    other.mkdir()
    (other / "讲话.pdf").write_bytes(PDF + b"v2")  # the same name, other content
    (source / "minutes.md").write_bytes(b"\x89PNG not really")  # clashes with the minutes
    notes = tmp_path / "m.md"
    notes.write_text("# 纪要\n内容", encoding="utf-8")
    ok("session", "note", "2023-03-15", "--minutes", str(notes))
    ok("session", "attach", "2023-03-15", str(source / "讲话.pdf"), str(other / "讲话.pdf"),
       str(source / "minutes.md"))  # fmt: skip
    out = tmp_path / "out"
    said = ok("session", "extract", "2023-03-15", "--out", str(out))
    assert "Wrote 4 files" in said
    assert sorted(path.name for path in out.iterdir()) == [
        "minutes (2).md", "minutes.md", "讲话 (2).pdf", "讲话.pdf"
    ]  # fmt: skip
    assert (out / "讲话.pdf").read_bytes() == PDF
    assert (out / "讲话 (2).pdf").read_bytes() == PDF + b"v2"
    assert (out / "minutes (2).md").read_bytes() == b"\x89PNG not really"
    assert (out / "minutes.md").read_text(encoding="utf-8") == "# 纪要\n内容\n"
    assert all((path.stat().st_mode & 0o777) == 0o600 for path in out.iterdir())
    refused(run, seeded, "session", "extract", "2023-03-15", "--out", str(out), says="--force")
    ok("session", "extract", "2023-03-15", "--out", str(out), "--force")
    refused(run, seeded, "session", "extract", "2023-01-15", "--out", str(tmp_path / "x"),
            says="no minutes, outline or materials")  # fmt: skip


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        (".hidden", "hidden"),
        ("CON.txt", "_CON.txt"),
        ('a<b>:"c|?*.pdf', "a_b___c___.pdf"),
        ("名字. ", "名字"),
        ("", "material"),
    ],
)
def test_safe_names(name: str, safe: str) -> None:
    from studylog.text.filenames import safe_name

    assert safe_name(name) == safe


def test_the_archive_files_minutes_outline_and_materials(
    seeded: Database, ok: Ok, tmp_path: Path
) -> None:
    notes = tmp_path / "m.md"
    notes.write_text("# 纪要\n内容", encoding="utf-8")
    ok("session", "note", "2023-02-15", "--minutes", str(notes), "--outline", str(notes))
    material = tmp_path / "讲话.pdf"
    material.write_bytes(PDF)
    ok("session", "attach", "2023-02-15", str(material))
    out = tmp_path / "archive"
    ok("archive", "--year", "2023", "--as-of", "2024-01-10", "--out", str(out))
    names = sorted(path.name for path in out.iterdir())
    assert names[3:7] == [
        "03-session-02-2023-02-15.docx",
        "04-session-02-minutes.docx",
        "05-session-02-outline.docx",
        "06-session-02-material-1-讲话.pdf",
    ]
    assert (out / "06-session-02-material-1-讲话.pdf").read_bytes() == PDF
    from docx import Document

    contents = Document(str(out / "00-contents.docx")).tables[0]
    parts = [row.cells[1].text for row in contents.rows]
    assert "Minutes of the session of 2023-02-15" in parts
    assert "Material of the session of 2023-02-15: 讲话.pdf (280 B)" in parts


def test_export_import_round_trips_notes_and_materials(
    seeded: Database, ok: Ok, run: Run, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    notes = tmp_path / "m.md"
    notes.write_text("# 纪要\n内容", encoding="utf-8")
    ok("session", "note", "2023-02-15", "--minutes", str(notes), "--outline", str(notes))
    material = tmp_path / "讲话.pdf"
    material.write_bytes(PDF)
    ok("session", "attach", "2023-02-15", str(material))
    ok("session", "attach", "2023-05-15", str(material))  # one content, two sessions
    out = tmp_path / "2023.json"
    ok("export", "--year", "2023", "--out", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [row["minutes"] for row in exported["notes"]] == ["# 纪要\n内容"]
    assert [row["sha256"] for row in exported["materials"]] == [hashlib.sha256(PDF).hexdigest()] * 2
    other = new_database("other")
    ok("--db", other.url, "init", "--org", "测试局党组理论学习中心组")
    said = ok("--db", other.url, "import", str(out))
    assert "1 session note (minutes, outline), 2 materials" in said
    shown = json.loads(ok("--db", other.url, "session", "show", "2023-02-15", "--format", "json"))
    assert shown["minutes"] == shown["outline"] == "# 纪要\n内容"
    target = tmp_path / "back"
    ok("--db", other.url, "session", "extract", "2023-05-15", "--out", str(target))
    assert (target / "讲话.pdf").read_bytes() == PDF
    assert rows(other, "SELECT count(*) FROM material_blobs") == [(1,)]
    assert "Records match the log" in ok("--db", other.url, "log", "--verify")
    ok("--db", other.url, "undo", "--yes")  # the import, notes and materials with it
    assert rows(other, "SELECT count(*) FROM material_blobs") == [(0,)]
    assert rows(other, "SELECT count(*) FROM session_notes") == [(0,)]
    assert "Records match the log" in ok("--db", other.url, "log", "--verify")
    # A content that does not match its digest is refused with the item named.
    exported["materials"][0]["data"] = exported["materials"][0]["data"][:-8] + "AAAAAAA="
    out.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    before = other.snapshot()
    result = run("--db", other.url, "import", str(out))
    assert result.exit_code == 1 and "materials #1" in result.stderr
    assert other.snapshot() == before
