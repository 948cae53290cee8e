"""Drive the real app through the screens a screen-reader user reaches, and have
the AT-SPI walker dump each one.

Run by tests/a11y/test_atspi_walk.py with the venv's python, on an X display and
inside a D-Bus session where the AT-SPI bus runs. Usage:
``a11y_driver.py WALKER.py OUT_DIR``. It starts the app as ``alliance-desktop --demo``
does (``gui.app.main``), finds widgets and actions by objectName only, and writes
``OUT_DIR/<screen>.json`` for: dashboard, insights, client (the Trends tab),
editor (a new session) and lock. Exit status 0 when every walk ran.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QProcess, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QTabWidget, QWidget

SYSTEM_PYTHON = "/usr/bin/python3"
SETTLE_MS = 1500
WALK_TIMEOUT_MS = 90_000


def _pump(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _main_window() -> QMainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def _trigger(window: QWidget, name: str) -> None:
    action = window.findChild(QAction, name)
    if action is None:
        raise SystemExit(f"no action named {name}")
    action.trigger()


class Driver:
    def __init__(self, walker: str, out: Path) -> None:
        self.walker = walker
        self.out = out
        self.failures: list[str] = []

    def walk(self, screen: str) -> None:
        _pump(SETTLE_MS)
        process = QProcess()
        loop = QEventLoop()
        process.finished.connect(loop.quit)
        process.start(SYSTEM_PYTHON, [self.walker, "alliance", str(self.out / f"{screen}.json")])
        QTimer.singleShot(WALK_TIMEOUT_MS, loop.quit)
        loop.exec()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(2000)
            self.failures.append(f"{screen}: the walk timed out")
        elif process.exitCode() != 0:
            output = bytes(process.readAll().data()).decode(errors="replace")
            self.failures.append(f"{screen}: walker exit {process.exitCode()}: {output}")

    def run(self) -> None:
        try:
            self._screens()
        except BaseException as exc:  # report, then quit: never hang the test
            self.failures.append(f"driver: {exc!r}")
        finally:
            (self.out / "failures.txt").write_text("\n".join(self.failures), encoding="utf-8")
            app = QApplication.instance()
            if app is not None:
                app.exit(0)

    def _screens(self) -> None:
        deadline = time.monotonic() + 60
        window = _main_window()
        while window is None and time.monotonic() < deadline:
            _pump(200)
            window = _main_window()
        if window is None:
            raise RuntimeError("the main window never showed")
        window.resize(1600, 1000)
        self.walk("dashboard")
        _trigger(window, "actionInsights")
        self.walk("insights")
        clients = window.findChild(QListView, "clientList")
        if clients is None or clients.model() is None or clients.model().rowCount() == 0:
            raise RuntimeError("no client list to open a client from")
        clients.setFocus()
        clients.setCurrentIndex(clients.model().index(0, 0))
        clients.activated.emit(clients.currentIndex())
        _pump(500)
        tabs = window.findChild(QTabWidget, "clientTabs")
        if tabs is not None:
            for index in range(tabs.count()):
                if "trend" in (tabs.widget(index).objectName() or "").lower():
                    tabs.setCurrentIndex(index)
        self.walk("client")
        _trigger(window, "actionNewSession")
        self.walk("editor")
        _trigger(window, "actionLock")
        self.walk("lock")


def main(argv: list[str]) -> int:
    walker, out = argv[1], Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    driver = Driver(walker, out)
    start: Callable[[], None] = driver.run
    QTimer.singleShot(0, start)
    from alliance_desktop.gui.app import main as app_main

    app_main(["--demo"])
    del app
    return 1 if driver.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
