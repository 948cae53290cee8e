"""The privacy screen: one keystroke hides every client code, rating and word on screen.

For the moment someone walks in or the screen is shared. The vault stays unlocked and
nothing is reloaded; the curtain simply covers the whole workspace until dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class PrivacyCurtain(QWidget):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("privacyCurtain")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        icon = QLabel(self)
        icon.setPixmap(QIcon(":/icons/eye-off.svg").pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon)
        self.title = QLabel(self.tr("Hidden for privacy"), self)
        self.title.setObjectName("privacyTitle")
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        hint = QLabel(
            self.tr("Your notes are still open. Press Ctrl+Shift+H or the button to show them."),
            self,
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.showButton = QPushButton(QIcon(":/icons/eye.svg"), self.tr("Show my notes"), self)
        self.showButton.setObjectName("showNotesButton")
        self.showButton.setAccessibleName(self.tr("Show my notes"))
        self.showButton.clicked.connect(self.dismissed.emit)
        row = QVBoxLayout()
        row.addWidget(self.showButton, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(row)
        layout.addStretch(3)
