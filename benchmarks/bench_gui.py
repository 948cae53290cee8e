"""Time the desktop app's real workloads offscreen and print a table.

Budgets (issue 3): process start to unlock window shown ≤ 0.4 s; passphrase submitted
to main window populated, 200 clients × 100 sessions, ≤ 0.8 s; switching client
≤ 100 ms; search results ≤ 100 ms; idle memory with that vault open ≤ 250 MB RSS.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark passphrase for the gui"
CHILD = textwrap.dedent(
    """
    import sys, time
    t0 = float(sys.argv[1])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    def shown():
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "unlockWindow" and w.isVisible():
                print(f"SHOWN {time.time() - t0:.4f}", flush=True)
                QApplication.exit(0)
                return
        QTimer.singleShot(1, shown)
    QTimer.singleShot(0, shown)
    from alliance_desktop.gui.app import main
    main(["--vault", sys.argv[2]])
    """
)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_to_unlock(vault: Path, runs: int = 5) -> float:
    times = []
    env = {**os.environ, "XDG_CONFIG_HOME": str(vault.parent / "config")}
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, repr(t0), str(vault)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        line = next((x for x in out.stdout.splitlines() if x.startswith("SHOWN")), None)
        if line is None:
            raise SystemExit(f"the unlock window never showed:\n{out.stderr}")
        times.append(float(line.split()[1]))
    return statistics.median(times)


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from alliance_desktop.vault.demo import create_demo_vault

    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="alliance-bench-gui-") as tmp:
        folder = Path(tmp)
        path = folder / "bench.alliance"
        print("building a 200-client × 100-session vault…", file=sys.stderr)
        create_demo_vault(path, PASSPHRASE, clients=200, sessions=100, seed=3).close()

        rows.append(("start → unlock window shown", start_to_unlock(path), 0.4, "s"))

        from alliance_desktop.gui.common.preferences import Preferences
        from alliance_desktop.gui.common.theme import ThemeManager
        from alliance_desktop.gui.shell.controller import AppController

        QCoreApplication.setOrganizationName("AllianceDesktopBench")
        app = QApplication.instance() or QApplication(sys.argv[:1])
        prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
        controller = AppController(app, path, prefs, ThemeManager(app, "light"))
        controller.start()
        unlock = controller.unlock_window
        # A person needs a second or more to type a passphrase; the app uses that time.
        deadline = time.perf_counter() + 1.0
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)
        unlock.findChild(QLineEdit, "passphraseEdit").setText(PASSPHRASE)
        t0 = time.perf_counter()
        unlock.findChild(QPushButton, "unlockButton").click()
        while controller.window is None or controller.window.clientModel.rowCount() == 0:
            app.processEvents()
        controller.window.repaint()  # the first full paint, synchronously
        rows.append(("passphrase → main window populated", time.perf_counter() - t0, 0.8, "s"))
        # The dashboard's chart follows a moment later (matplotlib loads only after
        # unlock); reported for information, against the same budget.
        hub = controller.window.insights
        while hub.analysis is None or hub.dashboard.caseload.canvas is None:
            app.processEvents()
        hub.dashboard.caseload.canvas.repaint()
        rows.append(("… and the dashboard chart drawn", time.perf_counter() - t0, 0.8, "s"))

        window = controller.window
        window.resize(1280, 800)
        app.processEvents()
        switch = []
        for row in range(1, 41):
            t0 = time.perf_counter()
            window.selectClientRow(row)
            app.processEvents()
            switch.append(time.perf_counter() - t0)
        rows.append(("switch client (median of 40)", statistics.median(switch) * 1000, 100, "ms"))

        search = []
        for query in ("homework", "sleep", "silence", "mother", "work", "rupt", "anxious morning"):
            t0 = time.perf_counter()
            window.searchEdit.setText(query)
            window._run_search()
            app.processEvents()
            search.append(time.perf_counter() - t0)
        rows.append(("search results (median)", statistics.median(search) * 1000, 100, "ms"))
        window.searchEdit.clear()
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)
        rows.append(("idle memory, vault open", rss_mb(), 250, "MB RSS"))
        controller.quit()

    print(f"{'operation':40} {'measured':>12} {'budget':>12}  ok")
    for name, value, budget, unit in rows:
        ok = "yes" if value <= budget else "NO"
        print(f"{name:40} {value:>9.3f} {unit:<3}{budget:>9g} {unit:<3} {ok}")


if __name__ == "__main__":
    main()
