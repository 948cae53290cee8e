"""Step 3, the reflections: the chosen clients' sessions in the period, one block per
client. Ticking a client inserts or removes its block only (issue 15)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.models import Session
from alliance_desktop.gui.common.checkable_model import CheckableListModel
from alliance_desktop.gui.forms.ui_supervision_reflections_page import (
    Ui_SupervisionReflectionsPage,
)
from alliance_desktop.gui.supervision.util import ID_ROLE

FIRST_LINE_CHARS = 90


def first_line(session: Session) -> str:
    """The reflection's first line with text, shortened for the list."""
    return session.reflection.first_line(FIRST_LINE_CHARS)


@dataclass(frozen=True)
class SessionRow:
    id: int
    client_id: int
    text: str
    tooltip: str
    flagged: bool


class SessionChoiceModel(CheckableListModel[SessionRow]):
    """Candidate reflections grouped by client in the client list's order; only the ticked
    clients' blocks are rows. A session's tick defaults to its supervision flag."""

    #: A reflection's tick changed (or several at once).
    ticked = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._by_client: Mapping[int, Sequence[SessionRow]] = {}
        self._order: list[int] = []
        self._shown: set[int] = set()
        self._choice: dict[int, bool] = {}  # the therapist's own ticks, kept across changes

    def setCandidates(
        self,
        by_client: Mapping[int, Sequence[SessionRow]],
        order: Iterable[int],
        shown: Iterable[int],
    ) -> None:
        """``by_client`` is kept as given and asked only for the blocks it shows (the
        wizard builds a block when first asked)."""
        self.beginResetModel()
        self._by_client = by_client
        self._order = list(order)
        self._shown = set(shown)
        self._rows = [r for cid in self._order if cid in self._shown
                      for r in self._by_client.get(cid, ())]  # fmt: skip
        self.endResetModel()

    def clear(self) -> None:
        self._choice.clear()
        self.setCandidates({}, (), ())

    def _start(self, client_id: int) -> int:
        start = 0
        for cid in self._order:
            if cid == client_id:
                return start
            if cid in self._shown:
                start += len(self._by_client.get(cid, ()))
        return start

    def showClients(self, client_ids: Iterable[int], on: bool) -> None:
        """Insert (or remove) the blocks of these clients: the other rows stay as they are."""
        for cid in client_ids:
            if (cid in self._shown) == on:
                continue
            block = list(self._by_client.get(cid, ()))
            if not block:
                (self._shown.add if on else self._shown.discard)(cid)
                continue
            start = self._start(cid)
            if on:
                self.beginInsertRows(QModelIndex(), start, start + len(block) - 1)
                self._rows[start:start] = block
                self._shown.add(cid)
                self.endInsertRows()
            else:
                self.beginRemoveRows(QModelIndex(), start, start + len(block) - 1)
                del self._rows[start : start + len(block)]
                self._shown.discard(cid)
                self.endRemoveRows()

    def _is_on(self, row: SessionRow) -> bool:
        return self._choice.get(row.id, row.flagged)

    def _set_on(self, row: SessionRow, on: bool) -> None:
        self._choice[row.id] = on

    def _role_data(self, row: SessionRow, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == ID_ROLE:
            return row.id
        return None

    def _ticked(self, row: SessionRow, on: bool) -> None:
        self.ticked.emit()

    def setAll(self, on: bool) -> None:
        if not self._rows:
            return
        for r in self._rows:
            self._choice[r.id] = on
        self._all_ticks_changed()
        self.ticked.emit()

    def tickedIds(self) -> frozenset[int]:
        return frozenset(r.id for r in self._rows if self._is_on(r))

    def texts(self) -> list[str]:
        return [r.text for r in self._rows]


class ReflectionsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionReflectionsPage()
        self.ui.setupUi(self)
        self.model = SessionChoiceModel(self)
        self.sessionList = self.ui.packetSessionList
        self.sessionList.setModel(self.model)
        self.sessionsEmpty = self.ui.packetSessionsEmpty
        self.allSessionsButton = self.ui.packetAllSessionsButton
        self.noSessionsButton = self.ui.packetNoSessionsButton
        self.allSessionsButton.clicked.connect(lambda: self.model.setAll(True))
        self.noSessionsButton.clicked.connect(lambda: self.model.setAll(False))
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_empty)
        self._update_empty()

    def _update_empty(self, *_: Any) -> None:
        has = self.model.rowCount() > 0
        self.sessionsEmpty.setText(
            "" if has else self.tr("No written reflections from the chosen clients in this period.")
        )
        self.sessionsEmpty.setVisible(not has)
