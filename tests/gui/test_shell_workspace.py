"""Issue 12 and 15 in the workspace: practice clients apart in the client list, search
results opened for reading with the word marked (E edits, Esc returns to the results),
the main window centred, and a client switch that reads the vault once and leaves the
hidden Ruptures tab's view alone."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyleOptionViewItem

from alliance_desktop.domain.vignettes import VIGNETTES
from alliance_desktop.gui.workspace.models import PRACTICE_ROLE, SECTION_ROLE


def _practice(ctl, n: int = 2) -> list[int]:
    ids = [ctl.vault.add_practice_client(v.key).id for v in VIGNETTES[:n]]
    ctl.window.reloadClients()
    return ids


def test_practice_clients_stand_apart_under_their_heading(app_ctl, qtbot) -> None:
    w = app_ctl.window
    practice = _practice(app_ctl)
    model = w.clientFilter
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    flags = [bool(i.data(PRACTICE_ROLE)) for i in rows]
    first = flags.index(True)
    assert first > 0 and all(flags[first:]) and not any(flags[:first])  # real ones first
    assert sorted(i.data(Qt.ItemDataRole.UserRole + 1) for i in rows[first:]) == sorted(practice)
    headings = [i.data(SECTION_ROLE) for i in rows]
    assert headings[first] == "Practice clients"
    assert [h for h in headings if h] == ["Practice clients"]  # once, on the first only
    spoken = rows[first].data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Practice clients: ") and "practice" in spoken
    # The heading row is taller (the caption is drawn above the client).
    delegate = w.ui.clientList.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(w.ui.clientList)
    assert (
        delegate.sizeHint(option, rows[first]).height()
        > delegate.sizeHint(option, rows[first - 1]).height()
    )
    # Still one list for the keyboard: Down from the last real client reaches the first
    # practice client, and it opens.
    w.ui.clientList.setCurrentIndex(rows[first - 1])
    w.ui.clientList.setFocus()
    qtbot.keyClick(w.ui.clientList, Qt.Key.Key_Down)
    assert w.currentClientId() == rows[first].data(Qt.ItemDataRole.UserRole + 1)
    # The filter keeps the heading on the first practice client it shows.
    w.ui.clientFilterEdit.setText("Practice")
    assert model.index(0, 0).data(SECTION_ROLE) == "Practice clients"


def test_a_search_result_opens_for_reading_and_esc_returns(app_ctl, qtbot) -> None:
    w = app_ctl.window
    w.show()
    qtbot.waitExposed(w)
    sessions = app_ctl.vault.sessions(app_ctl.vault.clients()[0].id)
    word = next(
        token
        for s in reversed(sessions)
        for token in s.reflection.plain_text().split()
        if token.isalpha() and len(token) > 5
    )
    w.searchEdit.setText(word)
    w._run_search()
    assert w.currentPage() is w.ui.searchPage
    results = w.ui.searchResults
    index = results.currentIndex()
    assert index.isValid()
    results.activated.emit(index)
    editor = w.editor
    assert w.isShowingEditor() and editor.isReading()
    assert "reading" in w.ui.editorTitle.text()
    cursor = editor.reflectionEditor.firstEdit().textCursor()
    marked = [e for e in editor.reflectionEditor.edits() if word.lower() in e.toPlainText().lower()]
    assert marked, "the searched word is in the session shown"
    assert not editor.isDirty() and cursor is not None
    # E edits the same session, one key away.
    focus = QGuiApplication.focusObject() or editor
    qtbot.keyClick(focus, Qt.Key.Key_E)
    assert not editor.isReading()
    assert "reading" not in w.ui.editorTitle.text()
    assert w.isShowingEditor()
    # Esc (Close) goes back to where the reading was opened from: the results.
    w.closeEditor()
    assert w.currentPage() is w.ui.searchPage


def test_the_main_window_opens_centred(open_demo) -> None:
    ctl = open_demo(size=None, refresh=False)
    w = ctl.window
    avail = w.screen().availableGeometry()
    centre = w.frameGeometry().center()
    assert abs(centre.x() - avail.center().x()) <= 2
    assert abs(centre.y() - avail.center().y()) <= 2
    assert avail.contains(w.frameGeometry())


def test_a_client_switch_reads_the_vault_once(app_ctl, monkeypatch) -> None:
    w = app_ctl.window
    w.showPage(w.ui.clientPage)
    w.ui.clientTabs.setCurrentWidget(w.ui.timelineTab)
    calls: list[int | None] = []
    real = type(app_ctl.vault).sessions

    def counting(vault, client_id=None, **kw):
        calls.append(client_id)
        return real(vault, client_id, **kw)

    monkeypatch.setattr(type(app_ctl.vault), "sessions", counting)
    for row in (1, 2, 3):
        calls.clear()
        w.selectClientRow(row)
        assert calls == [w.currentClientId()], calls
    # The hidden Ruptures tab: its model and count are current, its view waits.
    ruptures = w.ruptureListView
    assert not ruptures.currentIndex().isValid() or ruptures.model().rowCount() == 0
    w.ui.clientTabs.setCurrentWidget(w.rupturesTab)
    if w.ruptureModel.rowCount():
        assert ruptures.currentIndex().row() == 0
    else:
        assert ruptures.currentIndex() == QModelIndex()
