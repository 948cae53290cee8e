"""Issue 15, client switch: the timeline paints its plain rows in one pass.

A switch paints every visible timeline row. Through Qt's table paint that was one
call from C++ into a Python delegate per cell (about 100 per switch), each wrapping
the painter, the option and the index anew: most of the timeline's paint. The
timeline's view (``RowTableView``) now paints a row that is not selected, current or
hovered itself, through the delegates' shared work; those rows go Qt's way. What a
user sees must not change: the same pixels as Qt's own paint, in every state a row
can be in.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHoverEvent, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from alliance_desktop.gui.common.widgets import row_table
from alliance_desktop.gui.common.widgets.row_table import RowTableView
from alliance_desktop.gui.workspace.rating_chips import RatingChipsDelegate
from alliance_desktop.gui.workspace.timeline_delegate import TimelineDelegate
from tests.gui.plain_paint import hover, same_as_qt


def _same_as_qt(view, app, monkeypatch) -> None:
    same_as_qt(view, app, monkeypatch, "the timeline")


def _hover(view, app, row: int) -> None:
    """The mouse over ``row``'s reflection."""
    hover(view, app, view.model().index(row, 4))


@pytest.fixture
def timeline(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    window.selectClientRow(0)
    app.processEvents()
    view = window.timeline.view
    assert isinstance(view, RowTableView)
    assert window.timeline.model.rowCount() >= 6
    return ctl, window, view, app


def test_the_timeline_looks_as_qt_paints_it_selected_focused_and_hovered(timeline, monkeypatch):
    ctl, window, view, app = timeline
    _same_as_qt(view, app, monkeypatch)  # nothing selected, focus elsewhere
    window.timeline.selectSession(window.timeline.model.session(2).id)
    _same_as_qt(view, app, monkeypatch)  # a selected row
    view.setFocus()
    app.processEvents()
    assert view.hasFocus()
    _same_as_qt(view, app, monkeypatch)  # and its current cell focused
    _hover(view, app, 4)
    _same_as_qt(view, app, monkeypatch)  # and another row under the mouse
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    _same_as_qt(view, app, monkeypatch)  # scrolled to the oldest rows
    window.resize(900, 600)
    app.processEvents()
    _same_as_qt(view, app, monkeypatch)  # narrow: texts elided, chips cut
    ctl.theme.set_choice("dark")
    app.processEvents()
    _same_as_qt(view, app, monkeypatch)  # in the dark palette
    view.setEnabled(False)
    _same_as_qt(view, app, monkeypatch)  # disabled


def test_a_switch_paints_plain_rows_without_a_delegate_call_per_cell(timeline, monkeypatch):
    """Only the selected row's cells reach the delegates' ``paint``; the rest of the
    visible rows are painted, and look the same, from one pass."""
    _ctl, window, view, _app = timeline
    calls: Counter[str] = Counter()
    for cls in (TimelineDelegate, RatingChipsDelegate):
        real = cls.paint

        def counted(self, painter, option, index, real=real, name=cls.__name__):
            calls[name] += 1
            real(self, painter, option, index)

        monkeypatch.setattr(cls, "paint", counted)
    plain = Counter[int]()
    real_plain = TimelineDelegate.paintPlainCell

    def counted_plain(self, painter, shared, row, column, rect):
        plain[row] += 1
        real_plain(self, painter, shared, row, column, rect)

    monkeypatch.setattr(TimelineDelegate, "paintPlainCell", counted_plain)
    window.timeline.selectSession(window.timeline.model.session(1).id)
    view.viewport().repaint()
    columns = view.model().columnCount()
    assert sum(calls.values()) == columns  # the selected row, cell by cell
    assert 1 not in plain and len(plain) >= 5  # every other visible row in one pass
    with monkeypatch.context() as patch:
        patch.setattr(row_table, "PLAIN_ROWS", False)
        calls.clear()
        view.viewport().repaint()
    assert sum(calls.values()) >= columns * (len(plain) + 1)  # Qt's way: every cell


def test_a_delegate_without_plain_painting_gets_qt_s_whole_paint(timeline):
    _ctl, _window, view, _app = timeline
    calls = Counter[int]()

    class Plain(QStyledItemDelegate):
        def paint(self, painter, option, index):
            calls[index.row()] += 1
            super().paint(painter, option, index)

    other = Plain(view)
    view.setItemDelegateForColumn(3, other)
    view.viewport().repaint()
    rows = {view.rowAt(y) for y in range(0, view.viewport().height(), 5)} - {-1}
    assert set(calls) == rows  # every visible row's cell in that column, Qt's way
    view.setItemDelegateForColumn(3, None)


def test_hover_is_followed_so_the_row_under_the_mouse_goes_qt_s_way(timeline, monkeypatch):
    _ctl, _window, view, app = timeline
    _hover(view, app, 3)
    rows = Counter[int]()
    real = TimelineDelegate.paint

    def counted(self, painter, option, index):
        rows[index.row()] += 1
        real(self, painter, option, index)

    monkeypatch.setattr(TimelineDelegate, "paint", counted)
    view.viewport().repaint()
    assert set(rows) == {3}
    leave = QHoverEvent(QEvent.Type.HoverLeave, QPointF(-1, -1), QPointF(-1, -1), QPointF(-1, -1))
    QApplication.sendEvent(view.viewport(), leave)
    rows.clear()
    view.viewport().repaint()
    assert not rows  # gone with the mouse: every row plain again


def test_the_client_list_looks_the_same_from_kept_layouts(timeline, monkeypatch):
    """The client list's two lines per client are drawn from layouts kept per text
    and width (a switch repaints the rows it leaves and enters): where ``drawText``
    puts them, selected or not, closed or not."""
    from alliance_desktop.gui.workspace import client_delegate

    _ctl, window, _view, app = timeline
    listing = window.ui.clientList

    def image() -> QImage:
        listing.viewport().update()
        app.processEvents()
        return listing.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)

    window.selectClientRow(1)
    app.processEvents()
    kept = image()
    with monkeypatch.context() as patch:
        patch.setattr(client_delegate, "STATIC_TEXTS", False)
        drawn = image()
    assert kept == drawn
