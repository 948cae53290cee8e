"""Render the main windows offscreen from a demo vault, in light and dark, as PNGs.

`make screenshots` writes them to docs/screenshots for the README. Usage:
``screenshots.py [OUTDIR] [WIDTHxHEIGHT]``; the main window is 1280x800 unless a size
is given (e.g. 900x600, the smallest screen UX.md plans for).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QPlainTextEdit


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _charts_drawn(app: QApplication, hub, limit: float = 30.0) -> None:
    """Until the charts a worker builds and draws (ChartView.setFigureLater) are shown."""
    end = time.monotonic() + limit
    _settle(app)
    while hub.isDrawingCharts() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    _settle(app)


def render(out_dir: Path, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.controller import AppController
    from alliance_desktop.gui.unlock.window import UnlockWindow
    from alliance_desktop.vault.demo import create_demo_vault

    out_dir.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("AllianceDesktopScreenshots")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="alliance-shots-") as tmp:
        tmpdir = Path(tmp)
        settings = QSettings(str(tmpdir / "prefs.ini"), QSettings.Format.IniFormat)
        prefs = Preferences(settings)
        theme = ThemeManager(app, "light")
        vault = create_demo_vault(tmpdir / "demo.alliance", "screenshot demo passphrase")
        controller = AppController(app, tmpdir / "demo.alliance", prefs, theme, demo_dir=None)
        controller.start(vault)
        window = controller.window
        window.resize(*size)
        for scheme in ("light", "dark"):
            theme.set_choice(scheme)
            window.selectClientRow(0)
            _settle(app)
            written.append(out_dir / f"main-{scheme}.png")
            window.grab().save(str(written[-1]))
            window.newSession()
            editor_text = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
            if editor_text is not None:
                editor_text.setPlainText(
                    "She arrived late and quiet; when I named the silence she said the "
                    "homework felt like a test. We agreed a smaller first step."
                )
            _settle(app)
            written.append(out_dir / f"editor-{scheme}.png")
            window.grab().save(str(written[-1]))
            window.editor.markSaved()
            window.closeEditor()
            window.searchEdit.setText("homework")
            window._run_search()
            _settle(app)
            written.append(out_dir / f"search-{scheme}.png")
            window.grab().save(str(written[-1]))
            window.searchEdit.clear()
            _settle(app)
            hub = window.insights
            hub.refreshNow()
            hub.showDashboard()
            _settle(app)
            written.append(out_dir / f"dashboard-{scheme}.png")
            window.grab().save(str(written[-1]))
            # The Trends tab of the client at the top of the risk order.
            window.selectClient(hub.analysis.caseload[0].client.id)
            window.ui.clientTabs.setCurrentWidget(hub.trends)
            _charts_drawn(app, hub)
            written.append(out_dir / f"trends-{scheme}.png")
            window.grab().save(str(written[-1]))
            window.ui.clientTabs.setCurrentIndex(0)
        controller.quit()
        theme.set_choice("light")
        for scheme in ("light", "dark"):
            theme.set_choice(scheme)
            unlock = UnlockWindow(tmpdir / "demo.alliance")
            unlock.resize(640, 520)
            unlock.show()
            _settle(app)
            written.append(out_dir / f"unlock-{scheme}.png")
            unlock.grab().save(str(written[-1]))
            unlock.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    width, _, height = (sys.argv[2] if len(sys.argv) > 2 else "1280x800").partition("x")
    for path in render(target, (int(width), int(height))):
        print(path)
