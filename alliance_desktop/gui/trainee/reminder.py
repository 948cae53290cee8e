"""The daily reminder: one fixed sentence at a chosen time, never any client data."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow

REMINDER_TEXT = "A few minutes to reflect on today's sessions, while they are fresh?"


def ms_until(at: time, now: datetime) -> int:
    """Milliseconds from ``now`` to the next ``at`` (tomorrow if it has passed today)."""
    target = datetime.combine(now.date(), at)
    if target <= now:
        target += timedelta(days=1)
    return max(1000, int((target - now).total_seconds() * 1000))


class DailyReminder(QObject):
    """One fixed sentence at a chosen time while the app runs; never any client data."""

    fired = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = False
        self.at = time(17, 30)
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self, singleShot=True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.fire)

    def configure(self, enabled: bool, at: str, *, now: datetime | None = None) -> None:
        self.enabled = enabled
        hours, minutes = (int(x) for x in at.split(":"))
        self.at = time(hours, minutes)
        self.timer.stop()
        if enabled:
            self.timer.start(ms_until(self.at, now or datetime.now()))

    def text(self) -> str:
        return self.tr(REMINDER_TEXT)

    def fire(self) -> str:
        """Show the reminder (tray, or the status bar without one) and plan tomorrow's."""
        text = self.text()
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QIcon(":/icons/alliance.svg"), self)
                self.tray.setToolTip(self.tr("Alliance Desktop"))
                self.tray.messageClicked.connect(self._show_window)
            self.tray.show()
            self.tray.showMessage(
                self.tr("Alliance Desktop"), text, QSystemTrayIcon.MessageIcon.Information, 15000
            )
        else:
            self.window.flash(text, 60000)
        self.fired.emit(text)
        if self.enabled:
            self.timer.start(ms_until(self.at, datetime.now() + timedelta(seconds=1)))
        return text

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
