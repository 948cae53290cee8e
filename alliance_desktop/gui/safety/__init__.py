"""The safety net inside the window: open another vault, export, restore a backup,
change the passphrase and Recently deleted (File menu), as one hub the main window
builds, the way the Insights and Supervision hubs add their menus.

Every action calls a use case in ``app/`` through ``gui.operations.run``; locking and
unlocking go through the application controller's own lock path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from alliance_desktop.app import backups, exports, trash
from alliance_desktop.app import passphrase as app_passphrase
from alliance_desktop.gui import operations
from alliance_desktop.gui.common import background, file_dialogs
from alliance_desktop.gui.safety.dialogs import (
    ChangePassphraseDialog,
    ExportDialog,
    RecentlyDeletedDialog,
    RestoreBackupDialog,
)

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow
    from alliance_desktop.vault import Vault

MESSAGE_MS = 10000


def controller_of(window: Any) -> Any:
    """The application controller that owns ``window`` (it holds the lock path)."""
    app = QCoreApplication.instance()
    for child in app.children() if app is not None else ():
        if getattr(child, "window", None) is window and callable(getattr(child, "lock", None)):
            return child
    return None


class SafetyHub(QObject):
    """The File menu's safety actions and the dialogs they open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("safetyHub")
        self.window = window
        self.lastRestoreMessage = ""
        w = window

        def action(name: str, slot: Any, shortcut: str | None = None, sep: bool = False) -> QAction:
            # In the File menu above Quit, through the shell's action registry.
            return w.registerAction(
                name,
                "",
                shortcut=shortcut,
                menu="file",
                triggered=slot,
                before="actionQuit",
                separator=sep,
            )

        self.actionOpenVault = action("actionOpenVault", self.openVault, "Ctrl+O", sep=True)
        self.actionExport = action("actionExport", self.exportData, "Ctrl+Shift+E")
        self.actionRestoreBackup = action("actionRestoreBackup", self.restoreBackup, sep=True)
        self.actionChangePassphrase = action("actionChangePassphrase", self.changePassphrase)
        self.actionRecentlyDeleted = action(
            "actionRecentlyDeleted", self.showRecentlyDeleted, "Ctrl+Shift+Del", sep=True
        )
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr
        for a, text in (
            (self.actionOpenVault, tr("&Open another vault…")),
            (self.actionExport, tr("E&xport…")),
            (self.actionRestoreBackup, tr("&Restore a backup…")),
            (self.actionChangePassphrase, tr("Change &passphrase…")),
            (self.actionRecentlyDeleted, tr("Recently &deleted…")),
        ):
            a.setText(text)
            a.setToolTip(text.replace("&", "").rstrip("…"))

    def vaultOpened(self, vault: Vault) -> None:
        """What was deleted more than 30 days ago leaves Recently deleted at every open."""
        operations.run(self.window, trash.purge_expired, vault)

    # -- helpers -------------------------------------------------------------

    def _flash(self, message: str) -> None:
        self.window.flash(message, MESSAGE_MS)

    def _exec(self, dialog: Any) -> int:
        try:
            return int(dialog.exec())
        finally:
            dialog.deleteLater()

    # -- File › Open another vault… ------------------------------------------

    def openVault(self) -> bool:
        """Pick another vault file, lock this one (the controller's lock path) and show
        the unlock screen for the chosen file."""
        w = self.window
        path, _ = file_dialogs.get_open_file_name(
            w,
            self.tr("Open another vault"),
            str(Path(w.vault_path).parent),
            self.tr("Alliance vaults (*.alliance);;All files (*)"),
        )
        return self.openVaultAt(path) if path else False

    def openVaultAt(self, path: str | Path) -> bool:
        w = self.window
        chosen = Path(path).expanduser()
        if chosen.resolve() == Path(w.vault_path).resolve():
            self._flash(self.tr("This vault is already open."))
            return False
        ctl = controller_of(w)
        if ctl is None:
            return False
        # Lock (draft, backup) and a fresh unlock screen for the chosen file.
        return bool(ctl.switchVault(chosen))

    # -- File › Export… -------------------------------------------------------

    def exportData(self) -> Path | None:
        w = self.window
        if w.vault is None:
            return None
        dialog = ExportDialog(Path(w.vault_path).parent, w)
        if not self._exec(dialog):
            return None
        fmt, out = dialog.choice()
        outcome = background.run(
            w,
            exports.export_data,
            w.vault,
            fmt,
            out,
            vault=w.vault,
            title=self.tr("Export"),
            label=self.tr("Exporting to {name}…").format(name=out.name),
        )
        if outcome is None:
            return None
        self._flash(
            self.tr("Exported to {path}. This file is not encrypted.").format(path=outcome.value)
        )
        return outcome.value

    # -- File › Restore a backup… -------------------------------------------

    def restoreBackup(self) -> bool:
        w = self.window
        ctl = controller_of(w)
        if w.vault is None or ctl is None:
            return False
        folder = Path(ctl.backup_folder())
        vault_path = Path(w.vault_path)
        dialog = RestoreBackupDialog(backups.list_backups(folder), folder, w)
        chosen: list[tuple[backups.BackupInfo, str, int]] = []

        def check(info: backups.BackupInfo) -> tuple[int, int] | None:
            outcome = background.run(
                dialog,
                backups.check_backup,
                info.path,
                vault_path,
                dialog.passphrase(),
                show_error=dialog.showError,
                title=self.tr("Restore a backup"),
                label=self.tr("Checking {name}…").format(name=info.path.name),
            )
            if outcome is None:
                return None
            dialog.setCounts(info, *outcome.value)
            return outcome.value

        def check_all() -> None:
            for info in dialog.backups():
                if info.verified and check(info) is None:
                    return

        def restore_chosen() -> None:
            info = dialog.selected()
            # Checked whole before anything is locked or replaced.
            counts = check(info) if info is not None else None
            if info is None or counts is None:
                return
            chosen.append((info, dialog.passphrase(), counts[1]))
            dialog.passphraseEdit.clear()
            dialog.accept()

        dialog.checkRequested.connect(check_all)
        dialog.restoreRequested.connect(restore_chosen)
        self._exec(dialog)
        if not chosen:
            return False
        info, passphrase, _sessions = chosen[0]
        # The lock's automatic backup first, in a worker (the lock then finds it done).
        auto_folder = getattr(ctl, "_auto_backup_folder", lambda: None)()
        if auto_folder is not None and w.vault is not None:
            background.run(
                w,
                backups.auto_backup,
                w.vault,
                auto_folder,
                ctl.prefs.backup_keep,
                vault=w.vault,
                title=self.tr("Restore a backup"),
                label=self.tr("Backing up the open vault first…"),
            )
        # The writer lock must be free: lock (draft and all), restore, then reopen.
        ctl.lock()
        problems: list[str] = []
        title = self.tr("Restore a backup")
        restored = background.run(
            w,
            backups.restore,
            info.path,
            vault_path,
            passphrase,
            show_error=problems.append,
            title=title,
            label=self.tr("Checking the backup and putting it in place…"),
        )
        if restored is None:
            self._after_restore_message(
                self.tr("Nothing was restored: {detail}").format(detail=" ".join(problems))
            )
            return False
        result = restored.value
        from alliance_desktop.app import access

        # The key derivation of the reopen is a worker's too: the window keeps painting.
        opened = background.run(
            w,
            access.unlock,
            vault_path,
            passphrase,
            writer=True,
            interactive=True,
            show_error=problems.append,
            title=title,
            label=self.tr("Opening the restored vault…"),
        )
        if opened is None:
            self._after_restore_message(
                self.tr("The backup was restored, but it could not be opened: {detail}").format(
                    detail=" ".join(problems)
                )
            )
            return False
        vault = opened
        ctl.reopen(vault)
        local = info.taken_at.astimezone() if info.taken_at.tzinfo else info.taken_at
        when = local.strftime("%Y-%m-%d %H:%M")
        old = (
            self.tr(" The previous vault was kept as {path}.").format(path=result.replaced)
            if result.replaced
            else ""
        )
        message = (
            self.tr("Restored the backup of {when} ({n} sessions).").format(
                when=when, n=result.sessions
            )
            + old
        )
        self.lastRestoreMessage = message
        self._flash(message)
        QMessageBox.information(w, self.tr("Backup restored"), message)
        return True

    def _after_restore_message(self, message: str) -> None:
        self.lastRestoreMessage = message
        ctl = controller_of(self.window)
        unlock = getattr(ctl, "unlock_window", None)
        label = getattr(getattr(unlock, "ui", None), "unlockMessageLabel", None)
        if label is not None:
            label.setText(message)
            label.show()
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    # -- File › Change passphrase… ------------------------------------------

    def changePassphrase(self) -> bool:
        w = self.window
        if w.vault is None:
            return False
        dialog = ChangePassphraseDialog(w)
        dialog.submitted.connect(lambda: self._change_now(dialog))
        self._exec(dialog)
        return bool(dialog.result())

    def _change_now(self, dialog: ChangePassphraseDialog) -> None:
        w = self.window
        if w.vault is None:
            dialog.reject()
            return
        current, new = dialog.values()
        # In a worker (checking the current passphrase and opening under the new one
        # derive a key each, and the rekey rewrites every page: 0.66 s at 200 x 100 on
        # the UI thread). The rekey is one statement that must not be cut short, so
        # the job cannot be cancelled; a lock meanwhile waits the moment it takes.
        outcome = background.run(
            dialog,
            app_passphrase.change_passphrase,
            w.vault,
            current,
            new,
            vault=w.vault,
            title=self.tr("Change passphrase"),
            label=self.tr("Re-encrypting the vault under the new passphrase…"),
            show_error=dialog.showError,
            cancellable=False,
        )
        if outcome is None:
            return
        dialog.wipe()
        dialog.accept()
        self._flash(self.tr("Passphrase changed. Use the new one from now on."))

    # -- File › Recently deleted… --------------------------------------------

    def showRecentlyDeleted(self) -> None:
        w = self.window
        if w.vault is None:
            return
        dialog = RecentlyDeletedDialog(w)
        dialog.restoreRequested.connect(lambda item_id: self._restore_item(dialog, item_id))
        dialog.emptyRequested.connect(lambda: self._empty(dialog))
        dialog.setItems(trash.list_deleted(w.vault))
        self._exec(dialog)

    def _restore_item(self, dialog: RecentlyDeletedDialog, item_id: int) -> None:
        w = self.window
        if w.vault is None:
            return
        outcome = operations.run(
            dialog, trash.restore, w.vault, item_id, show_error=dialog.showError
        )
        if outcome is None:
            return
        item = outcome.value
        dialog.setItems(trash.list_deleted(w.vault))
        if item.client is not None:
            dialog.showMessage(self.tr("{code} is back.").format(code=item.code))
            w.selectClient(item.client.client.id)
        else:
            dialog.showMessage(self.tr("The session is back in {code}.").format(code=item.code))
            if item.session is not None:
                w.selectClient(item.session.client_id)

    def _empty(self, dialog: RecentlyDeletedDialog) -> None:
        w = self.window
        if w.vault is None:
            return
        answer = QMessageBox.question(
            dialog,
            self.tr("Empty Recently deleted"),
            self.tr("Delete everything in Recently deleted for good? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if operations.run(dialog, trash.empty, w.vault, show_error=dialog.showError) is None:
            return
        dialog.setItems([])
        dialog.showMessage(self.tr("Recently deleted is empty."))


__all__ = ["SafetyHub", "controller_of"]
