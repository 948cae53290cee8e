"""The client page's title (code, sessions, first date, status) was a plain label that
wanted its whole text's width: the page, and so the window, could not be made
narrower than 720-950 px, depending on the client. The title now takes the width it
is given and cuts the text with "…"; the whole text is then its tooltip and its
accessible name, and a lock takes both away."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication


def _long_client(window):
    vault = window.vault
    client = window.clientModel.summary(0).client
    vault.save_client(replace(client, code="Rowan Ashby 07"))
    window.clients.reload(select=client.id)
    QApplication.processEvents()
    return client


def test_window_narrows_below_the_title_and_the_title_elides(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(1280, 800))
    window = ctl.window
    _long_client(window)
    title = window.ui.clientTitle
    whole = title.text()
    assert "Rowan Ashby 07" in whole
    assert not title.isElided()
    assert title.toolTip() == ""

    window.resize(640, 600)
    qtbot.waitUntil(lambda: window.width() <= 700, timeout=2000)
    QApplication.processEvents()
    # The window took the narrow size: nothing on the client page held it open.
    assert window.ui.clientPage.minimumSizeHint().width() < 600
    assert title.isElided()
    shown = title.fontMetrics().horizontalAdvance(title.displayedText())
    assert shown <= title.contentsRect().width()
    assert title.displayedText().endswith("…")
    assert title.text() == whole
    assert title.toolTip() == whole
    assert title.accessibleName() == whole

    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not title.isElided(), timeout=2000)
    assert title.displayedText() == whole
    assert title.toolTip() == ""


def test_a_lock_takes_the_title_from_the_tooltip_too(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(640, 600))
    window = ctl.window
    _long_client(window)
    title = window.ui.clientTitle
    qtbot.waitUntil(title.isElided, timeout=2000)
    assert "Rowan Ashby 07" in title.toolTip()
    ctl.lock()
    assert title.text() == ""
    assert title.displayedText() == ""
    assert title.toolTip() == ""
    assert title.accessibleName() == ""
