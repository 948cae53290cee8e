"""The supervision wizard at scale (issue 15): open, tick a burst of clients, preview.

    .venv/bin/python benchmarks/bench_supervision.py [--clients 500] [--sessions 200]
                                                      [--vault PATH --passphrase TEXT]

Builds a demo vault of that size in a temporary folder (or opens the one given), opens
the wizard offscreen and prints one table: the time the UI thread is busy opening it,
until the preselected clients are ticked, until the preview's first pages show and until
its last chart is drawn; a burst of 50 ticks (one client at a time, the event loop
running between them) and the preview after it; the longest event-loop stall seen by a
10 ms heartbeat in each phase; and the resident memory. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Heartbeat:
    """A 10 ms timer; the longest gap between two beats is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.worst = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return self.worst


def run_until(app, done, timeout: float = 600.0) -> float:
    """Spin the event loop until ``done()``; the seconds it took."""
    t0 = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - t0 > timeout:
            raise SystemExit("timed out")
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--vault", type=Path)
    parser.add_argument("--passphrase", default="benchmark passphrase for the wizard")
    parser.add_argument("--ticks", type=int, default=50)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from alliance_desktop.gui.supervision.wizard import SupervisionWizard
    from alliance_desktop.vault import Vault
    from alliance_desktop.vault.demo import create_demo_vault

    with tempfile.TemporaryDirectory(prefix="alliance-bench-wizard-") as tmp:
        path = args.vault
        if path is None:
            path = Path(tmp) / "bench.alliance"
            print(f"building {args.clients} clients × {args.sessions} sessions…", file=sys.stderr)
            create_demo_vault(path, args.passphrase, clients=args.clients,
                              sessions=args.sessions, seed=3).close()  # fmt: skip
        vault = Vault.open(path, args.passphrase)
        rows: list[tuple[str, str]] = []
        beat = Heartbeat()
        rss0 = rss_mb()

        t0 = time.perf_counter()
        wizard = SupervisionWizard(vault, None)
        wizard.show()
        t_open = time.perf_counter() - t0
        beat.start()
        run_until(app, wizard.isReady)
        t_ready = time.perf_counter() - t0
        shown = {"text": None}
        wizard.previewer.textShown.connect(lambda: shown.__setitem__("text", time.perf_counter()))
        run_until(app, lambda: shown["text"] is not None)
        t_text = shown["text"] - t0
        run_until(
            app, lambda: not wizard.previewer.isBusy() and not wizard._previewTimer.isActive()
        )
        t_all = time.perf_counter() - t0
        stall_open = beat.stop()
        model = wizard.clientModel
        rows += [
            ("open: UI thread busy (read + lists)", f"{t_open:.2f} s"),
            ("open: preselected clients ticked", f"{t_ready:.2f} s"),
            ("open: preview's first pages shown", f"{t_text:.2f} s"),
            (f"open: all {wizard.previewer.charts_total} charts drawn", f"{t_all:.2f} s"),
            ("open: longest event-loop stall after the constructor", f"{stall_open * 1000:.0f} ms"),
            ("clients listed / ticked", f"{model.rowCount()} / {len(model.tickedIds())}"),
            ("reflections listed", f"{wizard.sessionModel.rowCount()}"),
        ]

        resets = []
        wizard.sessionModel.modelReset.connect(lambda: resets.append(1))
        wizard.setStep(1)
        untick = [i for i in range(model.rowCount())
                  if not model.isTicked(model.index(i).data(Qt.ItemDataRole.UserRole))]  # fmt: skip
        untick = untick[: args.ticks]
        beat.start()
        t1 = time.perf_counter()
        for i in untick:
            model.setData(model.index(i), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
            app.processEvents()
        t_burst = time.perf_counter() - t1
        shown["text"] = None
        run_until(app, lambda: shown["text"] is not None)
        t_text2 = shown["text"] - t1
        run_until(
            app, lambda: not wizard.previewer.isBusy() and not wizard._previewTimer.isActive()
        )
        t_all2 = time.perf_counter() - t1
        stall_burst = beat.stop()
        rows += [
            (f"tick {len(untick)} clients, one at a time", f"{t_burst:.2f} s"),
            ("  session list rebuilt (model resets) during the burst", f"{len(resets)}"),
            ("  then the preview's first pages", f"{t_text2:.2f} s"),
            (f"  then all {wizard.previewer.charts_total} charts", f"{t_all2:.2f} s"),
            ("  longest event-loop stall", f"{stall_burst * 1000:.0f} ms"),
            ("RSS before opening / after", f"{rss0:.0f} / {rss_mb():.0f} MB"),
        ]
        wizard.close()
        vault.close()
    width = max(len(a) for a, _ in rows)
    print(f"supervision wizard, {args.clients} clients × {args.sessions} sessions")
    for a, b in rows:
        print(f"  {a.ljust(width)}  {b}")


if __name__ == "__main__":
    main()
