"""The plan for a client's next session: strategies the therapist means to try."""

from __future__ import annotations

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.vault.store import PlanItem, Vault


def add_plan_item(vault: Vault, client_id: int, strategy: str, note: str = "") -> Outcome[PlanItem]:
    """Add ``strategy`` to the plan (again: replaces its note). Raises ValidationError."""
    with vault.transaction():
        item = vault.add_to_plan(client_id, strategy, note)
        vault.audit("plan_changed", "1 strategy added")
    return Outcome(item, Changes(plans=True, client_ids=frozenset({client_id})))


def remove_plan_item(vault: Vault, client_id: int, strategy: str) -> Outcome[bool]:
    """Take ``strategy`` off the plan; the value says whether it was there."""
    with vault.transaction():
        present = any(item.strategy == strategy for item in vault.plan(client_id))
        if present:
            vault.remove_from_plan(client_id, strategy)
            vault.audit("plan_changed", "1 strategy removed")
    if not present:
        return Outcome(False, Changes())
    return Outcome(True, Changes(plans=True, client_ids=frozenset({client_id})))


__all__ = ["add_plan_item", "remove_plan_item"]
