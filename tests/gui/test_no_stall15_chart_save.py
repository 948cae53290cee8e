"""Issue 15, no stall: "Save as image…" on a big chart is written by a background job.

On the UI thread a chart's PNG took 90-150 ms and its PDF up to 175 ms at 200 × 100.
A chart shown with its builder (every insights chart and the client's trend) is now
built anew at the size shown and written on a worker: the same bytes as writing the
figure on screen, which the worker never touches, while a 10 ms heartbeat keeps
within 100 ms (tests/gui/heartbeat.py).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from alliance_desktop.app.charts import export_chart
from alliance_desktop.gui.common import background, file_dialogs
from tests.gui.charts_wait import drawn
from tests.gui.heartbeat import Heartbeat, holds_the_bound, quiet


@pytest.fixture(scope="module")
def demo_file(stall_demo: Path) -> Path:
    """The module's copy of the shared 200 × 100 vault (conftest's ``stall_master``)."""
    return stall_demo


def _charts(ctl, qtbot) -> dict:
    """Every chart of the window drawn: the insights page's and the client's trend,
    the trend updated in place for a second client (a switch reuses its artists)."""
    window = ctl.window
    hub = window.insights
    qtbot.waitUntil(lambda: hub.analysis is not None and hub.estimatesReady(), timeout=30000)
    window.selectClient(hub.analysis.caseload[0].client.id)
    window.ui.clientTabs.setCurrentWidget(hub.trends)
    drawn(hub)
    window.selectClient(hub.analysis.caseload[1].client.id)
    drawn(hub)
    views = {"trendChart": hub.trends.chart}
    hub.showInsights()
    for i in range(hub.insightsPage.tabs.count()):
        hub.insightsPage.tabs.setCurrentIndex(i)
    qtbot.waitUntil(lambda: not hub.isDrawingCharts(), timeout=30000)
    for view in hub.chartViews():
        views.setdefault(view.objectName(), view)
    assert all(view.figure() is not None for view in views.values())
    return views


def _choose(monkeypatch, target: Path) -> None:
    kinds = {".png": "PNG image (*.png)", ".pdf": "PDF document (*.pdf)"}
    monkeypatch.setattr(
        file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), kinds[target.suffix])
    )


def test_a_saved_chart_has_the_bytes_of_the_chart_on_screen(
    open_demo, qtbot, tmp_path, monkeypatch
):
    ctl = open_demo(size=(1280, 800), refresh=False, shown=True)
    jobs: list[str] = []
    real_start = background.start

    def start(parent, fn, *args, **kwargs):
        jobs.append(fn.__name__)
        return real_start(parent, fn, *args, **kwargs)

    monkeypatch.setattr(background, "start", start)
    views = _charts(ctl, qtbot)
    for name, view in views.items():
        ours, direct = tmp_path / f"{name}.png", tmp_path / f"{name}-direct.png"
        _choose(monkeypatch, ours)
        assert view.saveAs() == ours
        export_chart(ctl.vault, view.figure(), direct, kind=name)  # the figure shown, written
        assert ours.read_bytes() == direct.read_bytes(), f"{name} saved differs from the screen"
        assert stat.S_IMODE(ours.stat().st_mode) == 0o600
    # Each written by a background job (beside the insights' own jobs).
    assert jobs.count("export_rebuilt_chart") == len(views) >= 5
    events = [event for _at, event, _detail in ctl.vault.audit_log()]
    assert events.count("chart") == 2 * len(views)


def test_saving_the_biggest_chart_keeps_the_window_turning(open_demo, qtbot, tmp_path, monkeypatch):
    ctl = open_demo(size=(1280, 800), refresh=False, shown=True)
    views = _charts(ctl, qtbot)
    runs = iter(range(10))

    def once(beat: Heartbeat) -> None:
        quiet(qtbot)
        run = next(runs)

        def save_both() -> None:
            for name in ("practiceChart", "outcomesChart"):
                target = tmp_path / f"{name}-{run}.pdf"
                _choose(monkeypatch, target)
                assert views[name].saveAs() == target
                assert target.read_bytes().startswith(b"%PDF")

        beat.during(save_both)

    holds_the_bound("saving the practice and outcomes charts as PDF", once, qtbot)
