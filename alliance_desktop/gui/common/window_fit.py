"""The main window's size and its status messages: fit the screen, never grow, queue.

- ``fit_to_screen`` clamps a top-level window (frame included) to its screen's
  available geometry, in logical pixels, so at 200% on a 1280×720 logical screen the
  window opens inside the screen; it is called before the first show (leaving room
  for a title bar not yet known) and again right after it (with the real frame).
- ``hold_size`` gives the window an explicit minimum size: with one, Qt's layouts no
  longer raise the window's minimum to the sum of their children's, so opening a
  page with a larger minimum (Trends' chart) never makes the window grow.
- ``StatusQueue`` shows one status message at a time: each for its time, then the
  next, so two messages never draw over each other and none is lost: the newest shows
  at once and the one it interrupted comes back for the rest of its time.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStatusBar, QStyle, QWidget

#: The smallest the main window may be made; pages scroll or squeeze below their hint.
MIN_WINDOW = QSize(640, 440)
#: How long a message kept "until the next" stays when others are waiting.
QUEUED_MS = 2500
#: An interrupted message comes back only if it had at least this much time left.
RESUME_MIN_MS = 800


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


class StatusQueue(QObject):
    """Messages for one status bar, one at a time, none lost under another.

    The newest message shows at once (it answers what the user just did, an error
    included); a message it interrupts with time left goes back to the front of the
    queue and is shown for the rest of its time afterwards. Each message is shown for
    its time, then the next; a message kept "until the next" (0 ms) yields after
    ``QUEUED_MS`` when others wait.
    """

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("statusQueue")
        self._bar = bar
        self._waiting: deque[tuple[str, int]] = deque()
        self._current: tuple[str, int] | None = None
        self._end = QTimer(self, singleShot=True)
        self._end.timeout.connect(self._next)

    def post(self, message: str, ms: int = 5000) -> None:
        """Show ``message`` now for ``ms`` (0: until the next); what it interrupts waits."""
        if not message:
            return
        self._waiting = deque((t, m) for t, m in self._waiting if t != message)
        current = self._current
        if current is not None and current[0] != message:
            left = self._end.remainingTime() if self._end.isActive() else QUEUED_MS
            if left >= RESUME_MIN_MS:
                self._waiting.appendleft((current[0], left))
        self._start(message, ms)

    def current(self) -> str:
        return "" if self._current is None else self._current[0]

    def pending(self) -> list[str]:
        return [text for text, _ in self._waiting]

    def clear(self) -> None:
        """Forget every message (on lock: they may name a client)."""
        self._waiting.clear()
        self._end.stop()
        self._current = None
        self._bar.clearMessage()

    def _start(self, message: str, ms: int) -> None:
        self._current = (message, ms)
        self._bar.showMessage(message)
        if ms > 0:
            self._end.start(ms)
        elif self._waiting:
            self._end.start(QUEUED_MS)
        else:
            self._end.stop()

    def _next(self) -> None:
        if self._waiting:
            self._start(*self._waiting.popleft())
            return
        self._current = None
        self._bar.clearMessage()


__all__ = ["MIN_WINDOW", "StatusQueue", "available_geometry", "fit_to_screen", "hold_size"]
