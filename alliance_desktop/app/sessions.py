"""Saving, deleting and restoring sessions, and the drafts that stand in for them.

A saved session, the drafts it replaces and the plan items it used are written in one
transaction: a failure leaves all three as they were. Drafts are autosaved every few
seconds while the therapist types, so saving or discarding one is not audited (the
activity log would drown in them); everything else is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome, ids
from alliance_desktop.domain.models import Session
from alliance_desktop.vault.store import Vault

DRAFTS_CHANGED = Changes(drafts=True)


def save_session(
    vault: Vault,
    session: Session,
    *,
    draft_slots: Iterable[str] = (),
    plan_used: Iterable[str] = (),
) -> Outcome[Session]:
    """Validate and save ``session``, delete ``draft_slots`` and tick off ``plan_used``.

    ``session`` itself is not changed: the saved copy (with its id and timestamps) is
    the outcome's value, so a failed save leaves the caller's object as it was.
    Raises ValidationError (nothing written) or VaultError (nothing written).
    """
    slots = list(dict.fromkeys(draft_slots))
    used = list(dict.fromkeys(s.strip() for s in plan_used if s.strip()))
    was_new = session.id is None
    saved = replace(session)
    with vault.transaction():
        vault.save_session(saved)
        for slot in slots:
            vault.delete_draft(slot)
        removed = 0
        if used and saved.client_id is not None:
            planned = {item.strategy for item in vault.plan(saved.client_id)}
            for strategy in used:
                if strategy in planned:
                    vault.remove_from_plan(saved.client_id, strategy)
                    removed += 1
        detail = "new" if was_new else "edited"
        if removed:
            detail += f"; {removed} planned strateg{'y' if removed == 1 else 'ies'} used"
        vault.audit("session_saved", detail)
    return Outcome(
        saved,
        Changes(
            sessions=True,
            drafts=bool(slots),
            plans=removed > 0,
            client_ids=ids(saved.client_id),
            session_ids=ids(saved.id),
        ),
    )


def save_draft(vault: Vault, slot: str, payload: dict[str, Any]) -> Outcome[None]:
    """Keep what is being typed (not audited: it happens every few seconds)."""
    vault.save_draft(slot, payload)
    return Outcome(None, DRAFTS_CHANGED)


def discard_draft(vault: Vault, slot: str) -> Outcome[None]:
    vault.delete_draft(slot)
    return Outcome(None, DRAFTS_CHANGED)


def delete_session(vault: Vault, session_id: int) -> Outcome[Session | None]:
    """Delete the session and return it whole (for Undo); None if it was already gone.

    It is kept in Recently deleted (``app/trash.py``) for 30 days.
    """
    from alliance_desktop.app import trash

    with vault.transaction():
        gone = vault.delete_session(session_id)
        if gone is not None:
            trash.keep_session(vault, gone)  # Recently deleted, in the same transaction
            vault.audit("session_deleted", "1 session")
    if gone is None:
        return Outcome(None, Changes())
    return Outcome(
        gone,
        Changes(sessions=True, client_ids=ids(gone.client_id), session_ids=ids(gone.id)),
    )


def restore_session(vault: Vault, session: Session) -> Outcome[Session]:
    """Put a deleted session back as it was (Undo of :func:`delete_session`)."""
    from alliance_desktop.app import trash

    restored = replace(session)
    with vault.transaction():
        vault.restore_session(restored)
        trash.forget_session(vault, restored.id)
        vault.audit("session_restored", "1 session")
    return Outcome(
        restored,
        Changes(sessions=True, client_ids=ids(restored.client_id), session_ids=ids(restored.id)),
    )


__all__ = [
    "delete_session",
    "discard_draft",
    "restore_session",
    "save_draft",
    "save_session",
]
