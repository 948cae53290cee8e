"""Issue 15, client switch: a tab's new text repaints the tab strip, not the page.

"Ruptures" becomes "Ruptures (2 open)" on most switches between clients, and
``QTabWidget`` laid itself out and repainted all of itself for it: its frame, the
timeline and everything under it, a third of such a switch. The client page's tab
widget now moves its tab bar and repaints the strip when nothing else moved. What is
on the screen afterwards must be what a whole repaint gives.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.common.widgets.tab_widget import TabWidget
from tests.gui.event_counts import counting_events


def _on_screen(window) -> QImage:
    """The window's pixels as last painted (the offscreen screen's copy, not a fresh
    render: ``grab`` would paint everything again and hide a stale strip)."""
    screen = window.screen()
    return screen.grabWindow(window.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _repainted_whole(window, app) -> QImage:
    window.update()
    app.processEvents()
    window.repaint()
    return _on_screen(window)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_new_tab_text_repaints_the_strip_and_leaves_the_screen_right(open_demo, scheme):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    ctl.theme.set_choice(scheme)
    window.selectClientRow(0)
    app.processEvents()
    tabs = window.ui.clientTabs
    assert isinstance(tabs, TabWidget)
    index = window.ruptures.index
    for current in (0, index):  # the timeline shown, then the ruptures tab itself
        tabs.setCurrentIndex(current)
        app.processEvents()
        window.repaint()
        for text in ("Ruptures (12 open)", "Ruptures", "Ruptures (3 open)"):
            with counting_events(QEvent.Type.Paint, QObject.objectName) as paints:
                tabs.setTabText(index, text)
                app.processEvents()
            assert tabs.tabText(index) == text
            assert paints["qt_tabwidget_tabbar"] >= 1  # the strip was repainted
            assert paints["timelineView"] == 0  # and not the page under it
            shown = _on_screen(window)
            assert shown == _repainted_whole(window, app), (scheme, current, text)
