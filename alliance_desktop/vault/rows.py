"""Conversion between table rows and domain objects; the only place that knows both."""

from __future__ import annotations

import json
import uuid as uuidlib
from datetime import UTC, date, datetime
from functools import lru_cache

from alliance_desktop.domain.models import (
    Client,
    ClientStatus,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)

CLIENT_COLUMNS = "id, code, status, start_date, goals, is_practice, uuid, updated_at"
SESSION_COLUMNS = (
    "id, client_id, date, duration_min, modality, trust, engagement, goal_alignment, "
    "approach_fit, client_rating, outcome_rating, supervision, strategies, tags, template, reflection, "
    "created_at, updated_at, uuid"
)
RUPTURE_COLUMNS = "session_id, type, resolution, salience, markers, repair_strategies, note, id, resolved_on, uuid"
# The same shapes with the written text left out: trends, alerts and statistics need
# the numbers, and skipping reflections spares decrypting and parsing most of the vault.
SESSION_COLUMNS_NO_TEXT = SESSION_COLUMNS.replace(
    "tags, template, reflection", "'[]', template, '{}'"
)
RUPTURE_COLUMNS_NO_TEXT = RUPTURE_COLUMNS.replace(", note", ", ''")


@lru_cache(maxsize=4096)
def _keys(text: str) -> tuple[str, ...]:
    """Strategy, tag and marker lists repeat across thousands of sessions: decode once."""
    return tuple(json.loads(text))


#: ``json.dumps(value, ensure_ascii=False)`` without building an encoder on every call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


@lru_cache(maxsize=4096)
def _key_list(keys: tuple[str, ...]) -> str:
    """The stored form of a strategy or marker list (they repeat: encode once)."""
    return json.dumps(list(keys))


_MODALITY = {m.value: m for m in Modality}


def new_uuid() -> str:
    """A fresh record identity: a random (version 4) uuid as 32 lowercase hex digits."""
    return uuidlib.uuid4().hex


def stamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def now() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def client_from_row(row: tuple) -> Client:
    cid, code, status, start, goals, practice, uid, updated = row
    return Client(
        uuid=uid,
        updated_at=stamp(updated),
        code=code,
        status=ClientStatus(status),
        start_date=date.fromisoformat(start) if start else None,
        goals=goals,
        id=cid,
        is_practice=bool(practice),
    )


def session_from_row(row: tuple, ruptures: list[Rupture]) -> Session:
    (sid, client_id, day, duration, modality, trust, engagement, goal, fit, cr, outcome, sup,
     strategies, tags, template, reflection, created, updated, uid) = row  # fmt: skip
    return Session(
        uuid=uid,
        id=sid,
        client_id=client_id,
        date=date.fromisoformat(day),
        duration_min=duration,
        modality=_MODALITY[modality] if modality else None,
        trust=trust,
        engagement=engagement,
        goal_alignment=goal,
        approach_fit=fit,
        client_rating=cr,
        outcome_rating=outcome,
        supervision=bool(sup),
        strategies=_keys(strategies),
        tags=_keys(tags),
        reflection=Reflection(template, {} if reflection == "{}" else json.loads(reflection)),
        ruptures=ruptures,
        created_at=datetime.fromisoformat(created),
        updated_at=datetime.fromisoformat(updated),
    )


def session_params(s: Session) -> tuple:
    return (
        s.client_id,
        s.date.isoformat(),
        s.duration_min,
        Modality(s.modality).value if s.modality else None,
        s.trust,
        s.engagement,
        s.goal_alignment,
        s.approach_fit,
        s.client_rating,
        s.outcome_rating,
        int(s.supervision),
        _key_list(tuple(s.strategies)),
        _encode(list(s.tags)),
        s.reflection.template,
        _encode(s.reflection.sections),
        iso(s.created_at or now()),
        iso(s.updated_at or now()),
        s.uuid,
    )


def rupture_from_row(row: tuple) -> tuple[int, Rupture]:
    session_id, rtype, resolution, salience, markers, repair, note, rid, resolved_on, uid = row
    return session_id, Rupture(
        uuid=uid,
        type=RuptureType(rtype),
        resolution=Resolution(resolution),
        salience=salience,
        markers=_keys(markers),
        repair_strategies=_keys(repair),
        note=note,
        resolved_on=date.fromisoformat(resolved_on) if resolved_on else None,
        id=rid,
    )


#: The rupture columns :func:`rupture_params` fills, in its order.
RUPTURE_WRITE_COLUMNS = (
    "session_id, position, type, resolution, salience, markers, repair_strategies, note, "
    "resolved_on, updated_at, uuid"
)


def rupture_params(session_id: int, position: int, r: Rupture, updated_at: str) -> tuple:
    return (
        session_id,
        position,
        RuptureType(r.type).value,
        Resolution(r.resolution).value,
        r.salience,
        _key_list(tuple(r.markers)),
        _key_list(tuple(r.repair_strategies)),
        r.note,
        r.resolved_on.isoformat() if r.resolved_on else None,
        updated_at,
        r.uuid,
    )


def search_body(s: Session) -> str:
    """What full-text search sees of a session: reflection, rupture notes and tags."""
    parts = [s.reflection.plain_text()]
    parts += [r.note for r in s.ruptures if r.note.strip()]
    parts += list(s.tags)
    return "\n".join(p for p in parts if p)
