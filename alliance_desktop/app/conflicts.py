"""A session changed on two devices: keep this, keep the other, or keep both (issue 14).

A merge (``app.merge``) keeps the newer version of a session changed on both devices
as the current one and the other as a conflict version (``vault.sync.keep_conflict``).
These use cases settle one, each in one transaction with its audit row (counts and
choices only, never content):

- :func:`keep_this`: the current version stays; the conflict version is forgotten.
- :func:`keep_other`: the conflict version becomes the current one (the current
  version's stamp stays in the record's history, so a later merge knows it).
- :func:`keep_both`: the conflict version becomes a session of its own (a new uuid)
  beside the current one, for the user to tidy up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.domain.models import Session
from alliance_desktop.reports.json_format import _session as read_session_dict
from alliance_desktop.vault import sync
from alliance_desktop.vault.store import Vault


def session_conflicts(vault: Vault, session: Session) -> list[sync.ConflictVersion]:
    """The conflict versions kept for ``session`` (oldest first); none without a uuid."""
    if not session.uuid:
        return []
    return [c for c in sync.conflicts(vault, session.uuid) if c.kind == "session"]


def other_version(conflict: sync.ConflictVersion, current: Session) -> Session:
    """The conflict version as a Session of ``current``'s client (for showing and keeping)."""
    payload: dict[str, Any] = {k: v for k, v in conflict.payload.items() if k != "client_uuid"}
    record = read_session_dict(payload, "conflict")
    return replace(record.session, client_id=current.client_id, id=current.id, uuid=current.uuid)


def _find(vault: Vault, conflict_id: int) -> tuple[sync.ConflictVersion, Session]:
    found = next((c for c in sync.conflicts(vault) if c.id == conflict_id), None)
    if found is None or found.kind != "session":
        raise ValueError("That conflict was already settled.")
    current = next((s for s in vault.sessions() if s.uuid == found.uuid), None)
    if current is None:
        raise ValueError("The session of that conflict no longer exists.")
    return found, current


def _changed(session: Session) -> Changes:
    ids = frozenset(i for i in (session.id,) if i)
    cids = frozenset(i for i in (session.client_id,) if i)
    return Changes(sessions=True, session_ids=ids, client_ids=cids)


Keep = Callable[[sync.ConflictVersion, Session], Session]


def _settle(vault: Vault, conflict_id: int, note: str, keep: Keep) -> Outcome[Session]:
    """One settlement in one transaction: ``keep(conflict, current)`` saves what stays
    (and returns it), the conflict version is forgotten, the audit row says which choice."""
    with vault.transaction():
        conflict, current = _find(vault, conflict_id)
        kept = keep(conflict, current)
        sync.discard_conflict(vault, conflict_id)
        vault.audit("conflict_settled", note)
    return Outcome(kept, _changed(kept))


def keep_this(vault: Vault, conflict_id: int) -> Outcome[Session]:
    """Keep the current version; forget the other."""
    return _settle(vault, conflict_id, "kept this version", lambda _conflict, current: current)


def keep_other(vault: Vault, conflict_id: int) -> Outcome[Session]:
    """Make the other device's version the current one."""

    def keep(conflict: sync.ConflictVersion, current: Session) -> Session:
        other = other_version(conflict, current)
        return vault.save_session(replace(other, updated_at=None, created_at=current.created_at))

    return _settle(vault, conflict_id, "kept the other version", keep)


def keep_both(vault: Vault, conflict_id: int) -> Outcome[Session]:
    """Keep the other device's version as a session of its own, beside this one."""

    def keep(conflict: sync.ConflictVersion, current: Session) -> Session:
        other = other_version(conflict, current)
        return vault.save_session(
            replace(other, id=None, uuid=None, updated_at=None, created_at=None,
                    ruptures=[replace(r, id=None, uuid=None) for r in other.ruptures])
        )  # fmt: skip

    return _settle(vault, conflict_id, "kept both versions", keep)


__all__ = ["keep_both", "keep_other", "keep_this", "other_version", "session_conflicts"]
