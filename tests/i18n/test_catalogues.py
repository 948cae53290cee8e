"""The catalogues hold every string the code asks to translate, translated, with the
same placeholders; the compiled .mo files are those of the .po files.

Extraction is the same code scripts/regenerate.py runs (scripts/catalogues.py), so a
new ``tr()``/``_()`` string fails here until `make regenerate` has merged it and a
translator has filled it in.
"""

from __future__ import annotations

import gettext
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_catalogues():
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts" / "catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalogues", module)
    spec.loader.exec_module(module)
    return module


catalogues = _load_catalogues()
LANGUAGES = ("fr", "de")


@pytest.fixture(scope="module")
def extracted():
    return catalogues.extract()


def test_extraction_finds_strings_in_every_layer(extracted):
    where = {loc.split("/")[1] for m in extracted for loc in m.locations}
    assert {"gui", "insights", "domain", "cli", "charts"} <= where
    keys = {m.key for m in extracted}
    # A form (QCoreApplication.translate), a class's self.tr, a domain N_ and an alert.
    assert ("MainWindow", "&File") in keys
    assert (None, "Normalise") in keys
    assert (None, "{rupture} on this session is {state}.") in keys


def test_no_string_is_built_where_it_cannot_be_translated(extracted):
    assert [str(p) for p in extracted.problems] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_the_code_uses_is_translated(language, extracted):
    gaps = catalogues.missing(language, extracted)
    assert not gaps, (
        f"{len(gaps)} strings missing or untranslated in {language} "
        f"(run scripts/regenerate.py, then translate): " + "; ".join(gaps[:15])
    )


def test_english_has_both_forms_of_every_qt_plural(extracted):
    assert not catalogues.missing("en", extracted)


_BRACES = re.compile(r"\{[^{}]*\}")
_PERCENT = re.compile(r"%(?:n|\d|\([a-z_]+\)[sd]|[sd])")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")


def _placeholders(text: str) -> tuple[list[str], list[str], list[str]]:
    return (
        sorted(_BRACES.findall(text)),
        sorted(_PERCENT.findall(text)),
        sorted(re.sub(r"\s+.*", ">", t.lower()) for t in _TAGS.findall(text)),
    )


@pytest.mark.parametrize("language", (*LANGUAGES, "en"))
def test_placeholders_match_between_source_and_translation(language):
    wrong = []
    for m in catalogues.read(language):
        if not m.id or not m.string:
            continue
        source = m.id if isinstance(m.id, str) else m.id[1]
        forms = [m.string] if isinstance(m.string, str) else list(m.string)
        for form in forms:
            if not form:
                continue
            braces, percent, tags = _placeholders(source)
            got = _placeholders(form)
            # A plural may drop "%n"/"{n}" in its singular ("un client"), nothing else.
            if isinstance(m.id, tuple) and form is forms[0]:
                got = (got[0], got[1], got[2])
                braces = [b for b in braces if b != "{n}" or "{n}" in got[0]]
                percent = [p for p in percent if p != "%n" or "%n" in got[1]]
            if (braces, percent, tags) != got:
                wrong.append(f"[{m.context}] {source!r} -> {form!r}")
    assert not wrong, f"{len(wrong)} placeholder mismatches: " + "; ".join(wrong[:10])


@pytest.mark.parametrize("language", (*LANGUAGES, "en"))
def test_compiled_catalogue_matches_its_po(language):
    compiled = catalogues.mo_path(language).read_bytes()
    assert compiled == catalogues.compile_mo(catalogues.read(language)), (
        f"{language}/alliance.mo is stale: run scripts/regenerate.py"
    )


def test_shortcut_letters_survive_in_menus():
    """A menu title with an accelerator keeps one in translation (Alt+letter works)."""
    for language in LANGUAGES:
        for m in catalogues.read(language):
            if isinstance(m.id, str) and m.id.startswith("&") and m.string:
                assert "&" in m.string, (language, m.id, m.string)


def test_machine_readable_words_stay_english():
    """Keys that scripts read are never offered for translation."""
    keys = {m.msgid for m in catalogues.extract()}
    for word in ("open_rupture", "engagement_falling", "session_id", "strategy_outcomes"):
        assert word not in keys


# -- the extractor on code it has never seen ----------------------------------------

SAMPLE = """
from PySide6.QtCore import QCoreApplication, QObject
from alliance_desktop.i18n import N_, _, ngettext, pgettext

LABEL = N_("A marked label")

def _t(text):
    return QCoreApplication.translate("wrapped", text)

class Panel(QObject):
    def build(self, n):
        self.tr("Own text")
        tr = self.tr
        tr("Through an alias")
        self.tr("%n item(s)", "", n)
        t = QCoreApplication.translate
        t("other", "Through translate")
        _t("Through a wrapper")
        self.tr(f"Built {n}")

def below(n):
    _("Plain")
    ngettext("{n} file", "{n} files", n)
    pgettext("menu", "Open")
"""


def test_extractor_reads_every_form(tmp_path):
    got = catalogues.extract_source(SAMPLE, "alliance_desktop/sample.py")
    keys = {m.key: m for m in got}
    assert set(keys) == {
        (None, "A marked label"),
        ("Panel", "Own text"),
        ("Panel", "Through an alias"),
        ("Panel", "%n item(s)"),
        ("other", "Through translate"),
        ("wrapped", "Through a wrapper"),
        (None, "Plain"),
        (None, "{n} file"),
        ("menu", "Open"),
    }
    assert keys[("Panel", "%n item(s)")].plural == "%n item(s)"
    assert keys[(None, "{n} file")].plural == "{n} files"
    assert [p.text for p in got.problems] == ["an f-string passed to tr() cannot be translated"]


def test_a_new_string_is_merged_and_an_old_translation_kept(tmp_path, monkeypatch):
    """merge() keeps translations, drops what the code no longer uses, and starts a new
    context's entry from the same text's translation."""
    from babel.messages.catalog import Catalog

    monkeypatch.setattr(catalogues, "LOCALE_DIR", tmp_path)
    po = catalogues.po_path("fr")
    po.parent.mkdir(parents=True)
    old = catalogues._new_catalog("fr")
    old.add("Cancel", "Annuler", context="DialogA")
    old.add("Gone", "Parti", context="DialogA")
    catalogues._write_po(old, po)
    pot = Catalog()
    pot.add("Cancel", context="DialogA")
    pot.add("Cancel", context="DialogB")
    pot.add("New text", context="DialogB")
    merged = catalogues.merge("fr", pot)
    strings = {(m.context, m.id): m.string for m in merged if m.id}
    assert strings == {
        ("DialogA", "Cancel"): "Annuler",
        ("DialogB", "Cancel"): "Annuler",
        ("DialogB", "New text"): "",
    }


def test_the_mo_files_load_with_gettext():
    for language in LANGUAGES:
        t = gettext.translation(
            "alliance", localedir=str(ROOT / "alliance_desktop" / "locale"), languages=[language]
        )
        assert t.pgettext("MainWindow", "&File") != "&File"
