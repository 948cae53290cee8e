"""Unlocking, creating, locking and closing a vault: the same rules for GUI and CLI.

- One throttle (``vault.throttle.Throttle``, persisted beside the vault and keyed by
  its resolved path) for every front end: wait what it says, count a wrong
  passphrase, forget the count after a correct one.
- One writer per vault: a writer takes ``WriterLock`` *before* the key is derived, so
  a busy vault costs no KDF and raises ``VaultBusyError`` naming who holds it.
- Locking never fails: saving the draft and the automatic backup are best effort and
  every problem becomes a sentence in :class:`LockReport`; the vault is closed (and
  its writer lock released) whatever happened before.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from alliance_desktop.vault.errors import VaultError, WrongPassphraseError
from alliance_desktop.vault.throttle import Throttle
from alliance_desktop.vault.writer_lock import WriterLock

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault


class LockReport(NamedTuple):
    """What happened while locking; the vault is closed whatever this says.

    (A named tuple, not a dataclass: this module loads before the unlock window,
    and ``dataclasses`` is not needed by then.)"""

    draft_saved: bool = False
    backup: Path | None = None
    problems: tuple[str, ...] = ()


def _path(path: Path | str) -> Path:
    return Path(path).expanduser()


def seconds_to_wait(path: Path | str) -> float:
    """How long the next unlock of ``path`` must wait (for the GUI's countdown)."""
    try:
        return max(0.0, float(Throttle(_path(path)).seconds_to_wait()))
    except (OSError, ValueError):
        return 0.0


def failures(path: Path | str) -> int:
    """Wrong passphrases in a row so far for ``path``."""
    try:
        return int(Throttle(_path(path)).failures())
    except (OSError, ValueError):
        return 0


def _record_unlock(vault: Vault, failed: int, *, interactive: bool) -> None:
    """The failures could not be written while the vault was locked; record them now,
    as a count only, so the activity log shows that someone tried.

    An interactive unlock (the app) starts a working session and is recorded as such.
    A command-line run records only what it does (its own use case writes "import",
    "passphrase_changed", …), so a refused import or a read leaves the file as it was.
    """
    if not (interactive or failed):
        return
    with contextlib.suppress(VaultError), vault.transaction():
        if failed:
            vault.audit("unlock_failed", f"{failed} wrong passphrase(s) before this unlock")
        vault.audit("unlock")


def unlock(
    path: Path | str,
    passphrase: str,
    *,
    writer: bool = True,
    interactive: bool = False,
    read_only: bool = False,
    sleep: Callable[[float], Any] = time.sleep,
) -> Vault:
    """Open the vault at ``path``; as a writer unless ``writer=False`` (readers may run
    beside a writer). ``interactive`` (the app) records the unlock in the activity log.
    ``read_only`` (the vault is open on another device) takes no writer lock and writes
    nothing at all, not even the audit row: the file's bytes stay as they were.

    Raises VaultBusyError (another writer; no key derived), WrongPassphraseError
    (counted in the throttle), or another VaultError.
    """
    path = _path(path)
    throttle = Throttle(path)
    wait = throttle.seconds_to_wait()
    if wait > 0:
        sleep(wait)
    lock = WriterLock.acquire(path) if writer and not read_only else None
    try:
        try:
            from alliance_desktop.vault.store import Vault  # after the window shows

            vault = Vault.open(path, passphrase, lock=lock)
            if read_only:
                from alliance_desktop.vault.file_identity import set_read_only

                set_read_only(vault)
        except WrongPassphraseError:
            throttle.record_failure()
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    failed = throttle.failures()
    _record_unlock(vault, failed, interactive=interactive)
    with contextlib.suppress(OSError):
        throttle.reset()
    return vault


def create(path: Path | str, passphrase: str) -> Vault:
    """A new, empty vault at ``path``, open as its writer (WeakPassphraseError,
    VaultExistsError)."""
    path = _path(path)
    ensure_folder(path)
    lock = WriterLock.acquire(path)
    try:
        from alliance_desktop.vault.store import Vault

        return Vault.create(path, passphrase, lock=lock)
    except BaseException:
        lock.release()
        raise


def ensure_folder(path: Path) -> None:
    """Create the vault's missing folders, each 0700 (the lock file lives beside it);
    an existing folder is left as it is."""
    if not path.parent.exists():
        from alliance_desktop.app.files import private_folder

        private_folder(path.parent)


def close(vault: Vault | None) -> None:
    """Close the vault and release its writer lock; never raises."""
    if vault is None:
        return
    with contextlib.suppress(Exception):
        vault.close()
    with contextlib.suppress(Exception):
        held = getattr(vault, "writer_lock", None)
        if held is not None:
            held.release()


def lock(
    vault: Vault,
    *,
    draft: tuple[str, dict[str, Any]] | None = None,
    backup_folder: Path | None = None,
    keep: int = 10,
) -> LockReport:
    """Best-effort draft save and automatic backup, then close. Never raises."""
    vault.reclaim()  # a background job (an export…) is cancelled first, never waited out
    problems: list[str] = []
    draft_saved = False
    written: Path | None = None
    if draft is not None:
        try:
            from alliance_desktop.app.sessions import save_draft

            save_draft(vault, draft[0], draft[1])
            draft_saved = True
        except Exception as exc:
            problems.append(f"The draft could not be saved: {_sentence(exc)}")
    from alliance_desktop.vault.file_identity import is_read_only

    if backup_folder is not None and not is_read_only(vault):  # read-only: nothing written
        try:
            from alliance_desktop.app.backups import auto_backup

            written = auto_backup(vault, backup_folder, keep).value
        except Exception as exc:
            problems.append(f"The automatic backup failed: {_sentence(exc)}")
    close(vault)
    return LockReport(draft_saved=draft_saved, backup=written, problems=tuple(problems))


def _sentence(exc: BaseException) -> str:
    """A sentence for a person; only errors made to be shown keep their text (anything
    else could carry vault content)."""
    from alliance_desktop.app.errors import OutputError

    if isinstance(exc, VaultError | OutputError):
        text = str(exc).strip()
    elif isinstance(exc, OSError):
        text = f"{exc.strerror or 'input/output error'}"
    else:
        text = ""
    if not text:
        return f"an unexpected error ({type(exc).__name__})."
    return text if text.endswith((".", "!", "?")) else text + "."


__all__ = [
    "LockReport",
    "close",
    "create",
    "ensure_folder",
    "failures",
    "lock",
    "seconds_to_wait",
    "unlock",
]
