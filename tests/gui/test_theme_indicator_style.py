"""The Python-drawn indicator style is used only by the widgets that draw check boxes or
radio buttons: every other widget paints through Fusion in C++, with no call into the
interpreter per frame, panel or arrow (issue 15: ~150 such calls per client switch).
The style is shared, owned by the application, and outlives every widget using it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.gui.common.app_style import (
    IndicatorStyle,
    indicator_style,
    use_indicator_style,
)
from alliance_desktop.gui.common.checkable_model import CheckableListModel, shows_check_boxes
from alliance_desktop.gui.common.theme import ThemeManager


class _Row:
    def __init__(self, text: str) -> None:
        self.text = text
        self.on = False


class _Ticks(CheckableListModel[_Row]):
    def _is_on(self, row: _Row) -> bool:
        return row.on

    def _set_on(self, row: _Row, on: bool) -> None:
        row.on = on


def _ticks(*texts: str) -> _Ticks:
    model = _Ticks()
    model._rows = [_Row(t) for t in texts]
    return model


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[ThemeManager]:
    style_name = qapp.style().name()
    palette = QPalette(qapp.palette())
    sheet = qapp.styleSheet()
    manager = ThemeManager(qapp, "light")
    yield manager
    manager.setParent(None)
    manager.deleteLater()
    qapp.setStyle(style_name)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


class _DrawCalls:
    """The widgets the Python ``IndicatorStyle.drawPrimitive`` was called for."""

    def __init__(self) -> None:
        self.widgets: list[Any] = []

    def _hook(self, frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code is IndicatorStyle.drawPrimitive.__code__:
            self.widgets.append(frame.f_locals.get("widget"))

    def __enter__(self) -> _DrawCalls:
        sys.setprofile(self._hook)
        return self

    def __exit__(self, *_exc: object) -> None:
        sys.setprofile(None)


def _drawn(widget: QWidget) -> int:
    """How many Python ``drawPrimitive`` calls painting ``widget`` makes."""
    with _DrawCalls() as calls:
        widget.grab()
    return len(calls.widgets)


def test_only_widgets_with_indicators_paint_through_python(qtbot, themes) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    plain_list = QListView()
    plain_list.setModel(QStringListModel(["Ada", "Grace"]))
    table = QTableView()
    table.setModel(QStringListModel(["one", "two"]))
    plain = [QPushButton("Save"), QLineEdit("text"), plain_list, table, QGroupBox("Plain")]
    check_list = QListView()
    check_list.setModel(_ticks("Ada", "Grace"))
    ringed = [QCheckBox("Tick"), QRadioButton("Pick"), check_list]
    for widget in plain + ringed:
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    for widget in plain:
        assert widget.style() is QApplication.style(), widget
        assert _drawn(widget) == 0, type(widget).__name__
    for widget in ringed:
        assert widget.testAttribute(Qt.WidgetAttribute.WA_SetStyle), widget
        assert _drawn(widget) > 0, type(widget).__name__


def test_a_client_switch_calls_no_python_drawing(open_demo) -> None:
    ctl = open_demo(shown=True)
    window = ctl.window
    window.selectClientRow(0)
    QApplication.processEvents()
    with _DrawCalls() as calls:
        for row in (1, 2, 3, 1):
            window.selectClientRow(row)
            QApplication.processEvents()
            window.repaint()
    # Check boxes showing in the window may draw their rings; nothing else does.
    others = [w for w in calls.widgets if not isinstance(w, QCheckBox | QRadioButton)]
    assert others == []


def test_checkable_group_boxes_and_menus_get_the_rings(qtbot, themes) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    box = QGroupBox("Reminders", host)
    box.setCheckable(True)
    QVBoxLayout(host).addWidget(box)
    host.show()
    qtbot.waitExposed(host)
    assert _drawn(box) > 0
    late = QListView(host)  # a model with check boxes set after the view was shown
    late.show()
    late.setModel(_ticks("Ada"))
    assert late.style() is QApplication.style()
    use_indicator_style(late)
    assert _drawn(late) > 0


def test_models_with_check_boxes_are_recognised(qapp) -> None:
    assert shows_check_boxes(_ticks())  # even while still empty
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(_ticks("Ada"))
    assert shows_check_boxes(proxy)
    standard = QStandardItemModel()
    item = QStandardItem("Ada")
    item.setCheckable(True)
    standard.appendRow(item)
    assert shows_check_boxes(standard)
    assert not shows_check_boxes(QStringListModel(["Ada"]))
    assert not shows_check_boxes(QStandardItemModel())
    assert not shows_check_boxes(None)


def test_the_shared_style_belongs_to_the_application(qapp, qtbot, themes) -> None:
    shared = indicator_style()
    assert shared is indicator_style(qapp)
    assert shared.parent() is qapp
    box = QCheckBox("Tick")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    # Another theme manager, and the first one gone: the box still paints its ring.
    second = ThemeManager(qapp, "dark")
    themes.setParent(None)
    themes.deleteLater()
    QApplication.processEvents()
    assert indicator_style() is shared
    assert _drawn(box) > 0
    second.setParent(None)
    second.deleteLater()


def test_the_process_exits_cleanly_with_indicator_widgets_alive(tmp_path) -> None:
    """A style deleted before the widgets drawing with it crashed at exit: Python owned
    it, and PySide deletes the objects Python owns in no set order before the app."""
    script = textwrap.dedent(
        """
        import gc
        from PySide6.QtWidgets import QApplication, QCheckBox, QListView, QRadioButton
        from PySide6.QtWidgets import QVBoxLayout, QWidget
        from alliance_desktop.gui.common.checkable_model import CheckableListModel
        from alliance_desktop.gui.common.theme import ThemeManager

        class Row:
            def __init__(self, text):
                self.text, self.on = text, False

        class Ticks(CheckableListModel):
            def _is_on(self, row):
                return row.on

            def _set_on(self, row, on):
                row.on = on

        app = QApplication([])
        windows = []
        for scheme in ("light", "dark", "light"):
            theme = ThemeManager(app, scheme)
            host = QWidget()
            layout = QVBoxLayout(host)
            view = QListView()
            model = Ticks(view)
            model._rows = [Row("Ada"), Row("Grace")]
            view.setModel(model)
            for widget in (QCheckBox("Tick"), QRadioButton("Pick"), view):
                layout.addWidget(widget)
            host.show()
            app.processEvents()
            windows.append(host)
            theme.setParent(None)
            del theme
            gc.collect()
        app.setStyle("Fusion")
        app.processEvents()
        print("done")
        """
    )
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "done" in done.stdout
