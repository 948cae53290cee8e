"""The main window's size: fit the screen, never grow (its status queue: shell/status.py).

- ``fit_to_screen`` clamps a top-level window (frame included) to its screen's
  available geometry, in logical pixels, so at 200% on a 1280×720 logical screen the
  window opens inside the screen; it is called before the first show (leaving room
  for a title bar not yet known) and again right after it (with the real frame).
- ``hold_size`` gives the window an explicit minimum size: with one, Qt's layouts no
  longer raise the window's minimum to the sum of their children's, so opening a
  page with a larger minimum (Trends' chart) never makes the window grow.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QWidget

#: The smallest the main window may be made; pages scroll or squeeze below their hint.
MIN_WINDOW = QSize(640, 440)


def available_geometry(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move ``window`` so its frame lies inside the screen's available area."""
    avail = available_geometry(window)
    frame, geom = window.frameGeometry(), window.geometry()
    extra_w = max(0, frame.width() - geom.width())
    extra_h = max(0, frame.height() - geom.height())
    if not window.isVisible() and (extra_w, extra_h) == (0, 0):
        # Before the first show the frame is unknown: leave room for a title bar.
        style = window.style()
        border = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        extra_w = 2 * border
        extra_h = style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 2 * border
    width = min(window.width(), avail.width() - extra_w)
    height = min(window.height(), avail.height() - extra_h)
    minimum = window.minimumSize()
    if width < minimum.width() or height < minimum.height():
        window.setMinimumSize(min(minimum.width(), width), min(minimum.height(), height))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), avail.x()), avail.right() + 1 - frame.width())
    y = min(max(frame.y(), avail.y()), avail.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def hold_size(window: QWidget) -> None:
    """An explicit minimum (no larger than the screen) so no layout makes the window grow."""
    avail = available_geometry(window)
    window.setMinimumSize(
        min(MIN_WINDOW.width(), avail.width()), min(MIN_WINDOW.height(), avail.height())
    )


__all__ = ["MIN_WINDOW", "available_geometry", "fit_to_screen", "hold_size"]
