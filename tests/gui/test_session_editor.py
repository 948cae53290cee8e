"""The session editor with real widgets: keyboard entry, building, problems, drafts, wiping."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from alliance_desktop.domain import (
    Client,
    ClientRatingScale,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
    ValidationError,
)
from alliance_desktop.domain.strategies import Strategy, catalogue
from alliance_desktop.domain.templates import Section, Template
from alliance_desktop.domain.validation import session_problems
from alliance_desktop.gui.editor.rating_input import RatingInput
from alliance_desktop.gui.editor.reflection_editor import carry_over
from alliance_desktop.gui.editor.session_editor import SessionEditor

CANARY = "Zebracanary"
SCALE = ClientRatingScale()
CUSTOM = Strategy("walk_and_talk", "Walk and talk", "custom", "Meet outdoors.", builtin=False)
CATALOGUE = catalogue((CUSTOM,))
CLIENT = Client("Bryn 02", id=7)


@pytest.fixture
def editor(qtbot) -> SessionEditor:
    widget = SessionEditor()
    qtbot.addWidget(widget)
    widget.setContext(CATALOGUE, SCALE, ["sleep", "family", "homework"])
    widget.load(CLIENT, None)
    widget.resize(900, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def rating(editor: SessionEditor, name: str) -> RatingInput:
    return editor.findChild(RatingInput, name)


def reflection_edit(editor: SessionEditor) -> QPlainTextEdit:
    return editor.findChild(QPlainTextEdit, "reflectionEdit")


def type_rating(qtbot, editor: SessionEditor, name: str, keys: str) -> None:
    widget = rating(editor, name)
    widget.setFocus()
    qtbot.keyClicks(widget, keys)


def fill_everything(qtbot, editor: SessionEditor, *, text: str = "") -> None:
    """Fill every field through its widgets, as a therapist would."""
    ui = editor.ui
    ui.dateEdit.setDate(QDate(2026, 3, 2))
    ui.durationInput.setValue(50)
    ui.modalityInput.setCurrentIndex(ui.modalityInput.findData("video"))
    type_rating(qtbot, editor, "trustInput", "8")
    type_rating(qtbot, editor, "engagementInput", "4")
    type_rating(qtbot, editor, "goalAlignmentInput", "10")
    type_rating(qtbot, editor, "approachFitInput", "6")
    qtbot.keyClicks(ui.clientRatingEdit, "33.5")
    editor.reflectionEditor.setTemplate("quick")
    qtbot.keyClicks(reflection_edit(editor), f"He warmed up late {text}")
    qtbot.keyClicks(editor.reflectionEditor.sectionEdit("felt"), "Impatient, then moved")
    qtbot.mouseClick(editor.addRuptureButton, Qt.MouseButton.LeftButton)
    card = editor.ruptureEditors()[0]
    card.typeButtons[RuptureType.CONFRONTATION].setChecked(True)
    card.markerBoxes["complaint_progress"].setChecked(True)
    card.markerBoxes["rejects_intervention"].setChecked(True)
    card.salienceInput.setFocus()
    qtbot.keyClicks(card.salienceInput, "4")
    card.resolutionButtons[Resolution.PARTIAL].setChecked(True)
    card.repairChecklist.checkBox("metacommunication").setChecked(True)
    card.repairChecklist.checkBox("walk_and_talk").setChecked(True)
    qtbot.keyClicks(card.noteEdit, f"Said the homework is pointless {text}")
    editor.strategyChecklist.checkBox("validate").setChecked(True)
    editor.strategyChecklist.checkBox("small_steps").setChecked(True)
    qtbot.keyClicks(editor.tagEdit, f"sleep, father{text}")
    qtbot.keyClick(editor.tagEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.tagEdit, "Sleep")
    ui.supervisionCheck.setChecked(True)


# --------------------------------------------------------------------------- names


def test_required_object_names(editor: SessionEditor) -> None:
    assert editor.objectName() == "sessionEditor"
    for name in ("trustInput", "engagementInput", "goalAlignmentInput", "approachFitInput"):
        assert isinstance(editor.findChild(RatingInput, name), RatingInput)
    assert editor.findChild(QAbstractButton, "saveSessionButton") is not None
    edit = reflection_edit(editor)
    assert edit is editor.reflectionEditor.firstEdit()


def test_every_interactive_widget_is_named(qtbot, editor: SessionEditor) -> None:
    qtbot.mouseClick(editor.addRuptureButton, Qt.MouseButton.LeftButton)
    editor.strategiesSection.setExpanded(True)
    editor.tagsSection.setExpanded(True)
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, RatingInput)
    unnamed = []
    for widget in editor.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.objectName().startswith("qt_"):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget.objectName():
            continue  # e.g. the mouse-only clear button inside a rating
        if not widget.objectName() or not widget.accessibleName():
            unnamed.append(
                f"{type(widget).__name__}:{widget.objectName()}:{widget.text() if hasattr(widget, 'text') else ''}"
            )
    assert unnamed == []


def test_tab_order_follows_reading_order(qtbot, editor: SessionEditor) -> None:
    editor.ui.dateEdit.setFocus()
    seen = []
    for _ in range(15):
        focused = QApplication.focusWidget()
        while focused is not None and (
            not focused.objectName() or focused.objectName().startswith("qt_")
        ):
            focused = focused.parentWidget()
        seen.append(focused.objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == [
        "dateEdit",
        "durationInput",
        "modalityInput",
        "trustInput",
        "engagementInput",
        "goalAlignmentInput",
        "approachFitInput",
        "clientRatingEdit",
        "outcomeRatingInput",
        "reflectionEdit",
        "reflectionTemplateCombo",
        "rupturesSectionToggle",
        "strategiesSectionToggle",
        "tagsSectionToggle",
        "supervisionCheck",
    ]
    assert QApplication.focusWidget() is editor.ui.saveSessionButton


# --------------------------------------------------------------------------- ratings


def test_typing_digits_sets_ratings(qtbot, editor: SessionEditor) -> None:
    trust = rating(editor, "trustInput")
    type_rating(qtbot, editor, "trustInput", "7")
    assert trust.value() == 7
    qtbot.keyClicks(trust, "10")
    assert trust.value() == 10
    qtbot.keyClicks(trust, "3")
    assert trust.value() == 3


def test_arrows_pages_and_ends_change_a_rating(qtbot, editor: SessionEditor) -> None:
    trust = rating(editor, "trustInput")
    trust.setFocus()
    qtbot.keyClick(trust, Qt.Key.Key_Up)
    assert trust.value() == 5  # from "not rated" the arrows start in the middle
    qtbot.keyClick(trust, Qt.Key.Key_Right)
    qtbot.keyClick(trust, Qt.Key.Key_Up)
    assert trust.value() == 7
    qtbot.keyClick(trust, Qt.Key.Key_Down)
    qtbot.keyClick(trust, Qt.Key.Key_Left)
    assert trust.value() == 5
    qtbot.keyClick(trust, Qt.Key.Key_PageUp)
    assert trust.value() == 8
    qtbot.keyClick(trust, Qt.Key.Key_PageUp)
    assert trust.value() == 10  # clamped
    qtbot.keyClick(trust, Qt.Key.Key_PageDown)
    assert trust.value() == 7
    qtbot.keyClick(trust, Qt.Key.Key_Home)
    assert trust.value() == 0
    qtbot.keyClick(trust, Qt.Key.Key_End)
    assert trust.value() == 10


def test_delete_clears_only_optional_ratings(qtbot, editor: SessionEditor) -> None:
    type_rating(qtbot, editor, "trustInput", "6")
    qtbot.keyClick(rating(editor, "trustInput"), Qt.Key.Key_Delete)
    assert rating(editor, "trustInput").value() == 6  # required: Delete does nothing
    goal = rating(editor, "goalAlignmentInput")
    type_rating(qtbot, editor, "goalAlignmentInput", "4")
    assert goal.value() == 4
    qtbot.keyClick(goal, Qt.Key.Key_Backspace)
    assert goal.value() is None
    assert goal.valueText() == "not rated"
    type_rating(qtbot, editor, "goalAlignmentInput", "2")
    qtbot.keyClick(goal, Qt.Key.Key_Delete)
    assert goal.value() is None


def test_salience_takes_one_to_five_only(qtbot, editor: SessionEditor) -> None:
    card = editor.addRupture()
    card.salienceInput.setFocus()
    qtbot.keyClicks(card.salienceInput, "7")
    assert card.salienceInput.value() is None
    qtbot.keyClicks(card.salienceInput, "0")
    assert card.salienceInput.value() is None
    qtbot.keyClicks(card.salienceInput, "4")
    assert card.salienceInput.value() == 4
    qtbot.keyClick(card.salienceInput, Qt.Key.Key_Delete)
    assert card.salienceInput.value() is None


# --------------------------------------------------------------------------- building


def test_build_session_from_filled_widgets(qtbot, editor: SessionEditor) -> None:
    fill_everything(qtbot, editor)
    session = editor.buildSession()
    assert session.client_id == 7
    assert session.id is None and session.created_at is None
    assert session.date == date(2026, 3, 2)
    assert session.duration_min == 50
    assert session.modality is Modality.VIDEO
    assert (session.trust, session.engagement) == (8, 4)
    assert (session.goal_alignment, session.approach_fit) == (10, 6)
    assert session.client_rating == 33.5
    assert session.supervision is True
    assert session.strategies == ("validate", "small_steps")
    assert session.tags == ("sleep", "father")  # "Sleep" repeats "sleep"
    assert session.reflection == Reflection(
        "quick", {"between_us": "He warmed up late ", "felt": "Impatient, then moved"}
    )
    assert session.ruptures == [
        Rupture(
            type=RuptureType.CONFRONTATION,
            resolution=Resolution.PARTIAL,
            markers=("complaint_progress", "rejects_intervention"),
            salience=4,
            repair_strategies=("metacommunication", "walk_and_talk"),
            note="Said the homework is pointless ",
        )
    ]
    assert session_problems(session, scale=SCALE, known_strategies=CATALOGUE) == []


def test_new_session_defaults(editor: SessionEditor) -> None:
    session = editor.buildSession()
    assert session.date == date.today()
    assert editor.ui.dateEdit.maximumDate() == QDate.currentDate()
    assert session.trust is None and session.engagement is None
    assert session.duration_min is None and session.modality is None
    assert session.client_rating is None
    assert session.reflection.template == "free"
    assert session.ruptures == [] and session.tags == () and session.strategies == ()
    assert not editor.isDirty()
    assert editor.currentClientId() == 7 and editor.currentSessionId() is None
    assert "of 40" in editor.ui.clientRatingScaleLabel.text()


def test_loaded_session_round_trips_and_keeps_identity(editor: SessionEditor) -> None:
    created = datetime(2026, 3, 2, 18, 5)
    stored = Session(
        7,
        date(2026, 3, 2),
        trust=9,
        engagement=3,
        goal_alignment=None,
        approach_fit=5,
        duration_min=45,
        modality=Modality.PHONE,
        client_rating=38,
        ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.NO, ("deferential",), None, (), "x")],
        strategies=("walk_and_talk", "gone_strategy"),
        tags=("sleep",),
        reflection=Reflection("gibbs", {"description": "d", "analysis": "a"}),
        supervision=True,
        created_at=created,
        updated_at=created,
        id=41,
    )
    editor.load(CLIENT, stored)
    assert not editor.isDirty()
    assert editor.currentSessionId() == 41
    assert editor.buildSession() == stored  # an unknown strategy key is kept, not dropped
    assert editor.strategiesSection.toggle.text().endswith("(2)")
    assert editor.rupturesSection.toggle.text().endswith("(1)")


def test_markers_of_the_other_type_are_not_saved(editor: SessionEditor) -> None:
    card = editor.addRupture()
    card.typeButtons[RuptureType.WITHDRAWAL].setChecked(True)
    card.markerBoxes["denial"].setChecked(True)
    card.typeButtons[RuptureType.CONFRONTATION].setChecked(True)
    assert not card.markerBoxes["denial"].isVisibleTo(card)
    card.resolutionButtons[Resolution.YES].setChecked(True)
    assert editor.buildSession().ruptures[0].markers == ()
    card.typeButtons[RuptureType.WITHDRAWAL].setChecked(True)  # a slip: the tick is still there
    assert editor.buildSession().ruptures[0].markers == ("denial",)


def test_unparsable_client_rating_raises_validation_error(qtbot, editor: SessionEditor) -> None:
    qtbot.keyClicks(editor.ui.clientRatingEdit, "abc")
    with pytest.raises(ValidationError) as caught:
        editor.buildSession()
    assert [p.field for p in caught.value.problems] == ["client_rating"]
    editor.ui.clientRatingEdit.setText("32,5")
    assert editor.buildSession().client_rating == 32.5


def test_rupture_without_choices_names_its_fields(editor: SessionEditor) -> None:
    editor.addRupture()
    with pytest.raises(ValidationError) as caught:
        editor.buildSession()
    assert {p.field for p in caught.value.problems} == {
        "ruptures[0].type",
        "ruptures[0].resolution",
    }


# --------------------------------------------------------------------------- problems


def test_show_problems_marks_fields_with_domain_messages(qtbot, editor: SessionEditor) -> None:
    type_rating(qtbot, editor, "engagementInput", "5")
    problems = session_problems(editor.buildSession(), scale=SCALE, known_strategies=CATALOGUE)
    assert [p.field for p in problems] == ["trust"]
    extra = [
        *problems,
        type(problems[0])("ruptures[0].salience", "must be a whole number from 1 to 5"),
        type(problems[0])("tags", "at most 30 tags"),
        type(problems[0])("mystery", "went wrong"),
    ]
    card = editor.addRupture()
    editor.showProblems(ValidationError(extra))

    trust_error = editor.ui.trustError
    assert trust_error.isVisible()
    assert "Trust is required" in trust_error.text()
    assert trust_error.text().startswith("⚠")  # not colour alone
    assert trust_error.property("role") == "error"
    assert QApplication.focusWidget() is rating(editor, "trustInput")
    assert not editor.ui.engagementError.isVisible()

    assert editor.rupturesSection.isExpanded()
    assert card.salienceError.isVisible()
    assert "must be a whole number from 1 to 5" in card.salienceError.text()
    assert editor.tagsSection.isExpanded()
    assert "at most 30 tags" in editor.tagsError.text()
    assert editor.ui.generalError.isVisible()
    assert "mystery" in editor.ui.generalError.text()
    assert "went wrong" in editor.ui.generalError.text()

    editor.clearProblems()
    assert not trust_error.isVisible() and not card.salienceError.isVisible()
    assert not editor.ui.generalError.isVisible() and trust_error.text() == ""


def test_show_problems_for_reflection_and_client_rating(qtbot, editor: SessionEditor) -> None:
    qtbot.keyClicks(editor.ui.clientRatingEdit, "4O")
    with pytest.raises(ValidationError) as caught:
        editor.buildSession()
    editor.showProblems(caught.value)
    assert editor.ui.clientRatingError.isVisible()
    assert "Client rating must be a number" in editor.ui.clientRatingError.text()
    assert QApplication.focusWidget() is editor.ui.clientRatingEdit
    qtbot.keyClick(editor.ui.clientRatingEdit, Qt.Key.Key_Backspace)
    assert not editor.ui.clientRatingError.isVisible()  # editing retires the message

    editor.showProblems(
        ValidationError([type(caught.value.problems[0])("reflection.text", "is too long")])
    )
    label = editor.reflectionEditor.findChild(QLabel, "reflectionError_text")
    assert label.isVisible() and "is too long" in label.text()
    assert QApplication.focusWidget() is reflection_edit(editor)


# --------------------------------------------------------------------------- drafts


def test_draft_round_trip_restores_every_field(qtbot, editor: SessionEditor) -> None:
    fill_everything(qtbot, editor)
    editor.ui.clientRatingEdit.setText("3x")  # unparsable text must survive a crash too
    card = editor.ruptureEditors()[0]
    card.typeButtons[RuptureType.WITHDRAWAL].setChecked(True)
    card.markerBoxes["denial"].setChecked(True)
    card.typeButtons[RuptureType.CONFRONTATION].setChecked(True)
    editor.addRupture()  # a half-filled second rupture
    draft = editor.toDraft()
    assert json.loads(json.dumps(draft)) == draft

    other = SessionEditor()
    qtbot.addWidget(other)
    other.setContext(CATALOGUE, SCALE, [])
    other.loadDraft(CLIENT, json.loads(json.dumps(draft)))
    assert other.toDraft() == draft
    assert other.isDirty()
    assert other.currentClientId() == 7
    assert other.ruptureEditors()[0].markerBoxes["denial"].isChecked()
    assert other.reflectionEditor.templateKey() == "quick"
    assert other.ui.clientRatingEdit.text() == "3x"


def test_draft_keeps_identity_of_a_loaded_session(qtbot, editor: SessionEditor) -> None:
    created = datetime(2026, 1, 5, 9, 30)
    editor.load(CLIENT, Session(7, date(2026, 1, 5), 5, 5, created_at=created, id=3))
    draft = editor.toDraft()
    assert draft["session_id"] == 3 and draft["client_id"] == 7
    other = SessionEditor()
    qtbot.addWidget(other)
    other.loadDraft(CLIENT, draft)
    built = other.buildSession()
    assert (built.id, built.created_at, built.date) == (3, created, date(2026, 1, 5))


# --------------------------------------------------------------------------- reflection


def test_template_switch_keeps_every_word(qtbot, editor: SessionEditor) -> None:
    qtbot.keyClicks(reflection_edit(editor), "alpha beta")
    editor.reflectionEditor.setTemplate("quick")
    assert reflection_edit(editor).toPlainText() == "alpha beta"
    assert editor.reflectionEditor.sectionEdit("between_us") is reflection_edit(editor)
    qtbot.keyClicks(editor.reflectionEditor.sectionEdit("felt"), "gamma")
    qtbot.keyClicks(editor.reflectionEditor.sectionEdit("next"), "delta")
    editor.reflectionEditor.setTemplate("free")
    text = reflection_edit(editor).toPlainText()
    for word in ("alpha", "beta", "gamma", "delta"):
        assert word in text
    assert "What I felt" in text  # carried text says where it came from
    assert len(editor.findChildren(QPlainTextEdit, "reflectionEdit")) == 1
    assert editor.isDirty()


def test_carry_over_keeps_shared_keys_in_place() -> None:
    old = Template("a", "A", "", (Section("x", "X", ""), Section("y", "Why", "")))
    new = Template("b", "B", "", (Section("z", "Zed", ""), Section("y", "Why", "")))
    assert carry_over(old, {"x": "one", "y": "two"}, new) == {"z": "one", "y": "two"}
    assert carry_over(old, {"x": "", "y": "two"}, new) == {"z": "", "y": "two"}


def test_ctrl_z_undoes_typing(qtbot, editor: SessionEditor) -> None:
    edit = reflection_edit(editor)
    edit.setFocus()
    qtbot.keyClicks(edit, "first words")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "first words" not in edit.toPlainText()


# --------------------------------------------------------------------------- tags, ruptures


def test_tags_separate_on_comma_and_enter_and_complete(qtbot, editor: SessionEditor) -> None:
    editor.tagsSection.setExpanded(True)
    edit = editor.tagEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "work")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "  grief ,, Work")
    assert edit.tags() == ("work", "grief")
    assert edit.completerModel().stringList() == ["family", "homework", "sleep"]
    assert editor.tagsSection.toggle.text() == "Tags (2)"


def test_removed_rupture_can_be_brought_back(qtbot, editor: SessionEditor) -> None:
    card = editor.addRupture()
    qtbot.keyClicks(card.noteEdit, "a note worth keeping")
    qtbot.mouseClick(card.removeButton, Qt.MouseButton.LeftButton)
    assert editor.ruptureEditors() == []
    assert editor.undoRemoveButton.isVisible()
    qtbot.mouseClick(editor.undoRemoveButton, Qt.MouseButton.LeftButton)
    assert editor.ruptureEditors()[0].noteEdit.toPlainText() == "a note worth keeping"


# --------------------------------------------------------------------------- signals


def test_changed_fires_on_edits_and_dirty_follows(qtbot, editor: SessionEditor) -> None:
    assert not editor.isDirty()
    with qtbot.waitSignal(editor.changed, timeout=500):
        type_rating(qtbot, editor, "trustInput", "6")
    assert editor.isDirty()
    editor.markSaved(Session(7, date.today(), 6, None, id=12))
    assert not editor.isDirty() and editor.currentSessionId() == 12
    with qtbot.waitSignal(editor.changed, timeout=500):
        qtbot.keyClicks(reflection_edit(editor), "x")
    with qtbot.waitSignal(editor.changed, timeout=500):
        editor.strategyChecklist.checkBox("rationale").setChecked(True)
    with qtbot.waitSignal(editor.changed, timeout=500):
        editor.ui.supervisionCheck.setChecked(True)
    with qtbot.assertNotEmitted(editor.changed):
        editor.load(CLIENT, None)
    assert not editor.isDirty()


def test_ctrl_s_saves_and_escape_cancels(qtbot, editor: SessionEditor) -> None:
    edit = reflection_edit(editor)
    edit.setFocus()
    with qtbot.waitSignal(editor.saveRequested, timeout=1000):
        qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(editor.cancelRequested, timeout=1000):
        qtbot.keyClick(edit, Qt.Key.Key_Escape)
    with qtbot.waitSignal(editor.saveRequested, timeout=1000):
        qtbot.mouseClick(editor.ui.saveSessionButton, Qt.MouseButton.LeftButton)


# --------------------------------------------------------------------------- clearing


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if isinstance(widget, QLineEdit | QLabel):
        texts.append(widget.text())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        texts += [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    return texts


def test_clear_leaves_no_client_data_anywhere(qtbot, editor: SessionEditor) -> None:
    custom = Strategy("canary_s", f"{CANARY} strategy", "custom", CANARY, builtin=False)
    editor.setContext(catalogue((CUSTOM, custom)), SCALE, [f"{CANARY}tag"])
    editor.load(Client(f"{CANARY} client", id=9), None)
    fill_everything(qtbot, editor, text=CANARY)
    editor.strategyChecklist.checkBox("canary_s").setChecked(True)
    editor.reflectionEditor.setTemplate("gibbs")  # carried text, plus a deleted edit
    editor.tagsSection.setExpanded(True)
    qtbot.keyClicks(editor.tagEdit, ", Zebr")  # opens the completer on the canary tag
    assert any(CANARY in t for w in editor.findChildren(QWidget) for t in _texts(w))

    editor.clear()
    QApplication.processEvents()

    leaks = [
        f"{type(w).__name__}:{w.objectName()}"
        for w in editor.findChildren(QWidget)
        if any(CANARY.casefold() in t.casefold() for t in _texts(w))
    ]
    assert leaks == []
    for edit in editor.findChildren(QPlainTextEdit) + editor.findChildren(QTextEdit):
        assert not edit.document().isUndoAvailable(), edit.objectName()
        assert not edit.document().isRedoAvailable(), edit.objectName()
    for line in editor.findChildren(QLineEdit):
        assert not line.isUndoAvailable(), line.objectName()
    assert editor.tagEdit.completerModel().stringList() == []
    popup_model = editor.tagEdit.tagCompleter().completionModel()
    assert popup_model.rowCount() == 0
    assert editor.currentClientId() is None and editor.currentSessionId() is None
    assert not editor.isDirty()
    assert editor.ruptureEditors() == []
    assert not any(box.isChecked() for box in editor.findChildren(QCheckBox))


# --------------------------------------------------------------------------- screenshots


def test_screenshots_light_and_dark(qtbot, qapp) -> None:
    """Renders the filled editor for a human to look at; not an assertion of pixels."""
    from alliance_desktop.gui.common.theme import ThemeManager

    out = Path("/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    session = Session(
        7,
        date(2026, 3, 2),
        trust=8,
        engagement=4,
        goal_alignment=7,
        approach_fit=None,
        duration_min=50,
        modality=Modality.VIDEO,
        client_rating=33.5,
        ruptures=[
            Rupture(
                RuptureType.WITHDRAWAL,
                Resolution.PARTIAL,
                ("minimal_response", "content_affect_split"),
                3,
                ("metacommunication", "own_contribution"),
                "Went quiet when I brought up his father; smiled while describing the row.",
            )
        ],
        strategies=("validate", "small_steps"),
        tags=("sleep", "father", "homework"),
        reflection=Reflection(
            "quick",
            {
                "between_us": "He warmed up once we slowed down; the first twenty minutes "
                "felt like a report.",
                "felt": "Impatient at first, then moved.",
                "next": "Start by asking what he wants from today.",
            },
        ),
        supervision=True,
        id=12,
    )
    # Editors of earlier tests wait for deferred deletion; theme changes would restyle them.
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for theme in ("light", "dark"):
        manager = ThemeManager(qapp, theme)
        widget = SessionEditor()
        qtbot.addWidget(widget)
        widget.setContext(CATALOGUE, SCALE, ["sleep"])
        widget.load(CLIENT, session)
        widget.setTitleVisible(True)
        widget.rupturesSection.setExpanded(True)
        widget.resize(900, 1000)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.wait(50)  # let text boxes fit their text before scrolling
        widget.ui.scrollArea.ensureWidgetVisible(widget.ruptureEditors()[0].titleLabel, 0, 300)
        qtbot.wait(50)
        assert widget.grab().save(str(out / f"editor_{theme}.png"))
        widget.close()
        manager.deleteLater()
    qapp.setStyleSheet("")
