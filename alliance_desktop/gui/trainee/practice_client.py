"""Client › Add practice client…: pick a vignette (``ui/practice_client_dialog.ui``)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.vignettes import VIGNETTES, Vignette
from alliance_desktop.gui.forms.ui_practice_client_dialog import Ui_PracticeClientDialog


class PracticeClientDialog(QDialog):
    """Pick a vignette to practise on; it becomes a client marked as practice."""

    def __init__(self, existing: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PracticeClientDialog()
        self.ui.setupUi(self)
        self.setObjectName("practiceClientDialog")
        self.list, self.detail = self.ui.vignetteList, self.ui.vignetteDetail
        self.addButton = self.ui.addPracticeClientButton
        for v in VIGNETTES:
            text = v.shown_title + ("  ·  " + self.tr("added") if v.code in existing else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, v.key)
        self.ui.vignetteSplitter.setSizes([230, 380])
        self.addButton.clicked.connect(self.accept)
        self.ui.cancelPracticeClientButton.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def vignette(self) -> Vignette:
        return VIGNETTES[max(0, self.list.currentRow())]

    def _show(self, row: int) -> None:
        if row < 0:
            return
        v = VIGNETTES[row]
        template = TEMPLATES_BY_KEY.get(v.template)
        e = html.escape
        self.detail.setText(
            f"<p><b>{e(v.shown_title)}</b></p><p>{e(v.shown_scene)}</p>"
            f"<p><i>{e(self.tr('What it illustrates:'))}</i> {e(v.shown_issue)}</p>"
            + (
                f"<p><i>{e(self.tr('Suggested prompts:'))}</i> {e(self.tr(template.name))}</p>"
                if template
                else ""
            )
        )
