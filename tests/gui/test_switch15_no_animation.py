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


class _Animations(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.made = 0

    def eventFilter(self, watched, event) -> bool:
        # Each animation hears of its own property set and deletion: counted once.
        if isinstance(watched, QPropertyAnimation) and event.type() == QEvent.Type.DeferredDelete:
            self.made += 1
        return False


def test_switching_clients_makes_no_geometry_animation(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    assert window.clientModel.rowCount() >= 4
    counter = _Animations()
    app.installEventFilter(counter)
    try:
        for row in (1, 2, 3, 0):
            window.selectClientRow(row)
            app.processEvents()
    finally:
        app.removeEventFilter(counter)
    assert window.clients.clientId == window.clientModel.summary(0).client.id
    assert counter.made == 0
