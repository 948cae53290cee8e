"""A keyboard-first integer rating (0-10 by default) drawn as a row of numbered segments.

Typing a digit is the fastest way to rate right after a session, so the widget takes
digits directly: "7" sets 7, and "1" followed quickly by "0" sets 10. The value is
always shown as a number as well as by filled segments, so colour never carries it
alone, and an unset optional rating reads "not rated" rather than looking like 0.

It is a QSlider, painted its own way: Qt's accessibility then gives it the slider role
and the value interface (current, minimum, maximum), and every change of value is
announced. While not rated, the slider's own value rests at the minimum and the
accessible description says "not rated"; ``value()`` is None.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    Property,
    QEvent,
    QPoint,
    QRect,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
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
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractSlider, QSizePolicy, QSlider, QToolButton, QWidget

TEN_WINDOW_S = 1.0  # "1" then "0" within this many seconds means 10


class RatingInput(QSlider):
    """An integer from ``minimum()`` to ``maximum()``, or None when not rated."""

    #: The rating, or None when cleared or not given yet (shadows QSlider's int signal).
    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._unset = True
        self._own_change = False
        self._optional = False
        self._last_one_at: float | None = None
        self._hover: int | None = None
        self.setTracking(True)
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
        self._own_change = True  # the defaults below are no rating
        with QSignalBlocker(self):
            self.setRange(0, 10)
            self.setSingleStep(1)
            self.setPageStep(3)
            QSlider.setValue(self, 0)
        self._own_change = False
        self._sync()

    # -- value ------------------------------------------------------------------------
    def value(self) -> int | None:  # type: ignore[override]
        return None if self._unset else QSlider.value(self)

    def getValue(self) -> int | None:
        return self.value()

    def setValue(self, value: int | None) -> None:
        """Set the rating; out-of-range numbers are clamped; None clears it."""
        before = self.value()
        if value is not None:
            value = max(self.minimum(), min(self.maximum(), int(value)))
        if value == before:
            return
        self._own_change = True
        try:
            self._unset = value is None
            # The slider's own setValue tells assistive technology of the new value.
            QSlider.setValue(self, self.minimum() if value is None else value)
        finally:
            self._own_change = False
        self._sync()
        self.valueChanged.emit(value)

    def setRange(self, minimum: int, maximum: int) -> None:
        """A new range clamps a rating into it and leaves "not rated" as it is."""
        before = self.value()
        self._own_change = True
        try:
            QSlider.setRange(self, minimum, maximum)
        finally:
            self._own_change = False
        if before is not None and before != self.value():
            self.valueChanged.emit(self.value())
        self._sync()

    def setMinimum(self, minimum: int) -> None:
        self.setRange(minimum, max(minimum, self.maximum()))

    def setMaximum(self, maximum: int) -> None:
        self.setRange(min(self.minimum(), maximum), maximum)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        """A value set from outside Python (an assistive technology's SetCurrentValue)
        counts as a rating too; a range change re-clamps and resizes."""
        super().sliderChange(change)
        if change == QAbstractSlider.SliderChange.SliderRangeChange:
            self.updateGeometry()
            self._sync()
        elif change == QAbstractSlider.SliderChange.SliderValueChange and not self._own_change:
            self._unset = False
            self._sync()
            self.valueChanged.emit(QSlider.value(self))

    def clearValue(self) -> None:
        self.setValue(None)

    def isOptional(self) -> bool:
        return self._optional

    def setOptional(self, optional: bool) -> None:
        self._optional = bool(optional)
        self.updateGeometry()
        self._sync()

    optional = Property(bool, isOptional, setOptional)

    def valueText(self) -> str:
        """What a screen reader or the big number says about the current value."""
        value = self.value()
        if value is None:
            return self.tr("not rated")
        return self.tr("%1 of %2").replace("%1", str(value)).replace("%2", str(self.maximum()))

    # -- geometry ---------------------------------------------------------------------
    def _count(self) -> int:
        return self.maximum() - self.minimum() + 1

    def _preferred_segment_width(self) -> int:
        return max(22, self.fontMetrics().horizontalAdvance(str(self.maximum())) + 10)

    def _narrowest_segment_width(self) -> int:
        """Still room for "10" in the small font: the chips narrow, the numbers stay."""
        small = QFontMetrics(self._small_font())
        return max(16, small.horizontalAdvance(str(self.maximum())) + 6)

    def _chrome_width(self) -> int:
        """Everything beside the chips: margins, the big number and the clear button."""
        return 6 + 10 + self._label_width() + self._clear_button.sizeHint().width()

    def _width_for(self, segment: int, gap: int) -> int:
        return self._chrome_width() + self._count() * segment + (self._count() - 1) * gap

    def _segment_size(self) -> QSize:
        """The chips take their preferred width, or less when the row is narrower."""
        fm = self.fontMetrics()
        room = self.width() - self._chrome_width() - (self._count() - 1) * self._gap()
        fit = room // self._count()
        width = max(self._narrowest_segment_width(), min(self._preferred_segment_width(), fit))
        return QSize(width, max(24, fm.height() + 8))

    def _gap(self) -> int:
        """3 px between chips; 2 when the row is narrower than it would like."""
        return 3 if self.width() >= self._width_for(self._preferred_segment_width(), 3) else 2

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
        big = QFontMetrics(self._big_font()).horizontalAdvance(str(self.maximum()))
        # The prompt for an unset rating is drawn small: the number, once typed, is big.
        small = QFontMetrics(self._small_font()).horizontalAdvance(self._unset_text())
        return max(big, small) + 6

    def _unset_text(self) -> str:
        if self._optional:
            return self.tr("not rated")
        text = self.tr("type %1–%2").replace("%1", str(self.minimum()))
        return text.replace("%2", str(self.maximum()))

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

    def _height(self) -> int:
        size = self._segment_size()
        button = self._clear_button.sizeHint()
        return max(size.height(), QFontMetrics(self._big_font()).height(), button.height()) + 6

    def sizeHint(self) -> QSize:
        return QSize(self._width_for(self._preferred_segment_width(), 3), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_for(self._narrowest_segment_width(), 2), self._height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_clear_button()

    def _place_clear_button(self) -> None:
        """Right after the number it clears."""
        button = self._clear_button.sizeHint()
        segments = self._segments_rect()
        shown = QFontMetrics(self._big_font()).horizontalAdvance(str(self.value() or 0)) + 6
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
            self._step(self.pageStep())
        elif key == Qt.Key.Key_PageDown:
            self._step(-self.pageStep())
        elif key == Qt.Key.Key_Home:
            self.setValue(self.minimum())
        elif key == Qt.Key.Key_End:
            self.setValue(self.maximum())
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._optional:
            self.setValue(None)
        else:
            # Not QSlider's handling: every key it knows is handled above.
            QWidget.keyPressEvent(self, event)
            return
        event.accept()

    def _type_digit(self, digit: int) -> None:
        now = time.monotonic()
        if (
            digit == 0
            and self.maximum() >= 10
            and self._last_one_at is not None
            and now - self._last_one_at <= TEN_WINDOW_S
            and self.value() == 1
        ):
            self._last_one_at = None
            self.setValue(10)
            return
        self._last_one_at = now if digit == 1 else None
        if self.minimum() <= digit <= self.maximum():
            self.setValue(digit)

    def _step(self, delta: int) -> None:
        value = self.value()
        if value is None:
            # Start from the middle: fewer presses to reach any value.
            self.setValue((self.minimum() + self.maximum() + 1) // 2)
        else:
            self.setValue(value + delta)

    def _index_at(self, pos: QPoint) -> int | None:
        for i in range(self._count()):
            if self._segment_rect(i).adjusted(-1, -4, 2, 4).contains(pos):
                return i
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().toPoint())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.setValue(self.minimum() + index)
            event.accept()
            return
        # Not QSlider's: a click beside the chips must not move the value.
        QWidget.mousePressEvent(self, event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().toPoint())
        if event.buttons() & Qt.MouseButton.LeftButton and index is not None:
            self.setValue(self.minimum() + index)
        if index != self._hover:
            self._hover = index
            self.update()
        QWidget.mouseMoveEvent(self, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        QWidget.mouseReleaseEvent(self, event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the editor, never a rating the pointer happens to cross."""
        event.ignore()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    # -- painting ---------------------------------------------------------------------
    def _sync(self) -> None:
        # Nothing to clear in a disabled rating (reading mode): the × would only distract.
        shown = self._optional and self.value() is not None and self.isEnabled()
        self._clear_button.setVisible(shown)
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
        value = self.value()
        for i in range(self._count()):
            number = self.minimum() + i
            rect = QRectF(self._segment_rect(i)).adjusted(0.5, 0.5, -0.5, -0.5)
            filled = value is not None and number <= value
            current = value is not None and number == value
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
        if value is None:
            painter.setFont(small)
            painter.setPen(faint)
            painter.drawText(label, align, self._unset_text())
        else:
            painter.setFont(self._big_font())
            painter.setPen(text)
            painter.drawText(label, align, str(value))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._sync()
        self.updateGeometry()
        self.update()
