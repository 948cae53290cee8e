"""Issue 12: a keyboard-only session is quick. One rupture (type, marker, salience,
resolution, two repairs) and two strategies take at most 25 navigation keys (Tab,
arrows, Enter, Space); letters typed to filter a list and digits for ratings are
entry, not navigation. Section headers take the focus and show a ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from alliance_desktop.domain import Client, ClientRatingScale, Resolution, RuptureType
from alliance_desktop.domain.strategies import catalogue
from alliance_desktop.gui.common.widgets.check_filter import matches
from alliance_desktop.gui.editor.session_editor import SessionEditor

CLIENT = Client("Bryn 02", id=7)
NAVIGATION = {
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Space,
}


@pytest.fixture
def editor(qtbot) -> SessionEditor:
    widget = SessionEditor()
    qtbot.addWidget(widget)
    widget.setContext(catalogue(), ClientRatingScale(), [])
    widget.load(CLIENT, None)
    widget.resize(1000, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


class Keyboard:
    """Sends keys to whatever has the focus, counting the navigation keys."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.navigation = 0

    def press(self, key: Qt.Key) -> None:
        assert key in NAVIGATION
        self.navigation += 1
        self.qtbot.keyClick(QApplication.focusWidget(), key)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        """Letters and digits: entry, not navigation."""
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        QApplication.processEvents()

    def focused(self) -> str:
        widget: QWidget | None = QApplication.focusWidget()
        while widget is not None and not widget.objectName():
            widget = widget.parentWidget()
        return widget.objectName() if widget is not None else ""


def test_a_rupture_and_two_strategies_in_at_most_25_navigation_keys(qtbot, editor):
    keys = Keyboard(qtbot)
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    reflection.setFocus()
    keys.type("Quiet hour")

    keys.press(Qt.Key.Key_Tab)  # prompts
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "rupturesSectionToggle"
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "addRuptureButton"
    keys.press(Qt.Key.Key_Space)
    assert keys.focused() == "ruptureType_withdrawal"
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "ruptureMarkerFilter"
    keys.type("short")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "ruptureSalienceInput"
    keys.type("4")
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused().startswith("ruptureResolution_")
    keys.press(Qt.Key.Key_Right)  # Resolved -> Partly
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "repairStrategyFilter"
    keys.type("feedback")
    keys.press(Qt.Key.Key_Return)
    keys.type("clarify")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "ruptureNote"
    keys.press(Qt.Key.Key_Tab)  # remove
    keys.press(Qt.Key.Key_Tab)  # add another
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "strategiesSectionToggle"
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() == "strategyFilter"
    keys.type("valid")
    keys.press(Qt.Key.Key_Return)
    keys.type("small")
    keys.press(Qt.Key.Key_Return)

    assert keys.navigation <= 25
    saved = []
    editor.saveRequested.connect(lambda: saved.append(True))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved == [True]
    rupture = editor.ruptureEditors()[0].rupture()
    assert rupture.type == RuptureType.WITHDRAWAL
    assert rupture.markers == ("minimal_response",)
    assert rupture.salience == 4
    assert rupture.resolution == Resolution.PARTIAL
    assert set(rupture.repair_strategies) == {"invite_feedback", "clarify_misunderstanding"}
    assert set(editor.strategyChecklist.checked()) == {"validate", "small_steps"}


def test_filter_narrows_enter_ticks_down_steps_in_and_esc_clears(qtbot, editor):
    editor.strategiesSection.setExpanded(True)
    line = editor.findChild(QLineEdit, "strategyFilter")
    line.setFocus()
    qtbot.keyClicks(line, "set goals")
    shown = [
        b.text()
        for b in editor.findChildren(QCheckBox)
        if b.objectName().startswith("strategy_") and not b.isHidden()
    ]
    assert shown == ["Set goals together"]
    qtbot.keyClick(line, Qt.Key.Key_Down)
    assert QApplication.focusWidget().objectName() == "strategy_collaborative_goals"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert editor.strategyChecklist.checked() == ("collaborative_goals",)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is line
    cancelled = []
    editor.cancelRequested.connect(lambda: cancelled.append(True))
    qtbot.keyClick(line, Qt.Key.Key_Escape)  # empties the filter, does not leave
    assert line.text() == "" and cancelled == []
    assert matches("Clarify a misunderstanding", "CLAR mis")


def test_section_headers_take_focus_and_show_a_ring(qtbot, editor):
    toggle = editor.strategiesSection.toggle
    before = toggle.grab().toImage()
    toggle.setFocus(Qt.FocusReason.TabFocusReason)
    assert toggle.hasFocus()
    after = toggle.grab().toImage()
    highlight = toggle.palette().highlight().color()
    assert _has_colour(after, highlight) and not _has_colour(before, highlight)


def _has_colour(image: QImage, colour: QColor) -> bool:
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) < 12
                and abs(c.green() - colour.green()) < 12
                and abs(c.blue() - colour.blue()) < 12
            ):
                return True
    return False


def test_f1_lists_ctrl_s_ctrl_enter_esc_and_digit_entry(qtbot):
    from PySide6.QtGui import QAction, QKeySequence

    from alliance_desktop.gui.common.help_dialogs import ShortcutsDialog

    lock = QAction("&Lock")
    lock.setShortcut(QKeySequence("Ctrl+L"))
    dialog = ShortcutsDialog([lock])
    qtbot.addWidget(dialog)
    keys = [keys for _text, keys in dialog.rows()]
    native = QKeySequence.SequenceFormat.NativeText
    for key in ("Ctrl+S", "Ctrl+Return", "Esc", "Ctrl+L"):
        assert QKeySequence(key).toString(native) in keys
    assert keys.count(QKeySequence("Ctrl+L").toString(native)) == 1
    assert any("rating" in text.lower() and "0" in k for text, k in dialog.rows())


def test_ctrl_enter_saves_from_the_reflection(qtbot, editor):
    saved = []
    editor.saveRequested.connect(lambda: saved.append(True))
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    reflection.setFocus()
    qtbot.keyClicks(reflection, "One line")
    qtbot.keyClick(reflection, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved == [True]
    assert reflection.toPlainText() == "One line"


def test_new_client_goes_code_goals_date_and_ctrl_enter_saves(qtbot):
    from alliance_desktop.gui.workspace.client_dialogs import ClientDialog

    dialog = ClientDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.codeEdit)
    qtbot.keyClicks(dialog.ui.codeEdit, "Kite 3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ui.goalsEdit
    qtbot.keyClicks(dialog.ui.goalsEdit, "Sleep better")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ui.startDateEdit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # out, not into the month
    assert QApplication.focusWidget() is not dialog.ui.startDateEdit
    dialog.ui.goalsEdit.setFocus()
    qtbot.keyClick(dialog.ui.goalsEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.client().goals == "Sleep better"
    assert dialog.client().code == "Kite 3"
