"""The one way the GUI runs a long use case: off the UI thread, with progress and Cancel.

``run(parent, app.exports.export_data, vault, fmt, out, vault=vault)`` does what
``gui.operations.run`` does (errors inline, "Replace file?", ``vaultChanged`` once) but
calls the use case in a worker thread while the event loop keeps turning (a nested
loop: the window keeps painting, timers keep firing). After ``DIALOG_DELAY_MS`` a
window-modal progress dialog with Cancel shows. Nothing can touch the vault beside the
job meanwhile (see below); a click in those first moments that needs the vault says it
is busy. (No application-wide event filter holds input instead: every event through a
Python filter must take the GIL from the worker, ~5 ms each, and showing the dialog
then stalled the window for 150 ms.)

The vault connection: SQLCipher needs the key for a second connection and the app
keeps no passphrase after unlock, so the job uses the vault's one connection and the
UI thread keeps off it while the job runs: ``Vault.lent_to`` names the worker thread and
any other thread's ``vault.conn`` raises VaultInUseError (the draft autosave shows it
and retries later). sqlcipher3 releases the GIL inside every SQLite step, so a long
statement (a backup's ``sqlcipher_export``) does not hold the UI. A lock never waits
on a job: ``access.lock`` / ``Vault.close`` call ``Vault.reclaim``, which cancels it and
waits the few milliseconds until it stops.

Cancel is cooperative: the use case gets ``progress=`` (``app.progress.Progress``) if it
takes that keyword, and the call raises ``app.progress.Cancelled`` once Cancel was
pressed; a SQLite progress handler interrupts the running statement as well. Output
files go through ``app.files`` and writes are transactions, so nothing is left behind.

For a view that shows its own progress (the supervision preview), ``start(...,
dialog=False)`` returns the running :class:`Job` at once: connect ``progressed`` and
``ended``, call ``cancel()``, and turn the ending into an outcome with :func:`finish`.
"""

from __future__ import annotations

import gc
import inspect
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from alliance_desktop.app.changes import Outcome
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.app.progress import Cancelled
from alliance_desktop.domain import ValidationError
from alliance_desktop.gui import operations
from alliance_desktop.vault import VaultError
from alliance_desktop.vault.bulk import trim_c_heap

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault import Vault

#: The progress dialog shows only for a job still running after this long.
DIALOG_DELAY_MS = 300
#: Progress reaches the UI at most this often (the worker may report every row).
REPORT_EVERY_S = 0.04
#: SQLite calls the cancel check every this many virtual-machine steps.
SQLITE_TICK = 20000
#: ``Vault.lent_to`` between the job's start and its thread taking the connection.
PENDING = 0


def _tr(text: str) -> str:
    return QCoreApplication.translate("Background", text)


_pool: QThreadPool | None = None
#: The interpreter's thread switch interval while a job runs, in seconds (Python's
#: default is 0.005). Each time the UI thread needs the GIL (every Python slot, paint
#: override or delegate call during a repaint) it waits up to one interval for the
#: busy worker to hand it over; a repaint of the window makes dozens of such calls,
#: so at 5 ms one repaint (the window going inactive as the progress dialog shows)
#: stalled the loop 100 ms and more, and at 1 ms still 140-250 ms with the UI thread
#: busy for 25-50 ms of it (a JSON export at 200 x 100, the window active). At 0.1 ms
#: the same export stalls 44-53 ms and takes as long (0.60-0.64 s).
SWITCH_INTERVAL_S = 0.0001

#: Jobs running now, whether the cyclic collector was on before the first, and the
#: switch interval to put back after the last.
_gc_hold: dict[str, Any] = {"jobs": 0, "was_enabled": False, "interval": None}


def _hold_gc() -> None:
    """While a job runs: no cyclic collection (a collection over the window's objects
    and the job's new ones holds the GIL 100 ms and more, in whichever thread
    allocates; the job makes no cycles, reference counting frees it as usual) and a
    short thread switch interval (SWITCH_INTERVAL_S)."""
    if _gc_hold["jobs"] == 0:
        _gc_hold["was_enabled"] = gc.isenabled()
        gc.disable()
        _gc_hold["interval"] = sys.getswitchinterval()
        sys.setswitchinterval(min(SWITCH_INTERVAL_S, _gc_hold["interval"]))
    _gc_hold["jobs"] += 1


def _release_gc() -> None:
    _gc_hold["jobs"] = max(0, _gc_hold["jobs"] - 1)
    if _gc_hold["jobs"] == 0:
        if _gc_hold["interval"] is not None:
            sys.setswitchinterval(_gc_hold["interval"])
            _gc_hold["interval"] = None
        if _gc_hold["was_enabled"]:
            # Everything the job left alive (the vault's caches, the window's new rows)
            # is still in the youngest generation, and turning collection back on would
            # scan it all at the next allocation: 100-200 ms on the UI thread. Freezing
            # and unfreezing moves every tracked object into the oldest generation in
            # constant time instead; they are scanned, with their cycles, at the next
            # full collection, as any long-lived object is.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
        # What the worker freed stays in its thread's C heap (about 18 MiB after the
        # insights analysis of 100,000 sessions): hand it back.
        trim_c_heap()


def hold_interpreter() -> None:
    """Work on a thread that is not a Job's (the supervision preview's own pool) gets
    what a job gets, the short switch interval and no cyclic collection, until
    ``release_interpreter``. Call both on the UI thread, once each."""
    _hold_gc()


def release_interpreter() -> None:
    _release_gc()


class InterpreterHold:
    """One holder's share of :func:`hold_interpreter`: ``on``/``off`` on the UI thread,
    each may be called again (the hold is taken and given back once), so a holder that
    stops on several paths (cancel, lock, an error, its window deleted) cannot release
    twice or leave the hold behind."""

    def __init__(self) -> None:
        self.held = False

    def on(self) -> None:
        if not self.held:
            self.held = True
            hold_interpreter()

    def off(self) -> None:
        if self.held:
            self.held = False
            release_interpreter()


def pool() -> QThreadPool:
    """The jobs' own pool (the global one stays free for chart and preview work)."""
    global _pool
    if _pool is None or not isValid(_pool):
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setObjectName("backgroundJobs")
        _pool.setMaxThreadCount(2)
    return _pool


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._work()


class Job(QObject):
    """One use case running in a worker thread.

    ``progressed(done, total, text)`` and ``ended()`` arrive on the UI thread; after
    ``ended``, exactly one of ``outcome``, ``error`` or ``wasCancelled`` tells how it went.
    ``cancel()`` and ``wait(seconds)`` may be called from any thread. A job made with
    ``cancellable=False`` (a rekey: one statement that must not be interrupted) ignores
    ``cancel()``: a lock (``Vault.reclaim``) waits the moment until it has finished.
    """

    progressed = Signal(int, int, str)
    ended = Signal()
    _reported = Signal(int, int, str)  # worker -> UI thread, queued
    _stopped = Signal()

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        vault: Vault | None,
        parent: QObject | None = None,
        *,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backgroundJob")
        self.cancellable = cancellable
        self._fn, self._args, self._kwargs = fn, args, dict(kwargs)
        self._vault = vault
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._last_report = 0.0
        self.outcome: Any = None
        self.error: BaseException | None = None
        self.wasCancelled = False
        self.hasEnded = False
        if _takes_progress(fn) and "progress" not in self._kwargs:
            self._kwargs["progress"] = self.report
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)
        self._stopped.connect(self._on_stopped, Qt.ConnectionType.QueuedConnection)
        # Given back when the job ends, or when it is deleted before its end arrived
        # (with the window that started it, closed by a lock while it was cancelled).
        self._hold = InterpreterHold()
        self.destroyed.connect(self._hold.off)

    # -- any thread -----------------------------------------------------------

    def cancel(self) -> None:
        if self.cancellable:
            self._cancel.set()

    def isCancelling(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker is done (True) or ``timeout`` seconds passed."""
        return self._finished.wait(timeout)

    def isRunning(self) -> bool:
        return not self._finished.is_set()

    # -- the worker thread ----------------------------------------------------

    def report(self, done: int, total: int, text: str = "") -> None:
        """The use case's ``progress``: raises Cancelled once Cancel was pressed."""
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last_report >= REPORT_EVERY_S or (total and done >= total):
            self._last_report = now
            self._reported.emit(int(done), int(total), str(text))

    def _sqlite_tick(self) -> int:
        return 1 if self._cancel.is_set() else 0

    def _work(self) -> None:
        vault = self._vault
        try:
            conn = None
            if vault is not None:
                vault.lent_to = threading.get_ident()
                conn = vault.conn
                if self.cancellable:
                    conn.set_progress_handler(self._sqlite_tick, SQLITE_TICK)
                else:
                    conn = None  # no handler set: none to take off
            try:
                if self._cancel.is_set():
                    raise Cancelled()
                self.outcome = self._fn(*self._args, **self._kwargs)
            finally:
                if conn is not None:
                    with suppress(Exception):
                        conn.set_progress_handler(None, 0)
        except BaseException as exc:  # handed to the UI thread, shown or re-raised there
            if isinstance(exc, Cancelled) or self._cancel.is_set():
                self.wasCancelled = True  # whatever stopped it, the user asked it to stop
            else:
                self.error = exc
        finally:
            # What it was called with (a passphrase, the caseload) is not kept with it.
            self._args, self._kwargs = (), {}
            if vault is not None:
                vault.lent_to = None
                vault.job = None
            self._finished.set()
            with suppress(RuntimeError):  # the Job was deleted with its window
                self._stopped.emit()

    # -- the UI thread ----------------------------------------------------------

    @Slot(int, int, str)
    def _on_reported(self, done: int, total: int, text: str) -> None:
        if not self.hasEnded:
            self.progressed.emit(done, total, text)

    @Slot()
    def _on_stopped(self) -> None:
        if not self.hasEnded:
            self.hasEnded = True
            self._hold.off()
            self.ended.emit()

    def _begin(self) -> None:
        vault = self._vault
        if vault is not None:
            if vault.job is not None:
                raise VaultError(
                    _tr("The vault is busy with a task in progress; try again when it is done.")
                )
            vault.job = self
            vault.lent_to = PENDING  # nobody uses it until the worker takes it
        self._hold.on()
        pool().start(_Runnable(self))


def _takes_progress(fn: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


class ProgressDialog(QProgressDialog):
    """Window-modal progress with Cancel (none for a job that cannot stop), shown once a
    job outlasts DIALOG_DELAY_MS."""

    def __init__(self, job: Job, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setObjectName("backgroundProgressDialog")
        self.job = job
        self.setWindowTitle(title or _tr("Working"))
        self.setLabelText(label or _tr("Working…"))
        self.setAccessibleName(self.windowTitle())
        if job.cancellable:
            self.setCancelButtonText(_tr("&Cancel"))
        else:
            self.setCancelButton(None)  # no button: it cannot be stopped
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(2**30)  # shown by our own timer, not Qt's estimate
        self.setRange(0, 0)
        self.setMinimumWidth(420)
        self._label = label or _tr("Working…")
        self.canceled.connect(self._cancel)
        job.progressed.connect(self.showProgress)
        # Polished, laid out and given its native window now, before the worker takes
        # the GIL: showing it later is then one cheap expose (else ~150 ms of stall).
        self.ensurePolished()
        self.adjustSize()
        self.winId()
        self._timer = QTimer(self, singleShot=True, interval=DIALOG_DELAY_MS)
        self._timer.timeout.connect(self._appear)
        self._timer.start()

    def _appear(self) -> None:
        if self.job.isRunning():
            self.show()

    def showProgress(self, done: int, total: int, text: str) -> None:
        if self.job.isCancelling():
            return
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        if text:
            self.setLabelText(text)

    def _cancel(self) -> None:
        if not self.job.cancellable:
            self.show()  # Escape: it goes on, and says so
            return
        self.job.cancel()
        self.setLabelText(_tr("Cancelling…"))
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)  # pressed once is enough
        self.show()

    def done_(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


def start(
    parent: QWidget | None,
    fn: Callable[..., Any],
    *args: Any,
    vault: Vault | None = None,
    title: str = "",
    label: str = "",
    dialog: bool = True,
    cancellable: bool = True,
    **kwargs: Any,
) -> Job:
    """Start ``fn(*args, **kwargs)`` in a worker; ``vault`` is the open vault it uses
    (lent to the worker until it ends). With ``dialog`` a progress dialog shows after
    DIALOG_DELAY_MS. Raises VaultError when another job has that vault."""
    job = Job(
        fn,
        args,
        kwargs,
        vault,
        parent if parent is not None else QCoreApplication.instance(),
        cancellable=cancellable,
    )
    if dialog:
        progress = ProgressDialog(
            job, parent.window() if parent is not None else None, title, label
        )
        job.ended.connect(progress.done_)
    job._begin()
    return job


def wait_for(job: Job) -> None:
    """Turn the event loop (input held, the window painting) until ``job`` ended, or
    was deleted with the widget it belongs to (a lock closed the window meanwhile)."""
    if not isValid(job) or job.hasEnded:
        return
    loop = QEventLoop()
    job.ended.connect(loop.quit)
    job.destroyed.connect(loop.quit)
    if not job.hasEnded:
        loop.exec()


def finish(
    parent: QWidget | None,
    job: Job,
    *,
    show_error: Callable[[str], None] | None = None,
    on_invalid: Callable[[ValidationError], None] | None = None,
    quiet_cancel: bool = False,
    on_cancel: Callable[[], None] | None = None,
) -> Outcome[Any] | None:
    """The ended ``job`` as ``operations.run`` would end it: the outcome (its changes
    broadcast once), or None after saying why inline (``on_cancel``, when given, says
    it for a cancelled job). An unexpected error is re-raised here, on the UI thread,
    for the crash handler."""
    if job.wasCancelled:
        if on_cancel is not None:
            on_cancel()
        elif not quiet_cancel:
            operations.show_problem(parent, str(Cancelled()), show_error)
        return None
    exc = job.error
    if exc is None:
        outcome = job.outcome
        if isinstance(outcome, Outcome) and outcome.changes.any:
            operations.events().emitChanges(outcome.changes)
        return outcome
    if isinstance(exc, ValidationError):
        if on_invalid is not None:
            on_invalid(exc)
        else:
            operations.show_problem(parent, str(exc), show_error)
        return None
    if isinstance(exc, VaultError | OutputError):
        operations.show_problem(parent, str(exc), show_error)
        return None
    raise exc


def run(
    parent: QWidget | None,
    fn: Callable[..., Any],
    *args: Any,
    vault: Vault | None = None,
    title: str = "",
    label: str = "",
    show_error: Callable[[str], None] | None = None,
    on_invalid: Callable[[ValidationError], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    cancellable: bool = True,
    **kwargs: Any,
) -> Outcome[Any] | None:
    """``operations.run`` for a long use case: the same outcome and error paths, the
    call made in a worker while the window keeps painting, Cancel in a progress dialog
    (``on_cancel`` says what a cancel left, instead of the usual message)."""
    try:
        job = start(
            parent, fn, *args, vault=vault, title=title, label=label,
            cancellable=cancellable, **kwargs,
        )  # fmt: skip
    except VaultError as refused:
        operations.show_problem(parent, str(refused), show_error)
        return None
    wait_for(job)
    if not isValid(job):
        return None  # deleted with the widget that asked for it: nobody to tell
    exists = job.error
    if isinstance(exists, OutputExistsError) and "overwrite" not in kwargs:
        if not operations.confirm_replace(parent, exists):
            operations.show_problem(
                parent,
                operations._tr("Nothing was saved; {name} was left as it was.").format(
                    name=exists.path.name if exists.path is not None else ""
                ),
                show_error,
            )
            return None
        return run(
            parent,
            fn,
            *args,
            vault=vault,
            title=title,
            label=label,
            show_error=show_error,
            on_invalid=on_invalid,
            on_cancel=on_cancel,
            cancellable=cancellable,
            **{**kwargs, "overwrite": True},
        )
    return finish(parent, job, show_error=show_error, on_invalid=on_invalid, on_cancel=on_cancel)


__all__ = [
    "DIALOG_DELAY_MS",
    "Job",
    "ProgressDialog",
    "finish",
    "pool",
    "run",
    "start",
    "wait_for",
]
