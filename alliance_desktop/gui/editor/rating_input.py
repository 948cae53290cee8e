"""A keyboard-first integer rating (0-10 by default) drawn as a row of numbered segments.

Typing a digit is the fastest way to rate right after a session, so the widget takes
digits directly: "7" sets 7, and "1" followed quickly by "0" sets 10. The value is
always shown as a number as well as by filled segments, so colour never carries it
alone, and an unset optional rating reads "not rated" rather than looking like 0.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Property, QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

TEN_WINDOW_S = 1.0  # "1" then "0" within this many seconds means 10


class RatingInput(QWidget):
    """An integer from ``minimum`` to ``maximum``, or None when ``optional``."""

    valueChanged = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: int | None = None
        self._minimum = 0
        self._maximum = 10
        self._optional = False
        self._page_step = 3
        self._last_one_at: float | None = None
        self._hover: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._clear_button = QToolButton(self)
        self._clear_button.setObjectName("clearRatingButton")
        self._clear_button.setText("×")
        self._clear_button.setAutoRaise(True)
        # Keyboard users press Delete; the button is for the mouse only.
        self._clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._clear_button.setToolTip(self.tr("Clear the rating (Delete)"))
        self._clear_button.setAccessibleName(self.tr("Clear the rating"))
        self._clear_button.clicked.connect(self.clearValue)
        self._sync()

    # -- properties -------------------------------------------------------------------
    def getValue(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        """Set the rating; out-of-range numbers are clamped, None needs ``optional``
        or is allowed for a required rating that has not been given yet."""
        if value is not None:
            value = max(self._minimum, min(self._maximum, int(value)))
        if value == self._value:
            return
        self._value = value
        self._sync()
        self.valueChanged.emit(value)

    value = Property(object, getValue, setValue, notify=valueChanged)

    def clearValue(self) -> None:
        self.setValue(None)

    def isOptional(self) -> bool:
        return self._optional

    def setOptional(self, optional: bool) -> None:
        self._optional = bool(optional)
        self.updateGeometry()
        self._sync()

    optional = Property(bool, isOptional, setOptional)

    def minimum(self) -> int:
        return self._minimum

    def setMinimum(self, minimum: int) -> None:
        self._minimum = int(minimum)
        self._maximum = max(self._maximum, self._minimum)
        self.updateGeometry()
        self._sync()

    def maximum(self) -> int:
        return self._maximum

    def setMaximum(self, maximum: int) -> None:
        self._maximum = int(maximum)
        self._minimum = min(self._minimum, self._maximum)
        self.updateGeometry()
        self._sync()

    minimumValue = Property(int, minimum, setMinimum)
    maximumValue = Property(int, maximum, setMaximum)

    def valueText(self) -> str:
        """What a screen reader or the big number says about the current value."""
        if self._value is None:
            return self.tr("not rated")
        return self.tr("%1 of %2").replace("%1", str(self._value)).replace("%2", str(self._maximum))

    # -- geometry ---------------------------------------------------------------------
    def _count(self) -> int:
        return self._maximum - self._minimum + 1

    def _segment_size(self) -> QSize:
        fm = self.fontMetrics()
        width = max(22, fm.horizontalAdvance(str(self._maximum)) + 10)
        return QSize(width, max(24, fm.height() + 8))

    def _gap(self) -> int:
        return 3

    def _big_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 0.85)
        return font

    def _label_width(self) -> int:
        big = QFontMetrics(self._big_font()).horizontalAdvance(str(self._maximum))
        unset = self.tr("not rated") if self._optional else self._unset_text()
        small = QFontMetrics(self._small_font()).horizontalAdvance(unset)
        normal = self.fontMetrics().horizontalAdvance(unset)
        return max(big, small if self._optional else normal) + 6

    def _unset_text(self) -> str:
        if self._optional:
            return self.tr("not rated")
        text = self.tr("type %1–%2").replace("%1", str(self._minimum))
        return text.replace("%2", str(self._maximum))

    def _segments_origin(self) -> QPoint:
        return QPoint(3, (self.height() - self._segment_size().height()) // 2)

    def _segment_rect(self, index: int) -> QRect:
        size = self._segment_size()
        origin = self._segments_origin()
        x = origin.x() + index * (size.width() + self._gap())
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = self.width() - x - size.width()
        return QRect(x, origin.y(), size.width(), size.height())

    def _segments_rect(self) -> QRect:
        return self._segment_rect(0).united(self._segment_rect(self._count() - 1))

    def sizeHint(self) -> QSize:
        size = self._segment_size()
        button = self._clear_button.sizeHint()
        width = (
            6
            + self._count() * size.width()
            + (self._count() - 1) * self._gap()
            + 10
            + self._label_width()
            + button.width()
        )
        height = max(size.height(), QFontMetrics(self._big_font()).height(), button.height()) + 6
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_clear_button()

    def _place_clear_button(self) -> None:
        """Right after the number it clears."""
        button = self._clear_button.sizeHint()
        segments = self._segments_rect()
        shown = QFontMetrics(self._big_font()).horizontalAdvance(str(self._value or 0)) + 6
        x = segments.right() + 10 + shown
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = segments.left() - 10 - shown - button.width()
        self._clear_button.setGeometry(
            x, (self.height() - button.height()) // 2, button.width(), button.height()
        )

    # -- input ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text.isdigit() and len(text) == 1 and mods == Qt.KeyboardModifier.NoModifier:
            self._type_digit(int(text))
            event.accept()
            return
        self._last_one_at = None
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        up = {Qt.Key.Key_Up, Qt.Key.Key_Left if rtl else Qt.Key.Key_Right}
        down = {Qt.Key.Key_Down, Qt.Key.Key_Right if rtl else Qt.Key.Key_Left}
        if key in up:
            self._step(1)
        elif key in down:
            self._step(-1)
        elif key == Qt.Key.Key_PageUp:
            self._step(self._page_step)
        elif key == Qt.Key.Key_PageDown:
            self._step(-self._page_step)
        elif key == Qt.Key.Key_Home:
            self.setValue(self._minimum)
        elif key == Qt.Key.Key_End:
            self.setValue(self._maximum)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._optional:
            self.setValue(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _type_digit(self, digit: int) -> None:
        now = time.monotonic()
        if (
            digit == 0
            and self._maximum >= 10
            and self._last_one_at is not None
            and now - self._last_one_at <= TEN_WINDOW_S
            and self._value == 1
        ):
            self._last_one_at = None
            self.setValue(10)
            return
        self._last_one_at = now if digit == 1 else None
        if self._minimum <= digit <= self._maximum:
            self.setValue(digit)

    def _step(self, delta: int) -> None:
        if self._value is None:
            # Start from the middle: fewer presses to reach any value.
            self.setValue((self._minimum + self._maximum + 1) // 2)
        else:
            self.setValue(self._value + delta)

    def _index_at(self, pos: QPoint) -> int | None:
        for i in range(self._count()):
            if self._segment_rect(i).adjusted(-1, -4, 2, 4).contains(pos):
                return i
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().toPoint())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.setValue(self._minimum + index)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().toPoint())
        if event.buttons() & Qt.MouseButton.LeftButton and index is not None:
            self.setValue(self._minimum + index)
        if index != self._hover:
            self._hover = index
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    # -- painting ---------------------------------------------------------------------
    def _sync(self) -> None:
        self._clear_button.setVisible(self._optional and self._value is not None)
        self._place_clear_button()
        self.setAccessibleDescription(self.valueText())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        enabled = self.isEnabled()
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        accent = pal.color(group, QPalette.ColorRole.Highlight)
        on_accent = pal.color(group, QPalette.ColorRole.HighlightedText)
        base = pal.color(group, QPalette.ColorRole.Base)
        mid = pal.color(group, QPalette.ColorRole.Mid)
        faint = pal.color(group, QPalette.ColorRole.PlaceholderText)
        text = pal.color(group, QPalette.ColorRole.WindowText)

        small = self._small_font()
        for i in range(self._count()):
            number = self._minimum + i
            rect = QRectF(self._segment_rect(i)).adjusted(0.5, 0.5, -0.5, -0.5)
            filled = self._value is not None and number <= self._value
            current = self._value is not None and number == self._value
            painter.setPen(QPen(accent if filled else mid, 2.0 if current else 1.0))
            painter.setBrush(accent if filled else base)
            if current:
                rect = rect.adjusted(0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(rect, 4, 4)
            if self._hover == i and not current:
                hover_pen = QPen(accent, 1.5)
                painter.setPen(hover_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
            font = QFont(small)
            font.setBold(current)
            painter.setFont(font)
            painter.setPen(on_accent if filled else faint)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(number))

        if self.hasFocus():
            pen = QPen(accent, 2.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self._segments_rect()).adjusted(-2, -2, 2, 2), 6, 6)

        segments = self._segments_rect()
        label = QRect(segments.right() + 10, 0, self._label_width(), self.height())
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            label.moveRight(segments.left() - 10)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading
        if self._value is None:
            painter.setFont(small if self._optional else self.font())
            painter.setPen(faint)
            painter.drawText(label, align, self._unset_text())
        else:
            painter.setFont(self._big_font())
            painter.setPen(text)
            painter.drawText(label, align, str(self._value))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        self.updateGeometry()
        self.update()
