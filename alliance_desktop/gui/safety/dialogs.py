"""The dialogs of the safety net: export, restore a backup, change the passphrase and
Recently deleted. They collect input and show results; the hub runs the use cases."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from alliance_desktop.app.backups import BackupInfo
from alliance_desktop.app.trash import DeletedItem
from alliance_desktop.gui.common import file_dialogs
from alliance_desktop.gui.common.accessibility import announce, mark_alert, name_clear_button
from alliance_desktop.gui.common.feedback import repolish_roles
from alliance_desktop.gui.forms.ui_change_passphrase_dialog import Ui_ChangePassphraseDialog
from alliance_desktop.gui.forms.ui_export_dialog import Ui_ExportDialog
from alliance_desktop.gui.forms.ui_recently_deleted_dialog import Ui_RecentlyDeletedDialog
from alliance_desktop.gui.forms.ui_restore_backup_dialog import Ui_RestoreBackupDialog
from alliance_desktop.vault.passphrase import strength

ROLE_ID = Qt.ItemDataRole.UserRole


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def _name_cancel(buttons: QDialogButtonBox) -> None:
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if cancel is not None:
        cancel.setAccessibleName(QCoreApplication.translate("SafetyDialogs", "Cancel"))


def first_words(text: str, n: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _when(moment: datetime) -> tuple[str, str]:
    local = moment.astimezone() if moment.tzinfo else moment
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M")


class ExportDialog(QDialog):
    """CSV or JSON, where to, and the warning that the file is not encrypted."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        self._folder = folder
        self.csvRadio = self.ui.exportCsvRadio
        self.jsonRadio = self.ui.exportJsonRadio
        self.pathEdit = self.ui.exportPathEdit
        self.pathEdit.setText(str(folder / "alliance-export.csv"))
        name_clear_button(self.pathEdit)
        self.browseButton = self.ui.exportBrowseButton
        self.browseButton.clicked.connect(self._browse)
        self.buttons = self.ui.exportButtons
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export"))
        _named(ok, "exportOkButton", self.tr("Export"))
        _name_cancel(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.csvRadio.toggled.connect(self._format_changed)
        self.resize(520, self.sizeHint().height())

    def format(self) -> str:
        return "json" if self.jsonRadio.isChecked() else "csv"

    def _format_changed(self) -> None:
        path = Path(self.pathEdit.text().strip() or "alliance-export")
        self.pathEdit.setText(str(path.with_suffix("." + self.format())))

    def _browse(self) -> None:
        fmt = self.format()
        chosen, _ = file_dialogs.get_save_file_name(
            self,
            self.tr("Export to"),
            self.pathEdit.text() or str(self._folder),
            self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("JSON files (*.json)"),
        )
        if chosen:
            self.pathEdit.setText(chosen)

    def choice(self) -> tuple[str, Path]:
        fmt = self.format()
        path = Path(self.pathEdit.text().strip()).expanduser()
        if path.suffix.lower() != "." + fmt:
            path = path.with_name(path.name + "." + fmt)
        return fmt, path


class RestoreBackupDialog(QDialog):
    """The backups, newest first; the backup's passphrase; nothing replaced until the
    backup was checked whole (the hub checks it before it locks anything)."""

    checkRequested = Signal()  # count the sessions of every backup with the passphrase
    restoreRequested = Signal()  # check the chosen one, then restore it

    def __init__(
        self, found: list[BackupInfo], folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreBackupDialog()
        self.ui.setupUi(self)
        self._backups = sorted(found, key=lambda b: b.taken_at, reverse=True)
        self.ui.restoreIntroLabel.setText(
            self.tr(
                "Backups in {folder}, newest first. The one you choose is checked "
                "completely before it replaces the open vault; the vault you have now "
                "is kept beside it, not deleted."
            ).format(folder=folder)
        )
        self.backupList = self.ui.backupList
        for b in self._backups:
            day, time = _when(b.taken_at)
            item = QTreeWidgetItem(
                [
                    day,
                    time,
                    "—",
                    self.tr("{kb} KB").format(kb=max(1, b.size // 1024)),
                    self.tr("looks whole") if b.verified else self.tr("damaged"),
                ]
            )
            item.setData(0, ROLE_ID, str(b.path))
            if not b.verified:
                item.setDisabled(True)
            self.backupList.addTopLevelItem(item)
        header = self.backupList.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        first = next((b for b in range(len(self._backups)) if self._backups[b].verified), None)
        top = self.backupList.topLevelItem(first) if first is not None else None
        if top is not None:
            self.backupList.setCurrentItem(top)
        self.emptyLabel = self.ui.restoreEmptyLabel
        self.emptyLabel.setVisible(not self._backups)
        self.passphraseEdit = self.ui.restorePassphraseEdit
        self.feedbackLabel = mark_alert(self.ui.restoreFeedbackLabel)
        self.feedbackLabel.hide()
        self.buttons = self.ui.restoreButtons
        self.checkButton = QPushButton(self.tr("Count &sessions"))
        _named(self.checkButton, "checkBackupsButton", self.tr("Count the sessions in each backup"))
        self.checkButton.setToolTip(
            self.tr("Open each backup with the passphrase above and count its sessions")
        )
        self.checkButton.clicked.connect(self._check)
        self.buttons.addButton(self.checkButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText(self.tr("&Restore"))
        _named(self.okButton, "restoreOkButton", self.tr("Restore"))
        _name_cancel(self.buttons)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.passphraseEdit.textChanged.connect(self._update)
        self.backupList.currentItemChanged.connect(self._update)
        repolish_roles(self)
        self._update()
        self.passphraseEdit.setFocus()

    def _update(self, *_args: object) -> None:
        item = self.backupList.currentItem()
        typed = bool(self.passphraseEdit.text())
        self.okButton.setEnabled(typed and item is not None and not item.isDisabled())
        self.checkButton.setEnabled(typed and any(b.verified for b in self._backups))

    def _check(self) -> None:
        if self.checkButton.isEnabled():
            self.feedbackLabel.hide()
            self.checkRequested.emit()

    def _restore(self) -> None:
        if self.okButton.isEnabled():
            self.feedbackLabel.hide()
            self.restoreRequested.emit()

    def backups(self) -> list[BackupInfo]:
        return list(self._backups)

    def passphrase(self) -> str:
        return self.passphraseEdit.text()

    def setCounts(self, backup: BackupInfo, clients: int, sessions: int) -> None:
        """Show what a checked backup holds in its row."""
        for i in range(self.backupList.topLevelItemCount()):
            item = self.backupList.topLevelItem(i)
            if item is not None and item.data(0, ROLE_ID) == str(backup.path):
                item.setText(2, str(sessions))
                item.setToolTip(
                    2, self.tr("{c} clients, {s} sessions").format(c=clients, s=sessions)
                )
                item.setText(4, self.tr("checked"))

    def showError(self, message: str) -> None:
        self.feedbackLabel.setText(message)
        self.feedbackLabel.show()
        announce(self.feedbackLabel, message, assertive=True)

    def selected(self) -> BackupInfo | None:
        item = self.backupList.currentItem()
        if item is None:
            return None
        path = item.data(0, ROLE_ID)
        return next((b for b in self._backups if str(b.path) == path), None)

    def choice(self) -> tuple[BackupInfo | None, str]:
        chosen, text = self.selected(), self.passphraseEdit.text()
        self.passphraseEdit.clear()
        return chosen, text


class ChangePassphraseDialog(QDialog):
    """Current passphrase, the new one twice, and how strong the new one is."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChangePassphraseDialog()
        self.ui.setupUi(self)
        self.currentEdit = self.ui.currentPassphraseEdit
        self.newEdit = self.ui.newPassphraseEdit
        self.repeatEdit = self.ui.repeatPassphraseEdit
        self.strengthBar = self.ui.passphraseStrengthBar
        self.strengthLabel = self.ui.passphraseStrengthLabel
        self.feedbackLabel = mark_alert(self.ui.changePassphraseFeedback)
        self.feedbackLabel.hide()
        self.buttons = self.ui.changePassphraseButtons
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText(self.tr("&Change"))
        _named(self.okButton, "changePassphraseOkButton", self.tr("Change passphrase"))
        _name_cancel(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.currentEdit, self.newEdit, self.repeatEdit):
            edit.textChanged.connect(self._update)
        repolish_roles(self)
        self._update()
        self.resize(480, self.sizeHint().height())

    def _update(self, *_args: object) -> None:
        new = self.newEdit.text()
        verdict = strength(new) if new else None
        if verdict is None:
            self.strengthBar.setValue(0)
            self.strengthLabel.setText(self.tr("Choose a long phrase of several words."))
        else:
            self.strengthBar.setValue(min(100, int(verdict.bits * 100 / 80)))
            text = self.tr("Strength: {label}.").format(label=self.tr(verdict.label))
            if not verdict.acceptable and verdict.advice:
                text += " " + self.tr(verdict.advice)
            self.strengthLabel.setText(text)
        matches = new == self.repeatEdit.text()
        if self.repeatEdit.text() and not matches:
            self.strengthLabel.setText(self.tr("The two new passphrases differ."))
        self.okButton.setEnabled(
            bool(self.currentEdit.text()) and verdict is not None and verdict.acceptable and matches
        )

    def _submit(self) -> None:
        if self.okButton.isEnabled():
            self.feedbackLabel.hide()
            self.submitted.emit()

    def values(self) -> tuple[str, str]:
        return self.currentEdit.text(), self.newEdit.text()

    def showError(self, message: str) -> None:
        self.feedbackLabel.setText(message)
        self.feedbackLabel.show()
        announce(self.feedbackLabel, message, assertive=True)

    def wipe(self) -> None:
        for edit in (self.currentEdit, self.newEdit, self.repeatEdit):
            edit.clear()


class RecentlyDeletedDialog(QDialog):
    """What was deleted in the last 30 days: restore one, or empty the list now."""

    restoreRequested = Signal(int)
    emptyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecentlyDeletedDialog()
        self.ui.setupUi(self)
        self.itemList = self.ui.recentlyDeletedList
        header = self.itemList.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.itemList.itemActivated.connect(lambda *_: self._restore())
        self.emptyLabel = self.ui.recentlyDeletedEmpty
        self.messageLabel = self.ui.recentlyDeletedMessage
        self.messageLabel.hide()
        self.restoreButton = self.ui.restoreDeletedButton
        self.restoreButton.clicked.connect(self._restore)
        self.emptyButton = self.ui.emptyRecentlyDeletedButton
        self.emptyButton.clicked.connect(self.emptyRequested.emit)
        self.closeButton = self.ui.closeRecentlyDeletedButton
        self.closeButton.clicked.connect(self.accept)
        self.itemList.currentItemChanged.connect(self._update)
        repolish_roles(self)

    def setItems(self, items: list[DeletedItem]) -> None:
        self.itemList.clear()
        for it in items:
            if it.session is not None:
                words = first_words(it.session.reflection.plain_text())
                what = self.tr("Session of {date}").format(date=it.session.date.isoformat())
                if words:
                    what += f" — “{words}”"
            else:
                what = (
                    self.tr("Client {code} with {n} sessions").format(
                        code=it.code, n=it.session_count
                    )
                    if it.session_count
                    else self.tr("Client {code}, no sessions").format(code=it.code)
                )
            deleted_day, deleted_time = _when(it.deleted_at)
            until, _ = _when(it.expires_at)
            row = QTreeWidgetItem([what, it.code, f"{deleted_day} {deleted_time}", until])
            row.setData(0, ROLE_ID, it.id)
            row.setToolTip(0, what)
            self.itemList.addTopLevelItem(row)
        top = self.itemList.topLevelItem(0) if items else None
        if top is not None:
            self.itemList.setCurrentItem(top)
        self.emptyLabel.setVisible(not items)
        self._update()
        self.itemList.setFocus()

    def _update(self, *_args: object) -> None:
        has = self.itemList.currentItem() is not None
        self.restoreButton.setEnabled(has)
        self.emptyButton.setEnabled(self.itemList.topLevelItemCount() > 0)

    def _restore(self) -> None:
        item = self.itemList.currentItem()
        if item is not None:
            self.restoreRequested.emit(int(item.data(0, ROLE_ID)))

    def showError(self, message: str) -> None:
        self._show(message, "error")
        announce(self.messageLabel, message, assertive=True)

    def showMessage(self, message: str) -> None:
        self._show(message, "hint")
        announce(self.messageLabel, message)

    def _show(self, message: str, role: str) -> None:
        self.messageLabel.setProperty("role", role)
        self.messageLabel.style().unpolish(self.messageLabel)
        self.messageLabel.style().polish(self.messageLabel)
        self.messageLabel.setText(message)
        self.messageLabel.show()


__all__ = [
    "ChangePassphraseDialog",
    "ExportDialog",
    "RecentlyDeletedDialog",
    "RestoreBackupDialog",
    "first_words",
]
