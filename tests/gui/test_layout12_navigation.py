"""Issue 12: one date format from the locale, ratings as labelled chips, every way into
the editor has a way back (Esc, View › Back / Alt+Left), and after saving the timeline
shows the saved session selected."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QSpinBox
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.common.dates import date_format, short_date
from alliance_desktop.gui.workspace.models import CHIPS_ROLE
from alliance_desktop.gui.workspace.rating_chips import RatingChipsDelegate

PASS = DEMO_PASSPHRASE


@pytest.fixture
def app_ctl(open_demo):
    return open_demo(shown=True)


# -- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "with_year", "without"),
    [
        ("en_US", "MMM d, yyyy", "MMM d"),
        ("en_GB", "d MMM yyyy", "d MMM"),
        ("de_DE", "d. MMM yyyy", "d. MMM"),
        ("ja_JP", "yyyy年M月d日", "M月d日"),
    ],
)
def test_date_format_comes_from_the_locale(name: str, with_year: str, without: str):
    locale = QLocale(name)
    assert date_format(locale, with_year=True) == with_year
    assert date_format(locale, with_year=False) == without


def test_short_date_has_the_year_only_when_it_is_not_this_year():
    today = date.today()
    this_year = short_date(date(today.year, 3, 7))
    last_year = short_date(date(today.year - 1, 3, 7))
    assert str(today.year) not in this_year and "7" in this_year
    assert str(today.year - 1) in last_year
    assert short_date(None) == ""


# -- timeline chips ----------------------------------------------------------------


def test_timeline_ratings_are_labelled_chips(app_ctl, qtbot):
    window = app_ctl.window
    client = window.insights.analysis.caseload[0].client
    window.selectClient(client.id)
    model = window.timelineModel
    column = model.COLUMNS.index("ratings")
    index = model.index(0, column)
    s = model.session(0)
    chips = index.data(CHIPS_ROLE)
    assert chips[0] == f"Trust {s.trust:g}" and chips[1] == f"Engagement {s.engagement:g}"
    assert len(chips) == 4
    text = index.data()
    assert text.startswith(f"Trust {s.trust:g} · Engagement") and "T8" not in text
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == text
    delegate = window.ui.timelineView.itemDelegateForColumn(column)
    assert isinstance(delegate, RatingChipsDelegate)
    # Wide enough for all four chips.
    assert (
        window.ui.timelineView.columnWidth(column)
        >= delegate.sizeHint(
            window.ui.timelineView.viewOptions()
            if hasattr(window.ui.timelineView, "viewOptions")
            else _option(window.ui.timelineView),
            index,
        ).width()
        - 2
    )


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    return option


# -- a way back ----------------------------------------------------------------------


def test_esc_from_an_editor_opened_from_an_alert_returns_to_the_dashboard(app_ctl, qtbot):
    window = app_ctl.window
    hub = window.insights
    hub.showDashboard()
    view = hub.dashboard.alertList
    view.setFocus()
    view.setCurrentIndex(hub.alertModel.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.ui.contentStack.currentWidget() is hub.dashboard
    assert hub.dashboard.alertList.hasFocus() or QApplication.focusWidget() is view


def test_back_from_an_editor_opened_from_search_returns_to_the_results(app_ctl, qtbot):
    window = app_ctl.window
    window.searchEdit.setText("the")
    window._run_search()
    assert window.ui.contentStack.currentWidget() is window.ui.searchPage
    assert window.searchModel.rowCount() > 0
    window.ui.searchResults.setFocus()
    window.ui.searchResults.setCurrentIndex(window.searchModel.index(0, 0))
    qtbot.keyClick(window.ui.searchResults, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    back = window.insights.actionBack
    assert back.shortcut().toString() == "Alt+Left"
    assert back in window.insights.menuView.actions()
    back.trigger()
    assert window.ui.contentStack.currentWidget() is window.ui.searchPage
    assert window.searchModel.rowCount() > 0


def test_esc_from_an_editor_opened_from_the_caseload_returns_to_the_dashboard(app_ctl, qtbot):
    window = app_ctl.window
    hub = window.insights
    hub.showDashboard()
    view = hub.dashboard.caseload
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 12))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.ui.contentStack.currentWidget() is hub.dashboard


def test_after_saving_the_timeline_shows_the_saved_session_selected(app_ctl, qtbot):
    window = app_ctl.window
    hub = window.insights
    row = hub.analysis.caseload[3]
    session = row.last_sessions[-3]
    window.selectClient(row.client.id)
    window.ui.clientTabs.setCurrentWidget(hub.trends)  # opened from the Trends tab
    window.openSession(session.id)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    trust = window.editor.findChild(QSpinBox, "trustInput")
    if trust is not None:
        trust.setValue(3 if trust.value() != 3 else 4)
    window.saveSession()
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage
    assert window.ui.clientTabs.currentWidget() is window.ui.timelineTab
    selected = window.ui.timelineView.selectionModel().selectedRows()
    assert len(selected) == 1
    assert window.timelineModel.session(selected[0].row()).id == session.id
