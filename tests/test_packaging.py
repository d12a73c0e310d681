"""What the wheel says about itself: its license travels with it, its metadata names the
project's classifiers and addresses, and twine (what PyPI runs) finds nothing wrong."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.sqlite_only(reason="the wheel does not depend on the database")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("studylog-*.whl")
    return built


def _metadata(wheel: Path) -> tuple[list[str], dict[str, list[str]]]:
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    (path,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    message = Parser().parsestr(archive.read(path).decode("utf-8"))
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key, []).append(value)
    return names, fields


def test_the_wheel_carries_the_license(wheel: Path) -> None:
    names, fields = _metadata(wheel)
    (license_file,) = [name for name in names if name.endswith("dist-info/licenses/LICENSE")]
    text = zipfile.ZipFile(wheel).read(license_file).decode("utf-8")
    assert text.startswith("MIT License")
    assert fields["License-Expression"] == ["MIT"]
    assert fields["License-File"] == ["LICENSE"]


def test_the_metadata_names_classifiers_and_addresses(wheel: Path) -> None:
    _, fields = _metadata(wheel)
    classifiers = fields["Classifier"]
    assert "Natural Language :: Chinese (Simplified)" in classifiers
    assert "Environment :: Console" in classifiers
    assert "Programming Language :: Python :: 3.11" in classifiers
    urls = dict(value.split(", ", 1) for value in fields["Project-URL"])
    assert {"Homepage", "Source", "Issues"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    # Typer is pinned to the minor release studylog is tested with.
    assert "typer<0.30,>=0.29" in fields["Requires-Dist"]
    assert any(dist.startswith("pypinyin") for dist in fields["Requires-Dist"])


@pytest.mark.skipif(shutil.which("twine") is None, reason="twine is not installed (extra test)")
def test_twine_finds_the_metadata_sound(wheel: Path) -> None:
    result = subprocess.run(
        ["twine", "check", "--strict", str(wheel)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout
