"""The main window's first show: laid out, centred and inside the screen, then painted.

The window is shown only once its first page is laid out, so its first frame is
painted rather than black; it opens centred on the screen (unless the user's own
saved geometry was restored) and is fitted to the screen's available area at any
scale factor. ``FirstPaintWatcher`` lets a feature wait for that first painted frame
before it starts heavier work (the first analysis, matplotlib).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from alliance_desktop.gui.common.window_fit import available_geometry, fit_to_screen, hold_size


class FirstPaintWatcher(QObject):
    """Calls back once, on the first paint of the widget it watches, then goes away."""

    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self.callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.deleteLater()
            self.callback()
        return super().eventFilter(watched, event)


def centre_on_screen(window: QWidget) -> None:
    """Put the window's frame in the middle of its screen's available area."""
    frame = window.frameGeometry()
    frame.moveCenter(available_geometry(window).center())
    window.move(frame.topLeft())


def prepare_first_show(window: QWidget, *, centre: bool) -> None:
    """Before the first show: polish and lay out, hold the size, fit (and centre)."""
    window.ensurePolished()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    hold_size(window)
    fit_to_screen(window)
    if centre:
        centre_on_screen(window)
        fit_to_screen(window)


__all__ = ["FirstPaintWatcher", "centre_on_screen", "prepare_first_show"]
