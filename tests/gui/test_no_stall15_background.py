"""Issue 15, no stall: export, backup, restore and merge run in a worker while the
window keeps turning (a 10 ms heartbeat never waits more than 100 ms on a 200 × 100
vault), with Cancel that leaves nothing behind and a lock that cancels the job.

The bound is the behaviour itself, but a heartbeat also measures whatever else the
machine runs: another process taking both cores for 100 ms stalls any event loop.
So each operation is measured up to RUNS times (each run the whole operation, its
results checked every time) and passes once one run holds STALL_MS; a failure lists
every run's figure. The bound is never loosened: a stall the code causes shows in
every run, load from elsewhere only in some.

For that every run starts from the same window (``_ready``): the window's own work
over (the unlock's insights refresh, its estimates and charts; settling alone let it
end inside the first run, where its results were shown on the UI thread while the
job's worker held the interpreter: 100-300 ms that were not the job's, even with a job
that only sleeps) and the window active, as a desktop window is again after a dialog
closed (offscreen it stays inactive, so only the first run paid for the progress
dialog deactivating it and the window repainting).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import DEMO_PASSPHRASE

from alliance_desktop.app import backups, exports
from alliance_desktop.app import merge as app_merge
from alliance_desktop.gui.common import background
from alliance_desktop.gui.safety.dialogs import ExportDialog, RestoreBackupDialog
from alliance_desktop.vault import VaultInUseError
from tests.gui.heartbeat import RUNS, Heartbeat, holds_the_bound, quiet, settled


@pytest.fixture(scope="module")
def demo_file(stall_demo: Path) -> Path:
    """The module's copy of the shared 200 × 100 vault (conftest's ``stall_master``)."""
    return stall_demo


def _ready(ctl, qtbot) -> None:
    """Before a run: the window's own background work over and the window active."""
    hub = ctl.window.insights
    qtbot.waitUntil(
        lambda: (
            not hub.isRefreshing()
            and (hub.analysis is None or hub.estimatesReady())
            and not hub.isDrawingCharts()
        ),
        timeout=30000,
    )
    ctl.window.activateWindow()
    qtbot.waitUntil(ctl.window.isActiveWindow, timeout=5000)
    quiet(qtbot)


def _choose_export(monkeypatch, fmt: str, out: Path) -> None:
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ExportDialog, "choice", lambda self: (fmt, out))


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_keeps_the_window_turning(open_demo, qtbot, monkeypatch, tmp_path, fmt):
    ctl = settled(open_demo(refresh=False, shown=True), qtbot)
    hub = ctl.window.safety
    runs = iter(range(RUNS))

    def export_once(heart: Heartbeat) -> None:
        out = tmp_path / f"out{next(runs)}" / f"export.{fmt}"
        out.parent.mkdir()
        _choose_export(monkeypatch, fmt, out)
        _ready(ctl, qtbot)
        written = heart.during(hub.exportData)
        assert written == out and out.stat().st_size > 1_000_000
        assert _files(out.parent) == [out.name]

    holds_the_bound(f"{fmt} export", export_once, qtbot)


def test_backup_now_keeps_the_window_turning(open_demo, qtbot, tmp_path):
    ctl = settled(open_demo(refresh=False, shown=True), qtbot)
    runs = iter(range(RUNS))

    def backup_once(heart: Heartbeat) -> None:
        folder = tmp_path / f"backups{next(runs)}"
        ctl.prefs.set({"backup_folder": str(folder)})
        _ready(ctl, qtbot)
        heart.during(ctl.backupNow)
        made = backups.list_backups(folder)
        assert len(made) == 1 and made[0].verified

    holds_the_bound("backup", backup_once, qtbot)


def test_restore_keeps_the_window_turning(open_demo, qtbot, monkeypatch, tmp_path):
    ctl = settled(open_demo(refresh=False, shown=True), qtbot)
    folder = tmp_path / "backups"
    ctl.prefs.set({"backup_folder": str(folder)})
    ctl.backupNow()
    assert backups.list_backups(folder)

    def choose(dialog: RestoreBackupDialog) -> int:
        dialog.passphraseEdit.setText(DEMO_PASSPHRASE)
        dialog._restore()  # checks the backup whole (a worker too), then accepts
        return int(dialog.result())

    monkeypatch.setattr(RestoreBackupDialog, "exec", choose)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a: 0)
    reopen, lock = ctl.reopen, ctl.lock

    def restore_once(heart: Heartbeat) -> None:
        # Filling the window again after the reopen is the unlock path's (issue 15's
        # first paint), and emptying it at the lock is Ctrl+L's own UI work (every
        # widget cleared, the unlock screen built: it cannot leave the UI thread), not
        # the restore's: neither is counted here. The backup, the check and the copy
        # into place, which can take seconds, are.
        monkeypatch.setattr(ctl, "reopen", heart.excluding(reopen))
        monkeypatch.setattr(ctl, "lock", heart.excluding(lock))
        _ready(ctl, qtbot)
        assert heart.during(ctl.window.safety.restoreBackup) is True
        assert ctl.vault is not None and ctl.vault.is_open

    holds_the_bound("restore", restore_once, qtbot)


def test_merge_through_the_worker_keeps_the_window_turning(open_demo, qtbot, tmp_path):
    ctl = settled(open_demo(refresh=False, shown=True), qtbot)
    other = tmp_path / "other" / "copy.alliance"
    other.parent.mkdir()
    shutil.copyfile(ctl.vault_path, other)

    def merge_once(heart: Heartbeat) -> None:
        _ready(ctl, qtbot)
        outcome = heart.during(
            lambda: background.run(
                ctl.window, app_merge.merge, ctl.vault, other, DEMO_PASSPHRASE, vault=ctl.vault
            )
        )
        assert outcome is not None and outcome.value.new_sessions == 0

    holds_the_bound("merge", merge_once, qtbot)


def test_cancel_leaves_no_file_and_no_audit_row(open_demo, qtbot, tmp_path):
    ctl = open_demo(refresh=False)
    vault = ctl.vault
    audited = len(vault.audit_log()) if hasattr(vault, "audit_log") else None
    folder = tmp_path / "out"
    folder.mkdir()
    shown: list[str] = []
    job = background.start(
        ctl.window, exports.export_data, vault, "json", folder / "x.json", vault=vault
    )
    job.progressed.connect(lambda *_: job.cancel())  # Cancel at the first report
    background.wait_for(job)
    assert background.finish(ctl.window, job, show_error=shown.append) is None
    assert job.wasCancelled and shown and "Cancelled" in shown[0]
    assert _files(folder) == []
    if audited is not None:
        assert len(vault.audit_log()) == audited
    assert vault.lent_to is None and vault.job is None


def test_the_ui_thread_keeps_off_the_vault_while_a_job_has_it(open_demo, tmp_path):
    ctl = open_demo(refresh=False)
    vault = ctl.vault
    job = background.start(
        ctl.window, exports.export_data, vault, "csv", tmp_path / "x.csv", vault=vault
    )
    with pytest.raises(VaultInUseError):
        vault.clients()
    background.wait_for(job)
    assert job.outcome is not None
    assert vault.clients()  # given back


def test_a_lock_during_a_job_cancels_it_and_locks(open_demo, tmp_path):
    ctl = open_demo(refresh=False)
    folder = tmp_path / "out"
    folder.mkdir()
    job = background.start(
        ctl.window, exports.export_data, ctl.vault, "json", folder / "x.json", vault=ctl.vault
    )
    ctl.lock()  # never waits the export out, never fails
    assert ctl.vault is None
    assert not job.isRunning() and job.wasCancelled
    assert _files(folder) == []
    background.wait_for(job)  # its ending still arrives, and shows nothing
