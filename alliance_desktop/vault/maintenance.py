"""File-level work on an open vault: verify, backup and rekey."""

from __future__ import annotations

import errno
import os
import re
import secrets
from pathlib import Path

from alliance_desktop.vault import connection as cx
from alliance_desktop.vault.errors import (
    DiskFullError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
)
from alliance_desktop.vault.schema import APPLICATION_ID, CURRENT_VERSION

_BAD_PAGE = re.compile(r"page (\d+)")


def _page_problem(row: str) -> str:
    """SQLCipher's per-page finding, with the page named the way SECURITY.md describes it."""
    found = _BAD_PAGE.search(row)
    if found and "hmac" in row.lower():
        return (
            f"encryption check: {row} (page {found.group(1)} fails its check: damaged or altered)"
        )
    return f"encryption check: {row}"


def verify_connection(conn: cx.Connection, schema: str = "main") -> list[str]:
    """Every problem found by SQLCipher's page check, SQLite's check and our schema check."""
    problems: list[str] = []
    try:
        problems += [
            _page_problem(row[0]) for row in conn.execute(f"PRAGMA {schema}.cipher_integrity_check")
        ]
        rows = [row[0] for row in conn.execute(f"PRAGMA {schema}.integrity_check")]
        if rows != ["ok"]:
            problems += [f"integrity check: {r}" for r in rows]
        version = conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0]
        if version != CURRENT_VERSION:
            problems.append(f"schema version {version}, expected {CURRENT_VERSION}")
        app_id = conn.execute(f"PRAGMA {schema}.application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            problems.append("not marked as an Alliance Desktop vault")
    except (VaultError, cx.DriverError) as exc:
        problems.append(f"the file could not be read: {exc}")
    return problems


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(conn: cx.Connection, destination: Path) -> Path:
    """Export to a temporary file beside the destination, verify it, then rename it.

    An attached database without a KEY clause takes the main database's passphrase,
    so the copy opens with the same passphrase and the passphrase is never handled here.
    A crash at any point leaves either no backup or a complete, verified one.
    """
    destination = destination.expanduser()
    if destination.exists():
        raise VaultExistsError(destination)
    folder = destination.parent
    if not folder.is_dir():
        raise VaultError(f"The folder {folder} does not exist.")
    partial = folder / f".{destination.name}.{secrets.token_hex(4)}.partial"
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise VaultError(f"The backup could not be written: {exc.strerror or exc}.") from exc
    os.close(fd)
    try:
        with conn.untranslated():  # _backup_failed names the driver's reasons itself
            _export_and_check(conn, partial)
        if destination.exists():
            raise VaultExistsError(destination)
        os.replace(partial, destination)
        _fsync_path(folder)
    except cx.DriverError as exc:
        raise _backup_failed(exc) from exc
    except OSError as exc:
        raise _backup_failed(exc) from exc
    finally:
        partial.unlink(missing_ok=True)
    return destination


def _export_and_check(conn: cx.Connection, partial: Path) -> None:
    """Export the vault into ``partial``, flush it, and verify it read back from disk."""
    conn.execute(f"ATTACH DATABASE {cx.attach_literal(partial)} AS backup")
    try:
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute(f"PRAGMA backup.user_version = {CURRENT_VERSION}")
        conn.execute(f"PRAGMA backup.application_id = {APPLICATION_ID}")
    finally:
        conn.execute("DETACH DATABASE backup")
    _fsync_path(partial)
    # Read the copy back from disk, as a fresh attach, before trusting it.
    conn.execute(f"ATTACH DATABASE {cx.attach_literal(partial)} AS backup")
    try:
        problems = verify_connection(conn, "backup")
    finally:
        conn.execute("DETACH DATABASE backup")
    if problems:
        raise VaultDamagedError("The backup failed its check: " + "; ".join(problems))


def _backup_failed(exc: BaseException) -> VaultError:
    """Why a backup failed, in a sentence; a full disk or file-size limit is named as such."""
    text = str(exc).lower()
    errno_ = getattr(exc, "errno", None)
    if errno_ in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or any(
        word in text for word in ("disk is full", "disk i/o error", "file too large")
    ):
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return DiskFullError(
            f"the disk is full or a file-size limit was reached ({reason}), and no partial "
            "backup was left behind",
            what="The backup could not be written",
        )
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return VaultError(f"The backup could not be written: {detail}.")


def rekey(conn: cx.Connection, path: Path, new_passphrase: str) -> cx.Connection:
    """Re-encrypt every page under the new passphrase in one transaction, then reopen.

    SQLCipher rewrites the pages inside a journaled transaction, so a crash leaves the
    vault under exactly one of the two passphrases.
    """
    from alliance_desktop.vault.passphrase import sql_literal

    try:
        with conn.untranslated():
            conn.execute(f"PRAGMA rekey = {sql_literal(new_passphrase)}")
    except cx.DriverError as exc:
        translated = cx.translate_error(exc)
        if isinstance(translated, DiskFullError | VaultDamagedError):
            raise translated from exc  # a rekey is one transaction: the old passphrase holds
        raise VaultError(f"The passphrase could not be changed: {exc}.") from exc
    conn.close()
    return cx.connect(path, new_passphrase)
