"""Locking when nobody is there: inactivity, screen lock and suspend.

``IdleWatcher`` is KeePassXC's application-wide inactivity timer: an event filter on
the QApplication notes every input event, and one timer fires when none came for the
timeout. ``SessionLockWatcher`` is best effort: it listens for the desktop locking the
screen or the machine going to sleep, where the platform tells us.

Neither imports a Qt network module. QtDBus links only QtCore (checked with ldd and
``sys.modules``); if a future build pulled QtNetwork in, the D-Bus part stays off.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle()`` once when no user input arrived for the timeout.

    The filter only restarts a QElapsedTimer (cheap enough for every mouse move); the
    single-shot timer, when it fires, re-arms itself for whatever is left. After
    ``idle()`` the watcher stops; call ``start()`` again after the next unlock.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, timeout_minutes: int = 5):
        super().__init__(parent)
        self._timeout_ms = max(1, timeout_minutes) * 60_000
        self._last_input = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._installed_on: QCoreApplication | None = None

    def setTimeoutMinutes(self, minutes: int) -> None:
        self.setTimeoutMs(max(1, int(minutes)) * 60_000)

    def setTimeoutMs(self, ms: int) -> None:
        """Change the timeout; while running it counts from the last input, not from now."""
        self._timeout_ms = max(1, int(ms))
        if self.isActive():
            self._timer.start(max(0, self.remainingMs()))

    def timeoutMs(self) -> int:
        return self._timeout_ms

    def start(self) -> None:
        """Watch input on the whole application and count down from now."""
        app = QCoreApplication.instance()
        if app is not None and self._installed_on is not app:
            app.installEventFilter(self)
            self._installed_on = app
        self._last_input.start()
        self._timer.start(self._timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None

    def isActive(self) -> bool:
        return self._timer.isActive()

    def remainingMs(self) -> int:
        """Milliseconds until ``idle()`` if no input arrives; -1 when stopped (as QTimer)."""
        if not self._timer.isActive():
            return -1
        return max(0, self._timeout_ms - self._last_input.elapsed())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._last_input.restart()
        return False

    def _check(self) -> None:
        left = self._timeout_ms - self._last_input.elapsed()
        if left > 0:
            self._timer.start(left)
            return
        self.stop()
        self.idle.emit()


# (path, interface). The sender is not matched: screen lockers differ in which process
# owns the name, and a signal from an impostor can only lock the app early, which
# costs a passphrase, while a missed lock would cost privacy.
_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
_LOGIN1 = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager")


def _qtdbus():
    """The QtDBus module, or None where it is missing or would bring QtNetwork along."""
    if not sys.platform.startswith("linux"):
        return None
    had_network = "PySide6.QtNetwork" in sys.modules
    try:
        from PySide6 import QtDBus
    except ImportError:
        return None
    if not had_network and "PySide6.QtNetwork" in sys.modules:  # pragma: no cover
        return None
    return QtDBus


class SessionLockWatcher(QObject):
    """Emits ``lockRequested()`` when the screen locks or the machine is about to sleep.

    Best effort and silent: on Linux it listens on D-Bus (logind's PrepareForSleep on
    the system bus, the freedesktop and GNOME screensavers' ActiveChanged on the
    session bus); everywhere it treats the application being suspended as a lock.
    Where a bus is absent nothing happens and nothing is printed. The idle timer is
    the guarantee; this only locks sooner.
    """

    lockRequested = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        use_dbus: bool = True,
        system_bus: object | None = None,
        session_bus: object | None = None,
    ):
        """``system_bus``/``session_bus`` (QDBusConnection) replace the standard buses in tests."""
        super().__init__(parent)
        self._connections: list[str] = []
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        if use_dbus:
            self._connect_dbus(system_bus, session_bus)

    def listening(self) -> list[str]:
        """Which D-Bus signals are connected (for diagnostics and tests)."""
        return list(self._connections)

    def _connect_dbus(self, system: object | None, session: object | None) -> None:
        # QtDBus is imported only here (see _qtdbus), so the buses are typed loosely.
        qtdbus: Any = _qtdbus()
        if qtdbus is None:
            return
        if system is None:
            system = qtdbus.QDBusConnection.systemBus()
        if session is None:
            session = qtdbus.QDBusConnection.sessionBus()
        wanted: list[tuple[Any, str, tuple[str, str], str, str]] = [
            (system, "system", _LOGIN1, "PrepareForSleep", "1_sleeping(bool)")
        ]
        wanted += [
            (session, "session", names, "ActiveChanged", "1_screensaver(bool)")
            for names in _SCREENSAVERS
        ]
        for bus, bus_name, (path, interface), member, slot in wanted:
            if bus.isConnected() and bus.connect("", path, interface, member, self, slot):
                self._connections.append(f"{bus_name}:{interface}.{member}")

    @Slot(bool)
    def _sleeping(self, starting: bool) -> None:
        if starting:
            self.lockRequested.emit()

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.lockRequested.emit()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lockRequested.emit()
