"""Step 1, the period: from and until, with the packets brought before."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.gui.common.feedback import clear_message, show_message
from alliance_desktop.gui.forms.ui_supervision_period_page import Ui_SupervisionPeriodPage
from alliance_desktop.gui.supervision.util import pydate, qdate

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import PacketRecord

DEFAULT_WEEKS = 8


def default_range(records: list[PacketRecord], today: date) -> tuple[date, date]:
    """From the day after the last packet's period (if recent) or eight weeks back, to today."""
    start = today - timedelta(weeks=DEFAULT_WEEKS)
    if records and records[0].range_to and start < records[0].range_to < today:
        start = records[0].range_to + timedelta(days=1)
    return start, today


class PeriodPage(QWidget):
    """Which sessions the packet covers."""

    #: The period changed and is valid (start <= end).
    rangeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionPeriodPage()
        self.ui.setupUi(self)
        self.fromEdit = self.ui.packetFromEdit
        self.toEdit = self.ui.packetToEdit
        self.rangeError = self.ui.packetRangeError
        self.periodSummary = self.ui.packetPeriodSummary
        self.pastPackets = self.ui.pastPacketsView
        self._quiet = False
        for edit in (self.fromEdit, self.toEdit):
            edit.dateChanged.connect(self._changed)

    def setRange(self, start: date, end: date) -> None:
        """Both ends at once: one change, not two."""
        self._quiet = True
        self.fromEdit.setDate(qdate(start))
        self.toEdit.setDate(qdate(end))
        self._quiet = False
        self._changed()

    def range(self) -> tuple[date, date]:
        return pydate(self.fromEdit.date()), pydate(self.toEdit.date())

    def rangeOk(self) -> bool:
        start, end = self.range()
        return start <= end

    def _changed(self, *_: Any) -> None:
        if self._quiet:
            return
        if not self.rangeOk():
            show_message(self.rangeError, self.tr("The start is after the end of the period."))
        else:
            clear_message(self.rangeError)
        self.rangeChanged.emit()

    def showCount(self, sessions: int) -> None:
        start, end = self.range()
        weeks = max(1, round(((end - start).days + 1) / 7))
        self.periodSummary.setText(
            self.tr("{weeks}, {sessions} in your vault.").format(
                weeks=self.tr("%n week(s)", "", weeks),
                sessions=self.tr("%n session(s)", "", sessions),
            )
        )
