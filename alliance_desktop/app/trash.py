"""Recently deleted: deleted sessions and clients kept for 30 days, restorable.

The delete use cases (``app/sessions.py``, ``app/clients.py``) call :func:`keep_session`
and :func:`keep_client` inside their own transaction, so a delete and its entry here
happen together or not at all. Undo right after a delete takes the entry out again.
The list empties itself of entries older than :data:`KEEP_DAYS` when the vault opens
(:func:`purge_expired`) and completely on demand (:func:`empty`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin

from alliance_desktop.app.changes import Changes, Outcome, ids
from alliance_desktop.app.clients import DeletedClient, restore_client
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.vault import recently_deleted as table
from alliance_desktop.vault import rows
from alliance_desktop.vault.store import PlanItem, Vault

KEEP_DAYS = 30
T = TypeVar("T")


# -- a plain JSON form of the domain objects, read back by their type hints ----------


def encode(value: Any) -> Any:
    """``value`` (dataclasses, enums, dates, tuples…) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(kind: Any, value: Any) -> Any:
    """The inverse of :func:`encode` for the type ``kind``."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in get_args(kind) if a is not type(None)]
        return decode(options[0], value) if len(options) == 1 else value
    if origin in (list, tuple):
        args = [a for a in get_args(kind) if a is not Ellipsis]
        inner = args[0] if args else Any
        items = [decode(inner, v) for v in value or ()]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        _key, inner = get_args(kind) or (str, Any)
        return {k: decode(inner, v) for k, v in (value or {}).items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return from_dict(kind, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is datetime:
        return datetime.fromisoformat(value) if value else None
    if kind is date:
        return date.fromisoformat(value) if value else None
    if kind is float and isinstance(value, int):
        return float(value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    args = {k: decode(hints[k], v) for k, v in data.items() if k in known}
    return cls(**args)


# -- what the list shows -------------------------------------------------------------


@dataclass(frozen=True)
class DeletedItem:
    """One entry of Recently deleted: a session, or a client with all that was theirs."""

    id: int
    kind: str  # "session" | "client"
    deleted_at: datetime
    code: str  # the client's code
    session: Session | None = None
    client: DeletedClient | None = None

    @property
    def expires_at(self) -> datetime:
        return self.deleted_at + timedelta(days=KEEP_DAYS)

    @property
    def session_count(self) -> int:
        return len(self.client.sessions) if self.client is not None else 1


def _item(row: table.DeletedRow) -> DeletedItem | None:
    data = row.payload
    try:
        if row.kind == "session":
            return DeletedItem(
                row.id,
                row.kind,
                row.deleted_at,
                str(data.get("code", "")),
                session=from_dict(Session, data["session"]),
            )
        if row.kind == "client":
            client = DeletedClient(
                from_dict(Client, data["client"]),
                tuple(from_dict(Session, s) for s in data.get("sessions", ())),
                tuple(from_dict(PlanItem, p) for p in data.get("plan", ())),
                dict(data.get("drafts", {})),
            )
            return DeletedItem(row.id, row.kind, row.deleted_at, client.client.code, client=client)
    except (KeyError, TypeError, ValueError):
        return None  # an entry this version cannot read is skipped, never a crash
    return None


# -- called by the delete and undo use cases, inside their transaction -------------


def keep_session(vault: Vault, session: Session) -> int:
    client = vault.client(session.client_id) if session.client_id is not None else None
    payload = {"code": client.code if client else "", "session": encode(session)}
    return table.add(vault, "session", payload)


def keep_client(vault: Vault, deleted: DeletedClient) -> int:
    return table.add(
        vault,
        "client",
        {
            "client": encode(deleted.client),
            "sessions": encode(deleted.sessions),
            "plan": encode(deleted.plan),
            "drafts": encode(deleted.drafts),
        },
    )


def forget_session(vault: Vault, session_id: int | None) -> None:
    """Undo restored the session: its entry here goes (the newest one for that id)."""
    for row in table.listed(vault):
        if row.kind == "session" and row.payload.get("session", {}).get("id") == session_id:
            table.remove(vault, row.id)
            return


def forget_client(vault: Vault, client_id: int | None) -> None:
    for row in table.listed(vault):
        if row.kind == "client" and row.payload.get("client", {}).get("id") == client_id:
            table.remove(vault, row.id)
            return


# -- the use cases of the Recently deleted dialog ----------------------------------


def list_deleted(vault: Vault) -> list[DeletedItem]:
    """What can be restored, the most recently deleted first."""
    return [item for row in table.listed(vault) if (item := _item(row)) is not None]


def restore(vault: Vault, item_id: int) -> Outcome[DeletedItem]:
    """Put entry ``item_id`` back and take it off the list, in one transaction.

    A session whose client is gone raises ValidationError (restore the client first);
    an entry that is no longer there raises ValueError.
    """
    with vault.transaction():
        row = table.get(vault, item_id)
        item = _item(row) if row is not None else None
        if item is None:
            raise ValueError(f"there is no restorable entry {item_id}")
        if item.session is not None:
            session = replace(item.session)
            if session.id is not None and vault.session(session.id) is not None:
                session = replace(session, id=None)  # its id was taken since: keep both
            vault.restore_session(session)
            table.remove(vault, item_id)
            vault.audit("session_restored", "from recently deleted")
            changes = Changes(
                sessions=True, client_ids=ids(session.client_id), session_ids=ids(session.id)
            )
            item = replace(item, session=session)
        else:
            assert item.client is not None
            outcome = restore_client(vault, item.client)
            table.remove(vault, item_id)
            changes = outcome.changes
            item = replace(item, client=replace(item.client, client=outcome.value))
    return Outcome(item, changes)


def purge_expired(vault: Vault, now: datetime | None = None) -> Outcome[int]:
    """Remove what was deleted more than :data:`KEEP_DAYS` days ago (at every open)."""
    cutoff = (now or rows.now()) - timedelta(days=KEEP_DAYS)
    with vault.transaction():
        gone = table.purge(vault, cutoff)
        if gone:
            vault.audit("recently_deleted_expired", f"{gone} item(s)")
    return Outcome(gone)


def empty(vault: Vault) -> Outcome[int]:
    """Remove everything from Recently deleted now (after the user confirmed)."""
    with vault.transaction():
        gone = table.purge(vault)
        vault.audit("recently_deleted_emptied", f"{gone} item(s)")
    return Outcome(gone)


__all__ = [
    "KEEP_DAYS",
    "DeletedItem",
    "decode",
    "empty",
    "encode",
    "forget_client",
    "forget_session",
    "keep_client",
    "keep_session",
    "list_deleted",
    "purge_expired",
    "restore",
]
