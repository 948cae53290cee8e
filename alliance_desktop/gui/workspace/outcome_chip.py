"""The client's outcome classification, first to latest, beside the client page's title."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        self._border: str | None = None  # the style sheet's colour, set only on a change
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
        border = CHIP_BORDER[self._status]
        # A new style sheet repolishes the chip and lays the page out again (each client
        # switch did): set it only when the colour changes.
        if border != self._border:
            self._border = border
            self.setStyleSheet(
                f"QLabel#outcomeStatusChip {{ border: 2px solid {border}; border-radius: 10px; "
                "padding: 2px 10px; background: palette(base); color: palette(text); "
                "font-weight: 600; }"
            )
        self.show()

    def status(self) -> str | None:
        return self._status


__all__ = ["CHIP_BORDER", "OutcomeChip"]
