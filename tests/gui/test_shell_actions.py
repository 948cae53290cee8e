"""Issue 12: one action registry (Picard's shape), features add through the shell, and the
controller's public doors (switchVault, reopen); issue 15: the start-up import path.

Actions are declared once (``shell/actions.SHELL_ACTIONS`` and ``registerAction``),
created into the window, found by name and placed in their menu; no hub builds a
QAction of its own. The controller imports neither the vault's store nor the idle and
screen-lock watchers before the unlock window shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from support import DEMO_PASSPHRASE

import alliance_desktop.gui as gui_package
from alliance_desktop.gui.shell.actions import MENU_ORDER, SHELL_ACTIONS
from alliance_desktop.vault import Vault

FEATURES = ("insights/hub.py", "supervision/hub.py", "trainee/hub.py", "safety/__init__.py")


def test_every_shell_action_is_declared_once_and_found_by_name(app_ctl) -> None:
    w = app_ctl.window
    names = [spec.name for spec in SHELL_ACTIONS]
    assert len(names) == len(set(names))
    for spec in SHELL_ACTIONS:
        action = w.action(spec.name)
        assert action is getattr(w, spec.name)
        assert w.findChild(QAction, spec.name) is action
        assert action.text() and action.toolTip()
        assert action in w.menu(spec.menu).actions(), spec.name
    with pytest.raises(KeyError):
        w.action("actionNoSuchThing")


def test_the_menus_stand_in_their_order(app_ctl) -> None:
    bar = app_ctl.window.menuBar()
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    names = [m.objectName() for m in menus]
    assert names == [
        "menuFile",
        "menuEdit",
        "menuClient",
        "menuView",
        "menuSupervision",
        "menuHelp",
    ]
    order = [n.removeprefix("menu").lower() for n in names]
    assert order == sorted(order, key=MENU_ORDER.index)


def test_the_file_menu_holds_the_safety_net_above_quit(app_ctl) -> None:
    items = [a.objectName() or "-" for a in app_ctl.window.menuFile.actions()]
    assert items[:8] == [
        "actionNewSession",
        "actionNewClient",
        "-",
        "actionBackup",
        "actionPrivacy",
        "actionLock",
        "-",
        "actionOpenVault",
    ]
    safety = ["actionExport", "actionRestoreBackup", "actionChangePassphrase"]
    safety.append("actionRecentlyDeleted")
    positions = [items.index(name) for name in safety]
    assert positions == sorted(positions)
    assert items[items.index("actionRestoreBackup") - 1] == "-"
    assert items[-2:] == ["-", "actionQuit"]  # Quit last, set apart
    assert "-" not in (items[0], items[-3])  # no doubled or leading line


def test_features_put_their_actions_where_they_belong(app_ctl) -> None:
    w = app_ctl.window
    client = [a.objectName() for a in w.menuClient.actions()]
    assert client[:2] == ["actionAddPracticeClient", "actionEditClient"]
    view = [a.objectName() or "-" for a in w.menu("view").actions()]
    assert view == [
        "actionBack",
        "-",
        "actionDashboard",
        "actionInsights",
        "-",
        "actionPracticeLog",
    ]
    supervision = [a.objectName() for a in w.menu("supervision").actions()]
    assert supervision == ["actionPrepareSupervision", "actionPastPackets"]
    assert w.action("actionPrepareSupervision").shortcut().toString() == "Ctrl+Shift+P"


def test_register_action_from_a_feature(app_ctl, qtbot) -> None:
    w = app_ctl.window
    hits: list[bool] = []
    action = w.registerAction(
        "actionTryMe",
        "&Try me",
        shortcut="Ctrl+Alt+T",
        menu="session",
        triggered=lambda: hits.append(True),
        separator=True,
    )
    assert w.action("actionTryMe") is action
    assert action.toolTip() == "Try me" and action.shortcut().toString() == "Ctrl+Alt+T"
    # A new menu lands in its place: Session between Client and View.
    names = [a.menu().objectName() for a in w.menuBar().actions() if a.menu() is not None]
    assert names.index("menuSession") == names.index("menuClient") + 1
    assert action.isEnabled()  # the vault is open
    action.trigger()
    assert hits == [True]
    with pytest.raises(ValueError):
        w.registerAction("actionTryMe", "again")
    app_ctl.lock()
    assert not action.isEnabled()  # like every vault action while locked
    assert w.action("actionQuit").isEnabled() and w.action("actionAbout").isEnabled()


@pytest.mark.parametrize("name", FEATURES)
def test_no_feature_builds_its_own_actions_or_menus(name: str) -> None:
    source = (Path(gui_package.__file__).parent / name).read_text(encoding="utf-8")
    assert not re.search(r"\bQAction\(", source), name
    assert "menuBar()" not in source, name


def test_switch_vault_locks_and_asks_for_the_other_file(app_ctl, tmp_path, qtbot) -> None:
    w = app_ctl.window
    other = tmp_path / "other.alliance"
    shutil.copyfile(app_ctl.vault_path, other)
    before = app_ctl.vault_path
    assert app_ctl.switchVault(other)
    assert app_ctl.vault is None and w.vault is None
    assert app_ctl.vault_path == other and w.vault_path == other
    unlock = app_ctl.unlock_window
    assert unlock is not None and w.ui.rootStack.currentWidget() is w.ui.lockedPage
    assert unlock.vaultPath() == other
    assert Path(before).exists()
    # reopen: straight back in with a vault opened again (what a restore does).
    vault = Vault.open(other, DEMO_PASSPHRASE)
    app_ctl.reopen(vault)
    assert app_ctl.vault is vault and w.vault is vault
    assert w.clientModel.rowCount() > 0
    assert w.ui.rootStack.currentWidget() is w.ui.workspacePage


def test_the_safety_hub_uses_the_public_doors() -> None:
    source = (Path(gui_package.__file__).parent / "safety" / "__init__.py").read_text("utf-8")
    assert "._show_unlock_screen" not in source and "._on_unlocked" not in source
    assert ".switchVault(" in source and ".reopen(" in source


def test_nothing_heavy_before_the_unlock_window() -> None:
    """What app.main imports before the unlock window shows: no vault store, no
    sqlcipher3, no idle or screen-lock watcher (D-Bus), no main window."""
    code = (
        "import sys\n"
        "import alliance_desktop.gui.app, alliance_desktop.gui.shell.controller\n"
        "import alliance_desktop.gui.unlock.window, alliance_desktop.vault.location\n"
        "import alliance_desktop.gui.common.crash_dialog, alliance_desktop.gui.common.theme\n"
        "heavy = ('alliance_desktop.vault.store', 'sqlcipher3', 'alliance_desktop.gui.common.idle',"
        " 'PySide6.QtDBus', 'alliance_desktop.gui.shell.main_window', 'matplotlib')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
