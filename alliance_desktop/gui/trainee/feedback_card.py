"""The feedback card under the timeline after saving a reflection: sections filled,
feelings named, a next step, links, and the rubric (``ui/feedback_card.ui``)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QWidget

from alliance_desktop.gui.common.feedback import heading
from alliance_desktop.gui.forms.ui_feedback_card import Ui_FeedbackCard
from alliance_desktop.insights.reflection_feedback import ReflectionFeedback, reflection_feedback

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.domain.models import Session
    from alliance_desktop.domain.settings import VaultSettings


def card_for_all(settings: VaultSettings) -> bool:
    """The vault setting ``feedback.card_for_all``: the card for every client's sessions."""
    return bool(settings.feedback.card_for_all)


class FeedbackCard(QFrame):
    """Gentle feedback on the reflection just saved, and the rubric to choose its level;
    folds away, and can be dismissed."""

    body: QWidget
    #: Asked to keep a level with the session: the level (0 clears it) and who chose it.
    levelSaveRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FeedbackCard()
        self.ui.setupUi(self)
        self.setObjectName("reflectionFeedbackCard")
        self.session_id: int | None = None
        self.client_id: int | None = None
        self.feedback: ReflectionFeedback | None = None
        ui = self.ui
        self.toggle, self.summary, self.dismiss = (
            ui.feedbackToggle, ui.feedbackSummary, ui.dismissFeedbackButton)  # fmt: skip
        self.body, self.checks, self.rubric = (
            ui.feedbackBodyArea,
            ui.feedbackBody,
            ui.reflectionRubric,
        )
        heading(self.toggle, 1.1)
        self.toggle.clicked.connect(lambda: self._fold(not self.body.isVisibleTo(self)))
        self.dismiss.clicked.connect(self.dismissed)
        self.rubric.levelChosen.connect(self.levelSaveRequested)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Feedback on your reflection"))
        self.toggle.setAccessibleName(self.tr("Show or hide the feedback on your reflection"))
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the feedback"))
        self.rubric.retranslate()
        if self.feedback is not None:
            self._fill(self.feedback)

    def _fold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def _fill(self, fb: ReflectionFeedback) -> None:
        filled = sum(1 for s in fb.sections if s.filled)
        level = (
            self.tr("level you chose: {level}").format(level=self.tr(fb.level.label))
            if fb.level is not None
            else self.tr("level not chosen yet")
        )
        total = len(fb.sections)
        prompts = self.tr("{filled} of %n prompt(s) · {level}", "", total)
        self.summary.setText(prompts.format(filled=filled, level=level))
        self.checks.setText(self.feedbackHtml(fb))
        self.checks.setAccessibleName(self.checks.text())
        self.rubric.setLevels(fb.level, fb.supervisor_level, self.hintsHtml(fb))

    def showFeedback(self, session: Session) -> ReflectionFeedback:
        fb = reflection_feedback(session)
        self.feedback = fb
        self.session_id = session.id
        self.client_id = session.client_id
        self._fill(fb)
        self._fold(True)
        self.show()
        return fb

    def dismissed(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.session_id = None
        self.client_id = None
        self.feedback = None
        self.summary.clear()
        self.checks.clear()
        self.checks.setAccessibleName("")
        self.rubric.setLevels(None, None, "")
        self.hide()

    def feedbackHtml(self, fb: ReflectionFeedback) -> str:
        """The feedback as a short list; symbols and words, never colour alone."""
        tr = self.tr
        e = html.escape
        rows = []
        for s in fb.sections:
            if not s.filled:
                state = tr("still open")
                mark = "○"
            elif s.fullness >= 1.0:
                state = tr("%n word(s), full", "", s.words)
                mark = "●"
            else:
                state = tr("%n word(s), could say more", "", s.words)
                mark = "◐"
            rows.append(f"{mark} {e(tr(s.prompt))}: {e(state)}")
        checks = [
            (
                fb.names_feelings,
                tr("Feelings named: {words}").format(words=", ".join(fb.feelings))
                if fb.feelings
                else tr("No feeling named yet"),
            ),
            (
                fb.has_next_step,
                tr("A concrete next step") if fb.has_next_step else tr("No next step yet"),
            ),
            (
                fb.linked_strategy or fb.linked_rupture,
                tr("Linked to a strategy or rupture")
                if fb.linked_strategy or fb.linked_rupture
                else tr("No strategy or rupture linked"),
            ),
        ]
        for ok, text in checks:
            rows.append(("✓ " if ok else "– ") + e(text))
        out = "<br>".join(rows)
        if fb.notes:
            out += (
                "<p style='margin-top:4px'>"
                + "<br>".join("→ " + e(tr(n)) for n in fb.notes)
                + "</p>"
            )
        return out

    def hintsHtml(self, fb: ReflectionFeedback) -> str:
        """The marker words as hints, with the sentence that says they are not a verdict."""
        tr = self.tr
        e = html.escape
        leads = {
            "reasons": tr("Words that often mark explaining"),
            "readings": tr("Words that often mark weighing other readings"),
            "frame": tr("Words that often mark questioning the frame"),
        }
        if not fb.hints:
            return e(
                tr(
                    "No marker words noticed. That says nothing about the level: choose it by reading."
                )
            )
        rows = [f"{e(leads.get(h.key, h.lead))}: <i>{e(', '.join(h.words))}</i>" for h in fb.hints]
        rows.append(
            e(tr("These words turn up at every level: hints for your reading, not a score."))
        )
        return "<br>".join(rows)
