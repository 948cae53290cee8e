"""Issue 15, first paint and no stall: after unlock the caseload table has rows at
once (before any analysis), the alerts follow from a worker, the refresh after
unlock or a change keeps a 10 ms heartbeat within 100 ms on a 200 × 100 vault, and a
lock during the analysis locks at once.

The stall bound is the behaviour itself; a heartbeat also measures other processes'
load, so each refresh is measured up to RUNS times and passes once one run holds it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from support import DEMO_PASSPHRASE

from alliance_desktop.app.changes import Changes
from alliance_desktop.gui import operations
from alliance_desktop.vault.demo import create_demo_vault

STALL_MS = 100
RUNS = 3


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo200") / "demo.alliance"
    create_demo_vault(path, DEMO_PASSPHRASE, clients=200, sessions=100, seed=15).close()
    return path


class Heartbeat:
    def __init__(self) -> None:
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(lambda: self.marks.append(time.monotonic()))
        self.marks: list[float] = []

    def start(self) -> None:
        self.marks = [time.monotonic()]
        self.timer.start()

    def stop(self) -> float:
        self.marks.append(time.monotonic())
        self.timer.stop()
        assert len(self.marks) > 10, "the loop did not turn"
        return max(b - a for a, b in zip(self.marks, self.marks[1:], strict=False)) * 1000


def _within_bound(what: str, run_once) -> None:
    figures: list[float] = []
    for _ in range(RUNS):
        figures.append(run_once())
        print(f"{what}: longest stall {figures[-1]:.0f} ms")
        if figures[-1] <= STALL_MS:
            return
    pytest.fail(f"{what} stalled over {STALL_MS} ms in every run: {figures}")


def _settle(qtbot) -> None:
    quiet = Heartbeat()
    for _ in range(20):
        quiet.start()
        qtbot.wait(300)
        if quiet.stop() < 40:
            return


def test_the_caseload_has_rows_before_the_analysis_and_the_alerts_follow(open_demo, qtbot):
    ctl = open_demo(refresh=False)
    hub = ctl.window.insights
    clients = [c for c in ctl.vault.clients() if not c.is_practice]
    # Straight after unlock, before any analysis: the table is filled, the alerts pending.
    assert hub.analysis is None
    assert hub.dashboard.caseloadModel.rowCount() == len(clients) == 200
    first = hub.dashboard.caseloadModel.caseloadRow(0)
    assert len(first.last_sessions) == 12
    ctl.window.show()
    qtbot.waitExposed(ctl.window)
    assert hub.dashboard.alertsEmpty.text() == "Working out alerts…"
    qtbot.waitUntil(lambda: hub.analysis is not None, timeout=20000)
    assert hub.alertModel.rowCount() > 0 and hub.dashboard.alertList.isVisible()
    assert not hub.dashboard.alertsEmpty.isVisible()
    shown = hub.dashboard.caseloadModel
    assert [shown.caseloadRow(i).client.id for i in range(shown.rowCount())] == [
        row.client.id for row in hub.analysis.caseload
    ]  # now in risk order, with the badges


def test_the_refresh_after_unlock_keeps_the_window_turning(open_demo, qtbot):
    def once() -> float:
        ctl = open_demo(refresh=False)
        hub = ctl.window.insights
        ctl.window.show()
        qtbot.waitExposed(ctl.window)
        beat = Heartbeat()
        beat.start()  # the refresh starts after the first paint
        qtbot.waitUntil(lambda: hub.analysis is not None, timeout=20000)
        figure = beat.stop()
        assert hub.alertModel.rowCount() > 0
        ctl.lock()
        return figure

    _within_bound("refresh after unlock", once)


def test_a_refresh_after_a_change_keeps_the_window_turning(open_demo, qtbot):
    ctl = open_demo(refresh=True, shown=True)
    hub = ctl.window.insights

    def once() -> float:
        qtbot.waitUntil(lambda: not hub.isRefreshing(), timeout=20000)  # the unlock's own
        _settle(qtbot)
        before = hub.analysis
        beat = Heartbeat()
        beat.start()
        operations.events().vaultChanged.emit(Changes(sessions=True))
        qtbot.waitUntil(lambda: hub.analysis is not before, timeout=20000)
        qtbot.wait(150)  # a quick refresh still gets its heartbeat counted
        figure = beat.stop()
        assert hub.alertModel.rowCount() > 0 and not hub.dashboard.alertList.isHidden()
        return figure

    _within_bound("refresh after a change", once)


def test_a_newer_refresh_supersedes_the_running_one(open_demo, qtbot):
    ctl = open_demo(refresh=False)
    hub = ctl.window.insights
    results = []
    hub._refresher.ready.connect(results.append)
    hub.refresh()
    qtbot.waitUntil(lambda: hub._refresher._job is not None, timeout=20000)
    hub.refresh()  # while the first is analysing
    qtbot.waitUntil(lambda: hub.analysis is not None, timeout=20000)
    qtbot.wait(200)
    assert len(results) == 1 and not hub.isRefreshing()


@pytest.mark.parametrize("stage", ["reading", "analysing"])
def test_a_lock_during_the_refresh_locks_at_once(open_demo, qtbot, stage):
    ctl = open_demo(refresh=False)
    hub = ctl.window.insights
    hub.refresh()
    if stage == "analysing":
        qtbot.waitUntil(lambda: hub._refresher._job is not None, timeout=20000)
        job = hub._refresher._job
    else:
        assert hub.isRefreshing()
        job = None
    ctl.lock()  # never waits the analysis out (the job holds no vault), never fails
    assert ctl.vault is None and hub.analysis is None
    assert hub.dashboard.caseloadModel.rowCount() == 0 and hub.alertModel.rowCount() == 0
    assert not hub.isRefreshing()
    if job is not None:
        qtbot.waitUntil(lambda: not job.isRunning(), timeout=20000)
    qtbot.wait(100)  # its ending arrives and is dropped
    assert hub.analysis is None and hub.alertModel.rowCount() == 0
