"""Issue 15, no stall: the supervision packet is written by a background job, so a
10 ms heartbeat never waits more than 100 ms while a packet for every client of a
200 × 100 vault is read, laid out and written (tests/gui/heartbeat.py: measured up to
three times, passing once one run holds the bound); and a lock while it runs cancels
it, leaving no file and no record.

Before, the wizard wrote it on the UI thread, pumping the event loop between sections:
the window froze for 470 ms (reading the chosen sessions, pseudonymising them) before
the first section, at 170 clients.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.common import background
from alliance_desktop.vault import Vault
from tests.gui.heartbeat import Heartbeat, holds_the_bound, quiet


@pytest.fixture(scope="module")
def demo_file(stall_demo: Path) -> Path:
    """The module's copy of the shared 200 × 100 vault (conftest's ``stall_master``)."""
    return stall_demo


def _wizard_for_everyone(ctl, qtbot):
    """The wizard opened from its action, every client ticked, its preview done."""
    w = ctl.window
    w.findChild(type(w.actionLock), "actionPrepareSupervision").trigger()
    wizard = w.supervision.wizard
    qtbot.waitUntil(wizard.isReady, timeout=30000)
    model = wizard.clientModel
    for row in range(model.rowCount()):
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: wizard.previewer.packet is not None, timeout=60000)
    qtbot.waitUntil(lambda: not wizard.previewer.isBusy(), timeout=120000)
    assert len(wizard.chosenClientIds()) > 150
    return wizard


def test_the_packet_export_keeps_the_window_turning(open_demo, qtbot, tmp_path):
    ctl = open_demo(refresh=False, shown=True)
    wizard = _wizard_for_everyone(ctl, qtbot)
    runs = iter(range(10))

    def once(beat: Heartbeat) -> None:
        out = tmp_path / f"packet-{next(runs)}.pdf"
        before = len(ctl.vault.packets())
        written = beat.during(lambda: wizard.exportPdf(str(out)))
        assert written == out and out.read_bytes().startswith(b"%PDF")
        assert out.stat().st_mode & 0o777 == 0o600
        assert len(ctl.vault.packets()) == before + 1
        quiet(qtbot)

    holds_the_bound("packet for every client (200 x 100)", once, qtbot)
    wizard.close()


def test_a_lock_while_the_packet_is_written_cancels_it(open_demo, qtbot, tmp_path, monkeypatch):
    ctl = open_demo(refresh=False, shown=True)
    wizard = _wizard_for_everyone(ctl, qtbot)
    path = ctl.vault_path
    real_report = background.Job.report
    reported: list[int] = []

    def report(self, done, total, text=""):
        real_report(self, done, total, text)
        reported.append(done)
        if len(reported) == 1:  # the lock (idle timer, screen lock) arrives meanwhile
            QTimer.singleShot(0, ctl.window, ctl.lock)

    monkeypatch.setattr(background.Job, "report", report)
    switch_interval = sys.getswitchinterval()
    folder = tmp_path / "packets"
    folder.mkdir()
    assert wizard.exportPdf(str(folder / "locked.pdf")) is None
    assert ctl.vault is None and list(folder.iterdir()) == []
    assert reported and reported[-1] < 5  # stopped at the next section, not written out
    # The job went with the wizard the lock closed; the interpreter is given back
    # (collection on, the usual switch interval), as after any job.
    assert gc.isenabled() and sys.getswitchinterval() == switch_interval
    with Vault.open(path, DEMO_PASSPHRASE) as vault:
        assert vault.packets() == []  # no record, no audit row of a packet
        assert not [event for _at, event, _detail in vault.audit_log() if event == "report"]
