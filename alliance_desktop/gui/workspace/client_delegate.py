"""Draws a client as two lines: the code in bold, then sessions and last date, quieter.

The first practice client carries the "Practice clients" heading above it (a quiet
caption and a rule, drawn in the row, never selectable), so the trainee's vignettes
stand apart from real clients while Up and Down still walk the whole list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.domain import ClientStatus
from alliance_desktop.gui.workspace.item_panel import paint_panel, right_to_left
from alliance_desktop.gui.workspace.models import (
    ALERTS_ROLE,
    CLOSED_ROLE,
    SECTION_ROLE,
    ClientFilterModel,
    ClientListModel,
)
from alliance_desktop.gui.workspace.rating_chips import prepared_text

PAD = 6
MAX_LINES = 2000  # lines kept laid out (two per client, a few widths)
#: False draws each line with ``drawText`` again (what the kept layouts are tested
#: against: the same pixels).
STATIC_TEXTS = True

# Enum values looked up once: each attribute and each ``&`` of Qt's enums is a call
# into Python's enum module, several per row painted.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_TOP_RIGHT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
_ELIDE = Qt.TextElideMode.ElideRight
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_PLACEHOLDER = QPalette.ColorRole.PlaceholderText
_BADGE = QPalette.ColorRole.LinkVisited

Index = QModelIndex | QPersistentModelIndex


class _Fonts:
    """The fonts and metrics one row paints with, made once per font (and closed or
    not), not four metrics objects per row and paint."""

    __slots__ = ("bold", "bold_metrics", "closed", "key", "line", "metrics", "regular")

    def __init__(self, font: QFont, closed: bool, key: str) -> None:
        self.key = key  # the font's key (``QFont.key`` is a few microseconds a call)
        self.closed = closed  # a closed client's code is not bold
        self.bold = QFont(font)
        self.bold.setBold(not closed)
        self.bold_metrics = QFontMetrics(self.bold)
        self.metrics = QFontMetrics(font)
        self.line = self.metrics.height()
        self.regular = QFont(font)
        self.regular.setBold(False)


def _row_data(index: Index) -> tuple[str, bool, int]:
    """The row's text, whether the client is closed and its alerts: from the list's
    own model when the view shows it through the filter (one mapping, no round trips
    through Qt per role)."""
    proxy = index.model()
    if isinstance(proxy, ClientFilterModel):
        source = proxy.sourceModel()
        if isinstance(source, ClientListModel):
            src = proxy.mapToSource(index)
            if src.isValid():
                summary = source.summary(src.row())
                closed = summary.client.status == ClientStatus.CLOSED
                return str(source.data(src) or ""), closed, source.alerts(src.row())
    return (
        str(index.data() or ""),
        bool(index.data(CLOSED_ROLE)),
        int(index.data(ALERTS_ROLE) or 0),
    )


def _heading(index: Index) -> str | None:
    model = index.model()
    if isinstance(model, ClientFilterModel):
        return model.heading(index)
    heading = index.data(SECTION_ROLE)
    return str(heading) if heading else None


def heading_height(line: int) -> int:
    """The practice heading's height above its row, for the font's line height."""
    return line + 2 * PAD


class ClientDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fonts: dict[tuple[str, bool], _Fonts] = {}
        #: (text, width, font key, bold) -> the text elided to that width and laid out
        #: once: a switch repaints the rows it leaves and enters, an unlock all of
        #: them, and ``drawText`` lays each text out again on every call.
        self._lines: dict[tuple[str, int, str, bool], tuple[str, QStaticText]] = {}

    def _fonts_for(self, font: QFont, closed: bool) -> _Fonts:
        key = (font.key(), closed)
        fonts = self._fonts.get(key)
        if fonts is None:
            if len(self._fonts) > 16:  # a theme or zoom change: start again
                self._fonts.clear()
            fonts = self._fonts[key] = _Fonts(font, closed, key[0])
        return fonts

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        heading = _heading(index)
        if heading:
            height = heading_height(self._fonts_for(option.font, False).line)
            self._paint_heading(painter, option, heading, height)
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, height, 0, 0)
        # initStyleOption turns "\n" into a line separator, so read the model's text.
        text, closed, alerts = _row_data(index)
        state = option.state._value_
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            if not state & _HAS_FOCUS:
                paint_panel(style, option, painter, state)  # the focused row: Qt's way
            else:
                opt = QStyleOptionViewItem(option)
                self.initStyleOption(opt, index)
                opt.rect = option.rect
                opt.text = ""
                style.drawControl(_ITEM, opt, painter, widget)
        code, _, detail = text.partition("\n")
        selected = bool(state & _SELECTED)
        palette = option.palette
        main = palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
        quiet = main if selected else palette.color(_PLACEHOLDER)
        fonts = self._fonts_for(option.font, closed)
        line = fonts.line
        rect = option.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        static = STATIC_TEXTS and not right_to_left(option)
        painter.save()
        painter.setFont(fonts.bold)
        painter.setPen(quiet if closed else main)
        # Recent alerts: a warning sign and the count after the code (not colour alone).
        badge = f"⚠{alerts}" if alerts else ""
        badge_w = fonts.bold_metrics.horizontalAdvance(badge) + PAD if badge else 0
        width = rect.width()
        self._line(painter, rect, fonts, True, code, width - badge_w, static)
        if badge:
            if not selected:
                painter.setPen(palette.color(_BADGE))
            painter.drawText(rect, _TOP_RIGHT, badge)
        painter.setFont(fonts.regular)
        painter.setPen(quiet)
        below = rect.adjusted(0, line, 0, 0)
        self._line(painter, below, fonts, False, detail, width, static)
        painter.restore()

    def _line(
        self,
        painter: QPainter,
        rect: QRect,
        fonts: _Fonts,
        bold: bool,
        text: str,
        width: int,
        static: bool,
    ) -> None:
        """``text`` elided to ``width`` at the top left of ``rect``, in the painter's
        font (``fonts``' bold or regular one), from a layout kept per text, width and
        font."""
        key = (text, width, fonts.key, bold and not fonts.closed)
        kept = self._lines.get(key)
        if kept is None:
            if len(self._lines) > MAX_LINES:
                self._lines = {}
            font = fonts.bold if bold else fonts.regular
            metrics = fonts.bold_metrics if bold else fonts.metrics
            elided = metrics.elidedText(text, _ELIDE, width)
            kept = self._lines[key] = (elided, prepared_text(elided, font))
        elided, layout = kept
        if static:
            # Where drawText puts a line aligned to the top left of its rectangle.
            painter.drawStaticText(QPointF(rect.left(), rect.top()), layout)
        else:
            painter.drawText(rect, _TOP_LEFT, elided)

    @staticmethod
    def _paint_heading(
        painter: QPainter, option: QStyleOptionViewItem, text: str, height: int
    ) -> None:
        """The section's caption and a rule above it, outside the selectable row."""
        rect = option.rect.adjusted(PAD, 0, -PAD, 0)
        rect.setHeight(height)
        palette = option.palette
        caption = QFont(option.font)
        caption.setBold(True)
        painter.save()
        pen = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(pen)
        painter.drawLine(rect.left(), rect.top() + PAD // 2, rect.right(), rect.top() + PAD // 2)
        painter.setFont(caption)
        painter.drawText(
            rect.adjusted(0, PAD, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = self._fonts_for(option.font, False).line
        extra = heading_height(line) if _heading(index) else 0
        # No width of its own: a row is as wide as the list, scroll bar or not, so the
        # alert badge at its right end is never cut off on a narrow window.
        return QSize(0, 2 * line + PAD + extra)
