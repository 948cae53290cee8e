"""Clients: save, close or reopen, delete with everything that belongs to them, restore."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.domain.models import Client, ClientStatus, Session
from alliance_desktop.vault.store import PlanItem, Vault


@dataclass(frozen=True)
class DeletedClient:
    """Everything a delete removed, so Undo can put it back."""

    client: Client
    sessions: tuple[Session, ...]
    plan: tuple[PlanItem, ...]
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)


def _client_changes(client_id: int | None) -> Changes:
    return Changes(clients=True, client_ids=frozenset({client_id} if client_id else ()))


def save_client(vault: Vault, client: Client) -> Outcome[Client]:
    """Insert or update; the code stays unique ignoring case (ValidationError otherwise).

    ``client`` is not changed; the saved copy (with its id) is the outcome's value.
    """
    was_new = client.id is None
    saved = replace(client)
    with vault.transaction():
        vault.save_client(saved)
        vault.audit("client_saved", "new" if was_new else "edited")
    return Outcome(saved, _client_changes(saved.id))


def set_client_status(vault: Vault, client_id: int, status: ClientStatus) -> Outcome[None]:
    status = ClientStatus(status)
    with vault.transaction():
        vault.set_client_status(client_id, status)
        vault.audit("client_status", status.value)
    return Outcome(None, _client_changes(client_id))


def _drafts_of(vault: Vault, client_id: int) -> dict[str, dict[str, Any]]:
    return {
        slot: payload
        for slot, payload in vault.drafts().items()
        if isinstance(payload, dict) and payload.get("client_id") == client_id
    }


def delete_client(vault: Vault, client_id: int) -> Outcome[DeletedClient]:
    """Delete the client, their sessions, plan and drafts in one transaction.

    Raises ValueError when there is no such client. The returned DeletedClient holds
    everything that was removed, for :func:`restore_client`; it is also kept in
    Recently deleted (``app/trash.py``) for 30 days.
    """
    from alliance_desktop.app import trash

    with vault.transaction():
        client = vault.client(client_id)
        if client is None:
            raise ValueError(f"there is no client with id {client_id}")
        sessions = tuple(vault.sessions(client_id))
        plan = tuple(vault.plan(client_id))
        drafts = _drafts_of(vault, client_id)
        for slot in drafts:
            vault.delete_draft(slot)
        vault.delete_client(client_id)
        gone = DeletedClient(client, sessions, plan, drafts)
        trash.keep_client(vault, gone)  # Recently deleted, in the same transaction
        vault.audit("client_deleted", f"{len(sessions)} session(s)")
    return Outcome(
        gone,
        Changes(
            clients=True,
            sessions=bool(sessions),
            plans=bool(plan),
            drafts=bool(drafts),
            client_ids=frozenset({client_id}),
            session_ids=frozenset(s.id for s in sessions if s.id is not None),
        ),
    )


def _moved_slot(slot: str, old: int | None, new: int) -> str:
    return f"new:{new}" if slot == f"new:{old}" else slot


def restore_client(vault: Vault, deleted: DeletedClient) -> Outcome[Client]:
    """Put a deleted client back with their sessions, plan and drafts, in one transaction.

    The client gets a new id (the value's ``id``); sessions keep theirs unless a newer
    session took one in the meantime.
    """
    old_id = deleted.client.id
    client = replace(deleted.client, id=None)
    restored_ids: set[int] = set()
    from alliance_desktop.app import trash

    with vault.transaction():
        trash.forget_client(vault, old_id)
        vault.save_client(client)
        assert client.id is not None
        for session in deleted.sessions:
            again = replace(session, client_id=client.id)
            if again.id is not None and vault.session(again.id) is not None:
                again = replace(again, id=None)  # its id was reused: keep both
            vault.restore_session(again)
            if again.id is not None:
                restored_ids.add(again.id)
        for item in deleted.plan:
            vault.add_to_plan(client.id, item.strategy, item.note)
        for slot, payload in deleted.drafts.items():
            vault.save_draft(
                _moved_slot(slot, old_id, client.id), {**payload, "client_id": client.id}
            )
        vault.audit("client_restored", f"{len(deleted.sessions)} session(s)")
    return Outcome(
        client,
        Changes(
            clients=True,
            sessions=bool(deleted.sessions),
            plans=bool(deleted.plan),
            drafts=bool(deleted.drafts),
            client_ids=frozenset({client.id}),
            session_ids=frozenset(restored_ids),
        ),
    )


def add_practice_client(vault: Vault, vignette_key: str) -> Outcome[Client]:
    """The practice client for a vignette, made on first use (ValidationError if unknown)."""
    with vault.transaction():
        before = {c.id for c in vault.clients() if c.is_practice}
        client = vault.add_practice_client(vignette_key)
        created = client.id not in before
        if created:
            vault.audit("client_saved", "practice")
    return Outcome(client, _client_changes(client.id) if created else Changes())


__all__ = [
    "DeletedClient",
    "add_practice_client",
    "delete_client",
    "restore_client",
    "save_client",
    "set_client_status",
]
