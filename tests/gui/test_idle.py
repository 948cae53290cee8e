"""Inactivity and session-lock watchers."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from alliance_desktop.gui.common.idle import IdleWatcher, SessionLockWatcher


@pytest.fixture
def watcher(qapp):
    w = IdleWatcher()
    yield w
    w.stop()
    w.deleteLater()


def test_idle_emits_after_the_timeout(qtbot, watcher):
    watcher.setTimeoutMs(100)
    clock = QElapsedTimer()
    clock.start()
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        watcher.start()
    assert clock.elapsed() >= 90
    assert not watcher.isActive()
    assert watcher.remainingMs() == -1


def test_key_press_postpones_idle(qtbot, watcher):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    watcher.setTimeoutMs(400)
    watcher.start()
    qtbot.wait(250)
    assert watcher.remainingMs() < 250
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert watcher.remainingMs() > 300
    since_key = QElapsedTimer()
    since_key.start()
    with qtbot.waitSignal(watcher.idle, timeout=3000):
        pass
    assert since_key.elapsed() >= 350


def test_mouse_and_wheel_count_as_input(qtbot, watcher):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    watcher.setTimeoutMs(10_000)
    watcher.start()
    qtbot.wait(120)
    before = watcher.remainingMs()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert watcher.remainingMs() > before


def test_stop_and_timeout_units(qapp, watcher):
    assert watcher.remainingMs() == -1
    watcher.setTimeoutMinutes(5)
    assert watcher.timeoutMs() == 300_000
    watcher.setTimeoutMinutes(0)  # clamped: never "lock at once"
    assert watcher.timeoutMs() == 60_000
    watcher.start()
    assert watcher.isActive() and 0 < watcher.remainingMs() <= 60_000
    watcher.stop()
    assert not watcher.isActive()


def test_session_lock_watcher_is_silent_without_a_bus(qapp, capfd, qtbot):
    lock = SessionLockWatcher()
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert "PySide6.QtNetwork" not in sys.modules
    with qtbot.waitSignal(lock.lockRequested, timeout=500):
        QApplication.instance().applicationStateChanged.emit(
            Qt.ApplicationState.ApplicationSuspended
        )
    with qtbot.assertNotEmitted(lock.lockRequested, wait=50):
        QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


@pytest.fixture
def private_bus():
    if not (shutil.which("dbus-daemon") and shutil.which("dbus-send")):
        pytest.skip("dbus-daemon and dbus-send are needed for a private bus")
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = proc.stdout.readline().strip()
    yield address
    proc.terminate()
    proc.wait(timeout=5)


def _send(address: str, path: str, signal: str, value: str) -> None:
    subprocess.run(
        ["dbus-send", f"--bus={address}", "--type=signal", path, signal, f"boolean:{value}"],
        check=True,
        timeout=5,
    )


def test_dbus_screen_lock_and_sleep_request_a_lock(qapp, qtbot, private_bus):
    from PySide6.QtDBus import QDBusConnection

    conn = QDBusConnection.connectToBus(private_bus, "alliance-test")
    try:
        assert conn.isConnected()
        lock = SessionLockWatcher(system_bus=conn, session_bus=conn)
        assert len(lock.listening()) == 3
        with qtbot.assertNotEmitted(lock.lockRequested, wait=300):
            _send(
                private_bus,
                "/org/gnome/ScreenSaver",
                "org.gnome.ScreenSaver.ActiveChanged",
                "false",
            )
        with qtbot.waitSignal(lock.lockRequested, timeout=3000):
            _send(
                private_bus,
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "true",
            )
        with qtbot.waitSignal(lock.lockRequested, timeout=3000):
            _send(
                private_bus,
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager.PrepareForSleep",
                "true",
            )
        lock.deleteLater()
    finally:
        QDBusConnection.disconnectFromBus("alliance-test")
