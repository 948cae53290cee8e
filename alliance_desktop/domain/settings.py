"""The vault's settings as one typed value, validated in one place.

Everything a front end or an import may store in the vault's ``settings`` table passes
through :meth:`VaultSettings.from_mapping` (input from a person or a file: every bad
value is a :class:`Problem` naming its key) or :meth:`VaultSettings.from_stored`
(values already in the vault). The one policy for a damaged stored value: its default
takes its place and :attr:`VaultSettings.damaged` names the key, so the app can say so
once instead of refusing to open or guessing silently.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.i18n import _

#: Alert thresholds are stored under this prefix plus the field name (``insights.drop_points``).
SETTINGS_PREFIX = "insights."
CLIENT_RATING_MAX = "client_rating_max"
CLIENT_RATING_THRESHOLD = "client_rating_threshold"
REDACTION_LIST = "redaction_list"
OUTCOME_MAX = "outcome.max"
OUTCOME_CUTOFF = "outcome.cutoff"
OUTCOME_RELIABLE_CHANGE = "outcome.reliable_change"
OUTCOME_KEYS: tuple[str, ...] = (OUTCOME_MAX, OUTCOME_CUTOFF, OUTCOME_RELIABLE_CHANGE)
FEEDBACK_CARD_FOR_ALL = "feedback.card_for_all"

MAX_REDACTION_ENTRIES = 2000
MAX_REDACTION_LENGTH = 200


@dataclass(frozen=True)
class InsightSettings:
    """Thresholds for trends and alerts; the defaults are the product's documented ones.

    Each number is a judgement call a therapist may reasonably want to change (a
    stricter drop, a longer slope window), so none of them is hard-coded in the rules.
    """

    drop_points: float = 2.0  # a drop is at least this far below the recent mean
    drop_window: int = 3  # ... of this many previous values of the same dimension
    rolling_window: int = 3  # the trend's rolling mean covers this many recorded values
    slope_window: int = 6  # slopes use at most this many of the latest recorded values
    disengaging_slope: float = -0.5  # engagement falling this fast per session, or faster
    gap_fraction: float = 0.2  # therapist minus client, as a share of the client scale
    recent_window: int = 3  # alerts on a client's last this-many sessions are recent
    strategy_min_uses: int = 5  # a strategy's estimate is shown from this many uses ...
    strategy_min_clients: int = 3  # ... across at least this many clients
    not_seen_weeks: int = 6  # an active client not seen for this many weeks raises not_seen
    recent_weeks: int = 8  # an alert is recent only if its session is this recent

    def __post_init__(self) -> None:
        for name in (
            "drop_window",
            "rolling_window",
            "recent_window",
            "strategy_min_uses",
            "strategy_min_clients",
            "not_seen_weeks",
            "recent_weeks",
        ):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.slope_window < 3:
            raise ValueError("slope_window must be at least 3")
        if not self.drop_points > 0:
            raise ValueError("drop_points must be above 0")
        if not self.disengaging_slope < 0:
            raise ValueError("disengaging_slope must be below 0")
        if not 0 < self.gap_fraction <= 1:
            raise ValueError("gap_fraction must lie between 0 and 1")

    def to_settings(self) -> dict[str, Any]:
        """Key/value pairs as the vault stores them."""
        return {SETTINGS_PREFIX + k: v for k, v in asdict(self).items()}

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> InsightSettings:
        """Read stored values, keeping the default for anything missing.

        A stored value of the wrong type raises ValueError rather than being guessed at.
        """
        changes: dict[str, Any] = {}
        for f in fields(cls):
            key = SETTINGS_PREFIX + f.name
            if key in settings and settings[key] is not None:
                changes[f.name] = _number(key, settings[key], integer=f.type in ("int", int))
        return replace(cls(), **changes)


@dataclass(frozen=True)
class OutcomeScale:
    """The client-reported outcome measure: its maximum, clinical cutoff and reliable change.

    The defaults are the public conventions of the common 0-40 outcome forms (four 0-10
    lines): an adult clinical cutoff of 25 and a reliable change of 5 points. Below the
    cutoff is the clinical range; a higher score means the client is doing better.
    """

    maximum: float = 40.0
    cutoff: float = 25.0
    reliable_change: float = 5.0

    def __post_init__(self) -> None:
        problem = _outcome_problem(self.maximum, self.cutoff, self.reliable_change)
        if problem is not None:
            raise ValueError(problem[1])

    @property
    def max(self) -> float:
        """The scale maximum (the ``outcome.max`` setting)."""
        return self.maximum

    def is_clinical(self, value: float) -> bool:
        """Below the cutoff: in the clinical range."""
        return value < self.cutoff

    def classify(self, first: float, latest: float) -> str:
        """Jacobson-Truax: ``recovered``, ``improved``, ``unchanged`` or ``deteriorated``.

        Reliable change is a change of at least ``reliable_change`` points; recovered is
        reliable improvement that starts in the clinical range and ends outside it.
        """
        change = latest - first
        if change <= -self.reliable_change:
            return "deteriorated"
        if change >= self.reliable_change:
            if self.is_clinical(first) and not self.is_clinical(latest):
                return "recovered"
            return "improved"
        return "unchanged"

    def to_settings(self) -> dict[str, float]:
        return {
            OUTCOME_MAX: self.maximum,
            OUTCOME_CUTOFF: self.cutoff,
            OUTCOME_RELIABLE_CHANGE: self.reliable_change,
        }


def _outcome_problem(maximum: float, cutoff: float, reliable: float) -> tuple[str, str] | None:
    """The first broken outcome-scale rule as (its key, a sentence), or None."""
    if not 1 <= maximum <= 1000:
        return OUTCOME_MAX, _("the outcome maximum must be between 1 and 1000")
    if not 0 <= cutoff <= maximum:
        return OUTCOME_CUTOFF, _("the outcome cutoff must lie between 0 and the maximum")
    if not 0 < reliable <= maximum:
        return (
            OUTCOME_RELIABLE_CHANGE,
            _("the reliable change must be above 0 and at most the maximum"),
        )
    return None


@dataclass(frozen=True)
class FeedbackSettings:
    """Where the reflection feedback card shows."""

    #: False: only for practice clients and trainees; True: for every client.
    card_for_all: bool = False

    def to_settings(self) -> dict[str, bool]:
        return {FEEDBACK_CARD_FOR_ALL: self.card_for_all}


def _number(key: str, value: Any, *, integer: bool) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"setting {key} is not a number: {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"setting {key} is not a number: {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"setting {key} is not a finite number: {value!r}")
    if integer:
        if number != int(number):
            raise ValueError(f"setting {key} must be a whole number: {value!r}")
        return int(number)
    return number


def _redaction_entries(value: Any) -> tuple[str, ...]:
    """The redaction list: a list of strings, or text with one entry per line or comma."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Iterable[Any] = value.replace(";", "\n").replace(",", "\n").splitlines()
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise ValueError(_("must be a list of words or phrases"))
    seen: dict[str, str] = {}
    for item in items:
        if not isinstance(item, str):
            raise ValueError(_("holds {item!r}, which is not text").format(item=item))
        entry = " ".join(item.split())
        if len(entry) > MAX_REDACTION_LENGTH:
            raise ValueError(
                _("has an entry longer than {n} characters").format(n=MAX_REDACTION_LENGTH)
            )
        if entry and entry.casefold() not in seen:
            seen[entry.casefold()] = entry
    if len(seen) > MAX_REDACTION_ENTRIES:
        raise ValueError(_("has more than {n} entries").format(n=MAX_REDACTION_ENTRIES))
    return tuple(seen.values())


KNOWN_KEYS: frozenset[str] = frozenset(
    {CLIENT_RATING_MAX, CLIENT_RATING_THRESHOLD, REDACTION_LIST, FEEDBACK_CARD_FOR_ALL}
    | set(OUTCOME_KEYS)
    | {SETTINGS_PREFIX + f.name for f in fields(InsightSettings)}
)


@dataclass(frozen=True)
class VaultSettings:
    """Every setting kept inside the vault (nothing about clients lives in QSettings)."""

    client_rating: ClientRatingScale = field(default_factory=ClientRatingScale)
    insights: InsightSettings = field(default_factory=InsightSettings)
    redaction_list: tuple[str, ...] = ()
    outcome: OutcomeScale = field(default_factory=OutcomeScale)
    feedback: FeedbackSettings = field(default_factory=FeedbackSettings)
    #: Stored keys whose values could not be used; their defaults stand in their place.
    damaged: tuple[str, ...] = field(default=(), compare=False)

    # -- reading ------------------------------------------------------------------

    @classmethod
    def from_mapping(
        cls, raw: Mapping[str, Any], *, base: VaultSettings | None = None
    ) -> VaultSettings:
        """Settings from a person or a file, over ``base`` (the defaults when None).

        Raises ValidationError naming every key that is unknown or whose value is bad;
        nothing is half-applied.
        """
        settings, problems = cls._parse(raw, base or cls())
        if problems:
            raise ValidationError(problems)
        return settings

    @classmethod
    def from_stored(cls, raw: Mapping[str, Any]) -> VaultSettings:
        """Settings as read from the vault: a damaged value falls back to its default
        and is named in :attr:`damaged`; unknown keys (a newer version's) are ignored."""
        known = {k: v for k, v in raw.items() if k in KNOWN_KEYS}
        settings, problems = cls._parse(known, cls())
        if not problems:
            return settings
        bad = {p.field for p in problems}
        settings, _rest = cls._parse({k: v for k, v in known.items() if k not in bad}, cls())
        if CLIENT_RATING_MAX in bad or CLIENT_RATING_THRESHOLD in bad:
            settings = replace(settings, client_rating=ClientRatingScale())
            bad |= {CLIENT_RATING_MAX, CLIENT_RATING_THRESHOLD} & set(known)
        if bad & set(OUTCOME_KEYS):
            settings = replace(settings, outcome=OutcomeScale())
            bad |= set(OUTCOME_KEYS) & set(known)
        return replace(settings, damaged=tuple(sorted(bad)))

    @classmethod
    def _parse(
        cls, raw: Mapping[str, Any], base: VaultSettings
    ) -> tuple[VaultSettings, list[Problem]]:
        problems: list[Problem] = []
        for key in raw:
            if key not in KNOWN_KEYS:
                problems.append(Problem(str(key), _("is not a setting this version knows")))
        maximum, threshold = base.client_rating.maximum, base.client_rating.threshold
        scale_ok = True
        for key in (CLIENT_RATING_MAX, CLIENT_RATING_THRESHOLD):
            if key not in raw:
                continue
            try:
                number = float(_number(key, raw[key], integer=False))
            except ValueError as exc:
                problems.append(Problem(key, _reason(exc)))
                scale_ok = False
                continue
            if key == CLIENT_RATING_MAX:
                maximum = number
            else:
                threshold = number
        scale = base.client_rating
        if scale_ok:
            try:
                scale = ClientRatingScale(maximum, threshold)
            except ValueError as exc:
                which = (
                    CLIENT_RATING_THRESHOLD if CLIENT_RATING_THRESHOLD in raw else CLIENT_RATING_MAX
                )
                problems.append(Problem(which, str(exc)))
        changes: dict[str, Any] = {}
        for f in fields(InsightSettings):
            key = SETTINGS_PREFIX + f.name
            if key not in raw:
                continue
            try:
                changes[f.name] = _number(key, raw[key], integer=f.type in ("int", int))
            except ValueError as exc:
                problems.append(Problem(key, _reason(exc)))
        insights = base.insights
        try:
            insights = replace(base.insights, **changes)
        except ValueError as exc:
            # The message names the field; report it under its stored key.
            name = str(exc).split(" ", 1)[0]
            problems.append(Problem(SETTINGS_PREFIX + name, str(exc)))
        redaction = base.redaction_list
        if REDACTION_LIST in raw:
            try:
                redaction = _redaction_entries(raw[REDACTION_LIST])
            except ValueError as exc:
                problems.append(Problem(REDACTION_LIST, str(exc)))
        outcome = _parse_outcome(raw, base.outcome, problems)
        feedback = base.feedback
        if FEEDBACK_CARD_FOR_ALL in raw:
            value = raw[FEEDBACK_CARD_FOR_ALL]
            if isinstance(value, bool):
                feedback = replace(feedback, card_for_all=value)
            else:
                problems.append(Problem(FEEDBACK_CARD_FOR_ALL, _("must be true or false")))
        return cls(scale, insights, redaction, outcome, feedback), problems

    # -- writing ------------------------------------------------------------------

    def to_mapping(self) -> dict[str, Any]:
        """Every setting as the vault stores it (JSON-safe values)."""
        return {
            CLIENT_RATING_MAX: self.client_rating.maximum,
            CLIENT_RATING_THRESHOLD: self.client_rating.threshold,
            REDACTION_LIST: list(self.redaction_list),
            **self.insights.to_settings(),
            **self.outcome.to_settings(),
            **self.feedback.to_settings(),
        }

    def updated(self, raw: Mapping[str, Any]) -> VaultSettings:
        """These settings with ``raw`` applied, validated as from a person."""
        return VaultSettings.from_mapping(raw, base=self)


def _parse_outcome(
    raw: Mapping[str, Any], base: OutcomeScale, problems: list[Problem]
) -> OutcomeScale:
    """The outcome scale from ``raw`` over ``base``; a bad value is added to ``problems``."""
    given = [key for key in OUTCOME_KEYS if key in raw]
    if not given:
        return base
    values = {OUTCOME_MAX: base.maximum, OUTCOME_CUTOFF: base.cutoff}
    values[OUTCOME_RELIABLE_CHANGE] = base.reliable_change
    numbers_ok = True
    for key in given:
        try:
            values[key] = float(_number(key, raw[key], integer=False))
        except ValueError as exc:
            problems.append(Problem(key, _reason(exc)))
            numbers_ok = False
    if not numbers_ok:
        return base
    broken = _outcome_problem(
        values[OUTCOME_MAX], values[OUTCOME_CUTOFF], values[OUTCOME_RELIABLE_CHANGE]
    )
    if broken is not None:
        key, message = broken
        problems.append(Problem(key if key in raw else given[0], message))
        return base
    return OutcomeScale(
        values[OUTCOME_MAX], values[OUTCOME_CUTOFF], values[OUTCOME_RELIABLE_CHANGE]
    )


def _reason(exc: ValueError) -> str:
    """A ValueError from :func:`_number` without the repeated "setting KEY" lead-in."""
    text = str(exc)
    return text.split(" ", 2)[2] if text.startswith("setting ") else text


__all__ = [
    "CLIENT_RATING_MAX",
    "CLIENT_RATING_THRESHOLD",
    "FEEDBACK_CARD_FOR_ALL",
    "KNOWN_KEYS",
    "OUTCOME_CUTOFF",
    "OUTCOME_KEYS",
    "OUTCOME_MAX",
    "OUTCOME_RELIABLE_CHANGE",
    "REDACTION_LIST",
    "SETTINGS_PREFIX",
    "FeedbackSettings",
    "InsightSettings",
    "OutcomeScale",
    "VaultSettings",
]
