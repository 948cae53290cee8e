"""The unlock window shows under the plain C++ Fusion style and the application's own
(:class:`AppStyle`, a Python QProxyStyle) comes once it has been painted (issue 15):
the window must look the same under both, in either theme, and the style must be the
application's from then on (theme changes, indicator rings in later windows)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

CHILD = """
import os, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

QSettings("AllianceDesktop", "Alliance Desktop").setValue("theme", sys.argv[2])
shots = {}

def grab(w, key):
    shots[key] = w.grab().toImage()

def after():
    w = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "unlockWindow")
    grab(w, "after")
    from alliance_desktop.gui.common.app_style import IndicatorStyle
    from PySide6.QtWidgets import QStyle
    shared = QApplication.instance().findChild(QStyle, "allianceIndicatorStyle")
    print("APPSTYLE", isinstance(shared, IndicatorStyle))
    if os.environ.get("SHOTS"):
        shots["before"].save(os.environ["SHOTS"] + "/before.png")
        shots["after"].save(os.environ["SHOTS"] + "/after.png")
    print("SAME", shots["before"] == shots["after"], shots["before"].size().width())
    os._exit(0)

from alliance_desktop.gui.common import theme

install = theme.ThemeManager.install_app_style

def install_app_style(self):  # grab the window as painted, install, grab again
    w = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "unlockWindow")
    assert w.isVisible()
    # What the window shows once the events of its first show are handled (the focus
    # ring's wider border asks for a new layout after the first paint, either way).
    QApplication.sendPostedEvents()
    grab(w, "before")
    install(self)
    QTimer.singleShot(50, after)

theme.ThemeManager.install_app_style = install_app_style
QApplication.setCursorFlashTime(0)  # the field's cursor does not blink between grabs
from alliance_desktop.gui.app import main
main(["--vault", sys.argv[1]])
"""


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", ["unlock", "create"])
def test_the_unlock_window_looks_the_same_once_the_app_style_is_installed(tmp_path, theme, page):
    vault = tmp_path / "v.alliance"
    if page == "unlock":
        from alliance_desktop.vault import Vault

        Vault.create(vault, "start-up style passphrase").close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "ALLIANCE_VAULT": ""}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault), theme],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    assert "SAME" in lines, proc.stderr[-2000:]
    assert lines["SAME"].split()[0] == "True"  # pixel for pixel
    assert int(lines["SAME"].split()[1]) > 100  # a real grab
    assert lines["APPSTYLE"] == "True"  # the application's style from now on


def test_a_deferred_style_gives_check_boxes_their_rings_and_follows_the_theme(qapp, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QLineEdit, QStyle, QVBoxLayout, QWidget

    from alliance_desktop.gui.common.app_style import AppStyle, IndicatorStyle
    from alliance_desktop.gui.common.theme import ThemeManager

    qapp.setStyle("Fusion")
    theme = ThemeManager(qapp, "light", defer_style=True)
    assert not isinstance(qapp.style(), AppStyle)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    box, edit = QCheckBox("Tick"), QLineEdit()
    layout.addWidget(box)
    layout.addWidget(edit)
    window.show()
    qtbot.waitExposed(window)
    set_style = Qt.WidgetAttribute.WA_SetStyle
    assert not box.testAttribute(set_style)  # shown before the switch: plain Fusion
    theme.install_app_style()
    theme.install_app_style()  # idempotent
    assert isinstance(qapp.findChild(QStyle, "allianceIndicatorStyle"), IndicatorStyle)
    assert box.testAttribute(set_style)  # polished again: AppStyle gave it the rings
    assert not edit.testAttribute(set_style)
    theme.set_choice("dark")
    assert box.palette().color(box.backgroundRole()) == qapp.palette().color(box.backgroundRole())
    assert theme.is_dark
