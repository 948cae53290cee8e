"""The client's goals can still be selected with the mouse, though the label keeps no
selectable document between switches (that was about a tenth of a switch): it turns
selectable when the mouse comes onto it, and plain again for the next client."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_goals_selectable_under_the_mouse_and_plain_after_a_switch(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(1280, 800))
    window = ctl.window
    window.selectClientRow(0)
    QApplication.processEvents()
    goals = window.ui.clientGoals
    assert goals.text().startswith("Goals:")
    assert not goals.isSelectable()  # a switch builds no selectable document

    middle = QPoint(goals.width() // 2, goals.height() // 2)
    QTest.mouseMove(window.ui.clientList.viewport(), QPoint(5, 5))
    QTest.mouseMove(goals, middle)
    qtbot.waitUntil(goals.isSelectable, timeout=2000)
    start = QPoint(2, goals.height() // 2)
    QTest.mousePress(goals, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(goals, middle)
    QTest.mouseRelease(goals, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert goals.hasSelectedText()
    assert goals.selectedText() in goals.text()

    # Leaving with a selection keeps it (Ctrl+C or the context menu may follow).
    QTest.mouseMove(window.ui.clientList.viewport(), QPoint(5, 5))
    QApplication.processEvents()
    assert goals.hasSelectedText()

    window.selectClientRow(1)
    QApplication.processEvents()
    assert goals.text().startswith("Goals:") or goals.text().startswith("No goals")
    assert not goals.hasSelectedText()
    assert not goals.isSelectable()
