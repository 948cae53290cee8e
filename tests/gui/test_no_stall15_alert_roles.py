"""Issue 15, the alert list answers a cell's roles in one call (``multiData``): sizing
its columns (ResizeToContents over the first 60 rows, at every fill, show and resize)
and painting asked ``data()`` about ten times per cell, 4,000 Python calls and 25-30 ms
the first time the list showed after unlock. Shown the same either way: the list with
``multiData`` paints pixel for pixel as one whose roles all go through ``data()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from alliance_desktop.gui.insights.models import AlertListModel
from alliance_desktop.gui.workspace.models import CLIENT_ID_ROLE, SESSION_ROLE


class _Counted(AlertListModel):
    calls = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        type(self).calls += 1
        return super().data(index, role)


class _WithMultiData(_Counted):
    calls = 0


class _DataOnly(_Counted):
    """Qt's own ``multiData``: one ``data()`` call per role asked."""

    calls = 0
    multiData = QAbstractItemModel.multiData


def _view(model: AlertListModel, qtbot: Any) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(60)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_alert_list_paints_the_same_with_far_fewer_python_calls(app_ctl, qtbot):
    rows = list(app_ctl.window.insights.alertModel._rows)
    assert rows
    rows = (rows * (1 + 80 // len(rows)))[:80]  # past the 60 rows the header measures
    fast, slow = _WithMultiData(), _DataOnly()
    fast.setAlerts(rows)
    slow.setAlerts(rows)
    fast_view, slow_view = _view(fast, qtbot), _view(slow, qtbot)
    _WithMultiData.calls = _DataOnly.calls = 0
    for width in (1000, 800, 900):  # each resize sizes the columns again
        fast_view.resize(width, 400)
        slow_view.resize(width, 400)
        fast_view.grab()
        slow_view.grab()
    assert _DataOnly.calls > 3 * max(1, _WithMultiData.calls)
    header, other = fast_view.horizontalHeader(), slow_view.horizontalHeader()
    assert [header.sectionSize(i) for i in range(4)] == [other.sectionSize(i) for i in range(4)]
    assert fast_view.grab().toImage() == slow_view.grab().toImage()
    # What Enter opens, the tooltips and what a screen reader reads are unchanged too.
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.AccessibleTextRole, SESSION_ROLE, CLIENT_ID_ROLE,
             Qt.ItemDataRole.DecorationRole)  # fmt: skip
    for r in range(0, len(rows), 7):
        for c in range(4):
            for role in roles:
                assert fast.index(r, c).data(role) == slow.index(r, c).data(role)
