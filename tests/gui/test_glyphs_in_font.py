"""Every symbol the app draws is in the font it draws with: the outcome chip's
"unchanged" mark was a full-width "＝" that DejaVu Sans (the font on a bare Linux
desktop) does not have, so the chip showed an empty box where its shape should be,
and the shape is what carries the status for a reader who cannot tell the colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.workspace.models import OUTCOME_GLYPH
from alliance_desktop.gui.workspace.outcome_chip import OutcomeChip

LOCALE = Path(__file__).resolve().parents[2] / "alliance_desktop" / "locale"


def _catalog_symbols() -> set[str]:
    """Non-ASCII characters of every message and translation the app can show."""
    found: set[str] = set()
    for path in [LOCALE / "alliance.pot", *LOCALE.glob("*/LC_MESSAGES/alliance.po")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("msgid", "msgstr", '"')):
                found.update(ch for ch in line if ord(ch) > 127)
    return found


def test_every_symbol_in_the_catalogs_and_the_chip_is_in_the_ui_font(qapp: QApplication):
    chip = OutcomeChip()
    raw = QRawFont.fromFont(chip.font())
    if not raw.isValid() or not raw.supportsCharacter(ord("A")):
        pytest.skip("no usable UI font on this machine")
    symbols = set("".join(OUTCOME_GLYPH.values())) | _catalog_symbols()
    assert "✓" in symbols and "é" in symbols  # the scan read the glyphs and the catalogs
    missing = sorted(ch for ch in symbols if not raw.supportsCharacter(ord(ch)))
    assert missing == [], f"not in {raw.familyName()}: {[f'U+{ord(c):04X}' for c in missing]}"
