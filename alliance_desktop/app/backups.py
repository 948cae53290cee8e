"""Backups: one now, a rotating automatic one, the list to restore from, and restore.

Every backup file is made through the private-file helper (0600 from its first byte,
published whole, never over an existing file unless asked), in a private folder that
is never chmodded through a symlink. The audit row is written before the file is
published, so a failed audit leaves no backup behind.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.files import private_folder, private_path
from alliance_desktop.app.progress import Progress, step
from alliance_desktop.i18n import _
from alliance_desktop.vault import maintenance, rotation
from alliance_desktop.vault.connection import file_damage
from alliance_desktop.vault.errors import RestoreError, WrongPassphraseError
from alliance_desktop.vault.restore import RestoreResult, inspect_backup, restore_backup
from alliance_desktop.vault.store import Vault
from alliance_desktop.vault.throttle import Throttle
from alliance_desktop.vault.writer_lock import WriterLock


@dataclass(frozen=True)
class BackupInfo:
    """One backup in a backup folder."""

    path: Path
    taken_at: datetime
    size: int
    #: Made and checked by the app (an automatic or "Back up now" backup, verified when
    #: written) and showing no damage that can be seen without the passphrase.
    verified: bool


def _write_backup(
    vault: Vault,
    out: Path,
    *,
    overwrite: bool,
    event: str,
    detail: str,
    progress: Progress | None = None,
) -> Path:
    def record() -> None:
        step(progress, 2, 3, _("Saving the backup…"))  # the last moment to cancel
        vault.audit(event, detail)

    with private_path(out, overwrite=overwrite, before_publish=record) as reserved:
        # SQLite writes the copy by name and refuses an existing file: give it the
        # reserved name back; it writes aside (0600, O_EXCL), verifies, then renames.
        os.unlink(reserved)
        step(progress, 1, 3, _("Copying and checking the vault…"))
        maintenance.backup(vault.conn, reserved)
    return Path(os.path.abspath(out))


def backup(
    vault: Vault, out: Path | str, *, overwrite: bool = False, progress: Progress | None = None
) -> Outcome[Path]:
    """An encrypted, verified copy at ``out`` under the same passphrase.

    ``progress`` (app.progress) gets each step and may cancel: no file is left.

    Raises OutputExistsError (something is at ``out``; retry with ``overwrite=True``),
    OutputError, or VaultError (DiskFullError when space ran out); nothing is left
    behind on failure.
    """
    out = Path(out).expanduser()
    step(progress, 0, 3, _("Preparing the backup…"))
    return Outcome(
        _write_backup(vault, out, overwrite=overwrite, event="backup", detail="", progress=progress)
    )


#: Per folder, the second and the highest counter ``backup_name`` handed out in it.
_ISSUED: dict[str, tuple[str, int]] = {}
_ISSUED_LOCK = threading.Lock()


def backup_name(folder: Path, now: datetime | None = None) -> Path:
    """A new ``alliance-backup-YYYYmmdd-HHMMSS(-N).alliance`` name in ``folder``.

    Backups of the same second are told apart by N, and rotation keeps the ones with
    the highest (the newest): so a new name's N is above every backup of that second
    in the folder and every name handed out before in this process. A name a rotation
    freed is never given again (taken again it would sort as the oldest of its second,
    and the next rotation would delete the newest backup).
    """
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    highest = 0
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = rotation.BACKUP_NAME.match(entry.name)
            if match and match.group(1) == stamp:
                highest = max(highest, int(match.group(2) or 1))
    key = os.path.abspath(folder)
    with _ISSUED_LOCK:
        second, issued = _ISSUED.get(key, ("", 0))
        n = max(highest, issued if second == stamp else 0) + 1
        _ISSUED[key] = (stamp, n)
    suffix = "" if n == 1 else f"-{n}"
    return folder / f"alliance-backup-{stamp}{suffix}.alliance"


def auto_backup(
    vault: Vault, folder: Path | str, keep: int = 10, *, force: bool = False
) -> Outcome[Path | None]:
    """The rotating backup on lock and quit: written only when the data changed since the
    last automatic one (or ``force``), then only the newest ``keep`` are kept.

    The value is the new backup, or None when nothing changed. Other files in the
    folder are never touched. Raises OutputError / VaultError, leaving older backups.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    fingerprint = rotation.state_fingerprint(vault)
    if not force and rotation.last_backup_fingerprint(vault) == fingerprint:
        return Outcome(None)
    where = private_folder(Path(folder).expanduser())
    with contextlib.suppress(OSError):
        rotation.remove_stale_partials(where)
    written = _write_backup(
        vault,
        backup_name(where),
        overwrite=False,
        event=rotation.AUTO_EVENT,
        detail=rotation.AUTO_MARK + fingerprint,
    )
    for old in rotation.backups_in(where)[:-keep]:
        if old != written:
            with contextlib.suppress(OSError):
                old.unlink()
    return Outcome(written)


def _taken_at(name: str, fallback: float) -> datetime:
    match = rotation.BACKUP_NAME.match(name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return datetime.fromtimestamp(fallback)


def list_backups(folder: Path | str) -> list[BackupInfo]:
    """The backups in ``folder``, newest first (made by the app, by the name it gives)."""
    where = Path(folder).expanduser()
    found: list[BackupInfo] = []
    for path in reversed(rotation.backups_in(where)):
        try:
            info = path.stat()
        except OSError:
            continue
        damaged = info.st_size == 0 or file_damage(path) is not None
        found.append(
            BackupInfo(path, _taken_at(path.name, info.st_mtime), info.st_size, not damaged)
        )
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def newest_verified(folder: Path | str) -> BackupInfo | None:
    return next((b for b in list_backups(folder) if b.verified), None)


def restore(
    backup_path: Path | str,
    vault_path: Path | str,
    passphrase: str,
    *,
    sleep: Callable[[float], Any] = time.sleep,
    progress: Progress | None = None,
) -> Outcome[RestoreResult]:
    """Check ``backup_path`` completely with ``passphrase`` (the backup's), then put it in
    place of the vault; the previous vault is kept aside.

    It counts in the throttle of ``vault_path`` (a restore is a way to try passphrases)
    and needs its writer lock (VaultBusyError while another window or command writes).
    ``progress`` (app.progress) may cancel before the backup is put in place.
    Raises RestoreError (nothing changed), VaultError or Cancelled (nothing changed).
    """
    target = Path(vault_path).expanduser()
    step(progress, 0, 1, _("Checking the backup and putting it in place…"))
    throttle = Throttle(target)
    wait = throttle.seconds_to_wait()
    if wait > 0:
        sleep(wait)
    with WriterLock.acquire(target):
        try:
            result = restore_backup(backup_path, target, passphrase)
        except RestoreError as exc:
            if isinstance(exc.__cause__, WrongPassphraseError):
                throttle.record_failure()
            raise
    with contextlib.suppress(OSError):
        throttle.reset()
    return Outcome(
        result,
        Changes(
            clients=True,
            sessions=True,
            drafts=True,
            plans=True,
            packets=True,
            settings=True,
            passphrase=True,
            vault_replaced=True,
        ),
    )


def check_backup(
    backup_path: Path | str,
    vault_path: Path | str,
    passphrase: str,
    *,
    sleep: Callable[[float], Any] = time.sleep,
) -> Outcome[tuple[int, int]]:
    """``(clients, sessions)`` in a backup, checked whole with ``passphrase`` on a copy,
    before the user chooses to restore it. Nothing is replaced; the backup is not touched.

    A wrong passphrase counts in the throttle of ``vault_path``, as a restore does.
    Raises RestoreError.
    """
    throttle = Throttle(Path(vault_path).expanduser())
    wait = throttle.seconds_to_wait()
    if wait > 0:
        sleep(wait)
    try:
        counts = inspect_backup(backup_path, passphrase)
    except RestoreError as exc:
        if isinstance(exc.__cause__, WrongPassphraseError):
            throttle.record_failure()
        raise
    return Outcome(counts)


__all__ = [
    "BackupInfo",
    "auto_backup",
    "backup",
    "backup_name",
    "check_backup",
    "list_backups",
    "newest_verified",
    "restore",
]
