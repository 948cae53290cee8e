"""The Qt bridge: PySide6 really calls the Python QTranslator override, tr() and
QCoreApplication.translate() read the gettext catalogue, Qt's own buttons come from
qtbase_<lang>.qm, and the default QLocale follows the language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from alliance_desktop import i18n
from alliance_desktop.gui.common import translator
from alliance_desktop.gui.common.translator import CatalogueTranslator, install_translators


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    # Every later test reads English again, with the system's locale.
    install_translators(qapp, "en")
    for old in translator._installed:
        QCoreApplication.removeTranslator(old)
    translator._installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    i18n.set_language("en")


class _Counting(CatalogueTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str, int]] = []

    def translate(self, context, sourceText, disambiguation=None, n=-1):  # type: ignore[override]
        self.asked.append((context, sourceText, n))
        return super().translate(context, sourceText, disambiguation, n)


class Probe(QObject):
    def title(self) -> str:
        return self.tr("Settings")


def test_pyside_calls_the_python_override(app):
    i18n.set_language("fr")
    counting = _Counting()
    QCoreApplication.installTranslator(counting)
    try:
        text = QCoreApplication.translate("SettingsDialog", "Settings")
        assert text == "Réglages"
        assert ("SettingsDialog", "Settings", -1) in counting.asked
        # A context the catalogue does not hold (tr() from a subclass reports the
        # subclass's name) still finds the text under another context.
        assert Probe().title() == "Réglages"
        assert ("Probe", "Settings", -1) in counting.asked
        # Unknown text: None reaches Qt as "not here" and the source stays.
        assert QCoreApplication.translate("Nowhere", "Zzz unknown") == "Zzz unknown"
    finally:
        QCoreApplication.removeTranslator(counting)


@pytest.mark.parametrize(
    ("language", "menu", "cancel", "date_word"),
    [("fr", "&Fichier", "Annuler", "juin"), ("de", "&Datei", "Abbrechen", "Juni")],
)
def test_install_translates_ours_and_qts_and_sets_the_locale(
    app, language, menu, cancel, date_word
):
    assert install_translators(app, language) == language
    assert QCoreApplication.translate("MainWindow", "&File") == menu
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    assert QLocale().language() == QLocale(language).language()
    assert date_word in QLocale().toString(QDate(2026, 6, 16), "d MMMM yyyy")
    # Below Qt, the same catalogue is loaded.
    assert i18n.current_language() == language
    assert i18n._("Normalise") != "Normalise"


def test_qt_plurals_use_the_english_forms(app):
    install_translators(app, "en")
    one = QCoreApplication.translate("UnlockWindow", "use at least %n characters.", None, 1)
    many = QCoreApplication.translate("UnlockWindow", "use at least %n characters.", None, 12)
    assert (one, many) == ("use at least 1 character.", "use at least 12 characters.")
    install_translators(app, "fr")
    one = QCoreApplication.translate("UnlockWindow", "use at least %n characters.", None, 1)
    assert one == "utilisez au moins 1 caractère."


def test_the_preference_wins_over_the_environment(app, monkeypatch):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("ALLIANCE_LANG", raising=False)
    assert install_translators(app, "system") == "de"
    assert install_translators(app, "fr") == "fr"
    monkeypatch.setenv("ALLIANCE_LANG", "en")
    assert install_translators(app, "system") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
