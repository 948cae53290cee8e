"""Watching the open vault's file and folder for what another device did (issue 14).

A sync tool brings another device's version by renaming a temporary file over the
vault: the watcher then loses the path (it watched the old file), so the folder is
watched as well and the path is added again whenever it names a file. Each change
asks the vault's :class:`FileGuard` whether the file is still the one this app left
(its own commits, in any thread, never count); if not, ``replaced`` is emitted once.
A change of the folder also re-reads which conflict copies lie beside the vault
(names only) and emits ``copiesChanged`` with them when that list changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from alliance_desktop.app.merge import ConflictCopy, conflict_copies

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault

#: How soon to look again when a commit of ours was under way at the first look.
RETRY_MS = 50


class VaultWatch(QObject):
    """Emits ``replaced`` when another writer replaced or changed the open vault's file,
    and ``copiesChanged(list[ConflictCopy])`` when conflict copies appear or go."""

    replaced = Signal()
    copiesChanged = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vaultWatch")
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._vault: Vault | None = None
        self._path: Path | None = None
        self._told = False
        self.copies: list[ConflictCopy] = []

    def watch(self, vault: Vault) -> None:
        """Watch ``vault``'s file and folder (the previous vault's are let go)."""
        self.stop()
        self._vault = vault
        self._path = Path(vault.path)
        self._told = False
        self._watcher.addPath(str(self._path.parent))
        self._rewatch()
        self._update_copies(force=True)

    def stop(self) -> None:
        for paths in (self._watcher.files(), self._watcher.directories()):
            if paths:
                self._watcher.removePaths(paths)
        self._vault = None
        self._path = None
        self.copies = []

    @property
    def path(self) -> Path | None:
        return self._path

    def _rewatch(self) -> None:
        """The path again after a rename-over (the watcher followed the old file)."""
        path = self._path
        if path is not None and path.is_file() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def check(self) -> bool:
        """Look now; True (and ``replaced`` emitted once) when the file changed elsewhere."""
        vault = self._vault
        if vault is None or not vault.is_open or self._told:
            return False
        guard: Any = getattr(vault, "guard", None)
        if guard is None:
            return False
        # Never wait on the UI thread for a worker's COMMIT (a 100k-session merge holds
        # it for a few hundred ms): while one is under way, look again shortly after.
        changed = guard.changed_elsewhere_now()
        if changed is None:
            QTimer.singleShot(RETRY_MS, self, self.check)
            return False
        if not changed:
            return False
        self._told = True
        self.replaced.emit()
        return True

    def _changed(self, _path: str = "") -> None:
        self._rewatch()
        self.check()

    def _folder_changed(self, _path: str = "") -> None:
        self._rewatch()
        self.check()
        self._update_copies()

    def _update_copies(self, *, force: bool = False) -> None:
        if self._path is None:
            return
        found = conflict_copies(self._path)
        if force or [c.path for c in found] != [c.path for c in self.copies]:
            self.copies = found
            self.copiesChanged.emit(found)


__all__ = ["VaultWatch"]
