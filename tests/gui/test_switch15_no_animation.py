"""Issue 15, client switch: the main window's relayout animates nothing.

A switch changes the client page's size hints (title, goals, outcome chip, prompts),
and Qt lays the whole window out again. ``QMainWindow`` moves its toolbar and central
widget through geometry animations whenever the style gives animations a duration:
one ``QPropertyAnimation`` per item made, run and deleted on every switch, to move
nothing. The style sheet sets that duration to 0 for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPropertyAnimation
from PySide6.QtWidgets import QApplication

from tests.gui.event_counts import counting_events


def _animation(obj: QObject) -> str | None:
    return "animations" if isinstance(obj, QPropertyAnimation) else None


def test_switching_clients_makes_no_geometry_animation(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    assert window.clientModel.rowCount() >= 4
    # Each animation hears of its own property set and deletion: counted at deletion.
    with counting_events(QEvent.Type.DeferredDelete, _animation) as made:
        for row in (1, 2, 3, 0):
            window.selectClientRow(row)
            app.processEvents()
    assert window.clients.clientId == window.clientModel.summary(0).client.id
    assert made["animations"] == 0
