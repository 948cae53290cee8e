"""The crash dialog itself (see crash_dialog): loaded when it is first shown, never at
start-up, with its Designer form."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from alliance_desktop.gui.forms.ui_crash_dialog import Ui_CrashDialog


class CrashDialog(QDialog):
    def __init__(self, summary: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CrashDialog()
        self.ui.setupUi(self)
        self.details = self.ui.crashSummary
        self.details.setPlainText(summary)
        copy = QPushButton(self.tr("Copy summary"), self)
        copy.setObjectName("copySummaryButton")
        copy.setAccessibleName(self.tr("Copy summary"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(summary))
        self.ui.crashButtons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.ui.crashButtons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeButton")
        close.setAccessibleName(self.tr("Close"))
        self.ui.crashButtons.rejected.connect(self.reject)


__all__ = ["CrashDialog"]
