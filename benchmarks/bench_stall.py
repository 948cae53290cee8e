"""The longest event-loop stall per long operation, on the UI thread and through the
background worker (issue 15, "No stall"), in the real main window, offscreen.

A 10 ms QTimer beats while the operation runs; the figure is the longest wait between
two beats (from the start of the call to its end). "UI thread" calls the use case
directly, as the app did before; "worker" runs it through gui.common.background.

    .venv/bin/python benchmarks/bench_stall.py                 # 500 clients x 200 sessions
    .venv/bin/python benchmarks/bench_stall.py --clients 200 --sessions 100
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark passphrase for the stall"
BUDGET_MS = 100


def _heartbeat(app: Any, action: Callable[[], Any]) -> float:
    from PySide6.QtCore import QTimer

    marks = [time.monotonic()]
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: marks.append(time.monotonic()))
    timer.start()
    try:
        action()
    finally:
        marks.append(time.monotonic())
        timer.stop()
    return max(b - a for a, b in itertools.pairwise(marks)) * 1000


def _settle(app: Any) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(20):
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        if _heartbeat(app, loop.exec) < 40:
            return


def _insights_idle(app: Any, window: Any) -> None:
    """The unlock's own background work (the insights refresh, the strategy estimates,
    the charts) over, and the window active, as test_no_stall15_background waits for:
    else that work lands inside the first operation measured (the CSV export) and its
    stall is the refresh's, which the gui probe's "unlock + switches" row measures."""
    hub = window.insights
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline and (
        hub.isRefreshing()
        or (hub.analysis is not None and not hub.estimatesReady())
        or hub.isDrawingCharts()
    ):
        app.processEvents()
        time.sleep(0.005)
    window.activateWindow()
    _settle(app)


def measure(
    clients: int,
    sessions: int,
    *,
    vault: Path | None = None,
    passphrase: str = PASSPHRASE,
    ui_thread: bool = True,
) -> list[tuple[str, float | None, float]]:
    """(operation, longest stall on the UI thread or None, longest stall through the
    worker) in ms, in the real main window; on a copy of ``vault`` when one is given
    (else a new demo vault of ``clients`` x ``sessions``)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.app import backups, exports
    from alliance_desktop.app import merge as app_merge
    from alliance_desktop.gui.common import background
    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.controller import AppController
    from alliance_desktop.vault import Vault
    from alliance_desktop.vault.demo import create_demo_vault

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="bench-stall-"))
    found: list[tuple[str, float | None, float]] = []
    try:
        path = work / "demo.alliance"
        if vault is not None:
            shutil.copyfile(vault, path)
        else:
            create_demo_vault(path, passphrase, clients=clients, sessions=sessions, seed=15).close()
        other = work / "other.alliance"
        shutil.copyfile(path, other)
        prefs = Preferences(QSettings(str(work / "prefs.ini"), QSettings.Format.IniFormat))
        theme = ThemeManager(app, "light")
        ctl = AppController(app, path, prefs, theme)
        ctl.start(Vault.open(path, passphrase))
        window = ctl.window
        assert window is not None
        window.resize(1200, 800)
        window.show()
        _settle(app)
        _insights_idle(app, window)
        opened = ctl.vault
        out = work / "out"
        out.mkdir()

        def fresh(name: str) -> Path:
            target = out / name
            target.unlink(missing_ok=True)
            return target

        # Each operation: how to call it on the UI thread, and through the worker (the
        # same use case unless the app calls another one there).
        Call = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]
        ops: list[tuple[str, Callable[[], Call], Callable[[], Call] | None]] = [
            (
                "export CSV",
                lambda: (exports.export_data, (opened, "csv", fresh("x.csv")), {}),
                None,
            ),
            (
                "export JSON",
                lambda: (exports.export_data, (opened, "json", fresh("x.json")), {}),
                None,
            ),
            # The file just exported: read and checked in full, every session a duplicate
            # (so nothing is written and the next run finds the vault as it was).
            ("import JSON", lambda: (exports.import_file, (opened, out / "x.json"), {}), None),
            ("backup", lambda: (backups.backup, (opened, fresh("b.alliance")), {}), None),
            ("merge", lambda: (app_merge.merge, (opened, other, passphrase), {}), None),
            *_more_operations(window, opened, fresh, passphrase),
        ]
        for name, make, in_worker in ops:
            before = None
            if ui_thread:
                fn, call_args, kwargs = make()
                kwargs.pop("cancellable", None)
                before = _heartbeat(app, lambda fn=fn, a=call_args, k=kwargs: fn(*a, **k))
                _settle(app)
            fn, call_args, kwargs = (in_worker or make)()
            # Only said when False: an older tree's background.run (--tree) has no such word.
            if kwargs.pop("cancellable", True) is False:
                kwargs = {**kwargs, "cancellable": False}
            after = _heartbeat(
                app,
                lambda fn=fn, a=call_args, k=kwargs: background.run(
                    window, fn, *a, vault=opened, **k
                ),
            )
            _settle(app)
            found.append((name, before, after))
        ctl.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return found


def _more_operations(
    window: Any, opened: Any, fresh: Callable[[str], Path], passphrase: str
) -> list:
    """The supervision packet (every client of the last 8 weeks), saving the practice
    chart as PDF (in the worker built anew, as "Save as image…" does) and changing the
    passphrase (last: each call changes it again, on the bench's own copy)."""
    from datetime import date, timedelta

    try:
        from alliance_desktop.app import packets
        from alliance_desktop.app import passphrase as app_passphrase
        from alliance_desktop.app.charts import export_chart
        from alliance_desktop.charts import practice_trend
        from alliance_desktop.gui.common.chart_view import chart_theme, export_rebuilt_chart
        from alliance_desktop.reports.supervision import PacketOptions
    except ImportError:  # an older tree (run.py --tree): these three are not measured
        return []

    options = PacketOptions(date_from=date.today() - timedelta(days=56))
    analysis = window.insights.analysis

    def build() -> Any:
        return practice_trend(analysis.practice, theme=chart_theme(False), title="Practice")

    def on_screen() -> tuple:
        fig = build()  # the figure shown: built before the save, as on screen
        return export_chart, (opened, fig, fresh("chart.pdf")), {"kind": "practice"}

    def rebuilt() -> tuple:
        return (export_rebuilt_chart, (opened, build, (8.0, 4.5), fresh("chart.pdf")),
                {"kind": "practice"})  # fmt: skip

    other = passphrase + " changed for the bench"
    turns = itertools.cycle([(passphrase, other), (other, passphrase)])

    def change() -> tuple:
        current, new = next(turns)
        return (app_passphrase.change_passphrase, (opened, current, new),
                {"sleep": lambda _s: None, "cancellable": False})  # fmt: skip

    return [
        ("packet", lambda: (packets.export_packet, (opened, options, fresh("p.pdf")), {}), None),
        ("save chart", on_screen, rebuilt),
        ("change passphrase", change, None),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--sessions", type=int, default=200)
    args = parser.parse_args(argv)
    print(f"Longest event-loop stall, {args.clients} clients x {args.sessions} sessions")
    print(f"{'operation':<18}{'UI thread':>12}{'worker':>10}  budget {BUDGET_MS} ms")
    for name, before, after in measure(args.clients, args.sessions):
        mark = "ok" if after <= BUDGET_MS else "OVER"
        print(f"{name:<18}{before or 0:>9.0f} ms{after:>7.0f} ms  {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
