"""Lists and tables show their keyboard focus with a ring that follows the focus, and
the style sheet has no box rule on item views (it made every cell paint ~10x slower)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget

from alliance_desktop.gui.common.focus_ring import FocusRing, FocusRings
from alliance_desktop.gui.common.theme import _style_sheet


def test_the_ring_follows_the_focus_onto_a_table_and_off_it(qtbot):
    app = QApplication.instance()
    rings = FocusRings(app)
    window = QWidget()
    layout = QVBoxLayout(window)
    table, field = QTableView(), QLineEdit()
    layout.addWidget(table)
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    try:
        table.setFocus()
        qtbot.waitUntil(lambda: table.hasFocus())
        ring = rings.ring(table)
        assert isinstance(ring, FocusRing) and ring.isVisible()
        assert ring.geometry() == table.rect()
        table.resize(table.width() + 40, table.height() + 10)
        assert ring.geometry() == table.rect()
        field.setFocus()
        qtbot.waitUntil(lambda: field.hasFocus())
        assert not ring.isVisible()
    finally:
        app.focusChanged.disconnect(rings._moved)
        rings.deleteLater()


def test_the_style_sheet_leaves_item_views_alone():
    rules = re.sub(r"/\*.*?\*/", "", _style_sheet(), flags=re.S)
    assert "QLineEdit:focus" in rules
    for view in ("QListView", "QTableView", "QTreeView", "QAbstractItemView"):
        assert view not in rules
