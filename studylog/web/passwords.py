"""The password of ``studylog serve``: hashed with scrypt (Python's hashlib, OpenSSL's
implementation), kept in ``serve-password`` in studylog's folder, readable by its owner only.

The file holds one line, ``scrypt$n$r$p$salt$hash`` (salt and hash in base64), never the
password itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from studylog.errors import StudylogError
from studylog.outputs import written_file
from studylog.store.db import home

FILE_NAME = "serve-password"
MIN_LENGTH = 8
#: scrypt's cost: 2**15 × 8 × 128 bytes = 32 MiB and ~0.1 s per try on a laptop.
N, R, P = 2**15, 8, 1


def password_path() -> Path:
    return home() / FILE_NAME


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _scrypt(password, salt, N, R, P)
    encoded = [base64.b64encode(part).decode("ascii") for part in (salt, digest)]
    return "$".join(["scrypt", str(N), str(R), str(P), *encoded])


def verify_password(password: str, stored: str) -> bool:
    """The password matches the stored hash (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.strip().split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = _scrypt(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=32
    )


def set_password(password: str) -> Path:
    """Store the password's hash, replacing any; only the owner may read the file."""
    if len(password) < MIN_LENGTH:
        raise StudylogError("passwd_short", count=MIN_LENGTH)
    path = password_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with written_file(path, force=True) as temporary:
        temporary.write_text(hash_password(password) + "\n", encoding="ascii")
        os.chmod(temporary, 0o600)
    return path


def stored_hash() -> str | None:
    """The stored hash, or None when no password is set."""
    path = password_path()
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise StudylogError("passwd_unreadable", path=str(path)) from None
    if not text.startswith("scrypt$") or text.count("$") != 5:
        raise StudylogError("passwd_unreadable", path=str(path))
    return text


def remove_password() -> bool:
    """Remove the password (serve is local-only again); False when there was none."""
    try:
        password_path().unlink()
    except FileNotFoundError:
        return False
    return True
