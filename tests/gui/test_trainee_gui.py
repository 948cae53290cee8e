"""Trainee practice in the real app: examples, feedback after saving, practice clients,
the practice log and the daily reminder."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget

from alliance_desktop.domain.models import Client, Reflection, Session
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.vignettes import vignette
from alliance_desktop.gui.controller import AppController
from alliance_desktop.gui.preferences import Preferences
from alliance_desktop.gui.theme import ThemeManager
from alliance_desktop.gui.trainee import REMINDER_TEXT, ms_until
from alliance_desktop.insights.practice_log import practice_log
from alliance_desktop.reports.supervision import PacketOptions, build_packet
from alliance_desktop.vault import Vault

PASS = "trainee gui passphrase"


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


def test_feedback_card_appears_after_save_with_level_estimate(ctl, qtbot):
    w = ctl.window
    w.actionNewSession.trigger()
    for name, digit in (("trustInput", "7"), ("engagementInput", "6")):
        field = w.editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digit)
    w.editor.findChild(QPlainTextEdit, "reflectionEdit").setPlainText(
        "I felt frustrated because he rejected the plan. Next time I will offer a choice."
    )
    w.saveSession()
    card = w.trainee.feedback
    assert card.isVisible()
    assert "(an estimate)" in card.summary.text()
    body = card.body.text()
    assert "frustrated" in body and "next step" in body.lower()
    card.dismiss.click()
    assert not card.isVisible() and not card.body.text()


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
    assert {"reflections", "depth-points", "templates"} <= gids
    assert "estimate" in dialog.summary.text()
    dialog.practiceOnly.setChecked(True)
    assert dialog.log.is_empty


def test_practice_log_pure_function_counts_weeks_and_filters_practice():
    practice = Client("P", is_practice=True, id=2)
    real = Client("R", id=1)
    sessions = [
        Session(1, date(2026, 1, 5), 5, 5, reflection=Reflection("quick", {"felt": "sad"})),
        Session(
            2,
            date(2026, 1, 20),
            5,
            5,
            reflection=Reflection("gibbs", {"analysis": "Perhaps it was because of power."}),
        ),
        Session(1, date(2026, 1, 21), 5, 5),  # no words: not a reflection
    ]
    log = practice_log(sessions, [practice, real])
    assert [wk.reflections for wk in log.weeks] == [1, 0, 1]
    assert log.weeks[1].mean_depth is None
    assert dict(log.templates) == {"quick": 1, "gibbs": 1}
    only = practice_log(sessions, [practice, real], practice_only=True)
    assert only.total == 1 and only.depths[0].depth > log.depths[0].depth


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
