"""The Supervision menu of the main window and the wizard it opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from alliance_desktop.gui import operations
from alliance_desktop.gui.supervision.past_packets import PastPacketsDialog
from alliance_desktop.gui.supervision.wizard import SupervisionWizard
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.app.changes import Changes
    from alliance_desktop.gui.shell.main_window import MainWindow


class SupervisionHub(QObject):
    """Prepare supervision (Ctrl+Shift+P) and Past packets, in their own menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("supervisionHub")
        self.window = window
        self.wizard: SupervisionWizard | None = None
        w = window
        # In their own menu (before Help), through the shell's action registry.
        self.actionPrepareSupervision = w.registerAction(
            "actionPrepareSupervision", "", shortcut="Ctrl+Shift+P", menu="supervision",
            triggered=self.openWizard,
        )  # fmt: skip
        self.actionPastPackets = w.registerAction(
            "actionPastPackets", "", menu="supervision", triggered=self.showPastPackets
        )
        self.menuSupervision = w.menu("supervision")
        operations.events().vaultChanged.connect(self._vault_changed)
        self.retranslate()

    def _vault_changed(self, changes: Changes) -> None:
        """A new redaction list (Settings) changes what the open wizard's packet shows."""
        if self.wizard is not None and changes.settings:
            self.wizard.redactionChanged()

    def retranslate(self) -> None:
        tr = self.tr
        for action, text in (
            (self.actionPrepareSupervision, tr("&Prepare supervision…")),
            (self.actionPastPackets, tr("P&ast packets…")),
        ):
            action.setText(text)
            action.setToolTip(text.replace("&", "").rstrip("…"))
        self.menuSupervision.setTitle(tr("S&upervision"))

    def openWizard(self) -> SupervisionWizard | None:
        w = self.window
        vault = w.currentVault()
        if vault is None:
            return None
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        w.saveDraftNow()  # public: writes the editor's draft only when it has unsaved work
        try:
            wizard = SupervisionWizard(vault, w)
        except VaultError as exc:
            w.flash(str(exc))
            return None
        wizard.settingsRequested.connect(w.settingsRequested.emit)
        wizard.exported.connect(self._exported)
        wizard.destroyed.connect(self._forget)
        self.wizard = wizard
        wizard.show()
        return wizard

    def _forget(self, *_: Any) -> None:
        self.wizard = None

    def _exported(self, path: Path) -> None:
        self.window.flash(
            self.tr("Supervision packet written to {path}. It is not encrypted.").format(path=path),
            10000,
        )

    def settingsChanged(self) -> None:
        """After Settings closes: the redaction list may have changed."""
        if self.wizard is not None:
            self.wizard.redactionChanged()

    def showPastPackets(self) -> None:
        w = self.window
        vault = w.currentVault()
        if vault is None:
            return
        try:
            records = vault.packets()
        except VaultError as exc:
            w.flash(str(exc))
            return
        dialog = PastPacketsDialog(records, w)
        dialog.show()

    def clear(self) -> None:
        if self.wizard is not None:
            self.wizard.clear()
            self.wizard.close()
            self.wizard = None
