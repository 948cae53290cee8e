"""The unlock window's accessible tree is the same when its labels' factory is
installed after the window has been painted (issue 15): the title is a level-1
heading and the message labels are alerts, from the first question an assistive
technology can ask; an interface Qt made before the factory is dropped."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

CHILD = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6 import QtGui
app = QApplication(sys.argv[:1])

def roles(w):
    from PySide6.QtGui import QAccessible
    for label in (w.ui.unlockTitleLabel, w.ui.unlockMessageLabel):
        iface = QAccessible.queryAccessibleInterface(label)
        print("ROLE", label.objectName(), iface.role().name, flush=True)
    os._exit(0)

def shown():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "unlockWindow" and w.isVisible():
            print("EARLY", "QAccessible" in vars(QtGui), flush=True)
            w.painted.connect(lambda: QTimer.singleShot(0, lambda: roles(w)))
            return
    QTimer.singleShot(1, shown)

QTimer.singleShot(0, shown)
from alliance_desktop.gui.app import main
main(["--vault", sys.argv[1]])
"""


def test_the_unlock_windows_labels_keep_their_roles(tmp_path):
    from alliance_desktop.vault import Vault

    vault = tmp_path / "v.alliance"
    Vault.create(vault, "start-up a11y passphrase").close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "ALLIANCE_VAULT": ""}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    lines = [line.split() for line in proc.stdout.splitlines()]
    assert ["EARLY", "False"] in lines, proc.stderr[-2000:]  # set up after the paint
    assert ["ROLE", "unlockTitleLabel", "Heading"] in lines, proc.stderr[-2000:]
    assert ["ROLE", "unlockMessageLabel", "AlertMessage"] in lines


EARLY_INTERFACE = """
import os
os.environ.pop("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", None)
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel
from alliance_desktop.gui.common import accessibility
app = QApplication([])
accessibility.defer_factory()
title = QLabel("Unlock your vault")
accessibility.mark_heading(title, 1)
QAccessible.setActive(True)  # as if a screen reader had asked before the paint
print("EARLY", QAccessible.queryAccessibleInterface(title).role().name)
accessibility.install_factory()
print("LATER", QAccessible.queryAccessibleInterface(title).role().name)
print("LEVEL", accessibility.heading_level(title))
QAccessible.setActive(False)
"""


def test_an_interface_made_before_the_factory_is_dropped(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", EARLY_INTERFACE], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip
    lines = [line.split() for line in proc.stdout.splitlines()]
    assert lines == [["EARLY", "StaticText"], ["LATER", "Heading"], ["LEVEL", "1"]], proc.stderr[
        -2000:
    ]
