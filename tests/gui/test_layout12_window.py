"""Issue 12: the window fits the screen at any scale factor and never grows; the first
frame after unlock is laid out and painted before the analysis runs; status
messages queue instead of replacing each other."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QStatusBar
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.shell.status import StatusQueue

PASS = DEMO_PASSPHRASE


@pytest.fixture
def make_ctl(open_demo):
    return lambda: open_demo(size=None, refresh=False)


def _open_every_page(ctl: AppController, qtbot) -> None:
    window = ctl.window
    hub = window.insights
    window.selectClient(hub.analysis.caseload[0].client.id)
    window.ui.clientTabs.setCurrentWidget(hub.trends)
    qtbot.wait(20)
    hub.showInsights()
    for i in range(hub.insightsPage.tabs.count()):
        hub.insightsPage.tabs.setCurrentIndex(i)
        qtbot.wait(10)
    window.ui.clientTabs.setCurrentWidget(window.ui.timelineTab)
    window.openSession(hub.analysis.caseload[0].last_sessions[-1].id)
    qtbot.wait(20)


def test_no_page_makes_the_window_grow_at_900_by_600(make_ctl, qtbot):
    ctl = make_ctl()
    window = ctl.window
    window.resize(900, 600)
    window.insights.refreshNow()
    qtbot.waitExposed(window)
    _open_every_page(ctl, qtbot)
    assert (window.width(), window.height()) == (900, 600)


def test_first_frame_is_laid_out_and_painted_before_the_analysis(make_ctl, qtbot):
    """A slow display (the first expose late, as after `make demo` under load): the
    analysis waits for the first painted frame instead of leaving the window black."""
    order: list[str] = []

    class SlowDisplay(QObject):
        held = True

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                if self.held:
                    return True  # not painted yet
                order.append("paint")
            return False

    from alliance_desktop.gui.insights.hub import InsightsHub

    original = InsightsHub.refresh

    def refresh(self):
        order.append("analysis")
        original(self)

    display = SlowDisplay()
    InsightsHub.refresh = refresh  # type: ignore[method-assign]
    try:
        ctl = make_ctl()
        window = ctl.window
        window.ui.contentStack.installEventFilter(display)  # runs before the hub's
        # Shown already laid out: the dashboard has its size before any event runs.
        assert window.isVisible()
        dashboard = window.insights.dashboard
        assert window.ui.contentStack.currentWidget() is dashboard
        assert dashboard.caseload.width() > 200 and dashboard.caseload.height() > 50
        qtbot.wait(300)  # well past the old fixed 60 ms delay
        assert window.insights.analysis is None
        assert "analysis" not in order
        display.held = False
        window.ui.contentStack.update()
        qtbot.waitUntil(lambda: window.insights.analysis is not None, timeout=5000)
    finally:
        InsightsHub.refresh = original  # type: ignore[method-assign]
    assert order[0] == "paint" and "analysis" in order


SCREEN_SCRIPT = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.vault import Vault
tmp = Path(sys.argv[1])
prefs = Preferences(QSettings(str(tmp / "p.ini"), QSettings.Format.IniFormat))
ctl = AppController(app, tmp / "demo.alliance", prefs, ThemeManager(app, "light"))
ctl.start(Vault.open(tmp / "demo.alliance", sys.argv[2]))
w = ctl.window
for _ in range(5):
    app.processEvents()
def rect(r):
    return [r.x(), r.y(), r.width(), r.height()]
out = {"screen": rect(w.screen().availableGeometry()), "dpr": w.devicePixelRatio(),
       "before": rect(w.frameGeometry())}
w.insights.refreshNow()
w.selectClient(w.insights.analysis.caseload[0].client.id)
w.ui.clientTabs.setCurrentWidget(w.insights.trends)
for _ in range(5):
    app.processEvents()
out["trends"] = rect(w.frameGeometry())
w.insights.showInsights()
for _ in range(5):
    app.processEvents()
out["insights"] = rect(w.frameGeometry())
print("RESULT " + json.dumps(out))
ctl.dispose()
"""


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


def test_window_stays_inside_a_1280_by_720_screen_at_200_percent(tmp_path: Path, demo_file):
    shutil.copyfile(demo_file, tmp_path / "demo.alliance")
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "big", "x": 0, "y": 0, "width": 2560, "height": 1440,
                          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
        )
    )  # fmt: skip
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
    }
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCREEN_SCRIPT), str(tmp_path), PASS],
        capture_output=True, text=True, timeout=120, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, out.stderr
    result = json.loads(line.removeprefix("RESULT "))
    assert result["screen"] == [0, 0, 1280, 720] and result["dpr"] == 2
    for when in ("before", "trends", "insights"):
        assert _inside(result[when], result["screen"]), (when, result)
    assert result["trends"] == result["before"] == result["insights"]


def test_status_messages_queue_instead_of_replacing_each_other(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    queue = StatusQueue(bar)
    queue.post("Session deleted. Undo with Ctrl+Z.", 3000)
    queue.post("Draft saved.", 200)
    queue.post("Draft saved.", 200)  # the same words are not queued twice
    # The newest shows now; the interrupted one waits for the rest of its time.
    assert bar.currentMessage() == "Draft saved."
    assert queue.pending() == ["Session deleted. Undo with Ctrl+Z."]
    qtbot.waitUntil(
        lambda: bar.currentMessage() == "Session deleted. Undo with Ctrl+Z.", timeout=3000
    )
    assert queue.pending() == []
    queue.clear()
    queue.post("One", 300)
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=3000)
    queue.post("Kept until the next", 0)
    queue.post("Short", 100)
    assert queue.pending() == ["Kept until the next"]
    qtbot.waitUntil(lambda: bar.currentMessage() == "Kept until the next", timeout=3000)
    queue.clear()
    assert bar.currentMessage() == "" and queue.pending() == []


def test_window_flash_goes_through_the_queue(make_ctl, qtbot):
    ctl = make_ctl()
    window = ctl.window
    window.statusQueue.clear()  # whatever the unlock said
    window.flash("First message.", 3000)
    window.flash("Second message.", 300)
    assert window.statusBar().currentMessage() == "Second message."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "First message.", timeout=3000)
    window.actionLock.trigger()
    assert window.statusQueue.pending() == []
    assert window.statusBar().currentMessage() == ""


def test_client_rows_fit_the_list_at_900_by_600_badges_in_view(open_demo, qtbot):
    """The rows had a width of their own (200 px), wider than the list at 900 px: the
    list scrolled sideways and every alert badge at a row's right end was out of view."""
    ctl = open_demo(size=(900, 600), refresh=False, shown=True)
    ctl.window.ui.splitter.setSizes([200, 700])  # the list as narrow as it goes
    view = ctl.window.ui.clientList
    qtbot.wait(20)
    assert view.viewport().width() < 200
    assert view.horizontalScrollBar().maximum() == 0
    model = view.model()
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        assert rect.right() < view.viewport().width(), (row, rect, view.viewport().width())
