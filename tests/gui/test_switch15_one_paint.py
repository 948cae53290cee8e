"""Issue 15, client switch: the window paints the new client once. The timeline's
columns are sized and laid out during the switch, not on the view's zero-delay
timers: those fired after the window's first paint of the new client and painted
the whole timeline a second time (half the switch's painting)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(obj, QObject):
            parent = obj.parent()
            self.seen[parent.objectName() if parent is not None else ""] += 1
        return False


def test_a_client_switch_paints_the_timeline_once(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    window.selectClientRow(0)
    qtbot.wait(50)
    paints = _Paints()
    app.installEventFilter(paints)
    try:
        second = 0
        rows = min(window.clientModel.rowCount(), 8)
        assert rows >= 4
        for row in range(1, rows):
            window.selectClientRow(row)
            app.processEvents()  # the new client painted
            assert window.timeline.model.rowCount() > 0
            paints.seen.clear()
            app.processEvents()
            app.processEvents()
            second += paints.seen["timelineView"]
    finally:
        app.removeEventFilter(paints)
    assert second == 0  # nothing of the timeline was left to paint again
