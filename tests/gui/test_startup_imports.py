"""Start-up imports only what the unlock window needs (issue 15): the app is run in a
fresh process until its unlock window shows, and nothing heavy may be loaded by then."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    def shown():
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "unlockWindow" and w.isVisible():
                print("LOADED", " ".join(sorted(sys.modules)), flush=True)
                os._exit(0)
        QTimer.singleShot(1, shown)
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
)
#: With a vault already there the unlock page shows, not the create page: no strength
#: meter, so no passphrase rules and no list of common passwords.
UNWANTED_BESIDE_A_VAULT = (
    "alliance_desktop.vault.passphrase",
    # The create page's form is built only when that page shows.
    "alliance_desktop.gui.forms.ui_create_page",
    # Nothing the unlock page needs is a dataclass (the lock's holder, the lock report).
    "dataclasses",
)


def _loaded_at_the_unlock_window(tmp_path, vault=None) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "ALLIANCE_VAULT": ""}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault or tmp_path / "none.alliance")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    for line in proc.stdout.splitlines():
        if line.startswith("LOADED "):
            return set(line.split()[1:])
    raise AssertionError(f"the unlock window never showed: {proc.stderr[-2000:]}")


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


def test_the_crash_dialog_still_builds_its_form(qtbot):
    from alliance_desktop.gui.common.crash_dialog import CrashDialog

    dialog = CrashDialog("ValueError\n  at alliance_desktop/x.py:1 in f")
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText().startswith("ValueError")
    assert dialog.findChild(type(dialog.ui.crashButtons), "crashButtons") is not None
