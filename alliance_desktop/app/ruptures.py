"""Ruptures repaired in a later session: marking the repair, and taking it back.

A rupture left open (resolution partial or no) is often repaired sessions later; the
day it was repaired is kept on the rupture itself (``resolved_on``), so the session it
happened in stays as it was written. Each action is one transaction with its own audit
row, which names the event and never the data.
"""

from __future__ import annotations

from datetime import date

from alliance_desktop.app.changes import Changes, Outcome, ids
from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Rupture
from alliance_desktop.vault.store import Vault


def _changes(vault: Vault, rupture_id: int) -> Changes:
    found = vault.rupture(rupture_id)
    if found is None:
        raise ValidationError([Problem("rupture", "there is no such rupture")])
    session = found[0]
    return Changes(sessions=True, client_ids=ids(session.client_id), session_ids=ids(session.id))


def repair_rupture(vault: Vault, rupture_id: int, on: date) -> Outcome[Rupture]:
    """Mark the rupture repaired on ``on`` (not before its session, not in the future).

    Raises ValidationError (nothing written) for an unknown rupture, one resolved in
    its session, or a bad day.
    """
    with vault.transaction():
        changes = _changes(vault, rupture_id)
        rupture = vault.mark_rupture_repaired(rupture_id, on)
        vault.audit("rupture_repaired")
    return Outcome(rupture, changes)


def reopen_rupture(vault: Vault, rupture_id: int) -> Outcome[Rupture]:
    """Take back a later repair: the rupture is open again."""
    with vault.transaction():
        changes = _changes(vault, rupture_id)
        rupture = vault.clear_rupture_repair(rupture_id)
        vault.audit("rupture_reopened")
    return Outcome(rupture, changes)


__all__ = ["reopen_rupture", "repair_rupture"]
