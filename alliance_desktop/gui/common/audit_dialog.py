"""The vault's activity log: when it was unlocked, exported, backed up, restored or
rekeyed. The log never holds content, so showing it shows nothing sensitive."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget

from alliance_desktop.gui.common.dates import date_time
from alliance_desktop.gui.common.feedback import repolish_roles
from alliance_desktop.gui.forms.ui_audit_dialog import Ui_AuditDialog


def event_label(event: str) -> str:
    labels = {
        "unlock": QCoreApplication.translate("audit", "Unlocked"),
        "unlock_failed": QCoreApplication.translate("audit", "Failed unlock"),
        "export": QCoreApplication.translate("audit", "Exported (plain text)"),
        "import": QCoreApplication.translate("audit", "Imported"),
        "backup": QCoreApplication.translate("audit", "Backed up"),
        "restore": QCoreApplication.translate("audit", "Restored from a backup"),
        "passphrase_changed": QCoreApplication.translate("audit", "Passphrase changed"),
        "chart": QCoreApplication.translate("audit", "Chart saved"),
        "report": QCoreApplication.translate("audit", "Supervision packet written"),
    }
    return labels.get(event, event.replace("_", " ").capitalize())


class AuditDialog(QDialog):
    def __init__(self, entries: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AuditDialog()
        self.ui.setupUi(self)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Detail")])
        for at, event, detail in reversed(entries):
            # The same instant in local time (a naive stamp is taken as local, as before).
            when = datetime.fromisoformat(at)
            if when.tzinfo is None:
                when = when.astimezone()
            row = [
                QStandardItem(date_time(when)),
                QStandardItem(event_label(event)),
                QStandardItem(detail),
            ]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        self.table = self.ui.auditTable
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.ui.auditEmptyLabel.setVisible(not entries)
        close = self.ui.auditButtons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeButton")
        close.setAccessibleName(self.tr("Close"))
        self.ui.auditButtons.rejected.connect(self.reject)
        repolish_roles(self)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
