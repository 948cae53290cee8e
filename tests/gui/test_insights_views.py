"""Dashboard, Trends tab, Insights page and plans, driven through the real app.

A small demo vault (12 clients × 24 sessions) is opened straight into the controller,
so every test sees real alerts, real charts and the real vault.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QWidget,
)
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.workspace.models import ALERTS_ROLE, SESSION_ROLE
from tests.gui.charts_wait import drawn

PASS = DEMO_PASSPHRASE


def _risky_client(ctl: AppController):
    """The client at the top of the risk order: the one with the most to show."""
    return ctl.window.insights.analysis.caseload[0].client


def _show_trends(ctl: AppController, client_id: int):
    window = ctl.window
    window.selectClient(client_id)
    window.ui.clientTabs.setCurrentWidget(window.insights.trends)
    drawn(window.insights)  # a new trend figure is built and drawn on a worker
    return window.insights.trends


def test_unlock_shows_the_dashboard_with_risk_ordered_alerts(app_ctl: AppController, qtbot):
    window = app_ctl.window
    hub = window.insights
    assert window.ui.contentStack.currentWidget() is hub.dashboard
    model = hub.alertModel
    assert model.rowCount() > 0
    # Risk order: the first alert belongs to the client leading the caseload order.
    first_client = hub.analysis.caseload[0].client.code
    assert model.data(model.index(0, 1)) == first_client
    # Kind is shown by a glyph and words, not colour.
    kind = model.data(model.index(0, 0))
    assert kind[0] in "◆▼↘●◐" and any(c.isalpha() for c in kind)
    assert hub.dashboard.caseloadModel.rowCount() == len(hub.analysis.caseload)


def test_activating_a_dashboard_alert_opens_its_session(app_ctl: AppController, qtbot):
    window = app_ctl.window
    hub = window.insights
    view = hub.dashboard.alertList
    row = min(3, hub.alertModel.rowCount() - 1)
    alert = hub.alertModel.alert(row)
    view.setFocus()
    view.setCurrentIndex(hub.alertModel.index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert window.editor.currentSessionId() == alert.session_id
    assert window.editor.currentClientId() == alert.client_id


def test_enter_on_a_caseload_cell_opens_that_session(app_ctl: AppController, qtbot):
    window = app_ctl.window
    view = window.insights.dashboard.caseload
    model = view.model()
    index = model.index(2, 12)
    wanted = window.insights.analysis.caseload[2].last_sessions[-1].id
    assert index.data(SESSION_ROLE) == wanted
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.editor.currentSessionId() == wanted


def test_clicking_a_trend_point_opens_that_session(app_ctl: AppController, qtbot):
    window = app_ctl.window
    client = _risky_client(app_ctl)
    trends = _show_trends(app_ctl, client.id)
    fig = trends.chart.figure()
    assert fig is not None
    trust = next(line for line in fig.axes[0].lines if line.get_gid() == "trust")
    i = 5
    x, y = trust.get_xdata()[i], trust.get_ydata()[i]
    trends.chart.simulateClick(x, y, axes=fig.axes[0])
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert window.editor.currentSessionId() == trust.alliance_point_session_ids[i]


def test_trend_toggles_hide_and_show_goal_and_fit(app_ctl: AppController, qtbot):
    trends = _show_trends(app_ctl, _risky_client(app_ctl).id)

    def gids() -> set[str]:
        drawn(app_ctl.window.insights)
        return {line.get_gid() for ax in trends.chart.figure().axes for line in ax.lines}

    assert {"trust", "engagement", "goal_alignment", "approach_fit"} <= gids()
    trends.goalCheck.click()
    assert "goal_alignment" not in gids() and "approach_fit" in gids()
    trends.fitCheck.click()
    assert not {"goal_alignment", "approach_fit"} & gids()
    trends.goalCheck.click()
    assert "goal_alignment" in gids() and "approach_fit" not in gids()
    # A shorter period draws fewer sessions.
    everything = len(trends.chart.figure().alliance_session_ids)
    trends.rangeCombo.setCurrentIndex(1)  # last 3 months
    drawn(app_ctl.window.insights)
    assert 0 < len(trends.chart.figure().alliance_session_ids) < everything


def test_add_to_plan_shows_in_the_next_new_session(app_ctl: AppController, qtbot):
    window = app_ctl.window
    vault = app_ctl.vault
    client = _risky_client(app_ctl)
    trends = _show_trends(app_ctl, client.id)
    buttons = trends.suggestions.planButtons
    assert buttons, "the riskiest client has alerts with suggestions"
    key = next(iter(buttons))
    buttons[key][0].click()
    assert [p.strategy for p in vault.plan(client.id)] == [key]
    qtbot.waitUntil(lambda: not trends.suggestions.planButtons[key][0].isEnabled())

    window.actionNewSession.trigger()
    bar = window.insights.planBar
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert bar.isVisible()
    assert "Plan from last time" in bar.label.text()
    assert bar.planned() == [key]
    # Planned strategies are shown, not pre-ticked: ticking records what was done.
    box = window.editor.findChild(QCheckBox, f"strategy_{key}")
    assert not box.isChecked()

    # A saved new session that used the strategy ticks it off the plan.
    for name, digit in (("trustInput", "7"), ("engagementInput", "6")):
        field = window.editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digit)
    box.click()
    window.editor.findChild(QPushButton, "saveSessionButton").click()
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage
    assert vault.plan(client.id) == []
    assert not bar.isVisible()


def test_plan_items_can_be_removed_in_the_editor(app_ctl: AppController, qtbot):
    window = app_ctl.window
    vault = app_ctl.vault
    client = _risky_client(app_ctl)
    vault.add_to_plan(client.id, "validate")
    vault.add_to_plan(client.id, "small_steps")
    window.selectClient(client.id)
    window.actionNewSession.trigger()
    bar = window.insights.planBar
    assert bar.planned() == ["validate", "small_steps"]
    bar.findChild(QAbstractButton, "planItem_validate").click()
    qtbot.waitUntil(lambda: bar.planned() == ["small_steps"])
    assert [p.strategy for p in vault.plan(client.id)] == ["small_steps"]


def test_client_list_shows_alert_badges(app_ctl: AppController, qtbot):
    window = app_ctl.window
    model = window.clientModel
    analysis = window.insights.analysis
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        cid = model.summary(row).client.id
        expected = len(analysis.for_client(cid).recent_alerts)
        assert index.data(ALERTS_ROLE) == expected
        if expected:
            assert "recent alert" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert any(model.index(r, 0).data(ALERTS_ROLE) for r in range(model.rowCount()))


def test_dark_theme_redraws_the_charts(app_ctl: AppController, qtbot):
    app_ctl.theme.set_choice("dark")
    # A chart not on screen redraws in the new colours when it is shown.
    trends = _show_trends(app_ctl, _risky_client(app_ctl).id)
    assert trends.chart.figure().alliance_theme == "dark"


def _texts_everywhere() -> list[str]:
    texts: list[str] = []
    for w in QApplication.allWidgets():
        texts += [w.toolTip(), w.accessibleName(), w.windowTitle()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
    for model in QApplication.instance().findChildren(QAbstractItemModel):
        for row in range(model.rowCount()):
            for col in range(max(1, model.columnCount())):
                value = model.data(model.index(row, col))
                if value is not None:
                    texts.append(str(value))
    return texts


def test_insights_charts_are_built_and_drawn_off_the_ui_thread(app_ctl, qtbot, monkeypatch):
    """Issue 15: a big chart's build and first Agg draw run on a worker; the canvas
    shows the pixels it drew, the UI thread never draws the figure itself."""
    import threading

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from alliance_desktop.gui.common import chart_view

    drawn_on: list[str] = []
    real_draw = FigureCanvasAgg.draw

    def draw(canvas):
        if canvas.figure.axes:  # a lock's overwrite of an emptied figure is not a chart
            drawn_on.append(threading.current_thread().name)
        return real_draw(canvas)

    monkeypatch.setattr(FigureCanvasAgg, "draw", draw)
    built_on: list[bool] = []
    real_render = chart_view._render

    def render(build, *args):
        def spied():
            built_on.append(threading.current_thread() is threading.main_thread())
            return build()

        return real_render(spied, *args)

    monkeypatch.setattr(chart_view, "_render", render)
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    page = _show_strategy_tab(app_ctl, qtbot)
    qtbot.wait(200)  # the canvas's first paints
    assert page.outcomes.figure() is not None and page.outcomes.figure().axes
    assert page.outcomes.canvas.accessibleName() == page.outcomes.chartText().name
    assert built_on and not any(built_on), "a chart was built on the UI thread"
    assert drawn_on and threading.main_thread().name not in drawn_on, drawn_on
    # The corner's buttons fit once the figure arrives (no resize follows it).
    page.tabs.setCurrentIndex(0)
    _drawn(app_ctl.window.insights, qtbot)
    qtbot.wait(100)
    button = page.practice.showAsTableButton
    assert page.practice.figure() is not None and not page.practice.menuButton.isHidden()
    assert button.width() >= button.sizeHint().width(), "Show as table is cut short"


def test_a_lock_while_a_chart_is_drawn_drops_it(app_ctl, qtbot, monkeypatch):
    import threading

    from alliance_desktop.gui.common import chart_view

    release = threading.Event()
    forgotten: list = []
    real_render, real_forget = chart_view._render, chart_view._forget

    def slow_render(*args):
        release.wait(10)  # until the vault is locked
        return real_render(*args)

    def forget(fig):
        forgotten.append(fig)
        real_forget(fig)

    monkeypatch.setattr(chart_view, "_render", slow_render)
    monkeypatch.setattr(chart_view, "_forget", forget)
    hub = app_ctl.window.insights
    view = hub.insightsPage.practice
    qtbot.waitUntil(lambda: hub.analysis is not None and not hub.isRefreshing(), timeout=20000)
    hub.showInsights()
    hub.insightsPage.tabs.setCurrentIndex(0)
    assert view.isDrawing()
    qtbot.wait(100)  # the worker has started (the view painted, or 50 ms passed)
    app_ctl.window.actionLock.trigger()
    assert not view.isDrawing() and view.figure() is None
    release.set()
    qtbot.waitUntil(lambda: bool(forgotten), timeout=20000)
    qtbot.wait(50)
    assert view.figure() is None and view.canvas is None
    assert all(f.axes == [] for f in forgotten)
    assert not [k for f in forgotten for k in vars(f) if k.startswith("alliance_")]


def test_lock_empties_every_chart_model_and_suggestion(app_ctl: AppController, qtbot):
    window = app_ctl.window
    hub = window.insights
    codes = [c.code for c in app_ctl.vault.clients()]
    _show_trends(app_ctl, _risky_client(app_ctl).id)
    hub.showInsights()
    for i in range(hub.insightsPage.tabs.count()):
        hub.insightsPage.tabs.setCurrentIndex(i)
    _drawn(hub, qtbot)
    hub.showDashboard()
    views = hub.chartViews()
    figures = [v.figure() for v in views]
    assert all(f is not None for f in figures)
    assert hub.dashboard.caseloadModel.rowCount() > 0

    window.actionLock.trigger()
    assert app_ctl.vault is None
    assert hub.analysis is None
    assert hub.alertModel.rowCount() == 0
    assert hub.dashboard.caseloadModel.rowCount() == 0
    assert all(v.figure() is None for v in views)
    for fig in figures:  # the old figures hold no artists or ids either
        assert fig.axes == [] and not [k for k in vars(fig) if k.startswith("alliance_")]
    assert hub.trends.suggestions.planButtons == {}
    qtbot.wait(10)  # deleteLater of the old canvases and suggestion widgets
    QApplication.sendPostedEvents(None, 0)
    leftovers = [t for t in _texts_everywhere() if any(code in t for code in codes)]
    assert leftovers == []


def test_matplotlib_waits_for_unlock(tmp_path: Path):
    """Building the unlock window and the prewarmed main window loads no matplotlib."""
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from alliance_desktop.gui.shell.controller import AppController
        from alliance_desktop.gui.common.preferences import Preferences
        from alliance_desktop.gui.common.theme import ThemeManager
        prefs = Preferences(QSettings({str(tmp_path / "p.ini")!r}, QSettings.Format.IniFormat))
        ctl = AppController(app, __import__("pathlib").Path({str(tmp_path / "v.alliance")!r}),
                            prefs, ThemeManager(app, "light"))
        ctl.start()
        QTimer.singleShot(800, app.quit)
        app.exec()
        print("window", ctl.window is not None)
        print("mpl", "matplotlib" in sys.modules)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert "window True" in out.stdout, out.stderr
    assert "mpl False" in out.stdout


def _show_strategy_tab(ctl: AppController, qtbot):
    hub = ctl.window.insights
    # The unlock's analysis and its estimates (worked out in the background) first.
    qtbot.waitUntil(
        lambda: hub.estimatesReady() and not hub.isRefreshing() and not hub.isDrawingCharts(),
        timeout=20000,
    )
    hub.showInsights()
    hub.insightsPage.tabs.setCurrentIndex(1)
    _drawn(hub, qtbot)
    return hub.insightsPage


def _drawn(hub, qtbot) -> None:
    """Wait for the charts built and drawn on a worker (``ChartView.setFigureLater``)."""
    qtbot.waitUntil(lambda: not hub.isDrawingCharts(), timeout=20000)


def test_strategy_panel_shows_estimates_not_enough_yet_and_both_caveats(app_ctl, qtbot):
    from alliance_desktop.domain.demo import PLANTED_STRATEGY

    page = _show_strategy_tab(app_ctl, qtbot)
    analysis = app_ctl.window.insights.analysis
    fig = page.outcomes.figure()
    assert fig is not None
    assert set(fig.alliance_strategies) == {e.strategy for e in analysis.estimates}
    regression, compared = analysis.caveats
    caveats = page.outcomesCaveats.text()
    assert regression in caveats and compared in caveats
    assert "regression to the mean" in page.outcomesNote.text()
    # On the demo only the strategy with a planted effect has an interval above zero.
    above = {e.strategy for e in analysis.estimates if e.shown and e.ci_low > 0}
    assert above == {PLANTED_STRATEGY}
    assert PLANTED_STRATEGY in fig.alliance_strategies

    # A higher minimum (a setting): the strategies below it are listed, with no estimate.
    app_ctl.vault.set_settings({"insights.strategy_min_uses": 40})
    app_ctl.window.insights.refreshNow()
    analysis = app_ctl.window.insights.analysis
    fig = page.outcomes.figure()
    rare = {e.strategy for e in analysis.estimates if not e.shown} - {
        e.strategy for e in analysis.estimates if e.shown
    }
    assert rare, "some strategies have fewer than 40 uses"
    listed = page.outcomesNotEnough.text()
    assert page.outcomesNotEnough.isVisibleTo(page)
    catalogue = app_ctl.vault.strategy_catalogue()
    for key in rare:
        e = max((e for e in analysis.estimates if e.strategy == key), key=lambda e: e.uses)
        uses = "1 use" if e.uses == 1 else f"{e.uses} uses"
        clients = "1 client" if e.clients == 1 else f"{e.clients} clients"
        assert f"{catalogue[key].label}: not enough yet: {uses}, {clients}" in listed
    # The caveats are beside the chart, so the figure leaves them out; no naive "(n=".
    assert not [a for a in fig.findobj() if a.get_gid() == "note"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels and not any("(n=" in t for t in labels)
    # The text alternative (charts.text): the name, and a description that counts them.
    assert page.outcomes.canvas.accessibleName() == "Strategy outcomes chart"
    description = page.outcomes.canvas.accessibleDescription()
    waiting = len({e.strategy for e in analysis.estimates}) - len(
        {e.strategy for e in analysis.estimates if e.shown}
    )
    assert f"; {waiting} strategies not enough yet." in description


def test_insights_page_reuses_the_analysis_until_the_vault_changes(app_ctl, qtbot, monkeypatch):
    from alliance_desktop.app.changes import Changes
    from alliance_desktop.gui import operations
    from alliance_desktop.insights import strategy_estimates

    calls = []
    real = strategy_estimates.strategy_estimates_by_client

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(strategy_estimates, "strategy_estimates_by_client", counted)
    hub = app_ctl.window.insights
    hub.refreshNow()  # a fresh analysis under the counter
    first = hub.analysis
    _show_strategy_tab(app_ctl, qtbot)
    assert len(calls) == 1
    # Leaving and coming back, other tabs, a theme change: no new analysis, no new bootstrap.
    hub.showDashboard()
    for i in (0, 2, 3, 1):
        hub.insightsPage.tabs.setCurrentIndex(i)
    hub.showInsights()
    app_ctl.theme.set_choice("dark")
    _drawn(hub, qtbot)
    assert hub.insightsPage.outcomes.figure().alliance_theme == "dark"
    assert hub.analysis is first and len(calls) == 1
    # A vault change is a new analysis, and the estimates are computed once more.
    operations.events().vaultChanged.emit(Changes(sessions=True))
    qtbot.waitUntil(lambda: hub.analysis is not first, timeout=5000)
    _show_strategy_tab(app_ctl, qtbot)
    assert len(calls) == 2
    app_ctl.window.actionLock.trigger()
    assert hub.analysis is None
    assert hub.insightsPage.outcomesCaveats.text() == ""
    assert hub.insightsPage.outcomesNotEnough.text() == ""


def test_matplotlib_loads_when_a_chart_first_shows_not_after_unlock(tmp_path: Path, demo_file):
    """Issue 15: unlock, the first paint and the analysis load no matplotlib; it loads
    when a chart first shows, on the worker that builds that chart (setFigureLater),
    never on the UI thread, and the Trends tab shows its figure."""
    import shutil

    path = tmp_path / "demo.alliance"
    shutil.copyfile(demo_file, path)
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from alliance_desktop.gui.shell.controller import AppController
        from alliance_desktop.gui.common.preferences import Preferences
        from alliance_desktop.gui.common.theme import ThemeManager
        from alliance_desktop.vault import Vault
        prefs = Preferences(QSettings({str(tmp_path / "p.ini")!r}, QSettings.Format.IniFormat))
        import threading
        first = []
        painted = []

        class Spy:  # who imports matplotlib first, and when
            def find_spec(self, name, path=None, target=None):
                if name == "matplotlib" and not first:
                    ui = threading.current_thread() is threading.main_thread()
                    first.append((ui, bool(painted), hub.estimatesReady()))
                return None

        sys.meta_path.insert(0, Spy())
        ctl = AppController(app, {str(path)!r}, prefs, ThemeManager(app, "light"))
        ctl.start(Vault.open({str(path)!r}, {PASS!r}))
        w = ctl.window
        hub = w.insights
        w.show()
        app.processEvents()
        painted.append(True)
        print("at unlock", "matplotlib" in sys.modules)
        from PySide6.QtCore import QEventLoop
        loop = QEventLoop()
        QTimer.singleShot(2500, loop.quit)  # past the first paint and the first analysis
        loop.exec()
        print("analysed", hub.analysis is not None)
        print("before a chart shows", "matplotlib" in sys.modules)
        hub.showDashboard()
        w.selectClient(hub.analysis.caseload[0].client.id)
        w.ui.clientTabs.setCurrentIndex(0)
        app.processEvents()
        print("timeline", hub.trends.chart.figure() is None)
        w.ui.clientTabs.setCurrentWidget(hub.trends)
        app.processEvents()
        while hub.isDrawingCharts():  # the trend figure is built and drawn on a worker
            app.processEvents()
        print("trends", "matplotlib" in sys.modules, hub.trends.chart.figure() is not None)
        print("first import (UI thread, after the first paint, after the estimates)", first)
        ctl.dispose()
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert "analysed True" in out.stdout, out.stderr
    assert "at unlock False" in out.stdout, out.stderr
    assert "after the estimates) [(False, True, True)]" in out.stdout, out.stdout + out.stderr
    assert "before a chart shows False" in out.stdout, out.stderr
    assert "timeline True" in out.stdout, out.stderr
    assert "trends True True" in out.stdout, out.stderr


def test_a_client_switch_updates_the_trend_figure_in_place(app_ctl: AppController, qtbot):
    """Issue 15: switching clients on the Trends tab sets the new client's data on the
    figure already shown (same figure, same canvas) instead of building another."""
    from alliance_desktop.charts._common import SESSION_IDS_ATTR

    hub = app_ctl.window.insights
    clients = [row.client.id for row in hub.analysis.caseload]
    trends = _show_trends(app_ctl, clients[0])
    fig, canvas = trends.chart.figure(), trends.chart.canvas
    kept = 0
    for cid in clients[1:]:
        app_ctl.window.selectClient(cid)
        QApplication.processEvents()
        drawn(hub)  # when the figure does not fit the client, a new one (on a worker)
        shown = hub.analysis.for_client(cid)
        ids = [s.id for s in sorted(shown.sessions, key=lambda s: s.date)]
        assert getattr(trends.chart.figure(), SESSION_IDS_ATTR) == ids
        assert trends.chart.chartText().rows  # the table follows the client too
        if trends.chart.figure() is fig:
            assert trends.chart.canvas is canvas
            kept += 1
        fig, canvas = trends.chart.figure(), trends.chart.canvas
    assert kept >= len(clients) // 2, f"only {kept} of {len(clients) - 1} switches in place"


def test_a_chart_view_gone_while_its_figure_is_drawn_releases_the_interpreter(qtbot):
    """The worker's hold (short switch interval, no cyclic collection) ends even when
    the view was deleted (its window closed) before the figure arrived."""
    import gc
    import threading

    from matplotlib.figure import Figure
    from shiboken6 import isValid

    from alliance_desktop.gui.common.chart_view import ChartView

    release = threading.Event()
    built: list[Figure] = []

    def build() -> Figure:
        release.wait(10)
        fig = Figure()
        fig.add_subplot().plot([1, 2], [3, 4])
        built.append(fig)
        return fig

    was_enabled = gc.isenabled()
    view = ChartView("goneChart")
    view.resize(300, 200)
    view.setFigureLater(build)
    qtbot.waitUntil(lambda: not gc.isenabled() or not was_enabled, timeout=5000)  # started
    view.deleteLater()
    qtbot.waitUntil(lambda: not isValid(view), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: bool(built) and gc.isenabled() == was_enabled, timeout=10000)
    qtbot.wait(50)
    assert gc.isenabled() == was_enabled
    assert built[0].axes == []  # dropped, emptied


def test_the_trend_chart_shows_pixels_after_a_theme_change(app_ctl: AppController, qtbot):
    """The trend figure shown, then the scheme changed with it on screen: the canvas
    shows the new figure drawn, not a blank (a worker-drawn replacement once stayed
    white)."""
    window = app_ctl.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    trends = _show_trends(app_ctl, _risky_client(app_ctl).id)
    for scheme in ("dark", "light"):
        app_ctl.theme.set_choice(scheme)
        drawn(window.insights)
        qtbot.wait(100)
        assert trends.chart.figure().alliance_theme == scheme
        image = trends.chart.canvas.grab().toImage()
        step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 40)
        colours = {image.pixel(x, y) for x in range(0, image.width(), step_x)
                   for y in range(0, image.height(), step_y)}  # fmt: skip
        assert len(colours) > 8, f"the {scheme} trend chart is blank"
