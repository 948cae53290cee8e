"""A banner: one sentence across the top of a page, with the buttons that act on it.

Used for what another device did to the vault (issue 14): the file changed under the
open app, the vault opened read-only, conflict copies beside it. The sentence is an
alert for screen readers and wraps; the buttons sit under it, at the right.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.gui.common.accessibility import announce, mark_alert


class Banner(QFrame):
    """A framed sentence with optional buttons; hidden until ``say`` shows it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        self.label = QLabel(self)
        self.label.setObjectName(name + "Text")
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setWeight(font.Weight.DemiBold)
        self.label.setFont(font)
        mark_alert(self.label)
        layout.addWidget(self.label)
        layout.addLayout(self._row)  # the buttons, under the sentence at its right
        self.hide()

    def addButton(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        self._row.addWidget(button)
        return button

    def text(self) -> str:
        return self.label.text()

    def say(self, text: str) -> None:
        """Show the banner with ``text`` (announced when it is new)."""
        new = text != self.label.text() or self.isHidden()
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()
        if new:
            announce(self.label, text, assertive=True)

    def clear(self) -> None:
        self.label.clear()
        self.hide()


__all__ = ["Banner"]
