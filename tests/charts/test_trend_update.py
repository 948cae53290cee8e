"""charts.trend.update_trend: a new client's data on the same figure, as a fresh build draws it."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from insights.helpers import START, rupture, series  # tests/ is on sys.path

from alliance_desktop import charts
from alliance_desktop.charts._common import DESCRIPTION_ATTR, POINT_IDS_ATTR, SESSION_IDS_ATTR
from alliance_desktop.charts.trend import LAYOUT_ATTR, update_trend
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.alerts import client_alerts

SCALE = ClientRatingScale()


def _client(client_id: int, trust: list[int], start=START, rupture_at: int | None = None):
    sessions = series(trust=trust, engagement=[max(0, t - 1) for t in trust], client_id=client_id,
                      start=start, client_rating=[7.0 + (i % 3) for i in range(len(trust))])  # fmt: skip
    if rupture_at is not None:
        sessions[rupture_at].ruptures.append(rupture("withdrawal", "no"))
    return sessions


def _lines(fig):
    return {
        line.get_gid(): (
            np.asarray(line.get_xdata(), float).tolist(),
            np.asarray(line.get_ydata(), float).tolist(),
            getattr(line, POINT_IDS_ATTR, None),
        )
        for ax in fig.axes
        for line in ax.get_lines()
        if line.get_gid()
    }


def test_update_in_place_draws_what_a_fresh_build_draws() -> None:
    a = _client(1, [7, 6, 8, 7, 3, 7, 8, 7], rupture_at=4)
    b = _client(2, [5, 6, 2, 6, 7, 6, 5, 6, 7, 8], start=START + timedelta(days=40), rupture_at=2)
    fig = charts.client_trend(a, SCALE, client_alerts(a, SCALE))
    artists_before = {id(line) for ax in fig.axes for line in ax.get_lines()}
    assert update_trend(fig, b, SCALE, client_alerts(b, SCALE)) is True
    fresh = charts.client_trend(b, SCALE, client_alerts(b, SCALE))
    # The same artist objects, now carrying b's data exactly as a new build would.
    assert {id(line) for ax in fig.axes for line in ax.get_lines()} == artists_before
    assert _lines(fig) == _lines(fresh)
    assert getattr(fig, SESSION_IDS_ATTR) == [s.id for s in b]
    assert getattr(fig, DESCRIPTION_ATTR) == getattr(fresh, DESCRIPTION_ATTR)
    assert fig.axes[0].get_xlim() == fresh.axes[0].get_xlim()


def test_other_artists_needed_means_no_update() -> None:
    a = _client(1, [7, 6, 8, 7, 6, 7])
    fig = charts.client_trend(a, SCALE)
    layout = getattr(fig, LAYOUT_ATTR)
    before = _lines(fig)
    with_rupture = _client(2, [7, 6, 8, 7, 6, 7], rupture_at=1)  # a rupture marker line
    assert update_trend(fig, with_rupture, SCALE) is False
    assert update_trend(fig, a, SCALE, theme=charts.DARK) is False
    assert update_trend(fig, a[:2], SCALE) is False  # too few: the message, not lines
    assert _lines(fig) == before and getattr(fig, LAYOUT_ATTR) == layout
