"""Check boxes and radio buttons stay visible: their rings stand at least 3:1 against
the window behind them (WCAG 2.2 non-text contrast), in light and dark, measured from
real grabs of the widgets as the app themes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.gui.common.theme import ThemeManager

MINIMUM = 3.0


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _distance(a: QColor, b: QColor) -> float:
    return float(
        ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2)
        ** 0.5
    )


def test_contrast_formula_matches_wcag() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast(QColor("#123456"), QColor("#123456")) == pytest.approx(1.0)


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[ThemeManager]:
    style_name = qapp.style().name()
    palette = QPalette(qapp.palette())
    sheet = qapp.styleSheet()
    manager = ThemeManager(qapp, "light")
    yield manager
    manager.setParent(None)
    manager.deleteLater()
    qapp.setStyle(style_name)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _indicator_rect(button: QAbstractButton) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    return button.style().subElementRect(element, option, button)


def _grab(qtbot, button: QAbstractButton) -> tuple[QImage, QRect]:
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).addWidget(button)
    host.resize(200, 60)
    host.show()
    qtbot.waitExposed(host)
    image = button.grab().toImage()
    rect = _indicator_rect(button)
    scale = image.devicePixelRatio()
    if scale != 1:
        rect = QRect(
            round(rect.x() * scale),
            round(rect.y() * scale),
            round(rect.width() * scale),
            round(rect.height() * scale),
        )
    assert rect.top() >= 2, "the indicator needs window above it to compare against"
    return image, rect


def _background(image: QImage, rect: QRect) -> QColor:
    """The window just above the indicator."""
    return image.pixelColor(rect.center().x(), rect.top() - 2)


def ring_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    """The ring's weakest side: at the middle of each side, the pixel among the first
    three inside the indicator that stands out most; the least of the four."""
    cx, cy = rect.center().x(), rect.center().y()
    sides = [
        [(rect.left() + i, cy) for i in range(3)],
        [(rect.right() - i, cy) for i in range(3)],
        [(cx, rect.top() + i) for i in range(3)],
        [(cx, rect.bottom() - i) for i in range(3)],
    ]
    return min(max(contrast(image.pixelColor(x, y), background) for x, y in side) for side in sides)


def mark_contrast(image: QImage, rect: QRect, fill: QColor) -> float:
    """The check mark or dot against the indicator's own fill."""
    inner = rect.adjusted(3, 3, -3, -3)
    return max(
        contrast(image.pixelColor(x, y), fill)
        for x in range(inner.left(), inner.right() + 1)
        for y in range(inner.top(), inner.bottom() + 1)
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton], ids=["checkbox", "radio"])
@pytest.mark.parametrize("checked", [False, True], ids=["unchecked", "checked"])
def test_indicator_ring_stands_out(qtbot, themes, theme, kind, checked) -> None:
    themes.set_choice(theme)
    button = kind("Worked on the rupture")
    button.setChecked(checked)
    image, rect = _grab(qtbot, button)
    background = _background(image, rect)
    assert background == QApplication.palette().color(QPalette.ColorRole.Window)
    ratio = ring_contrast(image, rect, background)
    assert ratio >= MINIMUM, f"{theme} {kind.__name__} ring is {ratio:.2f}:1"
    if checked:
        fill = QApplication.palette().color(QPalette.ColorRole.Base)
        mark = mark_contrast(image, rect, fill)
        assert mark >= MINIMUM, f"{theme} {kind.__name__} mark is {mark:.2f}:1"


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton], ids=["checkbox", "radio"])
def test_keyboard_focus_is_obvious(qtbot, themes, theme, kind) -> None:
    themes.set_choice(theme)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    first, second = kind("First"), kind("Second")
    for b in (first, second):
        b.setAutoExclusive(False)
        layout.addWidget(b)
    host.resize(200, 90)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    assert host.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    focused = second.grab().toImage()
    rect = _indicator_rect(second)
    ring = ring_contrast(focused, rect, _background(focused, rect))
    assert ring >= MINIMUM
    # Under keyboard focus the ring turns the accent and doubles in width.
    accent = QApplication.palette().color(QPalette.ColorRole.Highlight)
    y = rect.center().y()
    for x in (rect.left(), rect.left() + 1, rect.right(), rect.right() - 1):
        pixel = focused.pixelColor(x, y)
        assert _distance(pixel, accent) < 40, (theme, x, pixel.name(), accent.name())
    unfocused = first.grab().toImage()
    plain = unfocused.pixelColor(rect.left(), y)
    assert _distance(plain, accent) > 60, (theme, plain.name(), accent.name())
