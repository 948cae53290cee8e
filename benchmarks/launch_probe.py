"""Start-up as a user's launch: process start -> the app's unlock window shown.

One probe for ours, the bare PySide6 window and Bouquin, so all three are timed the
same way. It imports only the standard library until the app runs; the app makes its
own QApplication, with its own arguments, from its own entry point (as the installed
``alliance-desktop`` and ``bouquin`` scripts do). Before the app is imported,
``QApplication`` in ``PySide6.QtWidgets`` is replaced by a subclass that only starts
the watch once it exists: each turn of the event loop, it looks for the first visible
top-level window the app's test accepts (``seconds``: shown), then waits for the turn
after that window's first paint (``painted``), against the parent's ``t0``
(``time.time()`` before it spawned this process), and ends the process.

Usage: ``python -c "import launch_probe; launch_probe.main()" KIND T0 [ARGS...]`` with
KIND ``ours VAULT``, ``bare`` or ``bouquin``. Prints one ``RESULT {json}`` line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

RESULT = "RESULT "


def _watch(t0: float, is_unlock_window: Callable[[object], bool]) -> None:
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    base = QtWidgets.QApplication
    shown: list[float] = []

    class FirstPaint(QObject):
        """The turn after the window's first paint event: it has been drawn."""

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, self._painted)
            return False

        def _painted(self) -> None:
            painted = time.time() - t0
            print(RESULT + json.dumps({"seconds": shown[0], "painted": painted}), flush=True)
            os._exit(0)

    class LaunchWatch(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._first_paint = FirstPaint()
            QTimer.singleShot(0, self._look)

        def _look(self) -> None:
            for widget in base.topLevelWidgets():
                if widget.isVisible() and is_unlock_window(widget):
                    shown.append(time.time() - t0)
                    widget.installEventFilter(self._first_paint)
                    widget.update()  # painted already between two looks: once more
                    return
            QTimer.singleShot(1, self._look)

    QtWidgets.QApplication = LaunchWatch  # type: ignore[misc]


def _ours(vault: str) -> None:
    from alliance_desktop.gui.app import main

    sys.argv = ["alliance-desktop", "--vault", vault]
    main()


def _bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("bare")
    label.show()
    app.exec()


def _bouquin() -> None:
    # Its settings already name the notebook (written when it was loaded).
    from bouquin.main import main

    sys.argv = ["bouquin"]
    main()


def main() -> None:
    kind, t0, *args = sys.argv[1:]
    tests: dict[str, Callable[[object], bool]] = {
        "ours": lambda w: getattr(w, "objectName", str)() == "unlockWindow",
        "bare": lambda w: True,
        "bouquin": lambda w: type(w).__name__ == "KeyPrompt",
    }
    _watch(float(t0), tests[kind])
    try:
        {"ours": _ours, "bare": _bare, "bouquin": _bouquin}[kind](*args)
    except Exception as exc:
        print(RESULT + json.dumps({"error": f"{kind}: {type(exc).__name__}: {exc}"[:160]}))
    print(RESULT + json.dumps({"error": f"{kind}: no unlock window was shown"}), flush=True)


if __name__ == "__main__":
    main()
