"""The caseload overview as a native Qt table (``caseloadView``), not a chart image.

One row per client in risk order, one column per each of the last sessions (the latest
last, always in view), cells coloured by value with the number drawn. Arrow keys move
between cells; Enter or a double click on a session cell emits ``sessionActivated``
with its id (the shell opens it for reading), on the client cell (or an empty cell)
``clientActivated`` with the client id. Each cell's AccessibleTextRole reads the
client, the session's date and the value (see ``insights.models.CaseloadModel``).

Painting reads each cell as the model worked it out once per fill (text, background,
text colour: ``CaseloadModel.cell``), and the client column's width is measured once
per fill, not over every row at every resize: both ran through Python for every cell
and made the table's paint and each resize a 60-100 ms stall on a large caseload. The
rows that are not selected, current or hovered are painted in one pass
(``RowTableView``): one call into Python per paint, not one per cell, each of which
waited its turn for the interpreter while the insights worker ran.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from alliance_desktop.gui.common.widgets.fitted_table import FittedTableView
from alliance_desktop.gui.common.widgets.row_table import PlainStyledDelegate
from alliance_desktop.gui.insights.models import CELL_ROLE, CaseloadCell, CaseloadModel
from alliance_desktop.gui.workspace.models import CLIENT_ID_ROLE, SESSION_ROLE

_FRAMED = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus


class _Plain:
    """One paint's shared work for the plain cells (``paintPlainCell``)."""

    __slots__ = ("model", "styled", "text")

    def __init__(self, model: CaseloadModel, styled: object, text: QColor) -> None:
        self.model = model
        self.styled = styled
        self.text = text


class CaseloadDelegate(PlainStyledDelegate):
    """Session cells filled with their colour and the number drawn in the contrasting
    colour; the current cell is framed (not recoloured), so its value stays readable.
    The client cell is Qt's own. Plain cells are painted in the view's one pass
    (``RowTableView``), the same pixels as through ``paint``."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        column = index.column()
        if column == 0:
            super().paint(painter, option, index)
            return
        model = index.model()
        # One call for what the cell shows (worked out when the rows were set).
        cell = (
            model.cell(index.row(), column)
            if isinstance(model, CaseloadModel)
            else index.data(CELL_ROLE)
        )
        framed = bool(option.state & _FRAMED)
        if cell is None and not framed:
            return
        palette = option.palette
        painter.save()
        self._draw(painter, cell, option.rect, palette.color(QPalette.ColorRole.Text))
        if framed:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def plainCells(
        self, model: object, option: QStyleOptionViewItem, painter: QPainter
    ) -> _Plain | None:
        if not isinstance(model, CaseloadModel):
            return None
        styled = super().plainCells(model, option, painter)
        return _Plain(model, styled, option.palette.color(QPalette.ColorRole.Text))

    def paintPlainCell(
        self, painter: QPainter, plain: object, row: int, column: int, rect: QRect
    ) -> None:
        assert isinstance(plain, _Plain)
        if column == 0:
            super().paintPlainCell(painter, plain.styled, row, column, rect)
            return
        cell = plain.model.cell(row, column)
        if cell is not None:
            self._draw(painter, cell, rect, plain.text)

    @staticmethod
    def _draw(painter: QPainter, cell: CaseloadCell | None, rect: QRect, text: QColor) -> None:
        """The cell's colour and its number; leaves the painter's pen changed."""
        value, background, pen = cell if cell is not None else ("", None, None)
        inner = rect.adjusted(1, 1, -1, -1)
        if background is not None:
            painter.fillRect(inner, background)
        if value:
            painter.setPen(pen if pen is not None else text)
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, value)


class CaseloadView(FittedTableView):
    """The caseload table: arrows move between cells, Enter or a double click opens.

    Session columns share the width left by the client column, so the latest session
    (the last column) is in view at any window width; when they cannot shrink further
    the view scrolls to its right end after every fill.
    """

    #: A session cell was activated (Enter, double click): its session id.
    sessionActivated = Signal(int)
    #: The client cell, or a cell without a session, was activated: the client id.
    clientActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setItemDelegate(CaseloadDelegate(self))
        self.verticalHeader().hide()
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("−11") + 14)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # The latest session's column is at least as wide as its heading ("Latest",
        # "Dernière", "Neueste"), which is wider than a shared share at 900 px.
        header.setSectionResizeMode(
            model.columnCount() - 1, QHeaderView.ResizeMode.ResizeToContents
        )
        model.modelReset.connect(self._filled)

    def measureColumn(self, column: int) -> int:
        """The client column as wide as its widest cell (kept per fill by the base)."""
        model = self.model()
        if isinstance(model, CaseloadModel) and column == model.columnCount() - 1 > 0:
            # Its cells are numbers: the heading sets its width (the header's own hint).
            return self.horizontalHeader().minimumSectionSize()
        if column != 0 or not isinstance(model, CaseloadModel) or model.rowCount() == 0:
            return super().measureColumn(column)
        return self._widest_client_cell(model)

    def _widest_client_cell(self, model: CaseloadModel) -> int:
        # The delegate's hint grows with the text's width; the few rows near the widest
        # text (a glyph's bearing may differ by a pixel) are measured as Qt would.
        metrics = self.fontMetrics()
        widths = [metrics.horizontalAdvance(model.clientText(r)) for r in range(model.rowCount())]
        widest = max(widths)
        return max(
            self.sizeHintForIndex(model.index(r, 0)).width()
            for r, w in enumerate(widths)
            if w >= widest - 4
        )

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.sessionActivated.emit(int(session_id))
            return
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id is not None:
            self.clientActivated.emit(int(client_id))

    def _filled(self) -> None:
        # Laid out now, not on the view's zero-delay timer: that timer fired after the
        # window's next paint, and the table (and the alert list beside it) was painted
        # a second time, in the turn the insights arrive in after an unlock.
        self.doItemsLayout()
        self.showLatest()

    def showLatest(self) -> None:
        """Scroll so the last column (the latest session) is visible."""
        bar = self.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.showLatest()


__all__ = ["CaseloadDelegate", "CaseloadView"]
