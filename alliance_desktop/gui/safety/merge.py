"""Merging another copy of the vault from the window (issue 14), and its conflict chooser.

``merge_file`` runs ``app.merge.merge`` in one transaction. The other copy's
passphrase is asked only when the vault's own does not open it: a conflict copy of
this vault shares its salt and passphrase, so it is tried first through the open
connection's key (``vault.copy_key``), without the passphrase ever being typed again.
A recognised conflict copy is moved aside afterwards (``…merged-DATE``), never deleted.

``ConflictBar`` (an editor bar) shows "Changed on two devices" on a session that has a
conflict version, with Keep this / Keep the other / Keep both, each an
``app.conflicts`` use case run through ``gui.operations``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from alliance_desktop.app import conflicts
from alliance_desktop.app import merge as app_merge
from alliance_desktop.app.changes import Outcome
from alliance_desktop.app.progress import Progress, step
from alliance_desktop.gui import operations
from alliance_desktop.gui.common import background
from alliance_desktop.gui.common.banner import Banner
from alliance_desktop.vault import VaultError, WrongPassphraseError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault


def _tr(text: str) -> str:
    return QCoreApplication.translate("Merge", text)


def summary(report: app_merge.MergeReport) -> str:
    """``merged: 3 new sessions, 1 changed, 1 conflict kept`` in the user's language."""
    parts = []
    for n, one, many in (
        (report.new_clients, _tr("{n} new client"), _tr("{n} new clients")),
        (report.new_sessions, _tr("{n} new session"), _tr("{n} new sessions")),
        (report.new_plan_items, _tr("{n} new plan item"), _tr("{n} new plan items")),
        (report.new_packets, _tr("{n} new packet record"), _tr("{n} new packet records")),
        (report.new_strategies, _tr("{n} new strategy"), _tr("{n} new strategies")),
        (report.changed, _tr("{n} changed"), _tr("{n} changed")),
        (report.conflicts, _tr("{n} conflict kept"), _tr("{n} conflicts kept")),
        (report.deleted, _tr("{n} deleted"), _tr("{n} deleted")),
    ):
        if n:
            parts.append((one if n == 1 else many).format(n=n))
    return _tr("merged: {what}").format(what=", ".join(parts) or _tr("nothing new"))


def _ask_passphrase(parent: QWidget, path: Path, again: bool) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        _tr("Passphrase of the other copy"),
        (_tr("That passphrase does not open it. ") if again else "")
        + _tr("This vault's passphrase does not open {name}. Its passphrase:").format(
            name=path.name
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def merge_file(
    parent: QWidget,
    vault: Vault,
    path: Path,
    *,
    move_aside: bool,
    ask: Any = _ask_passphrase,
) -> app_merge.MergeReport | None:
    """Merge ``path`` into ``vault``; the report, or None when it did not happen (a
    message says why). ``ask(parent, path, again)`` asks the copy's passphrase.

    Everything that reads or writes a file runs in the worker, the try with this
    vault's own key too: copying the other copy and re-encrypting it takes as long as
    the merge itself (seconds at 100,000 sessions), and on the UI thread it froze the
    window for all of it."""
    title = _tr("Merge another copy")
    label = _tr("Merging {name}…").format(name=path.name)
    job = _started(parent, vault, title, label, _merge_own_key, vault, path, move_aside)
    if job is None:
        return None
    background.wait_for(job)
    if job.error is not None or job.wasCancelled or job.outcome.value is not None:
        outcome = background.finish(parent, job)
        return outcome.value if outcome is not None else None
    secret: str | None = None
    again = False
    while True:
        secret = ask(parent, path, again)
        if secret is None:
            return None
        # In a worker (the merge reads and writes the whole caseload): the window
        # keeps painting and Cancel stops it with nothing written.
        job = _started(parent, vault, title, label, app_merge.merge, vault, path, secret,
                       move_aside=move_aside)  # fmt: skip
        if job is None:
            return None
        background.wait_for(job)
        if isinstance(job.error, WrongPassphraseError):
            again = True
            continue
        if isinstance(job.error, OSError | ValueError):
            operations.show_problem(parent, str(job.error))
            return None
        outcome = background.finish(parent, job)
        return outcome.value if outcome is not None else None


def _started(
    parent: QWidget,
    vault: Vault,
    title: str,
    label: str,
    fn: Callable[..., Any],
    *args: Any,
    **kwargs: Any,
) -> background.Job | None:
    """``fn(*args, **kwargs)`` started in the worker with ``vault`` lent; None (and the
    reason shown) when the worker refuses it."""
    try:
        return background.start(parent, fn, *args, **kwargs, vault=vault, title=title, label=label)
    except VaultError as refused:
        operations.show_problem(parent, str(refused))
        return None


def _merge_own_key(
    vault: Vault, path: Path, move_aside: bool, progress: Progress | None = None
) -> Outcome[app_merge.MergeReport] | Outcome[None]:
    """In the worker: merge ``path`` when this vault's passphrase opens it; a None
    value when it does not (its passphrase is asked then)."""
    from alliance_desktop.vault.copy_key import own_key_copy

    with own_key_copy(vault, path) as rekeyed:
        step(progress, 0, 0)  # Cancel pressed while it was copied (the copy fails then)
        if rekeyed is None:
            return Outcome(None)
        source, secret = rekeyed
        return _merge_via(vault, path, source, secret, move_aside)


def _merge_via(
    vault: Vault, original: Path, source: Path, secret: str, move_aside: bool
) -> Outcome[app_merge.MergeReport]:
    """Merge ``source`` (``original`` re-encrypted under a throwaway key), then move
    ``original`` aside when asked."""
    return app_merge.merge_read(vault, original, source, secret, move_aside=move_aside)


class ConflictBar(Banner):
    """ "Changed on two devices" above a session that has a conflict version."""

    def __init__(self, window: Any) -> None:
        super().__init__("conflictChooser", window)
        self.w = window
        self.keepThisButton = self.addButton("keepThisButton", self.tr("Keep &this"))
        self.keepOtherButton = self.addButton("keepOtherButton", self.tr("Keep the &other"))
        self.keepBothButton = self.addButton("keepBothButton", self.tr("Keep &both"))
        self.keepThisButton.clicked.connect(lambda: self._settle(conflicts.keep_this))
        self.keepOtherButton.clicked.connect(lambda: self._settle(conflicts.keep_other))
        self.keepBothButton.clicked.connect(lambda: self._settle(conflicts.keep_both))
        self.conflictId: int | None = None
        self._session_id: int | None = -1

    def refresh(self, *, force: bool = False) -> None:
        """Show or hide for the session in the editor (cheap when it did not change)."""
        vault = self.w.vault
        session_id = self.w.editorSessionId() if self.w.isShowingEditor() else None
        if not force and session_id == self._session_id:
            return
        self._session_id = session_id
        self.conflictId = None
        session = vault.session(session_id) if vault is not None and session_id else None
        found = conflicts.session_conflicts(vault, session) if session is not None else []
        if not found or session is None:
            self.clear()
            return
        conflict = found[0]
        self.conflictId = conflict.id
        other = conflicts.other_version(conflict, session)
        where = conflict.source or self.tr("the other copy")
        self.say(
            self.tr(
                "Changed on two devices: this is the newer version; the one from {source} "
                "(trust {trust}, engagement {engagement}) was kept aside."
            ).format(source=where, trust=other.trust, engagement=other.engagement)
        )

    def _settle(self, use_case: Any) -> None:
        vault = self.w.vault
        if vault is None or self.conflictId is None:
            return
        outcome = operations.run(self, use_case, vault, self.conflictId)
        if outcome is None:
            return
        self.w.flash(self.tr("Conflict settled."))
        session = outcome.value
        if session is not None and session.id is not None:
            self.w.openSession(session.id)
        self.refresh(force=True)


__all__ = ["ConflictBar", "merge_file", "summary"]
