"""The item panel of a view cell, painted without Qt's whole item drawing.

For a cell with no text, icon or check box of Qt's to draw, Qt's item drawing paints
the item panel, which shows a selection or a background brush and nothing else (the
style sheet has no item rules: see style.qss). The workspace's delegates draw their
own texts, so they paint just that panel: no round trip through the styles for an
unselected cell without a brush, and no asking the model for every role through
Python first (``initStyleOption``). A focused cell still goes Qt's whole way, for its
focus frame.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

# Enum values looked up once (each is a call into Python's enum module).
_SELECTED = QStyle.StateFlag.State_Selected.value
_NO_BRUSH = Qt.BrushStyle.NoBrush
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_LTR = Qt.LayoutDirection.LeftToRight


def paint_panel(style: QStyle, option: QStyleOptionViewItem, painter: QPainter, state: int) -> None:
    """The cell's panel, where there is one to see (``state``: ``option.state``'s value)."""
    if state & _SELECTED or option.backgroundBrush.style() != _NO_BRUSH:
        style.drawPrimitive(_PANEL, option, painter, option.widget)


def right_to_left(option: QStyleOptionViewItem) -> bool:
    """Whether the cell is laid out right to left: the view's direction (the option's),
    read as the widget's bool, so no enum is made per cell painted."""
    widget = option.widget
    return widget.isRightToLeft() if widget is not None else option.direction != _LTR


__all__ = ["paint_panel", "right_to_left"]
