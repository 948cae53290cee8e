"""The editor's rupture section: this session's rupture cards, with an inline Undo for
a removed one, and the earlier sessions' open ruptures offered for "Mark repaired"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.gui.common.feedback import error_label, show_message
from alliance_desktop.gui.common.widgets.collapsible import CollapsibleSection
from alliance_desktop.gui.editor.rupture_editor import PriorRupture, PriorRupturesBox, RuptureEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionEditor", text)


class RuptureList(QObject):
    """Owns the rupture section's widgets and cards; the editor threads them into its
    tab order (``orderChanged``) and counts an edit on ``changed``."""

    changed = Signal()
    orderChanged = Signal()
    repairRequested = Signal(int)
    reopenRequested = Signal(int)

    def __init__(self, parent: QWidget, scroll: QScrollArea) -> None:
        super().__init__(parent)
        self._scroll = scroll
        self._cards: list[RuptureEditor] = []
        self._removed: tuple[int, dict[str, Any]] | None = None
        self._catalogue: dict[str, Strategy] = {}

        self.section = CollapsibleSection(
            _t("Ruptures"), _t("A strain or breakdown in the collaboration"), parent
        )
        self.section.setObjectName("rupturesSection")
        body = self.section.body
        self._hint = self.section.hint.text()
        self.prior = PriorRupturesBox(body)
        self.prior.repairRequested.connect(self.repairRequested)
        self.prior.reopenRequested.connect(self.reopenRequested)
        self.section.addWidget(self.prior)
        self.listWidget = QWidget(body)
        self.listWidget.setObjectName("rupturesList")
        self._layout = QVBoxLayout(self.listWidget)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.empty = QLabel(
            _t(
                "No rupture noted. If the collaboration strained or broke down, add one: "
                "its type, the markers you saw and how it ended."
            ),
            body,
        )
        self.empty.setObjectName("rupturesEmptyLabel")
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.addButton = QPushButton(QIcon(":/icons/add.svg"), _t("Add a rupture"), body)
        self.addButton.setObjectName("addRuptureButton")
        self.addButton.setAccessibleName(_t("Add a rupture"))
        self.removedLabel = QLabel(body)
        self.removedLabel.setObjectName("ruptureRemovedLabel")
        self.removedLabel.setProperty("role", "hint")
        self.removedLabel.setWordWrap(True)
        self.undoButton = QPushButton(_t("Undo"), body)
        self.undoButton.setObjectName("undoRemoveRuptureButton")
        self.undoButton.setAccessibleName(_t("Undo removing the rupture"))
        self.error = error_label("rupturesError", body)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.addButton)
        actions.addWidget(self.removedLabel, 1)
        actions.addWidget(self.undoButton)
        actions.addStretch(0)
        self.section.addWidget(self.empty)
        self.section.addWidget(self.listWidget)
        self.section.addWidget(self.error)
        self.section.bodyLayout.addLayout(actions)
        self.addButton.clicked.connect(lambda: self.add())
        self.undoButton.clicked.connect(self._undo_remove)

    # -- the cards ------------------------------------------------------------------------
    def cards(self) -> list[RuptureEditor]:
        return list(self._cards)

    def states(self) -> list[dict[str, Any]]:
        return [card.state() for card in self._cards]

    def setCatalogue(self, catalogue: dict[str, Strategy]) -> None:
        self._catalogue = dict(catalogue)
        for card in self._cards:
            card.setCatalogue(self._catalogue)

    def setStates(self, states: list[dict[str, Any]]) -> None:
        """Replace every card (no Undo offered for the ones replaced)."""
        for card in self._cards:
            self._discard(card)
        self._cards = []
        self._removed = None
        for state in states:
            self._insert(len(self._cards), state)

    def _insert(self, index: int, state: dict[str, Any] | None) -> RuptureEditor:
        card = RuptureEditor(index, self.listWidget)
        card.setCatalogue(self._catalogue)
        if state:
            card.setState(state)
        card.changed.connect(self.changed)
        card.removeRequested.connect(self._remove)
        self._cards.insert(index, card)
        self._layout.insertWidget(index, card)
        # Shown now, not when the layout's queued show runs: the focus goes into it next.
        card.show()
        self._renumber()
        return card

    def _discard(self, card: RuptureEditor) -> None:
        card.wipe()
        self._layout.removeWidget(card)
        card.setParent(None)
        card.deleteLater()

    def _renumber(self) -> None:
        for i, card in enumerate(self._cards):
            card.setIndex(i)

    def add(self) -> RuptureEditor:
        """Add an empty rupture card, open the section and focus its first choice."""
        self._removed = None
        card = self._insert(len(self._cards), None)
        self.section.setExpanded(True)
        self.orderChanged.emit()
        self.changed.emit()
        card.focusChain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(card)
        return card

    def _remove(self, card: RuptureEditor) -> None:
        # No confirmation dialog: an inline Undo keeps the note safe instead.
        index = self._cards.index(card)
        self._removed = (index, card.state())
        self._cards.remove(card)
        self._discard(card)
        self._renumber()
        self.removedLabel.setText(_t("Rupture %1 removed.").replace("%1", str(index + 1)))
        self.orderChanged.emit()
        self.changed.emit()
        self.undoButton.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo_remove(self) -> None:
        if self._removed is None:
            return
        index, state = self._removed
        self._removed = None
        card = self._insert(min(index, len(self._cards)), state)
        self.orderChanged.emit()
        self.changed.emit()
        card.focusChain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """The count in the header, the empty line and the Undo line."""
        self.section.setCount(len(self._cards))
        self.empty.setVisible(not self._cards)
        undo = self._removed is not None
        self.removedLabel.setVisible(undo)
        self.undoButton.setVisible(undo)

    def focusChain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.section.toggle, *self.prior.focusChain()]
        for card in self._cards:
            chain += card.focusChain()
        return [*chain, self.addButton, self.undoButton]

    # -- earlier ruptures -----------------------------------------------------------------
    def setPrior(self, items: list[PriorRupture]) -> None:
        self.prior.setItems(items)
        still_open = sum(1 for item in items if item.rupture.resolved_on is None)
        if still_open == 1:
            hint = _t("1 rupture from an earlier session is still open")
        elif still_open:
            hint = _t("%1 ruptures from earlier sessions are still open").replace(
                "%1", str(still_open)
            )
        else:
            hint = self._hint
        self.section.hint.setText(hint)
        self.orderChanged.emit()

    def showMessage(self, message: str) -> None:
        self.section.setExpanded(True)
        show_message(self.error, message)
