"""The vault file's identity: never write to a file that another writer replaced.

A sync tool (Syncthing, Nextcloud, Dropbox) brings another device's version of the
vault by writing a temporary file and renaming it over the vault's path. An open
connection keeps the old, now nameless file: whatever it writes afterwards is lost
the moment it is closed, and the user's view no longer matches the file on disk.

:class:`FileGuard` remembers the file's ``(st_dev, st_ino, st_size, st_mtime_ns)``
when the vault is opened and after each of its own commits. Before every write
transaction (``Vault.transaction``, right after ``BEGIN IMMEDIATE``) it checks that
the path still names the same file with the same size and time; if not, it raises
:class:`VaultReplacedError` and the transaction is rolled back before anything is
written. Several vaults of one process on one file (the window's and a worker's)
see each other's commits: a commit moves every guard of that file that had seen the
state before it, so only a writer outside this process counts as "another device".

Read-only mode (another device has the vault open): :func:`set_read_only` makes
SQLite itself refuse every write (``PRAGMA query_only``) and the audit log quiet, so
browsing, searching, charts and exports leave the file's bytes exactly as they were.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance_desktop.i18n import _
from alliance_desktop.vault.errors import VaultError, VaultReadOnlyError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault

#: (st_dev, st_ino, st_size, st_mtime_ns) of the file at a path.
Identity = tuple[int, int, int, int]

# One lock for every guard of the process: a commit and the identity it leaves are
# recorded together, so another guard never sees the one without the other.
_LOCK = threading.RLock()
_GUARDS: dict[tuple[int, int], weakref.WeakSet[FileGuard]] = {}


class VaultReplacedError(VaultError):
    """The vault file was replaced or changed by another writer since this app last saw it."""

    def __init__(self) -> None:
        super().__init__(
            _("This vault was changed on another device: unlock again to see the changes")
        )


class VaultOpenedReadOnlyError(VaultReadOnlyError):
    """A write was asked of a vault opened read-only (it is open on another device)."""

    def __init__(self) -> None:
        VaultError.__init__(
            self,
            _(
                "This vault is open read-only on this computer, so nothing was saved. "
                "Lock it and choose Open anyway to make changes here."
            ),
        )


def identity(path: Path | str) -> Identity | None:
    """The identity of the file ``path`` names now (following a symlink); None if none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class FileGuard:
    """Which file a vault's connection has open, and how this process last left it."""

    def __init__(self, path: Path | str, changes: Callable[[], int] | None = None) -> None:
        self.path = Path(path)
        self.read_only = False
        self._seen: Identity | None = None
        # Rows the vault's own connection has changed so far (``total_changes``): a
        # statement it ran outside a transaction changes the file too, and is its own.
        self._changes = changes or (lambda: 0)
        self._counted = self._changes()
        self.remember()

    @property
    def begin(self) -> str:
        """How a transaction starts: read-only takes no write lock (query_only refuses it)."""
        return "BEGIN DEFERRED" if self.read_only else "BEGIN IMMEDIATE"

    @property
    def seen(self) -> Identity | None:
        return self._seen

    def remember(self) -> None:
        """The file as it is now is this vault's own: at open, and after a write made
        outside ``Vault.transaction`` (a rekey)."""
        with _LOCK:
            now = identity(self.path)
            self._seen = now
            if now is not None:
                _GUARDS.setdefault(now[:2], weakref.WeakSet()).add(self)

    @contextmanager
    def rewriting(self) -> Iterator[None]:
        """Around a rewrite of the file outside ``Vault.transaction`` (a rekey, in any
        thread): while it runs, ``changed_elsewhere_now`` says "under way" (the watch
        looks again later) instead of taking the rewrite for another device's change;
        after it, the file as it is left is this vault's own."""
        with _LOCK:
            try:
                yield
            finally:
                self.remember()

    def changed_elsewhere(self) -> bool:
        """True when the path no longer names the file this vault opened, or that file's
        size or time changed without a write of this process."""
        with _LOCK:
            return self._changed_elsewhere()

    def changed_elsewhere_now(self) -> bool | None:
        """:meth:`changed_elsewhere` without waiting: None while a commit of this process
        is under way (the file is changing because of it; look again once it is over).
        For the UI thread, which must not wait out a worker's long COMMIT."""
        if not _LOCK.acquire(blocking=False):
            return None
        try:
            return self._changed_elsewhere()
        finally:
            _LOCK.release()

    def _changed_elsewhere(self) -> bool:
        with _LOCK:
            before = self._seen
            if before is None:
                return False
            now = identity(self.path)
            if now == before:
                return False
            counted, self._counted = self._counted, self._changes()
            if now is not None and now[:2] == before[:2] and self._counted != counted:
                self._moved(before, now)  # its own connection wrote, outside a transaction
                return False
            return True

    def _moved(self, before: Identity, now: Identity) -> None:
        for guard in list(_GUARDS.get(now[:2], ())):
            if guard is self or guard._seen == before:
                guard._seen = now

    def check(self, conn: Any = None) -> None:
        """Raise VaultReplacedError when the file changed elsewhere (before a write).

        A file changed in place is first checked page by page through ``conn``: pages
        that fail their check are damage (VaultDamagedError, the more urgent news)."""
        if not self.changed_elsewhere():
            return
        now, seen = identity(self.path), self._seen
        if conn is not None and now is not None and seen is not None and now[:2] == seen[:2]:
            from alliance_desktop.vault.connection import check_pages

            check_pages(conn)
        raise VaultReplacedError()

    def commit(self, conn: Any) -> None:
        """COMMIT, then remember the file as this commit left it (for every guard of the
        process that had seen the state before it)."""
        with _LOCK:
            before = self._seen
            conn.execute("COMMIT")
            self._counted = self._changes()
            now = identity(self.path)
            if now is None or before is None or now[:2] != before[:2]:
                return  # the path names another file now: the next check says so
            self._moved(before, now)


def set_read_only(vault: Vault) -> None:
    """Open ``vault`` read-only from now on: SQLite refuses every write and the audit
    log records nothing, so the file is left exactly as it was."""
    vault.conn.execute("PRAGMA query_only = ON")
    vault.conn.read_only = True
    vault.guard.read_only = True


def is_read_only(vault: Vault) -> bool:
    guard = getattr(vault, "guard", None)
    return bool(guard is not None and guard.read_only)


__all__ = [
    "FileGuard",
    "Identity",
    "VaultOpenedReadOnlyError",
    "VaultReplacedError",
    "identity",
    "is_read_only",
    "set_read_only",
]
