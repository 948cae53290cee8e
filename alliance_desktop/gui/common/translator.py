"""The bridge from Qt's ``tr()`` to the app's one gettext catalogue.

:class:`CatalogueTranslator` is a QTranslator whose :meth:`translate` looks the string
up in ``alliance_desktop/locale/<lang>/LC_MESSAGES/alliance.mo`` with the Qt context
as ``msgctxt`` (:func:`alliance_desktop.i18n.lookup`); Qt replaces ``%n`` itself
after the lookup. :func:`install_translators` chooses the language (the "language"
preference, else ``ALLIANCE_LANG``, else the system's), loads that catalogue for the
code below Qt too, adds Qt's own translations shipped with PySide6 (``qtbase_fr.qm``:
the standard buttons and dialogs) and sets the default QLocale, so dates and numbers
follow the same language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from alliance_desktop import i18n

#: The values of the "language" preference: "system" or a code of i18n.LANGUAGES.
SYSTEM = "system"


class CatalogueTranslator(QTranslator):
    """Answers Qt's lookups from the gettext catalogue loaded by i18n.set_language."""

    def translate(
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None reaches Qt as a null QString: "not here", so Qt asks the next translator
        # (qtbase) and in the end keeps the source. An empty string would be taken as
        # the translation and blank the text.
        try:
            found = i18n.lookup(context or "", sourceText, n if n is not None else -1)
        except Exception:  # a lookup must never take a paint event down
            return None
        return found or None

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return i18n.current_language()


def choose_language(preference: str | None) -> str:
    """The language to show: the preference when it names one, else ALLIANCE_LANG or
    the system's (i18n.preferred_language)."""
    if preference and preference != SYSTEM and preference in i18n.LANGUAGES:
        return preference
    return i18n.preferred_language()


def qlocale_for(language: str) -> QLocale:
    """The system locale when it speaks *language* (keeps de_AT, fr_CH), else the
    language's default territory."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(i18n.locale_name(language))


_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication | None = None, preference: str | None = None) -> str:
    """Load the language's catalogue and Qt's own, install both, set QLocale's default.

    Safe to call again (a test switching languages): the previous translators go first.
    Returns the language code in use.
    """
    app = app or QCoreApplication.instance()
    language = i18n.set_language(choose_language(preference))
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(qlocale_for(language))
    if app is None:
        return language
    parent: QObject = app
    if language != "en":
        # Qt's own strings (QDialogButtonBox, QMessageBox, QFileDialog, context menus).
        base = QTranslator(parent)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if base.load(QLocale(language), "qtbase", "_", folder):
            QCoreApplication.installTranslator(base)
            _installed.append(base)
    # Installed last, so asked first: ours answers for our contexts, Qt's for its own.
    ours = CatalogueTranslator(parent)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    return language
