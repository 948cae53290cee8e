"""Pixels of a ``RowTableView`` painted in its one pass, against Qt's own paint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPointF
from PySide6.QtGui import QHoverEvent, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication

from alliance_desktop.gui.common.widgets import row_table


def image_of(view: QAbstractItemView, app: QApplication) -> QImage:
    """The view's viewport as it paints now."""
    view.viewport().update()
    app.processEvents()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def same_as_qt(view: QAbstractItemView, app: QApplication, monkeypatch: Any, what: str) -> None:
    """The view painted with its plain rows in one pass looks as Qt paints it."""
    ours = image_of(view, app)
    with monkeypatch.context() as patch:
        patch.setattr(row_table, "PLAIN_ROWS", False)
        qt = image_of(view, app)
    assert ours.size() == qt.size()
    assert ours == qt, f"{what} painted in one pass differs from Qt's own paint"


def hover(view: QAbstractItemView, app: QApplication, index: QModelIndex) -> None:
    """The mouse over the cell at ``index``, as the viewport hears it."""
    rect = view.visualRect(index)
    pos = QPointF(rect.center())
    global_pos = QPointF(view.viewport().mapToGlobal(rect.center()))
    for kind in (QEvent.Type.HoverEnter, QEvent.Type.HoverMove):
        event = QHoverEvent(kind, pos, global_pos, QPointF(-1, -1))
        QApplication.sendEvent(view.viewport(), event)
    app.processEvents()
