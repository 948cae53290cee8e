"""The main window's status bar: its permanent labels and one queue of messages.

- ``StatusQueue`` shows one status message at a time: each for its time, then the
  next, so two messages never draw over each other and none is lost: the newest shows
  at once and the one it interrupted comes back for the rest of its time.
- ``StatusArea`` builds the bar's permanent widgets (lock state, vault state, the
  auto-lock countdown, the Undo button, the draft age) and owns the queue.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStatusBar

#: How long a message kept "until the next" stays when others are waiting.
QUEUED_MS = 2500
#: An interrupted message comes back only if it had at least this much time left.
RESUME_MIN_MS = 800


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


class StatusArea(QObject):
    """The permanent widgets of the window's status bar, and its message queue."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("statusArea")
        sb = window.statusBar()
        self.lockIcon = QLabel(window)
        self.lockIcon.setObjectName("lockStateIcon")
        self.vaultState = QLabel(window)
        self.vaultState.setObjectName("vaultStateLabel")
        self.draftState = QLabel(window)
        self.draftState.setObjectName("draftStateLabel")
        # A quiet line 30 s before the auto-lock; any key or click postpones it.
        self.autoLockCountdown = QLabel(window)
        self.autoLockCountdown.setObjectName("autoLockCountdown")
        self.autoLockCountdown.setProperty("role", "hint")
        self.autoLockCountdown.setVisible(False)
        self.undoButton = QPushButton(window)
        self.undoButton.setObjectName("undoDeleteButton")
        self.undoButton.setFlat(True)
        self.undoButton.hide()
        sb.addWidget(self.lockIcon)
        sb.addWidget(self.vaultState)
        sb.addPermanentWidget(self.autoLockCountdown)
        sb.addPermanentWidget(self.undoButton)
        sb.addPermanentWidget(self.draftState)
        # One message at a time: each for its time, then the next.
        self.queue = StatusQueue(sb)

    def retranslate(self) -> None:
        self.undoButton.setText(self.tr("Undo"))
        self.undoButton.setAccessibleName(self.tr("Undo delete"))

    def setUnlocked(self, unlocked: bool) -> None:
        self.lockIcon.setPixmap(
            QIcon(":/icons/unlock.svg" if unlocked else ":/icons/lock.svg").pixmap(16, 16)
        )
        self.setVaultState(self.tr("Vault: unlocked") if unlocked else self.tr("Vault: locked"))

    def setVaultState(self, text: str) -> None:
        self.vaultState.setText(text)
        self.vaultState.setAccessibleName(text)

    def setAutoLockCountdown(self, seconds: int | None) -> None:
        """Show "Locking in N s · press any key to stay" (None hides it)."""
        label = self.autoLockCountdown
        if seconds is None:
            label.clear()
            label.setVisible(False)
            return
        text = self.tr("Locking in {n} s · press any key to stay").format(n=max(0, seconds))
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(True)


__all__ = ["QUEUED_MS", "RESUME_MIN_MS", "StatusArea", "StatusQueue"]
