"""The client's outcome classification, first to latest, beside the client page's title."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.gui.workspace.models import outcome_chip
from alliance_desktop.insights.outcome import OutcomeChange

#: Okabe-Ito colours for the outcome chip's border; each is at least 3:1 against both
#: the light and the dark window, and the words and the glyph carry the meaning anyway.
CHIP_BORDER = {
    "recovered": "#009E73",
    "improved": "#0072B2",
    "unchanged": "#808080",
    "deteriorated": "#D55E00",
}
BORDER = 2  # px
RADIUS = 10  # px, the border's outer edge
PAD_X, PAD_Y = 14, 2  # px, between the border and the text


class OutcomeChip(QLabel):
    """The client's outcome classification, first to latest, beside the page title.

    Hidden below two outcome ratings. The words and a glyph carry the status; the
    border colour only repeats it. Text uses the window's own text colour, so it keeps
    its contrast in light and dark.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeStatusChip")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so it can be read out
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._status: str | None = None
        # Drawn here, not by a style sheet: the rounded box of a sheet was most of the
        # chip's paint, and a label with a sheet is never opaque, so the page and every
        # widget under it painted the chip's rectangle first on every switch. The
        # corners are the window colour (what the chip sits on), the box the base
        # colour, the text the text colour, semi-bold.
        self.setAutoFillBackground(True)
        self.setForegroundRole(QPalette.ColorRole.Text)
        weight = QFont()  # only the weight set: family and size still follow the app's
        weight.setWeight(QFont.Weight.DemiBold)
        self.setFont(weight)
        self.setContentsMargins(BORDER + PAD_X, BORDER + PAD_Y, BORDER + PAD_X, BORDER + PAD_Y)
        self.hide()

    def setChange(self, change: OutcomeChange | None, scale: OutcomeScale) -> None:
        chip = outcome_chip(change, scale)
        if chip is None:
            self._status = None
            self.clear()
            self.setToolTip("")
            self.setAccessibleDescription("")
            self.hide()
            return
        self._status, text, tip = chip
        if self.text() != text:
            self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
        self.update()  # the border's colour
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        half = BORDER / 2
        box = QRectF(self.rect()).adjusted(half, half, -half, -half)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(QRectF(self.rect()), RADIUS, RADIUS)
        finally:
            painter.end()
        super().paintEvent(event)  # the text (and its keyboard selection)
        if self._status is None:
            return
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(CHIP_BORDER[self._status]), BORDER))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, RADIUS - half, RADIUS - half)
        finally:
            painter.end()

    def status(self) -> str | None:
        return self._status


__all__ = ["CHIP_BORDER", "OutcomeChip"]
