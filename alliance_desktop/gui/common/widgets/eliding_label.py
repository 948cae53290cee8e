"""A one-line label that never asks for more width than it is given.

A plain ``QLabel`` wants its whole text's width: the client page's title (code,
sessions, first date, status) beside the outcome chip made the page, and so the
window, at least 720-950 px wide, depending on the client, and the window could not
be made narrower than that. This label takes the width its layout gives it and cuts
the text with "…" to fit; the whole text is then its tooltip and its accessible name,
so a screen reader still reads all of it. ``text()`` is always the whole text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_RESTYLED = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PolishRequest)


class ElidingLabel(QLabel):
    """One line of text, cut with "…" where its layout gives it less than it needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._elided = False
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()

    def clear(self) -> None:
        # A lock clears the title: the whole text goes from the tooltip and the
        # accessible name too, not only from the label.
        self.setText("")

    def text(self) -> str:
        return self._full

    def displayedText(self) -> str:
        """What the label draws: the whole text, or its start and "…"."""
        return QLabel.text(self)

    def isElided(self) -> bool:
        return self._elided

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _RESTYLED:
            self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width() - 2 * max(self.margin(), 0)
        full = self._full
        shown = full
        if full and width > 0 and self.fontMetrics().horizontalAdvance(full) > width:
            shown = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, width)
        if QLabel.text(self) != shown:
            QLabel.setText(self, shown)
        elided = shown != full
        whole = full if elided else ""
        if elided != self._elided or self.toolTip() != whole:
            self._elided = elided
            self.setToolTip(whole)
            self.setAccessibleName(whole)


__all__ = ["ElidingLabel"]
