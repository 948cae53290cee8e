"""The domain's validation problems, each shown next to the field it concerns.

Each message is also set as the field's accessible description, so a screen reader
says it when the focus lands there; clearing the problems puts the old descriptions back.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.gui.common.accessibility import announce

if TYPE_CHECKING:
    from alliance_desktop.gui.editor.session_editor import SessionEditor

WARNING = "⚠"  # the error's shape, so meaning never rests on colour alone
_RUPTURE_FIELD = re.compile(r"^ruptures\[(\d+)\](?:\.(\w+))?$")
# Domain messages are predicates ("is required"); these read well after the field name.
_PREDICATE_START = ("is ", "are ", "must ", "cannot ", "takes ", "contains ", "has ")


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionEditor", text)


def compose(name: str, message: str) -> str:
    """ "Trust" + "is required" -> "Trust is required"; other messages after a colon."""
    if message.startswith(_PREDICATE_START):
        return f"{name} {message}"
    return f"{name}: {message}"


class ProblemDisplay:
    """Field name -> (error label, widget to focus, human name), in reading order: the
    order picks the first invalid field to focus."""

    def __init__(self, editor: SessionEditor) -> None:
        self._editor = editor
        self._descriptions: dict[QWidget, str] = {}
        ui = editor.ui
        self.fields: dict[str, tuple[QLabel, QWidget, str]] = {
            "date": (ui.dateError, ui.dateEdit, _t("Date")),
            "duration_min": (ui.durationError, ui.durationInput, _t("Duration")),
            "modality": (ui.modalityError, ui.modalityInput, _t("Modality")),
            "trust": (ui.trustError, ui.trustInput, _t("Trust")),
            "engagement": (ui.engagementError, ui.engagementInput, _t("Engagement")),
            "goal_alignment": (ui.goalAlignmentError, ui.goalAlignmentInput, _t("Goal alignment")),
            "approach_fit": (ui.approachFitError, ui.approachFitInput, _t("Approach fit")),
            "client_rating": (ui.clientRatingError, ui.clientRatingEdit, _t("Client rating")),
            "outcome_rating": (ui.outcomeRatingError, ui.outcomeRatingInput, _t("Outcome")),
        }

    def show(self, error: ValidationError) -> None:
        """Put each problem next to its field, open folded sections that hold one, and
        focus the first invalid field in reading order."""
        editor = self._editor
        self.clear()
        focus: list[tuple[tuple[int, int], QWidget]] = []
        general: list[str] = []
        for problem in error.problems:
            target = self._show_one(problem)
            if target is None:
                general.append(compose(problem.field, problem.message))
            else:
                rank, widget = target
                focus.append(((rank, len(focus)), widget))
        if general:
            editor.ui.generalError.setText("\n".join(f"{WARNING} {g}" for g in general))
            editor.ui.generalError.setVisible(True)
        count = len(error.problems)
        summary = (
            _t("Not saved: 1 problem to fix.")
            if count == 1
            else _t("Not saved: %1 problems to fix.").replace("%1", str(count))
        )
        first = sorted(focus, key=lambda item: item[0])
        if first:
            summary += " " + first[0][1].accessibleDescription()
        elif general:
            summary += " " + general[0]
        announce(editor, summary, assertive=True)
        if focus:
            widget = min(focus, key=lambda item: item[0])[1]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            editor.ui.scrollArea.ensureWidgetVisible(widget)
        elif general:
            editor.ui.scrollArea.verticalScrollBar().setValue(0)

    def _show_one(self, problem: Problem) -> tuple[int, QWidget] | None:
        """Show one problem; returns its reading-order rank and the widget to focus."""
        editor = self._editor
        field, message = problem.field, problem.message
        if field in self.fields:
            label, widget, name = self.fields[field]
            self._set_error(label, widget, f"{WARNING} {compose(name, message)}")
            return list(self.fields).index(field), widget
        base = len(self.fields)
        if field == "reflection" or field.startswith("reflection."):
            widget = editor.reflectionEditor.showProblem(field, f"{WARNING} {message}")
            self.describe(widget, message)
            return base, widget
        match = _RUPTURE_FIELD.match(field)
        if match:
            index, part = int(match.group(1)), match.group(2) or "type"
            cards = editor.ruptureEditors()
            if index >= len(cards):
                return None
            editor.rupturesSection.setExpanded(True)
            widget = cards[index].showProblem(part, f"{WARNING} {message}")
            self.describe(widget, message)
            return base + 1 + index, widget
        sections = {
            "strategies": (editor.strategiesSection, editor.strategiesError, _t("Strategies")),
            "tags": (editor.tagsSection, editor.tagsError, _t("Tags")),
        }
        if field in sections:
            section, label, name = sections[field]
            section.setExpanded(True)
            widget = editor.tagEdit if field == "tags" else self._first_strategy()
            self._set_error(label, widget, f"{WARNING} {compose(name, message)}")
            return base + 1000 + list(sections).index(field), widget
        if field == "supervision":
            check = editor.ui.supervisionCheck
            self._set_error(editor.ui.generalError, check, f"{WARNING} {message}")
            return base + 2000, check
        return None

    def _first_strategy(self) -> QWidget:
        chain = self._editor.strategyChecklist.focusChain()
        return chain[0] if chain else self._editor.strategiesSection.toggle

    def _set_error(self, label: QLabel, widget: QWidget, text: str) -> None:
        label.setText(text)
        label.setVisible(True)
        self.describe(widget, text.removeprefix(WARNING).strip())

    def describe(self, widget: QWidget, message: str) -> None:
        """Screen readers announce the description when the field gets focus."""
        if widget not in self._descriptions:
            self._descriptions[widget] = widget.accessibleDescription()
        widget.setAccessibleDescription(message)

    def clear(self) -> None:
        editor = self._editor
        for label, _widget, _name in self.fields.values():
            label.clear()
            label.setVisible(False)
        for label in (
            editor.ui.generalError,
            editor.rupturesError,
            editor.strategiesError,
            editor.tagsError,
        ):
            label.clear()
            label.setVisible(False)
        editor.reflectionEditor.clearProblems()
        for card in editor.ruptureEditors():
            card.clearProblems()
        for widget, description in self._descriptions.items():
            # A rupture card or section edit may have been deleted since.
            with contextlib.suppress(RuntimeError):
                widget.setAccessibleDescription(description)
        self._descriptions = {}
