"""Which language the environment asks for, and numbers and dates in it (below Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_desktop import i18n

_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "ALLIANCE_LANG")


@pytest.fixture
def env(monkeypatch):
    for var in _VARS:
        monkeypatch.delenv(var, raising=False)
    yield monkeypatch
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "de_AT.UTF-8"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "es_ES.UTF-8"}, "en"),
        ({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "de"),
        # The first variable that is set decides, as in Python's gettext.
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "es:de:fr", "LANG": "fr_FR.UTF-8"}, "de"),
        ({"LANGUAGE": "fr", "LANG": "C.UTF-8"}, "fr"),
    ],
)
def test_system_language(env, values, expected):
    for var, value in values.items():
        env.setenv(var, value)
    assert i18n.system_language() == expected


def test_alliance_lang_overrides_the_system(env):
    env.setenv("LANG", "fr_FR.UTF-8")
    env.setenv("ALLIANCE_LANG", "de")
    assert i18n.preferred_language() == "de"
    assert i18n.set_language(None) == "de"
    env.setenv("ALLIANCE_LANG", "klingon")
    assert i18n.preferred_language() == "fr"


def test_unknown_code_falls_back_to_english(env):
    assert i18n.set_language("pt_BR") == "en"
    assert i18n._("Normalise") == "Normalise"


def test_locale_name_keeps_the_system_territory(env):
    env.setenv("LANG", "de_CH.UTF-8")
    assert i18n.locale_name("de") == "de_CH"
    assert i18n.locale_name("fr") == "fr_FR"
    assert i18n.locale_name("en") == "en_GB"


@pytest.mark.parametrize(
    ("language", "number", "signed", "day"),
    [
        ("en", "7.33", "-0.8", "16 Jun 2026"),
        ("fr", "7,33", "-0,8", "16 juin 2026"),
        ("de", "7,33", "-0,8", "16.06.2026"),
    ],
)
def test_numbers_and_dates(env, language, number, signed, day):
    i18n.set_language(language)
    assert i18n.format_number(7.333) == number
    assert i18n.format_number(7.0) == "7"
    assert i18n.format_signed(-0.84) == signed
    assert i18n.format_date(date(2026, 6, 16)) == day


def test_gettext_plurals_follow_each_language(env):
    i18n.set_language("fr")
    assert i18n.ngettext("{n} session", "{n} sessions", 1) == "{n} séance"
    assert i18n.ngettext("{n} session", "{n} sessions", 2) == "{n} séances"
    i18n.set_language("de")
    assert i18n.ngettext("{n} session", "{n} sessions", 0) == "{n} Sitzungen"
