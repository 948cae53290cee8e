"""Issue 15, the caseload table paints and resizes without working anything out again:
every session cell's text, background and text colour are worked out once per fill
(or dimension change) and the delegate reads them in one call, never through
``data()``; the client column (ResizeToContents) is measured once per fill, not over
every row at every resize. Both used to run Python for each cell or row, the paint and
each resize of the table a 60-100 ms stall on a large caseload
(tests/gui/test_no_stall15_caseload.py measures the stall itself).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.insights.caseload import CaseloadDelegate, CaseloadView
from alliance_desktop.gui.insights.models import (
    CELL_ROLE,
    CaseloadModel,
    scale_colour,
    text_colour_on,
)
from alliance_desktop.vault.demo import create_demo_vault

CLIENTS = 60


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More clients than a window shows rows: rows out of view are never painted."""
    path = tmp_path_factory.mktemp("demo60") / "demo.alliance"
    create_demo_vault(path, DEMO_PASSPHRASE, clients=CLIENTS, sessions=20, seed=15).close()
    return path


@pytest.fixture
def counted(monkeypatch) -> dict[str, Counter]:
    """Every CaseloadModel.data call by (row, column), and every cell the delegate paints
    by column, through Qt's cell-by-cell ``paint`` or the view's one pass for plain rows
    (installed before the window is made, so Qt's calls come through the counters)."""
    calls: dict[str, Counter] = {"data": Counter(), "paint": Counter()}
    data, paint = CaseloadModel.data, CaseloadDelegate.paint
    plain = CaseloadDelegate.paintPlainCell

    def counting_data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            calls["data"][(index.row(), index.column())] += 1
        return data(self, index, role)

    def counting_paint(self, painter, option, index):
        calls["paint"][index.column()] += 1
        return paint(self, painter, option, index)

    def counting_plain(self, painter, shared, row, column, rect):
        calls["paint"][column] += 1
        return plain(self, painter, shared, row, column, rect)

    monkeypatch.setattr(CaseloadModel, "data", counting_data)
    monkeypatch.setattr(CaseloadDelegate, "paint", counting_paint)
    monkeypatch.setattr(CaseloadDelegate, "paintPlainCell", counting_plain)
    return calls


def _dashboard(open_demo) -> tuple[Any, CaseloadView, CaseloadModel]:
    ctl = open_demo(size=(1200, 800), shown=True)
    hub = ctl.window.insights
    hub.showDashboard()
    QApplication.processEvents()
    view = hub.dashboard.caseload
    model = hub.dashboard.caseloadModel
    assert isinstance(view, CaseloadView) and model.rowCount() == CLIENTS
    return ctl, view, model


def test_painting_reads_no_session_cell_through_data(open_demo, counted, qtbot):
    _ctl, view, _model = _dashboard(open_demo)
    counted["data"].clear()
    counted["paint"].clear()
    view.viewport().repaint()
    session_cells = sum(n for column, n in counted["paint"].items() if column > 0)
    assert session_cells > 100  # the table was painted
    # Before: Background, Foreground and Display for each, three lookups per cell.
    assert [key for key in counted["data"] if key[1] > 0] == []


def test_a_resize_does_not_measure_every_client_row(open_demo, counted, qtbot):
    ctl, view, _model = _dashboard(open_demo)
    last_shown = view.rowAt(view.viewport().height() - 1)
    assert 0 < last_shown < CLIENTS - 10  # rows below the viewport are never painted
    counted["data"].clear()
    for size in ((1100, 780), (1250, 800), (1000, 760)):
        ctl.window.resize(*size)
        QApplication.processEvents()
        ctl.window.repaint()
    measured = sorted({row for row, column in counted["data"] if row > last_shown + 1})
    # Before: every row's client cell asked for its size hint at each resize.
    assert measured == []
    assert view.horizontalHeader().sectionSize(0) == _width_qt_would_give(view)


def _width_qt_would_give(view: CaseloadView) -> int:
    """The client column's width as ResizeToContents works it out: Qt's own measure of
    every row (the view's base class), or the header's, whichever is wider."""
    header = view.horizontalHeader()
    return max(QTableView.sizeHintForColumn(view, 0), header.sectionSizeHint(0))


def test_the_client_column_is_as_wide_as_qt_makes_it_after_each_fill(open_demo, qtbot):
    ctl, view, model = _dashboard(open_demo)
    hub = ctl.window.insights
    assert view.horizontalHeader().sectionSize(0) == _width_qt_would_give(view)
    # A fill with a longer code: measured again, not the width of the last fill.
    rows = list(hub.analysis.caseload)
    longest = max(rows, key=lambda r: len(r.client.code))
    before = view.horizontalHeader().sectionSize(0)
    model.setRows([*rows[:5], _renamed(longest, longest.client.code + " Longer")], "trust")
    QApplication.processEvents()
    assert view.horizontalHeader().sectionSize(0) > before
    assert view.horizontalHeader().sectionSize(0) == _width_qt_would_give(view)


def _renamed(row: Any, code: str) -> Any:
    from dataclasses import replace

    return replace(row, client=replace(row.client, code=code))


def test_every_role_serves_the_cells_worked_out_once(open_demo, qtbot):
    _ctl, _view, model = _dashboard(open_demo)
    for dimension in ("trust", "engagement"):
        model.setDimension(dimension)
        for r in range(model.rowCount()):
            for c in range(1, model.columnCount()):
                index = model.index(r, c)
                cell = model.cell(r, c)
                assert cell is not None
                assert tuple(index.data(CELL_ROLE)) == cell
                text, background, foreground = cell
                session = model.session(index)
                value = None if session is None else session.rating(dimension)
                if value is None:
                    assert background is None and foreground is None
                    assert text == ("" if session is None else "–")
                    assert index.data() == (None if session is None else "–")
                    continue
                # The colours as the scale gives them, the same through the roles.
                assert (
                    background
                    == scale_colour(value / 10)
                    == index.data(Qt.ItemDataRole.BackgroundRole)
                )
                assert (
                    foreground
                    == text_colour_on(background)
                    == index.data(Qt.ItemDataRole.ForegroundRole)
                )
                assert text == f"{value:g}" == index.data()
                assert dimension.replace("_", " ") in index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert model.cell(0, 0) is None and model.cell(0, model.columnCount()) is None
    model.clear()
    assert model.rowCount() == 0 and model.cell(0, 1) is None and model.clientText(0) == ""
