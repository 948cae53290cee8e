"""Issue 15, client switch: what changes on the client page paints alone.

The title, the goals and the outcome chip change on every switch. Painting no background of their own, each made the page, the stacks, the
splitter and the window paint their rectangles first. They now fill with the window
colour they sit on, which is only right while that is what is under them: the page
must look exactly as it does when they are transparent, in light and in dark.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

OPAQUE = ("clientTitle", "clientGoals", "outcomeStatusChip")


def _shown_with_question(window, app) -> None:
    for row in range(window.clientModel.rowCount()):
        window.selectClientRow(row)
        app.processEvents()
        if window.ruptures.stillOpenPrompt.isVisible() and window.outcomeChip.isVisible():
            return
    pytest.fail("the demo has no client with both an outcome status and an open question")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_client_page_looks_the_same_with_its_changing_parts_opaque(open_demo, scheme):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    ctl.theme.set_choice(scheme)
    _shown_with_question(window, app)
    widgets = [window.findChild(QWidget, name) for name in OPAQUE]
    assert [(w.objectName(), w.isVisible(), w.autoFillBackground()) for w in widgets] == [
        (name, True, True) for name in OPAQUE
    ]
    opaque = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    for w in widgets:
        w.setAutoFillBackground(False)
    try:
        transparent = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    finally:
        for w in widgets:
            w.setAutoFillBackground(True)
    assert opaque == transparent
