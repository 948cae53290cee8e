"""Packet sentences built from pieces: every piece comes from the catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from alliance_desktop import i18n
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.insights.outcome import OutcomeChange
from alliance_desktop.reports.supervision import outcome_line


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_the_outcome_status_word_is_translated(french):
    change = OutcomeChange(first=30.0, latest=20.0, change=-10.0, status="deteriorated", n=3)
    line = outcome_line(change, OutcomeScale())
    assert line.startswith("Résultat : détérioré (")
    assert "deteriorated" not in line


def test_colons_between_pieces_follow_french_spacing(french):
    assert i18n._("{when}: {alert}").format(when="semaine 10", alert="x") == "semaine 10 : x"
    assert i18n._(": {question}").format(question="q") == " : q"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_preview_summary_counts_through_plural_forms(qapp, language):
    from alliance_desktop.gui.common import translator

    install = translator.install_translators
    install(qapp, language)
    try:
        words = {"en": ("1 session", "2 sessions"), "fr": ("1 séance", "2 séances")}[language]
        for n, want in zip((1, 2), words, strict=True):
            got = QCoreApplication.translate("PacketPreview", "%n session(s)", "", n)
            assert got == want
    finally:
        install(qapp, "en")
        for old in translator._installed:
            QCoreApplication.removeTranslator(old)
        translator._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        i18n.set_language("en")
