"""Merge another copy of the vault into this one, losing nothing (issue 14).

A sync tool (Syncthing, Nextcloud, Dropbox) that sees the vault changed on two devices
keeps one file and leaves the other beside it as a conflict copy. :func:`merge` reads
that copy (OTHER) without ever writing to it: its bytes are copied into a private
temporary folder and the copy is opened there, so even a schema upgrade or a hot
journal never touches OTHER. Then, in ONE transaction of this vault:

- a record only OTHER has is added (unless this vault deleted that version: a
  tombstone here and no edit there since keeps it deleted);
- a record changed only in OTHER (this vault's version is one OTHER's history knows)
  takes OTHER's version; one changed only here stays as it is;
- a record changed on both sides keeps the newer version (``updated_at``) as current
  and the other as a conflict version (``vault.sync.keep_conflict``) for the app to
  offer "changed on two devices: keep this / keep the other / keep both";
- a tombstone in OTHER deletes the record here when it was not edited here since the
  deleted version; an edit made here since is kept;
- a client or plan item made on both devices apart (same code, or same client and
  strategy) becomes one record under the smaller of the two uuids, so both copies agree.

Merging the same copy again changes nothing: OTHER's stamps join this vault's record
history, so its versions are known afterwards. The audit row ``merge`` holds counts only.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.reports.json_format import (
    client_dict,
    packet_dict,
    plan_dict,
    session_dict,
)
from alliance_desktop.vault import bulk, rows, sync
from alliance_desktop.vault.store import PacketRecord, PlanItem, Vault

# -- conflict copies left by sync tools -------------------------------------------------

_SYNCTHING = re.compile(
    r"^(?P<name>.+)\.sync-conflict-(?P<date>\d{8})-(?P<time>\d{6})-(?P<device>[A-Z0-9]{7})"
    r"(?P<ext>\.[^.]+)?$"
)
_NEXTCLOUD = re.compile(
    r"^(?P<name>.+?) \(conflicted copy (?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{6})\)"
    r"(?P<ext>\.[^.]+)?$"
)
_DROPBOX = re.compile(
    r"^(?P<name>.+?) \((?P<device>.+?)'s conflicted copy (?P<date>\d{4}-\d{2}-\d{2})"
    r"(?: \(\d+\))?\)(?P<ext>\.[^.]+)?$"
)


@dataclass(frozen=True)
class ConflictCopy:
    """A conflict copy a sync tool left beside the vault (found by its name only)."""

    path: Path
    tool: str  # "syncthing", "nextcloud" or "dropbox"
    original: str  # the file name it is a copy of
    date: str  # YYYY-MM-DD
    time: str | None = None  # HH:MM:SS when the tool writes it
    device: str | None = None  # the device (Syncthing's short ID) or host (Dropbox)


def parse_conflict_name(path: Path) -> ConflictCopy | None:
    """What a sync tool's conflict-copy name says, or None when it is not one."""
    name = path.name
    if m := _SYNCTHING.match(name):
        d, t = m["date"], m["time"]
        return ConflictCopy(path, "syncthing", m["name"] + (m["ext"] or ""),
                            f"{d[:4]}-{d[4:6]}-{d[6:]}", f"{t[:2]}:{t[2:4]}:{t[4:]}",
                            m["device"])  # fmt: skip
    if m := _NEXTCLOUD.match(name):
        t = m["time"]
        return ConflictCopy(path, "nextcloud", m["name"] + (m["ext"] or ""), m["date"],
                            f"{t[:2]}:{t[2:4]}:{t[4:]}")  # fmt: skip
    if m := _DROPBOX.match(name):
        return ConflictCopy(path, "dropbox", m["name"] + (m["ext"] or ""), m["date"],
                            device=m["device"])  # fmt: skip
    return None


def conflict_copies(vault_path: Path | str) -> list[ConflictCopy]:
    """Conflict copies of ``vault_path`` in its folder, oldest first (names only: no
    passphrase needed, nothing opened). Copies already merged (``…merged-DATE``) are
    not listed."""
    vault_path = Path(vault_path).expanduser()
    folder = vault_path.parent
    try:
        names = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []
    found = []
    for p in names:
        copy = parse_conflict_name(p)
        if copy is not None and copy.original == vault_path.name:
            found.append(copy)
    found.sort(key=lambda c: (c.date, c.time or "", c.path.name))
    return found


def merged_name(path: Path, day: date) -> Path:
    """Where a merged conflict copy is moved: ``NAME.EXT.merged-YYYYMMDD`` beside it
    (``-2``, ``-3``… when that name is taken). Never over an existing file."""
    base = path.with_name(f"{path.name}.merged-{day:%Y%m%d}")
    candidate, n = base, 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def move_aside(path: Path, day: date | None = None) -> Path:
    """Rename a merged copy beside itself (never deleted, never over another file)."""
    day = day or date.today()
    while True:
        target = merged_name(path, day)
        try:
            # link + unlink: a file appearing at the target in the meantime is never replaced.
            target.hardlink_to(path)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            path.rename(target)  # a file system without hard links
            return target
        path.unlink()
        return target


# -- the report ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeReport:
    new_clients: int = 0
    new_sessions: int = 0
    new_plan_items: int = 0
    new_packets: int = 0
    new_strategies: int = 0
    changed: int = 0
    conflicts: int = 0
    deleted: int = 0
    #: Where the merged conflict copy was moved (``move_aside``), if it was.
    moved_to: Path | None = None

    @property
    def nothing(self) -> bool:
        return not any((self.new_clients, self.new_sessions, self.new_plan_items,
                        self.new_packets, self.new_strategies, self.changed, self.conflicts,
                        self.deleted))  # fmt: skip

    def counts(self) -> list[str]:
        """``["3 new sessions", "1 changed", "1 conflict kept"]``: what happened."""
        parts = []
        for n, one, many in (
            (self.new_clients, "new client", "new clients"),
            (self.new_sessions, "new session", "new sessions"),
            (self.new_plan_items, "new plan item", "new plan items"),
            (self.new_packets, "new packet record", "new packet records"),
            (self.new_strategies, "new strategy", "new strategies"),
            (self.changed, "changed", "changed"),
            (self.conflicts, "conflict kept", "conflicts kept"),
            (self.deleted, "deleted", "deleted"),
        ):
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        return parts

    def summary(self) -> str:
        """``merged: 3 new sessions, 1 changed, 1 conflict kept`` or ``merged: nothing new``."""
        return "merged: " + (", ".join(self.counts()) or "nothing new")

    def audit_detail(self) -> str:
        return (
            f"new clients={self.new_clients} sessions={self.new_sessions} "
            f"plans={self.new_plan_items} packets={self.new_packets} "
            f"strategies={self.new_strategies}; changed={self.changed} "
            f"conflicts={self.conflicts} deleted={self.deleted}"
        )


# -- reading the other copy ----------------------------------------------------------------


@dataclass
class Snapshot:
    """Everything a copy of the vault holds that a merge compares, read into memory."""

    clients: list[Client]
    sessions: list[Session]
    plans: list[tuple[int, PlanItem]]
    packets: list[PacketRecord]
    strategies: tuple[Strategy, ...]
    tombstones: list[sync.Tombstone]
    history: dict[str, frozenset[str]]

    @classmethod
    def of(cls, vault: Vault) -> Snapshot:
        clients = vault.clients()
        # The sessions in vault.sessions()'s order (client id, then date, creation,
        # id), read one client at a time: the whole vault's rows as one list were freed
        # in one call that held the interpreter 40-55 ms at 100,000 sessions while a
        # background merge ran. (A session always has its client: foreign keys are on.)
        sessions: list[Session] = []
        for cid in sorted(c.id for c in clients if c.id is not None):
            sessions += vault.sessions(cid)
        bulk.release_memory(vault.conn)  # as after any whole-vault read
        return cls(
            clients=clients,
            sessions=sessions,
            plans=vault.plan_items(),
            packets=vault.packets(),
            strategies=vault.custom_strategies(),
            tombstones=sync.tombstones(vault),
            history=sync.history(vault),
        )


def read_copy(path: Path | str, passphrase: str) -> Snapshot:
    """Read another vault file without writing to it: its bytes (and a journal beside
    it, if a crash left one) are copied into a private temporary folder and opened there."""
    path = Path(path).expanduser()
    with tempfile.TemporaryDirectory(prefix="alliance-merge-") as tmp:
        copy = Path(tmp) / "other.alliance"
        if not path.is_file():
            # Vault.open names what is wrong (missing, a folder) in its own words.
            return _read(path, passphrase)
        shutil.copyfile(path, copy)
        copy.chmod(0o600)
        journal = path.with_name(path.name + "-journal")
        if journal.is_file():
            shutil.copyfile(journal, copy.with_name(copy.name + "-journal"))
        return _read(copy, passphrase)


def _read(path: Path, passphrase: str) -> Snapshot:
    other = Vault.open(path, passphrase)
    try:
        return Snapshot.of(other)
    finally:
        other.close()


# -- comparing versions --------------------------------------------------------------------


def _text(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


def _content(payload: dict[str, Any]) -> str:
    """What two versions are compared on: everything but the stamp and a client's code
    (a session of a renamed client has not changed)."""
    return _text({k: v for k, v in payload.items() if k not in ("updated_at", "client")})


def _stamp(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return rows.iso(value)


@dataclass
class _Side:
    stamp: str
    payload: dict[str, Any]
    history: frozenset[str]


def _verdict(here: _Side, there: _Side) -> str:
    """``same``, ``keep`` (OTHER's version is one this vault had), ``take`` (this
    vault's version is one OTHER had), or ``both`` (changed apart), with ``stamp`` for
    equal content under different stamps."""
    if _content(here.payload) == _content(there.payload):
        return "same" if here.stamp == there.stamp else "stamp"
    if there.stamp == here.stamp or there.stamp in here.history:
        return "keep"
    if here.stamp in there.history:
        return "take"
    return "both"


def _newer(here: _Side, there: _Side) -> bool:
    """Whether OTHER's version wins: newer stamp; equal stamps decided by content, so
    both directions of a merge choose the same winner."""
    if there.stamp != here.stamp:
        return _dt(there.stamp) > _dt(here.stamp)
    return _content(there.payload) > _content(here.payload)


def _dt(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp) if stamp else datetime.min.replace(tzinfo=UTC)


@dataclass
class _Merge:
    vault: Vault
    other: Snapshot
    source: str
    report: dict[str, int] = field(default_factory=dict)
    mine_history: dict[str, frozenset[str]] = field(default_factory=dict)
    mine_tombstones: dict[str, sync.Tombstone] = field(default_factory=dict)
    client_ids: dict[str, int] = field(default_factory=dict)  # OTHER client uuid -> id here
    client_uuids: dict[str, str] = field(default_factory=dict)  # OTHER client uuid -> uuid here
    touched_clients: set[int] = field(default_factory=set)
    touched_sessions: set[int] = field(default_factory=set)

    def count(self, key: str, n: int = 1) -> None:
        self.report[key] = self.report.get(key, 0) + n

    def hist(self, uuid: str) -> frozenset[str]:
        return self.mine_history.get(uuid, frozenset())

    def learn(self, uuid_here: str, there: _Side, current: str) -> None:
        """OTHER's stamps become known here, so this copy is known next time."""
        stamps = (set(there.history) | {there.stamp}) - {current, ""}
        if stamps - self.hist(uuid_here):
            sync.add_history(self.vault, uuid_here, stamps)
            self.mine_history[uuid_here] = self.hist(uuid_here) | stamps

    def deleted_here(self, uuid: str, stamp: str) -> bool:
        """This vault deleted the record, and OTHER's version is not newer than the one
        deleted: it stays deleted."""
        t = self.mine_tombstones.get(uuid)
        if t is None:
            return False
        deleted_version = _stamp(t.updated_at) if t.updated_at else _stamp(t.deleted_at)
        return _dt(stamp) <= _dt(deleted_version) or stamp in self.hist(uuid)

    def resolve(
        self,
        kind: str,
        uuid_here: str,
        here: _Side,
        there: _Side,
        write: Callable[[], bool],
    ) -> None:
        """Compare this vault's and OTHER's versions of one record and act on it.
        ``write`` puts OTHER's version in place (False when it cannot: kept as conflict)."""
        verdict = _verdict(here, there)
        current = here.stamp
        if verdict == "stamp" and _dt(there.stamp) > _dt(here.stamp):
            sync.set_updated_at(self.vault, kind, uuid_here, there.stamp)
            current = there.stamp
        elif verdict == "take":
            if write():
                self.count("changed")
                current = there.stamp
            elif sync.keep_conflict(self.vault, uuid_here, kind, there.payload, self.source):
                self.count("conflicts")
        elif verdict == "both":
            loser = there.payload
            if _newer(here, there) and write():
                current, loser = there.stamp, here.payload
                self.count("changed")
            if sync.keep_conflict(self.vault, uuid_here, kind, loser, self.source):
                self.count("conflicts")
        self.learn(uuid_here, there, current)

    # -- kinds -------------------------------------------------------------------------

    def strategies(self) -> None:
        have = {s.key for s in self.vault.custom_strategies()}
        new = [s for s in self.other.strategies if s.key not in have]
        if new:
            self.vault.add_custom_strategies(new)
            self.count("new_strategies", len(new))

    def clients(self) -> None:
        vault = self.vault
        mine = {c.uuid: c for c in vault.clients() if c.uuid}
        by_code = {c.key: c for c in mine.values()}
        for oc in self.other.clients:
            assert oc.uuid is not None
            there = _Side(_stamp(oc.updated_at), _payload_client(oc), self.other.history.get(
                oc.uuid, frozenset()))  # fmt: skip
            local = mine.get(oc.uuid)
            if local is None and oc.key in by_code:
                local = by_code[oc.key]  # the same client, made on both devices apart
                assert local.uuid is not None
                if oc.uuid < local.uuid:
                    sync.rename_uuid(vault, "client", local.uuid, oc.uuid)
                    self.mine_history[oc.uuid] = self.hist(local.uuid)
                    mine.pop(local.uuid)
                    local.uuid = oc.uuid
                    mine[oc.uuid] = local
            if local is None:
                if self.deleted_here(oc.uuid, there.stamp):
                    continue
                added = vault.put_client(replace(oc, id=None))
                assert added.id is not None
                self.client_ids[oc.uuid] = added.id
                self.client_uuids[oc.uuid] = oc.uuid
                self.touched_clients.add(added.id)
                mine[oc.uuid] = added
                by_code[added.key] = added
                self.count("new_clients")
                continue
            assert local.id is not None and local.uuid is not None
            self.client_ids[oc.uuid] = local.id
            self.client_uuids[oc.uuid] = local.uuid
            here = _Side(_stamp(local.updated_at), _payload_client(local), self.hist(local.uuid))
            target = local

            def write(oc: Client = oc, target: Client = target) -> bool:
                clash = by_code.get(oc.key)
                if clash is not None and clash.uuid != target.uuid:
                    return False  # another client here has that code now: keep as conflict
                vault.put_client(replace(oc, id=target.id, uuid=target.uuid))
                self.touched_clients.add(target.id or 0)
                by_code.pop(target.key, None)
                by_code[oc.key] = target
                return True

            self.resolve("client", local.uuid, here, there, write)

    def sessions(self) -> None:
        vault = self.vault
        here_clients = {c.id: c for c in vault.clients()}
        # This vault's sessions by uuid, read one client at a time: the whole vault's
        # rows as one list were freed in one call that held the interpreter 40-75 ms
        # at 100,000 sessions while a background merge ran. Only looked up (uuids are
        # unique), so the order does not matter.
        mine: dict[str, Session] = {}
        for cid in (c for c in here_clients if c is not None):
            for s in vault.sessions(cid):
                if s.uuid:
                    mine[s.uuid] = s
        bulk.release_memory(vault.conn)  # as after any whole-vault read (vault.sessions())
        codes_there = {c.uuid: c.code for c in self.other.clients}
        other_client_uuid = {c.id: c.uuid for c in self.other.clients}
        for os_ in self.other.sessions:
            assert os_.uuid is not None
            cu = other_client_uuid.get(os_.client_id)
            if cu is None or cu not in self.client_ids:
                continue  # its client stays deleted here (and it with it)
            cid = self.client_ids[cu]
            there = _Side(
                _stamp(os_.updated_at),
                _payload_session(codes_there.get(cu, ""), self.client_uuids[cu], os_),
                self.other.history.get(os_.uuid, frozenset()),
            )
            local = mine.get(os_.uuid)
            incoming = replace(os_, client_id=cid, id=local.id if local else None,
                               ruptures=[replace(r) for r in os_.ruptures])  # fmt: skip
            if local is None:
                if self.deleted_here(os_.uuid, there.stamp):
                    continue
                vault.put_session(incoming)
                self.touched_sessions.add(incoming.id or 0)
                self.touched_clients.add(cid)
                self.count("new_sessions")
                continue
            lc = here_clients.get(local.client_id)
            here = _Side(
                _stamp(local.updated_at),
                _payload_session(lc.code if lc else "", lc.uuid or "" if lc else "", local),
                self.hist(os_.uuid),
            )

            def write(incoming: Session = incoming) -> bool:
                vault.put_session(incoming)
                self.touched_sessions.add(incoming.id or 0)
                self.touched_clients.add(incoming.client_id or 0)
                return True

            self.resolve("session", os_.uuid, here, there, write)
        _release(mine)

    def plans(self) -> None:
        vault = self.vault
        other_client_uuid = {c.id: c.uuid for c in self.other.clients}
        codes_there = {c.uuid: c.code for c in self.other.clients}
        mine = {item.uuid: (cid, item) for cid, item in vault.plan_items() if item.uuid}
        by_key = {(cid, item.strategy): item.uuid for cid, item in mine.values()}
        for ocid, item in self.other.plans:
            assert item.uuid is not None
            cu = other_client_uuid.get(ocid)
            if cu is None or cu not in self.client_ids:
                continue
            cid = self.client_ids[cu]
            there = _Side(
                _stamp(item.updated_at or item.created_at),
                _payload_plan(codes_there.get(cu, ""), self.client_uuids[cu], item),
                self.other.history.get(item.uuid, frozenset()),
            )
            uid = item.uuid if item.uuid in mine else by_key.get((cid, item.strategy))
            if uid is not None and uid != item.uuid and item.uuid < uid:
                sync.rename_uuid(vault, "plan", uid, item.uuid)
                self.mine_history[item.uuid] = self.hist(uid)
                mine[item.uuid] = mine.pop(uid)
                uid = item.uuid
            if uid is None or uid not in mine:
                if self.deleted_here(item.uuid, there.stamp):
                    continue
                vault.put_plan_item(cid, item)
                self.count("new_plan_items")
                continue
            lcid, local = mine[uid]
            found: str = uid
            here = _Side(
                _stamp(local.updated_at or local.created_at),
                _payload_plan("", self.client_uuids[cu], local),
                self.hist(uid),
            )

            def write(
                item: PlanItem = item, lcid: int = lcid, uid: str = found, cid: int = cid
            ) -> bool:
                if lcid != cid:
                    return False
                vault.put_plan_item(cid, replace(item, uuid=uid))
                return True

            self.resolve("plan", uid, here, there, write)

    def packets(self) -> None:
        vault = self.vault
        mine = {p.uuid: p for p in vault.packets() if p.uuid}
        for op in self.other.packets:
            assert op.uuid is not None
            there = _Side(_stamp(op.updated_at or op.created_at), packet_dict(op),
                          self.other.history.get(op.uuid, frozenset()))  # fmt: skip
            local = mine.get(op.uuid)
            if local is None:
                if self.deleted_here(op.uuid, there.stamp):
                    continue
                vault.put_packet(op)
                self.count("new_packets")
                continue
            here = _Side(_stamp(local.updated_at or local.created_at), packet_dict(local),
                         self.hist(op.uuid))  # fmt: skip

            def write(op: PacketRecord = op) -> bool:
                vault.put_packet(op)
                return True

            self.resolve("packet", op.uuid, here, there, write)

    def deletions(self) -> None:
        """OTHER's tombstones: delete here what was not edited here since; remember the
        rest of them (a third copy may still hold the record)."""
        vault = self.vault
        if not self.other.tombstones:  # nothing to delete: this vault is not read again
            sync.put_tombstones(vault, self.other.tombstones)
            return
        sessions_here = vault.sessions(text=False)
        stamps: dict[str, dict[str, tuple[str, frozenset[str]]]] = {
            "session": {s.uuid: (_stamp(s.updated_at), self.hist(s.uuid))
                        for s in sessions_here if s.uuid},
            "plan": {i.uuid: (_stamp(i.updated_at or i.created_at), self.hist(i.uuid))
                     for _c, i in vault.plan_items() if i.uuid},
            "packet": {p.uuid: (_stamp(p.updated_at or p.created_at), self.hist(p.uuid))
                       for p in vault.packets() if p.uuid},
        }  # fmt: skip
        _release(sessions_here)
        # Sessions and plan items first: a client goes only when nothing of theirs is left.
        order = {"session": 0, "plan": 1, "packet": 2, "client": 3}
        for t in sorted(self.other.tombstones, key=lambda t: order.get(t.kind, 9)):
            if t.kind == "client":
                client = next((c for c in vault.clients() if c.uuid == t.uuid), None)
                if client is None or client.id is None:
                    continue
                if vault.sessions(client.id, text=False) or vault.plan(client.id):
                    continue  # something of theirs was added or kept here: keep the client
                if not self._unchanged_since(_stamp(client.updated_at), t):
                    continue
                if sync.delete_record(vault, "client", t.uuid, t):
                    self.touched_clients.add(client.id)
                    self.count("deleted")
                continue
            known = stamps.get(t.kind, {}).get(t.uuid)
            if known is None or not self._unchanged_since(known[0], t):
                continue
            if sync.delete_record(vault, t.kind, t.uuid, t):
                self.count("deleted")
        sync.put_tombstones(vault, self.other.tombstones)

    @staticmethod
    def _unchanged_since(stamp_here: str, t: sync.Tombstone) -> bool:
        deleted_version = _stamp(t.updated_at) if t.updated_at else _stamp(t.deleted_at)
        return _dt(stamp_here) <= _dt(deleted_version)

    def run(self) -> None:
        self.mine_history = dict(sync.history(self.vault))
        self.mine_tombstones = {t.uuid: t for t in sync.tombstones(self.vault)}
        sync.prune_tombstones(self.vault)
        self.strategies()
        self.clients()
        self.sessions()
        self.plans()
        self.packets()
        self.deletions()


def _payload_client(c: Client) -> dict[str, Any]:
    return {**client_dict(c), "updated_at": _stamp(c.updated_at)}


def _payload_session(code: str, client_uuid: str, s: Session) -> dict[str, Any]:
    return {**session_dict(code, s), "client_uuid": client_uuid}


def _payload_plan(code: str, client_uuid: str, item: PlanItem) -> dict[str, Any]:
    return {**plan_dict(code, item), "client_uuid": client_uuid,
            "updated_at": _stamp(item.updated_at or item.created_at)}  # fmt: skip


# -- the use case ----------------------------------------------------------------------


def merge_snapshot(vault: Vault, other: Snapshot, *, source: str = "") -> MergeReport:
    """Merge an already read copy into ``vault`` in one transaction, with its audit row."""
    return _merge(vault, other, source)[0]


def _merge(vault: Vault, other: Snapshot, source: str) -> tuple[MergeReport, _Merge]:
    with vault.transaction():
        work = _Merge(vault, other, source)
        work.run()
        r = work.report
        report = MergeReport(
            new_clients=r.get("new_clients", 0),
            new_sessions=r.get("new_sessions", 0),
            new_plan_items=r.get("new_plan_items", 0),
            new_packets=r.get("new_packets", 0),
            new_strategies=r.get("new_strategies", 0),
            changed=r.get("changed", 0),
            conflicts=r.get("conflicts", 0),
            deleted=r.get("deleted", 0),
        )
        vault.audit("merge", report.audit_detail())
    return report, work


def merge(
    vault: Vault,
    other_path: Path | str,
    other_passphrase: str,
    *,
    move_aside: bool = False,
    today: date | None = None,
) -> Outcome[MergeReport]:
    """Merge the vault file at ``other_path`` into ``vault``; OTHER is never written.

    ``move_aside`` (for a recognised conflict copy, see :func:`conflict_copies`) renames
    OTHER beside itself to ``NAME.merged-YYYYMMDD`` once the merge is committed; it is
    never deleted. Raises WrongPassphraseError (OTHER's passphrase), another VaultError
    (OTHER is not a vault, is damaged, or was written by a newer version), OSError.
    """
    other_path = Path(other_path).expanduser()
    if other_path.resolve() == Path(vault.path).resolve():
        raise ValueError("A vault cannot be merged into itself; choose the other copy.")
    return merge_read(vault, other_path, other_path, other_passphrase,
                      move_aside=move_aside, today=today)  # fmt: skip


def merge_read(
    vault: Vault,
    other_path: Path,
    read_from: Path,
    passphrase: str,
    *,
    move_aside: bool = False,
    today: date | None = None,
) -> Outcome[MergeReport]:
    """:func:`merge` of ``other_path`` read from the file ``read_from`` (the same file,
    or a private re-encrypted copy of it, ``vault.copy_key``) with ``passphrase``.

    The changes name what the merge touched, so a merge that brought nothing new
    reloads nothing. The copy's records are let go of a slice at a time: dropping
    100,000 sessions at once is one call that holds the interpreter ~50 ms (a merge in
    the background must not freeze the window).
    """
    snapshot = read_copy(read_from, passphrase)
    copy = parse_conflict_name(other_path)
    source = copy.device or copy.tool if copy else ""
    report, work = _merge(vault, snapshot, source or other_path.name)
    _release(snapshot.sessions)
    if move_aside:
        report = replace(report, moved_to=_move_aside(other_path, today))
    return Outcome(
        report,
        Changes(
            clients=bool(work.touched_clients) or report.deleted > 0,
            sessions=bool(work.touched_sessions) or report.deleted > 0,
            plans=report.new_plan_items > 0 or report.changed > 0 or report.deleted > 0,
            packets=report.new_packets > 0,
            client_ids=frozenset(i for i in work.touched_clients if i),
            session_ids=frozenset(i for i in work.touched_sessions if i),
        ),
    )


def _release(items: list[Any] | dict[Any, Any]) -> None:
    """Empty a long list or dict a slice at a time (see :func:`merge_read`)."""
    if isinstance(items, dict):
        while items:
            for key in list(itertools.islice(items, 256)):
                del items[key]
        return
    while items:
        del items[-256:]


def _move_aside(path: Path, today: date | None) -> Path:
    return move_aside(path, today)


__all__ = [
    "ConflictCopy",
    "MergeReport",
    "Snapshot",
    "conflict_copies",
    "merge",
    "merge_read",
    "merge_snapshot",
    "merged_name",
    "move_aside",
    "parse_conflict_name",
    "read_copy",
]
