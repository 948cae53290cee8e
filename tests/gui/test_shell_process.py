"""The app's process: core dumps off from the start, and file dialogs that write nothing
the user picked outside the vault (Qt's dialog keeps a history in QtProject.conf)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_running_app_allows_no_core_dump(tmp_path: Path):
    script = Path(sys.executable).with_name("alliance-desktop")
    command = (
        [str(script)] if script.exists() else [sys.executable, "-m", "alliance_desktop.gui.app"]
    )
    proc = subprocess.Popen(
        [*command, "--demo"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("alliance-demo-*/demo.alliance")):
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the demo vault never appeared"
            time.sleep(0.2)
        limits = Path(f"/proc/{proc.pid}/limits").read_text()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    line = next(x for x in limits.splitlines() if x.startswith("Max core file size"))
    assert line.split()[4:6] == ["0", "0"], line


#: The app run until its unlock window shows, then: HARDENED when its passphrase field
#: first takes text (a key sent to it), or when the window has been painted.
DUMPABLE = """
import ctypes, resource, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
how = sys.argv[1]

def report(when):
    libc = ctypes.CDLL(None)
    print(when, libc.prctl(3, 0, 0, 0, 0), *resource.getrlimit(resource.RLIMIT_CORE), flush=True)

def shown():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "unlockWindow" and w.isVisible():
            edit = w.ui.passphraseEdit
            if how == "key":  # before the window was ever painted
                edit.textChanged.connect(lambda _t: (report("TEXT"), app.exit(0)))
                QApplication.sendEvent(
                    edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
                )
            else:
                w.painted.connect(lambda: QTimer.singleShot(0, lambda: (report("PAINTED"), app.exit(0))))
            return
        if w.objectName() == "mainWindow" and w.isVisible():  # the demo
            report("MAIN")
            app.exit(0)
            return
    QTimer.singleShot(1, shown)

QTimer.singleShot(0, shown)
from alliance_desktop.gui.app import main
main(sys.argv[2:])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
@pytest.mark.parametrize(("how", "when"), [("key", "TEXT"), ("paint", "PAINTED"), ("demo", "MAIN")])
def test_the_process_is_hardened_before_a_passphrase_exists(tmp_path: Path, how, when):
    """Not dumpable, core limit 0: before the passphrase field takes its first key (even
    one sent before the window was painted), once the unlock window has been painted,
    and before the demo's main window (its passphrase exists from the start)."""
    args = ["--demo"]
    if how != "demo":
        from alliance_desktop.vault import Vault

        Vault.create(tmp_path / "v.alliance", "hardening test passphrase").close()
        args = ["--vault", str(tmp_path / "v.alliance")]
    result = subprocess.run(
        [sys.executable, "-c", DUMPABLE, how, *args],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == [when, "0", "0", "0"], result.stderr[-2000:]


DIALOGS = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from alliance_desktop.gui.common import file_dialogs

app = QApplication([])
picked = Path(sys.argv[1])

def answer(choose):
    def attempt():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, attempt)
            return
        choose(dialog)
        dialog.accept()
        if dialog.isVisible():
            QTimer.singleShot(20, attempt)
    QTimer.singleShot(0, attempt)

folder = picked / "export-for-Quokka-31"
folder.mkdir(parents=True)
(folder / "backup-Quokka.alliance").write_bytes(b"x")

answer(lambda d: (d.setDirectory(str(folder)), d.selectFile(str(folder))))
print("folder", file_dialogs.get_existing_directory(None, "Folder", str(picked)))
answer(lambda d: (d.setDirectory(str(folder)), d.selectFile("backup-Quokka.alliance")))
print("open", file_dialogs.get_open_file_name(None, "Open", str(folder), "Vaults (*.alliance)")[0])
answer(lambda d: (d.setDirectory(str(folder)), d.selectFile("chart-Quokka.png")))
print("save", file_dialogs.get_save_file_name(None, "Save", str(folder), "PNG (*.png)")[0])
"""


def _files_mentioning(root: Path, needle: str) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            found.append(path)
    return found


@pytest.mark.parametrize("existing_conf", [False, True])
def test_file_dialogs_leave_no_picked_path_behind(tmp_path: Path, existing_conf: bool):
    env = _env(tmp_path)
    home = Path(env["HOME"])
    conf = home / ".config" / "QtProject.conf"
    if existing_conf:  # someone else's Qt settings survive untouched
        conf.write_text("[Other]\nkept=yes\n")
    picked = tmp_path / "picked"
    result = subprocess.run(
        [sys.executable, "-c", DIALOGS, str(picked)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    folder = picked / "export-for-Quokka-31"
    assert lines == {
        "folder": str(folder),
        "open": str(folder / "backup-Quokka.alliance"),
        "save": str(folder / "chart-Quokka.png"),
    }
    assert _files_mentioning(home, "Quokka") == []
    assert _files_mentioning(home, str(picked)) == []
    if existing_conf:
        assert "kept=yes" in conf.read_text()
    else:
        assert not conf.exists()
