"""Step 4, questions and privacy: the questions, codes or letters, dates or weeks, and
the redaction list (edited in Settings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.gui.forms.ui_supervision_questions_page import Ui_SupervisionQuestionsPage


class QuestionsPage(QWidget):
    #: Something the packet shows changed (a question, codes, dates).
    changed = Signal()
    #: The therapist asked to edit the redaction list.
    redactionEditRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionQuestionsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.questionsEdit = ui.packetQuestionsEdit
        self.identifyCheck = ui.packetIdentifyCheck
        self.datesCheck = ui.packetDatesCheck
        self.privacyWarning = ui.packetPrivacyWarning
        self.redactionStatus = ui.redactionStatus
        self.editRedactionButton = ui.editRedactionButton
        self.questionsEdit.textChanged.connect(self.changed)
        for check in (self.identifyCheck, self.datesCheck):
            check.toggled.connect(self.changed)
            check.toggled.connect(self.updateWarning)
        self.editRedactionButton.clicked.connect(self.redactionEditRequested)
        self.updateWarning()

    def questions(self) -> tuple[str, ...]:
        lines = (q.strip() for q in self.questionsEdit.toPlainText().splitlines())
        return tuple(q for q in lines if q)

    def updateWarning(self, *_: Any) -> None:
        bits = [
            self.tr(
                "Reflections appear as you wrote them: read them in the preview and "
                "check for names and details before you export."
            )
        ]
        codes, dates = self.identifyCheck.isChecked(), self.datesCheck.isChecked()
        if codes or dates:
            if codes and dates:
                shown = self.tr(
                    "This packet is not pseudonymised: clients' codes and session dates "
                    "appear as written."
                )
            elif codes:
                shown = self.tr(
                    "This packet is not pseudonymised: clients' codes appear as written."
                )
            else:
                shown = self.tr(
                    "This packet is not pseudonymised: session dates appear as calendar dates."
                )
            bits.insert(0, "⚠ " + shown)
        self.privacyWarning.setText(" ".join(bits))

    def setRedactionCount(self, n: int) -> None:
        if n:
            text = self.tr("%n word(s) or phrase(s) redacted from every packet.", "", n)
        else:
            text = self.tr("No words are redacted yet: add names and places in Settings.")
        self.redactionStatus.setText(text)
        self.editRedactionButton.setAccessibleDescription(text)
