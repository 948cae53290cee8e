"""Time the insights and chart workloads against their budgets and print a table.

Run: .venv/bin/python benchmarks/bench_charts.py
Each figure is the best of several runs (the machine is shared; the best run is
the one least disturbed), after one warm-up so matplotlib is already loaded.
Data comes from the demo generator in memory; no vault is needed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alliance_desktop.domain.demo import generate
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.analysis import analyse


def demo(clients: int, sessions: int) -> tuple[list[Client], list[Session]]:
    """A demo caseload with ids assigned, as the vault would return it."""
    return generate(clients, sessions, seed=11, today=date(2025, 6, 1)).with_ids()


def best_ms(work: Callable[[], object], runs: int = 5) -> float:
    work()  # warm-up: imports, font and glyph caches
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def trends_switch_ms(switches: int = 30) -> float:
    """Median time to switch client with the Trends tab showing, in the real MainWindow.

    A 200-client x 100-session demo vault is built in a temporary folder; the analysis
    runs once (as after unlock), so each switch only redraws that client's chart and
    suggestions, then Qt paints the window.
    """
    import os
    import statistics
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.gui.shell.main_window import MainWindow
    from alliance_desktop.vault.demo import create_demo_vault

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="alliance-bench-charts-") as tmp:
        path = Path(tmp) / "bench.alliance"
        vault = create_demo_vault(path, "benchmark passphrase for charts", clients=200,
                                  sessions=100, seed=3)  # fmt: skip
        window = MainWindow(path)
        window.resize(1280, 800)
        window.show()
        window.setVault(vault)
        window.insights.refreshNow()
        window.selectClientRow(0)
        window.ui.clientTabs.setCurrentWidget(window.insights.trends)
        app.processEvents()
        times = []
        for row in range(1, switches + 1):
            start = time.perf_counter()
            window.selectClientRow(row)
            window.repaint()  # the chart is drawn when painted: count that too
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        window.clearData()
        window.close()
        vault.close()
    return statistics.median(times)


def main() -> int:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from alliance_desktop.charts import LIGHT, caseload, client_trend

    scale = ClientRatingScale()
    clients, sessions = demo(200, 100)
    insights = analyse(clients, sessions, scale)
    one = insights.for_client(clients[1].id)
    assert one is not None and len(one.sessions) == 100

    def draw_trend() -> None:
        fig = client_trend(one.sessions, scale, one.alerts, theme=LIGHT)
        FigureCanvasAgg(fig).draw()

    def draw_caseload() -> None:
        fig = caseload(insights.caseload, "trust", theme=LIGHT)
        FigureCanvasAgg(fig).draw()

    rows: list[tuple[str, float | None, float]] = [
        ("insights: analyse 200 clients x 100 sessions", best_ms(lambda: analyse(clients, sessions, scale)), 300),
        ("chart: client trend, 100 sessions, build + draw", best_ms(draw_trend), 100),
        ("chart: caseload overview, 200 clients, build + draw", best_ms(draw_caseload), 400),
        ("gui: switch client on the Trends tab, 200 x 100 vault", trends_switch_ms(), 150),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"{'operation':<{width}}  {'measured':>10}  {'budget':>8}  ok")
    failed = False
    for name, measured, budget in rows:
        ok = measured is not None and measured <= budget
        failed |= not ok
        shown = "n/a" if measured is None else f"{measured:.0f} ms"
        print(f"{name:<{width}}  {shown:>10}  {budget:>5.0f} ms  {'yes' if ok else 'NO'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
