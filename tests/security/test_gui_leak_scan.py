"""Nothing leaks from the desktop app either.

A real GUI run (offscreen, in its own process) with HOME, the XDG folders, TMPDIR and
the working folder in a fresh place: create a vault, add a client and write a session
with a canary in every text field, search, draw the trend chart and the dashboard,
write a supervision packet the user asked for, lock (which writes an automatic
backup), quit. Afterwards only the vault, its backups, the requested packet, Qt's
harmless preferences file and matplotlib's font cache may exist, and only the packet
may hold the canary.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from .leakscan import files_containing, new_files, snapshot

pytestmark = pytest.mark.slow

CANARY = "Wq4guileakcanary"

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QWidget
    from alliance_desktop.domain import Client
    from alliance_desktop.gui.shell.controller import AppController
    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager

    canary, work, passphrase = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    app = QApplication([])

    def settle(n=30):
        for _ in range(n):
            app.processEvents()

    ctl = AppController(app, work / "vault.alliance", Preferences(), ThemeManager(app, "system"))
    ctl.start()
    unlock = ctl.unlock_window
    unlock.findChild(QLineEdit, "newPassphraseEdit").setText(passphrase)
    unlock.findChild(QLineEdit, "confirmPassphraseEdit").setText(passphrase)
    unlock.findChild(QPushButton, "createVaultButton").click()
    import time
    deadline = time.monotonic() + 60
    while ctl.vault is None and time.monotonic() < deadline:  # the key is derived in a worker
        settle(1)
        time.sleep(0.01)
    settle()
    window, vault = ctl.window, ctl.vault
    client = vault.save_client(Client(canary[:10] + " 01", goals=canary + " goals"))
    window.reloadClients(select=client.id)
    window.newSession()
    editor = window.editor
    editor.findChild(QWidget, "trustInput").setValue(7)
    editor.findChild(QWidget, "engagementInput").setValue(5)
    editor.findChild(QPlainTextEdit, "reflectionEdit").setPlainText(canary + " reflection")
    editor.findChild(QPushButton, "addRuptureButton").click()
    rupture = editor.ruptureEditors()[0]
    rupture.findChild(QWidget, "ruptureType_withdrawal").click()
    rupture.findChild(QWidget, "ruptureResolution_no").click()
    rupture.findChild(QPlainTextEdit, "ruptureNote").setPlainText(canary + " note")
    editor.tagEdit.setText(canary + "tag")
    settle()
    window.saveSession()
    assert vault.session_count() == 1, "the session was not saved"
    # A half-written second session stays behind as a draft (in the vault).
    window.newSession()
    editor.findChild(QPlainTextEdit, "reflectionEdit").setPlainText(canary + " draft")
    window.saveDraftNow()
    window.closeEditor()
    window.searchEdit.setText(canary)
    window._run_search()
    assert window.searchModel.rowCount() >= 1, "search found nothing"
    window.ui.clientTabs.setCurrentIndex(1)  # Trends: draws the client chart
    settle(60)
    from alliance_desktop.app.files import write_private_bytes
    from alliance_desktop.reports.supervision import PacketOptions, build_packet, render_packet
    packet = build_packet(vault, PacketOptions(date(2000, 1, 1), date.today()))
    write_private_bytes(work / "packet.pdf", render_packet(packet).data)
    ctl.lock()
    settle()
    ctl.quit()
    print("GUI-FLOW-OK")
    """
)


def test_gui_flow_leaves_nothing_but_what_was_asked_for(tmp_path: Path):
    home = tmp_path / "home"
    dirs = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": home / "run",
        "TMPDIR": home / "tmp",
    }
    work = home / "work"
    for folder in (*dirs.values(), work):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = {**os.environ, **{k: str(v) for k, v in dirs.items()}, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MPLCONFIGDIR", None)
    env["ALLIANCE_VAULT"] = ""
    system_tmp = Path(tempfile.gettempdir())
    before = snapshot([system_tmp])

    proc = subprocess.run(
        [sys.executable, "-c", CHILD, CANARY, str(work), "gui leak scan passphrase"],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert "GUI-FLOW-OK" in proc.stdout, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr

    after = snapshot([system_tmp])
    created = sorted(snapshot([home]))
    vault, packet = work / "vault.alliance", work / "packet.pdf"
    backups = [p for p in created if p.parent == work / "backups"]
    settings = [p for p in created if p.is_relative_to(home / ".config" / "AllianceDesktop")]
    font_cache = [p for p in created if p.is_relative_to(home / ".config" / "matplotlib")
                  or p.is_relative_to(home / ".cache" / "matplotlib")]  # fmt: skip
    assert vault in created and packet in created
    assert len(backups) == 1, "lock should have written one automatic backup"
    unexplained = set(created) - {vault, packet, *backups, *settings, *font_cache}
    assert unexplained == set(), sorted(unexplained)
    assert all(p.name.startswith("fontlist") for p in font_cache), font_cache

    scan = files_containing(created, CANARY)
    # The packet is the user's deliberate export (its text streams are compressed,
    # so a raw scan may or may not see the canary there); nothing else may hold it.
    assert set(scan.leaking) <= {packet}, scan.leaking
    fresh = [p for p in new_files(before, after) if not p.is_relative_to(tmp_path)]
    tmp_scan = files_containing(fresh, CANARY)
    assert tmp_scan.leaking == [], tmp_scan.leaking
    print(f"\nGUI leak scan: {len(scan.scanned) + len(tmp_scan.scanned)} files scanned")
