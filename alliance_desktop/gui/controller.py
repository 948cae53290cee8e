"""The application controller: who holds the vault, and when it is locked.

Unlocking builds the main window lazily (the unlock window must appear before any
heavy import); locking saves a draft, closes the connection and empties every view.
"""

from __future__ import annotations

import contextlib
import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alliance_desktop import __version__
from alliance_desktop.domain import ValidationError
from alliance_desktop.gui.idle import IdleWatcher, SessionLockWatcher
from alliance_desktop.gui.preferences import Preferences
from alliance_desktop.gui.theme import ThemeManager
from alliance_desktop.gui.unlock_window import UnlockWindow
from alliance_desktop.insights.settings import SETTINGS_PREFIX as INSIGHT_SETTINGS_PREFIX
from alliance_desktop.vault import Vault, VaultError

PREWARM_DELAY_MS = 250


class AppController(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        app: QApplication,
        vault_path: Path,
        prefs: Preferences,
        theme: ThemeManager,
        *,
        demo_dir: Path | None = None,
        demo_passphrase: str | None = None,
    ):
        super().__init__(app)
        self.app = app
        self.vault_path = vault_path
        self.prefs = prefs
        self.theme = theme
        self.demo_dir = demo_dir
        self.demo_passphrase = demo_passphrase
        self.vault: Vault | None = None
        self.window = None  # MainWindow, built on first unlock
        self.unlock_window: UnlockWindow | None = None
        self._quitting = False
        self.backup_problem: str | None = None

        self.idle = IdleWatcher(self)
        self.idle.setTimeoutMinutes(prefs.auto_lock_minutes)
        self.idle.idle.connect(self.lock)
        # Listening for the screen locking starts at the first unlock: it imports
        # QtDBus, which the unlock window should not wait for.
        self.screen_lock: SessionLockWatcher | None = None
        self._stateTimer = QTimer(self, interval=15000)
        self._stateTimer.timeout.connect(self._refresh_state)

    # -- start, unlock, lock, quit -------------------------------------------

    def start(self, vault: Vault | None = None) -> None:
        """Show the unlock window, or go straight in with an already open (demo) vault."""
        if vault is not None:
            self._on_unlocked(vault)
            return
        self.unlock_window = self._make_unlock_window()
        self.unlock_window.setWindowTitle(self.tr("Alliance Desktop"))
        self.unlock_window.setWindowIcon(QIcon(":/icons/alliance.svg"))
        self.unlock_window.resize(560, 520)
        self.unlock_window.show()
        # Build the (empty) main window while the passphrase is being typed, so
        # unlocking only has to open the vault and fill the views.
        QTimer.singleShot(PREWARM_DELAY_MS, self._prewarm)

    def _prewarm(self) -> None:
        if self.window is None and self.vault is None:
            self._ensure_window().ensurePolished()

    def _make_unlock_window(self, parent: QWidget | None = None) -> UnlockWindow:
        w = UnlockWindow(self.vault_path, parent)
        w.unlocked.connect(self._on_unlocked)
        return w

    def _ensure_window(self):
        if self.window is None:
            from alliance_desktop.gui.main_window import MainWindow

            self.window = MainWindow(self.vault_path, demo=self.demo_dir is not None)
            w = self.window
            w.lockRequested.connect(self.lock)
            w.quitRequested.connect(self.quit)
            w.settingsRequested.connect(self.openSettings)
            w.backupRequested.connect(self.backupNow)
            w.shortcutsRequested.connect(self.showShortcuts)
            w.aboutDataRequested.connect(self.showAboutData)
            w.aboutRequested.connect(self.showAbout)
            w.insights.attachTheme(self.theme)
            w.trainee.attachTheme(self.theme)
            w.trainee.attachPreferences(self.prefs)
            w.auditRequested.connect(self.showAudit)
            geometry = self.prefs.window_geometry
            if geometry:
                w.restoreGeometry(geometry)
        return self.window

    def _on_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        window = self._ensure_window()
        was_top_level = self.unlock_window is not None and self.unlock_window.isWindow()
        failed = self.unlock_window.failures() if self.unlock_window is not None else 0
        window.setVault(vault)
        with contextlib.suppress(VaultError):
            if failed:
                # Failed attempts cannot be written while locked: record the count now.
                vault.audit("unlock_failed", f"{failed} wrong passphrase(s) before this unlock")
            vault.audit("unlock")
        window.show()
        if was_top_level:
            self.unlock_window.close()
            self.unlock_window.deleteLater()
        self.unlock_window = None
        window.raise_()
        window.activateWindow()
        if self.screen_lock is None:
            self.screen_lock = SessionLockWatcher(self)
            self.screen_lock.lockRequested.connect(self.lock)
        self.idle.start()
        self._stateTimer.start()
        self._refresh_state()
        self.unlocked.emit()

    def lock(self) -> None:
        """Save the draft, close the vault, empty every view, show the unlock screen."""
        if self.vault is None or self.window is None:
            return
        self.window.saveDraftNow()
        self.autoBackup()
        self.window.clearData()
        self.vault.close()
        self.vault = None
        self.idle.stop()
        self._stateTimer.stop()
        for top in QApplication.topLevelWidgets():
            # Dialogs opened from the main window may show vault data: close them too.
            if top is not self.window and top.isVisible() and top.parent() is self.window:
                top.close()
        self.unlock_window = self._make_unlock_window(self.window)
        if self.demo_passphrase:
            self.unlock_window.setToolTip(
                self.tr("Demo vault passphrase: {p}").format(p=self.demo_passphrase)
            )
        self.window.showLocked(self.unlock_window)
        self.unlock_window.setFocus()
        if self.backup_problem:
            self.window.flash(self.backup_problem, 30000)
        self.locked.emit()

    def quit(self) -> None:
        if self._quitting:
            return
        self._quitting = True
        if self.window is not None:
            self.prefs.window_geometry = bytes(self.window.saveGeometry().data())
            if self.vault is not None:
                self.window.saveDraftNow()
                self.autoBackup()
                self.window.clearData()
        self.dispose()
        self.app.quit()

    def dispose(self) -> None:
        """Close the vault and stop every timer; the controller is done after this."""
        self.idle.stop()
        self._stateTimer.stop()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        for widget in (self.window, self.unlock_window):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.window = None
        self.unlock_window = None
        self.cleanup_demo()
        self.deleteLater()

    def cleanup_demo(self) -> None:
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)
            self.demo_dir = None

    # -- status -----------------------------------------------------------------

    def _refresh_state(self) -> None:
        if self.window is None or self.vault is None:
            return
        minutes = max(1, round(self.idle.remainingMs() / 60000))
        self.window.setVaultState(
            self.tr("Vault: unlocked · auto-lock in {n} min").format(n=minutes)
        )

    # -- commands ---------------------------------------------------------------

    def openSettings(self) -> None:
        if self.vault is None or self.window is None:
            return
        from alliance_desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs.get(), self.vault.settings(), self.window)
        if not dialog.exec():
            return
        prefs, vault_settings = dialog.values()
        try:
            keys = ("client_rating_max", "client_rating_threshold", "redaction_list")
            self.vault.set_settings(
                {
                    k: v
                    for k, v in vault_settings.items()
                    if k in keys or k.startswith(INSIGHT_SETTINGS_PREFIX)
                }
            )
        except ValidationError as exc:
            self.window.flash(str(exc))
            return
        self.prefs.set(prefs)
        self.idle.setTimeoutMinutes(self.prefs.auto_lock_minutes)
        self.theme.set_choice(self.prefs.theme)
        self.window.trainee.preferencesChanged()
        self.window.supervision.settingsChanged()
        self.window.insights.scheduleRefresh()  # thresholds may have changed
        self._refresh_state()
        self.window.flash(self.tr("Settings saved."))

    def autoBackup(self) -> Path | None:
        """A verified rotating backup on lock and quit, when anything changed since the last.

        A failure must not stop the lock: the vault itself is intact either way, so the
        problem is reported and the lock goes ahead.
        """
        if self.vault is None or self.demo_dir is not None:
            return None
        from alliance_desktop.vault.rotation import rotate_backup

        self.backup_problem = None
        try:
            return rotate_backup(self.vault, self.backup_folder(), keep=self.prefs.backup_keep)
        except (OSError, VaultError) as exc:
            self.backup_problem = self.tr("Automatic backup failed: {error}").format(error=exc)
            return None

    def backup_folder(self) -> Path:
        chosen = self.prefs.backup_folder
        return Path(chosen) if chosen else self.vault_path.parent / "backups"

    def backupNow(self) -> None:
        if self.vault is None or self.window is None:
            return
        folder = self.backup_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            out = self.vault.backup(folder / f"alliance-backup-{stamp}.alliance")
        except (OSError, VaultError) as exc:
            self.window.flash(self.tr("Backup failed: {error}").format(error=exc), 10000)
            return
        self.window.flash(self.tr("Backup written and verified: {path}").format(path=out), 10000)

    def showShortcuts(self) -> None:
        if self.window is None:
            return
        from alliance_desktop.gui.help_dialogs import ShortcutsDialog

        actions = [a for a in self.window.actions() if not a.shortcut().isEmpty()]
        ShortcutsDialog(actions, self.window).exec()

    def showAboutData(self) -> None:
        if self.window is None:
            return
        from alliance_desktop.gui.help_dialogs import AboutDataDialog

        AboutDataDialog(self.vault_path, self.window).exec()

    def showAudit(self) -> None:
        if self.window is None or self.vault is None:
            return
        from alliance_desktop.gui.audit_dialog import AuditDialog

        AuditDialog(self.vault.audit_log(), self.window).exec()

    def showAbout(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About Alliance Desktop"),
            self.tr(
                "<b>Alliance Desktop {version}</b><p>A private notebook for reflecting on the "
                "therapeutic relationship after each session. Everything stays on this "
                "computer, encrypted; nothing is sent anywhere.</p>"
            ).format(version=__version__),
        )
