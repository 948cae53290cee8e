"""Trainee practice in the real app: examples, feedback after saving, practice clients,
the practice log and the daily reminder."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget

from alliance_desktop.app.settings import update_settings
from alliance_desktop.domain.models import Client, Reflection, Session
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.vignettes import VIGNETTES, vignette
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.trainee.reminder import REMINDER_TEXT, ms_until
from alliance_desktop.insights.practice_log import practice_log
from alliance_desktop.insights.reflection_feedback import (
    Level,
    chosen_level,
    level_tag,
    with_chosen_level,
)
from alliance_desktop.reports.supervision import PacketOptions, build_packet
from alliance_desktop.vault import Vault

PASS = "trainee gui passphrase"
SHOTS = Path("/work/plan/shots")


@pytest.fixture
def ctl(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    vault = Vault.create(path, PASS)
    real = vault.save_client(Client("Bryn 02", goals="Sleep"))
    for day in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)):
        vault.save_session(Session(real.id, day, 7, 6, reflection=Reflection(
            "free", {"text": "I felt tense because she went quiet; maybe next time I will ask."})))  # fmt: skip
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    c = AppController(app, path, prefs, theme)
    c.start(vault)
    qtbot.waitUntil(lambda: c.window is not None and c.window.isVisible())
    yield c
    c.dispose()
    theme.deleteLater()


def _answer(fill) -> None:
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        fill(dialog)

    QTimer.singleShot(0, attempt)


def test_show_example_toggle_shows_section_example(ctl, qtbot):
    w = ctl.window
    w.actionNewSession.trigger()
    editor = w.editor.reflectionEditor
    editor.setTemplate("gibbs")
    section = TEMPLATES_BY_KEY["gibbs"].sections[1]
    button = editor.exampleButton(section.key)
    label = editor.exampleLabel(section.key)
    assert button.accessibleName() and button.objectName()
    assert not label.isVisible()
    button.click()
    assert label.isVisible() and section.example in label.text()
    assert button.text() == "Hide example"
    # From the keyboard: Ctrl+Shift+E in the section's text.
    edit = editor.sectionEdit(section.key)
    [shortcut] = [s for s in edit.findChildren(QShortcut)
                  if s.key().toString() == "Ctrl+Shift+E"]  # fmt: skip
    assert shortcut.context() == Qt.ShortcutContext.WidgetShortcut
    shortcut.activated.emit()
    assert not label.isVisible()
    # The placeholder still holds the hint.
    assert edit.placeholderText() == section.hint


def _write_and_save(ctl, qtbot, client_id: int, text: str):
    w = ctl.window
    w.reloadClients(select=client_id)
    w.actionNewSession.trigger()
    for name, digit in (("trustInput", "7"), ("engagementInput", "6")):
        field = w.editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digit)
    w.editor.findChild(QPlainTextEdit, "reflectionEdit").setPlainText(text)
    w.saveSession()
    return w.trainee.feedback


def _practice_client(ctl) -> Client:
    return ctl.vault.add_practice_client(VIGNETTES[0].key)


def test_feedback_card_on_a_practice_client_shows_hints_not_a_verdict(ctl, qtbot):
    client = _practice_client(ctl)
    card = _write_and_save(ctl, qtbot, client.id,
                           "I felt frustrated because she has social anxiety because of school. "
                           "Next time I will offer a choice.")  # fmt: skip
    assert card.isVisible()
    assert "not chosen" in card.summary.text()
    body = card.checks.text()
    assert "frustrated" in body and "next step" in body.lower()
    hints = card.rubric.hints.text()
    assert "often mark explaining" in hints and "because" in hints and "not a score" in hints
    assert "questioning the frame" not in hints
    # Nothing is pre-chosen from the words: no level radio is checked.
    assert card.rubric.checkedLevel() is None
    assert not any(r.isChecked() for r in card.rubric.radios.values())
    assert not card.rubric.saveButton.isEnabled()
    card.dismiss.click()
    assert not card.isVisible() and not card.checks.text()


def test_feedback_card_is_off_for_a_real_client_unless_the_setting_is_on(ctl, qtbot):
    real = ctl.vault.client_by_code("Bryn 02")
    card = _write_and_save(ctl, qtbot, real.id, "I felt tense. Next time I will ask.")
    assert not card.isVisible()
    operations.run(ctl.window, update_settings, ctl.vault, {"feedback.card_for_all": True})
    card = _write_and_save(ctl, qtbot, real.id, "I felt tense. Next time I will ask.")
    assert card.isVisible()


def test_choosing_a_level_in_the_rubric_keeps_it_with_the_session(ctl, qtbot):
    client = _practice_client(ctl)
    card = _write_and_save(ctl, qtbot, client.id, "She went quiet. I wonder why.")
    rubric = card.rubric
    sid = card.session_id
    assert sid is not None
    # Keyboard: the radios are reachable and choosable.
    radio = rubric.radios[Level.ANALYTIC]
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert rubric.checkedLevel() == Level.ANALYTIC and rubric.saveButton.isEnabled()
    rubric.saveButton.click()
    saved = ctl.vault.session(sid)
    assert chosen_level(saved.tags) == Level.ANALYTIC
    assert saved.reflection.plain_text() == "She went quiet. I wonder why."
    assert card.isVisible() and "Weighing other readings" in card.summary.text()
    assert "You chose: Weighing other readings" in rubric.status.text()
    assert not rubric.saveButton.isEnabled()  # already kept
    # The supervisor's choice is kept apart and does not replace the writer's.
    rubric.chooser.setCurrentIndex(rubric.chooser.findData("supervisor"))
    assert rubric.checkedLevel() is None
    rubric.radios[Level.REFLECTIVE].click()
    rubric.saveButton.click()
    saved = ctl.vault.session(sid)
    assert chosen_level(saved.tags) == Level.ANALYTIC
    assert chosen_level(saved.tags, "supervisor") == Level.REFLECTIVE
    assert "supervisor chose: Explaining it from my side" in rubric.status.text()
    # Clearing one's own choice leaves the supervisor's.
    rubric.chooser.setCurrentIndex(rubric.chooser.findData("self"))
    assert rubric.checkedLevel() == Level.ANALYTIC
    rubric.clearButton.click()
    saved = ctl.vault.session(sid)
    assert chosen_level(saved.tags) is None
    assert chosen_level(saved.tags, "supervisor") == Level.REFLECTIVE
    # The practice log uses the chosen levels.
    ctl.vault.save_session(saved.with_(tags=with_chosen_level(saved.tags, Level.CRITICAL)))
    log = practice_log(ctl.vault.sessions(), ctl.vault.clients(), practice_only=True)
    assert log.median_level() == Level.CRITICAL


def test_rubric_examples_toggle(ctl, qtbot):
    client = _practice_client(ctl)
    card = _write_and_save(ctl, qtbot, client.id, "She arrived late.")
    rubric = card.rubric
    label = rubric.examples[Level.DESCRIPTIVE]
    assert not label.isVisible()
    rubric.examplesButton.click()
    assert label.isVisible() and "She arrived ten minutes late" in label.text()
    assert rubric.examplesButton.text() == "Hide examples"


@pytest.mark.parametrize("dark", [False, True])
def test_feedback_card_screenshot(ctl, qtbot, dark: bool):
    if dark:
        ctl.theme.set_choice("dark")
    client = _practice_client(ctl)
    card = _write_and_save(ctl, qtbot, client.id,
                           "I felt uneasy because she went quiet; perhaps she was tired. "
                           "Next time I will ask how the pace feels.")  # fmt: skip
    card.rubric.radios[Level.REFLECTIVE].click()
    card.rubric.saveButton.click()
    card.resize(820, card.sizeHint().height())
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert card.grab().save(str(SHOTS / f"feedback-card-{'dark' if dark else 'light'}.png"))
    levels = (Level.DESCRIPTIVE, Level.REFLECTIVE, Level.REFLECTIVE)
    for s, level in zip(ctl.vault.sessions()[:3], levels, strict=True):
        tags = with_chosen_level(s.tags, level)
        ctl.vault.save_session(
            s.with_(tags=with_chosen_level(tags, Level.REFLECTIVE, "supervisor"))
        )
    ctl.window.trainee.actionPracticeLog.trigger()
    dialog = ctl.window.trainee.logDialog
    assert dialog is not None
    assert dialog.grab().save(str(SHOTS / f"practice-log-{'dark' if dark else 'light'}.png"))


def test_practice_client_added_marked_and_left_out(ctl, qtbot):
    w = ctl.window

    def pick(dialog: QDialog) -> None:
        dialog.list.setCurrentRow(2)
        dialog.addButton.click()

    _answer(pick)
    w.trainee.actionAddPracticeClient.trigger()
    v = vignette("different_destinations")
    client = ctl.vault.client_by_code(v.code)
    assert client is not None and client.is_practice
    ctl.vault.save_session(Session(client.id, date(2026, 3, 10), 2, 2, supervision=True))
    w.reloadClients(select=client.id)
    row = w.clientModel.rowForClient(client.id)
    display = w.clientModel.index(row, 0).data()
    assert "practice" in display  # a word, not a colour
    assert w.trainee.sceneCard.isVisible() and v.scene in w.trainee.sceneText.text()
    # Dashboard/caseload and packets leave it out.
    w.insights.refreshNow()
    assert client.id not in {row.client.id for row in w.insights.analysis.caseload}
    assert client.id not in w.insights.analysis.clients
    ident = build_packet(ctl.vault, PacketOptions(identify=True))
    assert v.code not in ident.html()
    # A real client's page has no scene.
    real = ctl.vault.client_by_code("Bryn 02")
    w.selectClient(real.id)
    assert not w.trainee.sceneCard.isVisible()


def test_practice_log_has_data_and_a_figure(ctl, qtbot):
    w = ctl.window
    action = w.findChild(type(w.actionLock), "actionPracticeLog")
    assert action is not None
    action.trigger()
    dialog = w.trainee.logDialog
    assert dialog is not None and dialog.isVisible()
    log = dialog.log
    assert log.total == 3 and sum(wk.reflections for wk in log.weeks) == 3
    assert log.templates == (("free", 3),)
    fig = dialog.chart.figure()
    gids = {a.get_gid() for ax in fig.axes for a in ax.get_children()}
    assert {"reflections", "level-empty", "templates"} <= gids
    text = dialog.summary.text()
    assert "3 reflections over 3 weeks" in text and "No level chosen yet" in text
    assert "estimate" not in text and "mean" not in text.replace("median", "")
    dialog.practiceOnly.setChecked(True)
    assert dialog.log.is_empty


def test_practice_log_summary_plurals_and_median(ctl, qtbot):
    w = ctl.window
    w.trainee.actionPracticeLog.trigger()
    dialog = w.trainee.logDialog
    one = practice_log([Session(1, date(2026, 3, 2), 5, 5, tags=(level_tag(Level.ANALYTIC),),
                                reflection=Reflection("free", {"text": "x"}))])  # fmt: skip
    text = dialog.summaryText(one)
    assert text.startswith("1 reflection in 1 week.") and "weeks" not in text
    assert "(1 of 1): Weighing other readings" in text
    sessions = [s.with_(tags=(level_tag(lvl),)) for s, lvl in
                zip(ctl.vault.sessions(), (Level.DESCRIPTIVE, Level.DESCRIPTIVE, Level.CRITICAL), strict=True)]  # fmt: skip
    for s in sessions:
        ctl.vault.save_session(s)
    dialog.refresh()
    text = dialog.summary.text()
    # 1, 1, 4: the median is the first level (a mean of 2 would claim the second).
    assert "(3 of 3): Telling what happened" in text
    gids = {a.get_gid() for ax in dialog.chart.figure().axes for a in ax.get_children()}
    assert {"level-points", "level-median"} <= gids


def test_reminder_fires_without_client_data(ctl, qtbot, monkeypatch):
    w = ctl.window
    reminder = w.trainee.reminder
    ctl.prefs.set({"reminder_enabled": True, "reminder_time": "09:15"})
    w.trainee.preferencesChanged()
    assert reminder.timer.isActive()
    assert ms_until(time(9, 15), datetime(2026, 3, 2, 9, 0)) == 15 * 60 * 1000
    assert ms_until(time(9, 15), datetime(2026, 3, 2, 9, 30)) == (23 * 60 + 45) * 60 * 1000
    seen: list[str] = []
    reminder.fired.connect(seen.append)
    reminder.timer.setInterval(1)
    reminder.timer.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    text = seen[0]
    assert text == REMINDER_TEXT
    for c in ctl.vault.clients():
        assert c.code not in text
    assert reminder.timer.isActive()  # tomorrow's is planned
    # No tray offscreen: the status bar says it.
    if not reminder.tray:
        assert w.statusBar().currentMessage() == text
    ctl.prefs.set({"reminder_enabled": False})
    w.trainee.preferencesChanged()
    assert not reminder.timer.isActive()


def test_after_saving_from_trends_the_timeline_shows_the_feedback_card(ctl, qtbot):
    """Issue 12: saving a practice session used to land back on Trends, card hidden."""
    w = ctl.window
    w.show()
    qtbot.waitExposed(w)
    client = _practice_client(ctl)
    w.reloadClients(select=client.id)
    tabs = w.ui.clientTabs
    tabs.setCurrentIndex(w.insights.trendsIndex)  # the user was looking at Trends
    w.actionNewSession.trigger()
    assert tabs.currentIndex() == w.insights.trendsIndex
    for name, digit in (("trustInput", "7"), ("engagementInput", "6")):
        field = w.editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digit)
    w.editor.findChild(QPlainTextEdit, "reflectionEdit").setPlainText(
        "I felt unsure because she went quiet. Next time I will ask."
    )
    w.saveSession()
    card = w.trainee.feedback
    qtbot.waitUntil(card.isVisible, timeout=3000)
    assert tabs.currentIndex() != w.insights.trendsIndex
    assert tabs.currentWidget().isAncestorOf(card)
    assert card.session_id is not None and card.summary.text().startswith("1 of 1 prompt ·")
