"""Nothing connects: the socket guard works, Qt's network module never loads, and the
whole CLI flow and a GUI session run inside a namespace with no network at all."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ._helpers import PASSPHRASE, csv_text, run_cli

ROOT = Path(__file__).parents[2]


def test_guard_catches_internet_sockets(network_attempts: list[str]):
    for family in (socket.AF_INET, socket.AF_INET6):
        with pytest.raises(RuntimeError, match="must not open network"):
            socket.socket(family, socket.SOCK_STREAM)
    with pytest.raises(RuntimeError, match="must not open network"):
        socket.socket()  # the default family is AF_INET
    with pytest.raises(RuntimeError, match="must not open network"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert len(network_attempts) == 4
    network_attempts.clear()  # caught on purpose: let this test pass


def test_guard_lets_local_unix_sockets_through(network_attempts: list[str]):
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM):
        pass
    assert network_attempts == []


def test_guard_records_an_attempt_that_code_swallows(network_attempts: list[str]):
    with contextlib.suppress(Exception):  # careless code hides the failure...
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    # ...but the fixture still saw it, and would fail the test at teardown.
    assert network_attempts == ["socket(family=AF_INET)"]
    network_attempts.clear()


GUI_SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from alliance_desktop.domain import Client, Session
    from alliance_desktop.gui.shell.controller import AppController
    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager

    folder = Path(sys.argv[1])
    passphrase = sys.argv[2]
    app = QApplication([])
    prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, folder / "vault.alliance", prefs, theme)
    ctl.start()


    def wait(condition, what):
        for _ in range(1000):
            if condition():
                return
            QTest.qWait(10)
        raise SystemExit(f"timed out waiting for {what}")


    unlock = ctl.unlock_window
    unlock.findChild(QLineEdit, "newPassphraseEdit").setText(passphrase)
    unlock.findChild(QLineEdit, "confirmPassphraseEdit").setText(passphrase)
    button = unlock.findChild(QPushButton, "createVaultButton")
    wait(button.isEnabled, "the create button")
    button.click()
    wait(lambda: ctl.window is not None and ctl.window.isVisible(), "the main window")
    client = ctl.vault.save_client(Client("Net 01"))
    ctl.vault.save_session(Session(client.id, date(2025, 2, 3), trust=7, engagement=6))
    ctl.window.actionLock.trigger()
    wait(lambda: ctl.vault is None, "the lock")
    ctl.dispose()
    print("qtnetwork-loaded" if "PySide6.QtNetwork" in sys.modules else "qtnetwork-absent")
    """
)


def _run_gui(tmp_path: Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "gui_journey.py"
    script.write_text(GUI_SCRIPT, encoding="utf-8")
    folder = tmp_path / "gui"
    folder.mkdir()
    return subprocess.run(
        [*prefix, sys.executable, str(script), str(folder), PASSPHRASE],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


@pytest.mark.slow
def test_qt_network_module_is_never_imported(tmp_path: Path):
    """A fresh process (clean sys.modules) creates a vault, writes, locks, quits."""
    proc = _run_gui(tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "qtnetwork-absent"


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        return (
            subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=10).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


needs_unshare = pytest.mark.skipif(
    not _unshare_works(),
    reason="`unshare -n` is missing or not permitted here (needs util-linux and root or "
    "unprivileged user namespaces)",
)
NO_NET = ("unshare", "-n")


@pytest.mark.slow
@needs_unshare
def test_cli_flow_works_without_any_network(tmp_path: Path):
    vault = tmp_path / "vault.alliance"
    data = tmp_path / "in.csv"
    data.write_text(csv_text(30, clients=3), encoding="utf-8")
    steps = [
        ("init",),
        ("import", str(data)),
        ("export", "--format", "csv", "--out", str(tmp_path / "out.csv")),
        ("stats",),
        ("backup", "--out", str(tmp_path / "backup.alliance")),
        ("verify",),
    ]
    for step in steps:
        proc = run_cli(vault, *step, prefix=NO_NET)
        assert proc.returncode == 0, (step, proc.stderr)
    assert "3 clients, 30 sessions" in proc.stdout


@pytest.mark.slow
@needs_unshare
def test_gui_session_works_without_any_network(tmp_path: Path):
    proc = _run_gui(tmp_path, NO_NET)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "qtnetwork-absent"
