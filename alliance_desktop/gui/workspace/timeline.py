"""The client page's Timeline tab: one compact row per session, newest first."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QFontMetricsF, QIcon
from PySide6.QtWidgets import QHeaderView, QStyle

from alliance_desktop.domain import Session
from alliance_desktop.gui.workspace.models import SESSION_ROLE, TimelineModel
from alliance_desktop.gui.workspace.rating_chips import (
    RatingChipsDelegate,
    WidthTables,
    advances,
    chips_width,
)
from alliance_desktop.gui.workspace.timeline_delegate import TimelineDelegate

#: Columns are as wide as the newest rows need: measuring every row of a long timeline
#: was most of a client switch (Qt's ResizeToContents looks at up to 1000 rows and asks
#: each cell for all its roles, through Python).
SIZED_ROWS = 30
#: The least the reflection column keeps (px) before columns fit each client exactly.
MIN_REFLECTION = 240
_REFLECTION = TimelineModel.COLUMNS.index("reflection")
_RATINGS = TimelineModel.COLUMNS.index("ratings")
_SUPERVISION = TimelineModel.COLUMNS.index("supervision")

#: The widths texts are drawn in, rounded up, filled by ``text_width``.
text_widths = WidthTables().table


def text_width(table: dict[str, int], metrics: QFontMetricsF, text: str) -> int:
    """The whole pixels ``text`` needs so ``elidedText`` (what the delegate draws)
    leaves it whole: its advance rounded *up*. ``QFontMetrics.horizontalAdvance``
    rounds to the nearest pixel, and "29 Nov" (42.45 px) in 42 px was drawn "29 N…"."""
    width = table.get(text)
    if width is None:
        width = table[text] = math.ceil(metrics.horizontalAdvance(text))
    return width


if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow


class Timeline(QObject):
    """The timeline view, its model and the New session button under it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("timeline")
        self.w = window
        self.model = TimelineModel(self)
        #: Whether the columns were fitted since the last lock or language change:
        #: from then on they only widen, so they stay put from client to client.
        self._fitted = False
        tv = self.view = window.ui.timelineView
        tv.setModel(self.model)
        tv.verticalHeader().hide()
        header = tv.horizontalHeader()
        # Sized here (``fitColumns``) from the newest rows; the reflection takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(_REFLECTION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # The texts painted from the model's own (see timeline_delegate); the ratings as
        # small labelled chips ("Trust 8", "Engagement 3"), not letter codes.
        self.delegate = TimelineDelegate(tv)
        tv.setItemDelegate(self.delegate)
        tv.setItemDelegateForColumn(_RATINGS, RatingChipsDelegate(tv))
        tv.activated.connect(self._activated)
        tv.doubleClicked.connect(self._activated)
        button = window.ui.newSessionButton
        button.setIcon(QIcon(":/icons/add.svg"))
        button.clicked.connect(window.newSession)

    def retranslate(self) -> None:
        self.w.ui.timelineEmpty.setText(
            self.tr("No sessions yet. Press Ctrl+N to write about the first one.")
        )
        self._fitted = False  # new words: every column fitted anew
        self.fitColumns()

    def setSessions(self, sessions: list[Session]) -> None:
        self.model.setSessions(sessions)
        laid_out = self.fitColumns()
        has = self.model.rowCount() > 0
        self.view.setVisible(has)
        self.w.ui.timelineEmpty.setVisible(not has)
        # Laid out now, not on the view's zero-delay timer: that timer fires after the
        # window's first paint of the new client and painted the timeline a second time.
        # Once: fitting new widths has laid it out already.
        if not laid_out:
            self.view.doItemsLayout()

    def fitColumns(self) -> bool:
        """Each column (but the reflection's) as wide as its heading and the texts of
        the newest ``SIZED_ROWS`` rows, with the item's margins, as Qt would size it;
        True when widths changed and the view was laid out for them.

        After the first fit (since a lock or a language change) a column only widens,
        while the reflection keeps at least a third of the width: the columns stay
        where they are from client to client instead of moving on most switches (and
        the header and the view being laid out and painted again for it), and a text
        never gets less room than it needs. On a narrower window each client's
        columns fit it exactly.

        Each text is measured once per font (dates, counts, chips and rupture words
        repeat from client to client), not again on every switch."""
        tv, model = self.view, self.model
        header = tv.horizontalHeader()
        metrics = tv.fontMetrics()
        font = tv.font()
        table = advances(font)
        widths_f = text_widths(font)
        metrics_f = QFontMetricsF(font, tv)
        style = tv.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tv) + 1)
        rows = range(min(SIZED_ROWS, model.rowCount()))
        texts = [model.texts(row) for row in rows]
        icon = tv.iconSize().width() if tv.iconSize().isValid() else 0
        if icon <= 0:
            icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, tv)
        needed: dict[int, int] = {}
        for column in range(model.columnCount()):
            if column == _REFLECTION:
                continue
            width = header.sectionSizeHint(column)
            if column == _RATINGS:
                for row in rows:
                    width = max(width, chips_width(metrics, model.chips(row), table))
            else:
                widest = max(
                    (text_width(widths_f, metrics_f, t[column]) for t in texts if t[column]),
                    default=0,
                )
                if widest:
                    widest += margin
                if column == _SUPERVISION and any(model.session(r).supervision for r in rows):
                    # The flag and the delegate's margins either side of it.
                    widest += icon + margin
                width = max(width, widest)
            needed[column] = width
        # Widened only where that leaves the reflection its room: on a narrow window
        # the columns fit each client exactly, as a text column kept wide for another
        # client would push the reflection out of sight.
        grown = {c: max(w, header.sectionSize(c)) for c, w in needed.items()}
        viewport = tv.viewport().width()
        room = viewport - sum(grown.values())
        keep = self._fitted and room >= max(MIN_REFLECTION, viewport // 3)
        target = grown if keep else needed
        widths = {c: w for c, w in target.items() if header.sectionSize(c) != w}
        if model.rowCount():
            self._fitted = True
        if not widths:
            return False
        # Unheard by the table, which repaints a resized column on a zero-delay timer,
        # after the window's first paint of the new client (a second paint of the whole
        # timeline); the stretched reflection is worked out now too (the header leaves
        # it for the next time it is asked, in that paint). Laid out at once instead.
        blocked = header.blockSignals(True)
        try:
            for column, width in widths.items():
                header.resizeSection(column, width)
            header.length()
        finally:
            header.blockSignals(blocked)
        tv.doItemsLayout()
        return True

    def clear(self) -> None:
        self.model.clear()
        self._fitted = False  # after a lock, the first client's columns fit it exactly

    def selectedSession(self) -> Session | None:
        index = self.view.currentIndex()
        return self.model.session(index.row()) if index.isValid() else None

    def selectSession(self, session_id: int | None, *, focus: bool = False) -> bool:
        row = self.model.rowForSession(session_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        if focus:
            self.view.setFocus()
        return True

    def openSelected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.w.openSession(session_id)


__all__ = ["Timeline"]
