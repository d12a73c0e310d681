"""Writing the files the secretary asks for, so that none is ever half-written or misplaced.

Every file studylog writes (a document, an export, a backup) is written to a temporary that is
created exclusively (``O_EXCL``, never through a link) in the target's own folder, with mode
0600, and renamed over the target only once complete; on any failure the temporary is removed
and the target is as it was. An existing target is replaced only when the command says
``--force``; a link, a device, a FIFO or a socket is never a target.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from studylog.errors import StudylogError

PARTIAL = ".partial"


def checked_target(target: Path, *, force: bool, folder: bool = False) -> Path:
    """The absolute target, or a StudylogError: called before any work, so a command that
    cannot write its result does not first spend time making it."""
    path = Path(os.path.abspath(target.expanduser()))
    parent = path.parent
    if not parent.is_dir():
        raise StudylogError("output_no_folder", path=str(path), folder=str(parent))
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as error:
        raise StudylogError("output_failed", path=str(path), detail=_reason(error)) from None
    mode = status.st_mode
    if stat.S_ISLNK(mode) or not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise StudylogError("output_not_regular", path=str(path))
    if stat.S_ISDIR(mode) and not folder:
        raise StudylogError("output_is_folder", path=str(path))
    if stat.S_ISREG(mode) and folder:
        raise StudylogError("output_not_folder", path=str(path))
    if stat.S_ISDIR(mode) and not any(path.iterdir()):
        return path  # an empty folder: nothing in it is replaced
    if not force:
        raise StudylogError("output_exists", path=str(path))
    return path


@contextmanager
def written_file(target: Path, *, force: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; rename it over ``target`` after."""
    path = checked_target(target, force=force)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL, dir=path.parent)
    except OSError as error:
        raise StudylogError("output_failed", path=str(path), detail=_reason(error)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _settle(temporary)
        checked_target(path, force=force)  # nothing took the target's place meanwhile
        os.replace(temporary, path)
    except OSError as error:
        raise StudylogError("output_failed", path=str(path), detail=_reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def written_folder(target: Path, *, force: bool) -> Iterator[Path]:
    """Yield a temporary folder beside ``target`` to fill; it takes ``target``'s place after.

    An existing folder is replaced only with ``force`` (or when empty): renamed aside, the new
    one renamed in, the old one removed.
    """
    path = checked_target(target, force=force, folder=True)
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=PARTIAL, dir=path.parent))
    except OSError as error:
        raise StudylogError("output_failed", path=str(path), detail=_reason(error)) from None
    aside: Path | None = None
    try:
        yield temporary
        for item in temporary.iterdir():
            _settle(item)
        checked_target(path, force=force, folder=True)
        if path.exists():
            aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.replace(path, aside / path.name)
        os.replace(temporary, path)
        os.chmod(path, 0o700)
    except OSError as error:
        raise StudylogError("output_failed", path=str(path), detail=_reason(error)) from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)


def _settle(path: Path) -> None:
    """Owner-only, and on the disk before it is renamed into place."""
    os.chmod(path, 0o600)
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())


def _reason(error: OSError) -> str:
    """The system's words for a failure, never the failing call's arguments."""
    if error.errno is not None and error.strerror:
        return error.strerror
    return errno.errorcode.get(error.errno or 0, type(error).__name__)
