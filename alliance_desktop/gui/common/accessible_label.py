"""The accessible interface of a QLabel marked as a heading or an alert message
(``accessibility.mark_heading``, ``mark_alert``). Imported by the accessibility
factory when such a label is first asked for, not before the unlock window shows.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocumentFragment
from PySide6.QtWidgets import QAccessibleWidget, QLabel


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class LabelAccessible(QAccessibleWidget):
    """A QLabel seen as a heading or as an alert message."""

    def __init__(self, label: QLabel, role: QAccessible.Role) -> None:
        super().__init__(label, role)

    def text(self, kind: QAccessible.Text) -> str:
        label = self.object()
        if isinstance(label, QLabel):
            if kind == QAccessible.Text.Name:
                return label.accessibleName() or _plain(label)
            if kind == QAccessible.Text.Description:
                return label.accessibleDescription()
        return super().text(kind)
