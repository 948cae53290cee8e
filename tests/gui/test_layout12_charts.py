"""Issue 12: charts carry no matplotlib toolbar; "⋯" › "Save as image…" saves privately.

The save goes through app.charts.export_chart (operations.run, file_dialogs): the file
is 0600 and an existing file is only replaced after the user said Yes.
"""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar, QToolButton
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.common import file_dialogs
from alliance_desktop.gui.shell.controller import AppController
from tests.gui.charts_wait import drawn

PASS = DEMO_PASSPHRASE


def _trend_chart(ctl: AppController):
    window = ctl.window
    window.selectClient(window.insights.analysis.caseload[0].client.id)
    window.ui.clientTabs.setCurrentWidget(window.insights.trends)
    drawn(window.insights)  # a new trend figure is built and drawn on a worker
    chart = window.insights.trends.chart
    assert chart.figure() is not None
    return chart


def test_no_chart_has_a_matplotlib_toolbar_but_each_has_a_menu(app_ctl, qtbot):
    from matplotlib.backends.backend_qtagg import NavigationToolbar2QT

    for view in _all_charts_drawn(app_ctl, qtbot):
        assert view.figure() is not None
        assert view.findChildren(NavigationToolbar2QT) == []
        assert view.findChildren(QToolBar) == []
        button = view.menuButton
        assert isinstance(button, QToolButton) and not button.isHidden()
        assert button.objectName() == f"{view.objectName()}MenuButton"
        assert button.accessibleName() == "Chart options"
        assert [a.text() for a in button.menu().actions()] == ["Save as image…"]
        assert view.canvas.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_save_as_image_writes_a_private_file_and_never_replaces_without_asking(
    app_ctl, qtbot, tmp_path: Path, monkeypatch
):
    chart = _trend_chart(app_ctl)
    target = tmp_path / "out" / "trend.png"
    target.parent.mkdir()
    monkeypatch.setattr(
        file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), "PNG image (*.png)")
    )
    chart.saveAction.trigger()
    assert target.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    # Saving again over it asks; No leaves the file as it was.
    target.write_bytes(b"keep me")
    target.chmod(0o600)
    asked: list[str] = []

    def no(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    chart.saveAction.trigger()
    assert asked and "trend.png" in asked[0]
    assert target.read_bytes() == b"keep me"

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    chart.saveAction.trigger()
    assert target.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def _all_charts_drawn(ctl: AppController, qtbot):
    hub = ctl.window.insights
    _trend_chart(ctl)
    hub.showInsights()
    # The outcomes chart waits for the strategy estimates (a second background job);
    # until they come it shows no figure.
    qtbot.waitUntil(lambda: hub.estimatesReady() and not hub.isRefreshing(), timeout=20000)
    for i in range(hub.insightsPage.tabs.count()):
        hub.insightsPage.tabs.setCurrentIndex(i)
    # The insights charts are built and drawn on a worker (ChartView.setFigureLater).
    qtbot.waitUntil(lambda: not hub.isDrawingCharts(), timeout=20000)
    return hub.chartViews()


def test_every_chart_has_a_text_alternative_and_a_keyboard_table_toggle(app_ctl, qtbot):
    """Issue 13: a name ending in "chart", a description, and "Show as table" swapping
    the figure for a table view of the same data (model/view), by keyboard."""
    from PySide6.QtWidgets import QTableView

    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    hub = window.insights
    names = set()
    views = _all_charts_drawn(app_ctl, qtbot)
    page = hub.insightsPage
    for view in views:
        if view is hub.trends.chart:
            window.selectClient(hub.analysis.caseload[0].client.id)
            window.ui.clientTabs.setCurrentWidget(hub.trends)
        else:
            hub.showInsights()
            tab = next(
                i for i in range(page.tabs.count()) if page.tabs.widget(i).isAncestorOf(view)
            )
            page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        text = view.chartText()
        assert text is not None and text.rows
        for widget in (view, view.canvas, view.table):
            assert widget.accessibleName() == text.name and text.name.endswith("chart")
            assert widget.accessibleDescription() == text.description != ""
        names.add(text.name)
        # In the chart's corner, or its owner's row (Trends, strategy outcomes).
        button = view.showAsTableButton
        assert button.objectName() == "showAsTableButton"
        assert button.isCheckable() and button.isVisible()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.accessibleName() == "Show as table"
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        table = view.findChild(QTableView, f"{view.objectName()}Table")
        assert view.isTableMode() and table.isVisible() and not view.canvas.isVisible()
        model = table.model()
        assert model.rowCount() == len(text.rows) and model.columnCount() == len(text.headers)
        last = model.index(len(text.rows) - 1, len(text.headers) - 1)
        assert last.data() == text.rows[-1][-1]
        assert model.headerData(0, Qt.Orientation.Horizontal) == text.headers[0]
        assert text.headers[1] in model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole)
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert not view.isTableMode() and view.canvas.isVisible() and not table.isVisible()
    assert len(names) == 5
    assert len(window.findChildren(QToolButton, "showAsTableButton")) >= 5


def test_lock_empties_the_chart_tables(app_ctl, qtbot):
    views = _all_charts_drawn(app_ctl, qtbot)
    views[0].setTableMode(True)
    app_ctl.lock()
    for view in views:
        assert view.chartText() is None and view.tableModel.rowCount() == 0
        assert view.accessibleDescription() == ""


def test_trend_key_fits_the_chart_at_900_by_600(open_demo, qtbot):
    """Issue 12: the trend's key flowed for a 9-inch figure ran off a 900 px window; it
    now flows again at the canvas's width and the plot starts below its last row."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401

    from alliance_desktop.charts._common import KEY_LABEL_GID, TEXTS_ATTR, text_width

    ctl = open_demo(size=(900, 600), shown=True)
    chart = _trend_chart(ctl)
    QApplication.processEvents()
    chart.canvas.draw()
    fig = chart.figure()
    width, height = fig.get_size_inches()
    assert width * fig.dpi <= chart.width() + 1 and width < 8.0  # narrower than the build
    (labels,) = [a for a in fig.findobj() if a.get_gid() == KEY_LABEL_GID]
    texts = getattr(labels, TEXTS_ATTR)
    offsets = labels.get_offsets()
    rights = [x + text_width(t, 8.0) / 72 for (x, _y), t in zip(offsets, texts, strict=True)]
    assert max(rights) <= width - 0.05, (max(rights), width)
    lowest = -min(y for _x, y in offsets) + 0.1  # inches below the top, half a row down
    plot_top = (1 - fig.axes[0].get_position().y1) * height
    assert lowest <= plot_top, (lowest, plot_top)
