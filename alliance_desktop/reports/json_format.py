"""The lossless export: every client, session, rupture, custom strategy, setting, plan
item and past supervision packet (with its questions).

The document is deterministic (sorted, stable keys) so two exports of the same data
compare equal apart from ``exported_at``, and an export imported into an empty vault
exports again as the same document. Sessions and plan items name their client by code.

Reading is defensive: any JSON a person or a program may hand over (lone surrogate
escapes, dates past year 9999, numbers too big for the vault, rows that are not
objects) becomes a located problem (``sessions[3].date: ...``), never an exception.
"""

from __future__ import annotations

import itertools
import json
import json.scanner
import re
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import (
    DIMENSIONS,
    Client,
    ClientStatus,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
    code_key,
)
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.domain.validation import parse_day
from alliance_desktop.reports.records import (
    ClientRecord,
    PacketRow,
    ParsedFile,
    PlanRecord,
    SessionRecord,
    StrategyRecord,
    decode_pieces,
    decode_text,
    release,
)
from alliance_desktop.vault.sync import Tombstone

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import PacketRecord, PlanItem

FORMAT = "alliance-desktop-export"
#: 2 added ``plans`` and ``packets``; 3 added ``outcome_rating`` on sessions and
#: ``resolved_on`` on ruptures; 4 added ``uuid`` on every client, session, rupture, plan
#: item and packet, and ``tombstones`` (deletions remembered for 90 days). Files of
#: versions 1 to 3 are still read.
VERSION = 4

TOP_KEYS = ("format", "version", "exported_at", "settings", "custom_strategies", "clients",
            "sessions", "plans", "packets", "tombstones")  # fmt: skip
PLAN_KEYS = ("uuid", "client", "strategy", "note", "created_at")
PACKET_KEYS = ("uuid", "created_at", "range_from", "range_to", "client_count", "questions")
CLIENT_KEYS = ("uuid", "code", "status", "start_date", "goals", "is_practice")
TOMBSTONE_KEYS = ("kind", "uuid", "deleted_at", "updated_at")
TOMBSTONE_KINDS = ("client", "session", "rupture", "plan", "packet")
STRATEGY_KEYS = ("key", "label", "group", "help")
RUPTURE_KEYS = ("uuid", "type", "resolution", "markers", "salience", "repair_strategies", "note",
                "resolved_on")  # fmt: skip
REFLECTION_KEYS = ("template", "sections")
SESSION_KEYS = ("uuid", "client", "date", "duration_min", "modality", *DIMENSIONS, "client_rating",
                "outcome_rating", "supervision", "strategies", "tags", "reflection", "ruptures", "created_at",
                "updated_at")  # fmt: skip


# -- writing ----------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _stamp(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="microseconds") if value else None


def _uuid(value: str | None) -> dict[str, str]:
    """The ``uuid`` key, when the record has one (a record not yet saved has none)."""
    return {"uuid": value} if value else {}


def client_dict(c: Client) -> dict[str, Any]:
    return {
        **_uuid(c.uuid),
        "code": c.code,
        "status": ClientStatus(c.status).value,
        "start_date": _day(c.start_date),
        "goals": c.goals,
        # Only practice (vignette) clients carry the key, so other exports are unchanged.
        **({"is_practice": True} if c.is_practice else {}),
    }


def rupture_dict(r: Rupture) -> dict[str, Any]:
    return {
        **_uuid(r.uuid),
        "type": RuptureType(r.type).value,
        "resolution": Resolution(r.resolution).value,
        "markers": list(r.markers),
        "salience": r.salience,
        "repair_strategies": list(r.repair_strategies),
        "note": r.note,
        "resolved_on": _day(r.resolved_on),
    }


def session_dict(code: str, s: Session) -> dict[str, Any]:
    return {
        **_uuid(s.uuid),
        "client": code,
        "date": s.date.isoformat(),
        "duration_min": s.duration_min,
        "modality": Modality(s.modality).value if s.modality else None,
        "trust": s.trust,
        "engagement": s.engagement,
        "goal_alignment": s.goal_alignment,
        "approach_fit": s.approach_fit,
        "client_rating": s.client_rating,
        "outcome_rating": s.outcome_rating,
        "supervision": bool(s.supervision),
        "strategies": list(s.strategies),
        "tags": list(s.tags),
        "reflection": {"template": s.reflection.template, "sections": dict(s.reflection.sections)},
        "ruptures": [rupture_dict(r) for r in s.ruptures],
        "created_at": _stamp(s.created_at),
        "updated_at": _stamp(s.updated_at),
    }


def strategy_dict(s: Strategy) -> dict[str, Any]:
    return {"key": s.key, "label": s.label, "group": s.group, "help": s.help}


def plan_dict(code: str, item: PlanItem) -> dict[str, Any]:
    created: datetime | str = item.created_at
    if isinstance(created, str):  # the vault keeps the stamp as text
        created = datetime.fromisoformat(created)
    return {
        **_uuid(item.uuid),
        "client": code,
        "strategy": item.strategy,
        "note": item.note,
        "created_at": _stamp(created),
    }


def packet_dict(p: PacketRecord) -> dict[str, Any]:
    return {
        **_uuid(p.uuid),
        "created_at": _stamp(p.created_at),
        "range_from": _day(p.range_from),
        "range_to": _day(p.range_to),
        "client_count": p.client_count,
        "questions": list(p.questions),
    }


def tombstone_dict(t: Tombstone) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "uuid": t.uuid,
        "deleted_at": _stamp(t.deleted_at),
        "updated_at": _stamp(t.updated_at),
    }


def _tie(d: dict[str, Any]) -> str:
    return json.dumps(d, sort_keys=True, ensure_ascii=False)


def _session_order(d: dict[str, Any]) -> tuple[str, str, str]:
    return (code_key(d["client"]), d["date"], d["created_at"] or "")


def _break_ties(items: list[dict[str, Any]], keys: list[tuple[str, str, str]]) -> None:
    """Within each run of sessions equal under ``_session_order`` (``keys``: each
    item's), order by ``_tie``."""
    start = 0
    while start < len(items):
        key = keys[start]
        end = start + 1
        while end < len(items) and keys[end] == key:
            end += 1
        if end - start > 1:
            items[start:end] = sorted(items[start:end], key=_tie)
        start = end


def build_document(
    clients: Iterable[Client],
    sessions: Iterable[tuple[str, Session]],
    strategies: Iterable[Strategy],
    settings: dict[str, Any],
    exported_at: datetime,
    plans: Iterable[tuple[str, PlanItem]] = (),
    packets: Iterable[PacketRecord] = (),
    tombstones: Iterable[Tombstone] = (),
) -> dict[str, Any]:
    """The whole export as plain JSON data, in a fixed order whatever order came in.

    ``plans`` are ``(client code, item)`` pairs, each client's items in plan order
    (the order they were added, which an import keeps); ``packets`` the past packets.
    """
    session_items = [session_dict(code, s) for code, s in sessions]
    # The whole object as text breaks ties between sessions that share client, date and
    # creation time, so the order never depends on row ids; it is computed only for them.
    # An export's sessions come in this order already, and sorting 100,000 of them
    # anyway was one call that held the interpreter 45-60 ms (a background export): the
    # check is a loop other threads run beside; a stable sort of sorted items is a no-op.
    keys = [_session_order(d) for d in session_items]
    if any(a > b for a, b in itertools.pairwise(keys)):
        session_items.sort(key=_session_order)
        release(keys)
        keys = [_session_order(d) for d in session_items]
    _break_ties(session_items, keys)
    release(keys)
    # Stable: each client's plan keeps its own order.
    plan_items = sorted((plan_dict(code, item) for code, item in plans),
                        key=lambda d: code_key(d["client"]))  # fmt: skip
    packet_items = sorted((packet_dict(p) for p in packets),
                          key=lambda d: (d["created_at"] or "", _tie(d)))  # fmt: skip
    tombstone_items = sorted((tombstone_dict(t) for t in tombstones),
                             key=lambda d: (d["deleted_at"] or "", d["uuid"]))  # fmt: skip
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _stamp(exported_at),
        "settings": {k: settings[k] for k in sorted(settings)},
        "custom_strategies": [strategy_dict(s) for s in sorted(strategies, key=lambda s: s.key)],
        "clients": [client_dict(c) for c in sorted(clients, key=lambda c: (c.key, c.code))],
        "sessions": session_items,
        "plans": plan_items,
        "packets": packet_items,
        "tombstones": tombstone_items,
    }


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def _compact_parts(value: Any) -> Iterator[str]:
    """The compact text of ``value`` in pieces, the same characters as one ``json.dumps``:
    the document and its long lists are written item by item, so no single call into
    the C encoder holds the interpreter for the whole vault (a background export must
    not freeze the window)."""
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + _COMPACT(key) + ":"
            yield from _compact_parts(item)
        yield "}"
    elif isinstance(value, list | tuple) and len(value) > 64:
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + _COMPACT(item)
        yield "]"
    else:
        yield _COMPACT(value)


def dump_document(document: dict[str, Any], *, indent: int | None = None) -> str:
    """The document as text: compact (one line, no spaces) unless ``indent`` is given.

    Compact output goes through the C encoder and is about three times faster than
    indenting on a large vault; both read back the same.
    """
    if indent is None:
        return "".join([*_compact_parts(document), "\n"])
    return json.dumps(document, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


def dump_document_bytes(document: dict[str, Any], *, indent: int | None = None) -> bytes:
    """``dump_document(...).encode("utf-8")``, encoded piece by piece.

    The whole text is never one string: a single character beyond Latin-1 anywhere
    makes Python store all of it two or four bytes a character (150 MB for a 75 MB
    export at 100,000 sessions), built, copied and encoded again; pieces are each
    encoded on their own and only the UTF-8 bytes are joined.
    """
    if indent is not None:
        return dump_document(document, indent=indent).encode("utf-8")
    return b"".join([*(part.encode("utf-8") for part in _compact_parts(document)), b"\n"])


# -- reading ----------------------------------------------------------------------


class _Reader:
    """Reads typed values out of one JSON object, noting each problem by its path."""

    def __init__(self, value: object, path: str, allowed: tuple[str, ...]):
        self.path = path
        self.problems: list[Problem] = []
        self.failed: set[str] = set()
        if isinstance(value, dict):
            self.obj: dict[str, Any] = value
            for key in value:
                if key not in allowed:
                    self.fail(key, "is not a known field")
        else:
            self.obj = {}
            self.problems.append(Problem("", "must be an object", path))
            self.failed.add("")

    @property
    def ok(self) -> bool:
        return "" not in self.failed

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message, self.path))
        self.failed.add(field)

    def has(self, key: str) -> bool:
        return self.obj.get(key) is not None

    def text(self, key: str, default: str = "", required: bool = False) -> str:
        value = self.obj.get(key)
        if value is None:
            if required and self.ok:
                self.fail(key, "is required")
            return default
        if not isinstance(value, str):
            self.fail(key, "must be text")
            return default
        return value

    def integer(self, key: str) -> int | None:
        value = self.obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, "must be a whole number")
            return None
        return value

    def number(self, key: str) -> float | None:
        value = self.obj.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError
            return float(value)
        except (ValueError, OverflowError):  # an integer too big for a float
            self.fail(key, "must be a number")
            return None

    def flag(self, key: str) -> bool:
        value = self.obj.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return False
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of text")
            return ()
        return tuple(value)

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.obj.get(key)
        if value is None:
            if required and self.ok:
                self.fail(key, "is required")
            return None
        try:
            if not isinstance(value, str):
                raise ValueError
            return parse_day(value)  # four-digit years only: 99999-01-01 is refused
        except ValueError:
            self.fail(key, "must be a date written YYYY-MM-DD")
            return None

    def stamp(self, key: str, required: bool = False) -> datetime | None:
        """A date and time, in UTC; a naive one is taken as UTC. A time whose UTC form
        falls outside years 1 to 9999 (0001-01-01T00:00+05:00) is refused here rather
        than overflowing later."""
        value = self.obj.get(key)
        if value is None:
            if required and self.ok:
                self.fail(key, "is required")
            return None
        try:
            if not isinstance(value, str) or len(value) > 64:
                raise ValueError
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
        except (ValueError, OverflowError):
            self.fail(key, "must be a date and time in ISO 8601 form, years 1 to 9999")
            return None

    def uuid(self, key: str = "uuid", required: bool = False) -> str | None:
        """A record identity, in either uuid form; kept as 32 lowercase hex digits."""
        value = self.obj.get(key)
        if value is None:
            if required and self.ok:
                self.fail(key, "is required")
            return None
        try:
            if not isinstance(value, str) or len(value) > 64:
                raise ValueError
            return uuidlib.UUID(value).hex
        except ValueError:
            self.fail(key, "must be a uuid (32 hexadecimal digits)")
            return None

    def choice(self, key: str, enum: type, message: str, required: bool = False) -> Any:
        value = self.obj.get(key)
        if value is None:
            if required and self.ok:
                self.fail(key, "is required")
            return None
        try:
            return enum(value)
        except ValueError:
            self.fail(key, message)
            return None


def _rupture(value: object, path: str) -> tuple[Rupture, list[Problem], set[str]]:
    r = _Reader(value, path, RUPTURE_KEYS)
    rupture = Rupture(
        type=r.choice("type", RuptureType, "must be withdrawal or confrontation", True),
        resolution=r.choice("resolution", Resolution, "must be yes, partial or no", True),
        markers=r.texts("markers"),
        salience=r.integer("salience"),
        repair_strategies=r.texts("repair_strategies"),
        note=r.text("note"),
        resolved_on=r.day("resolved_on"),
        uuid=r.uuid(),
    )
    failed = set(r.failed)
    if not r.ok:
        failed |= {"type", "resolution"}
    return rupture, r.problems, failed


def _reflection(value: object, path: str) -> tuple[Reflection, list[Problem], set[str]]:
    if value is None:
        return Reflection(), [], set()
    r = _Reader(value, path, REFLECTION_KEYS)
    template = r.text("template", default="free")
    sections = r.obj.get("sections") or {}
    if not isinstance(sections, dict) or not all(isinstance(v, str) for v in sections.values()):
        r.fail("sections", "must be an object whose values are text")
        sections = {}
    # Domain checks name the template as "reflection.template" and sections as "reflection".
    failed = {"reflection.template"} if "template" in r.failed else set()
    if r.failed - {"template"}:
        failed.add("reflection")
    return Reflection(template, dict(sections)), r.problems, failed


def _session(value: object, path: str) -> SessionRecord:
    r = _Reader(value, path, SESSION_KEYS)
    problems = r.problems
    failed = r.failed
    raw_ruptures = r.obj.get("ruptures") or []
    ruptures: list[Rupture] = []
    if not isinstance(raw_ruptures, list):
        r.fail("ruptures", "must be a list")
    else:
        for i, item in enumerate(raw_ruptures):
            rupture, found, bad = _rupture(item, f"{path}.ruptures[{i}]")
            ruptures.append(rupture)  # kept even when broken, so indexes still match the file
            problems += found
            failed |= {f"ruptures[{i}].{name}" for name in bad}
    reflection, found, bad = _reflection(r.obj.get("reflection"), f"{path}.reflection")
    problems += found
    failed |= bad
    created = r.stamp("created_at")
    session = Session(
        client_id=None,
        date=r.day("date", required=True),  # type: ignore[arg-type]  # None only when reported
        duration_min=r.integer("duration_min"),
        modality=r.choice("modality", Modality, "must be in_person, video, phone or other"),
        trust=r.integer("trust"),
        engagement=r.integer("engagement"),
        goal_alignment=r.integer("goal_alignment"),
        approach_fit=r.integer("approach_fit"),
        client_rating=r.number("client_rating"),
        outcome_rating=r.number("outcome_rating"),
        supervision=r.flag("supervision"),
        strategies=r.texts("strategies"),
        tags=r.texts("tags"),
        reflection=reflection,
        ruptures=ruptures,
        created_at=created,
        updated_at=r.stamp("updated_at"),
        uuid=r.uuid(),
    )
    code = r.text("client", required=True).strip()
    if r.ok and "client" not in r.failed and not code:
        r.fail("client", "is required")
    return SessionRecord(path, code, session, problems, failed, created is not None)


# -- the fast path for sessions ---------------------------------------------------
#
# An export holds tens of thousands of sessions, nearly all well formed. ``_quick_session``
# reads one with plain type checks and lookups and no bookkeeping, and gives up (None)
# at the first thing it does not recognise; ``_session`` then reads that row again and
# says what is wrong. So a row it accepts is one ``_session`` reads without a problem,
# into the same session (tests/reports/test_json_fast_path.py holds it to that).

_NOT = object()  # a value the quick path does not accept
_SESSION_FIELDS = frozenset(SESSION_KEYS)
_RUPTURE_FIELDS = frozenset(RUPTURE_KEYS)
_REFLECTION_FIELDS = frozenset(REFLECTION_KEYS)
_MODALITIES: dict[str, Modality] = {m.value: m for m in Modality}
_RUPTURE_TYPES: dict[str, RuptureType] = {t.value: t for t in RuptureType}
_RESOLUTIONS: dict[str, Resolution] = {r.value: r for r in Resolution}
_HEX32 = re.compile(r"[0-9a-f]{32}")


def _quick_day(value: object, days: dict[str, date]) -> Any:
    if type(value) is not str:
        return _NOT
    found = days.get(value)
    if found is None:
        try:
            found = days[value] = parse_day(value)
        except ValueError:
            return _NOT
    return found


def _quick_stamp(value: object) -> Any:
    if value is None:
        return None
    if type(value) is not str or len(value) > 64:
        return _NOT
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        return _NOT


def _quick_uuid(value: object) -> Any:
    if value is None:
        return None
    if type(value) is str and _HEX32.fullmatch(value):
        return value  # already in the kept form (UUID(value).hex is the same text)
    return _NOT


def _quick_int(value: object) -> Any:
    return value if value is None or type(value) is int else _NOT


def _quick_texts(value: object) -> Any:
    if value is None:
        return ()
    if type(value) is list and all(type(v) is str for v in value):
        return tuple(value)
    return _NOT


def _quick_rupture(value: object, days: dict[str, date]) -> Rupture | None:
    if type(value) is not dict or not _RUPTURE_FIELDS.issuperset(value):
        return None
    get = value.get
    kind = get("type")
    resolution = get("resolution")
    kind = _RUPTURE_TYPES.get(kind) if type(kind) is str else None
    resolution = _RESOLUTIONS.get(resolution) if type(resolution) is str else None
    markers = _quick_texts(get("markers"))
    salience = _quick_int(get("salience"))
    repair = _quick_texts(get("repair_strategies"))
    note = get("note")
    if note is None:
        note = ""
    resolved = get("resolved_on")
    if resolved is not None:
        resolved = _quick_day(resolved, days)
    uid = _quick_uuid(get("uuid"))
    if (
        kind is None
        or resolution is None
        or type(note) is not str
        or _NOT in (markers, salience, repair, resolved, uid)
    ):
        return None
    return Rupture(kind, resolution, markers, salience, repair, note, resolved, uuid=uid)


def _quick_reflection(value: object) -> Reflection | None:
    if value is None:
        return Reflection()
    if type(value) is not dict or not _REFLECTION_FIELDS.issuperset(value):
        return None
    template = value.get("template")
    if template is None:
        template = "free"
    elif type(template) is not str:
        return None
    sections = value.get("sections")
    if sections is None:
        return Reflection(template, {})
    if type(sections) is not dict or not all(type(v) is str for v in sections.values()):
        return None
    return Reflection(template, dict(sections))


def _quick_session(value: object, path: str, days: dict[str, date]) -> SessionRecord | None:
    """The session at ``path`` when it is plainly well formed, else None (see above)."""
    if type(value) is not dict or not _SESSION_FIELDS.issuperset(value):
        return None
    get = value.get
    code = get("client")
    if type(code) is not str:
        return None
    code = code.strip()
    day = _quick_day(get("date"), days)
    if not code or day is _NOT:
        return None
    raw = get("ruptures")
    ruptures: list[Rupture] = []
    if raw:
        if type(raw) is not list:
            return None
        for item in raw:
            rupture = _quick_rupture(item, days)
            if rupture is None:
                return None
            ruptures.append(rupture)
    reflection = _quick_reflection(get("reflection"))
    modality = get("modality")
    if modality is not None:
        modality = _MODALITIES.get(modality) if type(modality) is str else None
        if modality is None:
            return None
    numbers = []
    for key in ("client_rating", "outcome_rating"):
        number = get(key)
        if type(number) is int:
            try:
                number = float(number)
            except OverflowError:
                return None
        elif number is not None and type(number) is not float:
            return None
        numbers.append(number)
    supervision = get("supervision", False)
    created = _quick_stamp(get("created_at"))
    updated = _quick_stamp(get("updated_at"))
    duration = _quick_int(get("duration_min"))
    trust = _quick_int(get("trust"))
    engagement = _quick_int(get("engagement"))
    goal = _quick_int(get("goal_alignment"))
    fit = _quick_int(get("approach_fit"))
    strategies = _quick_texts(get("strategies"))
    tags = _quick_texts(get("tags"))
    uid = _quick_uuid(get("uuid"))
    if (
        reflection is None
        or type(supervision) is not bool
        or _NOT in (created, updated, duration, trust, engagement, goal, fit, strategies, tags, uid)
    ):
        return None
    session = Session(
        client_id=None,
        date=day,
        duration_min=duration,
        modality=modality,
        trust=trust,
        engagement=engagement,
        goal_alignment=goal,
        approach_fit=fit,
        client_rating=numbers[0],
        outcome_rating=numbers[1],
        supervision=supervision,
        strategies=strategies,
        tags=tags,
        reflection=reflection,
        ruptures=ruptures,
        created_at=created,
        updated_at=updated,
        uuid=uid,
    )
    return SessionRecord(path, code, session, [], set(), created is not None)


def read_session(value: object, path: str, days: dict[str, date] | None = None) -> SessionRecord:
    """One session of an export, located at ``path``: quickly when it is well formed,
    else through the reader that names every problem. ``days`` caches parsed dates
    across the rows of one file."""
    found = _quick_session(value, path, {} if days is None else days)
    return found if found is not None else _session(value, path)


def _client(value: object, path: str) -> ClientRecord:
    r = _Reader(value, path, CLIENT_KEYS)
    status = r.choice("status", ClientStatus, "must be active or closed")
    client = Client(
        code=r.text("code", required=True).strip(),
        status=status or ClientStatus.ACTIVE,
        start_date=r.day("start_date"),
        goals=r.text("goals"),
        is_practice=r.flag("is_practice"),
        uuid=r.uuid(),
    )
    return ClientRecord(path, client, r.problems, r.failed)


def _strategy(value: object, path: str) -> StrategyRecord:
    r = _Reader(value, path, STRATEGY_KEYS)
    strategy = Strategy(
        key=r.text("key", required=True),
        label=r.text("label", required=True),
        group=r.text("group", required=True),
        help=r.text("help"),
        builtin=False,
    )
    return StrategyRecord(path, strategy, r.problems)


def _plan(value: object, path: str) -> PlanRecord:
    r = _Reader(value, path, PLAN_KEYS)
    return PlanRecord(
        row=path,
        client=r.text("client", required=True).strip(),
        strategy=r.text("strategy", required=True).strip(),
        note=r.text("note"),
        created_at=r.stamp("created_at"),
        problems=r.problems,
        uuid=r.uuid(),
    )


MAX_CLIENT_COUNT = 1_000_000


def _packet(value: object, path: str) -> PacketRow:
    r = _Reader(value, path, PACKET_KEYS)
    count = r.integer("client_count")
    if count is None and r.ok and "client_count" not in r.failed:
        r.fail("client_count", "is required")
    elif count is not None and not 0 <= count <= MAX_CLIENT_COUNT:
        r.fail("client_count", f"must be a whole number from 0 to {MAX_CLIENT_COUNT:,}")
        count = None
    return PacketRow(
        row=path,
        created_at=r.stamp("created_at", required=True),
        range_from=r.day("range_from"),
        range_to=r.day("range_to"),
        client_count=count,
        questions=r.texts("questions"),
        problems=r.problems,
        uuid=r.uuid(),
    )


def _tombstone(value: object, path: str) -> tuple[Tombstone | None, list[Problem]]:
    r = _Reader(value, path, TOMBSTONE_KEYS)
    kind = r.text("kind", required=True)
    if kind and kind not in TOMBSTONE_KINDS and "kind" not in r.failed:
        r.fail("kind", f"must be one of {', '.join(TOMBSTONE_KINDS)}")
    uid = r.uuid(required=True)
    deleted = r.stamp("deleted_at", required=True)
    updated = r.stamp("updated_at")
    if r.problems or uid is None or deleted is None:
        return None, r.problems
    return Tombstone(kind, uid, deleted, updated), []


def _printable_key(key: str) -> str:
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def broken_text(doc: object) -> list[Problem]:
    """Every string (value or field name) that is not Unicode text: JSON lets a file
    write a lone surrogate (``"\\ud800"``), which no vault or terminal can store or
    show. Located by path, in document order; iterative, so nesting cannot overflow."""
    problems: list[Problem] = []
    stack: list[tuple[object, str]] = [(doc, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if not _is_text(value):
                problems.append(Problem("", _BROKEN, path or "file"))
        elif isinstance(value, dict):
            items = []
            for key, item in value.items():
                if not _is_text(key):
                    problems.append(Problem("", f"has a field name that {_BROKEN}", path or "file"))
                name = _printable_key(key)
                items.append((item, f"{path}.{name}" if path else name))
            stack += reversed(items)
        elif isinstance(value, list):
            stack += reversed([(item, f"{path}[{i}]") for i, item in enumerate(value)])
    return problems


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_BROKEN = "contains an unpaired surrogate escape (like \\ud800), which is not text"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _list(doc: dict[str, Any], key: str, problems: list[Problem]) -> list[Any]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(key, "must be a list"))
        return []
    return value


_WHITESPACE = re.compile(r"[ \t\n\r]*")
#: The document's lists read an item at a time (``_load_document``).
_LONG_LISTS = frozenset({"custom_strategies", "clients", "sessions", "plans", "packets",
                         "tombstones"})  # fmt: skip


#: A value ending this close to the window's end is read again with the next piece.
_NUMBER_TAIL = 64
#: The window is topped up (a piece appended) before a value when less is left ahead.
_LOOKAHEAD = 256 * 1024
_SPACE = " \t\n\r"


class _NotPlain(Exception):
    """The text is not a plain export object, or not valid JSON: read it as one
    ``json.loads`` for the exact answer (the value, or the error and its line)."""


class _Window:
    """The document's text one window at a time: the pieces ``decode_pieces`` yields,
    joined only as far as the value being read needs."""

    def __init__(self, pieces: Iterator[str]) -> None:
        self._pieces = pieces
        self.text = ""
        self.pos = 0
        self.exhausted = False
        #: A ``\uD800``-``\uDFFF`` escape appeared somewhere (see ``read_json``).
        self.surrogate_escape = False
        self._tail = ""  # the text's last three characters so far, for that search

    def more(self, at_least: int = 0) -> bool:
        """Drop what was read and append pieces (``at_least`` characters' worth, one
        piece at the least); False once there is nothing more."""
        added: list[str] = []
        count = 0
        while not added or count < at_least:
            piece = next(self._pieces, None)
            if piece is None:
                self.exhausted = True
                break
            if not self.surrogate_escape and (
                _SURROGATE_ESCAPE.search(piece) or _SURROGATE_ESCAPE.search(self._tail + piece[:3])
            ):
                self.surrogate_escape = True
            self._tail = (self._tail + piece)[-3:] if len(piece) < 3 else piece[-3:]
            added.append(piece)
            count += len(piece)
        if not added:
            return False
        self.text = self.text[self.pos :] + "".join(added)
        self.pos = 0
        return True

    def skip_space(self) -> None:
        while True:
            self.pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self.more():
                return

    def char(self) -> str:
        """The next character that is not white space ("" at the end)."""
        self.skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, wanted: str) -> None:
        if self.char() != wanted:
            raise _NotPlain
        self.pos += 1

    def value(self, scan: Callable[[str, int], tuple[Any, int]]) -> Any:
        """The JSON value at the current position (white space skipped before it)."""
        if len(self.text) - self.pos < _LOOKAHEAD and not self.exhausted:
            # Read on before a value can run past the window's end: a scan cut short
            # fails, and each failure counts the window's lines for its message.
            self.more()
        pos = self.pos
        if pos >= len(self.text) or self.text[pos] in _SPACE:
            self.skip_space()
        while True:
            try:
                found, end = scan(self.text, self.pos)
            except (json.JSONDecodeError, StopIteration):
                # Cut off at the window's end, perhaps (a value longer than the look-
                # ahead): read on, twice as much each time, else the text is not valid.
                if self.more(at_least=len(self.text) - self.pos):
                    continue
                raise _NotPlain from None
            if end > len(self.text) - _NUMBER_TAIL and not self.exhausted and self.more():
                continue  # a number may go on in the next piece ("1." | "5"): read it whole
            self.pos = end
            return found

    def items(self, scan: Callable[[str, int], tuple[Any, int]]) -> list[Any]:
        """The items of the list whose "[" was just read, up to and past its "]"."""
        found: list[Any] = []
        if self.char() == "]":
            self.pos += 1
            return found
        append = found.append
        while True:
            append(self.value(scan))
            pos, text = self.pos, self.text
            mark = text[pos] if pos < len(text) and text[pos] in ",]" else self.char()
            self.pos += 1
            if mark == "]":
                return found
            if mark != ",":
                raise _NotPlain


def _load_document(pieces: Iterator[str]) -> tuple[Any, bool]:
    """The export object read from ``pieces``, and whether any piece held a surrogate
    escape; the same value ``json.loads`` gives for the whole text.

    The top-level object and its long lists are walked here and each item (a session,
    a client) is one call into the C decoder: ``json.loads`` of a 75 MB export is one
    call holding the interpreter for 0.4-1.7 s, and a background import froze the
    window that long. Raises _NotPlain for anything else (another shape, a syntax
    error, a NaN): the caller then reads the text whole, for the exact value or error.
    """
    # The C scanner itself (raw_decode is a Python frame around it): (text, index) ->
    # (value, end), StopIteration when no value starts there.
    decoder: Any = json.JSONDecoder(parse_constant=_reject_constant)  # typeshed wants a scanner
    scan = json.scanner.make_scanner(decoder)
    window = _Window(pieces)
    doc: dict[str, Any] = {}
    try:
        window.expect("{")
        if window.char() == "}":
            window.pos += 1
        else:
            while True:
                if window.char() != '"':
                    raise _NotPlain
                key = window.value(scan)
                window.expect(":")
                if key in _LONG_LISTS and window.char() == "[":
                    window.pos += 1
                    doc[key] = window.items(scan)
                else:
                    doc[key] = window.value(scan)
                mark = window.char()
                window.pos += 1
                if mark == "}":
                    break
                if mark != ",":
                    raise _NotPlain
        if window.char() != "":
            raise _NotPlain
    except ValidationError:
        raise  # not UTF-8 text, or a NUL byte (decode_pieces): said as decode_text says it
    except (ValueError, RecursionError):  # a NaN (parse_constant), nesting too deep
        raise _NotPlain from None
    return doc, window.surrogate_escape


def read_json(data: bytes) -> ParsedFile:
    """Parse an export document into records located by their JSON path."""
    parsed = ParsedFile("json")
    try:
        try:
            doc, surrogate_escape = _load_document(decode_pieces(data))
        except _NotPlain:
            # Not a plain export or not valid JSON: read whole, as one call, for the
            # exact error and line (or whatever other value it is).
            text = decode_text(data)
            surrogate_escape = bool(_SURROGATE_ESCAPE.search(text))
            doc = json.loads(text, parse_constant=_reject_constant)
    except ValidationError:
        raise  # the file is not UTF-8 text (decode_text), located by line
    except json.JSONDecodeError as exc:
        parsed.problems.append(Problem("file", f"is not valid JSON ({exc.msg})", exc.lineno))
        return parsed
    except ValueError as exc:
        parsed.problems.append(Problem("file", str(exc)))
        return parsed
    except RecursionError:
        parsed.problems.append(Problem("file", "is nested too deeply to read"))
        return parsed
    try:
        return _records(parsed, doc, surrogate_escape)
    finally:
        if isinstance(doc, dict):  # the document's long lists, freed a slice at a time
            release(*(part for part in doc.values() if isinstance(part, list)))


def _records(parsed: ParsedFile, doc: Any, surrogate_escape: bool) -> ParsedFile:
    """The records of the document ``doc`` (``surrogate_escape``: its text had one)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        parsed.problems.append(
            Problem("file", "is not an Alliance Desktop export (its format marker is missing)")
        )
        return parsed
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        parsed.problems.append(Problem("version", "must be a whole number, 1 or more"))
        return parsed
    if version > VERSION:
        parsed.problems.append(
            Problem(
                "version",
                f"is {version}: the file was written by a newer version of Alliance Desktop "
                f"(this one reads version {VERSION})",
            )
        )
        return parsed
    problems = parsed.problems
    # Strict UTF-8 decoding never yields a surrogate, so only a \uD800-\uDFFF escape can
    # put one in the document: without one (a pair's high half included) nothing is broken.
    broken = broken_text(doc) if surrogate_escape else []
    if broken:
        problems += broken
        return parsed
    problems += [Problem(k, "is not a known part of an export") for k in doc if k not in TOP_KEYS]
    settings = doc.get("settings")
    if settings is not None and not isinstance(settings, dict):
        problems.append(Problem("settings", "must be an object"))
    else:
        parsed.settings = settings
    for i, item in enumerate(_list(doc, "custom_strategies", problems)):
        parsed.strategies.append(_strategy(item, f"custom_strategies[{i}]"))
    for i, item in enumerate(_list(doc, "clients", problems)):
        parsed.clients.append(_client(item, f"clients[{i}]"))
    days: dict[str, date] = {}
    parsed.sessions = [
        read_session(item, f"sessions[{i}]", days)
        for i, item in enumerate(_list(doc, "sessions", problems))
    ]
    for i, item in enumerate(_list(doc, "plans", problems)):
        parsed.plans.append(_plan(item, f"plans[{i}]"))
    for i, item in enumerate(_list(doc, "packets", problems)):
        parsed.packets.append(_packet(item, f"packets[{i}]"))
    for i, item in enumerate(_list(doc, "tombstones", problems)):
        tombstone, found = _tombstone(item, f"tombstones[{i}]")
        problems += found
        if tombstone is not None:
            parsed.tombstones.append(tombstone)
    return parsed
