"""The outcome chip is drawn without a style sheet: its border in its status's colour
(a sheet per colour repolished the chip and laid the page out again on every switch
between clients of different statuses), its rounded box in the base colour on the
window colour (a sheet's rounded box made the chip transparent, so every widget under
it painted its rectangle first, on every switch)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.workspace.outcome_chip import CHIP_BORDER


def _edge(chip) -> QColor:
    image = chip.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(1 * ratio), int(chip.height() / 2 * ratio))


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def _pixel(chip, x: float, y: float) -> QColor:
    image = chip.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(x * ratio), int(y * ratio))


def test_chip_border_follows_the_status_without_a_style_sheet(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(1280, 800))
    window = ctl.window
    chip = window.clients.outcomeChip
    assert chip.styleSheet() == ""
    seen: set[str] = set()
    for row in range(window.clientModel.rowCount()):
        window.selectClientRow(row)
        QApplication.processEvents()
        status = chip.status()
        if status is None or status in seen:
            continue
        seen.add(status)
        assert _close(_edge(chip), QColor(CHIP_BORDER[status])), status
    assert len(seen) >= 2  # the demo has clients of several statuses


def _show_a_chip(window) -> bool:
    """Shows the first client with an outcome status; whether there was one."""
    for row in range(window.clientModel.rowCount()):
        window.selectClientRow(row)
        QApplication.processEvents()
        if window.clients.outcomeChip.status() is not None:
            return window.clients.outcomeChip.isVisible()
    return False


def test_chip_box_is_base_on_the_window_colour_light_and_dark(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(1280, 800))
    window = ctl.window
    chip = window.clients.outcomeChip
    for scheme in ("light", "dark"):
        ctl.theme.set_choice(scheme)
        assert _show_a_chip(window)
        palette = chip.palette()
        inside = _pixel(chip, chip.width() / 2, 3.5)  # between the border and the text
        corner = _pixel(chip, 0.5, 0.5)  # outside the rounded border
        assert _close(inside, palette.color(QPalette.ColorRole.Base)), scheme
        assert _close(corner, window.palette().color(QPalette.ColorRole.Window)), scheme
