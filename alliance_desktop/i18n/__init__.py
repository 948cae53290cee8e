"""The one catalogue system: gettext catalogues under ``alliance_desktop/locale``.

Code below Qt marks its strings with ``_()`` (translated now), ``N_()`` (marked for
extraction, translated where shown) and ``ngettext()``. The GUI's ``tr()`` strings
reach the same catalogues through the Qt translator bridge in ``gui``.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

DOMAIN = "alliance"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "fr", "de")

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def system_language() -> str:
    """The first supported language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code and var != "LANGUAGE":
                break
    return "en"


def set_language(language: str | None = None) -> str:
    """Load the catalogue for *language* (None: the system's); returns the code used."""
    global _translation, _language
    code = (language or system_language()).lower()
    if code not in LANGUAGES:
        code = "en"
    _translation = _gettext.translation(
        DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True
    )
    _language = code
    return code


def current_language() -> str:
    return _language


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
