"""Issue 12: a fast, calm editor. The reflection takes the free height, the editor
scrolls as a whole only in a small window, duration and modality start from the last
session, and one line recalls the last session's ratings and plan."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit, QSpinBox

from alliance_desktop.app import access
from alliance_desktop.domain import (
    Client,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault

PASS = "flow twelve editor passphrase"
CODE = "Wren 12"
SHOTS = Path(os.environ.get("FLOW12_SHOTS", "/work/plan/shots"))


@pytest.fixture
def ctl(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    with Vault.create(path, PASS) as v:
        wren = v.save_client(Client(CODE, goals="Sleep through the night"))
        v.save_session(Session(wren.id, date(2025, 11, 17), trust=5, engagement=5))
        v.save_session(
            Session(
                wren.id,
                date(2025, 11, 24),
                trust=7,
                engagement=6,
                goal_alignment=8,
                duration_min=50,
                modality=Modality.VIDEO,
                reflection=Reflection(
                    "gibbs", {"description": "Quiet start.", "action_plan": "Ask about sleep"}
                ),
            )
        )
        v.save_client(Client("Ibis 40"))
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    controller = AppController(app, path, prefs, theme)
    controller.start(access.unlock(path, PASS))
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    yield controller
    controller.dispose()
    theme.set_choice("light")
    theme.deleteLater()


def _open_new_session(ctl: AppController, code: str = CODE):
    window = ctl.window
    window.selectClient(ctl.vault.client_by_code(code).id)
    window.actionNewSession.trigger()
    return window.editor


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(1)


def test_reflection_takes_the_free_height_and_scrolls_only_when_small(ctl, qtbot):
    window = ctl.window
    editor = _open_new_session(ctl)
    window.resize(1600, 1000)
    _settle(qtbot)
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    assert reflection.height() >= editor.height() / 3
    assert editor.ui.scrollArea.verticalScrollBar().maximum() == 0
    window.resize(900, 600)
    _settle(qtbot)
    assert editor.ui.scrollArea.verticalScrollBar().maximum() > 0
    # Still a writing area, not a slit: at least six lines.
    assert reflection.height() >= 6 * reflection.fontMetrics().lineSpacing()


def test_new_session_starts_from_the_last_one_and_recalls_it(ctl, qtbot):
    editor = _open_new_session(ctl)
    duration = editor.findChild(QSpinBox, "durationInput")
    modality = editor.findChild(QComboBox, "modalityInput")
    assert duration is not None and modality is not None
    assert duration.value() == 50
    assert modality.currentData() == Modality.VIDEO.value
    strip = editor.findChild(QLabel, "lastSessionStrip")
    assert strip.isVisible()
    text = strip.text()
    assert text.startswith("Last time (24 Nov")
    assert "trust 7" in text and "engagement 6" in text
    assert "plan: Ask about sleep" in text
    assert "\n" not in text
    assert strip.accessibleName()
    # The ratings still start empty: they are this session's to give.
    assert editor.ratings["trust"].getValue() is None


def test_a_first_session_has_no_strip_and_empty_defaults(ctl, qtbot):
    editor = _open_new_session(ctl, "Ibis 40")
    assert not editor.findChild(QLabel, "lastSessionStrip").isVisible()
    assert editor.findChild(QSpinBox, "durationInput").value() == 0
    assert editor.findChild(QComboBox, "modalityInput").currentData() is None


def _no_sideways_scroll(editor) -> None:
    scroll = editor.ui.scrollArea
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.horizontalScrollBar().maximum() == 0
    assert editor.ui.scrollContents.width() <= scroll.viewport().width()


def test_at_900x600_the_editor_never_scrolls_sideways(ctl, qtbot):
    window = ctl.window
    wren = ctl.vault.client_by_code(CODE)
    saved = ctl.vault.save_session(
        Session(
            wren.id,
            date(2025, 12, 1),
            trust=6,
            engagement=6,
            goal_alignment=5,
            approach_fit=7,
            outcome_rating=22,
            ruptures=[
                Rupture(
                    RuptureType.WITHDRAWAL,
                    Resolution.PARTIAL,
                    markers=("avoidant_storytelling", "content_affect_split"),
                    salience=4,
                    repair_strategies=("clarify_misunderstanding",),
                    note="Told long stories whenever sleep came up.",
                )
            ],
            strategies=("validate", "small_steps"),
            tags=("sleep", "family"),
            reflection=Reflection("free", {"text": "Quiet start, sleep again."}),
        )
    )
    window.resize(900, 600)
    window.openSession(saved.id)
    editor = window.editor
    for section in (editor.rupturesSection, editor.strategiesSection, editor.tagsSection):
        section.setExpanded(True)
    card = editor.addRupture()
    card.typeButtons[RuptureType.CONFRONTATION].setChecked(True)
    _settle(qtbot)
    assert window.width() <= 900
    _no_sideways_scroll(editor)
    # The markers fall into one column rather than pushing the card wider.
    first, second = (card.markerBoxes[k] for k in ("complaint_progress", "rejects_intervention"))
    assert first.isVisible() and second.isVisible()
    editor.showForReading(ctl.vault.session(saved.id), "sleep")
    _settle(qtbot)
    _no_sideways_scroll(editor)
    for theme in ("dark", "light"):
        ctl.theme.set_choice(theme)
        _settle(qtbot)
        _no_sideways_scroll(editor)


def test_screenshots_of_the_editor_and_the_lock_screen(ctl, qtbot):
    SHOTS.mkdir(parents=True, exist_ok=True)
    window = ctl.window
    editor = _open_new_session(ctl)
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    qtbot.keyClicks(reflection, "He arrived late and sat by the door; we talked about sleep.")
    for theme in ("light", "dark"):
        ctl.theme.set_choice(theme)
        for w, h in ((1600, 1000), (900, 600)):
            window.resize(w, h)
            _settle(qtbot)
            assert window.grab().save(str(SHOTS / f"flow12_editor_{w}x{h}_{theme}.png"))
    ctl.theme.set_choice("light")
    window.resize(1000, 700)
    ctl.lock()
    _settle(qtbot)
    assert window.grab().save(str(SHOTS / "flow12_unlock_after_lock.png"))
