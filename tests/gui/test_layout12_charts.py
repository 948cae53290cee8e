"""Issue 12: charts carry no matplotlib toolbar; "⋯" › "Save as image…" saves privately.

The save goes through app.charts.export_chart (operations.run, file_dialogs): the file
is 0600 and an existing file is only replaced after the user said Yes.
"""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.common import file_dialogs
from alliance_desktop.gui.shell.controller import AppController

PASS = DEMO_PASSPHRASE


def _trend_chart(ctl: AppController):
    window = ctl.window
    window.selectClient(window.insights.analysis.caseload[0].client.id)
    window.ui.clientTabs.setCurrentWidget(window.insights.trends)
    chart = window.insights.trends.chart
    assert chart.figure() is not None
    return chart


def test_no_chart_has_a_matplotlib_toolbar_but_each_has_a_menu(app_ctl, qtbot):
    from matplotlib.backends.backend_qtagg import NavigationToolbar2QT

    hub = app_ctl.window.insights
    _trend_chart(app_ctl)
    hub.showInsights()
    for i in range(hub.insightsPage.tabs.count()):
        hub.insightsPage.tabs.setCurrentIndex(i)
    for view in hub.chartViews():
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
