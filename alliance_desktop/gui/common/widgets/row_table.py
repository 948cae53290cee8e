"""A table view that paints its plain rows in one pass, not one delegate call per cell.

``QTableView`` paints each visible cell through its delegate: for a delegate written
in Python that is one call from C++ into Python per cell, with the style option, the
painter and the index wrapped anew, and every field the delegate reads (state, rect,
palette, font) copied out again. A client's timeline is about 18 rows × 6 columns,
painted whole on every switch: those calls were most of its paint.

This view paints a *plain* row, one that is not selected, holds neither the current
cell (while the view has focus) nor the hovered one, itself: the row's background
once (the style's row panel, as Qt draws it per cell), then each cell through its
delegate's ``paintPlainCell`` with what the delegate worked out once for this paint
(``plainCells``). Any other row goes Qt's way, cell by cell through the delegate's
``paint``, with the option Qt would give it. A delegate that has no plain painting,
a grid, spans, hidden or moved rows, right-to-left, or drag and drop: the whole
paint is Qt's own.

A delegate's ``paintPlainCell`` must draw what its ``paint`` draws for a plain cell;
``PLAIN_ROWS = False`` paints every row Qt's way, which the tests compare pixel by
pixel. ``PlainStyledDelegate`` is ``QStyledItemDelegate`` with plain painting: its
``paint`` called from this pass, with the option Qt would give a plain cell.

The other gain is the interpreter: each call from C++ into Python must take it, and
while a background job runs Python it waits its turn, a fraction of a millisecond
each time. One pass makes one such call per paint instead of one per cell (and,
through the model's ``index``, two more per cell for its row and column counts).
"""

from __future__ import annotations

from typing import Any, Protocol, cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QHoverEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

#: False paints every row through the delegates, as ``QTableView`` does.
PLAIN_ROWS = True

_ROW_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewRow
_SELECTED = QStyle.StateFlag.State_Selected
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_ENABLED = QStyle.StateFlag.State_Enabled
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_ITEM_ENABLED = Qt.ItemFlag.ItemIsEnabled
_NORMAL = QPalette.ColorGroup.Normal
_DISABLED = QPalette.ColorGroup.Disabled
_HOVER_EVENTS = (QEvent.Type.HoverEnter, QEvent.Type.HoverMove)
_NO_DRAG = QAbstractItemView.DragDropMode.NoDragDrop
#: Delegate class -> whether it paints plain cells (has both methods).
_PLAIN_PAINTERS: dict[type, bool] = {}


class PlainCellPainter(Protocol):
    """A delegate that can paint its cells of a plain row with work shared by all of
    them (see the module's docstring)."""

    def plainCells(
        self, model: Any, option: QStyleOptionViewItem, painter: QPainter
    ) -> object | None:
        """What painting this paint's plain cells takes (colours, font, metrics),
        from the plain cell's ``option`` and the fresh ``painter``; None: this model's
        cells are painted through ``paint``."""
        ...

    def paintPlainCell(
        self, painter: QPainter, plain: object, row: int, column: int, rect: QRect
    ) -> None:
        """The cell at ``row``, ``column`` in ``rect``, as ``paint`` draws it in the
        plain option. It may leave the painter's pen, font and hints changed."""
        ...


class _StyledCells:
    """What ``PlainStyledDelegate`` paints one paint's plain cells from."""

    __slots__ = ("disabled", "model", "option", "root")

    def __init__(self, model: Any, option: QStyleOptionViewItem, root: QModelIndex) -> None:
        self.model = model
        self.option = option
        self.root = root
        #: The option for a cell whose item is not enabled (made when first needed).
        self.disabled: QStyleOptionViewItem | None = None


class PlainStyledDelegate(QStyledItemDelegate):
    """``QStyledItemDelegate`` whose plain cells ``RowTableView`` paints in its pass:
    each through this delegate's ``paint`` (a subclass's too), called from Python with
    the option ``QTableView`` gives a plain cell, so the pixels are Qt's own."""

    def plainCells(
        self, model: Any, option: QStyleOptionViewItem, painter: QPainter
    ) -> object | None:
        view = option.widget
        root = view.rootIndex() if isinstance(view, QAbstractItemView) else QModelIndex()
        return _StyledCells(model, QStyleOptionViewItem(option), root)

    def paintPlainCell(
        self, painter: QPainter, plain: object, row: int, column: int, rect: QRect
    ) -> None:
        assert isinstance(plain, _StyledCells)
        index = plain.model.index(row, column, plain.root)
        if not index.isValid():
            return
        option = plain.option
        if option.state & _ENABLED and not index.flags() & _ITEM_ENABLED:
            option = plain.disabled or self._disabled(plain)
        cell = QStyleOptionViewItem(option)
        cell.rect = rect
        self.paint(painter, cell, index)

    @staticmethod
    def _disabled(plain: _StyledCells) -> QStyleOptionViewItem:
        # As QTableView draws a cell whose item is not enabled.
        option = QStyleOptionViewItem(plain.option)
        option.state = option.state & ~_ENABLED
        palette = option.palette
        palette.setCurrentColorGroup(_DISABLED)
        option.palette = palette
        plain.disabled = option
        return option


class RowTableView(QTableView):
    """``QTableView``, with its plain rows painted in one pass."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The cell under the mouse, as Qt's view keeps it for its own paint (it
        #: marks that cell "mouse over"); kept here, where this paint can see it. It
        #: may outlive Qt's by a moment: its row is then painted Qt's way, which is
        #: never wrong.
        self._hover = QPersistentModelIndex()
        self._spans = False

    def setSpan(self, row: int, column: int, rowSpanCount: int, columnSpanCount: int) -> None:
        self._spans = True
        super().setSpan(row, column, rowSpanCount, columnSpanCount)

    def clearSpans(self) -> None:
        self._spans = False
        super().clearSpans()

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in _HOVER_EVENTS and isinstance(event, QHoverEvent):
            self._hover = QPersistentModelIndex(self.indexAt(event.position().toPoint()))
        elif kind == QEvent.Type.HoverLeave:
            self._hover = QPersistentModelIndex()
        return super().viewportEvent(event)

    def _painted_the_qt_way(self) -> bool:
        vertical = self.verticalHeader()
        return (
            not PLAIN_ROWS
            or self.showGrid()
            or self.isRightToLeft()
            or self._spans
            or vertical.sectionsHidden()
            or vertical.sectionsMoved()
            or self.dragDropMode() != _NO_DRAG
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        horizontal, vertical = self.horizontalHeader(), self.verticalHeader()
        if (
            model is None
            or self._painted_the_qt_way()
            or horizontal.count() == 0
            or vertical.count() == 0
        ):
            super().paintEvent(event)
            return
        # The area with cells in it, as Qt's own paint bounds it.
        dirty = event.region().boundingRect()
        dirty.setBottom(min(dirty.bottom(), vertical.length() - vertical.offset() - 1))
        dirty.setRight(min(dirty.right(), horizontal.length() - horizontal.offset() - 1))
        if not dirty.isValid():
            return
        top = vertical.visualIndexAt(dirty.top())
        bottom = vertical.visualIndexAt(dirty.bottom())
        if top < 0:
            return
        if bottom < 0:
            bottom = vertical.count() - 1
        left = horizontal.visualIndexAt(dirty.left())
        right = horizontal.visualIndexAt(dirty.right())
        left = 0 if left < 0 else left
        right = horizontal.count() - 1 if right < 0 else right
        columns = []  # (logical column, x, width, its delegate)
        for visual in range(left, right + 1):
            column = horizontal.logicalIndex(visual)
            if horizontal.isSectionHidden(column):
                continue
            delegate = self.itemDelegateForColumn(column) or self.itemDelegate()
            columns.append(
                (
                    column,
                    horizontal.sectionViewportPosition(column),
                    horizontal.sectionSize(column),
                    delegate,
                )
            )
        base = QStyleOptionViewItem()
        self.initViewItemOption(base)
        if base.state & _ENABLED:
            palette = base.palette
            palette.setCurrentColorGroup(_NORMAL)
            base.palette = palette
        painter = QPainter(self.viewport())
        try:
            plain = self._plain_cells(model, columns, base, painter)
            if plain is None:
                painter.end()
                super().paintEvent(event)
                return
            self._paint_rows(painter, model, columns, plain, base, top, bottom)
        finally:
            if painter.isActive():
                painter.end()

    def _plain_cells(
        self,
        model: Any,
        columns: list[tuple[int, int, int, QAbstractItemDelegate]],
        base: QStyleOptionViewItem,
        painter: QPainter,
    ) -> dict[int, object] | None:
        """Each delegate's shared work for this paint, by ``id``; None when one of
        them paints the Qt way only."""
        plain: dict[int, object] = {}
        for _column, _x, _width, delegate in columns:
            key = id(delegate)
            if key in plain:
                continue
            # Asked of the delegate's class, once: an isinstance of a runtime
            # protocol walks its attributes on every call.
            kind = type(delegate)
            able = _PLAIN_PAINTERS.get(kind)
            if able is None:
                able = _PLAIN_PAINTERS[kind] = all(
                    callable(getattr(kind, name, None)) for name in ("plainCells", "paintPlainCell")
                )
            if not able:
                return None
            shared = cast(PlainCellPainter, delegate).plainCells(model, base, painter)
            if shared is None:
                return None
            plain[key] = shared
        return plain

    def _paint_rows(
        self,
        painter: QPainter,
        model: Any,
        columns: list[tuple[int, int, int, QAbstractItemDelegate]],
        plain: dict[int, object],
        base: QStyleOptionViewItem,
        top: int,
        bottom: int,
    ) -> None:
        vertical = self.verticalHeader()
        style = self.style()
        root = self.rootIndex()
        selection = self.selectionModel()
        focus = self.hasFocus() or self.viewport().hasFocus()
        current = self.currentIndex() if focus else QModelIndex()
        hover = self._hover
        alternate = self.alternatingRowColors()
        special_rows = {current.row(), hover.row()}
        odd = bool(top & 1) and alternate
        plain_rows = []  # (row, y, height, alternate)
        special = []
        for visual in range(top, bottom + 1):
            row = vertical.logicalIndex(visual)
            y, height = vertical.sectionViewportPosition(row), vertical.sectionSize(row)
            if row in special_rows or (
                selection is not None and selection.rowIntersectsSelection(row, root)
            ):
                special.append((row, y, height, odd))
            else:
                plain_rows.append((row, y, height, odd))
            odd = not odd and alternate
        if plain_rows and columns:
            # Each row's panel once across its cells (a solid fill: the same pixels
            # as one per cell), then the cells a column at a time, each column from
            # the painter as Qt gives it to a delegate.
            first_x = min(x for _c, x, _w, _d in columns)
            last_x = max(x + w for _c, x, w, _d in columns)
            panel = QStyleOptionViewItem(base)
            panel.features = base.features | _ALTERNATE
            for _row, y, height, odd_row in plain_rows:
                if odd_row:
                    panel.rect = QRect(first_x, y, last_x - first_x, height)
                    style.drawPrimitive(_ROW_PANEL, panel, painter, self)
            for column, x, width, delegate in columns:
                shared = plain[id(delegate)]
                paint_cell = cast(PlainCellPainter, delegate).paintPlainCell
                painter.save()
                for row, y, height, _odd in plain_rows:
                    paint_cell(painter, shared, row, column, QRect(x, y, width, height))
                painter.restore()
        for row, y, height, odd_row in special:
            for column, x, width, delegate in columns:
                index = model.index(row, column, root)
                if not index.isValid():
                    continue
                option = QStyleOptionViewItem(base)
                option.rect = QRect(x, y, width, height)
                if odd_row:
                    option.features = base.features | _ALTERNATE
                self._paint_cell_the_qt_way(
                    painter, option, index, selection, current, hover, delegate
                )

    def _paint_cell_the_qt_way(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex,
        selection: Any,
        current: QModelIndex,
        hover: QPersistentModelIndex,
        delegate: QAbstractItemDelegate,
    ) -> None:
        """A cell as ``QTableView`` paints it: its state from the selection, the hover
        and the focus, the row panel, then the delegate."""
        state = option.state
        if selection is not None and selection.isSelected(index):
            state |= _SELECTED
        if hover == index:
            state |= _MOUSE_OVER
        if state & _ENABLED and not index.flags() & _ITEM_ENABLED:
            state &= ~_ENABLED
            palette = option.palette
            palette.setCurrentColorGroup(_DISABLED)
            option.palette = palette
        if index == current:
            state |= _HAS_FOCUS
        option.state = state
        self.style().drawPrimitive(_ROW_PANEL, option, painter, self)
        delegate.paint(painter, option, index)


__all__ = ["PLAIN_ROWS", "PlainCellPainter", "PlainStyledDelegate", "RowTableView"]
