"""Alerts: the moments in a client's record worth a second look.

Each rule is deliberately simple and explainable in one sentence, because the
therapist has to judge the alert against what they know of the client; an alert
is a prompt to reflect, never a verdict. The messages are plain English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from operator import attrgetter

from alliance_desktop.domain.models import DIMENSIONS, Resolution, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.insights.trends import MIN_TREND_VALUES, slope

# Float noise must not move a value that sits exactly on a threshold to the wrong side.
_EPS = 1e-9

_OPEN = (Resolution.NO, Resolution.PARTIAL)


class AlertKind(StrEnum):
    DROP = "drop"
    LOW_CLIENT_RATING = "low_client_rating"
    OPEN_RUPTURE = "open_rupture"
    DISENGAGING = "disengaging"
    PERSPECTIVE_GAP = "perspective_gap"


# Order of alerts on the same session (and of severity where one is needed).
KIND_ORDER: dict[AlertKind, int] = {
    AlertKind.OPEN_RUPTURE: 0,
    AlertKind.DROP: 1,
    AlertKind.DISENGAGING: 2,
    AlertKind.LOW_CLIENT_RATING: 3,
    AlertKind.PERSPECTIVE_GAP: 4,
}

#: A session's own ratings (the therapist's dimensions), as one tuple.
_THERAPIST_RATINGS = attrgetter(*DIMENSIONS)

_LABEL = {
    "trust": "Trust",
    "engagement": "Engagement",
    "goal_alignment": "Goal alignment",
    "approach_fit": "Approach fit",
    "client_rating": "The client's rating",
}


@dataclass(frozen=True)
class Alert:
    """One alert on one session.

    ``value`` is the number that triggered it and ``reference`` what it was compared
    with (the recent mean for a drop, the threshold for a low rating, the slope limit
    for disengaging, the therapist's scaled mean for a perspective gap).
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


def _num(x: float) -> str:
    """A number as people write it: 7, 7.5, 7.33."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def client_alerts(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    settings: InsightSettings = DEFAULT_SETTINGS,
) -> list[Alert]:
    """Every alert for one client's sessions (date order in, date order out)."""
    alerts: list[Alert] = []
    n = len(sessions)
    if not n:
        return alerts
    first_recent = n - settings.recent_window
    window = settings.drop_window
    drop_limit = settings.drop_points - _EPS
    trust_seen: list[float] = []
    engagement_seen: list[float] = []
    gap_limit = settings.gap_fraction * scale.maximum - _EPS
    threshold, maximum = scale.threshold, scale.maximum
    low_tail = f" of {_num(maximum)}, below the concern threshold of {_num(threshold)}."
    for i, s in enumerate(sessions):
        recent = i >= first_recent
        for dim, value, past in (
            ("trust", s.trust, trust_seen),
            ("engagement", s.engagement, engagement_seen),
        ):
            if value is None:
                continue
            if len(past) >= window:
                mean = sum(past[-window:]) / window
                if mean - value >= drop_limit:
                    alerts.append(
                        Alert(AlertKind.DROP, s.date, s.id, s.client_id, dim, float(value),
                              mean, recent,
                              f"{_LABEL[dim]} was {_num(value)}, {_num(mean - value)} points "
                              f"below the mean of the {window} sessions before ({_num(mean)}).")
                    )  # fmt: skip
            past.append(value)
        for r in s.ruptures:
            if r.resolution in _OPEN:
                state = (
                    "only partly repaired"
                    if r.resolution == Resolution.PARTIAL
                    else "not repaired yet"
                )
                alerts.append(
                    Alert(AlertKind.OPEN_RUPTURE, s.date, s.id, s.client_id, None, None, None,
                          True,  # an open rupture stays recent until it is marked resolved
                          f"A {r.type.value} rupture on this session is {state}.")
                )  # fmt: skip
        rating = s.client_rating
        if rating is None:
            continue
        if rating < threshold:
            alerts.append(
                Alert(AlertKind.LOW_CLIENT_RATING, s.date, s.id, s.client_id, "client_rating",
                      float(rating), threshold, recent,
                      f"The client rated the session {_num(rating)}{low_tail}")
            )  # fmt: skip
        total, count = 0.0, 0
        for v in _THERAPIST_RATINGS(s):
            if v is not None:
                total += v
                count += 1
        if count:
            mine = scale.from_therapist_mean(total / count)
            if mine - rating >= gap_limit:
                alerts.append(
                    Alert(AlertKind.PERSPECTIVE_GAP, s.date, s.id, s.client_id, "client_rating",
                          float(rating), mine, recent,
                          f"Your ratings come to {_num(mine)} on the client's scale, but the client "
                          f"gave {_num(rating)}: you may see a better relationship than they do.")
                )  # fmt: skip
    engagement = engagement_seen
    if len(engagement) >= MIN_TREND_VALUES:
        last = sessions[-1]
        k = slope(engagement[-settings.slope_window :])
        if k <= settings.disengaging_slope + _EPS:
            used = min(len(engagement), settings.slope_window)
            alerts.append(
                Alert(AlertKind.DISENGAGING, last.date, last.id, last.client_id, "engagement",
                      k, settings.disengaging_slope, True,
                      f"Engagement has been falling by about {_num(-k)} points a session "
                      f"over the last {used} sessions.")
            )  # fmt: skip
    alerts.sort(key=lambda a: (a.date, KIND_ORDER[a.kind]))
    return alerts
