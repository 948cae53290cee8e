"""The timeline's short columns always fit their texts (issue 15: the 900 x 600
screenshot showed "29 N…" in the Date column). Each was sized to the rounded
``QFontMetrics.horizontalAdvance``, and "29 Nov" is 42.45 px: in 42 px ``elidedText``
(what the delegate draws) cut it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from alliance_desktop.gui.workspace.models import TimelineModel
from alliance_desktop.gui.workspace.timeline import SIZED_ROWS

_TEXT_COLUMNS = [
    TimelineModel.COLUMNS.index(name) for name in ("date", "ruptures", "strategies", "supervision")
]


def test_short_columns_fit_their_texts_at_900_by_600(open_demo, qtbot):
    ctl = open_demo(size=(900, 600), refresh=False, shown=True)
    window = ctl.window
    tv = window.ui.timelineView
    model = tv.model()
    assert isinstance(model, TimelineModel)
    header = tv.horizontalHeader()
    metrics = tv.fontMetrics()
    margin = tv.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tv) + 1
    icon = tv.iconSize().width() if tv.iconSize().isValid() else 0
    if icon <= 0:
        icon = tv.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, tv)
    checked = 0
    for client in range(window.ui.clientList.model().rowCount()):
        window.selectClientRow(client)
        qtbot.wait(1)
        for row in range(min(SIZED_ROWS, model.rowCount())):
            for column in _TEXT_COLUMNS:
                text = model.texts(row)[column]
                if not text:
                    continue
                room = header.sectionSize(column) - 2 * margin
                if model.icon(row, column) is not None:
                    room -= icon + 2 * margin
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
                assert shown == text, (client, row, column, text, room)
                checked += 1
    assert checked > 100
