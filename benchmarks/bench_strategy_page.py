"""Time the Insights page's strategy tab offscreen and print a table.

Budget (issue 10): the Insights page ≤ 300 ms after the first computation. The hub
keeps one analysis per vault change (``vaultChanged``; dropped on lock) and the
strategy estimates (numpy, a bootstrap over clients) are computed once per analysis,
so coming back to the page costs a redraw only. Rows: the first analysis, the first
strategy tab (estimates and chart), and the median of showing the page again and of
rebuilding and drawing the strategy chart from the cached analysis, on 200 clients × 100 sessions.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_strategy_page.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark passphrase for the strategy page"
BUDGET_MS = 300.0


def _ms(fn, app) -> float:
    t = time.perf_counter()
    fn()
    app.processEvents()
    return (time.perf_counter() - t) * 1000


def main(clients: int = 200, sessions: int = 100, runs: int = 5) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.controller import AppController
    from alliance_desktop.vault import Vault
    from alliance_desktop.vault.demo import create_demo_vault

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.alliance"
        create_demo_vault(path, PASSPHRASE, clients=clients, sessions=sessions, seed=3).close()
        prefs = Preferences(QSettings(str(Path(tmp) / "p.ini"), QSettings.Format.IniFormat))
        theme = ThemeManager(app, "light")
        ctl = AppController(app, path, prefs, theme)
        ctl.start(Vault.open(path, PASSPHRASE))
        window = ctl.window
        window.resize(1280, 900)
        window.show()
        app.processEvents()
        hub = window.insights
        page = hub.insightsPage

        def strategy_tab() -> None:
            hub.showInsights()
            page.tabs.setCurrentIndex(1)

        def rebuild() -> None:  # the strategy chart again from the cached analysis
            hub._draw_outcomes(hub.analysis)
            page.outcomes.canvas.draw()

        first_analysis = _ms(hub.refreshNow, app)
        first_tab = _ms(strategy_tab, app)
        again = []
        redraw = []
        for _ in range(runs):
            hub.showDashboard()
            app.processEvents()
            again.append(_ms(strategy_tab, app))
            redraw.append(_ms(rebuild, app))
        ctl.dispose()

    rows = [
        ("first analysis (refresh)", first_analysis, None),
        ("first strategy tab (estimates + chart)", first_tab, None),
        ("Insights page shown again (median)", statistics.median(again), BUDGET_MS),
        ("strategy chart rebuilt and drawn (median)", statistics.median(redraw), BUDGET_MS),
    ]
    print(f"Insights strategy tab, {clients} clients x {sessions} sessions")
    print(f"{'step':<46} {'ms':>8} {'budget':>8}")
    for name, ms, budget in rows:
        limit = f"{budget:.0f}" if budget else "-"
        flag = "" if budget is None or ms <= budget else "  OVER"
        print(f"{name:<46} {ms:8.1f} {limit:>8}{flag}")


if __name__ == "__main__":
    main()
