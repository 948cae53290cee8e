"""Smoke tests in real processes under fr_FR.UTF-8 and de_DE.UTF-8: the desktop app's
menus and a dialog, and `alliance-cli stats` (its `message` fields translated, its
keys, kinds and columns English)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PASSPHRASE = "correct staple battery orbit"

LOCALES = {
    "fr": ("fr_FR.UTF-8", ["&Fichier", "É&dition", "&Affichage", "Aid&e"], "Nouveau client"),
    "de": ("de_DE.UTF-8", ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"], "Neuer Klient"),
}


def _env(tmp_path: Path, lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.pop("ALLIANCE_LANG", None)
    env.update(
        LANG=lang,
        QT_QPA_PLATFORM="offscreen",
        ALLIANCE_VAULT="",
        # QSettings (and so the "language" preference) in a folder of the test's own.
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    return env


GUI_PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMainWindow

    app = QApplication(["alliance-desktop"])
    found = {}

    def probe():
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, probe)
            return
        window = windows[0]
        found["menus"] = [a.text() for a in window.menuBar().actions() if a.text()]
        from alliance_desktop.gui.workspace.client_dialogs import ClientDialog
        dialog = ClientDialog(parent=window)
        found["title"] = dialog.windowTitle()
        found["labels"] = [l.text() for l in dialog.findChildren(QLabel) if l.text()]
        found["buttons"] = [b.text() for box in dialog.findChildren(QDialogButtonBox)
                            for b in box.buttons()]
        print("PROBE " + json.dumps(found, ensure_ascii=False), flush=True)
        QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, probe)
    from alliance_desktop.gui.app import main
    sys.exit(main(["--demo"]))
    """
)


@pytest.mark.parametrize("language", sorted(LOCALES))
def test_the_desktop_app_speaks_the_system_language(tmp_path: Path, language: str):
    lang, menus, title = LOCALES[language]
    proc = subprocess.run(
        [sys.executable, "-c", GUI_PROBE],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path, lang),
        timeout=180,
        start_new_session=True,
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("PROBE ")), None)
    assert line is not None, proc.stderr[-2000:]
    found = json.loads(line.removeprefix("PROBE "))
    assert [m for m in menus if m in found["menus"]] == menus, found["menus"]
    assert found["title"] == title
    # Qt's own Cancel comes from qtbase_<lang>.qm, ours from the catalogue.
    cancel = {"fr": "Annuler", "de": "Abbrechen"}[language]
    assert cancel in found["buttons"], found["buttons"]
    english = {"Cancel", "Save client", "Goals", "&Goals", "Client code"}
    assert not english & set(found["buttons"] + found["labels"]), found


def _cli(tmp_path: Path, lang: str, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path, lang),
        timeout=180,
        start_new_session=True,
    )
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "demo.alliance"
    proc = _cli(folder, "C.UTF-8", "--vault", str(path), "--passphrase-stdin", "demo",
                "--clients", "6", "--sessions", "14", stdin=PASSPHRASE + "\n")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return path


ENGLISH_WORDS = (" the ", " session", " was ", " rupture on ")


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", (" la ", "séance", "rupture")), ("de", (" der ", "Sitzung", "bruch"))],
)
def test_stats_json_messages_are_translated_and_keys_stay_english(
    tmp_path: Path, demo_vault: Path, language: str, words: tuple[str, ...]
):
    lang = LOCALES[language][0]
    english = _cli(tmp_path, "C.UTF-8", "--vault", str(demo_vault), "--passphrase-stdin",
                   "stats", "--json", stdin=PASSPHRASE + "\n")  # fmt: skip
    local = _cli(tmp_path, lang, "--vault", str(demo_vault), "--passphrase-stdin",
                 "stats", "--json", stdin=PASSPHRASE + "\n")  # fmt: skip
    assert english.returncode == local.returncode == 0, local.stderr
    en_doc, doc = json.loads(english.stdout), json.loads(local.stdout)

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    assert keys(doc) == keys(en_doc)
    en_alerts = [a for c in en_doc["clients"] for a in c["alerts"]]
    alerts = [a for c in doc["clients"] for a in c["alerts"]]
    assert alerts and len(alerts) == len(en_alerts)
    assert [a["kind"] for a in alerts] == [a["kind"] for a in en_alerts]
    for mine, theirs in zip(alerts, en_alerts, strict=True):
        assert mine["message"] != theirs["message"], mine
        assert not any(w in mine["message"] for w in (" the ", " was ")), mine["message"]
    text = " ".join(a["message"] for a in alerts)
    assert all(w in text for w in words), text
    # The caveats are sentences too.
    assert doc["strategy_caveats"] != en_doc["strategy_caveats"]


def test_stats_text_and_errors_follow_alliance_lang(tmp_path: Path, demo_vault: Path):
    env_lang = "fr_FR.UTF-8"
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(demo_vault),
         "--passphrase-stdin", "stats", "--client", "Nobody 99"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, encoding="utf-8",
        env={**_env(tmp_path, env_lang), "ALLIANCE_LANG": "de"}, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Klienten mit dem Code 'Nobody 99'" in proc.stderr, proc.stderr
    proc = _cli(tmp_path, env_lang, "--vault", str(demo_vault), "--passphrase-stdin", "stats",
                stdin=PASSPHRASE + "\n")  # fmt: skip
    assert proc.returncode == 0
    first = proc.stdout.splitlines()[0]
    assert "6 clients, " in first and "séances" in first, first
    # Column names stay what scripts expect.
    assert "client" in proc.stdout.splitlines()[2] and "sessions" in proc.stdout.splitlines()[2]
