"""A label whose text the mouse can select, made selectable only when the mouse is on it.

A selectable ``QLabel`` keeps its text in a rich-text document: every ``setText`` builds
that document again and every relayout lays it out, at each width asked. On the client
page that was about a tenth of a client switch, spent for a selection nobody had
started. This label is plain until the mouse enters it, selectable while the mouse is
on it or a selection is kept, and plain again for the next text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QLabel, QWidget

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
_PLAIN = Qt.TextInteractionFlag.NoTextInteraction


class HoverSelectableLabel(QLabel):
    """A label the mouse can select from, without a document kept for it in between."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(_PLAIN)

    def isSelectable(self) -> bool:
        return bool(self.textInteractionFlags() & _SELECTABLE)

    def setText(self, text: str) -> None:
        # A new text ends any selection: plain again unless the mouse is on it.
        if self.isSelectable() and not self.underMouse():
            self.setTextInteractionFlags(_PLAIN)
        super().setText(text)

    def enterEvent(self, event: QEnterEvent) -> None:
        if not self.isSelectable():
            self.setTextInteractionFlags(_SELECTABLE)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self.isSelectable() and not self.hasSelectedText():
            self.setTextInteractionFlags(_PLAIN)


__all__ = ["HoverSelectableLabel"]
