"""Issue 11: the hubs use the main window's public API, never its ``ui`` or ``editor``.

The insights, trainee and supervision hubs add their pages, tabs, cards and bars
through ``MainWindow.addPage`` / ``addClientTab`` / ``addClientCard`` / ... and follow
the window through ``pageChanged`` / ``clientTabChanged``; the pages still switch and
draw as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from support import DEMO_PASSPHRASE

import alliance_desktop.gui as gui_package

PASS = DEMO_PASSPHRASE
HUBS = ("insights/hub.py", "trainee/hub.py", "supervision/hub.py")
# ``w.ui``, ``window.ui``, ``self.window.ui``, ``w.editor``, ``self.window.editor``...
INTERNALS = re.compile(r"\b(?:w|win|window|main_window)\s*\.\s*(?:ui|editor)\b")


@pytest.mark.parametrize("name", HUBS)
def test_hub_does_not_reach_into_the_window(name: str) -> None:
    source = (Path(gui_package.__file__).parent / name).read_text(encoding="utf-8")
    hits = [
        f"{name}:{number}: {line.strip()}"
        for number, line in enumerate(source.splitlines(), 1)
        if INTERNALS.search(line)
    ]
    assert hits == []


def test_the_pattern_catches_the_old_ways_in() -> None:
    for line in (
        "ui = window.ui",
        "w.ui.contentStack.currentChanged.connect(self._page_changed)",
        "self.window.ui.clientTabs.setTabText(self.trendsIndex, text)",
        "editor = self.window.editor",
        "cid = w.editor.currentClientId()",
    ):
        assert INTERNALS.search(line), line
    assert not INTERNALS.search("self.window.editorClientId()")
    assert not INTERNALS.search("w.showPage(self.dashboard)")


@pytest.fixture(scope="module")
def demo_seed() -> int:
    return 11


@pytest.fixture
def app_ctl(open_demo):
    return open_demo(shown=True)


def test_the_hub_widgets_sit_where_they_did(app_ctl) -> None:
    w = app_ctl.window
    ui, hub = w.ui, w.insights
    assert ui.contentStack.indexOf(hub.dashboard) >= 0
    assert ui.contentStack.indexOf(hub.insightsPage) >= 0
    assert ui.clientTabs.widget(hub.trendsIndex) is hub.trends
    assert ui.clientTabs.tabText(hub.trendsIndex) == "Trends"
    assert ui.editorLayout.indexOf(hub.planBar) == 1
    layout = ui.clientPageLayout
    assert layout.indexOf(w.trainee.sceneCard) == layout.indexOf(ui.clientGoals) + 1
    timeline = ui.timelineLayout
    assert timeline.indexOf(w.trainee.feedback) == timeline.indexOf(ui.timelineEmpty) + 1


def test_dashboard_and_insights_switch_through_the_api(app_ctl, qtbot) -> None:
    w = app_ctl.window
    hub = w.insights
    with qtbot.waitSignal(w.pageChanged) as blocker:
        hub.actionInsights.trigger()
    assert blocker.args == [hub.insightsPage]
    assert w.currentPage() is hub.insightsPage
    assert "practice" not in hub._stale  # drawn once it was shown
    with qtbot.waitSignal(w.pageChanged) as blocker:
        hub.actionDashboard.trigger()
    assert blocker.args == [hub.dashboard]
    assert w.currentPage() is hub.dashboard
    assert w.ui.contentStack.currentWidget() is hub.dashboard
    assert "caseload" not in hub._stale
    assert not w.isShowingEditor()
    assert not w.isShowingClientTab(hub.trends)

    w.showPage(hub.insightsPage)
    assert w.ui.contentStack.currentWidget() is hub.insightsPage


def test_the_trends_tab_draws_when_shown_through_the_api(app_ctl, qtbot) -> None:
    w = app_ctl.window
    hub = w.insights
    client_id = next(c.id for c in w.currentVault().clients())
    w.selectClient(client_id)
    assert w.currentClientId() == client_id
    hub._stale |= {"trend", "suggestions"}
    with qtbot.waitSignal(w.clientTabChanged) as blocker:
        w.ui.clientTabs.setCurrentIndex(hub.trendsIndex)
    assert blocker.args == [hub.trendsIndex]
    assert w.isShowingClientTab(hub.trends)
    assert not {"trend", "suggestions"} & hub._stale


def test_the_editor_is_seen_through_the_api(app_ctl) -> None:
    w = app_ctl.window
    client_id = next(c.id for c in w.currentVault().clients())
    w.selectClient(client_id)
    w.newSession()
    assert w.isShowingEditor()
    assert w.editorClientId() == client_id == w.editor.currentClientId()
    assert w.editorSessionId() is None
    w.closeEditor()
    assert not w.isShowingEditor()


def test_watch_first_paint_calls_back_once(app_ctl, qtbot) -> None:
    w = app_ctl.window
    calls: list[int] = []
    w.watchFirstPaint(lambda: calls.append(1))
    w.ui.contentStack.update()
    qtbot.waitUntil(lambda: calls == [1])
    w.ui.contentStack.repaint()
    QApplication.processEvents()
    assert calls == [1]
