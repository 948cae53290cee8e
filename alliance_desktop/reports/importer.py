"""Import sessions from CSV or JSON: validate everything, skip duplicates, write once.

The whole file is checked with the domain's own validation before anything is written,
and every problem is reported with the line (CSV) or object path (JSON) it came from.
Only then is it written, in one transaction (``Vault.import_records`` for clients,
sessions, strategies and settings, then the plans and past packets of a JSON file):
an import never leaves half a file behind. A JSON file's settings are validated as
``VaultSettings``, like settings typed in the settings dialog.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Client, Session, code_key
from alliance_desktop.domain.settings import VaultSettings
from alliance_desktop.domain.strategies import GROUP_KEYS, Strategy, is_valid_custom_key
from alliance_desktop.domain.validation import (
    TEXT_MAX,
    client_problems,
    session_check,
    session_problems,
)
from alliance_desktop.reports.csv_format import read_csv
from alliance_desktop.reports.json_format import read_json
from alliance_desktop.reports.records import (
    Kind,
    PacketRow,
    ParsedFile,
    PlanRecord,
    SessionRecord,
    release,
)
from alliance_desktop.vault import bulk, sync
from alliance_desktop.vault.bulk import paused_gc
from alliance_desktop.vault.store import Vault

SUFFIXES: dict[str, Kind] = {".csv": "csv", ".json": "json"}


class UnsupportedFileError(ValueError):
    """The file is neither .csv nor .json, so there is no way to read it."""

    def __init__(self, path: Path):
        super().__init__(f"{path.name} is not a .csv or .json file, so it cannot be imported.")


@dataclass(frozen=True)
class ImportResult:
    sessions: int  # sessions written
    new_clients: int
    duplicates: int  # sessions skipped because the vault or the file already had them
    settings_applied: bool  # a JSON file's settings are applied only to an empty vault
    settings_ignored: bool  # the file had settings but the vault already held data
    plans: int = 0  # plan items written (JSON); items the vault already had are kept
    packets: int = 0  # past packets written (JSON); ones the vault already had are skipped


def file_kind(path: Path) -> Kind:
    """Choose the format by extension; anything else is refused before reading."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFileError(path)
    return kind


# -- duplicate detection -------------------------------------------------------------


def fingerprint(kind: Kind, code: str, s: Session, *, timed: bool = False) -> Hashable:
    """Everything the format can carry, so equal fingerprints mean identical imports.

    CSV carries the reflection only as plain text and ruptures only as type,
    resolution and repair day, so those are compared in that form. JSON carries everything; its
    ``created_at`` takes part only when the file gave one (``timed``), which keeps two
    genuinely separate but identical-looking sessions of an export apart.
    """
    rating = None if s.client_rating is None else float(s.client_rating)
    outcome = None if s.outcome_rating is None else float(s.outcome_rating)
    common = (
        code_key(code),
        s.date,
        s.duration_min,
        s.modality.value if s.modality else None,
        s.trust,
        s.engagement,
        s.goal_alignment,
        s.approach_fit,
        rating,
        outcome,
        tuple(s.strategies),
        tuple(s.tags),
    )
    if kind == "csv":
        ruptures = tuple((r.type.value, r.resolution.value, r.resolved_on) for r in s.ruptures)
        return (*common, ruptures, s.reflection.plain_text())
    full_ruptures = tuple(
        (r.type.value, r.resolution.value, tuple(r.markers), r.salience,
         tuple(r.repair_strategies), r.note, r.resolved_on)
        for r in s.ruptures
    )  # fmt: skip
    reflection = (s.reflection.template, tuple(s.reflection.sections.items()))
    return (*common, bool(s.supervision), full_ruptures, reflection,
            s.created_at if timed else None)  # fmt: skip


def _untimed(full: Hashable) -> Hashable:
    """A JSON fingerprint taken with ``timed=True``, as it is without the time: the
    same tuple as ``fingerprint(kind, code, s)``, without computing it all again."""
    return (*cast(tuple, full)[:-1], None)


# -- validation ------------------------------------------------------------------------


def _rename(problem: Problem, renames: dict[str, str], row: int | str) -> Problem:
    return Problem(renames.get(problem.field, problem.field), problem.message, row)


def _in_file_terms(problem: Problem, fmt: str) -> Problem:
    """Name a CSV problem by the column the user wrote, not the domain's field path:
    the note column becomes the free reflection, ruptures a list of type:resolution."""
    if fmt != "csv":
        return problem
    field = problem.field
    if field.startswith("reflection"):
        return Problem("note", problem.message, problem.row)
    if field.startswith("ruptures["):
        return Problem("ruptures", problem.message, problem.row)
    return problem


def _settings_from(
    settings: dict[str, Any], vault: Vault
) -> tuple[VaultSettings | None, list[Problem]]:
    """The file's settings validated as the settings dialog validates them, over what the
    vault holds; problems name the key (``settings.client_rating_max: ...``)."""
    try:
        checked = VaultSettings.from_mapping(settings, base=vault.typed_settings())
    except ValidationError as exc:
        return None, [p.located("settings") for p in exc.problems]
    return checked, []


def _strategy_problems(parsed: ParsedFile) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for rec in parsed.strategies:
        problems += rec.problems
        s = rec.strategy
        if rec.problems:
            continue
        if not is_valid_custom_key(s.key):
            problems.append(
                Problem("key", "must be a lowercase slug that is not a built-in key", rec.row)
            )
        elif s.key in seen:
            problems.append(Problem("key", f"{s.key!r} appears twice", rec.row))
        seen.add(s.key)
        if s.group not in GROUP_KEYS:
            problems.append(Problem("group", f"must be one of {', '.join(GROUP_KEYS)}", rec.row))
        if not s.label.strip():
            problems.append(Problem("label", "is required", rec.row))
        for name, text in (("label", s.label), ("help", s.help)):
            if "\x00" in text:
                problems.append(Problem(name, "contains a NUL character", rec.row))
    return problems


MAX_QUESTIONS = 1000


def _text_problems(field: str, text: str, row: int | str) -> list[Problem]:
    if "\x00" in text:
        return [Problem(field, "contains a NUL character", row)]
    if len(text) > TEXT_MAX:
        size = f"is {len(text):,} characters long; the limit is {TEXT_MAX:,}"
        return [Problem(field, size, row)]
    return []


def _plan_problems(records: list[PlanRecord], clients: set[str], known: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for rec in records:
        problems += rec.problems
        if rec.problems:
            continue
        key = code_key(rec.client)
        if key not in clients:
            problems.append(
                Problem(
                    "client",
                    f"{rec.client[:40]!r} is not a client in the file or the vault",
                    rec.row,
                )
            )
        if rec.strategy not in known:
            problems.append(
                Problem("strategy", f"{rec.strategy[:40]!r} is not a known strategy", rec.row)
            )
        elif (key, rec.strategy) in seen:
            problems.append(Problem("strategy", "appears twice in the same client's plan", rec.row))
        seen.add((key, rec.strategy))
        problems += _text_problems("note", rec.note, rec.row)
    return problems


def _packet_problems(records: list[PacketRow]) -> list[Problem]:
    problems: list[Problem] = []
    for rec in records:
        problems += rec.problems
        if rec.problems:
            continue
        if rec.range_from and rec.range_to and rec.range_from > rec.range_to:
            problems.append(Problem("range_to", "is before range_from", rec.row))
        if len(rec.questions) > MAX_QUESTIONS:
            problems.append(Problem("questions", f"at most {MAX_QUESTIONS} questions", rec.row))
        for i, question in enumerate(rec.questions):
            problems += _text_problems(f"questions[{i}]", question, rec.row)
    return problems


@dataclass
class _Plan:
    clients: list[Client]
    sessions: list[tuple[str, Session, SessionRecord]]
    strategies: list[Strategy]
    settings: dict[str, Any] | None
    settings_ignored: bool
    plans: list[PlanRecord]
    packets: list[PacketRow]


def _validate(vault: Vault, parsed: ParsedFile, today: date | None) -> _Plan:
    problems: list[Problem] = list(parsed.problems)
    existing = {c.key: c for c in vault.clients()}

    scale = vault.client_rating_scale()
    outcome = vault.outcome_scale()
    settings = parsed.settings
    settings_ignored = False
    if settings is not None and existing:
        settings, settings_ignored = None, True  # never change the scale under existing data
    elif settings is not None:
        checked, found = _settings_from(settings, vault)
        if checked is not None:
            scale, outcome = checked.client_rating, checked.outcome
        problems += found

    problems += _strategy_problems(parsed)
    known = set(vault.strategy_catalogue()) | {r.strategy.key for r in parsed.strategies}

    file_clients: dict[str, Client] = {}
    for crec in parsed.clients:
        problems += crec.problems
        if "" in crec.failed:
            continue
        problems += [
            p.located(crec.row)
            for p in client_problems(crec.client, today)
            if p.field not in crec.failed
        ]
        key = crec.client.key
        if key and key in file_clients:
            problems.append(Problem("code", f"{crec.client.code!r} appears twice", crec.row))
        file_clients.setdefault(key, crec.client)

    # Clients named only by sessions are created; each code is checked once, reported per row.
    renames = {"code": "client"}
    code_checks: dict[str, list[Problem]] = {}
    # Compiled once: a session it passes is one session_problems finds nothing in, so
    # the full check (and its messages) runs only for the rest.
    passes = session_check(scale=scale, known_strategies=known, today=today, outcome=outcome)
    for rec in parsed.sessions:
        problems += rec.problems
        if "" in rec.failed:
            continue
        found = (
            []
            if not rec.failed and passes(rec.session)
            else session_problems(
                rec.session, scale=scale, known_strategies=known, today=today, outcome=outcome
            )
        )
        problems += [
            _in_file_terms(p, parsed.kind).located(rec.row)
            for p in found
            if p.field not in rec.failed
        ]
        key = code_key(rec.client)
        if key and key not in existing and key not in file_clients:
            if key not in code_checks:
                code_checks[key] = [
                    p for p in client_problems(Client(rec.client), today) if p.field == "code"
                ]
            problems += [_rename(p, renames, rec.row) for p in code_checks[key]]
    named = set(existing) | set(file_clients) | {code_key(r.client) for r in parsed.sessions}
    problems += _plan_problems(parsed.plans, named - {""}, known)
    problems += _packet_problems(parsed.packets)
    if problems:
        raise ValidationError(problems)

    new_clients = [c for k, c in file_clients.items() if k not in existing]
    implicit: dict[str, Client] = {}
    for rec in parsed.sessions:
        key = code_key(rec.client)
        if key in existing or key in file_clients:
            continue
        client = implicit.setdefault(key, Client(rec.client, start_date=rec.session.date))
        if client.start_date is None or rec.session.date < client.start_date:
            client.start_date = rec.session.date  # a new client starts at their first session
    return _Plan(
        clients=new_clients + list(implicit.values()),
        sessions=[(rec.client, rec.session, rec) for rec in parsed.sessions],
        strategies=[r.strategy for r in parsed.strategies],
        settings=settings,
        settings_ignored=settings_ignored,
        plans=parsed.plans,
        packets=parsed.packets,
    )


# -- importing -------------------------------------------------------------------------


def import_bytes(
    vault: Vault, data: bytes, kind: Kind, *, today: date | None = None
) -> ImportResult:
    """Validate and import a whole file's content; raises ValidationError and writes nothing
    if any record is wrong. Runs with the cyclic garbage collector paused (vault.bulk):
    it creates millions of objects and no cycles."""
    with paused_gc():
        return _import(vault, data, kind, today)


def _import(vault: Vault, data: bytes, kind: Kind, today: date | None) -> ImportResult:
    parsed = read_csv(data) if kind == "csv" else read_json(data)
    plan = _validate(vault, parsed, today)

    seen_full: set[Hashable] = set()
    seen_content: set[Hashable] = set()
    seen_uuids: set[str] = set()
    # What the vault holds, one client at a time: the whole vault's rows as one list
    # were freed in one call that held the interpreter 30-50 ms at 100,000 sessions
    # (and this is 20% quicker). The order does not matter here: these are sets.
    for client in vault.clients():
        code = client.code
        for s in vault.sessions(client.id):
            if s.uuid:
                seen_uuids.add(s.uuid)
            if kind == "json":
                stored = fingerprint(kind, code, s, timed=True)
                seen_full.add(stored)
                seen_content.add(_untimed(stored))
            else:
                seen_content.add(fingerprint(kind, code, s))
    bulk.release_memory(vault.conn)  # as after any whole-vault read (vault.sessions())

    # Sessions without their own timestamps get the import time, a microsecond apart,
    # so sessions on the same day keep the order they had in the file.
    stamp = datetime.now(UTC)
    to_write: list[tuple[str, Session]] = []
    duplicates = 0
    for i, (code, session, rec) in enumerate(plan.sessions):
        full: Hashable = None  # only for a session the file gave a timestamp
        if rec.timed:
            full = fingerprint(kind, code, session, timed=True)
            content = _untimed(full)
        else:
            content = fingerprint(kind, code, session)
        if session.uuid and session.uuid in seen_uuids:
            # The same record (matched on its identity first), whatever its content now.
            duplicates += 1
            seen_content.add(content)
            continue
        if session.uuid:
            seen_uuids.add(session.uuid)
        if rec.timed:
            is_duplicate = full in seen_full
            seen_full.add(full)
        else:
            is_duplicate = content in seen_content
        seen_content.add(content)
        if is_duplicate:
            duplicates += 1
            continue
        if session.created_at is None:
            session.created_at = stamp + timedelta(microseconds=i)
        if session.updated_at is None:
            session.updated_at = session.created_at
        to_write.append((code, session))

    with vault.transaction():  # re-entrant: one transaction whoever calls
        outcome = vault.import_records(
            plan.clients, to_write, strategies=plan.strategies, settings=plan.settings
        )
        plans = _write_plans(vault, plan.plans, stamp)
        packets = _write_packets(vault, plan.packets)
        sync.put_tombstones(vault, parsed.tombstones)
        vault.audit("import", kind)
    # Everything read (100,000 sessions, their records and fingerprints) is freed a
    # slice at a time, not all at once as this returns (see records.release).
    release(seen_full, seen_content, seen_uuids, to_write, plan.sessions, parsed.sessions)
    return ImportResult(
        sessions=outcome.sessions,
        new_clients=outcome.new_clients,
        duplicates=duplicates,
        settings_applied=bool(plan.settings),
        settings_ignored=plan.settings_ignored,
        plans=plans,
        packets=packets,
    )


def _write_plans(vault: Vault, records: list[PlanRecord], stamp: datetime) -> int:
    """Plan items in file order (which is each client's plan order); an item the
    client's plan already has is kept as it is."""
    if not records:
        return 0
    ids = {c.key: c.id for c in vault.clients() if c.id is not None}
    items = vault.plan_items()
    have = {(cid, item.strategy) for cid, item in items}
    uuids = {item.uuid for _cid, item in items if item.uuid}
    written = 0
    for i, rec in enumerate(records):
        cid = ids[code_key(rec.client)]
        if (cid, rec.strategy) in have or (rec.uuid and rec.uuid in uuids):
            continue
        created = rec.created_at or stamp + timedelta(microseconds=i)
        vault.add_to_plan(cid, rec.strategy, rec.note, created_at=created, uuid=rec.uuid)
        have.add((cid, rec.strategy))
        if rec.uuid:
            uuids.add(rec.uuid)
        written += 1
    return written


def _packet_identity(p: Any) -> Hashable:
    questions = tuple(q for q in (str(q).strip() for q in p.questions) if q)
    return (p.created_at, p.range_from, p.range_to, p.client_count, questions)


def _write_packets(vault: Vault, records: list[PacketRow]) -> int:
    """Past packets; one the vault already records (same time, range, count and
    questions) is skipped."""
    if not records:
        return 0
    stored = vault.packets()
    have = {_packet_identity(p) for p in stored}
    uuids = {p.uuid for p in stored if p.uuid}
    written = 0
    for rec in records:
        identity = _packet_identity(rec)
        if identity in have or (rec.uuid and rec.uuid in uuids):
            continue
        vault.save_packet_record(
            range_from=rec.range_from,
            range_to=rec.range_to,
            client_count=rec.client_count or 0,
            questions=rec.questions,
            created_at=rec.created_at,
            uuid=rec.uuid,
        )
        have.add(identity)
        if rec.uuid:
            uuids.add(rec.uuid)
        written += 1
    return written


def import_file(vault: Vault, path: Path | str, *, today: date | None = None) -> ImportResult:
    """Import a .csv or .json file, choosing the format by its extension."""
    path = Path(path)
    kind = file_kind(path)
    return import_bytes(vault, path.read_bytes(), kind, today=today)
