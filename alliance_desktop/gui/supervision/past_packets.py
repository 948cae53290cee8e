"""Past packets, newest first: when, which period, how many clients, the questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.gui.forms.ui_past_packets_view import Ui_PastPacketsView
from alliance_desktop.gui.supervision.util import ID_ROLE, bold

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import PacketRecord


class PastPacketsView(QWidget):
    """The list of packets already exported, with the questions of the chosen one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PastPacketsView()
        self.ui.setupUi(self)
        self.setObjectName("pastPacketsView")
        self.title = bold(self.ui.pastPacketsTitle)
        self.tree = self.ui.pastPacketsList
        self.detail = self.ui.pastPacketQuestions
        self.empty = self.ui.pastPacketsEmpty
        header = self.tree.header()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._show_detail)

    def setRecords(self, records: list[PacketRecord]) -> None:
        self.tree.clear()
        for r in records:
            if r.range_from and r.range_to:
                period = f"{short_date(r.range_from)} – {short_date(r.range_to)}"
            elif r.range_from:
                period = self.tr("from {date}").format(date=short_date(r.range_from))
            elif r.range_to:
                period = self.tr("until {date}").format(date=short_date(r.range_to))
            else:
                period = self.tr("all sessions")
            questions = " · ".join(r.questions) if r.questions else self.tr("(no questions)")
            item = QTreeWidgetItem(
                [short_date(r.created_at.date()), period, str(r.client_count), questions]
            )
            item.setData(0, ID_ROLE, "\n".join(f"• {q}" for q in r.questions))
            item.setToolTip(3, "\n".join(r.questions))
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(records))
        self.empty.setVisible(not records)
        self.empty.setText(
            ""
            if records
            else self.tr(
                "No packets yet. The questions you bring are kept here, in the vault, so "
                "next time you can see what you asked."
            )
        )
        first = self.tree.topLevelItem(0)
        if records and first is not None:
            self.tree.setCurrentItem(first)
        else:
            self.detail.clear()

    def _show_detail(self, item: QTreeWidgetItem | None, _prev: Any = None) -> None:
        text = item.data(0, ID_ROLE) if item else ""
        self.detail.setText(self.tr("Questions you brought:") + "\n" + text if text else "")

    def clear(self) -> None:
        self.tree.clear()
        self.detail.clear()


class PastPacketsDialog(QDialog):
    def __init__(self, records: list[PacketRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastPacketsDialog")
        self.setWindowTitle(self.tr("Past supervision packets"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = PastPacketsView(self)
        self.view.setRecords(records)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closePastPacketsButton")
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(720, 420)
