"""Issue 12, layouts that hold: the caseload overview is a native Qt table.

A demo vault is opened straight into the controller; the dashboard is checked at
900×600 (the latest session stays in view), by keyboard and mouse, for contrast in
light and dark, and for what a screen reader hears.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QTableView
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.insights.models import contrast_ratio, scale_colour, text_colour_on
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.workspace.models import CLIENT_ID_ROLE, SESSION_ROLE

PASS = DEMO_PASSPHRASE


@pytest.fixture
def app_ctl(open_demo):
    return open_demo(size=(900, 600))


def _view(ctl: AppController) -> QTableView:
    view = ctl.window.findChild(QTableView, "caseloadView")
    assert view is not None
    return view


def test_caseload_is_a_table_in_risk_order_with_twelve_session_columns(app_ctl, qtbot):
    view = _view(app_ctl)
    model = view.model()
    analysis = app_ctl.window.insights.analysis
    assert model.rowCount() == len(analysis.caseload)
    assert model.columnCount() == 13  # the client, then the last 12 sessions
    for r, row in enumerate(analysis.caseload):
        assert model.index(r, 0).data(CLIENT_ID_ROLE) == row.client.id
        # Right-aligned: the last column is always that client's latest session.
        assert model.index(r, 12).data(SESSION_ROLE) == row.last_sessions[-1].id
    latest = analysis.caseload[0].last_sessions[-1]
    cell = model.index(0, 12)
    assert cell.data() == f"{latest.trust:g}"
    assert isinstance(cell.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert model.headerData(12, Qt.Orientation.Horizontal) == "Latest"


def test_latest_session_column_is_visible_at_900_by_600(app_ctl, qtbot):
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    view = _view(app_ctl)
    assert view.isVisible()
    last = view.visualRect(view.model().index(0, 12))
    assert last.isValid() and last.right() <= view.viewport().width()
    assert view.viewport().rect().contains(last.center())


def test_latest_heading_is_never_cut_off(app_ctl, qtbot):
    """The session columns share what the client column leaves; on a narrow table
    the share was narrower than the last column's heading ("Dernière" in French)."""
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    window.ui.splitter.setSizes([420, 480])  # the caseload as narrow as it gets
    qtbot.wait(20)
    header = _view(app_ctl).horizontalHeader()
    last = header.count() - 1
    assert header.sectionSize(last - 1) < header.sectionSizeHint(last)  # shares are narrow
    assert header.sectionSize(last) >= header.sectionSizeHint(last)


def test_dimension_combo_recolours_the_cells(app_ctl, qtbot):
    window = app_ctl.window
    d = window.insights.dashboard
    model = _view(app_ctl).model()
    session = window.insights.analysis.caseload[0].last_sessions[-1]
    d.dimensionCombo.setCurrentIndex(d.dimensionCombo.findData("engagement"))
    assert model.index(0, 12).data() == f"{session.engagement:g}"


def test_arrow_keys_then_enter_open_that_session(app_ctl, qtbot):
    window = app_ctl.window
    view = _view(app_ctl)
    model = view.model()
    view.setFocus()
    view.setCurrentIndex(model.index(0, 12))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.currentIndex().row() == 1 and view.currentIndex().column() == 11
    wanted = view.currentIndex().data(SESSION_ROLE)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert window.editor.currentSessionId() == wanted
    # Opened for reading, editing one key away; Esc goes back to the dashboard.
    edit = window.editor.findChild(QPushButton, "editSessionButton")
    assert edit is not None and edit.isVisibleTo(window)
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.ui.contentStack.currentWidget() is window.insights.dashboard


def _double_click(qtbot, view: QTableView, pos) -> None:
    # As a real double click arrives: a press and release, then the double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_double_click_on_a_cell_opens_the_session_and_on_the_code_the_client(app_ctl, qtbot):
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    view = _view(app_ctl)
    model = view.model()
    index = model.index(1, 12)
    rect = view.visualRect(index)
    _double_click(qtbot, view, rect.center())
    assert window.editor.currentSessionId() == index.data(SESSION_ROLE)

    window.insights.showDashboard()
    code = model.index(2, 0)
    _double_click(qtbot, view, view.visualRect(code).center())
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage
    assert window.currentClientId() == code.data(CLIENT_ID_ROLE)


def test_cells_read_well_to_a_screen_reader(app_ctl, qtbot):
    view = _view(app_ctl)
    model = view.model()
    row = app_ctl.window.insights.analysis.caseload[0]
    assert view.accessibleName() and view.accessibleDescription()
    text = model.index(0, 12).data(Qt.ItemDataRole.AccessibleTextRole)
    assert row.client.code in text and "trust" in text
    assert model.index(0, 12).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    client_text = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert row.client.code in client_text
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectItems


@pytest.mark.parametrize("step", range(0, 101, 5))
def test_cell_text_contrast_is_at_least_4_5(step: int):
    background = scale_colour(step / 100)
    assert contrast_ratio(text_colour_on(background), background) >= 4.5


def test_cell_text_contrast_on_screen_light_and_dark(app_ctl, qtbot):
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    view = _view(app_ctl)
    model = view.model()
    for choice in ("light", "dark"):
        app_ctl.theme.set_choice(choice)
        QApplication.processEvents()
        image = view.viewport().grab().toImage()
        index = model.index(0, 12)
        rect = view.visualRect(index)
        fill = image.pixelColor(rect.left() + 3, rect.top() + 3)
        expected = index.data(Qt.ItemDataRole.BackgroundRole)
        assert abs(fill.red() - expected.red()) <= 2 and abs(fill.blue() - expected.blue()) <= 2
        assert contrast_ratio(index.data(Qt.ItemDataRole.ForegroundRole), fill) >= 4.5


def test_clicking_the_highlighted_client_opens_it_from_the_dashboard(app_ctl, qtbot):
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    hub = window.insights
    current = window.ui.clientList.currentIndex()
    assert current.isValid()
    hub.showDashboard()
    assert window.ui.contentStack.currentWidget() is hub.dashboard
    rect = window.ui.clientList.visualRect(current)
    qtbot.mouseClick(window.ui.clientList.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage
    hub.showDashboard()
    window.ui.clientList.setFocus()
    qtbot.keyClick(window.ui.clientList, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage


def test_dashboard_shows_without_matplotlib(tmp_path: Path, demo_file: Path):
    """The caseload paints at once: opening the dashboard loads no matplotlib."""
    path = tmp_path / "demo.alliance"
    shutil.copyfile(demo_file, path)
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from alliance_desktop.gui.shell.controller import AppController
        from alliance_desktop.gui.common.preferences import Preferences
        from alliance_desktop.gui.common.theme import ThemeManager
        from alliance_desktop.vault import Vault
        prefs = Preferences(QSettings({str(tmp_path / "p.ini")!r}, QSettings.Format.IniFormat))
        ctl = AppController(app, {str(path)!r}, prefs, ThemeManager(app, "light"))
        ctl.start(Vault.open({str(path)!r}, {PASS!r}))
        hub = ctl.window.insights
        hub.refreshNow()
        app.processEvents()
        shown = ctl.window.ui.contentStack.currentWidget() is hub.dashboard
        print("rows", hub.dashboard.caseloadModel.rowCount() > 0, shown)
        print("mpl", "matplotlib" in sys.modules)
        ctl.dispose()
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert "rows True True" in out.stdout, out.stderr
    assert "mpl False" in out.stdout, out.stderr


def test_a_session_cell_emits_its_session_id_for_the_shell_to_open(app_ctl, qtbot):
    """Enter on a session cell emits sessionActivated(id); the hub hands it to the opener
    the shell set (reading mode), not to the editor; the client cell emits clientActivated."""
    window = app_ctl.window
    window.show()
    qtbot.waitExposed(window)
    hub = window.insights
    hub.showDashboard()
    view = _view(app_ctl)
    opened: list[int] = []
    hub.setSessionOpener(opened.append)
    index = view.model().index(0, 12)
    view.setFocus()
    view.setCurrentIndex(index)
    with qtbot.waitSignal(view.sessionActivated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [index.data(SESSION_ROLE)]
    assert opened == [index.data(SESSION_ROLE)]
    assert window.ui.contentStack.currentWidget() is hub.dashboard  # the hub opened nothing
    code = view.model().index(1, 0)
    view.setCurrentIndex(code)
    with qtbot.waitSignal(view.clientActivated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [code.data(CLIENT_ID_ROLE)]
    assert view.accessibleName() == "Caseload overview"
    value = index.data(Qt.ItemDataRole.DisplayRole)
    assert value in index.data(Qt.ItemDataRole.AccessibleTextRole)
