"""The application controller: who holds the vault, and when it is locked.

Unlocking builds the main window lazily (the unlock window must appear before any
heavy import). Locking never fails: the editor's draft is taken into memory, every
widget, model, dialog and the clipboard are emptied, and only then is the vault
handed to ``app.access.lock``, which saves the draft and the automatic backup as best
it can and closes the connection whatever happens. A draft that could not be written
stays in memory and is written after the next unlock; any problem is a status message
after the lock. Quit and SIGTERM take the same path.

A damaged vault, found at unlock or while the window is being filled, returns to the
unlock screen naming the damage and offering the newest verified backup; it never
reaches the crash dialog.

Start-up: this module imports neither the vault package nor the idle and screen-lock
watchers (D-Bus); what needs them imports them when it first runs, after the unlock
window is up. ``switchVault`` and ``reopen`` are the lock path's public doors for the
File menu's safety net (open another vault, restore a backup).
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from alliance_desktop import __version__
from alliance_desktop.gui.common.clipboard import ClipboardGuard
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.unlock.window import UnlockWindow

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QDialog

    from alliance_desktop.gui.common.idle import IdleWatcher, SessionLockWatcher
    from alliance_desktop.vault import Vault, VaultError

PREWARM_DELAY_MS = 250
PROBLEM_MS = 30000
COUNTDOWN_MS = 30000  # the quiet countdown shows this long before the auto-lock


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
        self.window: Any = None  # MainWindow, built on first unlock
        self.unlock_window: UnlockWindow | None = None
        self._quitting = False
        self._disposed = False
        #: Drafts (slot -> payload) that could not be written when the vault locked;
        #: written after the next unlock.
        self.pending_drafts: dict[str, dict[str, Any]] = {}
        #: What went wrong during the last lock (draft, backup), as sentences.
        self.lock_problems: tuple[str, ...] = ()

        self.clipboard = ClipboardGuard(self, is_ours=self._is_our_window)
        # The inactivity and screen-lock watchers start at the first unlock (the
        # latter imports QtDBus): the unlock window does not wait for them.
        self.idle: IdleWatcher | None = None
        self.screen_lock: SessionLockWatcher | None = None
        self._stateTimer = QTimer(self, interval=15000)
        self._stateTimer.timeout.connect(self._refresh_state)
        self._countdownTimer = QTimer(self, interval=1000)
        self._countdownTimer.timeout.connect(self.refreshCountdown)
        #: Where the user was when the vault locked (client, editor, cursor): in memory
        #: only, and put back after the next unlock.
        self._place: dict[str, Any] | None = None

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
        self.unlock_window.closed.connect(self._unlock_window_closed)
        self.unlock_window.show()
        self.unlock_window.activateWindow()
        self.unlock_window.focusPassphrase()
        # Build the (empty) main window while the passphrase is being typed, so
        # unlocking only has to open the vault and fill the views.
        QTimer.singleShot(PREWARM_DELAY_MS, self._prewarm)

    def _prewarm(self) -> None:
        if self.window is None and self.vault is None and not self._quitting:
            self._ensure_window().ensurePolished()

    def _make_unlock_window(self, parent: QWidget | None = None) -> UnlockWindow:
        w = UnlockWindow(self.vault_path, parent, backup_folder=self.backup_folder())
        w.unlocked.connect(self._on_unlocked_by_window)
        if self.demo_passphrase:
            w.setToolTip(self.tr("Demo vault passphrase: {p}").format(p=self.demo_passphrase))
        return w

    def _unlock_window_closed(self) -> None:
        """The first unlock window was closed (not replaced by the main window): quit,
        so no process is left without a window. Deferred: when the app is already
        quitting (Qt closes every window then) the event loop is gone and this is moot."""
        QTimer.singleShot(0, self, self._quit_if_windowless)

    def _quit_if_windowless(self) -> None:
        if self._quitting or self.vault is not None:
            return
        if self.unlock_window is not None and self.unlock_window.isVisible():
            return
        self.quit()

    def _is_our_window(self, widget: QWidget) -> bool:
        ours = tuple(w for w in (self.window, self.unlock_window) if w is not None)
        current: QWidget | None = widget
        while current is not None:
            if any(current is w for w in ours):
                return True
            current = current.parentWidget()
        return False

    def _ensure_window(self):
        if self.window is None:
            from alliance_desktop.gui.shell.main_window import MainWindow

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
            from alliance_desktop.gui.safety.devices import DevicesHub

            self.devices = DevicesHub(self, w)  # issue 14: another device changed the file
            geometry = self.prefs.window_geometry
            if geometry:
                w.restoreGeometry(geometry)
        return self.window

    def _ensure_watchers(self) -> IdleWatcher:
        """The inactivity and screen-lock watchers, made at the first unlock."""
        if self.idle is None:
            from alliance_desktop.gui.common.idle import IdleWatcher, SessionLockWatcher

            self.idle = IdleWatcher(self)
            self.idle.setTimeoutMinutes(self.prefs.auto_lock_minutes)
            self.idle.idle.connect(self.lock)
            self.screen_lock = SessionLockWatcher(self)
            self.screen_lock.lockRequested.connect(self.lock)
        return self.idle

    def reopen(self, vault: Vault) -> None:
        """Back into the window with ``vault``, opened again after a lock (a restored
        backup): the same path as an unlock, the place kept from the lock included."""
        self._on_unlocked(vault)

    def switchVault(self, path: str | Path) -> bool:
        """Lock the open vault (draft and backup as any lock) and show the unlock screen
        for the vault at ``path``. False when there is no window to show it in."""
        chosen = Path(path).expanduser()
        if self.vault is not None:
            self.lock()
        self._place = None  # a place in the other vault means nothing here
        self.vault_path = chosen
        if self.window is None:
            return False
        self.window.vault_path = chosen
        self._show_unlock_screen()
        return True

    def _on_unlocked_by_window(self, vault: Vault) -> None:
        """The typed passphrase opened the vault: the views are filled now and the
        window is shown in the next turn of the event loop, so filling and the first
        show and paint are two slices, neither a long stall."""
        self._on_unlocked(vault, show_later=True)

    def _on_unlocked(self, vault: Vault, *, show_later: bool = False) -> None:
        from alliance_desktop.vault import VaultError

        self.vault = vault
        window = self._ensure_window()
        self._write_pending_drafts(vault)
        place, self._place = self._place, None
        try:
            window.setVault(vault, place=place)
        except VaultError as exc:
            # Damage found while filling the views (a page zeroed inside the file): back
            # to the unlock screen, which names it and offers a backup.
            self._close_after_failed_open(exc)
            return
        if show_later and not window.isVisible():
            # 1 ms, not 0: a zero timer is a posted call and runs before the timers due.
            QTimer.singleShot(1, self, lambda: self._show_unlocked(vault))
            return
        self._show_unlocked(vault)

    def _show_unlocked(self, vault: Vault) -> None:
        window = self.window
        if self.vault is not vault or window is None:
            return  # locked (or closed) before the window was shown
        first_unlock = self.unlock_window is not None and self.unlock_window.isWindow()
        window.show()
        if first_unlock and self.unlock_window is not None:
            self.unlock_window.closed.disconnect(self._unlock_window_closed)
            self.unlock_window.close()
            self.unlock_window.deleteLater()
        self.unlock_window = None
        window.raise_()
        window.activateWindow()
        self._ensure_watchers().start()
        self._stateTimer.start()
        self._countdownTimer.start()
        self._refresh_state()
        if self.pending_drafts:
            window.flash(
                self.tr(
                    "A draft from before the lock could not be saved yet; it is still kept "
                    "in memory and will be saved at the next lock."
                ),
                PROBLEM_MS,
            )
        self.unlocked.emit()

    def _write_pending_drafts(self, vault: Vault) -> None:
        """Drafts the last lock could not write go into the vault now; the window then
        offers them as any kept draft. One that still fails stays in memory."""
        if not self.pending_drafts:
            return
        from alliance_desktop.app.sessions import save_draft
        from alliance_desktop.vault import VaultError

        for slot, payload in list(self.pending_drafts.items()):
            try:
                save_draft(vault, slot, payload)
            except (VaultError, ValueError):
                continue
            del self.pending_drafts[slot]

    def _close_after_failed_open(self, error: VaultError) -> None:
        from alliance_desktop.app import access

        vault, self.vault = self.vault, None
        self._clear_screen()
        access.close(vault)
        self._show_unlock_screen(damaged=error)

    def _take_place(self) -> dict[str, Any] | None:
        """Where the user is, before anything is cleared; never raises."""
        try:
            place: dict[str, Any] | None = self.window.placeSnapshot()
        except Exception:  # a broken view must not stop the lock
            return None
        return place

    def _take_draft(self) -> tuple[str, dict[str, Any]] | None:
        """The editor's unsaved words, in memory, before anything is cleared."""
        if self.window is None:
            return None
        try:
            draft: tuple[str, dict[str, Any]] | None = self.window.draftPayload()
        except Exception:  # a broken editor must not stop the lock
            return None
        return draft

    def _clear_screen(self) -> None:
        """Empty every widget, model and dialog, and the clipboard. Never raises."""
        if self.idle is not None:
            self.idle.stop()
        self._stateTimer.stop()
        self._countdownTimer.stop()
        self.clipboard.clear()
        window = self.window
        if window is None:
            return
        for top in QApplication.topLevelWidgets():
            # Dialogs opened from the main window may show vault data: close them too.
            if top is window or not top.isVisible():
                continue
            if self._is_our_window(top) and top is not self.unlock_window:
                with contextlib.suppress(Exception):
                    top.close()
        try:
            window.clearData()
        except Exception:
            # Whatever a view failed to clear is hidden behind the locked page below.
            with contextlib.suppress(Exception):
                window.ui.rootStack.setCurrentWidget(window.ui.lockedPage)

    def _show_unlock_screen(self, *, damaged: VaultError | None = None) -> None:
        if self.unlock_window is not None and self.unlock_window.isWindow():
            unlock = self.unlock_window  # the first unlock window is still up
        elif self.window is not None:
            unlock = self._make_unlock_window(self.window)
            self.unlock_window = unlock
            self.window.showLocked(unlock)
        else:
            return
        if damaged is not None:
            unlock.showDamaged(damaged)
        # Typing goes straight into the passphrase, after Ctrl+L and the auto-lock alike.
        if self.window is not None and unlock.window() is self.window:
            self.window.activateWindow()
        unlock.focusPassphrase()

    def lock(self, *, damaged: VaultError | None = None, external: bool = False) -> None:
        """Empty every view first, then close the vault; never fails.

        The draft is taken into memory and handed to ``app.access.lock`` with the
        automatic backup (both best effort); a draft it could not write is kept here
        and written after the next unlock.
        """
        if self.vault is None or self.window is None:
            return
        from alliance_desktop.app import access

        vault, self.vault = self.vault, None
        self._place = self._take_place()
        draft = self._take_draft()
        self._clear_screen()
        report = access.lock(
            vault,
            draft=draft,
            backup_folder=None if damaged is not None or external else self._auto_backup_folder(),
            keep=self.prefs.backup_keep,
        )
        if draft is not None and not report.draft_saved:
            self.pending_drafts[draft[0]] = draft[1]
        self.lock_problems = report.problems
        self._show_unlock_screen(damaged=damaged)
        if external and self.unlock_window is not None:  # the draft waits in pending_drafts
            self.unlock_window.showExternalChange()
        elif report.problems:
            self.window.flash(" ".join(report.problems), PROBLEM_MS)
        self.locked.emit()

    def showDamaged(self, error: VaultError) -> None:
        """Damage found while the vault is open: lock to the unlock screen that names it."""
        if self.vault is not None:
            self.lock(damaged=error)
        elif self.unlock_window is not None:
            self.unlock_window.showDamaged(error)

    def handleUncaught(self, exc: BaseException) -> bool:
        """A VaultError escaped a slot: a status message or the damaged screen, never the
        crash dialog. True when handled."""
        errors = sys.modules.get("alliance_desktop.vault.errors")
        if errors is None or not isinstance(exc, errors.VaultError):
            return False  # before the vault package loads, no VaultError exists
        if isinstance(exc, errors.VaultDamagedError):
            self.showDamaged(exc)
        elif type(exc).__name__ == "VaultReplacedError" and self.vault is not None:
            self.lock(external=True)
        elif self.window is not None and self.vault is not None:
            self.window.flash(str(exc), PROBLEM_MS)
        elif self.unlock_window is not None:
            from alliance_desktop.gui.common.feedback import show_message

            show_message(self.unlock_window.ui.unlockMessageLabel, str(exc))
        return True

    def quit(self) -> None:
        """Quit as the Quit action, Ctrl+C and SIGTERM do; always quits."""
        if self._quitting:
            return
        self._quitting = True
        try:
            if self.window is not None:
                with contextlib.suppress(Exception):
                    self.prefs.window_geometry = bytes(self.window.saveGeometry().data())
            if self.vault is not None:
                from alliance_desktop.app import access

                vault, self.vault = self.vault, None
                draft = self._take_draft()
                self._clear_screen()
                access.lock(
                    vault,
                    draft=draft,
                    backup_folder=self._auto_backup_folder(),
                    keep=self.prefs.backup_keep,
                )
            self.clipboard.clear()
        finally:
            self.dispose()
            self.app.quit()

    def dispose(self) -> None:
        """Close the vault and stop every timer; the controller is done after this.
        Idempotent (quit disposes, and so may whoever made the controller)."""
        if self._disposed:
            return
        self._disposed = True
        if self.idle is not None:
            self.idle.stop()
        self._stateTimer.stop()
        self._countdownTimer.stop()
        self.clipboard.stop()
        if self.vault is not None:
            from alliance_desktop.app import access

            access.close(self.vault)
            self.vault = None
        for widget in (self.window, self.unlock_window):
            if widget is not None:
                with contextlib.suppress(Exception):
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

    def refreshCountdown(self) -> None:
        """The quiet "Locking in N s" line in the last 30 s before the auto-lock; any
        input restarts the idle count, so the next tick hides it again."""
        if self.window is None:
            return
        idle = self.idle
        remaining = idle.remainingMs() if self.vault is not None and idle is not None else -1
        if 0 <= remaining <= COUNTDOWN_MS:
            self.window.setAutoLockCountdown(-(-remaining // 1000))
        else:
            self.window.setAutoLockCountdown(None)

    def _refresh_state(self) -> None:
        if self.window is None or self.vault is None or self.idle is None:
            return
        minutes = max(1, round(self.idle.remainingMs() / 60000))
        self.window.setVaultState(
            self.tr("Vault: unlocked · auto-lock in {n} min").format(n=minutes)
        )

    # -- commands ---------------------------------------------------------------

    def openSettings(self) -> None:
        if self.vault is None or self.window is None:
            return
        from alliance_desktop.app.settings import load_settings, update_settings
        from alliance_desktop.domain.settings import KNOWN_KEYS
        from alliance_desktop.gui import operations
        from alliance_desktop.gui.common.settings_dialog import SettingsDialog
        from alliance_desktop.vault import VaultError

        try:
            current = load_settings(self.vault)
        except VaultError as exc:
            self.window.flash(str(exc), PROBLEM_MS)
            return
        dialog = SettingsDialog(
            self.prefs.get(),
            current.to_mapping(),
            self.window,
            default_backup_folder=self.vault_path.parent / "backups",
        )
        try:
            if not dialog.exec() or self.vault is None:
                return  # cancelled, or the vault locked while the dialog was open
            prefs, vault_settings = dialog.values()
        finally:
            # It holds the redaction list: gone with the dialog, not kept as a child.
            dialog.deleteLater()
        changed = {k: v for k, v in vault_settings.items() if k in KNOWN_KEYS}
        if operations.run(self.window, update_settings, self.vault, changed) is None:
            return
        self.prefs.set(prefs)
        self._ensure_watchers().setTimeoutMinutes(self.prefs.auto_lock_minutes)
        self.theme.set_choice(self.prefs.theme)
        self.window.trainee.preferencesChanged()
        self._refresh_state()
        self.window.flash(self.tr("Settings saved."))

    def _auto_backup_folder(self) -> Path | None:
        """Where the lock and quit backups go; none for the throwaway demo vault."""
        return None if self.demo_dir is not None else self.backup_folder()

    def backup_folder(self) -> Path:
        chosen = self.prefs.backup_folder
        return Path(chosen).expanduser() if chosen else self.vault_path.parent / "backups"

    def backupNow(self) -> None:
        if self.vault is None or self.window is None:
            return
        from alliance_desktop.app import backups
        from alliance_desktop.app.errors import OutputError
        from alliance_desktop.app.files import private_folder
        from alliance_desktop.gui.common import background

        try:
            out = backups.backup_name(private_folder(self.backup_folder()))
        except (OSError, OutputError) as exc:
            self.window.flash(self.tr("Backup failed: {error}").format(error=exc), 10000)
            return
        outcome = background.run(
            self.window,
            backups.backup,
            self.vault,
            out,
            vault=self.vault,
            title=self.tr("Back up now"),
            label=self.tr("Backing up to {name}…").format(name=out.name),
        )
        if outcome is not None:
            self.window.flash(
                self.tr("Backup written and verified: {path}").format(path=outcome.value), 10000
            )

    @staticmethod
    def _exec_once(dialog: QDialog) -> None:
        """Show a modal dialog and let it go afterwards (a child of the main window would
        otherwise live, with what it showed, until the app quits)."""
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def showShortcuts(self) -> None:
        if self.window is None:
            return
        from alliance_desktop.gui.common.help_dialogs import ShortcutsDialog

        actions = [a for a in self.window.actions() if not a.shortcut().isEmpty()]
        self._exec_once(ShortcutsDialog(actions, self.window))

    def showAboutData(self) -> None:
        if self.window is None:
            return
        from alliance_desktop.gui.common.help_dialogs import AboutDataDialog

        self._exec_once(AboutDataDialog(self.vault_path, self.window))

    def showAudit(self) -> None:
        if self.window is None or self.vault is None:
            return
        from alliance_desktop.gui.common.audit_dialog import AuditDialog

        self._exec_once(AuditDialog(self.vault.audit_log(), self.window))

    def showAbout(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # not before the unlock window

        QMessageBox.about(
            self.window,
            self.tr("About Alliance Desktop"),
            self.tr(
                "<b>Alliance Desktop {version}</b><p>A private notebook for reflecting on the "
                "therapeutic relationship after each session. Everything stays on this "
                "computer, encrypted; nothing is sent anywhere.</p>"
            ).format(version=__version__),
        )
