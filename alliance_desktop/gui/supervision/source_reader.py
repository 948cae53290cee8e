"""The wizard's one read of the vault, in short steps of the event loop (issue 15).

A packet needs every session with its text: at 200 clients × 100 sessions that read
took half a second on the UI thread, the window frozen while the wizard opened.
``SourceReader`` reads the small things at once (settings, clients, scales) and the
sessions a few clients per step, each step sized to about ``STEP_S`` from what the
last one cost (as the insights ``Refresher`` does), then hands the whole snapshot over
(``ready``). A write meanwhile (the change counter moved) starts the read again, so the
snapshot is one moment of the vault; a vault lent to a job or closed is tried again a
moment later. ``finish`` reads the rest at once (tests and scripts).
"""

from __future__ import annotations

import gc
import time
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from alliance_desktop.app import packets as app_packets
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.domain.models import Session
    from alliance_desktop.vault import Vault

#: How long one reading step may take on the UI thread.
STEP_S = 0.012
#: The wait before trying again when the vault is busy with a job.
RETRY_MS = 300


class SourceReader(QObject):
    """Reads a ``PacketSource`` in steps; ``ready(source)`` on the UI thread."""

    ready = Signal(object)  # app.packets.PacketSource

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)
        self._vault: Vault | None = None
        self._head: app_packets.PacketSource | None = None
        self._todo: list[int] = []
        self._sessions: list[Session] = []
        self._groups: dict[int, tuple[list[date], list[Session]]] = {}
        #: The last snapshot's sessions per client id: (dates, sessions), in date order.
        self.by_client: dict[int, tuple[list[date], list[Session]]] = {}
        self._per_step = 2
        #: gc.freeze() was called (the owner calls gc.unfreeze() when it lets go).
        self.froze = False

    def isReading(self) -> bool:
        return self._vault is not None

    def start(self, vault: Vault) -> None:
        self.cancel()
        self._vault = vault
        try:
            self._counter = vault.change_counter()
            head = app_packets.read_source_head(vault)
        except VaultError:
            self._timer.start(RETRY_MS)  # lent to a job: the first step starts again
            self._head = None
            return
        self._head = head
        self._todo = sorted(c.id for c in head.clients if c.id is not None)
        self._sessions = []
        self._groups = {}
        self._per_step = 2
        self._timer.setInterval(0)
        self._timer.start()

    def startSoon(self, vault: Vault) -> None:
        """``start`` in the next turn of the loop (the wizard's construction and first
        paint are one turn already); ``finish`` still reads everything at once."""
        self.cancel()
        self._vault = vault  # no head yet: the first step starts the read
        self._timer.setInterval(0)
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self._vault = None
        self._head = None
        self._todo = []
        self._sessions = []
        self._groups = {}
        self.by_client = {}

    def finish(self) -> None:
        """Read whatever is left now (blocking); a vault still busy after a few tries is
        left to the timer."""
        for _ in range(4):  # (the first may only start the read: startSoon)
            if self._vault is None:
                return
            self._timer.stop()
            self._step(limit=False)

    def _step(self, *, limit: bool = True) -> None:
        vault = self._vault
        if vault is None:
            return
        if self._head is None:
            self.start(vault)
            return
        began = time.perf_counter()
        count = self._per_step if limit else len(self._todo)
        chunk, rest = self._todo[:count], self._todo[count:]
        try:
            found = app_packets.read_source_sessions(vault, chunk)
            counter = vault.change_counter() if not rest else self._counter
        except VaultError:
            self._head = None  # read again from the start once the vault is free
            self._timer.setInterval(RETRY_MS)
            self._timer.start()
            return
        self._todo = rest
        self._sessions += found
        # Each client's sessions, in date order as read, with their dates.
        for s in found:
            if s.client_id is None:
                continue
            entry = self._groups.get(s.client_id)
            if entry is None:
                entry = self._groups[s.client_id] = ([], [])
            entry[0].append(s.date)
            entry[1].append(s)
        # The snapshot grows to every session with its text; each full collection would
        # walk all of it on the UI thread (0.15-0.35 s at 100k sessions). It is
        # long-lived, so it goes out of the collector's sight as it comes: the wizard
        # unfreezes when it lets the snapshot go.
        gc.freeze()
        self.froze = True
        took = time.perf_counter() - began
        per_client = took / max(1, len(chunk))
        # At most twofold per step: a quick step on cached pages says little of the next.
        wanted = int(STEP_S / per_client) if per_client else 2 * len(chunk)
        self._per_step = max(1, min(2 * len(chunk), wanted))
        if rest:
            self._timer.setInterval(0)
            self._timer.start()
            return
        if counter != self._counter:
            self.start(vault)  # written while we read: read it again, whole
            return
        source = app_packets.with_sessions(self._head, self._sessions)
        groups = self._groups
        self.cancel()
        self.by_client = groups
        self.ready.emit(source)


__all__ = ["STEP_S", "SourceReader"]
