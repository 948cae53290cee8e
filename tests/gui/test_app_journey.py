"""The whole journey through the real app: a real vault, real widgets, offscreen.

create vault → add client → write a session with a rupture and strategies → timeline →
search → lock (the canary is gone from every widget and model) → unlock → still there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController

PASS = "journey passphrase for tests"
CANARY = "zebracanary"


@pytest.fixture
def controller(tmp_path: Path, qtbot):
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, tmp_path / "vault.alliance", prefs, theme)
    yield ctl
    ctl.dispose()
    theme.deleteLater()


def _create_vault(ctl: AppController, qtbot) -> None:
    ctl.start()
    unlock = ctl.unlock_window
    assert unlock.mode() == "create"
    unlock.findChild(QLineEdit, "newPassphraseEdit").setText(PASS)
    unlock.findChild(QLineEdit, "confirmPassphraseEdit").setText(PASS)
    button = unlock.findChild(QPushButton, "createVaultButton")
    qtbot.waitUntil(button.isEnabled)
    button.click()
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.isVisible())


def _answer_dialog(fill) -> None:
    """Fill the next modal dialog once it shows (exec() blocks the test otherwise)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        fill(dialog)

    QTimer.singleShot(0, attempt)


def _add_client(window, code: str, goals: str = "") -> None:
    def fill(dialog: QDialog) -> None:
        dialog.findChild(QLineEdit, "clientCodeEdit").setText(code)
        dialog.findChild(QPlainTextEdit, "goalsEdit").setPlainText(goals)
        dialog.findChild(QPushButton, "saveClientButton").click()

    _answer_dialog(fill)
    window.actionNewClient.trigger()


def _write_session(window, qtbot, *, trust: str = "8", engagement: str = "6") -> None:
    window.actionNewSession.trigger()
    editor = window.editor
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    for name, digits in (("trustInput", trust), ("engagementInput", engagement)):
        field = editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digits)
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    qtbot.keyClicks(reflection, f"He went quiet about the {CANARY} homework")
    editor.findChild(QPushButton, "addRuptureButton").click()
    rupture = editor.ruptureEditors()[0]
    rupture.findChild(QRadioButton, "ruptureType_withdrawal").click()
    rupture.findChild(QCheckBox, "ruptureMarker_minimal_response").click()
    rupture.findChild(QRadioButton, "ruptureResolution_partial").click()
    rupture.findChild(QPlainTextEdit, "ruptureNote").setPlainText(f"{CANARY} in the rupture note")
    for key in ("validate", "small_steps"):
        editor.findChild(QCheckBox, f"strategy_{key}").click()


def _texts_in_widgets() -> list[str]:
    texts: list[str] = []
    for w in QApplication.allWidgets():
        texts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.statusTip()]
        if isinstance(w, QLineEdit):
            texts.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            texts.append(w.toPlainText())
            assert not w.document().isUndoAvailable() or CANARY not in w.toPlainText()
        elif isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += _texts_in_model(w.model())
    for model in QApplication.instance().findChildren(QAbstractItemModel):
        texts += _texts_in_model(model)
    return texts


def _texts_in_model(model: QAbstractItemModel) -> list[str]:
    out = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole)
    for row in range(model.rowCount()):
        for col in range(max(1, model.columnCount())):
            for role in roles:
                value = model.data(model.index(row, col), role)
                if value is not None:
                    out.append(str(value))
    return out


def test_whole_journey(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    window = controller.window
    assert window.ui.contentStack.currentWidget() is window.ui.emptyPage

    _add_client(window, "Bryn 02", goals="Sleep through the night")
    assert window.clientModel.rowCount() == 1
    assert "Bryn 02" in window.ui.clientTitle.text()

    _write_session(window, qtbot)
    window.editor.findChild(QPushButton, "saveSessionButton").click()

    # The timeline shows the saved session compactly.
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage
    model = window.timelineModel
    assert model.rowCount() == 1
    session = model.session(0)
    assert (session.trust, session.engagement) == (8, 6)
    assert session.strategies == ("validate", "small_steps") or set(session.strategies) == {
        "validate",
        "small_steps",
    }
    assert session.ruptures[0].markers == ("minimal_response",)
    ratings = model.data(model.index(0, model.COLUMNS.index("ratings")))
    assert ratings.startswith("Trust 8 · Engagement 6")
    ruptures = model.data(model.index(0, model.COLUMNS.index("ruptures")))
    assert "partly" in ruptures
    assert model.data(model.index(0, model.COLUMNS.index("strategies"))) == "2"

    # Search finds it, highlights the word, and Enter opens the session.
    window.focusSearch()
    qtbot.keyClicks(window.searchEdit, CANARY)
    qtbot.waitUntil(lambda: window.searchModel.rowCount() == 1)
    hit_html = window.searchModel.data(window.searchModel.index(0, 0), window.searchModel.HTML_ROLE)
    assert f"<u>{CANARY}</u>" in hit_html
    qtbot.keyClick(window.searchEdit, Qt.Key.Key_Return)
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert CANARY in window.editor.findChild(QPlainTextEdit, "reflectionEdit").toPlainText()
    window.closeEditor()

    # Lock: nothing of the canary remains in any widget or model.
    window.actionLock.trigger()
    assert controller.vault is None
    assert window.ui.rootStack.currentWidget() is window.ui.lockedPage
    leftovers = [t for t in _texts_in_widgets() if CANARY in t or "Bryn 02" in t]
    assert leftovers == []
    assert not window.actionNewSession.isEnabled()

    # Unlock again: everything is still there.
    unlock = controller.unlock_window
    assert unlock.mode() == "unlock"
    unlock.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    unlock.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: controller.vault is not None)
    assert window.ui.rootStack.currentWidget() is window.ui.workspacePage
    assert window.timelineModel.rowCount() == 1
    assert window.timelineModel.session(0).reflection.plain_text().startswith("He went quiet")


def test_wrong_passphrase_keeps_vault_locked(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    controller.window.actionLock.trigger()
    unlock = controller.unlock_window
    field = unlock.findChild(QLineEdit, "passphraseEdit")
    field.setText("not the right passphrase")
    unlock.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: "Wrong passphrase" in " ".join(
        label.text() for label in unlock.findChildren(QLabel)))  # fmt: skip
    assert controller.vault is None
    assert field.text() == ""


def test_editor_marks_invalid_fields(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    window = controller.window
    _add_client(window, "Dex")
    window.actionNewSession.trigger()
    reflection = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
    qtbot.keyClicks(reflection, "Forgot to rate")
    window.editor.findChild(QPushButton, "saveSessionButton").click()
    # Nothing saved; the required ratings say why, next to the fields.
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert controller.vault.sessions() == []
    messages = " ".join(
        label.text() for label in window.editor.findChildren(QLabel) if label.isVisible()
    )
    assert "required" in messages
    assert "not saved" in window.statusBar().currentMessage().lower()


def test_draft_survives_a_crash(controller: AppController, qtbot, tmp_path: Path):
    _create_vault(controller, qtbot)
    window = controller.window
    window._draftTimer.setInterval(50)
    _add_client(window, "Cleo")
    window.actionNewSession.trigger()
    qtbot.keyClicks(
        window.editor.findChild(QPlainTextEdit, "reflectionEdit"), "Words I must not lose"
    )
    qtbot.waitUntil(lambda: "Words I must not lose" in str(controller.vault.drafts()))
    assert "Draft saved" in window.draftState.text()

    # A crash: the connection goes away without lock, save or quit running.
    controller.vault.close()
    controller.vault = None
    window.hide()

    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "prefs2.ini"), QSettings.Format.IniFormat))
    second = AppController(app, tmp_path / "vault.alliance", prefs, controller.theme)
    second.start()
    second.unlock_window.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    second.unlock_window.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: second.vault is not None)
    w2 = second.window
    assert not w2.ui.draftBar.isHidden()
    assert "unsaved draft" in w2.ui.draftLabel.text()
    w2.ui.resumeDraftButton.click()
    assert (
        w2.editor.findChild(QPlainTextEdit, "reflectionEdit").toPlainText()
        == "Words I must not lose"
    )
    assert w2.editor.isDirty()
    second.dispose()


def test_delete_session_then_undo(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    window = controller.window
    _add_client(window, "Ezra")
    _write_session(window, qtbot)
    window.editor.findChild(QPushButton, "saveSessionButton").click()
    window.ui.timelineView.selectRow(0)

    def confirm(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    _answer_dialog(confirm)
    window.actionDeleteSession.trigger()
    assert window.timelineModel.rowCount() == 0
    assert controller.vault.search(CANARY) == []
    assert window.undoButton.isVisible()
    window.undoButton.click()
    assert window.timelineModel.rowCount() == 1
    assert len(controller.vault.search(CANARY)) == 1


def test_auto_lock_after_idle_time(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    window = controller.window
    _add_client(window, "Fen")
    window.actionNewSession.trigger()
    qtbot.keyClicks(window.editor.findChild(QPlainTextEdit, "reflectionEdit"), CANARY)
    controller.idle.setTimeoutMs(150)
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.vault is None, timeout=3000)
    assert window.ui.rootStack.currentWidget() is window.ui.lockedPage
    # Locking kept the words as a draft rather than dropping them.
    unlock = controller.unlock_window
    unlock.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    unlock.findChild(QPushButton, "unlockButton").click()
    qtbot.waitUntil(lambda: controller.vault is not None)
    drafts = controller.vault.drafts()
    assert any(CANARY in str(d) for d in drafts.values())


def test_client_filter_and_delete_needs_the_code(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    window = controller.window
    for code in ("Alba", "Bryn", "C-Alba"):
        _add_client(window, code)
    qtbot.keyClicks(window.ui.clientFilterEdit, "alba")
    assert window.clientFilter.rowCount() == 2
    window.ui.clientFilterEdit.clear()
    window.selectClient(controller.vault.client_by_code("Bryn").id)

    def type_wrong_then_right(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit, "confirmCodeEdit")
        button = dialog.findChild(QPushButton, "confirmDeleteButton")
        edit.setText("bryn")
        assert not button.isEnabled()
        edit.setText("Bryn")
        button.click()

    _answer_dialog(type_wrong_then_right)
    window.actionDeleteClient.trigger()
    assert [c.code for c in controller.vault.clients()] == ["Alba", "C-Alba"]


def test_dark_theme_renders(controller: AppController, qtbot):
    _create_vault(controller, qtbot)
    window = controller.window
    _add_client(window, "Gale")
    controller.theme.set_choice("dark")
    image = window.grab().toImage()
    assert not image.isNull()
    background = window.palette().color(window.backgroundRole())
    assert background.lightness() < 80
    # Text stays readable: the title's colour contrasts with the background.
    title = window.ui.clientTitle.palette().color(window.ui.clientTitle.foregroundRole())
    assert title.lightness() - background.lightness() > 120
    controller.theme.set_choice("light")
