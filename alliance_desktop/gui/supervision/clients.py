"""Step 2, the clients: a checkable list model, so a tick changes one row and nothing is
read again (issue 15: at 500 clients a tick used to rebuild every list)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.gui.common.checkable_model import CheckableListModel
from alliance_desktop.gui.common.feedback import clear_message, show_message
from alliance_desktop.gui.forms.ui_supervision_clients_page import Ui_SupervisionClientsPage
from alliance_desktop.gui.supervision.util import ID_ROLE, KEY_ROLE
from alliance_desktop.insights.analysis import analyse
from alliance_desktop.insights.settings import InsightSettings


def preselected_clients(
    clients: Sequence[Client],
    sessions: Sequence[Session],
    start: date,
    end: date,
    settings: InsightSettings | None = None,
    *,
    scale: ClientRatingScale | None = None,
    include_practice: bool = False,
) -> dict[int, tuple[int, int]]:
    """Clients worth bringing: id -> (recent alerts in the period, sessions flagged for
    supervision in it). Only clients with at least one of either are returned. Pure, so
    the wizard runs it off the UI thread."""
    upto = [s for s in sessions if s.date <= end]
    insights = analyse(clients, upto, scale, settings, include_practice=include_practice)
    result: dict[int, tuple[int, int]] = {}
    for cid, ci in insights.clients.items():
        alerts = sum(1 for a in ci.recent_alerts if start <= a.date <= end)
        flagged = sum(1 for s in ci.sessions if s.supervision and start <= s.date <= end)
        if cid is not None and (alerts or flagged):
            result[cid] = (alerts, flagged)
    return result


@dataclass(frozen=True)
class ClientRow:
    id: int
    code: str
    text: str
    practice: bool = False


class ClientChoiceModel(CheckableListModel[ClientRow]):
    """The clients the period offers, each with a check box."""

    #: Client ids whose tick changed, and whether they are now ticked.
    ticked = Signal(list, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._row_of: dict[int, int] = {}
        self._on: set[int] = set()

    def setRows(self, rows: Iterable[ClientRow], on: Iterable[int]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._on = {cid for cid in on if cid in self._row_of}
        self.endResetModel()

    def setText(self, client_id: int, text: str) -> None:
        i = self._row_of.get(client_id)
        if i is None or self._rows[i].text == text:
            return
        r = self._rows[i]
        self._rows[i] = ClientRow(r.id, r.code, text, r.practice)
        index = self.index(i)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def clear(self) -> None:
        self.setRows((), ())

    def rows(self) -> list[ClientRow]:
        return list(self._rows)

    def _is_on(self, row: ClientRow) -> bool:
        return row.id in self._on

    def _set_on(self, row: ClientRow, on: bool) -> None:
        (self._on.add if on else self._on.discard)(row.id)

    def _role_data(self, row: ClientRow, role: int) -> Any:
        if role == ID_ROLE:
            return row.id
        if role == KEY_ROLE:
            return row.code
        return None

    def _ticked(self, row: ClientRow, on: bool) -> None:
        self.ticked.emit([row.id], on)

    def setTicked(self, client_id: int, on: bool) -> None:
        i = self._row_of.get(client_id)
        if i is not None:
            self.setData(self.index(i), on, Qt.ItemDataRole.CheckStateRole)

    def setAll(self, on: bool) -> None:
        """Tick or untick every row: one change signal for the whole list."""
        ids = [r.id for r in self._rows if (r.id in self._on) != on]
        if not ids:
            return
        if on:
            self._on.update(ids)
        else:
            self._on.difference_update(ids)
        self._all_ticks_changed()
        self.ticked.emit(ids, on)

    def isTicked(self, client_id: int) -> bool:
        return client_id in self._on

    def tickedIds(self) -> list[int]:
        return [r.id for r in self._rows if r.id in self._on]

    def tickedCodes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self._rows if r.id in self._on)


class ClientsPage(QWidget):
    """Tick the clients to bring; the reasons for the preselection are in each line."""

    practiceToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisionClientsPage()
        self.ui.setupUi(self)
        self.model = ClientChoiceModel(self)
        self.clientList = self.ui.packetClientList
        self.clientList.setModel(self.model)
        self.allClientsButton = self.ui.packetAllClientsButton
        self.noClientsButton = self.ui.packetNoClientsButton
        self.practiceCheck = self.ui.packetPracticeCheck
        self.clientsError = self.ui.packetClientsError
        self.allClientsButton.clicked.connect(lambda: self.model.setAll(True))
        self.noClientsButton.clicked.connect(lambda: self.model.setAll(False))
        self.practiceCheck.toggled.connect(self.practiceToggled)

    def showNoneTicked(self, none: bool) -> None:
        if none:
            show_message(self.clientsError, self.tr("Tick at least one client for the packet."))
        else:
            clear_message(self.clientsError)


class _PreselectSignals(QObject):
    done = Signal(int, object)  # generation, {client id: (alerts, flagged)}


class PreselectJob(QRunnable):
    """``preselected_clients`` on the worker thread: the analysis of a whole caseload
    takes most of a second at 500 clients × 200 sessions."""

    def __init__(
        self,
        generation: int,
        signals: _PreselectSignals,
        clients: Sequence[Client],
        sessions: Sequence[Session],
        start: date,
        end: date,
        settings: InsightSettings | None,
        scale: ClientRatingScale | None,
        include_practice: bool,
    ) -> None:
        super().__init__()
        self.generation, self.signals = generation, signals
        self.args = (clients, sessions, start, end, settings)
        self.scale, self.include_practice = scale, include_practice
        self.stop = threading.Event()

    def run(self) -> None:
        # Nothing may leave run(): Qt's pool cannot carry a Python exception.
        if self.stop.is_set():
            return
        try:
            found = preselected_clients(*self.args, scale=self.scale,
                                        include_practice=self.include_practice)  # fmt: skip
        except Exception:  # no preselection is better than a traceback
            found = {}
        if self.stop.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the wizard closed meanwhile
            self.signals.done.emit(self.generation, found)
