"""A layout of equal columns that drops to one column when the width is short.

Check boxes do not wrap their text, so a fixed two-column grid of long labels makes
its container as wide as two labels side by side, and a small window then scrolls
sideways. ``ColumnsLayout`` places its items row by row (left to right, then down,
the reading order) in up to ``columns`` columns, as many as fit, and reports the
height that takes for a width, so the scroll area around it grows downwards instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ColumnsLayout(QLayout):
    def __init__(
        self, parent: QWidget | None = None, *, columns: int = 2, spacing: tuple[int, int] = (16, 2)
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._columns = max(1, columns)
        self._h_spacing, self._v_spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout ------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """As many columns as asked for, side by side."""
        cell = self._cell()
        n = min(self._columns, max(1, len(self._shown())))
        width = n * cell.width() + (n - 1) * self._h_spacing
        return QSize(width, self._height(n, cell.height())) + self._margins()

    def minimumSize(self) -> QSize:
        """One column: the widest item."""
        cell = self._cell()
        return QSize(cell.width(), self._height(1, cell.height())) + self._margins()

    # -- arranging ----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell(self) -> QSize:
        shown = self._shown()
        width = max((item.sizeHint().width() for item in shown), default=0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height)

    def _margins(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _height(self, columns: int, row_height: int) -> int:
        rows = -(-len(self._shown()) // columns) if self._shown() else 0
        return rows * row_height + max(0, rows - 1) * self._v_spacing

    def _fitting(self, width: int, cell: QSize) -> int:
        for n in range(self._columns, 1, -1):
            if n * cell.width() + (n - 1) * self._h_spacing <= width:
                return n
        return 1

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        cell = self._cell()
        n = self._fitting(inner.width(), cell)
        column = (inner.width() - (n - 1) * self._h_spacing) // n if n else inner.width()
        if place:
            parent = self.parentWidget()
            rtl = parent is not None and (
                parent.layoutDirection() == Qt.LayoutDirection.RightToLeft
            )
            for i, item in enumerate(self._shown()):
                row, col = divmod(i, n)
                if rtl:
                    col = n - 1 - col
                x = inner.x() + col * (column + self._h_spacing)
                y = inner.y() + row * (cell.height() + self._v_spacing)
                item.setGeometry(QRect(QPoint(x, y), QSize(column, cell.height())))
        return self._height(n, cell.height()) + m.top() + m.bottom()
