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


DUMPABLE = """
import ctypes, resource, sys
import alliance_desktop.gui.app as gui_app

class Stop(Exception):
    pass

def parse(argv):  # main's first step after hardening: stop there and report
    raise Stop

gui_app._parse = parse
try:
    gui_app.main([])
except Stop:
    pass
libc = ctypes.CDLL(None)
print(libc.prctl(3, 0, 0, 0, 0), *resource.getrlimit(resource.RLIMIT_CORE))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_main_hardens_the_process_before_anything_else(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", DUMPABLE],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["0", "0", "0"]  # not dumpable; core limit soft/hard 0


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
