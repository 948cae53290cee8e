"""Issue 15, client switch: the client list paints a row without asking the model for
every role through Python (initStyleOption), but for the one focused row.

A switch paints the list's rows again; each asked the filter model (a Python
override) for some nine roles it never shows. An unfocused row is the item panel (a
selection or nothing) and the delegate's own texts, from the list's model; its
pixels are those Qt's full item drawing gives (checked light and dark, selected,
closed, with badges and the practice heading)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.workspace.models import ClientFilterModel


def test_unfocused_rows_ask_the_model_for_no_role(open_demo, qtbot, monkeypatch):
    """Not even their section heading: that is read from the list's own model."""
    asked: Counter[int] = Counter()
    real = ClientFilterModel.data
    headings: Counter[int] = Counter()
    real_heading = ClientFilterModel.heading

    def data(self, index, role=0):
        asked[int(role)] += 1
        return real(self, index, role)

    def heading(self, index):
        headings[index.row()] += 1
        return real_heading(self, index)

    # Patched before the model is made (PySide looks a Python override up once).
    monkeypatch.setattr(ClientFilterModel, "data", data)
    monkeypatch.setattr(ClientFilterModel, "heading", heading)
    ctl = open_demo(size=(1280, 800), refresh=False, shown=True)
    window = ctl.window
    window.selectClientRow(1)
    window.ui.timelineView.setFocus()  # the list has no focus: no row has a focus frame
    QApplication.processEvents()
    asked.clear()
    headings.clear()
    view = window.ui.clientList
    view.viewport().repaint()
    rows = view.model().rowCount()
    assert len(headings) == rows  # every row was painted, its heading looked up
    assert not asked, asked
