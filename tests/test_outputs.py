"""Files studylog writes: whole or not at all, owner-only, never through a link, never over an
existing file without --force (studylog.outputs and every command that writes a file)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from studylog.errors import StudylogError
from studylog.outputs import written_file, written_folder
from tests.conftest import Database, Run

AS_OF = ("--as-of", "2024-01-10")

#: Each command that writes one file, with the file name it is given.
WRITERS = {
    "report": (["report", "--year", "2023", *AS_OF, "--out"], "report.docx"),
    "sheet-docx": (["sheet", "1", "--out"], "sheet.docx"),
    "sheet-xlsx": (["sheet", "1", "--out"], "sheet.xlsx"),
    "archive-zip": (["archive", "--year", "2023", *AS_OF, "--out"], "archive.zip"),
    "export-xlsx": (["export", "--year", "2023", "--out"], "export.xlsx"),
    "export-json": (["export", "--year", "2023", "--out"], "export.json"),
}


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_planted_link_is_refused_and_its_victim_untouched(
    writer: str, seeded: Database, run: Run, tmp_path: Path
) -> None:
    args, name = WRITERS[writer]
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    os.chmod(victim, 0o644)
    (tmp_path / name).symlink_to(victim)
    result = run(*args, str(tmp_path / name), "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / name} is a link, a device or a pipe; "
        "studylog writes only plain files and folders\n"
    )
    assert victim.read_text() == "precious"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_existing_file_is_replaced_only_with_force(
    writer: str, seeded: Database, run: Run, tmp_path: Path
) -> None:
    args, name = WRITERS[writer]
    target = tmp_path / name
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    refused = run(*args, str(target))
    assert refused.exit_code == 1
    assert refused.stderr == f"Error: {target} already exists; add --force to replace it\n"
    assert target.read_bytes() == b"old"

    replaced = run(*args, str(target), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert target.read_bytes()[:2] in (b"PK", b"{\n")  # docx, xlsx, zip; or JSON
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_a_fifo_or_a_device_is_never_a_target(seeded: Database, run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    result = run("sheet", "1", "--out", str(fifo), "--force")  # would hang if it were opened
    assert result.exit_code == 1 and "a link, a device or a pipe" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    device = run("report", "--year", "2023", *AS_OF, "--out", "/dev/null", "--force")
    assert device.exit_code == 1 and "a link, a device or a pipe" in device.stderr
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    with pytest.raises(StudylogError) as caught, written_file(target, force=True) as temporary:
        temporary.write_bytes(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(temporary))
    assert caught.value.key == "output_failed"
    assert caught.value.params == {"path": str(target), "detail": "No space left on device"}
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_failed_folder_leaves_the_old_folder_whole(tmp_path: Path) -> None:
    target = tmp_path / "archive"
    target.mkdir()
    (target / "kept.docx").write_bytes(b"old")
    with pytest.raises(StudylogError), written_folder(target, force=True) as scratch:
        (scratch / "new.docx").write_bytes(b"new")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert [path.name for path in target.iterdir()] == ["kept.docx"]
    assert _leftovers(tmp_path) == []


def test_the_temporary_is_created_exclusively_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with written_file(target, force=False) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".out.txt.")
        assert stat.S_IMODE(temporary.stat().st_mode) == 0o600
        temporary.write_text("done")
    assert target.read_text() == "done"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_never_replaces_a_device(seeded: Database, run: Run) -> None:
    """The old export replaced /dev/full with a regular file."""
    result = run("export", "--year", "2023", "--format", "json", "--out", "/dev/full", "--force")
    assert result.exit_code == 1 and "a link, a device or a pipe" in result.stderr
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_csv_export_replaces_its_folder_whole_or_not_at_all(
    seeded: Database, ok, run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    ok("export", "--year", "2023", "--format", "csv", "--out", str(folder))
    (folder / "stray.csv").write_text("not studylog's")
    refused = run("export", "--year", "2023", "--format", "csv", "--out", str(folder))
    assert refused.exit_code == 1 and "add --force" in refused.stderr
    assert (folder / "stray.csv").exists()
    ok("export", "--year", "2023", "--format", "csv", "--out", str(folder), "--force")
    assert not (folder / "stray.csv").exists()  # the folder is the export, nothing mixed in
    assert stat.S_IMODE((folder / "members.csv").stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []
