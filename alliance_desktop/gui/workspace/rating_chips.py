"""The timeline's ratings as small labelled chips ("Trust 8", "Engagement 3", …).

The model gives the chips' texts (``CHIPS_ROLE``) and the same words as its display
and accessible text, so a screen reader hears "Trust 8 · Engagement 3 · …" and
nobody has to decode letter codes. The chips use the palette's mid-light surface and
text colours, so they keep their contrast in light and dark.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.gui.workspace.models import CHIPS_ROLE, TimelineModel

Index = QModelIndex | QPersistentModelIndex
PAD_X = 6  # inside a chip, left and right
GAP = 4  # between chips
PAD_Y = 2  # a chip's top and bottom inside its row


def chips_width(metrics: QFontMetrics, chips: list[str]) -> int:
    """The width the chips take in one line, with the gaps around them."""
    if not chips:
        return 0
    width = sum(metrics.horizontalAdvance(c) + 2 * PAD_X for c in chips)
    return width + GAP * (len(chips) - 1) + 2 * GAP


class RatingChipsDelegate(QStyledItemDelegate):
    """Paints ``CHIPS_ROLE`` texts as rounded chips in one line."""

    def _chips(self, index: Index) -> list[str]:
        model = index.model()
        if isinstance(model, TimelineModel):  # straight from the model: no round trip
            return model.chips(index.row()) if 0 <= index.row() < model.rowCount() else []
        chips = index.data(CHIPS_ROLE)
        return [str(c) for c in chips] if isinstance(chips, list) else []

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        chips = self._chips(index)
        if not chips:
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(chips_width(metrics, chips), metrics.height() + 2 * PAD_Y + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chips = self._chips(index)
        if not chips:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        metrics = opt.fontMetrics
        height = metrics.height() + 2 * PAD_Y
        top = rect.top() + (rect.height() - height) / 2
        x = rect.left() + GAP
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        # The row's colours once, not three palette look-ups per chip.
        outline = palette.color(QPalette.ColorRole.Mid)
        fill = (
            palette.color(QPalette.ColorRole.Highlight).lighter(115)
            if selected
            else palette.color(QPalette.ColorRole.AlternateBase)
        )
        ink = palette.color(text_role)
        painter.setBrush(fill)
        right = rect.right()
        radius = height / 2
        centre = Qt.AlignmentFlag.AlignCenter
        for chip in chips:
            width = metrics.horizontalAdvance(chip) + 2 * PAD_X
            if x + width > right:
                break  # no half chips: the tooltip and accessible text have them all
            box = QRectF(x, top, width, height)
            painter.setPen(outline)
            painter.drawRoundedRect(box, radius, radius)
            painter.setPen(ink)
            painter.drawText(box, centre, chip)
            x += width + GAP
        painter.restore()


__all__ = ["RatingChipsDelegate", "chips_width"]
