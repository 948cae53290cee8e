"""Validation of clients and sessions: every problem collected, each tied to its field."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
from datetime import date, datetime

from alliance_desktop.domain.errors import Problem, raise_if
from alliance_desktop.domain.models import (
    DIMENSIONS,
    REQUIRED_DIMENSIONS,
    Client,
    ClientStatus,
    Modality,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.domain.ruptures import MARKER_TYPE
from alliance_desktop.domain.scales import RATING_MAX, RATING_MIN, ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.i18n import _

CODE_MAX = 40
TEXT_MAX = 100_000  # characters per text field: pages of writing, far beyond a reflection
TAG_MAX = 40
TAGS_MAX = 30
DURATION_MIN, DURATION_MAX = 1, 600
SALIENCE_MIN, SALIENCE_MAX = 1, 5

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> date:
    """A calendar date written exactly YYYY-MM-DD; ValueError for anything else.

    The one place a typed or imported day is read. ``date.fromisoformat`` alone also
    takes ``20260331`` and week dates (``2026-W14-2``), which no user means.
    """
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"{text[:20]!r} is not a date written YYYY-MM-DD")
    return date.fromisoformat(text)


def _text_problems(field: str, text: str, limit: int = TEXT_MAX) -> list[Problem]:
    if not isinstance(text, str):
        return [Problem(field, _("must be text"))]
    if "\x00" in text:
        return [Problem(field, _("contains a NUL character"))]
    if len(text) > limit:
        return [
            Problem(
                field,
                _("is {length:,} characters long; the limit is {limit:,}").format(
                    length=len(text), limit=limit
                ),
            )
        ]
    return []


def _is_date(value: object) -> bool:
    """A calendar date; a datetime is refused (it would not compare with today, and
    its ISO form with a time part would not read back as a date)."""
    return isinstance(value, date) and not isinstance(value, datetime)


def client_problems(client: Client, today: date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    code = client.code if isinstance(client.code, str) else ""
    if not code.strip():
        problems.append(Problem("code", _("is required")))
    elif len(code.strip()) > CODE_MAX:
        problems.append(Problem("code", _("must be at most {n} characters").format(n=CODE_MAX)))
    elif any(not ch.isprintable() for ch in code):
        problems.append(Problem("code", _("must not contain control characters")))
    if client.status not in tuple(ClientStatus):
        problems.append(Problem("status", _("must be active or closed")))
    if client.start_date is not None:
        if not _is_date(client.start_date):
            problems.append(Problem("start_date", _("must be a date")))
        elif client.start_date > (today or date.today()):
            problems.append(Problem("start_date", _("cannot be in the future")))
    problems += _text_problems("goals", client.goals)
    return problems


def validate_client(client: Client, today: date | None = None) -> Client:
    raise_if(client_problems(client, today))
    client.code = client.code.strip()
    return client


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _keys_problems(field: str, keys: Collection[str], known: Collection[str]) -> list[Problem]:
    unknown = [k for k in keys if k not in known]
    if unknown:
        return [
            Problem(
                field, _("unknown strategy {keys}").format(keys=", ".join(repr(k) for k in unknown))
            )
        ]
    return []


def rupture_problems(
    r: Rupture,
    prefix: str,
    known_strategies: Collection[str],
    *,
    session_date: date | None = None,
    today: date | None = None,
) -> list[Problem]:
    """Problems with one rupture; ``resolved_on`` is checked against the session's date
    (when known) and today."""
    problems: list[Problem] = []
    if r.type not in tuple(RuptureType):
        problems.append(Problem(f"{prefix}.type", _("must be withdrawal or confrontation")))
    if r.resolution not in tuple(Resolution):
        problems.append(Problem(f"{prefix}.resolution", _("must be yes, partial or no")))
    for marker in r.markers:
        if marker not in MARKER_TYPE:
            problems.append(
                Problem(f"{prefix}.markers", _("unknown marker {marker!r}").format(marker=marker))
            )
        elif r.type in tuple(RuptureType) and MARKER_TYPE[marker] != r.type:
            problems.append(
                Problem(
                    f"{prefix}.markers",
                    _("{marker!r} is a {type} marker").format(
                        marker=marker, type=MARKER_TYPE[marker]
                    ),
                )
            )
    if r.salience is not None and (
        not _is_int(r.salience) or not SALIENCE_MIN <= r.salience <= SALIENCE_MAX
    ):
        problems.append(Problem(f"{prefix}.salience", _("must be a whole number from 1 to 5")))
    problems += _keys_problems(f"{prefix}.repair_strategies", r.repair_strategies, known_strategies)
    problems += _text_problems(f"{prefix}.note", r.note)
    if r.resolved_on is not None:
        field = f"{prefix}.resolved_on"
        if not _is_date(r.resolved_on):
            problems.append(Problem(field, _("must be a date (YYYY-MM-DD)")))
        elif r.resolved_on > (today or date.today()):
            problems.append(Problem(field, _("cannot be in the future")))
        elif session_date is not None and r.resolved_on < session_date:
            problems.append(Problem(field, _("cannot be before the session's date")))
    return problems


def _scaled_number_problems(
    field: str, value: object, maximum: float, *, decimals: int = 1
) -> list[Problem]:
    """A typed-in total from 0 to ``maximum`` with at most ``decimals`` decimals."""
    top = f"{maximum:g}"
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return [Problem(field, _("must be a number from 0 to {top}").format(top=top))]
    if not 0 <= value <= maximum:
        return [Problem(field, _("must be from 0 to {top}").format(top=top))]
    if round(value, decimals) != value:
        return [Problem(field, _("takes at most one decimal"))]
    return []


def session_problems(
    session: Session,
    *,
    scale: ClientRatingScale,
    known_strategies: Collection[str],
    today: date | None = None,
    outcome: OutcomeScale | None = None,
) -> list[Problem]:
    """Every problem with a session; an empty list means it may be saved.

    ``outcome`` is the outcome measure's scale (the default scale when None).
    """
    problems: list[Problem] = []
    today = today or date.today()
    if not _is_date(session.date):
        problems.append(Problem("date", _("must be a date (YYYY-MM-DD)")))
    elif session.date > today:
        problems.append(Problem("date", _("cannot be in the future")))
    for dim in DIMENSIONS:
        value = getattr(session, dim)
        if value is None:
            if dim in REQUIRED_DIMENSIONS:
                problems.append(Problem(dim, _("is required")))
        elif not _is_int(value) or not RATING_MIN <= value <= RATING_MAX:
            problems.append(
                Problem(
                    dim,
                    _("must be a whole number from {low} to {high}").format(
                        low=RATING_MIN, high=RATING_MAX
                    ),
                )
            )
    if session.duration_min is not None and (
        not _is_int(session.duration_min)
        or not DURATION_MIN <= session.duration_min <= DURATION_MAX
    ):
        problems.append(
            Problem(
                "duration_min",
                _("must be {low} to {high} minutes").format(low=DURATION_MIN, high=DURATION_MAX),
            )
        )
    if session.modality is not None and session.modality not in tuple(Modality):
        problems.append(Problem("modality", _("must be in_person, video, phone or other")))
    if session.client_rating is not None:
        problems += _scaled_number_problems("client_rating", session.client_rating, scale.maximum)
    if session.outcome_rating is not None:
        top = (outcome or OutcomeScale()).maximum
        problems += _scaled_number_problems("outcome_rating", session.outcome_rating, top)
    # A session date that is itself wrong (reported above) cannot judge its ruptures.
    session_date = session.date if _is_date(session.date) and session.date <= today else None
    for i, rupture in enumerate(session.ruptures):
        problems += rupture_problems(
            rupture, f"ruptures[{i}]", known_strategies, session_date=session_date, today=today
        )
    problems += _keys_problems("strategies", session.strategies, known_strategies)
    if len(session.tags) > TAGS_MAX:
        problems.append(Problem("tags", _("at most {n} tags").format(n=TAGS_MAX)))
    for tag in session.tags:
        if not isinstance(tag, str) or not tag.strip():
            problems.append(Problem("tags", _("a tag cannot be empty")))
        elif len(tag) > TAG_MAX or any(not ch.isprintable() for ch in tag) or ";" in tag:
            problems.append(
                Problem(
                    "tags",
                    _("{tag!r}: at most {n} printable characters, no ';'").format(
                        tag=tag[:20], n=TAG_MAX
                    ),
                )
            )
    tmpl = TEMPLATES_BY_KEY.get(session.reflection.template)
    if tmpl is None:
        problems.append(
            Problem(
                "reflection.template",
                _("unknown template {key!r}").format(key=session.reflection.template),
            )
        )
    else:
        for key, text in session.reflection.sections.items():
            if key not in tmpl.section_keys():
                problems.append(
                    Problem(
                        "reflection",
                        _("section {key!r} is not part of the {template} template").format(
                            key=key, template=tmpl.key
                        ),
                    )
                )
            else:
                problems += _text_problems(f"reflection.{key}", text)
    return problems


def validate_session(
    session: Session,
    *,
    scale: ClientRatingScale,
    known_strategies: Collection[str],
    today: date | None = None,
    outcome: OutcomeScale | None = None,
) -> Session:
    raise_if(
        session_problems(
            session, scale=scale, known_strategies=known_strategies, today=today, outcome=outcome
        )
    )
    return session


def session_check(
    *,
    scale: ClientRatingScale,
    known_strategies: Collection[str],
    today: date | None = None,
    outcome: OutcomeScale | None = None,
) -> Callable[[Session], bool]:
    """A test compiled once for many sessions (an import): True only when
    :func:`session_problems` with the same arguments finds nothing.

    It checks the usual shapes directly (exact types, ranges, set lookups; each tag is
    checked once) and answers False for anything it does not recognise, so a caller
    runs ``session_problems`` for the messages only when it says False; a False may
    still turn out to be a valid session, never the other way round.
    """
    day_max = today or date.today()
    known = frozenset(k for k in known_strategies if isinstance(k, str))
    rating_top = scale.maximum
    outcome_top = (outcome or OutcomeScale()).maximum
    sections_of = {key: frozenset(t.section_keys()) for key, t in TEMPLATES_BY_KEY.items()}
    good_tags: set[str] = set()
    low, high = RATING_MIN, RATING_MAX

    def rating(value: object) -> bool:
        return type(value) is int and low <= value <= high

    def scaled(value: object, top: float) -> bool:
        return (
            (type(value) is float or type(value) is int)
            and 0 <= value <= top
            and round(value, 1) == value
        )

    def text(value: object) -> bool:
        return type(value) is str and len(value) <= TEXT_MAX and "\x00" not in value

    def keys(values: object) -> bool:
        return all(type(k) is str and k in known for k in values)  # type: ignore[attr-defined]

    def tags_ok(tags: tuple[str, ...]) -> bool:
        if len(tags) > TAGS_MAX:
            return False
        for tag in tags:
            if type(tag) is not str:
                return False
            if tag in good_tags:
                continue
            if not tag.strip() or len(tag) > TAG_MAX or ";" in tag or not tag.isprintable():
                return False
            good_tags.add(tag)
        return True

    def rupture_ok(r: Rupture, day: date) -> bool:
        kind = r.type
        if type(kind) is not RuptureType or type(r.resolution) is not Resolution:
            return False
        for marker in r.markers:
            if type(marker) is not str or MARKER_TYPE.get(marker) is not kind:
                return False
        salience = r.salience
        if salience is not None and not (
            type(salience) is int and SALIENCE_MIN <= salience <= SALIENCE_MAX
        ):
            return False
        resolved = r.resolved_on
        if resolved is not None and not (type(resolved) is date and day <= resolved <= day_max):
            return False
        return keys(r.repair_strategies) and text(r.note)

    def check(s: Session) -> bool:
        day = s.date
        if type(day) is not date or day > day_max:
            return False
        if not (rating(s.trust) and rating(s.engagement)):
            return False
        for value in (s.goal_alignment, s.approach_fit):
            if value is not None and not rating(value):
                return False
        duration = s.duration_min
        if duration is not None and not (
            type(duration) is int and DURATION_MIN <= duration <= DURATION_MAX
        ):
            return False
        if s.modality is not None and type(s.modality) is not Modality:
            return False
        if s.client_rating is not None and not scaled(s.client_rating, rating_top):
            return False
        if s.outcome_rating is not None and not scaled(s.outcome_rating, outcome_top):
            return False
        for r in s.ruptures:
            if not rupture_ok(r, day):
                return False
        if not keys(s.strategies) or not tags_ok(s.tags):
            return False
        reflection = s.reflection
        template = reflection.template
        allowed = sections_of.get(template) if type(template) is str else None
        if allowed is None:
            return False
        for key, body in reflection.sections.items():
            if type(key) is not str or key not in allowed or not text(body):
                return False
        return True

    return check
