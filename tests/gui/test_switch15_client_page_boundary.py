"""The client page keeps its labels' height-for-width to itself (``Page``): the stack,
the splitter and the window above it asked it for its height at several widths on
every switch, each answer laying the goals text out again. Its own layout must still
wrap the goals to the page's width and give them all the lines they need."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication


def test_long_goals_wrap_to_the_page_and_are_never_clipped(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(900, 600))
    window = ctl.window
    client = window.clientModel.summary(0).client
    goals = " ".join(["Sleep through the night, return to work three days a week"] * 4)
    window.vault.save_client(replace(client, goals=goals))
    window.clients.reload(select=client.id)
    QApplication.processEvents()
    label = window.ui.clientGoals
    page = window.ui.clientPage
    assert not page.hasHeightForWidth()
    line = label.fontMetrics().height()
    assert label.width() <= page.width()
    assert label.height() >= label.heightForWidth(label.width())
    assert label.height() >= 3 * line  # wrapped onto several lines, not cut to one

    window.resize(1280, 800)
    qtbot.waitUntil(lambda: label.height() < 3 * line or label.width() > 900, timeout=2000)
    QApplication.processEvents()
    assert label.height() >= label.heightForWidth(label.width())
    # The timeline keeps the rest of the page.
    assert window.ui.timelineView.height() > 200
