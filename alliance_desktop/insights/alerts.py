"""Alerts: the moments in a client's record worth a second look.

Each rule is deliberately simple and explainable in one sentence, because the
therapist has to judge the alert against what they know of the client; an alert
is a prompt to reflect, never a verdict. The messages are plain sentences in the
current language (``alliance_desktop.i18n``); ``kind`` and the other fields stay the
same in every language.

The rules, with the settings they read (:class:`InsightSettings` unless named):

* ``drop``: a rating at least ``drop_points`` below the mean of the ``drop_window``
  values before it, for each of the four dimensions; for the client's own rating at
  least a tenth of its scale (4 points on 0-40: near the ceiling a small fall says a lot).
* ``low_rating``: goal alignment or approach fit at 4 of 10 or below.
* ``low_client_rating``: the client's rating below the scale's concern threshold.
* ``open_rupture``: a rupture neither resolved in its session nor repaired later.
* ``engagement_falling``: over the last ``slope_window`` sessions that rated
  engagement (at least 5 of them), the robust (Theil-Sen) slope per session is
  ``disengaging_slope`` or steeper. The median of pairwise slopes ignores one sharp
  drop (8, 8, 8, 8, 8, 3 is a drop, not a fall) and an oscillation.
* ``perspective_gap``: over the client's last 3 sessions with both views, where the
  therapist's mean rating stands among all therapist ratings in the caseload and
  where the client's rating stands among all client ratings, as standard scores; two
  standard deviations apart either way is a gap. Raw numbers are never compared: the
  two raters use different scales with different habits.
* ``outcome_deterioration``: the outcome measure fell by the reliable change or more
  from the first rating to the latest (Jacobson-Truax, :class:`OutcomeScale`).
* ``not_seen``: an active client whose last session is ``not_seen_weeks`` or more ago.

An alert is *recent* (worth acting on now) only if its session is among the client's
last ``recent_window`` sessions **and** no more than ``recent_weeks`` before today; a
closed client raises no recent alert, and ``not_seen`` is always recent for an active
client. An open rupture therefore stops being recent once three more sessions were
recorded: the client's page asks whether it was repaired since.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from operator import attrgetter

from alliance_desktop.domain.models import DIMENSIONS, Client, ClientStatus, Resolution, Session
from alliance_desktop.domain.scales import RATING_MAX, ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.i18n import (
    N_,
    _,
    current_language,
    format_date,
    format_number,
    format_signed,
    ngettext,
    pgettext,
)
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.insights.trends import Point, robust_slope

# Float noise must not move a value that sits exactly on a threshold to the wrong side.
_EPS = 1e-9

#: engagement_falling needs at least this many values in its window.
MIN_FALL_VALUES = 5
#: A therapist rating of goal alignment or approach fit at or below this is low.
LOW_LEVEL = 4
#: The dimensions the level rule watches.
LEVEL_DIMENSIONS: tuple[str, ...] = ("goal_alignment", "approach_fit")
#: A drop in the client's rating is at least this share of its scale maximum.
CLIENT_DROP_SHARE = 0.1
#: How many of a client's latest sessions with both views the perspective gap averages.
GAP_SESSIONS = 3
#: Standard deviations between the two standardised views that make a gap.
GAP_SD = 2.0
#: The caseload needs this many sessions with both views before positions mean anything.
MIN_GAP_SESSIONS = 8
#: A rupture of unknown salience is ranked as the middle of the 1-5 scale.
DEFAULT_SALIENCE = 3

#: The ratings the drop rule watches, read in one C-level call per session (the hot loop).
_DROP_DIMENSIONS: tuple[str, ...] = (*DIMENSIONS, "client_rating")
_DROP_VALUES = attrgetter(*_DROP_DIMENSIONS)
_LEVEL_VALUES = attrgetter(*LEVEL_DIMENSIONS)

THERAPIST_HIGHER = "therapist_higher"
CLIENT_HIGHER = "client_higher"


class AlertKind(StrEnum):
    DROP = "drop"
    LOW_RATING = "low_rating"
    LOW_CLIENT_RATING = "low_client_rating"
    OPEN_RUPTURE = "open_rupture"
    ENGAGEMENT_FALLING = "engagement_falling"
    #: The old name of ``ENGAGEMENT_FALLING`` (same member), for callers not yet renamed.
    DISENGAGING = "engagement_falling"
    PERSPECTIVE_GAP = "perspective_gap"
    OUTCOME_DETERIORATION = "outcome_deterioration"
    NOT_SEEN = "not_seen"


# Order of alerts on the same session (and of severity where one is needed).
KIND_ORDER: dict[AlertKind, int] = {
    AlertKind.OPEN_RUPTURE: 0,
    AlertKind.DROP: 1,
    AlertKind.OUTCOME_DETERIORATION: 2,
    AlertKind.ENGAGEMENT_FALLING: 3,
    AlertKind.LOW_CLIENT_RATING: 4,
    AlertKind.LOW_RATING: 5,
    AlertKind.PERSPECTIVE_GAP: 6,
    AlertKind.NOT_SEEN: 7,
}


def _subjects() -> dict[str, str]:
    """Each dimension as the subject of an alert's sentence, in the current language
    (its own context: French needs the article, "La confiance", a column does not)."""
    return {
        "trust": pgettext("alert", "Trust"),
        "engagement": pgettext("alert", "Engagement"),
        "goal_alignment": pgettext("alert", "Goal alignment"),
        "approach_fit": pgettext("alert", "Approach fit"),
        "client_rating": pgettext("alert", "The client's rating"),
        "outcome_rating": pgettext("alert", "The outcome rating"),
    }


_RUPTURE = {
    "withdrawal": N_("A withdrawal rupture"),
    "confrontation": N_("A confrontation rupture"),
}


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert on one session.

    ``value`` is the number that triggered it and ``reference`` what it was compared
    with (the recent mean for a drop, the threshold for a low rating, the slope limit
    for a fall, the therapist's standard score for a perspective gap whose ``value`` is
    the client's, the first outcome rating for a deterioration, the weeks limit for
    not seen). ``direction`` says which view is higher for a perspective gap (None for
    every other kind); ``salience`` is an open rupture's (1-5, None when not rated).
    """

    kind: AlertKind
    date: date
    session_id: int | None
    client_id: int | None
    dimension: str | None
    value: float | None
    reference: float | None
    recent: bool
    message: str
    direction: str | None = None
    salience: int | None = None


def _num(x: float) -> str:
    """A number as people write it: 7, 7.5, 7.33 (7,33 in French and German)."""
    return format_number(x, 2)


def points(x: float) -> str:
    """``1 point``, ``2 points``, ``0.5 points``: the number with its noun."""
    shown = _num(x)
    return ngettext("{n} point", "{n} points", 1 if shown == "1" else 2).format(n=shown)


# -- perspective gap norms -----------------------------------------------------------


@dataclass(frozen=True)
class GapNorms:
    """Mean and standard deviation of each rater's ratings across the caseload.

    ``therapist_*`` are over the therapist's per-session mean of the recorded
    dimensions, ``client_*`` over the client ratings, both from sessions that carry
    both views; ``n`` is how many such sessions there were.
    """

    therapist_mean: float
    therapist_sd: float
    client_mean: float
    client_sd: float
    n: int

    def therapist_z(self, value: float) -> float:
        return (value - self.therapist_mean) / self.therapist_sd

    def client_z(self, value: float) -> float:
        return (value - self.client_mean) / self.client_sd


def therapist_mean(s: Session) -> float | None:
    """The therapist's mean over the dimensions recorded on this session."""
    total, count = 0.0, 0
    for dim in DIMENSIONS:
        v = getattr(s, dim)
        if v is not None:
            total += v
            count += 1
    return total / count if count else None


def _both_views(sessions: Iterable[Session]) -> list[tuple[Session, float, float]]:
    out = []
    for s in sessions:
        if s.client_rating is None:
            continue
        mine = therapist_mean(s)
        if mine is not None:
            out.append((s, mine, float(s.client_rating)))
    return out


def gap_norms(by_client: Iterable[Sequence[Session]]) -> GapNorms | None:
    """The caseload's norms, or None when too few sessions or one view never varies."""
    mine: list[float] = []
    theirs: list[float] = []
    for sessions in by_client:
        for _day, t, c in _both_views(sessions):
            mine.append(t)
            theirs.append(c)
    n = len(mine)
    if n < MIN_GAP_SESSIONS:
        return None
    t_mean, c_mean = sum(mine) / n, sum(theirs) / n
    t_sd = math.sqrt(sum((v - t_mean) ** 2 for v in mine) / (n - 1))
    c_sd = math.sqrt(sum((v - c_mean) ** 2 for v in theirs) / (n - 1))
    if t_sd < 1e-9 or c_sd < 1e-9:
        return None
    return GapNorms(t_mean, t_sd, c_mean, c_sd, n)


# -- the rules ------------------------------------------------------------------------


def client_alerts(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    settings: InsightSettings = DEFAULT_SETTINGS,
    *,
    today: date | None = None,
    client: Client | None = None,
    outcome: OutcomeScale | None = None,
    norms: GapNorms | None = None,
) -> list[Alert]:
    """Every alert for one client's sessions (date order in, date order out).

    ``norms`` are the caseload's (:func:`gap_norms`); without them the perspective gap
    standardises against these sessions alone. ``client`` gives the status: a closed
    client raises no recent alert and no ``not_seen``.
    """
    alerts: list[Alert] = []
    n = len(sessions)
    if not n:
        return alerts
    today = today or date.today()
    outcome = outcome or OutcomeScale()
    active = client is None or client.status == ClientStatus.ACTIVE
    first_recent = n - settings.recent_window
    since = today - timedelta(weeks=settings.recent_weeks)

    def is_recent(i: int) -> bool:
        return active and i >= first_recent and sessions[i].date >= since

    window = settings.drop_window
    drop_limit = settings.drop_points - _EPS
    limits = (*(drop_limit,) * len(DIMENSIONS), CLIENT_DROP_SHARE * scale.maximum - _EPS)
    seen: tuple[list[float], ...] = tuple([] for _dim in _DROP_DIMENSIONS)
    threshold, maximum = scale.threshold, scale.maximum
    low_client = _(
        "The client rated the session {value} of {maximum}, below the concern threshold of "
        "{threshold}."
    )
    low_level = _("{dimension} was {value} of {maximum}, at or below {limit}.")
    subject = _subjects()
    drop_text = ngettext(
        "{dimension} was {value}, {points} below the mean of the session before ({mean}).",
        "{dimension} was {value}, {points} below the mean of the {n} sessions before ({mean}).",
        window,
    )
    engagement: list[Point] = []
    outcomes: list[tuple[int, float]] = []
    for i, s in enumerate(sessions):
        recent = is_recent(i)
        for dim, value, past, limit in zip(_DROP_DIMENSIONS, _DROP_VALUES(s), seen, limits,
                                           strict=True):  # fmt: skip
            if value is None:
                continue
            if len(past) >= window:
                mean = sum(past[-window:]) / window
                if mean - value >= limit:
                    alerts.append(
                        Alert(AlertKind.DROP, s.date, s.id, s.client_id, dim, float(value),
                              mean, recent,
                              drop_text.format(dimension=subject[dim], value=_num(value),
                                               points=points(mean - value), n=window,
                                               mean=_num(mean)))
                    )  # fmt: skip
            past.append(value)
        if s.engagement is not None:
            engagement.append((i, float(s.engagement)))
        if s.outcome_rating is not None:
            outcomes.append((i, float(s.outcome_rating)))
        for dim, value in zip(LEVEL_DIMENSIONS, _LEVEL_VALUES(s), strict=True):
            if value is not None and value <= LOW_LEVEL:
                alerts.append(
                    Alert(AlertKind.LOW_RATING, s.date, s.id, s.client_id, dim, float(value),
                          float(LOW_LEVEL), recent,
                          low_level.format(dimension=subject[dim], value=_num(value),
                                           maximum=RATING_MAX, limit=LOW_LEVEL))
                )  # fmt: skip
        for r in s.ruptures:
            if r.repaired:
                continue
            alerts.append(
                Alert(AlertKind.OPEN_RUPTURE, s.date, s.id, s.client_id, None, None, None,
                      recent, _open_rupture_text(r.type.value, r.resolution, r.salience),
                      salience=r.salience)
            )  # fmt: skip
        rating = s.client_rating
        if rating is not None and rating < threshold:
            alerts.append(
                Alert(AlertKind.LOW_CLIENT_RATING, s.date, s.id, s.client_id, "client_rating",
                      float(rating), threshold, recent,
                      low_client.format(value=_num(rating), maximum=_num(maximum),
                                        threshold=_num(threshold)))
            )  # fmt: skip
    index = {id(s): i for i, s in enumerate(sessions)}
    fall = _engagement_falling(sessions, engagement, settings, is_recent)
    if fall is not None:
        alerts.append(fall)
    gap = _perspective_gap(sessions, norms, index, is_recent)
    if gap is not None:
        alerts.append(gap)
    worse = _outcome_deterioration(sessions, outcomes, outcome, is_recent)
    if worse is not None:
        alerts.append(worse)
    last = sessions[-1]
    weeks = (today - last.date).days / 7
    if active and weeks >= settings.not_seen_weeks:
        alerts.append(
            Alert(AlertKind.NOT_SEEN, last.date, last.id, last.client_id, None,
                  round(weeks, 1), float(settings.not_seen_weeks), True,
                  ngettext("Not seen for {n} week: the last session was on {date} and the "
                           "client is still listed as active.",
                           "Not seen for {n} weeks: the last session was on {date} and the "
                           "client is still listed as active.",
                           int(weeks)).format(n=int(weeks), date=_iso_or_local(last.date)))
        )  # fmt: skip
    alerts.sort(key=lambda a: (a.date, KIND_ORDER[a.kind]))
    return alerts


def _open_rupture_text(kind: str, resolution: Resolution, salience: int | None) -> str:
    """``A withdrawal rupture on this session (salience 4 of 5) is not repaired yet.``"""
    state = _("only partly repaired") if resolution == Resolution.PARTIAL else _("not repaired yet")
    rupture = _(_RUPTURE[kind]) if kind in _RUPTURE else kind
    if salience is None:
        return _("{rupture} on this session is {state}.").format(rupture=rupture, state=state)
    return _("{rupture} on this session (salience {salience} of 5) is {state}.").format(
        rupture=rupture, salience=salience, state=state
    )


def _iso_or_local(day: date) -> str:
    """English keeps the ISO date it always showed; other languages their own format."""
    return day.isoformat() if current_language() == "en" else format_date(day)


def _engagement_falling(
    sessions: Sequence[Session],
    engagement: list[Point],
    settings: InsightSettings,
    is_recent: Callable[[int], bool],
) -> Alert | None:
    window = engagement[-settings.slope_window :]
    if len(window) < MIN_FALL_VALUES:
        return None
    k = robust_slope(window)
    if k > settings.disengaging_slope + _EPS:
        return None
    position = window[-1][0]
    s = sessions[position]
    span = position - window[0][0] + 1
    return Alert(
        AlertKind.ENGAGEMENT_FALLING, s.date, s.id, s.client_id, "engagement", k,
        settings.disengaging_slope, is_recent(position),
        ngettext(
            "Engagement falling: about {points} a session over the last session "
            "({first} to {last}).",
            "Engagement falling: about {points} a session over the last {n} sessions "
            "({first} to {last}).",
            span,
        ).format(points=points(-k), n=span, first=_num(window[0][1]), last=_num(window[-1][1])),
    )  # fmt: skip


def _perspective_gap(
    sessions: Sequence[Session],
    norms: GapNorms | None,
    index: dict[int, int],
    is_recent: Callable[[int], bool],
) -> Alert | None:
    if norms is None:
        norms = gap_norms([sessions])
        if norms is None:
            return None
    both = _both_views(sessions)[-GAP_SESSIONS:]
    if not both:
        return None
    mine = sum(norms.therapist_z(t) for _day, t, _c in both) / len(both)
    theirs = sum(norms.client_z(c) for _day, _t, c in both) / len(both)
    gap = mine - theirs
    if abs(gap) < GAP_SD - _EPS:
        return None
    s = both[-1][0]
    count = len(both)
    if gap > 0:
        direction = THERAPIST_HIGHER
        text = ngettext(
            "Your ratings sit higher in your own range ({mine} SD) than the client's do in "
            "theirs ({theirs} SD) over the last session with both views: you may see a better "
            "relationship than they do.",
            "Your ratings sit higher in your own range ({mine} SD) than the client's do in "
            "theirs ({theirs} SD) over the last {n} sessions with both views: you may see a "
            "better relationship than they do.",
            count,
        )
    else:
        direction = CLIENT_HIGHER
        text = ngettext(
            "The client's ratings sit higher in their range ({theirs} SD) than yours do in "
            "your own ({mine} SD) over the last session with both views: they may feel better "
            "about the work than your ratings say.",
            "The client's ratings sit higher in their range ({theirs} SD) than yours do in "
            "your own ({mine} SD) over the last {n} sessions with both views: they may feel "
            "better about the work than your ratings say.",
            count,
        )
    text = text.format(mine=format_signed(mine, 1), theirs=format_signed(theirs, 1), n=count)
    return Alert(
        AlertKind.PERSPECTIVE_GAP, s.date, s.id, s.client_id, "client_rating", theirs, mine,
        is_recent(index[id(s)]), text, direction=direction,
    )  # fmt: skip


def _outcome_deterioration(
    sessions: Sequence[Session],
    outcomes: list[tuple[int, float]],
    scale: OutcomeScale,
    is_recent: Callable[[int], bool],
) -> Alert | None:
    if len(outcomes) < 2:
        return None
    first, latest = outcomes[0][1], outcomes[-1][1]
    if scale.classify(first, latest) != "deteriorated":
        return None
    position = outcomes[-1][0]
    s = sessions[position]
    return Alert(
        AlertKind.OUTCOME_DETERIORATION, s.date, s.id, s.client_id, "outcome_rating", latest,
        first, is_recent(position),
        _(
            "The outcome rating was {latest}, {points} below the first ({first}): a reliable "
            "deterioration (a change of {change} or more)."
        ).format(
            latest=_num(latest),
            points=points(first - latest),
            first=_num(first),
            change=points(scale.reliable_change),
        ),
    )  # fmt: skip
