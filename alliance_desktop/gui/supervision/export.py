"""Step 5, export: a summary, the page size, and the PDF button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from alliance_desktop.gui.forms.ui_supervision_export_page import Ui_SupervisionExportPage


def locale_uses_letter() -> bool:
    """US Letter where the system locale expects it (the US, Canada, Mexico, ...)."""
    return QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem


def default_file_name(start: date, end: date) -> str:
    """The name the save dialog offers: the period it covers, in ISO dates, so two packets
    never suggest the same name (``supervision-2026-09-01-to-2026-11-30.pdf``)."""
    return f"supervision-{start.isoformat()}-to-{end.isoformat()}.pdf"


class ExportPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionExportPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.exportSummary = ui.packetSummary
        self.pageSizeCombo = ui.packetPageSizeCombo
        self.exportButton = ui.exportPacketButton
        self.exportWarning = ui.packetExportWarning
        self.exportResult = ui.packetExportResult
        self.pageSizeCombo.addItem(self.tr("A4"), "a4")
        self.pageSizeCombo.addItem(self.tr("US Letter"), "letter")
        if locale_uses_letter():
            self.pageSizeCombo.setCurrentIndex(1)

    def showSummary(
        self, *, clients: int, sessions: int, reflections: int, questions: int, busy: bool
    ) -> None:
        tr = self.tr
        text = tr("{clients}, {sessions}, {reflections}, {questions}.").format(
            clients=tr("%n client(s)", "", clients),
            sessions=tr("%n session(s)", "", sessions),
            reflections=tr("%n reflection(s)", "", reflections),
            questions=tr("%n question(s)", "", questions),
        )
        if busy:
            text += " " + tr("The preview is still being drawn; the PDF will hold all of it.")
        self.exportSummary.setText(text)
        self.exportButton.setEnabled(True)

    def showNothing(self) -> None:
        self.exportSummary.setText(self.tr("Nothing to export yet: choose at least one client."))
        self.exportButton.setEnabled(False)
