"""The insights refresh without a stall: read in short steps, analyse in a worker.

Reading a 100,000-session caseload takes a second and analysing it another one and a
half; done in one go on the UI thread that froze the window after every unlock and
every save. :class:`Refresher` instead reads the sessions a few clients at a time,
one step per turn of the event loop (each step sized to take about ``STEP_S``), so
the window keeps painting and the vault stays free for the client switch or the
editor in between; then ``analyse`` (pure: no vault) runs in a background job that
holds no connection. ``ready`` brings the result back to the UI thread.

The strategy estimates follow in a second job. They are part of the analysis that
``alliance-cli stats`` prints too (``app.analysis``): when the vault keeps them for the
data as it is (same change counter, day and language), the job takes them instead of
running the bootstrap again; otherwise it computes them and the UI thread keeps them in
the vault (a few KB), so neither the next refresh nor ``stats`` run beside the open app
computes them again.

A newer ``start`` supersedes the running one (its steps stop, its job is cancelled
and its result dropped); ``cancel`` (lock) does the same at once and never waits:
the job holds no vault, so ``Vault.reclaim`` has nothing to wait for. A write made
while the steps were reading (the change counter moved) reads again from the start.
"""

from __future__ import annotations

import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from alliance_desktop.app import analysis as caseload
from alliance_desktop.gui.common import background
from alliance_desktop.insights.analysis import Insights, analyse
from alliance_desktop.vault import VaultError
from alliance_desktop.vault.overview import client_sessions

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.domain.models import Client, Session
    from alliance_desktop.domain.scales import ClientRatingScale
    from alliance_desktop.domain.settings import OutcomeScale
    from alliance_desktop.domain.strategies import Strategy
    from alliance_desktop.insights.settings import InsightSettings
    from alliance_desktop.vault import Vault

#: How long one reading step may take on the UI thread.
STEP_S = 0.012


@dataclass(frozen=True)
class Refreshed:
    """One finished refresh: the analysis and what it was computed from."""

    analysis: Insights
    sessions: list[Session]
    settings: InsightSettings
    catalogue: dict[str, Strategy]


def _analyse(
    clients: list[Client],
    sessions: list[Session],
    scale: ClientRatingScale,
    settings: InsightSettings,
    outcome: OutcomeScale,
    today: date,
) -> Insights:
    return analyse(clients, sessions, scale, settings, outcome=outcome, today=today)


def _estimate(analysis: Insights, found: caseload.Lookup) -> bool:
    """The strategy estimates and their caveats, into the analysis's own cache: taken
    from what the vault keeps for the same data, or computed (numpy, a bootstrap:
    0.2-0.3 s at 200 × 100). True when computed (then they are to be kept)."""
    if found.estimate_rows is not None:
        # Into what the cached_property holds; numpy is imported here, not on the UI thread.
        analysis.__dict__["estimates"] = caseload.estimates_of(found.estimate_rows)
        analysis.caveats  # noqa: B018 - the cached_property is what is wanted
        return False
    analysis.estimates  # noqa: B018
    analysis.caveats  # noqa: B018
    return True


class Refresher(QObject):
    """Reads the caseload in steps and analyses it in a worker; ``ready`` on the UI thread.

    Then, in a second job, the strategy estimates (``estimated`` with the same analysis
    once ``analysis.estimates`` is there): the alerts do not wait for the bootstrap, and
    the Outcomes tab never computes it on the UI thread. Until ``estimated`` the UI must
    not read ``estimates`` (it would wait for the worker's computation)."""

    ready = Signal(object)  # Refreshed
    estimated = Signal(object)  # Insights, its estimates computed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)
        self._vault: Vault | None = None
        #: The vault the refresh reads (kept after the steps end) and its result goes to.
        self._target: Vault | None = None
        self._job: background.Job | None = None
        self._estimate_job: background.Job | None = None
        self._generation = 0
        # No cyclic collection while the steps read (what a job gets, until the
        # analysis job takes over): the sessions they keep are hundreds of thousands of
        # new objects, and the full collection they set off ran in whatever the UI
        # thread did next, a client switch of 170 ms at 500 x 200. They hold no cycles.
        self._hold = hold = background.InterpreterHold()
        # Deleted mid-read (its window closed): the hold must not outlive it (the
        # guard holds the hold, not the refresher).
        self.destroyed.connect(lambda *_: hold.off())

    def isRunning(self) -> bool:
        """Reading or analysing (the estimates that follow: ``isEstimating``)."""
        return self._vault is not None or self._job is not None

    def isEstimating(self) -> bool:
        """Computing or taking the estimates (kept in the vault as the job ends)."""
        return self._estimate_job is not None

    def start(self, vault: Vault) -> None:
        """Refresh from ``vault``, superseding a refresh under way."""
        self.cancel()
        self._vault = self._target = vault
        today = date.today()
        try:
            # The counter is read first, by the lookup, before any data.
            found = caseload.lookup(vault, today=today, whole=False)
            typed = vault.typed_settings()
            self._settings = typed.insights
            self._catalogue = vault.strategy_catalogue()
            self._scale = vault.client_rating_scale()
            self._outcome = vault.outcome_scale()
            self._clients = vault.clients()
        except VaultError:
            self._vault = self._target = None  # closed or lent to a job: the next change retries
            return
        self._found, self._today = found, today
        self._todo = [c.id for c in self._clients if c.id is not None]
        self._sessions: list[Session] = []
        self._per_step = 4
        self._hold.on()
        self._timer.start()

    def cancel(self) -> None:
        """Stop at once (lock, a newer refresh); a running analysis is dropped."""
        self._generation += 1
        self._timer.stop()
        self._vault = self._target = None
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
        job, self._estimate_job = self._estimate_job, None
        if job is not None:
            job.cancel()
        self._sessions = []
        self._hold.off()

    def _step(self) -> None:
        vault = self._vault
        if vault is None:
            return
        began = time.perf_counter()
        chunk, self._todo = self._todo[: self._per_step], self._todo[self._per_step :]
        try:
            self._sessions += client_sessions(vault, chunk)
            counter = vault.change_counter() if not self._todo else self._found.counter
        except VaultError:
            # Lent to a job (a backup) or closed: try again on the next change.
            self.cancel()
            return
        except BaseException:
            self.cancel()  # the hold goes with it; the crash handler shows the error
            raise
        took = time.perf_counter() - began
        # Size the next step to about STEP_S from what this one cost per client.
        per_client = took / max(1, len(chunk))
        # Grow at most twofold per step: one quick step (pages in cache) must not make the
        # next, on colder pages, take several times as long.
        wanted = int(STEP_S / per_client) if per_client else 2 * len(chunk)
        self._per_step = max(1, min(2 * len(chunk), wanted))
        if self._todo:
            self._timer.start()
            return
        if counter != self._found.counter:
            self.start(vault)  # written while we read: read it again, whole
            return
        self._analyse()

    def _analyse(self) -> None:
        sessions, self._sessions = self._sessions, []
        self._vault = None
        generation = self._generation
        job = background.start(
            None, _analyse, self._clients, sessions, self._scale, self._settings,
            self._outcome, self._today, dialog=False,
        )  # fmt: skip
        self._job = job
        self._hold.off()  # the job holds the collector off now, until it ends
        settings, catalogue, found = self._settings, self._catalogue, self._found

        def ended() -> None:
            analysis, error = job.outcome, job.error
            job.outcome = job.error = None  # nothing of the caseload stays with the job
            job.deleteLater()
            if not isValid(self) or generation != self._generation or job.wasCancelled:
                return  # the window closed, or superseded or cancelled (locked) meanwhile
            self._job = None
            if error is not None:
                raise error  # a bug in the analysis: the crash handler shows it
            self.ready.emit(Refreshed(analysis, sessions, settings, catalogue))
            # The estimates start on the next turn, once the window has painted what
            # arrived: started at once, their worker took the interpreter at each of
            # that paint's Python calls, and the paint (the dashboard, the list's
            # badges) stalled the loop 50-90 ms at 200 x 100.
            QTimer.singleShot(0, self, lambda: self._estimate_later(analysis, found, generation))

        job.ended.connect(ended)

    def _estimate_later(self, analysis: Insights, found: caseload.Lookup, generation: int) -> None:
        if generation == self._generation and self._job is None and self._vault is None:
            self._estimate(analysis, found)

    def _estimate(self, analysis: Insights, found: caseload.Lookup) -> None:
        generation = self._generation
        job = background.start(None, _estimate, analysis, found, dialog=False)
        self._estimate_job = job

        def ended() -> None:
            computed, error = job.outcome, job.error
            job.outcome = job.error = None
            job.deleteLater()
            if not isValid(self) or generation != self._generation or job.wasCancelled:
                return
            self._estimate_job = None
            if error is not None:
                raise error
            vault = self._target
            if computed and vault is not None:
                # Best effort (a few KB): not when the data changed since, the vault is
                # read-only or closed, or another writer is busy.
                with suppress(VaultError):
                    caseload.keep_estimates(vault, found.key, found.counter, analysis.estimates)
            self.estimated.emit(analysis)

        job.ended.connect(ended)


__all__ = ["Refreshed", "Refresher"]
