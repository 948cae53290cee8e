"""Issue 15, no stall on the dashboard while the insights worker runs: its two tables
paint their plain rows in one pass and measure their columns once per fill.

Each call from Qt into Python waits its turn for the interpreter while the analysis or
the strategy estimates run in their worker, and a resize of the dashboard made about
3,000 of them: the caseload's delegate once per cell (and the model's row and column
counts twice per cell), the alert list's model for every cell of every measured row
at every resize. The resize stalled the window 80-130 ms after an unlock. Now the
caseload table and the alert list are ``RowTableView``s (one call per paint for the
rows that are not selected, current or hovered, with Qt's pixels) and
``FittedTableView``s (a column's width is measured again only when its contents
change). ``tests/gui/test_no_stall15_caseload.py`` measures the stall itself.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QTableView

from alliance_desktop.gui.common.widgets.fitted_table import FittedTableView
from alliance_desktop.gui.insights.models import AlertListModel
from tests.gui.plain_paint import hover, same_as_qt


@pytest.fixture
def asked(monkeypatch) -> Counter[int]:
    """The alert list model's cells Qt reads, by row, while counting (patched before
    the window is made: PySide keeps the method it first found)."""
    seen: Counter[int] = Counter()
    real = AlertListModel.multiData

    def counted(self, index, span):
        if seen.get(-1) is None:
            seen[index.row()] += 1
        return real(self, index, span)

    monkeypatch.setattr(AlertListModel, "multiData", counted)
    seen[-1] = 1  # not counting yet
    return seen


@pytest.fixture
def dashboard(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    hub = ctl.window.insights
    hub.showDashboard()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.processEvents()
    d = hub.dashboard
    assert d.caseloadModel.rowCount() > 3 and d.alertList.model().rowCount() > 3
    return ctl, d, app


def _states(view: QTableView, app: QApplication, monkeypatch: Any, what: str) -> None:
    """The view as Qt paints it: untouched, a cell current and selected, focused, a
    row hovered, scrolled to the end."""
    model = view.model()
    same_as_qt(view, app, monkeypatch, what)
    view.selectionModel().setCurrentIndex(
        model.index(2, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    same_as_qt(view, app, monkeypatch, what + ", a cell selected")
    view.setFocus()
    app.processEvents()
    same_as_qt(view, app, monkeypatch, what + ", focused")
    hover(view, app, model.index(1, 0))
    same_as_qt(view, app, monkeypatch, what + ", a row hovered")
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    same_as_qt(view, app, monkeypatch, what + ", scrolled")


def test_the_dashboard_tables_look_as_qt_paints_them_in_light_and_dark(dashboard, monkeypatch):
    ctl, d, app = dashboard
    for theme in ("light", "dark"):
        ctl.theme.set_choice(theme)
        app.processEvents()
        _states(d.caseload, app, monkeypatch, f"the caseload ({theme})")
        _states(d.alertList, app, monkeypatch, f"the alert list ({theme})")
    ctl.window.resize(900, 600)
    app.processEvents()
    same_as_qt(d.caseload, app, monkeypatch, "the caseload at 900 x 600")
    same_as_qt(d.alertList, app, monkeypatch, "the alert list at 900 x 600")


def test_a_resize_asks_the_alert_list_for_nothing_until_it_is_filled_again(asked, dashboard):
    ctl, d, app = dashboard
    model = d.alertList.model()
    assert isinstance(model, AlertListModel)
    rows = list(model._rows)
    model.setAlerts(rows * (60 // len(rows) + 1))  # more alerts than the list shows
    app.processEvents()
    del asked[-1]  # counting from here
    shown = {d.alertList.rowAt(y) for y in range(0, d.alertList.viewport().height(), 4)}
    assert max(shown) < model.rowCount() - 10
    for size in ((1100, 780), (1250, 800), (1000, 760)):
        ctl.window.resize(*size)
        app.processEvents()
    # Painted rows are read (what is on screen); no row out of view is measured.
    assert set(asked) <= shown
    header = d.alertList.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(3)]
    assert widths == [_qt_width(d.alertList, c) for c in range(3)]
    # A new fill is measured again: a longer client code widens its column.
    alert, client = rows[0]
    from dataclasses import replace

    longer = replace(client, code=client.code + " with a much longer code")
    model.setAlerts([(alert, longer), *rows[1:]])
    app.processEvents()
    assert header.sectionSize(1) > widths[1]
    assert header.sectionSize(1) == _qt_width(d.alertList, 1)


def _qt_width(view: QTableView, column: int) -> int:
    """A ResizeToContents column's width as Qt works it out now: its measure of the
    rows (the view's base class) or the heading's, whichever is wider."""
    return max(
        QTableView.sizeHintForColumn(view, column), view.horizontalHeader().sectionSizeHint(column)
    )


def test_a_font_change_measures_the_columns_again(qapp, qtbot):
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    view = FittedTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(3, 2)
    for r in range(3):
        model.setItem(r, 0, QStandardItem("a name of some length" if r == 1 else "short"))
        model.setItem(r, 1, QStandardItem("x"))
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(
        view.horizontalHeader().ResizeMode.ResizeToContents
    )
    view.show()
    qtbot.waitExposed(view)
    before = view.horizontalHeader().sectionSize(0)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    QApplication.processEvents()
    view.horizontalHeader().resizeSections(view.horizontalHeader().ResizeMode.ResizeToContents)
    assert view.horizontalHeader().sectionSize(0) > before
    # And a changed cell: measured again, not the kept width.
    model.item(1, 0).setText("a name of some length, now a good deal longer than it was")
    QApplication.processEvents()
    assert view.horizontalHeader().sectionSize(0) == _qt_width(view, 0)
    assert view.sizeHintForColumn(0) == QTableView.sizeHintForColumn(view, 0)
