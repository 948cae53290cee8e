"""Issue 15, client switch: the window paints the new client once. The timeline's
columns are sized and laid out during the switch, not on the view's zero-delay
timers: those fired after the window's first paint of the new client and painted
the whole timeline a second time (half the switch's painting)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from tests.gui.event_counts import counting_events


def _parent_name(obj: QObject) -> str:
    parent = obj.parent()
    return parent.objectName() if parent is not None else ""


def test_a_client_switch_paints_the_timeline_once(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    window.selectClientRow(0)
    qtbot.wait(50)
    with counting_events(QEvent.Type.Paint, _parent_name) as paints:
        second = 0
        rows = min(window.clientModel.rowCount(), 8)
        assert rows >= 4
        for row in range(1, rows):
            window.selectClientRow(row)
            app.processEvents()  # the new client painted
            assert window.timeline.model.rowCount() > 0
            paints.clear()
            app.processEvents()
            app.processEvents()
            second += paints["timelineView"]
    assert second == 0  # nothing of the timeline was left to paint again
