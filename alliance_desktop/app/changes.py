"""What a use case changed, so a front end can refresh only what it shows.

Every use case in ``app/`` returns an :class:`Outcome`: its value and a
:class:`Changes` naming the kinds of data it touched. The GUI broadcasts the
``Changes`` once; each view decides whether it needs to reload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    clients: bool = False
    sessions: bool = False
    drafts: bool = False
    plans: bool = False
    packets: bool = False
    settings: bool = False
    passphrase: bool = False
    vault_replaced: bool = False
    client_ids: frozenset[int] = field(default_factory=frozenset)
    session_ids: frozenset[int] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        """Both change sets at once (for a use case built from others)."""
        return Changes(
            clients=self.clients or other.clients,
            sessions=self.sessions or other.sessions,
            drafts=self.drafts or other.drafts,
            plans=self.plans or other.plans,
            packets=self.packets or other.packets,
            settings=self.settings or other.settings,
            passphrase=self.passphrase or other.passphrase,
            vault_replaced=self.vault_replaced or other.vault_replaced,
            client_ids=self.client_ids | other.client_ids,
            session_ids=self.session_ids | other.session_ids,
        )

    @property
    def any(self) -> bool:
        return self != NOTHING


NOTHING = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes = NOTHING


def ids(*values: int | None) -> frozenset[int]:
    """The ids that are known (a new record's id is None until it is saved)."""
    return frozenset(v for v in values if v is not None)


__all__ = ["NOTHING", "Changes", "Outcome", "ids"]
