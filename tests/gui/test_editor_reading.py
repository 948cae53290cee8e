"""Reading mode: a saved session shown read-only with the searched word marked, and
editing one key (E) or one button away."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from alliance_desktop.domain import (
    Client,
    ClientRatingScale,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.domain.strategies import catalogue
from alliance_desktop.gui.editor.session_editor import SessionEditor

CLIENT = Client("Cato 03", id=4)
SESSION = Session(
    4,
    date(2026, 2, 11),
    trust=6,
    engagement=7,
    goal_alignment=5,
    reflection=Reflection(
        "free", {"text": "Sleep was poor all week. She slept better after the walk; sleep again."}
    ),
    ruptures=[
        Rupture(
            RuptureType.WITHDRAWAL,
            Resolution.PARTIAL,
            markers=("minimal_response",),
            note="Went quiet when sleep came up.",
        )
    ],
    strategies=("validate",),
    tags=("sleep",),
    id=31,
)


@pytest.fixture
def editor(qtbot) -> SessionEditor:
    widget = SessionEditor()
    qtbot.addWidget(widget)
    widget.setContext(catalogue(), ClientRatingScale(), ["sleep"])
    widget.load(CLIENT, None)
    widget.resize(1000, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def marked_words(edit: QPlainTextEdit) -> list[str]:
    return [s.cursor.selectedText() for s in edit.extraSelections()]


def inputs(editor: SessionEditor) -> list:
    kinds = (QAbstractSpinBox, QComboBox, QAbstractSlider, QAbstractButton)
    found = [
        w
        for w in editor.ui.scrollContents.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(editor)
    ]
    return [w for w in found if not w.objectName().endswith("SectionToggle")]


def test_reading_shows_the_session_read_only_with_the_word_marked(qtbot, editor):
    editor.showForReading(SESSION, "sleep", client=CLIENT)
    assert editor.isReading() and not editor.isDirty()
    assert editor.currentSessionId() == 31 and editor.currentClientId() == 4
    text = editor.reflectionEditor.firstEdit()
    assert text.isReadOnly() and text.toPlainText().startswith("Sleep was poor")
    # Every word beginning with the searched word, whatever its case ("slept" does not).
    assert marked_words(text) == ["Sleep", "sleep"]
    note = editor.ruptureEditors()[0].noteEdit
    assert note.isReadOnly() and marked_words(note) == ["sleep"]
    # Every other input is disabled; the section headers still open and close.
    assert inputs(editor) and all(not w.isEnabled() for w in inputs(editor))
    lines = [
        e
        for e in editor.ui.scrollContents.findChildren(QWidget)
        if isinstance(e, QLineEdit | QPlainTextEdit)
        and e.isVisibleTo(editor)
        and not isinstance(e.parent(), QAbstractSpinBox | QComboBox)
    ]
    assert lines and all(e.isReadOnly() for e in lines)
    assert editor.rupturesSection.toggle.isEnabled() and editor.rupturesSection.isExpanded()
    assert editor.strategiesSection.isExpanded() and editor.tagsSection.isExpanded()
    # The footer offers Edit, not Save, and says how to edit.
    edit = editor.findChild(QPushButton, "editSessionButton")
    assert edit.isVisible() and edit.accessibleName()
    assert not editor.ui.saveSessionButton.isVisible()
    assert editor.ui.readingLabel.isVisible()
    # The cursor sits at the first mark, in the text, so E and the arrows work at once.
    assert QApplication.focusWidget() is text and text.textCursor().position() == 0


def test_e_switches_to_editing_the_same_session(qtbot, editor):
    editor.showForReading(SESSION, "walk", client=CLIENT)
    text = editor.reflectionEditor.firstEdit()
    assert marked_words(text) == ["walk"]
    with qtbot.waitSignal(editor.editingStarted) as started:
        qtbot.keyClick(text, Qt.Key.Key_E)
    assert started.args == [31]
    assert not editor.isReading()
    assert text.toPlainText() == SESSION.reflection.sections["text"]  # no "e" typed
    assert not text.isReadOnly() and marked_words(text) == []
    assert all(w.isEnabled() for w in inputs(editor))
    assert editor.ui.saveSessionButton.isVisible()
    assert not editor.findChild(QPushButton, "editSessionButton").isVisible()
    # Now E types an E, and the edit is the same session's.
    qtbot.keyClick(text, Qt.Key.Key_E)
    assert editor.isDirty()
    built = editor.buildSession()
    assert built.id == 31 and built.trust == 6 and built.ruptures[0].note


def test_the_edit_button_switches_too_and_a_new_load_leaves_reading(qtbot, editor):
    editor.showForReading(SESSION, client=CLIENT)
    assert marked_words(editor.reflectionEditor.firstEdit()) == []
    qtbot.mouseClick(editor.ui.editSessionButton, Qt.MouseButton.LeftButton)
    assert not editor.isReading() and editor.ui.trustInput.isEnabled()
    editor.showForReading(SESSION, "poor", client=CLIENT)
    editor.load(CLIENT, None)
    assert not editor.isReading() and editor.ui.trustInput.isEnabled()
    assert not editor.reflectionEditor.firstEdit().isReadOnly()


def test_reading_by_id_goes_through_the_lookup(qtbot, editor):
    asked = []

    def lookup(session_id: int):
        asked.append(session_id)
        return (CLIENT, SESSION) if session_id == 31 else None

    editor.sessionLookup = lookup
    editor.showForReading(31, "sleep")
    assert asked == [31] and editor.isReading() and editor.currentSessionId() == 31
    editor.showForReading(99)  # unknown: nothing changes
    assert editor.currentSessionId() == 31
