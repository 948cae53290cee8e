"""Two devices, one vault, inside the window (issue 14).

The controller builds one ``DevicesHub`` with the main window. While a vault is open
it watches the file and its folder (``gui.common.vault_watch``):

- the file replaced or changed by another writer (or a write refused with
  ``VaultReplacedError``): the draft is kept in memory and the app locks, the unlock
  screen shows ``externalChangeBanner``; unlocking opens the new file and the lock's
  place-and-draft path puts the draft back in the editor;
- conflict copies beside the vault: ``conflictCopiesBanner`` with Merge…; File ›
  Merge another copy… (``actionMerge``) merges any file;
- opened read-only (another device has it open): ``readOnlyBanner``, every write
  action disabled with the reason as its tool tip, the editor kept in reading mode;
- a session with a conflict version: the ``ConflictBar`` above the editor.

The writer lock says every few minutes that this device is still alive, so another
device reading the synced lock file can tell a fresh lock from one left long ago.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout

from alliance_desktop.gui import operations
from alliance_desktop.gui.common import file_dialogs
from alliance_desktop.gui.common.banner import Banner
from alliance_desktop.gui.common.vault_watch import VaultWatch
from alliance_desktop.gui.safety.merge import ConflictBar, merge_file, summary

TOUCH_MS = 5 * 60 * 1000
MESSAGE_MS = 15000
#: Buttons of the window that write (they follow no action): off while read-only.
WRITE_BUTTONS = ("addClientButton", "emptyAddClientButton", "newSessionButton",
                 "resumeDraftButton", "discardDraftButton")  # fmt: skip
#: The window's actions that write to the vault (or need a writer): off while read-only.
WRITE_ACTIONS = (
    "actionNewSession", "actionNewClient", "actionBackup", "actionEditClient",
    "actionToggleClosed", "actionDeleteClient", "actionDeleteSession", "actionUndoDelete",
    "actionSettings", "actionRestoreBackup", "actionChangePassphrase",
    "actionRecentlyDeleted", "actionMerge",
)  # fmt: skip


class DevicesHub(QObject):
    """Watches the open vault for other devices and offers what to do about them."""

    def __init__(self, controller: Any, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("devicesHub")
        self.ctl = controller
        self.w = window
        self.readOnly = False
        self.lastMessage = ""
        self._reason = ""
        self._disabled: list[tuple[QAction, str]] = []

        self.watch = VaultWatch(self)
        self.watch.replaced.connect(self.externalChange)
        self.watch.copiesChanged.connect(self._show_copies)
        operations.events().vaultReplaced.connect(self.externalChange)

        self.readOnlyBanner = Banner("readOnlyBanner", window)
        self.copiesBanner = Banner("conflictCopiesBanner", window)
        self.mergeCopyButton = self.copiesBanner.addButton("mergeCopyButton", self.tr("&Merge…"))
        self.mergeCopyButton.clicked.connect(self.mergeFirstCopy)
        window.addBanner(self.readOnlyBanner)
        window.addBanner(self.copiesBanner)
        self.conflictBar = ConflictBar(window)
        window.addEditorBar(self.conflictBar)
        # Below the bars already there (the plan bar keeps its place at the top).
        holder = self.conflictBar.parentWidget()
        bars = holder.layout() if holder is not None else None
        if isinstance(bars, QBoxLayout):
            at = bars.indexOf(self.conflictBar)
            bars.removeWidget(self.conflictBar)
            bars.insertWidget(at + 1, self.conflictBar)
        window.pageChanged.connect(self._page_changed)
        window.clientShown.connect(self._page_changed)
        window.editor.changed.connect(self._page_changed)
        window.editor.editingStarted.connect(self._editing_started)

        self.actionMerge = window.registerAction(
            "actionMerge", self.tr("&Merge another copy…"), menu="file",
            triggered=self.mergeOther, before="actionQuit", separator=True,
        )  # fmt: skip
        self._touch = QTimer(self, interval=TOUCH_MS)
        self._touch.timeout.connect(self._still_alive)
        controller.unlocked.connect(self._opened)
        controller.locked.connect(self._closed)

    # -- open and locked ----------------------------------------------------------

    def _opened(self) -> None:
        vault = self.ctl.vault
        if vault is None:
            return
        from alliance_desktop.vault.file_identity import is_read_only

        self.watch.watch(vault)
        self._touch.start()
        self.readOnly = is_read_only(vault)
        if self.readOnly:
            self._enter_read_only()
        self.conflictBar.refresh(force=True)

    def _closed(self) -> None:
        self.watch.stop()
        self._touch.stop()
        self.copiesBanner.clear()
        self.readOnlyBanner.clear()
        self.conflictBar.clear()
        for action, tip in self._disabled:
            action.setToolTip(tip)
            action.setStatusTip("")
        self._disabled = []
        from PySide6.QtWidgets import QPushButton

        for name in WRITE_BUTTONS if self.readOnly else ():
            button = self.w.findChild(QPushButton, name)
            if button is not None:
                button.setEnabled(True)
                button.setToolTip("")
        self.readOnly = False

    def _still_alive(self) -> None:
        vault = self.ctl.vault
        held = getattr(vault, "writer_lock", None) if vault is not None else None
        if held is not None:
            held.touch()

    def externalChange(self) -> None:
        """Another device changed the file: keep the draft, lock, say so."""
        if self.ctl.vault is None:
            return
        self.watch.stop()
        self.ctl.lock(external=True)

    # -- read-only ---------------------------------------------------------------

    def readOnlyReason(self) -> str:
        from alliance_desktop.vault.writer_lock import other_device

        holder = other_device(self.ctl.vault_path)
        if holder is not None:
            return self.tr(
                "Read-only: this vault is open on {device}. Lock and choose Open anyway to "
                "make changes here."
            ).format(device=holder.device)
        return self.tr("Read-only: lock and choose Open anyway to make changes here.")

    def _enter_read_only(self) -> None:
        reason = self._reason = self.readOnlyReason()
        self.readOnlyBanner.say(reason)
        for name in WRITE_ACTIONS:
            try:
                action = self.w.action(name)
            except KeyError:
                continue
            self._disabled.append((action, action.toolTip()))
        self._switch_off()
        self.w.flash(reason, MESSAGE_MS)

    def _switch_off(self) -> None:
        """Every write action and button off, its tool tip saying why (again after a view
        turned its own back on for a client)."""
        from PySide6.QtWidgets import QPushButton

        for action, _tip in self._disabled:
            action.setEnabled(False)
            action.setToolTip(self._reason)
            action.setStatusTip(self._reason)
        for name in WRITE_BUTTONS:
            button = self.w.findChild(QPushButton, name)
            if button is not None:
                button.setEnabled(False)
                button.setToolTip(self._reason)

    def _editing_started(self, _session_id: object = None) -> None:
        if self.readOnly:
            self._keep_reading()

    def _keep_reading(self) -> None:
        session_id = self.w.editorSessionId()
        if session_id is not None:
            self.w.readSession(session_id)
        else:
            self.w.closeEditor()
        self.w.flash(self.readOnlyReason(), MESSAGE_MS)

    def _page_changed(self, *_args: object) -> None:
        if self.ctl.vault is None:
            return
        if self.readOnly:
            QTimer.singleShot(0, self, self._switch_off)
            if self.w.isShowingEditor() and not self.w.editor.isReading():
                QTimer.singleShot(0, self, self._keep_reading)
        self.conflictBar.refresh()

    # -- conflict copies and merging -------------------------------------------------

    def _show_copies(self, copies: list) -> None:
        if not copies or self.readOnly:
            self.copiesBanner.clear()
            return
        first = copies[0]
        when = f"{first.date} {first.time}" if first.time else first.date
        text = (
            self.tr("A sync tool left a conflict copy of this vault beside it ({when}).")
            if len(copies) == 1
            else self.tr("A sync tool left {n} conflict copies of this vault beside it.")
        )
        self.copiesBanner.say(text.format(when=when, n=len(copies)))

    def mergeFirstCopy(self) -> None:
        if self.watch.copies:
            self.merge(self.watch.copies[0].path, move_aside=True)

    def mergeOther(self) -> None:
        if self.ctl.vault is None:
            return
        chosen, _filter = file_dialogs.get_open_file_name(
            self.w, self.tr("Merge another copy"), self.ctl.vault_path.parent
        )
        if chosen:
            from alliance_desktop.app.merge import parse_conflict_name

            self.merge(chosen, move_aside=parse_conflict_name(Path(chosen)) is not None)

    def merge(self, path: Any, *, move_aside: bool, ask: Any = None) -> Any:
        vault = self.ctl.vault
        if vault is None:
            return None
        kwargs = {"ask": ask} if ask is not None else {}
        report = merge_file(self.w, vault, Path(path), move_aside=move_aside, **kwargs)
        if report is None:
            return None
        message = summary(report)
        if report.moved_to is not None:
            message += ". " + self.tr("The copy was kept as {name}.").format(
                name=report.moved_to.name
            )
        self.w.flash(message, MESSAGE_MS)
        self.lastMessage = message
        self.watch._update_copies()
        self.conflictBar.refresh(force=True)
        return report


__all__ = ["WRITE_ACTIONS", "DevicesHub"]
