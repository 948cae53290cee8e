"""The first thing the app shows: create a vault, or unlock the one that exists.

Modelled on KeePassXC's unlock screen: one field, clear errors beside it, nothing of
the vault's contents (no client codes, no counts). The passphrase lives in a QLineEdit
only while it is typed; it is wiped with ``setText("")`` (``clear()`` is undoable in
Normal echo mode, so a revealed passphrase could come back with Ctrl+Z), and no
attribute of this window keeps it once the vault is open.

Opening goes through ``app.access`` like the CLI: the one persisted throttle (the
countdown shows ``seconds_to_wait``), and the writer lock, so a vault already open in
another window or a CLI command is refused with who holds it. A damaged vault names
the damage and offers the newest verified backup (``restoreBackupButton``).

Every key derivation (unlock, create, restore) runs in the background worker
(``gui.common.background``) while the window stays busy and keeps painting; the vault
comes back to the UI thread through ``unlocked``. A window closed meanwhile gets
nothing: the vault the worker opened is closed, and quitting waits for the worker.

This module is imported before the first window appears, so it stays light: Qt
widgets and the vault package, nothing that draws charts.
"""

from __future__ import annotations

import functools
import math
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from shiboken6 import isValid

from alliance_desktop.app import access
from alliance_desktop.gui import resources_rc  # noqa: F401  (registers :/ resources)
from alliance_desktop.gui.common.accessibility import announce, mark_alert, mark_heading
from alliance_desktop.gui.common.feedback import clear_message, show_message
from alliance_desktop.gui.forms.ui_unlock_window import Ui_UnlockWindow
from alliance_desktop.gui.unlock.devices import UnlockDevices
from alliance_desktop.gui.unlock.fields import (
    CapsLockWatch,
    add_reveal_action,
    damage_message,
    show_strength,
    wipe,
)
from alliance_desktop.vault import (
    NewerVaultError,
    NotAVaultError,
    NotEncryptedError,
    VaultBusyError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QWindow

    from alliance_desktop.gui.common.background import Job
    from alliance_desktop.vault import Vault

#: What a key derivation in the worker hands back: the vault it opened (or None) and
#: whatever else its caller needs (a restore's result).
Opened = tuple["Vault | None", Any]
#: At quit, how long to wait for a derivation still running (then its vault is closed).
KEYING_WAIT_S = 30.0
#: The derivations running now, each until its vault is handed over or closed.
_keying: set[Job] = set()
_keying_settled_at_quit: list[bool] = []


def _forget_locals(exc: BaseException | None) -> None:
    """Clear the finished frames of ``exc``'s traceback (and of its causes): they hold
    the locals of the calls that raised, the passphrase among them. File, line and
    function stay for the crash summary."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


def _discard(job: Job) -> None:
    """Close the vault a derivation opened for a window that is gone (closed, quit)."""
    outcome, job.outcome = job.outcome, None
    job.error = None
    if outcome is not None and outcome[0] is not None:
        access.close(outcome[0])


def settle_keying(timeout: float = KEYING_WAIT_S) -> None:
    """Wait for every derivation still running and close what it opened (the app is
    quitting: nothing is handed over, no worker outlives the event loop)."""
    while _keying:
        job = _keying.pop()
        job.wait(timeout)
        _discard(job)


def _deliver(window: UnlockWindow, job: Job, done: str) -> None:
    """The worker ended (UI thread): hand its outcome to ``window.<done>``, or close
    the vault when the window was closed or deleted meanwhile."""
    job.deleteLater()
    if job not in _keying:  # settled at quit: its vault is closed already
        return
    _keying.discard(job)
    if not isValid(window) or window._job is not job:
        _discard(job)
        return
    window._job = None
    outcome, error = job.outcome, job.error
    job.outcome = job.error = None
    getattr(window, done)(outcome, error)


class _Forms(Ui_UnlockWindow):
    """The window's form (the window and its unlock page) and the create page's, in
    one namespace as when one form held both pages. The create page is built the first
    time one of its widgets is asked for (``build`` is called then): with a vault to
    unlock it mostly never is, and the unlock window shows sooner."""

    def __init__(self, window: QWidget, build: Callable[[], None]) -> None:
        self.setupUi(window)
        self._build: Callable[[], None] | None = build
        #: The create page (``createPage``), once built.
        self.createPage: QWidget

    def built(self) -> bool:
        """True once the create page exists."""
        return "createPage" in self.__dict__

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not set yet: a widget of the create page, not built.
        build = self.__dict__.get("_build")
        if build is None or name.startswith("__"):
            raise AttributeError(name)
        self._build = None
        build()
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None


class UnlockWindow(QWidget):
    """Welcome/create page when no vault exists at the path, otherwise the unlock page.

    Emits ``unlocked(vault)`` with a :class:`Vault` open as its writer. After the free
    attempts each wrong passphrase disables the field for the delay the persisted
    throttle beside the vault asks for (shared with the CLI and every other window,
    and kept across restarts). The key derivation is the real defence against
    guessing; the delay only makes guessing at the keyboard tedious, and the countdown
    never blocks the event loop. ``closed`` is emitted when a top-level unlock window
    is closed (the app quits then).
    """

    unlocked = Signal(object)
    closed = Signal()
    #: In the event-loop turn after the window's passphrase field was first painted.
    painted = Signal()

    def __init__(
        self,
        vault_path: Path,
        parent: QWidget | None = None,
        *,
        backup_folder: Path | None = None,
    ):
        super().__init__(parent)
        self.ui = _Forms(self, self._build_create_page)
        self.setObjectName("unlockWindow")
        self._path = Path(vault_path)
        self._backup_folder = backup_folder
        self._offered_backup: Path | None = None
        self._busy = False
        #: The key derivation running in the worker for this window, if any.
        self._job: Job | None = None

        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self._end_throttle)
        self._countdown = QTimer(self)
        self._countdown.setInterval(500)
        self._countdown.timeout.connect(self._show_countdown)

        self._caps = CapsLockWatch(self)
        self._caps.changed.connect(self._show_caps_lock)
        self._caps.painted.connect(self.painted)
        self._reveal: list[QAction] = []
        self._caps.watch(self.ui.passphraseEdit)  # from the first show on: CapsLockWatch
        # Caps Lock may be toggled in another window, so what was inferred is forgotten
        # when this one loses the focus (a signal, not a changeEvent override: the first
        # event a Python override is handed costs as much as the first a filter sees).
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_window_changed)
        self._reveal.append(add_reveal_action(self.ui.passphraseEdit, "revealPassphraseAction"))

        self._setup_look()
        self._add_restore_button()
        self.devices = UnlockDevices(self)  # another device: changed the file, has it open
        self.ui.unlockButton.clicked.connect(self._submit)
        self.ui.passphraseEdit.returnPressed.connect(self._submit)

        for label in (self.ui.unlockMessageLabel, self.ui.capsLockLabel):
            clear_message(label)
        # Builds the create page when that page shows, and fills its strength line.
        self.refresh()
        self._check_throttle()

    def _build_create_page(self) -> None:
        """Build the create page (``_Forms`` calls this when one of its widgets is
        first asked for): its form, look, reveal actions and connections."""
        from alliance_desktop.gui.forms.ui_create_page import Ui_CreatePage

        page, form = QWidget(), Ui_CreatePage()
        form.setupUi(page)
        self.ui.__dict__.update(vars(form))
        self.ui.createPage = page
        self.ui.pages.insertWidget(0, page)  # before the unlock page, as in one form
        for edit, name in (
            (self.ui.newPassphraseEdit, "revealNewPassphraseAction"),
            (self.ui.confirmPassphraseEdit, "revealConfirmPassphraseAction"),
        ):
            self._caps.watch(edit)
            self._reveal.append(add_reveal_action(edit, name))
        self._setup_page_look(
            self.ui.createColumn,
            self.ui.createIconLabel,
            self.ui.createTitleLabel,
            (self.ui.createMessageLabel, self.ui.mismatchLabel, self.ui.createCapsLockLabel),
            self.ui.createPathEdit,
        )
        self.ui.strengthBar.setMaximumHeight(max(6, self.fontMetrics().height() // 2))
        self.ui.createVaultButton.clicked.connect(self._create)
        self.ui.confirmPassphraseEdit.returnPressed.connect(self._create)
        self.ui.newPassphraseEdit.returnPressed.connect(self.ui.confirmPassphraseEdit.setFocus)
        self.ui.newPassphraseEdit.textChanged.connect(self._update_create_page)
        self.ui.confirmPassphraseEdit.textChanged.connect(self._update_create_page)
        for label in (
            self.ui.createMessageLabel,
            self.ui.mismatchLabel,
            self.ui.createCapsLockLabel,
        ):
            clear_message(label)
        if self._caps.state:
            show_message(self.ui.createCapsLockLabel, self.tr("Caps Lock is on"))
        if self._busy:
            for edit in (self.ui.newPassphraseEdit, self.ui.confirmPassphraseEdit):
                edit.setReadOnly(True)

    def _add_restore_button(self) -> None:
        """Offered when the vault is damaged: replace it with a verified backup."""
        self.restoreButton = QPushButton(self.tr("Restore a backup…"), self)
        self.restoreButton.setObjectName("restoreBackupButton")
        self.restoreButton.setAccessibleName(self.tr("Restore a backup"))
        label = self.ui.unlockMessageLabel
        layout = label.parentWidget().layout()
        layout.insertWidget(layout.indexOf(label) + 1, self.restoreButton)
        self.restoreButton.hide()
        self.restoreButton.clicked.connect(self._choose_backup)

    def backupFolder(self) -> Path:
        """Where the automatic backups are: the preference, or ``backups/`` beside the vault."""
        return self._backup_folder or self._path.parent / "backups"

    def offeredBackup(self) -> Path | None:
        """The newest verified backup the restore button offers, if one was found."""
        return self._offered_backup

    def _choose_backup(self) -> None:
        if self._offered_backup is not None:
            self.restoreFrom(self._offered_backup)
            return
        from alliance_desktop.gui.common import file_dialogs

        start = self.backupFolder()
        path, _ = file_dialogs.get_open_file_name(
            self,
            self.tr("Choose a backup to restore"),
            str(start if start.is_dir() else self._path.parent),
            self.tr("Alliance Desktop vaults (*.alliance);;All files (*)"),
        )
        if path:
            self.restoreFrom(Path(path))

    def showDamaged(self, error: VaultError) -> None:
        """Name the damage in one sentence and offer the newest verified backup.

        Called for damage found while unlocking and for damage found while the main
        window was being filled (the controller has closed the vault again then).
        """
        from alliance_desktop.app.backups import newest_verified

        self.refresh()
        try:
            newest = newest_verified(self.backupFolder())
        except (OSError, VaultError):
            newest = None
        self._offered_backup = newest.path if newest is not None else None
        message = damage_message(error)
        if newest is not None:
            when = newest.taken_at.strftime("%d %b %Y, %H:%M")
            hint = self.tr(
                "Type the backup's passphrase above, then restore the backup of {when}."
            ).format(when=when)
            self.restoreButton.setText(self.tr("Restore the backup of {when}").format(when=when))
            self.restoreButton.setAccessibleName(
                self.tr("Restore the backup of {when}").format(when=when)
            )
        else:
            hint = self.tr(
                "No verified backup was found in {folder}. Type a backup's passphrase above, "
                "then choose it."
            ).format(folder=self.backupFolder())
            self.restoreButton.setText(self.tr("Restore a backup…"))
            self.restoreButton.setAccessibleName(self.tr("Restore a backup"))
        self._set_busy(False)
        self._say(self.ui.unlockMessageLabel, message + "\n" + hint)
        self.restoreButton.show()
        self.ui.passphraseEdit.setFocus()

    def isDamagedShown(self) -> bool:
        return not self.restoreButton.isHidden()

    def restoreFrom(self, backup: Path) -> bool:
        """Verify ``backup`` with the typed passphrase, put it in place, then open it.

        The damaged file is kept aside, never deleted; a refused backup changes nothing.
        A restore counts in the throttle, as an unlock does. Both key derivations run in
        the worker: True means the restore started (``unlocked`` follows when the
        restored vault opens, a message beside the field otherwise), False that it was
        refused at once (no passphrase, the throttle's wait, another opening running).
        """
        label = self.ui.unlockMessageLabel
        if self._busy:
            return False
        if self._throttle.isActive():
            self._show_countdown()
            return False
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            self._say(label, self.tr("Type the backup's passphrase above first."))
            self.ui.passphraseEdit.setFocus()
            return False
        wipe(self.ui.passphraseEdit)
        self._reveal[0].setChecked(False)
        self._set_busy(True)
        self._say(label, self.tr("Opening…"), "hint")
        path = self._path

        def work(secret: str) -> Opened:
            from alliance_desktop.app.backups import restore

            result = restore(backup, path, secret).value  # refused: nothing was restored
            try:
                vault = access.unlock(path, secret, writer=True, interactive=True)
            except VaultError as exc:
                _forget_locals(exc)
                return None, (result, exc)
            return vault, (result, None)

        self._key_in_worker(work, passphrase, "_restore_ended")
        return True

    def _restore_ended(self, outcome: Opened | None, error: BaseException | None) -> None:
        label = self.ui.unlockMessageLabel
        self._set_busy(False)
        if error is not None:
            if not isinstance(error, VaultError):
                raise error
            self._say(label, self.tr("Nothing was restored: {detail}").format(detail=error))
            if not self._check_throttle():
                self.ui.passphraseEdit.setFocus()
            return
        assert outcome is not None
        vault, (result, failed) = outcome
        self._offered_backup = None
        self.restoreButton.hide()
        if vault is None:
            self._say(
                label,
                self.tr("The backup was restored, but it could not be opened: {detail}").format(
                    detail=failed
                ),
            )
            self.ui.passphraseEdit.setFocus()
            return
        kept = (
            self.tr(" The damaged file was kept as {name}.").format(name=result.replaced.name)
            if result.replaced
            else ""
        )
        self._say(label, self.tr("Backup restored.") + kept, "hint")
        self.unlocked.emit(vault)

    # -- public API -------------------------------------------------------------

    def vaultPath(self) -> Path:
        return self._path

    def mode(self) -> str:
        """``"create"`` or ``"unlock"``: which page is showing."""
        return "unlock" if self.ui.pages.currentWidget() is self.ui.unlockPage else "create"

    def refresh(self) -> None:
        """Show the page that fits the file: unlock if a vault exists, else create."""
        exists = self._path.exists()
        self.ui.pages.setCurrentWidget(self.ui.unlockPage if exists else self.ui.createPage)
        if exists:
            self.devices.refresh()
        else:
            self._update_create_page()
        self._focus_first_field()

    def showExternalChange(self) -> None:
        """The app locked because another device changed the vault file."""
        self.devices.showExternalChange()

    def reset(self) -> None:
        """Forget everything typed and every message; called when the app locks.

        A running throttle stays: locking must not be a way around the delay.
        """
        wipe(self.ui.passphraseEdit)
        if self.ui.built():
            wipe(self.ui.newPassphraseEdit)
            wipe(self.ui.confirmPassphraseEdit)
            clear_message(self.ui.createMessageLabel)
        for action in self._reveal:
            action.setChecked(False)
        if not self._throttle.isActive():
            clear_message(self.ui.unlockMessageLabel)
        self.refresh()
        self._check_throttle()

    def failures(self) -> int:
        """Wrong passphrases in a row for this vault (the persisted count, any front end)."""
        return access.failures(self._path)

    def isThrottled(self) -> bool:
        return self._throttle.isActive()

    def _say(self, label: QLabel, text: str, kind: str = "error") -> None:
        """Show a message beside its field and announce it when it is new: errors
        interrupt the screen reader, hints wait their turn."""
        before = label.text()
        show_message(label, text, kind)
        if label.text() != before or label.isHidden():
            announce(label, label.text(), assertive=kind == "error")

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        if self._job is not None:
            # Closed while a key is derived: the vault it opens is closed, not shown.
            self._job = None
            self._set_busy(False)
        if self.isWindow():
            self.closed.emit()

    def isOpening(self) -> bool:
        """A key is being derived in the worker (unlock, create or restore)."""
        return self._job is not None

    def _key_in_worker(self, work: Callable[[str], Opened], passphrase: str, done: str) -> None:
        """Run ``work(passphrase)`` (a key derivation and the first read: unlock, create,
        restore) in the background worker while the event loop turns; ``done(outcome,
        error)`` is called on the UI thread afterwards. The passphrase is handed over
        once and held nowhere: the worker takes it out of a list it empties, and the
        frames of an error are cleared of their locals before it comes back."""
        from alliance_desktop.gui.common import background

        secret = [passphrase]

        def call() -> Opened:
            try:
                return work(secret.pop())
            except BaseException as exc:
                _forget_locals(exc)
                raise

        del passphrase
        app = QCoreApplication.instance()
        if app is not None and not _keying_settled_at_quit:
            app.aboutToQuit.connect(settle_keying)
            _keying_settled_at_quit.append(True)
        job = background.start(None, call, dialog=False)
        self._job = job
        _keying.add(job)
        job.ended.connect(functools.partial(_deliver, self, job, done))

    # -- look -------------------------------------------------------------------

    def _setup_look(self) -> None:
        self._setup_page_look(
            self.ui.unlockColumn,
            self.ui.unlockIconLabel,
            self.ui.unlockTitleLabel,
            (self.ui.unlockMessageLabel, self.ui.capsLockLabel),
            self.ui.unlockPathEdit,
        )

    def _setup_page_look(
        self,
        column: QWidget,
        icon_label: QLabel,
        title: QLabel,
        messages: tuple[QLabel, ...],
        path_edit: QLineEdit,
    ) -> None:
        """One page's look (the unlock page's, or the create page's when it is built)."""
        metrics = self.fontMetrics()
        # Widths in text units, so 200 % scaling or a large font keeps the proportions.
        # (No repolish_roles: this form sets each label's role right after creating it,
        # before anything polishes it, so the style sheet's role rules match at once.)
        column.setMaximumWidth(metrics.averageCharWidth() * 64)
        column.setMinimumWidth(metrics.averageCharWidth() * 40)
        side = metrics.height() * 4
        icon_label.setPixmap(QIcon(":/icons/alliance.svg").pixmap(side, side))
        icon_label.setAccessibleName(self.tr("Alliance Desktop"))
        mark_heading(title, 1)
        for message in messages:
            mark_alert(message)
        path_edit.setText(str(self._path))
        path_edit.setToolTip(str(self._path))
        path_edit.setCursorPosition(0)
        # A read-only field reads as text, not as something to type into.
        path_edit.setStyleSheet("QLineEdit { background: transparent; padding-left: 0; }")

    def focusPassphrase(self) -> None:
        """Put the cursor in the passphrase field (or the first new-passphrase field)."""
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        edit = self.ui.passphraseEdit if self.mode() == "unlock" else self.ui.newPassphraseEdit
        if edit.isEnabled():
            edit.setFocus()  # OtherFocusReason

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._focus_first_field()
        # Last: the fields are shown and focused, and no key can come before this.
        self._caps.arm()

    def _focus_window_changed(self, focused: QWindow | None) -> None:
        # Caps Lock may be toggled in another window; what we inferred is stale then.
        if focused is None or focused != self.window().windowHandle():
            self._caps.set_state(None)

    def _show_caps_lock(self, on: bool) -> None:
        labels = [self.ui.capsLockLabel]
        if self.ui.built():
            labels.append(self.ui.createCapsLockLabel)
        for label in labels:
            if on:
                show_message(label, self.tr("Caps Lock is on"))
            else:
                clear_message(label)
        if on:
            announce(self, self.tr("Caps Lock is on"))

    def capsLockShown(self) -> bool:
        return bool(self._caps.state)

    # -- create -----------------------------------------------------------------

    def _update_create_page(self) -> None:
        if not self.ui.built():
            return  # nothing to update: it is built (and updated) when it shows
        if self._busy:
            # While the vault is being created the page holds still: the fields are
            # wiped, but the hint and the match line keep what they said (nothing
            # reflows or clips under the busy cursor), and Create stays off.
            self.ui.createVaultButton.setEnabled(False)
            return
        new = self.ui.newPassphraseEdit.text()
        confirm = self.ui.confirmPassphraseEdit.text()
        verdict = show_strength(new, self.ui.strengthBar, self.ui.strengthLabel)

        matches = bool(new) and new == confirm
        if not confirm:
            clear_message(self.ui.mismatchLabel)
        elif matches:
            self._say(self.ui.mismatchLabel, self.tr("The passphrases match."), "ok")
        elif new.startswith(confirm):
            # Still typing the second copy: no error for a correct beginning.
            clear_message(self.ui.mismatchLabel)
        else:
            self._say(self.ui.mismatchLabel, self.tr("The two passphrases do not match."))
        self.ui.createVaultButton.setEnabled(verdict.acceptable and matches and not self._busy)

    def _create(self) -> None:
        new = self.ui.newPassphraseEdit.text()
        if self._busy:
            return
        from alliance_desktop.vault.passphrase import strength

        if not (strength(new).acceptable and new == self.ui.confirmPassphraseEdit.text()):
            self._explain_refusal()
            return
        self._set_busy(True)  # first: the page holds still from here on
        wipe(self.ui.newPassphraseEdit)
        wipe(self.ui.confirmPassphraseEdit)
        self._say(self.ui.createMessageLabel, self.tr("Creating your vault…"), "hint")
        self._create_now(new)

    def _explain_refusal(self) -> None:
        """Enter on a passphrase Create refuses: say why again, at the field at fault."""
        from alliance_desktop.vault.passphrase import strength

        if not strength(self.ui.newPassphraseEdit.text()).acceptable:
            announce(self.ui.strengthLabel, self.ui.strengthLabel.text(), assertive=True)
            self.ui.newPassphraseEdit.setFocus()
        else:
            text = self.ui.mismatchLabel.text() or self.tr("Type the same passphrase again.")
            announce(self.ui.mismatchLabel, text, assertive=True)
            self.ui.confirmPassphraseEdit.setFocus()

    def _create_now(self, passphrase: str) -> None:
        """Create the vault in the worker (the key derivation takes a moment); the
        window keeps painting, busy, until ``_create_ended``."""
        path = self._path
        self._key_in_worker(lambda secret: (access.create(path, secret), None), passphrase,
                            "_create_ended")  # fmt: skip

    def _create_ended(self, outcome: Opened | None, error: BaseException | None) -> None:
        label = self.ui.createMessageLabel
        try:
            if error is not None:
                raise error
            assert outcome is not None and outcome[0] is not None
            vault = outcome[0]
        except VaultBusyError as exc:
            self._set_busy(False)
            self._say(label, str(exc))
        except VaultExistsError:
            self._set_busy(False)
            self.refresh()
            self._say(
                self.ui.unlockMessageLabel,
                self.tr(
                    "A vault already exists at this location. Enter its passphrase to open it."
                ),
                "hint",
            )
            clear_message(label)
            return
        except WeakPassphraseError as exc:
            self._set_busy(False)
            self._say(label, str(exc))
        except VaultError as exc:
            self._set_busy(False)
            self._say(label, self.tr("The vault could not be created. {detail}").format(detail=exc))
        except OSError as exc:
            self._set_busy(False)
            self._say(
                label,
                self.tr("The vault could not be created: {detail}.").format(
                    detail=exc.strerror or exc
                ),
            )
        except BaseException:
            self._set_busy(False)  # a bug: the crash dialog says so, the page is usable
            raise
        else:
            self._set_busy(False)
            clear_message(label)
            self.refresh()
            self.unlocked.emit(vault)
            return
        self._update_create_page()
        self.ui.newPassphraseEdit.setFocus()

    # -- unlock -----------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            QApplication.setOverrideCursor(QCursor(QtCore.Qt.CursorShape.WaitCursor))
        else:
            QApplication.restoreOverrideCursor()
        self.ui.unlockButton.setEnabled(not busy and not self._throttle.isActive())
        self.restoreButton.setEnabled(not busy)
        # Read-only rather than disabled: the cursor stays where it was, and the
        # vault path below does not take the focus (and a selection) meanwhile.
        if self.ui.built():
            for edit in (self.ui.newPassphraseEdit, self.ui.confirmPassphraseEdit):
                edit.setReadOnly(busy)
        self._update_create_page()

    def _submit(self) -> None:
        if self._busy or self._check_throttle():
            return
        edit = self.ui.passphraseEdit
        passphrase = edit.text()
        wipe(edit)
        self._reveal[0].setChecked(False)
        if not passphrase:
            self._say(self.ui.unlockMessageLabel, self.tr("Enter your passphrase."), "hint")
            edit.setFocus()
            return
        self._set_busy(True)
        self._say(self.ui.unlockMessageLabel, self.tr("Opening…"), "hint")
        self._open_now(passphrase)

    def _open_now(self, passphrase: str) -> None:
        """Open the vault in the worker: the key derivation (a quarter of a second or
        more) never holds the event loop; the window stays busy until ``_unlock_ended``."""
        if "\x00" in passphrase:  # cannot be part of any passphrase we accept
            self._unlock_ended(None, WrongPassphraseError())
            return
        path, read_only = self._path, self.devices.readOnly

        def work(secret: str) -> Opened:
            return access.unlock(path, secret, interactive=True, read_only=read_only), None

        self._key_in_worker(work, passphrase, "_unlock_ended")

    def _unlock_ended(self, outcome: Opened | None, error: BaseException | None) -> None:
        label = self.ui.unlockMessageLabel
        try:
            if error is not None:
                raise error
            assert outcome is not None and outcome[0] is not None
            vault = outcome[0]
        except WrongPassphraseError:
            self._set_busy(False)
            self._wrong_passphrase()
            return
        except VaultBusyError as exc:
            # Another window or a CLI command writes to it: do not open a second writer.
            message = str(exc)
        except VaultNotFoundError:
            self._set_busy(False)
            self.refresh()
            self._say(
                self.ui.createMessageLabel,
                self.tr(
                    "There is no longer a vault at this location. You can create a new one "
                    "here, or restore a backup to this path and start the app again."
                ),
                "hint",
            )
            return
        except NotEncryptedError:
            message = self.tr(
                "This file is a plain, unencrypted SQLite database, not an Alliance Desktop vault."
            )
        except NotAVaultError:
            message = self.tr("This file is not an Alliance Desktop vault.")
        except NewerVaultError:
            message = self.tr(
                "This vault was saved by a newer version of Alliance Desktop. Update the app "
                "to open it; the file was not changed."
            )
        except VaultDamagedError as exc:
            self.showDamaged(exc)
            return
        except VaultError as exc:
            message = self.tr("The vault could not be opened. {detail}").format(detail=exc)
        except OSError as exc:
            message = self.tr("The vault file could not be read: {detail}.").format(
                detail=exc.strerror or exc
            )
        except BaseException:
            self._set_busy(False)  # a bug: the crash dialog says so, the page is usable
            raise
        else:
            self._set_busy(False)
            clear_message(label)
            self.unlocked.emit(vault)
            return
        self._set_busy(False)
        self._say(label, message)
        self.ui.passphraseEdit.setFocus()

    def _wrong_passphrase(self) -> None:
        self._say(self.ui.unlockMessageLabel, self.tr("Wrong passphrase, or not a vault."))
        if not self._check_throttle():
            self.ui.passphraseEdit.setFocus()

    def _check_throttle(self) -> bool:
        """Start the countdown if the persisted throttle asks for a wait; True if it does."""
        if self._throttle.isActive():
            return True
        wait_ms = math.ceil(access.seconds_to_wait(self._path) * 1000)
        if wait_ms <= 0:
            return False
        self._throttle.start(wait_ms)
        self._countdown.start()
        self.ui.passphraseEdit.setEnabled(False)
        self.ui.unlockButton.setEnabled(False)
        self._show_countdown()
        announce(self.ui.unlockMessageLabel, self.ui.unlockMessageLabel.text(), assertive=True)
        return True

    def _show_countdown(self) -> None:
        if not self._throttle.isActive():
            return
        seconds = max(1, math.ceil(self._throttle.remainingTime() / 1000))
        text = (
            self.tr("Wrong passphrase, or not a vault.")
            + "\n"
            + self.tr("Too many attempts: you can try again in %n s.", "", seconds)
        )
        if not self.ui.unlockMessageLabel.text().endswith(text):
            show_message(self.ui.unlockMessageLabel, text)

    def _end_throttle(self) -> None:
        # Another window or a CLI run may have failed meanwhile: ask the throttle again.
        if self._check_throttle():
            return
        self._countdown.stop()
        self.ui.passphraseEdit.setEnabled(True)
        self.ui.unlockButton.setEnabled(not self._busy)
        self._say(
            self.ui.unlockMessageLabel,
            self.tr("Wrong passphrase, or not a vault.") + "\n" + self.tr("You can try again now."),
        )
        if self.mode() == "unlock":
            self.ui.passphraseEdit.setFocus()
