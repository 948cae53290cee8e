"""Issue 10 in the GUI, on a real vault: the outcome field, ruptures repaired later (from
the client page and from a later session's editor), the outcome chip and the settings."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from alliance_desktop.app import access
from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app.settings import load_settings, update_settings
from alliance_desktop.domain import Client, Resolution, Rupture, RuptureType, Session
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.settings_dialog import SettingsDialog
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController

TODAY = date.today()


@pytest.fixture
def ctl(tmp_path: Path, qtbot):
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    controller = AppController(app, tmp_path / "v.alliance", prefs, theme)
    controller.start(access.create(tmp_path / "v.alliance", "issue ten passphrase for tests"))
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    yield controller
    controller.dispose()
    theme.deleteLater()


def _client(ctl, code: str = "Bryn 02") -> int:
    client = app_clients.save_client(ctl.vault, Client(code, start_date=TODAY)).value
    assert client.id is not None
    return client.id


def _session(ctl, cid: int, day: date, **kw) -> Session:
    kw.setdefault("trust", 7)
    kw.setdefault("engagement", 7)
    return app_sessions.save_session(ctl.vault, Session(cid, day, **kw)).value


def _show(ctl, cid: int):
    window = ctl.window
    window.reloadClients(select=cid)
    window.ui.contentStack.setCurrentWidget(window.ui.clientPage)
    return window


def _with_open_rupture(ctl, *, later: int) -> tuple[int, int, date]:
    """A client with an open rupture and ``later`` sessions after it; (client, rupture, day)."""
    cid = _client(ctl)
    day = TODAY - timedelta(days=7 * (later + 1))
    saved = _session(
        ctl, cid, day, ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.PARTIAL, salience=4)]
    )
    for k in range(later):
        _session(ctl, cid, day + timedelta(days=7 * (k + 1)))
    rid = saved.ruptures[0].id
    assert rid is not None
    return cid, rid, day


# -- the outcome field ---------------------------------------------------------------


def test_outcome_typed_in_the_editor_is_saved(ctl, qtbot):
    cid = _client(ctl)
    window = _show(ctl, cid)
    window.actionNewSession.trigger()
    editor = window.editor
    for name, digit in (("trustInput", "8"), ("engagementInput", "6")):
        field = editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digit)
    box = editor.findChild(QWidget, "outcomeRatingInput")
    assert box.accessibleName() and box.specialValueText() == "not recorded"
    assert box.text() == "not recorded" and box.maximum() == 40
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "18.5")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert editor.outcomeRating() == 18.5
    editor.ui.saveSessionButton.click()
    [stored] = ctl.vault.sessions(cid)
    assert stored.outcome_rating == 18.5
    assert stored.client_rating is None  # kept apart from the session rating
    # It comes back when the session is opened again.
    window.openSession(stored.id)
    assert window.editor.outcomeRating() == 18.5


def test_outcome_above_the_scale_is_shown_on_the_field(ctl, qtbot):
    cid = _client(ctl)
    saved = _session(ctl, cid, TODAY, outcome_rating=38.0)
    # The scale is lowered afterwards (in another window, say): 38 no longer fits.
    update_settings(ctl.vault, {"outcome.max": 30})
    window = _show(ctl, cid)
    window.openSession(saved.id)
    editor = window.editor
    box = editor.ui.outcomeRatingInput
    assert box.value() == 38.0  # shown as stored, not silently clamped
    editor.ui.saveSessionButton.click()
    error = editor.ui.outcomeRatingError
    assert error.isVisible() and error.text().startswith("⚠ Outcome")
    assert "30" in error.text()
    assert box.accessibleDescription()  # read out with the field
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert ctl.vault.session(saved.id).outcome_rating == 38.0
    # Editing the field retires the message; a value inside the scale saves.
    box.setValue(29.0)
    assert not error.isVisible()
    editor.ui.saveSessionButton.click()
    assert ctl.vault.session(saved.id).outcome_rating == 29.0


# -- ruptures repaired later ----------------------------------------------------------


def test_mark_repaired_from_the_client_page(ctl, qtbot):
    cid, rid, day = _with_open_rupture(ctl, later=3)
    window = _show(ctl, cid)
    prompt = window.findChild(QWidget, "stillOpenPrompt")
    assert prompt.isVisibleTo(window)
    assert window.stillOpenLabel.text().startswith("Still open from ")
    assert "repaired since?" in window.stillOpenLabel.text()
    view = window.findChild(QWidget, "ruptureListView")
    model = view.model()
    assert model.rowCount() == 1 and model.openCount() == 1
    assert "Open" in model.index(0, 3).data()
    assert window.ui.clientTabs.tabText(window.rupturesIndex) == "Ruptures (1 open)"

    # Yes: the Ruptures tab opens on that rupture and asks the day (today by default).
    window.stillOpenYesButton.click()
    assert window.ui.clientTabs.currentWidget() is window.rupturesTab
    assert window.repairDateRow.isVisibleTo(window)
    assert window.repairDateEdit.date() == QDate.currentDate()
    assert window.repairDateEdit.minimumDate() == QDate(day.year, day.month, day.day)
    assert window.repairDateEdit.maximumDate() == QDate.currentDate()
    repaired_on = day + timedelta(days=14)
    window.repairDateEdit.setDate(QDate(repaired_on.year, repaired_on.month, repaired_on.day))
    window.confirmRepairButton.click()

    found = ctl.vault.rupture(rid)
    assert found is not None and found[1].resolved_on == repaired_on
    assert ctl.vault.open_ruptures(cid) == []
    assert model.openCount() == 0 and "Repaired on" in model.index(0, 3).data()
    assert not prompt.isVisibleTo(window)
    assert window.ui.clientTabs.tabText(window.rupturesIndex) == "Ruptures"
    assert not window.repairDateRow.isVisibleTo(window)
    assert [e for _at, e, _d in ctl.vault.audit_log()].count("rupture_repaired") == 1

    # Reopen takes it back: open again, and asked about again.
    view.selectRow(0)
    button = window.findChild(QPushButton, "reopenRuptureButton")
    assert button.isEnabled()
    button.click()
    assert ctl.vault.rupture(rid)[1].resolved_on is None
    assert model.openCount() == 1
    assert prompt.isVisibleTo(window)


def test_mark_repaired_button_on_the_list_and_not_yet(ctl, qtbot):
    cid, rid, _day = _with_open_rupture(ctl, later=3)
    window = _show(ctl, cid)
    window.stillOpenNotYetButton.click()
    assert not window.stillOpenPrompt.isVisibleTo(window)  # not asked again this time
    assert ctl.vault.rupture(rid)[1].resolved_on is None
    window.ui.clientTabs.setCurrentWidget(window.rupturesTab)
    window.ruptureListView.selectRow(0)
    mark = window.findChild(QPushButton, "markRepairedButton")
    assert mark.isEnabled() and mark.accessibleName()
    mark.click()
    assert window.repairDateEdit.hasFocus() or not window.isActiveWindow()
    qtbot.keyClick(window.repairDateEdit, Qt.Key.Key_Return)  # today, by keyboard
    assert ctl.vault.rupture(rid)[1].resolved_on == TODAY
    assert not mark.isEnabled()  # the selected rupture is no longer open


def test_no_prompt_while_the_rupture_is_recent(ctl, qtbot):
    cid, _rid, _day = _with_open_rupture(ctl, later=2)
    window = _show(ctl, cid)
    assert not window.stillOpenPrompt.isVisibleTo(window)
    assert window.ruptureModel.openCount() == 1


def test_mark_repaired_from_a_later_sessions_editor(ctl, qtbot):
    cid, rid, day = _with_open_rupture(ctl, later=3)
    window = _show(ctl, cid)
    assert window.stillOpenPrompt.isVisibleTo(window)
    window.actionNewSession.trigger()
    editor = window.editor
    [item] = editor.priorRuptureItems()
    assert item.rupture.id == rid and item.session_date == day
    assert editor.rupturesSection.hint.text() == "1 rupture from an earlier session is still open"
    editor.rupturesSection.setExpanded(True)
    label = editor.findChild(QWidget, "priorRuptureLabel_0")
    assert label.text().startswith("◆ Open rupture from ")
    button = editor.findChild(QPushButton, "priorRuptureRepairButton_0")
    assert button.text() == "Mark repaired" and button.accessibleName()
    button.click()

    assert ctl.vault.rupture(rid)[1].resolved_on == TODAY  # this session's date
    assert ctl.vault.open_ruptures(cid) == []
    assert "marked repaired on" in editor.findChild(QWidget, "priorRuptureLabel_0").text()
    assert not editor.isDirty()  # the repair is saved already; the new session is not
    # Undo from the same line, then mark it again.
    editor.findChild(QPushButton, "priorRuptureUndoButton_0").click()
    assert ctl.vault.rupture(rid)[1].resolved_on is None
    editor.findChild(QPushButton, "priorRuptureRepairButton_0").click()
    assert ctl.vault.rupture(rid)[1].resolved_on == TODAY
    # Back on the client page: it has left the open list and the prompt is gone.
    window.closeEditor()
    assert window.ruptureModel.openCount() == 0
    assert not window.stillOpenPrompt.isVisibleTo(window)


def test_editing_the_ruptures_session_keeps_a_later_repair(ctl, qtbot):
    cid, rid, _day = _with_open_rupture(ctl, later=1)
    from alliance_desktop.app.ruptures import repair_rupture

    repair_rupture(ctl.vault, rid, TODAY)
    window = _show(ctl, cid)
    first = min(ctl.vault.sessions(cid), key=lambda s: s.date)
    window.openSession(first.id)
    card = window.editor.ruptureEditors()[0]
    assert not card.repairedLaterLabel.isHidden()
    assert "Marked repaired later" in card.repairedLaterLabel.text()
    assert window.editor.priorRuptureItems() == []  # its own rupture is not "earlier"
    card.noteEdit.setPlainText("He came back to it two weeks later.")
    window.editor.ui.saveSessionButton.click()
    saved = ctl.vault.rupture(rid)
    assert saved is not None and saved[1].resolved_on == TODAY
    assert saved[1].note == "He came back to it two weeks later."


# -- the outcome chip ----------------------------------------------------------------


def test_outcome_chip_for_a_recovered_client(ctl, qtbot):
    cid = _client(ctl)
    start = TODAY - timedelta(days=70)
    for k, value in enumerate((18.0, None, 24.0, 31.0)):
        _session(ctl, cid, start + timedelta(days=14 * k), outcome_rating=value)
    window = _show(ctl, cid)
    chip = window.findChild(QWidget, "outcomeStatusChip")
    assert chip.isVisibleTo(window)
    assert chip.text() == "✓ Recovered · outcome 18 → 31"
    assert chip.status() == "recovered"
    assert "reliable change" in chip.toolTip().lower() and chip.accessibleName()
    assert "not why" in chip.toolTip()  # it claims no cause


def test_outcome_chip_hidden_below_two_values_and_for_deterioration(ctl, qtbot):
    cid = _client(ctl)
    _session(ctl, cid, TODAY - timedelta(days=14), outcome_rating=30.0)
    window = _show(ctl, cid)
    chip = window.outcomeChip
    assert not chip.isVisibleTo(window) and chip.text() == ""
    # Saved through the one path, the page hears of it and redraws the chip.
    operations.run(
        window, app_sessions.save_session, ctl.vault, Session(cid, TODAY, 7, 7, outcome_rating=22.0)
    )
    assert chip.isVisibleTo(window)
    assert chip.text() == "▼ Deteriorated · outcome 30 → 22"
    other = _client(ctl, "Dex")
    _show(ctl, other)
    assert window.currentClientId() == other
    assert not chip.isVisibleTo(window)


def test_lock_forgets_the_rupture_list_and_chip(ctl, qtbot):
    cid, _rid, _day = _with_open_rupture(ctl, later=3)
    for k, value in enumerate((12.0, 30.0)):
        _session(ctl, cid, TODAY - timedelta(days=k), outcome_rating=value)
    window = _show(ctl, cid)
    assert window.ruptureModel.rowCount() == 1 and window.outcomeChip.text()
    ctl.lock()
    assert window.ruptureModel.rowCount() == 0
    assert window.outcomeChip.text() == "" and window.stillOpenLabel.text() == ""


# -- settings --------------------------------------------------------------------------


def test_settings_round_trip_of_the_new_fields(ctl, qtbot):
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(10, fill)
            return
        ui = dialog.ui
        assert dialog.findChild(QWidget, "gapSpin") is None  # no rule reads it any more
        assert ui.engagementFallingLabel.text() == "&Engagement falling at"
        assert (ui.outcomeMaxSpin.value(), ui.outcomeCutoffSpin.value()) == (40, 25)
        assert ui.outcomeReliableSpin.value() == 5 and not ui.feedbackCardCheck.isChecked()
        ui.outcomeMaxSpin.setValue(36)
        ui.outcomeCutoffSpin.setValue(20)
        ui.outcomeReliableSpin.setValue(6)
        ui.strategyMinUsesSpin.setValue(8)
        ui.strategyMinClientsSpin.setValue(4)
        ui.notSeenWeeksSpin.setValue(10)
        ui.recentWeeksSpin.setValue(12)
        ui.feedbackCardCheck.setChecked(True)
        dialog.findChild(QPushButton, "okButton").click()

    QTimer.singleShot(0, fill)
    ctl.openSettings()
    saved = load_settings(ctl.vault)
    assert (saved.outcome.maximum, saved.outcome.cutoff, saved.outcome.reliable_change) == (
        36,
        20,
        6,
    )
    ins = saved.insights
    assert (ins.strategy_min_uses, ins.strategy_min_clients) == (8, 4)
    assert (ins.not_seen_weeks, ins.recent_weeks) == (10, 12)
    assert saved.feedback.card_for_all is True
    assert [e for _at, e, _d in ctl.vault.audit_log()].count("settings_changed") == 1

    # Opened again, the dialog shows what was stored.
    dialog = SettingsDialog({}, saved.to_mapping())
    qtbot.addWidget(dialog)
    assert dialog.ui.outcomeMaxSpin.value() == 36 and dialog.ui.feedbackCardCheck.isChecked()
    assert dialog.ui.notSeenWeeksSpin.value() == 10
    # And the editor's outcome field follows the new maximum.
    cid = _client(ctl)
    window = _show(ctl, cid)
    window.actionNewSession.trigger()
    assert window.editor.ui.outcomeRatingInput.maximum() == 36
    assert window.editor.ui.outcomeRatingScaleLabel.text() == "of 36 · optional"


def test_outcome_cutoff_above_the_maximum_is_refused_on_the_field(qtbot):
    dialog = SettingsDialog({}, {})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    ui.outcomeMaxSpin.setValue(20)
    assert ui.outcomeError.isVisible()
    assert ui.outcomeError.text().startswith("⚠ Clinical cutoff:")
    assert "(20)" in ui.outcomeError.text()
    assert ui.outcomeCutoffSpin.accessibleDescription()
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    ui.outcomeCutoffSpin.setValue(15)
    assert not ui.outcomeError.isVisible()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
