"""Start-up imports only what the unlock window needs (issue 15): the app is run in a
fresh process until its unlock window shows, and nothing heavy may be loaded by then."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    def shown():
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "unlockWindow" and w.isVisible():
                print("LOADED", " ".join(sorted(sys.modules)), flush=True)
                from PySide6 import QtCore, QtGui, QtWidgets
                types = [n for m in (QtCore, QtGui, QtWidgets) for n in vars(m)]  # set up so far
                print("TYPES", " ".join(sorted(types)), flush=True)
                print("HOOK", type(sys.excepthook).__qualname__, flush=True)
                os._exit(0)
        QTimer.singleShot(1, shown)
    if sys.argv[2:] == ["own"]:  # gui.app makes the QApplication, as a real launch does
        run = QApplication.exec
        def exec_(self):
            QTimer.singleShot(0, shown)
            return run()
        QApplication.exec = exec_
    else:
        app = QApplication(sys.argv[:1])
        QTimer.singleShot(0, shown)
    from alliance_desktop.gui.app import main
    main(["--vault", sys.argv[1]])
    """
)

#: Modules the unlock window never needs: they load after the passphrase is accepted,
#: or when what uses them first shows (the crash dialog's form: when it is shown).
UNWANTED = (
    "alliance_desktop.gui.forms.ui_crash_dialog",
    "alliance_desktop.vault.store",
    "alliance_desktop.insights",
    "alliance_desktop.reports",
    "alliance_desktop.charts.trend",
    "sqlcipher3",
    "matplotlib",
    "numpy",
    # Loaded when first used, after the window shows (issue 15): the crash dialog's
    # class, file dialogs, the background worker (the first unlock starts it), backups.
    "alliance_desktop.gui.common.crash_window",
    "alliance_desktop.gui.common.file_dialogs",
    "alliance_desktop.gui.common.background",
    "alliance_desktop.app.backups",
    # Standard modules only their first use needs: a lock or throttle record (json),
    # the host name (socket), the demo's random passphrase (secrets), a lock's time (datetime).
    "json",
    "socket",
    "secrets",
    "datetime",
    # The platform's data folder is only asked for when no --vault or ALLIANCE_VAULT says
    # where the vault is.
    "platformdirs",
    # The GUI's palette reads its surface colours from charts.palette: the chart themes
    # load with the first chart.
    "alliance_desktop.charts.theme",
    # Marked labels' accessible interface: defined when a screen reader first asks.
    "alliance_desktop.gui.common.accessible_label",
    # argparse's first parse (its gettext look-up imports locale): a launch with nothing,
    # a PATH or --vault PATH is read without building the parser (gui.app._parse_plain).
    "locale",
    # The crash dialog's module (and its hook) load with the first uncaught exception;
    # until then gui.app's _CrashHandler is the hook (test_a_start_up_crash_...).
    "alliance_desktop.gui.common.crash_dialog",
    # The application's Python style (a QProxyStyle subclass) is installed once the
    # unlock window has been painted, and the process hardened then (prctl via ctypes):
    # the window draws no check box, and no passphrase exists before it takes a key.
    "alliance_desktop.gui.common.app_style",
    "ctypes",
)
#: QEvent classes PySide sets up (all ~45 at once, a millisecond or two) when a Python
#: event filter or a changeEvent/event override is first handed a plain QEvent: the
#: unlock window's Caps Lock filter starts when it shows, and it has no changeEvent.
UNWANTED_TYPES = (
    "QTabletEvent",
    "QNativeGestureEvent",
    "QGraphicsSceneMouseEvent",
    # The application's Python style, and QAccessible (the marked labels' factory):
    # installed once the unlock window has been painted.
    "QProxyStyle",
    "QAccessible",
    # The Qt namespace (~15 ms: all its enums at once): the unlock window's form sets
    # its enum properties by name, its code reaches Qt's enums only on a key or a
    # click, and the theme reads the system's colour scheme after the first paint.
    "Qt",
)
#: When gui.app makes the QApplication (a real launch: ``-style Fusion``), no QStyle
#: class is set up before the unlock window; a QApplication made before (as here and
#: in benchmarks/run.py) is set to Fusion with ``setStyle``, which returns a QStyle.
UNWANTED_TYPES_OWN_APP = ("QStyle", "QCommonStyle")
#: Beside a vault the create page is not built: its strength bar's class is not set up.
UNWANTED_TYPES_BESIDE_A_VAULT = ("QProgressBar",)
#: With a vault already there the unlock page shows, not the create page: no strength
#: meter, so no passphrase rules and no list of common passwords.
UNWANTED_BESIDE_A_VAULT = (
    "alliance_desktop.vault.passphrase",
    # The create page's form is built only when that page shows.
    "alliance_desktop.gui.forms.ui_create_page",
    # Nothing the unlock page needs is a dataclass (the lock's holder, the lock report).
    "dataclasses",
)


def _at_the_unlock_window(tmp_path, vault=None, *, own_app=False) -> dict[str, set[str]]:
    """What the child printed when its unlock window showed: LOADED (modules), TYPES
    (PySide's QtCore, QtGui and QtWidgets classes set up so far), HOOK (sys.excepthook's class)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "ALLIANCE_VAULT": ""}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault or tmp_path / "none.alliance"),
         *(["own"] if own_app else [])],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    found = {}
    for line in proc.stdout.splitlines():
        key, _, rest = line.partition(" ")
        if key in ("LOADED", "TYPES", "HOOK"):
            found[key] = set(rest.split())
    if "LOADED" not in found:
        raise AssertionError(f"the unlock window never showed: {proc.stderr[-2000:]}")
    return found


def _loaded_at_the_unlock_window(tmp_path, vault=None) -> set[str]:
    return _at_the_unlock_window(tmp_path, vault)["LOADED"]


def test_nothing_heavy_is_loaded_before_the_unlock_window(tmp_path):
    loaded = _loaded_at_the_unlock_window(tmp_path)
    assert "alliance_desktop.gui.unlock.window" in loaded  # the probe saw the real window
    bad = sorted(m for m in loaded if m.startswith(UNWANTED))
    assert bad == []


def test_nothing_heavy_is_loaded_before_an_existing_vaults_unlock_page(tmp_path):
    from alliance_desktop.vault import Vault

    vault = tmp_path / "v.alliance"
    Vault.create(vault, "start-up imports passphrase").close()
    loaded = _loaded_at_the_unlock_window(tmp_path, vault)
    assert "alliance_desktop.gui.unlock.window" in loaded
    bad = sorted(m for m in loaded if m.startswith(UNWANTED + UNWANTED_BESIDE_A_VAULT))
    assert bad == []


def test_no_style_class_is_set_up_when_the_app_makes_its_qapplication(tmp_path):
    """A real launch: Fusion from ``-style``, no QStyle wrapped, no Python style class
    and no ctypes until the unlock window has been painted."""
    from alliance_desktop.vault import Vault

    vault = tmp_path / "v.alliance"
    Vault.create(vault, "start-up imports passphrase").close()
    found = _at_the_unlock_window(tmp_path, vault, own_app=True)
    assert "QLineEdit" in found["TYPES"]  # the probe saw the window's classes
    # (The probe starts with the event loop here, after the window's first paint has
    # handed the Caps Lock filter its first event: the QEvent classes are set up.)
    unwanted = ("QProxyStyle", "QAccessible", "Qt", *UNWANTED_TYPES_OWN_APP)
    assert sorted(found["TYPES"] & set(unwanted)) == []
    assert sorted(m for m in found["LOADED"] if m.startswith(UNWANTED)) == []


def test_the_crash_dialog_still_builds_its_form(qtbot):
    from alliance_desktop.gui.common.crash_dialog import CrashDialog

    dialog = CrashDialog("ValueError\n  at alliance_desktop/x.py:1 in f")
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText().startswith("ValueError")
    assert dialog.findChild(type(dialog.ui.crashButtons), "crashButtons") is not None


def test_no_event_class_is_set_up_and_the_crash_handler_is_armed(tmp_path):
    """Beside a vault and without one: no Python filter or override has been handed a
    plain QEvent before the window shows, and start-up crashes are still caught."""
    from alliance_desktop.vault import Vault

    vault = tmp_path / "v.alliance"
    Vault.create(vault, "start-up imports passphrase").close()
    for path in (vault, None):
        found = _at_the_unlock_window(tmp_path, path)
        assert "QLineEdit" in found["TYPES"]  # the probe saw the window's classes
        unwanted = UNWANTED_TYPES + (UNWANTED_TYPES_BESIDE_A_VAULT if path else ())
        assert sorted(found["TYPES"] & set(unwanted)) == []
        assert found["HOOK"] == {"_CrashHandler"}


def test_a_start_up_crash_shows_the_crash_dialog(monkeypatch):
    """gui.app's hook imports the crash dialog's at the first uncaught exception, hands
    it over (and the controller's handler, once set), and steps aside."""
    import alliance_desktop.gui.common.crash_window as crash_window
    from alliance_desktop.gui.app import _CrashHandler

    shown: list[str] = []

    class Dialog:
        def __init__(self, summary: str, _parent=None) -> None:
            shown.append(summary)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(crash_window, "CrashDialog", Dialog)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    handler = _CrashHandler()
    assert sys.excepthook is handler
    handled: list[BaseException] = []
    handler.handled = lambda exc: handled.append(exc) or isinstance(exc, KeyError)
    try:
        raise ValueError("start-up")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and "builtins.ValueError" in shown[0]
    assert "start-up" not in shown[0]  # the summary keeps no message
    assert sys.excepthook is not handler  # the dialog's own hook from now on
    try:
        raise KeyError("a vault problem")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and len(handled) == 2  # the controller's handler took it


@pytest.mark.parametrize(
    "argv",
    [[], ["v.alliance"], ["file:///tmp/with%20space.alliance"], ["--vault", "v.alliance"]],
)
def test_a_plain_launch_reads_as_argparse_reads_it(monkeypatch, argv):
    from alliance_desktop.gui import app

    plain = app._parse(argv)
    monkeypatch.setattr(app, "_parse_plain", lambda _argv: None)
    parsed = app._parse(argv)
    assert {k: getattr(plain, k) for k in app.Args.__slots__} == {
        k: getattr(parsed, k) for k in app.Args.__slots__
    }


@pytest.mark.parametrize(
    "argv", [["--demo"], ["--self-test"], ["-x"], ["file://elsewhere/v.alliance"], ["a", "b"]]
)
def test_everything_else_goes_to_argparse(argv):
    from alliance_desktop.gui import app

    assert app._parse_plain(argv) is None
