"""Put a backup back in place of the vault, checking it completely before anything moves.

The backup is copied beside the vault and the *copy* is opened with the passphrase and
checked (SQLCipher's page check, SQLite's integrity check, the schema), so what gets
installed is exactly what was verified, and the backup file itself is only read. Only
then is the current vault kept aside under a dated name and the checked copy renamed
over it in one atomic step. A damaged, foreign or unreadable backup is refused with
the vault untouched; a damaged or missing vault is no obstacle (that is when a
restore is needed most).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alliance_desktop.vault.errors import (
    NewerVaultError,
    NotAVaultError,
    NotEncryptedError,
    RestoreError,
    VaultDamagedError,
    VaultError,
    WrongPassphraseError,
)
from alliance_desktop.vault.maintenance import verify_connection
from alliance_desktop.vault.store import Vault

JOURNAL_SUFFIX = "-journal"


@dataclass(frozen=True)
class RestoreResult:
    vault_path: Path
    replaced: Path | None  # where the previous vault now lives (None when there was none)
    clients: int
    sessions: int


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _aside_name(vault_path: Path, now: datetime) -> Path:
    base = f"{vault_path.name}.replaced-{now:%Y%m%d-%H%M%S}"
    candidate = vault_path.with_name(base)
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + JOURNAL_SUFFIX).exists():
        candidate = vault_path.with_name(f"{base}-{n}")
        n += 1
    return candidate


def _copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` to a new owner-only file and flush it to disk."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())


def _check_copy(copy: Path, backup_path: Path, passphrase: str) -> tuple[int, int]:
    """Open, check, upgrade and audit the copy; any refusal becomes a RestoreError."""
    try:
        vault = Vault.open(copy, passphrase)
    except WrongPassphraseError as exc:
        raise RestoreError(
            backup_path,
            "it does not open with this passphrase (a wrong passphrase, a damaged first page, "
            "or not an Alliance Desktop backup)",
        ) from exc
    except (NotAVaultError, NotEncryptedError) as exc:
        raise RestoreError(backup_path, "it is not an Alliance Desktop backup") from exc
    except NewerVaultError as exc:
        raise RestoreError(backup_path, "it was written by a newer version of the app") from exc
    except VaultDamagedError as exc:
        raise RestoreError(backup_path, f"it is damaged ({exc})") from exc
    except VaultError as exc:
        raise RestoreError(backup_path, f"it could not be read ({exc})") from exc
    try:
        problems = verify_connection(vault.conn)
        if problems:
            raise RestoreError(backup_path, "it failed its check: " + "; ".join(problems))
        clients, sessions = len(vault.clients()), vault.session_count()
        vault.audit("restore", "from a backup")
    except RestoreError:
        raise
    except VaultError as exc:
        raise RestoreError(backup_path, f"it could not be read ({exc})") from exc
    finally:
        vault.close()
    return clients, sessions


def restore_backup(
    backup_path: Path | str,
    vault_path: Path | str,
    passphrase: str,
    *,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the vault at ``vault_path`` with a verified copy of ``backup_path``.

    ``passphrase`` is the backup's; afterwards the vault opens with it. The previous
    vault (and a leftover rollback journal, which belongs to it) is kept as
    ``<vault>.replaced-YYYYmmdd-HHMMSS``, owner-only. The caller must have closed any
    connection to the vault first. Raises RestoreError, changing nothing, when the
    backup is refused.
    """
    backup_path = Path(backup_path).expanduser()
    vault_path = Path(vault_path).expanduser()
    if not backup_path.is_file():
        raise RestoreError(backup_path, "there is no such file")
    if vault_path.exists() and vault_path.is_dir():
        raise RestoreError(backup_path, f"{vault_path} is a folder, not a vault file")
    if vault_path.exists() and os.path.samefile(backup_path, vault_path):
        raise RestoreError(backup_path, "it is the vault itself")
    folder = vault_path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)

    copy = folder / f".{vault_path.name}.{secrets.token_hex(4)}.restoring"
    try:
        try:
            _copy_private(backup_path, copy)
        except OSError as exc:
            raise RestoreError(backup_path, f"it could not be copied ({exc.strerror})") from exc
        clients, sessions = _check_copy(copy, backup_path, passphrase)
        _fsync(copy)

        replaced: Path | None = None
        journal = vault_path.with_name(vault_path.name + JOURNAL_SUFFIX)
        try:
            if vault_path.exists():
                replaced = _aside_name(vault_path, now or datetime.now())
                # A hard link keeps the old vault under its new name while the rename
                # below swaps the vault path atomically: no moment without a vault.
                try:
                    os.link(vault_path, replaced)
                except OSError:
                    shutil.copy2(vault_path, replaced)
                os.chmod(replaced, 0o600)
            if journal.exists():
                # A hot journal belongs to the old file; beside the new one it would be
                # "rolled back" into it. It goes with the old vault instead.
                target = (replaced or _aside_name(vault_path, now or datetime.now())).name
                os.replace(journal, vault_path.with_name(target + JOURNAL_SUFFIX))
            os.replace(copy, vault_path)
            os.chmod(vault_path, 0o600)
            _fsync(folder)
        except OSError as exc:
            raise VaultError(
                f"The backup was checked but could not be put in place ({exc.strerror}); "
                f"the vault at {vault_path} is as it was."
            ) from exc
    finally:
        copy.unlink(missing_ok=True)
        copy.with_name(copy.name + JOURNAL_SUFFIX).unlink(missing_ok=True)
    return RestoreResult(vault_path, replaced, clients, sessions)


def inspect_backup(backup_path: Path | str, passphrase: str) -> tuple[int, int]:
    """The clients and sessions in ``backup_path``, checked whole as a restore would.

    The check runs on a private copy beside the backup (removed afterwards), so the
    backup itself is never opened or changed. Raises RestoreError.
    """
    backup_path = Path(backup_path).expanduser()
    if not backup_path.is_file():
        raise RestoreError(backup_path, "there is no such file")
    copy = backup_path.with_name(f".{backup_path.name}.{secrets.token_hex(4)}.checking")
    try:
        try:
            _copy_private(backup_path, copy)
        except OSError as exc:
            raise RestoreError(backup_path, f"it could not be copied ({exc.strerror})") from exc
        return _check_copy(copy, backup_path, passphrase)
    finally:
        for leftover in (copy, copy.with_name(copy.name + JOURNAL_SUFFIX)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
