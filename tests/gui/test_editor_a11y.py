"""The session editor as assistive technology sees it (Qt's accessibility interfaces,
in process): ratings are sliders with a value, every interactive node has a name, the
headings are headings, and a failed save is announced."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from alliance_desktop.domain import (
    Client,
    ClientRatingScale,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
    ValidationError,
)
from alliance_desktop.domain.errors import Problem
from alliance_desktop.domain.strategies import catalogue
from alliance_desktop.gui.common import accessibility
from alliance_desktop.gui.editor.rating_input import RatingInput
from alliance_desktop.gui.editor.session_editor import SessionEditor

CLIENT = Client("Dana 05", id=5)
SESSION = Session(
    5,
    date(2026, 1, 20),
    trust=6,
    engagement=5,
    reflection=Reflection("free", {"text": "Sleep came up again."}),
    ruptures=[Rupture(RuptureType.CONFRONTATION, Resolution.YES, note="Sleep talk.")],
    strategies=("validate",),
    tags=("sleep",),
    id=12,
)

R = QAccessible.Role
INTERACTIVE = {
    R.PushButton, R.Button, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText,
    R.SpinBox, R.Slider, R.ScrollBar, R.List, R.Table, R.PageTab, R.Link, R.Dial,
}  # fmt: skip


@pytest.fixture
def editor(qtbot) -> SessionEditor:
    widget = SessionEditor()
    qtbot.addWidget(widget)
    widget.setContext(catalogue(), ClientRatingScale(), ["sleep"])
    widget.load(CLIENT, SESSION)
    for section in (widget.rupturesSection, widget.strategiesSection, widget.tagsSection):
        section.setExpanded(True)
    widget.resize(1000, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def unnamed(root: QWidget) -> list[str]:
    """Every shown node that takes input or focus and has no accessible name."""
    found: list[str] = []

    def walk(iface, path: str) -> None:
        if iface is None or iface.state().invisible:
            return
        obj = iface.object()
        here = f"{path}/{type(obj).__name__}:{obj.objectName() if obj else ''}"
        interactive = iface.role() in INTERACTIVE or iface.state().focusable
        if interactive and not iface.text(QAccessible.Text.Name).strip():
            found.append(f"{iface.role().name} {here}")
        for i in range(iface.childCount()):
            walk(iface.child(i), here)

    walk(QAccessible.queryAccessibleInterface(root), "")
    return found


def test_a_rating_is_a_slider_with_a_value(qtbot, editor):
    trust = editor.findChild(RatingInput, "trustInput")
    iface = QAccessible.queryAccessibleInterface(trust)
    assert iface.role() == QAccessible.Role.Slider
    assert iface.text(QAccessible.Text.Name) == "Trust"
    value = iface.valueInterface()
    assert value is not None
    assert (value.currentValue(), value.minimumValue(), value.maximumValue()) == (6, 0, 10)
    assert iface.text(QAccessible.Text.Description) == "6 of 10"
    # Arrow keys, Home/End and digits move it, and the value interface follows.
    trust.setFocus()
    qtbot.keyClick(trust, Qt.Key.Key_Right)
    assert trust.value() == 7 and value.currentValue() == 7
    qtbot.keyClick(trust, Qt.Key.Key_End)
    assert value.currentValue() == 10
    qtbot.keyClick(trust, Qt.Key.Key_Home)
    assert value.currentValue() == 0
    qtbot.keyClicks(trust, "4")
    assert value.currentValue() == 4 and editor.isDirty()
    # A value set by assistive technology is a rating like any other.
    with qtbot.waitSignal(trust.valueChanged) as changed:
        value.setCurrentValue(8)
    assert changed.args == [8] and trust.value() == 8
    assert editor.buildSession().trust == 8


def test_salience_is_a_one_to_five_slider_and_unrated_says_so(qtbot, editor):
    card = editor.ruptureEditors()[0]
    iface = QAccessible.queryAccessibleInterface(card.salienceInput)
    assert iface.role() == QAccessible.Role.Slider
    value = iface.valueInterface()
    assert (value.minimumValue(), value.maximumValue()) == (1, 5)
    assert card.salienceInput.value() is None
    assert iface.text(QAccessible.Text.Description) == "not rated"
    card.salienceInput.setFocus()
    qtbot.keyClicks(card.salienceInput, "3")
    assert value.currentValue() == 3 and iface.text(QAccessible.Text.Description) == "3 of 5"
    qtbot.keyClick(card.salienceInput, Qt.Key.Key_Delete)
    assert card.salienceInput.value() is None


def test_the_wheel_scrolls_the_editor_not_a_rating(qtbot, editor):
    trust = editor.findChild(RatingInput, "trustInput")
    event = QWheelEvent(
        QPointF(40, 10), QPointF(trust.mapToGlobal(QPoint(40, 10))), QPoint(0, 0),
        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(trust, event)
    assert trust.value() == 6


def test_every_interactive_node_has_a_name_editing_and_reading(qtbot, editor):
    editor.addRupture()  # an empty card: type, markers filter, salience, repairs, note
    assert unnamed(editor) == []
    editor.showForReading(SESSION, "sleep", client=CLIENT)
    assert unnamed(editor) == []
    scroll = QAccessible.queryAccessibleInterface(editor.ui.scrollArea)
    assert scroll.text(QAccessible.Text.Name) == "Session editor"


def test_headings_and_section_headers(qtbot, editor):
    assert accessibility.heading_level(editor.ui.ratingsHeading) == 2
    assert accessibility.heading_level(editor.ui.reflectionHeading) == 2
    card = editor.ruptureEditors()[0]
    assert accessibility.heading_level(card.titleLabel) == 3
    toggle = editor.strategiesSection.toggle
    iface = QAccessible.queryAccessibleInterface(toggle)
    assert iface.text(QAccessible.Text.Name) == "Strategies (1)"
    assert iface.state().checked and iface.text(QAccessible.Text.Description) == "expanded"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not editor.strategiesSection.isExpanded() and not iface.state().checked
    assert iface.text(QAccessible.Text.Description) == "collapsed"


def test_a_failed_save_is_announced_with_the_first_problem(qtbot, editor):
    with accessibility.recording() as heard:
        editor.showProblems(ValidationError([Problem("trust", "is required")]))
    assert len(heard) == 1
    widget, text = heard[0]
    assert widget is editor
    assert text == "Not saved: 1 problem to fix. Trust is required"
