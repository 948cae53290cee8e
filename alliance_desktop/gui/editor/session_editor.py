"""The session editor: rate the relationship, write a few lines, save, in two minutes.

It sits non-modally in the main window. It only presents: it turns its fields into a
domain :class:`Session` (``buildSession``) and shows the domain's validation problems
next to the fields they concern (``showProblems``); saving, drafts and validation
belong to the controller and the domain. ``toDraft``/``loadDraft`` snapshot every
field, including text that would not yet validate, so a crash or a lock loses nothing.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Client, Modality, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.strategies import Strategy, catalogue
from alliance_desktop.gui import resources_rc  # noqa: F401  (registers :/icons)
from alliance_desktop.gui.common.widgets.collapsible import CollapsibleSection
from alliance_desktop.gui.common.widgets.tag_edit import TagEdit
from alliance_desktop.gui.editor.rating_input import RatingInput
from alliance_desktop.gui.editor.reflection_editor import ReflectionEditor
from alliance_desktop.gui.editor.rupture_editor import (
    PriorRupture,
    PriorRupturesBox,
    RuptureEditor,
    rupture_state,
)
from alliance_desktop.gui.editor.strategy_checklist import StrategyChecklist
from alliance_desktop.gui.feedback import error_label, show_message
from alliance_desktop.gui.forms.ui_session_editor import Ui_SessionEditorForm

DRAFT_VERSION = 1
WARNING = "⚠"  # the error's shape, so meaning never rests on colour alone
_RUPTURE_FIELD = re.compile(r"^ruptures\[(\d+)\](?:\.(\w+))?$")
# Local additions to the application style sheet: a padded plain-text edit would show
# the window colour in its padding, and the footer needs a quiet rule above it.
EDITOR_STYLE = """
QPlainTextEdit { background-color: palette(base); }
QFrame#footer { border-top: 1px solid palette(mid); }
"""
# Domain messages are predicates ("is required"); these read well after the field name.
_PREDICATE_START = ("is ", "are ", "must ", "cannot ", "takes ", "contains ", "has ")


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
        self._ruptures: list[RuptureEditor] = []
        self._removed: tuple[int, dict[str, Any]] | None = None
        self._descriptions: dict[QWidget, str] = {}

        ui = self.ui
        self.ratings: dict[str, RatingInput] = {
            "trust": ui.trustInput,
            "engagement": ui.engagementInput,
            "goal_alignment": ui.goalAlignmentInput,
            "approach_fit": ui.approachFitInput,
        }
        for heading in (ui.ratingsHeading, ui.reflectionHeading):
            font = QFont(heading.font())
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.1)
            font.setWeight(QFont.Weight.DemiBold)
            heading.setFont(font)
        ui.modalityInput.addItem("—", None)
        for modality, label in modality_labels().items():
            ui.modalityInput.addItem(label, modality.value)
        self._last: Session | None = None
        self._build_body()
        self._build_last_strip()
        self._build_fields_registry()
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

    # ------------------------------------------------------------------ construction
    def _build_body(self) -> None:
        """The dynamic lower part: reflection, then the three folded sections."""
        body = self.ui.bodyLayout
        self.reflectionEditor = ReflectionEditor(self.ui.scrollContents)
        self.reflectionEditor.setObjectName("reflectionEditor")
        self.reflectionEditor.setAccessibleName(self.tr("Reflection"))
        # The text is the biggest thing here: the reflection takes the free height (no
        # spacer below it), and the editor scrolls as a whole only when the window is
        # too small for the text's minimum.
        self.ui.contentLayout.removeItem(self.ui.bottomSpacer)
        self.ui.contentLayout.setStretchFactor(body, 1)
        body.addWidget(self.reflectionEditor, 1)
        self.ui.reflectionHeading.setBuddy(self.reflectionEditor.firstEdit())

        # Ruptures
        self.rupturesSection = CollapsibleSection(
            self.tr("Ruptures"),
            self.tr("A strain or breakdown in the collaboration"),
            self.ui.scrollContents,
        )
        self.rupturesSection.setObjectName("rupturesSection")
        self._ruptures_hint = self.rupturesSection.hint.text()
        self.priorRuptures = PriorRupturesBox(self.rupturesSection.body)
        self.priorRuptures.repairRequested.connect(self.repairRequested)
        self.priorRuptures.reopenRequested.connect(self.reopenRequested)
        self.rupturesSection.addWidget(self.priorRuptures)
        self.rupturesList = QWidget(self.rupturesSection.body)
        self.rupturesList.setObjectName("rupturesList")
        self._ruptures_layout = QVBoxLayout(self.rupturesList)
        self._ruptures_layout.setContentsMargins(0, 0, 0, 0)
        self._ruptures_layout.setSpacing(8)
        self.rupturesEmpty = QLabel(
            self.tr(
                "No rupture noted. If the collaboration strained or broke down, add one: "
                "its type, the markers you saw and how it ended."
            ),
            self.rupturesSection.body,
        )
        self.rupturesEmpty.setObjectName("rupturesEmptyLabel")
        self.rupturesEmpty.setProperty("role", "hint")
        self.rupturesEmpty.setWordWrap(True)
        self.addRuptureButton = QPushButton(
            QIcon(":/icons/add.svg"), self.tr("Add a rupture"), self.rupturesSection.body
        )
        self.addRuptureButton.setObjectName("addRuptureButton")
        self.addRuptureButton.setAccessibleName(self.tr("Add a rupture"))
        self.removedLabel = QLabel(self.rupturesSection.body)
        self.removedLabel.setObjectName("ruptureRemovedLabel")
        self.removedLabel.setProperty("role", "hint")
        self.undoRemoveButton = QPushButton(self.tr("Undo"), self.rupturesSection.body)
        self.undoRemoveButton.setObjectName("undoRemoveRuptureButton")
        self.undoRemoveButton.setAccessibleName(self.tr("Undo removing the rupture"))
        self.rupturesError = error_label("rupturesError", self.rupturesSection.body)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.addRuptureButton)
        actions.addWidget(self.removedLabel)
        actions.addWidget(self.undoRemoveButton)
        actions.addStretch(1)
        self.rupturesSection.addWidget(self.rupturesEmpty)
        self.rupturesSection.addWidget(self.rupturesList)
        self.rupturesSection.addWidget(self.rupturesError)
        self.rupturesSection.bodyLayout.addLayout(actions)
        body.addWidget(self.rupturesSection)

        # Strategies
        self.strategiesSection = CollapsibleSection(
            self.tr("Strategies"),
            self.tr("What you tried, from your catalogue"),
            self.ui.scrollContents,
        )
        self.strategiesSection.setObjectName("strategiesSection")
        self.strategyChecklist = StrategyChecklist(self.strategiesSection.body)
        self.strategyChecklist.setObjectName("strategyChecklist")
        self.strategiesError = error_label("strategiesError", self.strategiesSection.body)
        self.strategiesSection.addWidget(self.strategyChecklist)
        self.strategiesSection.addWidget(self.strategiesError)
        body.addWidget(self.strategiesSection)

        # Tags
        self.tagsSection = CollapsibleSection(
            self.tr("Tags"), self.tr("Words to find this session by later"), self.ui.scrollContents
        )
        self.tagsSection.setObjectName("tagsSection")
        self.tagEdit = TagEdit(self.tagsSection.body)
        self.tagEdit.setObjectName("tagEdit")
        self.tagEdit.setAccessibleName(self.tr("Tags"))
        self.tagEdit.setToolTip(self.tr("Separate tags with commas or Enter."))
        tags_hint = QLabel(self.tr("Separate tags with commas or Enter."), self.tagsSection.body)
        tags_hint.setProperty("role", "hint")
        self.tagsError = error_label("tagsError", self.tagsSection.body)
        self.tagsSection.addWidget(self.tagEdit)
        self.tagsSection.addWidget(tags_hint)
        self.tagsSection.addWidget(self.tagsError)
        body.addWidget(self.tagsSection)

    def _build_last_strip(self) -> None:
        """One quiet line about the client's last session: its ratings and plan."""
        strip = QLabel(self.ui.scrollContents)
        strip.setObjectName("lastSessionStrip")
        strip.setProperty("role", "hint")
        strip.setTextFormat(Qt.TextFormat.PlainText)
        strip.setWordWrap(False)
        # One line whatever its length: it never widens the editor; the tooltip has it all.
        strip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        strip.setAccessibleName(self.tr("Last session"))
        strip.setVisible(False)
        layout = self.ui.contentLayout
        layout.insertWidget(layout.indexOf(self.ui.generalError) + 1, strip)
        self.lastSessionStrip = strip

    def _build_fields_registry(self) -> None:
        """Field name -> (error label, widget to focus, human name). The order is the
        reading order used to pick the first invalid field."""
        ui = self.ui
        self._fields: dict[str, tuple[QLabel, QWidget, str]] = {
            "date": (ui.dateError, ui.dateEdit, self.tr("Date")),
            "duration_min": (ui.durationError, ui.durationInput, self.tr("Duration")),
            "modality": (ui.modalityError, ui.modalityInput, self.tr("Modality")),
            "trust": (ui.trustError, ui.trustInput, self.tr("Trust")),
            "engagement": (ui.engagementError, ui.engagementInput, self.tr("Engagement")),
            "goal_alignment": (
                ui.goalAlignmentError,
                ui.goalAlignmentInput,
                self.tr("Goal alignment"),
            ),
            "approach_fit": (ui.approachFitError, ui.approachFitInput, self.tr("Approach fit")),
            "client_rating": (ui.clientRatingError, ui.clientRatingEdit, self.tr("Client rating")),
            "outcome_rating": (
                ui.outcomeRatingError,
                ui.outcomeRatingInput,
                self.tr("Outcome"),
            ),
        }

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
        for field, (label, _widget, _name) in self._fields.items():
            edited_signals[field].connect(lambda *_a, lab=label: lab.setVisible(False))
        self.reflectionEditor.changed.connect(self._edited)
        self.reflectionEditor.templateCombo.currentIndexChanged.connect(self._update_tab_order)
        self.strategyChecklist.changed.connect(self._edited)
        self.tagEdit.tagsChanged.connect(self._edited)
        self.addRuptureButton.clicked.connect(self._add_rupture_clicked)
        self.undoRemoveButton.clicked.connect(self._undo_remove)
        ui.saveSessionButton.clicked.connect(self.saveRequested)
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
        self._shortcuts = (save, cancel, *enters)

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
            self.rupturesSection.toggle,
            *self.priorRuptures.focusChain(),
        ]
        for editor in self._ruptures:
            chain += editor.focusChain()
        chain += [
            self.addRuptureButton,
            self.undoRemoveButton,
            self.strategiesSection.toggle,
            *self.strategyChecklist.focusChain(),
            self.tagsSection.toggle,
            self.tagEdit,
            ui.supervisionCheck,
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
        self.rupturesSection.setCount(len(self._ruptures))
        self.strategiesSection.setCount(len(self.strategyChecklist.checked()))
        self.tagsSection.setCount(len(self.tagEdit.tags()))
        self.rupturesEmpty.setVisible(not self._ruptures)
        undo = self._removed is not None
        self.removedLabel.setVisible(undo)
        self.undoRemoveButton.setVisible(undo)

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
        for editor in self._ruptures:
            editor.setCatalogue(self._catalogue)
        self.tagEdit.setAvailableTags(tags)
        self._set_scale_label()
        self._update_tab_order()

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
        self._set_ruptures([])
        self._removed = None
        self.priorRuptures.setItems([])
        self.rupturesSection.hint.setText(self._ruptures_hint)
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
        text = self._last_text(session, plan or [])
        strip.setText(text)
        strip.setToolTip(text)
        strip.setAccessibleDescription(text)
        strip.setVisible(True)

    def lastSession(self) -> Session | None:
        return self._last

    def _last_text(self, s: Session, plan: list[str]) -> str:
        names = {
            "trust": self.tr("trust"),
            "engagement": self.tr("engagement"),
            "goal_alignment": self.tr("goals"),
            "approach_fit": self.tr("fit"),
        }
        ratings = [
            f"{name} {getattr(s, dim)}"
            for dim, name in names.items()
            if getattr(s, dim) is not None
        ]
        day = QLocale().toString(QDate(s.date.year, s.date.month, s.date.day), "d MMM")
        if s.date.year != date.today().year:
            day = QLocale().toString(QDate(s.date.year, s.date.month, s.date.day), "d MMM yyyy")
        text = self.tr("Last time (%1)").replace("%1", day)
        if ratings:
            text += ": " + ", ".join(ratings)
        planned = s.reflection.sections.get("action_plan", "").strip()
        if planned:
            plan_text = " ".join(planned.split())
        else:
            plan_text = ", ".join(
                self._catalogue[k].label if k in self._catalogue else k for k in plan
            )
        if plan_text:
            if len(plan_text) > 120:
                plan_text = plan_text[:119].rstrip() + "…"
            text += " · " + self.tr("plan: %1").replace("%1", plan_text)
        return text

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
        state: dict[str, Any] = {"scroll": self.ui.scrollArea.verticalScrollBar().value()}
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and focus.objectName():
            state["focus"] = focus.objectName()
            if isinstance(focus, QPlainTextEdit):
                cursor = focus.textCursor()
                state["cursor"] = (cursor.anchor(), cursor.position())
            elif isinstance(focus, QLineEdit):
                state["cursor"] = (focus.cursorPosition(), focus.cursorPosition())
        return state

    def restorePlace(self, state: dict[str, Any]) -> None:
        """Put the focus, cursor and scroll back as ``placeState`` found them."""
        name = state.get("focus")
        widget = self.findChild(QWidget, str(name)) if name else None
        if widget is None or not widget.isVisibleTo(self):
            widget = self.reflectionEditor.firstEdit()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor_at = state.get("cursor")
        if isinstance(widget, QPlainTextEdit):
            length = len(widget.toPlainText())
            anchor, position = cursor_at if cursor_at else (length, length)
            cursor = widget.textCursor()
            cursor.setPosition(min(int(anchor), length))
            cursor.setPosition(min(int(position), length), QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
        elif isinstance(widget, QLineEdit) and cursor_at:
            widget.setCursorPosition(int(cursor_at[1]))
        scroll = state.get("scroll")
        if isinstance(scroll, int):
            self.ui.scrollArea.verticalScrollBar().setValue(scroll)
        self.ui.scrollArea.ensureWidgetVisible(widget)

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
        self._set_ruptures([rupture_state(r) for r in s.ruptures])
        self.strategyChecklist.setChecked(s.strategies, notify=False)
        self.tagEdit.setTags(s.tags)

    def _after_load(self, *, dirty: bool) -> None:
        self._dirty = dirty
        self._refresh_counts()
        self._update_tab_order()

    # ------------------------------------------------------------------ ruptures
    def _set_ruptures(self, states: list[dict[str, Any]]) -> None:
        for editor in self._ruptures:
            self._discard_rupture(editor)
        self._ruptures = []
        for state in states:
            self._insert_rupture(len(self._ruptures), state)

    def _insert_rupture(self, index: int, state: dict[str, Any] | None) -> RuptureEditor:
        editor = RuptureEditor(index, self.rupturesList)
        editor.setCatalogue(self._catalogue)
        if state:
            editor.setState(state)
        editor.changed.connect(self._edited)
        editor.removeRequested.connect(self._remove_rupture)
        self._ruptures.insert(index, editor)
        self._ruptures_layout.insertWidget(index, editor)
        # Shown now, not when the layout's queued show runs: the focus goes into it next.
        editor.show()
        self._renumber()
        return editor

    def _discard_rupture(self, editor: RuptureEditor) -> None:
        editor.wipe()
        self._ruptures_layout.removeWidget(editor)
        editor.setParent(None)
        editor.deleteLater()

    def _renumber(self) -> None:
        for i, editor in enumerate(self._ruptures):
            editor.setIndex(i)

    def _add_rupture_clicked(self) -> None:
        self.addRupture()

    def addRupture(self) -> RuptureEditor:
        """Add an empty rupture card, open the section and focus its first choice."""
        self._removed = None
        editor = self._insert_rupture(len(self._ruptures), None)
        self.rupturesSection.setExpanded(True)
        self._update_tab_order()
        self._edited()
        first = editor.focusChain()[0]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ui.scrollArea.ensureWidgetVisible(editor)
        return editor

    def ruptureEditors(self) -> list[RuptureEditor]:
        return list(self._ruptures)

    def _remove_rupture(self, editor: RuptureEditor) -> None:
        # No confirmation dialog: an inline Undo keeps the note safe instead.
        index = self._ruptures.index(editor)
        self._removed = (index, editor.state())
        self._ruptures.remove(editor)
        self._discard_rupture(editor)
        self._renumber()
        self.removedLabel.setText(self.tr("Rupture %1 removed.").replace("%1", str(index + 1)))
        self._update_tab_order()
        self._edited()
        self.undoRemoveButton.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo_remove(self) -> None:
        if self._removed is None:
            return
        index, state = self._removed
        self._removed = None
        editor = self._insert_rupture(min(index, len(self._ruptures)), state)
        self._update_tab_order()
        self._edited()
        editor.focusChain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ earlier ruptures
    def setPriorRuptures(self, items: list[PriorRupture]) -> None:
        """Open ruptures of this client's earlier sessions (and any just marked repaired
        here, for Undo): each gets a "Mark repaired" line in the rupture section."""
        self.priorRuptures.setItems(items)
        still_open = sum(1 for item in items if item.rupture.resolved_on is None)
        if still_open == 1:
            hint = self.tr("1 rupture from an earlier session is still open")
        elif still_open:
            hint = self.tr("%1 ruptures from earlier sessions are still open").replace(
                "%1", str(still_open)
            )
        else:
            hint = self._ruptures_hint
        self.rupturesSection.hint.setText(hint)
        self._update_tab_order()

    def priorRuptureItems(self) -> list[PriorRupture]:
        return self.priorRuptures.items()

    def repairDate(self) -> date:
        """The day a repair marked here is recorded on: this session's date, at most today."""
        return min(self.ui.dateEdit.date().toPython(), date.today())

    def showRuptureMessage(self, message: str) -> None:
        """A problem with marking an earlier rupture repaired, shown in the section."""
        self.rupturesSection.setExpanded(True)
        show_message(self.rupturesError, message)

    # ------------------------------------------------------------------ building a session
    def _client_rating(self) -> float | None:
        text = self.ui.clientRatingEdit.text().strip()
        if not text:
            return None
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(
                [Problem("client_rating", _t("must be a number, such as 32 or 32.5"))]
            ) from None

    def buildSession(self) -> Session:
        """A Session from the fields, for the domain to validate. Raises ValidationError
        (every such problem at once) only for input that cannot be represented at all."""
        problems: list[Problem] = []
        client_rating = None
        try:
            client_rating = self._client_rating()
        except ValidationError as error:
            problems += error.problems
        ruptures = []
        for editor in self._ruptures:
            try:
                ruptures.append(editor.rupture())
            except ValidationError as error:
                problems += error.problems
        if problems:
            raise ValidationError(problems)
        ui = self.ui
        modality = ui.modalityInput.currentData()
        duration = ui.durationInput.value()
        return Session(
            client_id=self.currentClientId(),
            date=ui.dateEdit.date().toPython(),
            trust=self.ratings["trust"].getValue(),
            engagement=self.ratings["engagement"].getValue(),
            goal_alignment=self.ratings["goal_alignment"].getValue(),
            approach_fit=self.ratings["approach_fit"].getValue(),
            duration_min=duration or None,
            modality=Modality(modality) if modality else None,
            client_rating=client_rating,
            outcome_rating=self._outcome_value(),
            ruptures=ruptures,
            strategies=self.strategyChecklist.checked(),
            tags=self.tagEdit.tags(),
            reflection=self.reflectionEditor.reflection(),
            supervision=ui.supervisionCheck.isChecked(),
            created_at=self._created_at,
            updated_at=self._updated_at,
            id=self._session_id,
        )

    # ------------------------------------------------------------------ drafts
    def toDraft(self) -> dict:
        """Every field as JSON-ready data, raw text included (even an unparsable
        client rating), so restoring it is exact."""
        ui = self.ui
        modality = ui.modalityInput.currentData()
        return {
            "version": DRAFT_VERSION,
            "client_id": self.currentClientId(),
            "session_id": self._session_id,
            "created_at": self._created_at.isoformat() if self._created_at else None,
            "updated_at": self._updated_at.isoformat() if self._updated_at else None,
            "date": ui.dateEdit.date().toPython().isoformat(),
            "duration_min": ui.durationInput.value() or None,
            "modality": modality,
            **{dim: rating.getValue() for dim, rating in self.ratings.items()},
            "client_rating": ui.clientRatingEdit.text(),
            "outcome_rating": self._outcome_value(),
            "supervision": ui.supervisionCheck.isChecked(),
            "reflection": {
                "template": self.reflectionEditor.templateKey(),
                "sections": self.reflectionEditor.sectionTexts(),
            },
            "ruptures": [editor.state() for editor in self._ruptures],
            "strategies": list(self.strategyChecklist.checked()),
            "tags": self.tagEdit.text(),
            "expanded": {
                "ruptures": self.rupturesSection.isExpanded(),
                "strategies": self.strategiesSection.isExpanded(),
                "tags": self.tagsSection.isExpanded(),
            },
        }

    def loadDraft(self, client: Client, draft: dict) -> None:
        """Restore a snapshot from ``toDraft`` exactly; it is unsaved work, so dirty."""
        ui = self.ui
        self._loading = True
        self.setEnabled(True)
        try:
            self._client = client
            self._session_id = draft.get("session_id")
            self._created_at = _parse_datetime(draft.get("created_at"))
            self._updated_at = _parse_datetime(draft.get("updated_at"))
            self._reset_fields()
            day = QDate.fromString(str(draft.get("date") or ""), Qt.DateFormat.ISODate)
            if day.isValid():
                ui.dateEdit.setMaximumDate(max(QDate.currentDate(), day))
                ui.dateEdit.setDate(day)
            ui.durationInput.setValue(int(draft.get("duration_min") or 0))
            ui.modalityInput.setCurrentIndex(
                max(ui.modalityInput.findData(draft.get("modality")), 0)
            )
            for dim, rating in self.ratings.items():
                rating.setValue(draft.get(dim))
            ui.clientRatingEdit.setText(str(draft.get("client_rating") or ""))
            outcome = draft.get("outcome_rating")
            self._set_outcome(
                float(outcome)
                if isinstance(outcome, int | float) and not isinstance(outcome, bool)
                else None
            )
            ui.supervisionCheck.setChecked(bool(draft.get("supervision")))
            reflection = draft.get("reflection") or {}
            self.reflectionEditor.setContent(
                str(reflection.get("template") or ""), dict(reflection.get("sections") or {})
            )
            self._set_ruptures(list(draft.get("ruptures") or []))
            self.strategyChecklist.setChecked(draft.get("strategies") or (), notify=False)
            self.tagEdit.setText(str(draft.get("tags") or ""))
            expanded = draft.get("expanded") or {}
            self.rupturesSection.setExpanded(bool(expanded.get("ruptures")))
            self.strategiesSection.setExpanded(bool(expanded.get("strategies")))
            self.tagsSection.setExpanded(bool(expanded.get("tags")))
            self._set_title()
        finally:
            self._loading = False
        self._after_load(dirty=True)

    # ------------------------------------------------------------------ problems
    def showProblems(self, error: ValidationError) -> None:
        """Put each problem next to its field, open folded sections that hold one, and
        focus the first invalid field in reading order."""
        self.clearProblems()
        focus: list[tuple[tuple[int, int], QWidget]] = []
        general: list[str] = []
        for problem in error.problems:
            target = self._show_problem(problem)
            if target is None:
                general.append(_compose(problem.field, problem.message))
            else:
                rank, widget = target
                focus.append(((rank, len(focus)), widget))
        if general:
            self.ui.generalError.setText("\n".join(f"{WARNING} {g}" for g in general))
            self.ui.generalError.setVisible(True)
        if focus:
            widget = min(focus, key=lambda item: item[0])[1]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ui.scrollArea.ensureWidgetVisible(widget)
        elif general:
            self.ui.scrollArea.verticalScrollBar().setValue(0)

    def _show_problem(self, problem: Problem) -> tuple[int, QWidget] | None:
        """Show one problem; returns its reading-order rank and the widget to focus."""
        field, message = problem.field, problem.message
        if field in self._fields:
            label, widget, name = self._fields[field]
            self._set_error(label, widget, f"{WARNING} {_compose(name, message)}")
            return list(self._fields).index(field), widget
        base = len(self._fields)
        if field == "reflection" or field.startswith("reflection."):
            widget = self.reflectionEditor.showProblem(field, f"{WARNING} {message}")
            self._describe(widget, message)
            return base, widget
        match = _RUPTURE_FIELD.match(field)
        if match:
            index, part = int(match.group(1)), match.group(2) or "type"
            if index >= len(self._ruptures):
                return None
            self.rupturesSection.setExpanded(True)
            editor = self._ruptures[index]
            widget = editor.showProblem(part, f"{WARNING} {message}")
            self._describe(widget, message)
            return base + 1 + index, widget
        sections = {
            "strategies": (self.strategiesSection, self.strategiesError, self.tr("Strategies")),
            "tags": (self.tagsSection, self.tagsError, self.tr("Tags")),
        }
        if field in sections:
            section, label, name = sections[field]
            section.setExpanded(True)
            widget = self.tagEdit if field == "tags" else self._first_strategy()
            self._set_error(label, widget, f"{WARNING} {_compose(name, message)}")
            return base + 1000 + list(sections).index(field), widget
        if field == "supervision":
            self._set_error(self.ui.generalError, self.ui.supervisionCheck, f"{WARNING} {message}")
            return base + 2000, self.ui.supervisionCheck
        return None

    def _first_strategy(self) -> QWidget:
        chain = self.strategyChecklist.focusChain()
        return chain[0] if chain else self.strategiesSection.toggle

    def _set_error(self, label: QLabel, widget: QWidget, text: str) -> None:
        label.setText(text)
        label.setVisible(True)
        self._describe(widget, text.removeprefix(WARNING).strip())

    def _describe(self, widget: QWidget, message: str) -> None:
        """Screen readers announce the description when the field gets focus."""
        if widget not in self._descriptions:
            self._descriptions[widget] = widget.accessibleDescription()
        widget.setAccessibleDescription(message)

    def clearProblems(self) -> None:
        for label, _widget, _name in self._fields.values():
            label.clear()
            label.setVisible(False)
        for label in (
            self.ui.generalError,
            self.rupturesError,
            self.strategiesError,
            self.tagsError,
        ):
            label.clear()
            label.setVisible(False)
        self.reflectionEditor.clearProblems()
        for editor in self._ruptures:
            editor.clearProblems()
        for widget, description in self._descriptions.items():
            # A rupture card or section edit may have been deleted since.
            with contextlib.suppress(RuntimeError):
                widget.setAccessibleDescription(description)
        self._descriptions = {}

    # ------------------------------------------------------------------ clearing
    def clear(self) -> None:
        """Wipe every field, undo history and model, and forget the client and the
        vault's context: after a lock no client data remains in any widget."""
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


def _parse_datetime(value: object) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _compose(name: str, message: str) -> str:
    """ "Trust" + "is required" -> "Trust is required"; other messages after a colon."""
    if message.startswith(_PREDICATE_START):
        return f"{name} {message}"
    return f"{name}: {message}"
