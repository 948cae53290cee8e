"""The outcome chip's border is drawn in its status's colour without a style sheet per
colour: setting one repolished the chip and laid the page out again on every switch
between clients of different statuses."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.workspace.outcome_chip import CHIP_BORDER


def _edge(chip) -> QColor:
    image = chip.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(1 * ratio), int(chip.height() / 2 * ratio))


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_chip_border_follows_the_status_with_one_style_sheet(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True, size=(1280, 800))
    window = ctl.window
    chip = window.clients.outcomeChip
    sheet = chip.styleSheet()
    seen: set[str] = set()
    for row in range(window.clientModel.rowCount()):
        window.selectClientRow(row)
        QApplication.processEvents()
        status = chip.status()
        if status is None or status in seen:
            continue
        seen.add(status)
        assert _close(_edge(chip), QColor(CHIP_BORDER[status])), status
        assert chip.styleSheet() == sheet
    assert len(seen) >= 2  # the demo has clients of several statuses
