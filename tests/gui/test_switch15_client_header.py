"""The client page's header shows the client's words as typed: the title and goals
labels guessed rich text from them (a goal with "<b>" was drawn bold, an "<img>"
loaded), and laid a plain text out through a rich-text document on every switch."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt


def test_goals_and_code_are_shown_as_typed_not_as_html(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True)
    window = ctl.window
    vault = window.vault
    client = window.clientModel.summary(0).client
    vault.save_client(replace(client, goals="<b>Sleep</b> & <i>work</i> <img src='x.png'>"))
    window.clients.reload(select=client.id)
    ui = window.ui
    assert ui.clientGoals.text() == "Goals: <b>Sleep</b> & <i>work</i> <img src='x.png'>"
    assert ui.clientGoals.textFormat() == Qt.TextFormat.PlainText
    assert ui.clientTitle.textFormat() == Qt.TextFormat.PlainText
