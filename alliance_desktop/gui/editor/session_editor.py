"""The session editor: rate the relationship, write a few lines, save, in two minutes.

It sits non-modally in the main window. It only presents: it turns its fields into a
domain :class:`Session` (``buildSession``) and shows the domain's validation problems
next to the fields they concern (``showProblems``); saving, drafts and validation
belong to the controller and the domain. ``toDraft``/``loadDraft`` snapshot every
field, including text that would not yet validate, so a crash or a lock loses nothing.

``showForReading`` shows a saved session read-only, a searched word marked in its text;
the Edit button or the E key turns the same session editable (``editingStarted``).

The parts live beside this module: ``body`` builds the lower half, ``rupture_list`` the
rupture section, ``problems`` shows validation problems, ``drafts`` snapshots, and
``reading`` the read-only mode.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.models import Client, Modality, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.strategies import Strategy, catalogue
from alliance_desktop.gui import resources_rc  # noqa: F401  (registers :/icons)
from alliance_desktop.gui.common.accessibility import mark_heading
from alliance_desktop.gui.common.widgets.collapsible import CollapsibleSection
from alliance_desktop.gui.common.widgets.tag_edit import TagEdit
from alliance_desktop.gui.editor import drafts, place, reading
from alliance_desktop.gui.editor.body import build_body, build_last_strip, last_session_text
from alliance_desktop.gui.editor.problems import ProblemDisplay
from alliance_desktop.gui.editor.rating_input import RatingInput
from alliance_desktop.gui.editor.reflection_editor import ReflectionEditor
from alliance_desktop.gui.editor.rupture_editor import (
    PriorRupture,
    PriorRupturesBox,
    RuptureEditor,
    rupture_state,
)
from alliance_desktop.gui.editor.rupture_list import RuptureList
from alliance_desktop.gui.editor.strategy_checklist import StrategyChecklist
from alliance_desktop.gui.forms.ui_session_editor import Ui_SessionEditorForm

DRAFT_VERSION = drafts.DRAFT_VERSION
# Local additions to the application style sheet: a padded plain-text edit would show
# the window colour in its padding, and the footer needs a quiet rule above it.
EDITOR_STYLE = """
QPlainTextEdit { background-color: palette(base); }
QFrame#footer { border-top: 1px solid palette(mid); }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionEditor", text)


def modality_labels() -> dict[Modality, str]:
    return {
        Modality.IN_PERSON: _t("In person"),
        Modality.VIDEO: _t("Video"),
        Modality.PHONE: _t("Phone"),
        Modality.OTHER: _t("Other"),
    }


class SessionEditor(QWidget):
    """Edits one session of one client; see the module docstring for the contract."""

    saveRequested = Signal()
    cancelRequested = Signal()
    changed = Signal()
    #: An open rupture of an earlier session was marked repaired here (its id), or
    #: that is taken back; the window runs the use case and feeds ``setPriorRuptures``.
    repairRequested = Signal(int)
    reopenRequested = Signal(int)
    #: Reading mode was left for editing (Edit or E); the session id, None if new.
    editingStarted = Signal(object)

    # Built by ``body.build_body``.
    reflectionEditor: ReflectionEditor
    rupture_list: RuptureList
    rupturesSection: CollapsibleSection
    priorRuptures: PriorRupturesBox
    rupturesList: QWidget
    rupturesEmpty: QLabel
    addRuptureButton: QPushButton
    removedLabel: QLabel
    undoRemoveButton: QPushButton
    rupturesError: QLabel
    strategiesSection: CollapsibleSection
    strategyChecklist: StrategyChecklist
    strategiesError: QLabel
    tagsSection: CollapsibleSection
    tagEdit: TagEdit
    tagsError: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionEditorForm()
        self.ui.setupUi(self)
        self.setObjectName("sessionEditor")
        self.setStyleSheet(EDITOR_STYLE)
        self.setAccessibleName(self.tr("Session editor"))
        self._client: Client | None = None
        self._session_id: int | None = None
        self._created_at: datetime | None = None
        self._updated_at: datetime | None = None
        self._catalogue: dict[str, Strategy] = catalogue()
        self._scale = ClientRatingScale()
        self._outcome = OutcomeScale()
        self._dirty = False
        self._loading = False
        self._reading = False
        #: Turns a session id given to ``showForReading`` into (client, session).
        self.sessionLookup: Callable[[int], tuple[Client, Session] | None] | None = None

        ui = self.ui
        self.ratings: dict[str, RatingInput] = {
            "trust": ui.trustInput,
            "engagement": ui.engagementInput,
            "goal_alignment": ui.goalAlignmentInput,
            "approach_fit": ui.approachFitInput,
        }
        for heading in (ui.ratingsHeading, ui.reflectionHeading):
            mark_heading(heading, 2)
            font = QFont(heading.font())
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.1)
            font.setWeight(QFont.Weight.DemiBold)
            heading.setFont(font)
        bars = ui.scrollArea.verticalScrollBar(), ui.scrollArea.horizontalScrollBar()
        bars[0].setAccessibleName(self.tr("Scroll the session editor"))
        bars[1].setAccessibleName(self.tr("Scroll the session editor sideways"))
        ui.modalityInput.addItem("—", None)
        for modality, label in modality_labels().items():
            ui.modalityInput.addItem(label, modality.value)
        self._last: Session | None = None
        build_body(self)
        self.lastSessionStrip = build_last_strip(self)
        self._problems = ProblemDisplay(self)
        self._connect()
        self._set_scale_label()
        # The main window titles the editor page itself; standalone uses can show ours.
        ui.titleLabel.setVisible(False)
        self._reset_fields()
        self._update_tab_order()
        # No editor without a client: nothing can be typed until ``load``/``loadDraft``.
        self.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab leaves the date field instead of stepping through day, month and year
        (Qt's default): the fast path is Tab from field to field in reading order."""
        if (
            watched is self.ui.dateEdit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.ui.durationInput.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _connect(self) -> None:
        ui = self.ui
        ui.dateEdit.dateChanged.connect(self._edited)
        ui.dateEdit.installEventFilter(self)
        ui.durationInput.valueChanged.connect(self._edited)
        ui.modalityInput.currentIndexChanged.connect(self._edited)
        ui.clientRatingEdit.textChanged.connect(self._edited)
        ui.outcomeRatingInput.valueChanged.connect(self._edited)
        ui.supervisionCheck.toggled.connect(self._edited)
        for rating in self.ratings.values():
            rating.valueChanged.connect(self._edited)
        # Editing a field retires its message: the problem is being dealt with.
        edited_signals = {
            "date": ui.dateEdit.dateChanged,
            "duration_min": ui.durationInput.valueChanged,
            "modality": ui.modalityInput.currentIndexChanged,
            "client_rating": ui.clientRatingEdit.textEdited,
            "outcome_rating": ui.outcomeRatingInput.valueChanged,
            **{dim: rating.valueChanged for dim, rating in self.ratings.items()},
        }
        for field, (label, _widget, _name) in self._problems.fields.items():
            edited_signals[field].connect(lambda *_a, lab=label: lab.setVisible(False))
        self.reflectionEditor.changed.connect(self._edited)
        self.reflectionEditor.templateCombo.currentIndexChanged.connect(self._update_tab_order)
        self.strategyChecklist.changed.connect(self._edited)
        self.tagEdit.tagsChanged.connect(self._edited)
        self.rupture_list.changed.connect(self._edited)
        self.rupture_list.orderChanged.connect(self._update_tab_order)
        self.rupture_list.repairRequested.connect(self.repairRequested)
        self.rupture_list.reopenRequested.connect(self.reopenRequested)
        ui.saveSessionButton.clicked.connect(self.saveRequested)
        ui.editSessionButton.clicked.connect(self.startEditing)
        ui.cancelButton.clicked.connect(self.cancelRequested)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.saveRequested)
        # Ctrl+Enter saves from anywhere, the reflection boxes included.
        enters = []
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self.saveRequested)
            enters.append(enter)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel.activated.connect(self.cancelRequested)
        # E leaves reading mode; the shortcut exists only while reading.
        self._edit_key = QShortcut(QKeySequence(Qt.Key.Key_E), self)
        self._edit_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._edit_key.setEnabled(False)
        self._edit_key.activated.connect(self.startEditing)
        self._shortcuts = (save, cancel, *enters, self._edit_key)

    def _update_tab_order(self, *_args: object) -> None:
        """Reading order: the .ui fixes the top; dynamic parts are threaded in here."""
        ui = self.ui
        chain: list[QWidget] = [
            ui.dateEdit,
            ui.durationInput,
            ui.modalityInput,
            *self.ratings.values(),
            ui.clientRatingEdit,
            ui.outcomeRatingInput,
            *self.reflectionEditor.focusChain(),
            *self.rupture_list.focusChain(),
            self.strategiesSection.toggle,
            *self.strategyChecklist.focusChain(),
            self.tagsSection.toggle,
            self.tagEdit,
            ui.supervisionCheck,
            ui.editSessionButton,
            ui.saveSessionButton,
            ui.cancelButton,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ change tracking
    def _edited(self, *_args: object) -> None:
        self._refresh_counts()
        if self._loading:
            return
        self._dirty = True
        self.changed.emit()

    def _refresh_counts(self) -> None:
        self.rupture_list.refresh()
        self.strategiesSection.setCount(len(self.strategyChecklist.checked()))
        self.tagsSection.setCount(len(self.tagEdit.tags()))

    def isDirty(self) -> bool:
        return self._dirty

    def markSaved(self, session: Session | None = None) -> None:
        """Called after a successful save. Passing the saved session adopts the id the
        vault gave a new one, so the next save updates instead of inserting again."""
        if session is not None:
            self._session_id = session.id
            self._created_at = session.created_at
            self._updated_at = session.updated_at
        self._dirty = False

    def currentSessionId(self) -> int | None:
        return self._session_id

    def currentClientId(self) -> int | None:
        return self._client.id if self._client is not None else None

    # ------------------------------------------------------------------ context and loading
    def setContext(
        self,
        catalogue: dict[str, Strategy],
        scale: ClientRatingScale,
        tags: list[str],
        outcome: OutcomeScale | None = None,
    ) -> None:
        """The vault's strategy catalogue, client-rating scale, known tags and outcome scale."""
        self._catalogue = dict(catalogue)
        self._scale = scale
        if outcome is not None:
            self._outcome = outcome
        self.strategyChecklist.setCatalogue(self._catalogue)
        self.rupture_list.setCatalogue(self._catalogue)
        self.tagEdit.setAvailableTags(tags)
        self._set_scale_label()
        self._update_tab_order()
        if self._reading:  # rebuilt ticks come back enabled
            reading.lock(self.ui.scrollContents, self._reading_spared())

    def _set_scale_label(self) -> None:
        self.ui.clientRatingScaleLabel.setText(
            self.tr("of %1 · optional").replace("%1", f"{self._scale.maximum:g}")
        )
        top = f"{self._outcome.maximum:g}"
        self.ui.outcomeRatingScaleLabel.setText(self.tr("of %1 · optional").replace("%1", top))
        self.ui.outcomeRatingInput.setAccessibleDescription(
            self.tr("0 to %1, or not recorded").replace("%1", top)
        )
        # A value already shown above a lowered maximum stays as it is: the domain then
        # says it is out of range, rather than the field silently clamping it.
        self._set_outcome(self._outcome_value())

    # ------------------------------------------------------------------ outcome
    def _outcome_value(self) -> float | None:
        box = self.ui.outcomeRatingInput
        value = box.value()
        return None if value < 0 else round(value, 1)

    def _set_outcome(self, value: float | None) -> None:
        box = self.ui.outcomeRatingInput
        top = float(self._outcome.maximum)
        if value is not None and value > top:
            top = float(value)
        box.setMaximum(top)
        box.setValue(-1.0 if value is None else float(value))

    def outcomeRating(self) -> float | None:
        """The outcome entered, or None when not recorded."""
        return self._outcome_value()

    def _reset_fields(self) -> None:
        """Every field to its new-session default; callers hold ``_loading``."""
        ui = self.ui
        self.clearProblems()
        today = QDate.currentDate()
        ui.dateEdit.setMaximumDate(today)
        ui.dateEdit.setDate(today)
        ui.durationInput.setValue(0)
        ui.modalityInput.setCurrentIndex(0)
        for rating in self.ratings.values():
            rating.setValue(None)
        ui.clientRatingEdit.setText("")  # setText also drops the line edit's undo history
        self._set_outcome(None)
        ui.supervisionCheck.setChecked(False)
        self.reflectionEditor.clearAll()
        self.rupture_list.setStates([])
        self.rupture_list.setPrior([])
        self.strategyChecklist.setChecked((), notify=False)
        self.tagEdit.setText("")
        for section in (self.rupturesSection, self.strategiesSection, self.tagsSection):
            section.setExpanded(False)
        self.ui.scrollArea.verticalScrollBar().setValue(0)

    def setTitleVisible(self, visible: bool) -> None:
        """Show the editor's own "New session · code" heading (hidden by default)."""
        self.ui.titleLabel.setVisible(visible)

    def _set_title(self) -> None:
        code = self._client.code if self._client is not None else ""
        if not code:
            title = self.tr("Session")
        elif self._session_id is None:
            title = self.tr("New session · %1").replace("%1", code)
        else:
            title = self.tr("Session · %1").replace("%1", code)
        self.ui.titleLabel.setText(title)

    def load(self, client: Client, session: Session | None) -> None:
        """Show ``session`` of ``client``, or a new session (today, unrated, free
        writing) when it is None. Nothing is dirty afterwards."""
        self._set_reading(False)
        self._loading = True
        self.setEnabled(True)
        try:
            self._client = client
            self._session_id = session.id if session else None
            self._created_at = session.created_at if session else None
            self._updated_at = session.updated_at if session else None
            self._reset_fields()
            if session is not None:
                self._show_session(session)
            else:
                self._start_from_last()
            self._set_title()
        finally:
            self._loading = False
        self._after_load(dirty=False)
        if session is None and self.isVisible():
            self.ui.trustInput.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ the last session
    def setLastSession(self, session: Session | None, plan: list[str] | None = None) -> None:
        """The client's session before this one (and the plan made for the next): a new
        session starts with its duration and modality, and one line recalls it."""
        self._last = session
        strip = self.lastSessionStrip
        if session is None:
            strip.clear()
            strip.setToolTip("")
            strip.setVisible(False)
            return
        text = last_session_text(session, plan or [], self._catalogue)
        strip.setText(text)
        strip.setToolTip(text)
        strip.setAccessibleDescription(text)
        strip.setVisible(True)

    def lastSession(self) -> Session | None:
        return self._last

    def _start_from_last(self) -> None:
        """A new session's duration and modality are the last session's (callers hold
        ``_loading``)."""
        last = self._last
        if last is None:
            return
        ui = self.ui
        ui.durationInput.setValue(last.duration_min or 0)
        if last.modality is not None:
            ui.modalityInput.setCurrentIndex(max(ui.modalityInput.findData(last.modality.value), 0))

    # ------------------------------------------------------------------ the user's place
    def placeState(self) -> dict[str, Any]:
        """Where the user is in the editor (focused field, cursor, scroll), for a lock."""
        return place.place_state(self)

    def restorePlace(self, state: dict[str, Any]) -> None:
        """Put the focus, cursor and scroll back as ``placeState`` found them."""
        place.restore_place(self, state)

    def _show_session(self, s: Session) -> None:
        ui = self.ui
        if isinstance(s.date, date):
            qdate = QDate(s.date.year, s.date.month, s.date.day)
            ui.dateEdit.setMaximumDate(max(QDate.currentDate(), qdate))
            ui.dateEdit.setDate(qdate)
        ui.durationInput.setValue(s.duration_min or 0)
        index = ui.modalityInput.findData(s.modality.value if s.modality else None)
        ui.modalityInput.setCurrentIndex(max(index, 0))
        for dim, rating in self.ratings.items():
            rating.setValue(getattr(s, dim))
        ui.clientRatingEdit.setText("" if s.client_rating is None else f"{s.client_rating:g}")
        self._set_outcome(None if s.outcome_rating is None else float(s.outcome_rating))
        ui.supervisionCheck.setChecked(bool(s.supervision))
        self.reflectionEditor.setReflection(s.reflection)
        self.rupture_list.setStates([rupture_state(r) for r in s.ruptures])
        self.strategyChecklist.setChecked(s.strategies, notify=False)
        self.tagEdit.setTags(s.tags)

    def _after_load(self, *, dirty: bool) -> None:
        self._dirty = dirty
        self._refresh_counts()
        self._update_tab_order()

    def repairDate(self) -> date:
        """The day a repair marked here is recorded on: this session's date, at most today."""
        return min(self.ui.dateEdit.date().toPython(), date.today())

    # ------------------------------------------------------------------ ruptures
    def addRupture(self) -> RuptureEditor:
        """Add an empty rupture card, open the section and focus its first choice."""
        return self.rupture_list.add()

    def ruptureEditors(self) -> list[RuptureEditor]:
        return self.rupture_list.cards()

    def setPriorRuptures(self, items: list[PriorRupture]) -> None:
        """Open ruptures of this client's earlier sessions (and any just marked repaired
        here, for Undo): each gets a "Mark repaired" line in the rupture section."""
        self.rupture_list.setPrior(items)
        if self._reading:
            reading.lock(self.ui.scrollContents, self._reading_spared())

    def priorRuptureItems(self) -> list[PriorRupture]:
        return self.priorRuptures.items()

    def showRuptureMessage(self, message: str) -> None:
        """A problem with marking an earlier rupture repaired, shown in the section."""
        self.rupture_list.showMessage(message)

    # ------------------------------------------------------------------ building a session
    def buildSession(self) -> Session:
        """A Session from the fields, for the domain to validate. Raises ValidationError
        (every such problem at once) only for input that cannot be represented at all."""
        return drafts.build_session(self)

    # ------------------------------------------------------------------ drafts and problems
    def toDraft(self) -> dict:
        """Every field as JSON-ready data, raw text included (even an unparsable
        client rating), so restoring it is exact."""
        return drafts.to_draft(self)

    def loadDraft(self, client: Client, draft: dict) -> None:
        """Restore a snapshot from ``toDraft`` exactly; it is unsaved work, so dirty."""
        self._set_reading(False)
        self._loading = True
        self.setEnabled(True)
        try:
            drafts.fill_from_draft(self, client, draft)
            self._set_title()
        finally:
            self._loading = False
        self._after_load(dirty=True)

    def showProblems(self, error: ValidationError) -> None:
        """Put each problem next to its field, open folded sections that hold one, and
        focus the first invalid field in reading order."""
        self._problems.show(error)

    def clearProblems(self) -> None:
        self._problems.clear()

    # ------------------------------------------------------------------ reading mode
    def showForReading(
        self, session: Session | int, highlight: str = "", *, client: Client | None = None
    ) -> None:
        """Show a saved session read-only, each word starting with one of
        ``highlight``'s words marked; Edit (or E) then edits the same session.

        ``session`` may be an id when ``sessionLookup`` is set. ``client`` defaults to
        the editor's current client when the ids agree."""
        if isinstance(session, int):
            found = self.sessionLookup(session) if self.sessionLookup is not None else None
            if found is None:
                return
            client, session = found
        if client is None or client.id != session.client_id:
            same = self._client is not None and self._client.id == session.client_id
            client = self._client if same and self._client else Client("", id=session.client_id)
        self.load(client, session)
        for section in (self.rupturesSection, self.strategiesSection, self.tagsSection):
            section.setExpanded(section.count() > 0)
        self._set_reading(True)
        edits = [*self.reflectionEditor.edits(), *(c.noteEdit for c in self.ruptureEditors())]
        marked = reading.mark(edits, highlight)
        target = marked[0] if marked else self.reflectionEditor.firstEdit()
        cursor = reading.first_mark(target) if marked else None
        if cursor is not None:
            cursor.setPosition(cursor.selectionStart())
            target.setTextCursor(cursor)
        target.show()  # built just now: shown at once, not by the layout's queued show
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ui.scrollArea.ensureWidgetVisible(target)

    def isReading(self) -> bool:
        return self._reading

    def startEditing(self) -> None:
        """Leave reading mode: the same session, now editable, focus where it was."""
        if not self._reading:
            return
        focus = QApplication.focusWidget()
        self._set_reading(False)
        if focus is None or not self.isAncestorOf(focus) or not focus.isEnabled():
            focus = self.ui.trustInput
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editingStarted.emit(self._session_id)

    def _reading_spared(self) -> list[QWidget]:
        """What stays usable while reading: the section headers open and close."""
        return [self.rupturesSection.toggle, self.strategiesSection.toggle, self.tagsSection.toggle]

    def _set_reading(self, on: bool) -> None:
        if on != self._reading:
            self._reading = on
            reading.show_mode(self, on, self._reading_spared())
            self._edit_key.setEnabled(on)

    # ------------------------------------------------------------------ clearing
    def clear(self) -> None:
        """Wipe every field, undo history and model, and forget the client and the
        vault's context: after a lock no client data remains in any widget."""
        self._set_reading(False)
        self._loading = True
        try:
            self._reset_fields()
            self._client = None
            self._session_id = None
            self._created_at = None
            self._updated_at = None
            self._catalogue = catalogue()
            self.strategyChecklist.setCatalogue(self._catalogue)
            self._scale = ClientRatingScale()
            self._outcome = OutcomeScale()
            self._set_scale_label()
            self.tagEdit.clearAll()
            self.setLastSession(None)
            self._set_title()
        finally:
            self._loading = False
        self._after_load(dirty=False)
        self.setEnabled(False)
