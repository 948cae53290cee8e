"""The one catalogue system: gettext catalogues under ``alliance_desktop/locale``.

Code below Qt marks its strings with ``_()`` (translated now), ``N_()`` (marked for
extraction, translated where shown) and ``ngettext()``. The GUI's ``tr()`` strings
reach the same catalogues through the Qt translator bridge
(``gui/common/translator.py``), which calls :func:`lookup` with the Qt context as
``msgctxt``.

The language follows ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` (the first
one set decides, as in Python's :mod:`gettext`); ``ALLIANCE_LANG`` overrides them, and
the GUI's "language" preference overrides all. Numbers and dates below Qt go through
:func:`format_number` and :func:`format_date` (babel, in the same language).

Adding a language: add its code to :data:`LANGUAGES` and its own name to
:data:`LANGUAGE_NAMES`, then run ``scripts/regenerate.py`` (it creates
``locale/<code>/LC_MESSAGES/alliance.po``), translate that file and run it again.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date, datetime

DOMAIN = "alliance"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "fr", "de")
#: Each language in its own name, for a language chooser (never translated).
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch"}
#: The territory used for dates and numbers when the system names none for the language.
DEFAULT_TERRITORY = {"en": "GB", "fr": "FR", "de": "DE"}
#: The environment variable that overrides the system's language (CLI and GUI).
OVERRIDE_VARIABLE = "ALLIANCE_LANG"

_ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_CONTEXT_SEP = "\x04"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"
#: msgid -> the first translation under any context (the Qt bridge's last resort).
_any_context: dict[str, str] = {}


def _code(value: str) -> str:
    """``fr_CH.UTF-8@euro`` -> ``fr``."""
    return value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


def _env_locale() -> str:
    """The locale name that decides messages: the first of the variables that is set."""
    for var in _ENV_ORDER:
        value = os.environ.get(var, "")
        if value:
            return value
    return ""


def system_language() -> str:
    """The first supported language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG.

    As in Python's gettext the first variable that is set decides; LANGUAGE may list
    several (``de:fr``), the first supported wins. Anything else (``C``, ``es_ES``) is
    English.
    """
    for part in _env_locale().split(":"):
        code = _code(part)
        if code in LANGUAGES:
            return code
    return "en"


def preferred_language() -> str:
    """``ALLIANCE_LANG`` when it names a supported language, else the system's."""
    code = _code(os.environ.get(OVERRIDE_VARIABLE, ""))
    return code if code in LANGUAGES else system_language()


def set_language(language: str | None = None) -> str:
    """Load the catalogue for *language* (None: :func:`preferred_language`).

    Returns the code used; an unknown code falls back to English.
    """
    global _translation, _language
    code = _code(language) if language else preferred_language()
    if code not in LANGUAGES:
        code = "en"
    _translation = _catalogue(code)
    _language = code
    _any_context.clear()
    catalog: dict[object, str] = getattr(_translation, "_catalog", {})
    for key, value in catalog.items():
        if isinstance(key, str) and _CONTEXT_SEP in key and value:
            _any_context.setdefault(key.split(_CONTEXT_SEP, 1)[1], value)
    return code


_catalogues: dict[str, _gettext.NullTranslations] = {}


def _catalogue(code: str) -> _gettext.NullTranslations:
    """``locale/<code>/LC_MESSAGES/alliance.mo``, parsed once per process; no catalogue
    (a source checkout without compiled ones) translates nothing.

    What ``gettext.translation(languages=[code], fallback=True)`` finds for our codes,
    read straight from its one place: gettext would first normalise the code through
    the locale module and try three other folder names (start-up time)."""
    found = _catalogues.get(code)
    if found is None:
        try:
            with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as fp:
                found = _gettext.GNUTranslations(fp)
        except OSError:
            found = _gettext.NullTranslations()
        _catalogues[code] = found
    return found


def current_language() -> str:
    return _language


def locale_name(language: str | None = None) -> str:
    """The locale for dates and numbers: the system's when it speaks *language*
    (``de_AT`` stays Austrian), else the language's default territory."""
    code = language or _language
    for part in _env_locale().split(":"):
        name = part.split(".")[0].split("@")[0].replace("-", "_")
        if _code(name) == code and "_" in name:
            return name
    return f"{code}_{DEFAULT_TERRITORY.get(code, code.upper())}"


def _(message: str) -> str:
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark *message* for extraction; translate it with ``_()`` where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translation.npgettext(context, singular, plural, n)


def lookup(context: str, message: str, n: int = -1) -> str | None:
    """The translation of *message* for the Qt bridge, or None when there is none.

    Tried in order: *context* as ``msgctxt`` (the class that calls ``tr()``), no
    context (strings marked with ``N_()`` below Qt and shown by the GUI), then any
    context (``tr()`` called from a subclass reports the subclass's name). A Qt plural
    (``%n`` with ``n >= 0``) is looked up with :func:`npgettext`, whose English forms
    come from the ``en`` catalogue.
    """
    if n >= 0 and "%n" in message:
        text = _translation.npgettext(context, message, message, n)
        if text != message:
            return text
        text = _translation.ngettext(message, message, n)
        return text if text != message else None
    text = _translation.pgettext(context, message)
    if text != message:
        return text
    text = _translation.gettext(message)
    if text != message:
        return text
    return _any_context.get(message)


_DECIMAL: dict[str, str] = {}


def _decimal_symbol() -> str:
    """The current language's decimal mark (``.``, ``,``), read from babel once."""
    if _language not in _DECIMAL:
        from babel.numbers import get_decimal_symbol

        _DECIMAL[_language] = get_decimal_symbol(locale_name())
    return _DECIMAL[_language]


def format_number(value: float, digits: int = 2) -> str:
    """A number as people write it in the current language: 7, 7.5, 7.33 (7,33 in
    French and German); at most *digits* decimals, trailing zeros dropped, no grouping
    (the numbers shown are ratings, points and counts). Fast: alerts call it often."""
    text = f"{value:.{digits}f}"
    if digits > 0:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text if _language == "en" else text.replace(".", _decimal_symbol())


def format_signed(value: float, digits: int = 1) -> str:
    """A number with its sign, always: +0.8, -1.2, +0.0 (+0,8 in French and German)."""
    text = f"{value:+.{digits}f}"
    return text if _language == "en" else text.replace(".", _decimal_symbol())


def format_date(value: date | datetime, style: str = "medium") -> str:
    """A date in the current language: ``16 Jun 2026``, ``16 juin 2026``, ``16.06.2026``."""
    from datetime import datetime

    from babel.dates import format_date as babel_format_date

    day = value.date() if isinstance(value, datetime) else value
    return babel_format_date(day, format=style, locale=locale_name())
