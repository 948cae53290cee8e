"""A row table whose column widths are measured once per fill, not at every resize.

A ``ResizeToContents`` column asks the view for ``sizeHintForColumn`` whenever the
header lays its sections out, and that is every resize of the view: Qt then measures
the column's rows again (up to the header's ``resizeContentsPrecision``), each row one
call into the Python model and its delegate. On the dashboard that was about 1,500
calls per resize of the window. Made while a background job (the insights analysis,
the strategy estimates) holds the interpreter, each of those calls waits its turn for
it, and a resize stalled the window for 80-100 ms.

``FittedTableView`` keeps each column's hint from its first measure until what it was
measured from changes: the model is reset, rows or columns come or go, the layout or
any cell changes, the font or the style changes. ``measureColumn`` is the measure
itself (Qt's own unless a subclass knows better).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent
from PySide6.QtWidgets import QWidget

from alliance_desktop.gui.common.widgets.row_table import RowTableView

_REMEASURED_ON_EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange)


class FittedTableView(RowTableView):
    """``RowTableView`` with each column's size hint kept until its contents change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hints: dict[int, int] = {}

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in self._remeasured_on(old):
                signal.disconnect(self.forgetColumnHints)
        self._hints.clear()
        if model is not None:
            # Connected before the view and its header connect theirs, so this runs
            # first: the header measures again on a change itself (and on ``dataChanged``
            # at once), and must not be given the width of what was there before.
            for signal in self._remeasured_on(model):
                signal.connect(self.forgetColumnHints)
        super().setModel(model)

    @staticmethod
    def _remeasured_on(model: QAbstractItemModel) -> tuple:
        return (model.modelAboutToBeReset, model.layoutAboutToBeChanged,
                model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved,
                model.columnsAboutToBeInserted, model.columnsAboutToBeRemoved,
                model.dataChanged)  # fmt: skip

    def forgetColumnHints(self, *_args: object) -> None:
        """Measure every column again the next time the header asks."""
        self._hints.clear()

    def sizeHintForColumn(self, column: int) -> int:
        hint = self._hints.get(column)
        if hint is None:
            hint = self._hints[column] = self.measureColumn(column)
        return hint

    def measureColumn(self, column: int) -> int:
        """The column's width hint, measured now (Qt's measure of its rows)."""
        return super().sizeHintForColumn(column)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _REMEASURED_ON_EVENTS:
            self._hints.clear()
        super().changeEvent(event)


__all__ = ["FittedTableView"]
