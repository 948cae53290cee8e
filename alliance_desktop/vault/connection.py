"""Opening SQLCipher files: keying, telling failures apart, and durable settings."""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3

from alliance_desktop.vault.errors import (
    DiskFullError,
    NotAVaultError,
    NotEncryptedError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WrongPassphraseError,
)
from alliance_desktop.vault.passphrase import sql_literal
from alliance_desktop.vault.schema import APPLICATION_ID

SQLITE_HEADER = b"SQLite format 3\x00"
# Every vault is written with SQLCipher 4's default page size (see SECURITY.md).
PAGE_SIZE = 4096

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError


def _configure(conn: Connection) -> None:
    # Rollback journal with synchronous=FULL: every commit is on disk before it
    # returns, and the vault stays one file when closed (nothing beside it to copy
    # or forget in a backup). WAL would buy concurrent readers we do not have.
    # The journal holds encrypted pages only, as the database does.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Keep SQLite's scratch data in memory, never in a temp file on disk.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    # Decrypted pages are cached in memory: a larger cache keeps repeated reads of a
    # big caseload from decrypting the same pages again (32 MiB at most).
    conn.execute("PRAGMA cache_size = -32768")


def connect(path: Path, passphrase: str) -> Connection:
    """A keyed connection; raises a specific error for each way a file can refuse."""
    if not path.exists():
        raise VaultNotFoundError(path)
    if path.is_dir():
        raise NotAVaultError(path, "is a folder, so it")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise VaultError(f"Could not read {path}: {exc.strerror}.") from exc
    if head == SQLITE_HEADER:
        raise NotEncryptedError(path)
    if len(head) == 0:
        raise NotAVaultError(path, "is an empty file, so it")
    damage = file_damage(path)
    if damage:
        raise VaultDamagedError(f"The vault file is damaged ({damage}). Restore it from a backup.")
    conn = _keyed(path, passphrase)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongPassphraseError() from exc
        raise VaultDamagedError(
            "The vault file is damaged (it is truncated, or its structure is broken: "
            f"{exc}). Restore it from a backup."
        ) from exc
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        conn.close()
        raise NotAVaultError(path)
    _configure(conn)
    return conn


def file_damage(path: Path) -> str | None:
    """Damage visible without the key: a size that is not whole pages, or zeroed pages.

    SQLCipher's first 16 bytes are a random salt, so a first page of zeros never comes
    from SQLCipher; a file of zeros is what some file systems leave after a crash.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            first = fh.read(PAGE_SIZE)
    except OSError:
        return None  # reading fails again, with its own message, when the file is keyed
    if size > PAGE_SIZE and size % PAGE_SIZE:  # under one page: not taken for a vault at all
        return f"truncated: {size} bytes is not a whole number of {PAGE_SIZE}-byte pages"
    if first.count(0) == len(first):
        return "zero-filled: its first page holds only zero bytes"
    return None


_DAMAGE_WORDS = ("malformed", "not a database", "hmac", "corrupt")
_FULL_WORDS = ("database or disk is full", "file too large")


def translate_error(exc: BaseException) -> VaultError:
    """A SQLite/SQLCipher error as a VaultError whose sentence a person can act on.

    Running out of space surfaces as SQLITE_FULL ("database or disk is full") when a
    write is cut short and as SQLITE_IOERR ("disk I/O error") when it fails outright
    (EFBIG from a file-size limit, EIO); both mean nothing was written.
    """
    text = str(exc).lower()
    if any(word in text for word in _FULL_WORDS):
        return DiskFullError()
    if "disk i/o error" in text:
        return DiskFullError(
            "the disk reported an input/output error (it may be full, a file-size limit "
            "may have been reached, or the disk may be failing)"
        )
    if any(word in text for word in _DAMAGE_WORDS):
        return VaultDamagedError(f"The vault file is damaged ({exc}). Restore it from a backup.")
    return VaultError(f"The vault could not be read or written ({exc}).")


def _keyed(path: Path, passphrase: str) -> Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    # Silence SQLCipher's own logging: a wrong key would otherwise print to stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
    return conn


def create_file(path: Path, passphrase: str) -> Connection:
    """A keyed connection to a new, empty, owner-only file; never overwrites."""
    if path.exists():
        raise VaultExistsError(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise VaultExistsError(path) from exc
    except OSError as exc:
        raise VaultError(f"Could not create {path}: {exc.strerror}.") from exc
    os.close(fd)
    conn = _keyed(path, passphrase)
    _configure(conn)
    return conn


def attach_literal(path: Path) -> str:
    return sql_literal(str(path))
