"""The strategy chart on the regression-aware estimates, and the trend chart's outcome panel.

Real matplotlib figures, drawn with Agg: intervals are clipped to the shared scale and
their cut ends marked, both panels share one x scale, every text (labels, key, caveats)
lies inside the figure, a chart with nothing to show says so in words, and each chart
carries a text description of what it shows.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from insights.helpers import series  # tests/ is on sys.path (rootdir-relative packages)
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.text import Text

from alliance_desktop import charts
from alliance_desktop.charts._common import EMPTY_GID, KEY_LABEL_GID, TEXTS_ATTR, description
from alliance_desktop.charts.outcomes import LIMITS_ATTR
from alliance_desktop.domain.models import Client
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.strategies import catalogue
from alliance_desktop.insights.alerts import Alert, AlertKind
from alliance_desktop.insights.analysis import analyse
from alliance_desktop.insights.strategy_estimates import StrategyEstimate

THEMES = [charts.LIGHT, charts.DARK]


def by_gid(fig, gid):
    return [a for a in fig.findobj() if a.get_gid() == gid]


def one(fig, gid):
    found = by_gid(fig, gid)
    assert len(found) == 1, f"{gid}: {len(found)}"
    return found[0]


def est(strategy, dimension, value=None, low=None, high=None, uses=20, clients=6):
    shown = value is not None
    return StrategyEstimate(strategy, dimension, uses, clients, value, low, high, shown)


def both(strategy, value=None, low=None, high=None, uses=20, clients=6):
    return [est(strategy, d, value, low, high, uses, clients) for d in ("trust", "engagement")]


def text_extents(fig):
    """Window extents (pixels) of every visible text: Text artists and glyph collections."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    out = []
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip():
            out.append((t.get_text(), t.get_window_extent(renderer)))
    for col in fig.findobj(PathCollection):
        texts = getattr(col, TEXTS_ATTR, None)
        if not texts:
            continue
        offsets = col.get_offset_transform().transform(col.get_offsets())
        to_px = col.get_transform()
        for text, path, (ox, _oy) in zip(texts, col.get_paths(), offsets, strict=True):
            if len(path.vertices) == 0:
                continue
            xy = to_px.transform(path.vertices)
            out.append((text, _box(xy[:, 0].min() + ox, xy[:, 0].max() + ox)))
    return fig.bbox, out


class _box:
    def __init__(self, x0, x1):
        self.x0, self.x1 = x0, x1


def assert_texts_inside(fig, margin_px=2.0):
    bbox, texts = text_extents(fig)
    assert texts
    for text, extent in texts:
        assert extent.x0 >= bbox.x0 + margin_px, f"{text!r} runs off the left edge"
        assert extent.x1 <= bbox.x1 - margin_px, f"{text!r} runs off the right edge"


@pytest.fixture
def mixed():
    """Shown strategies, one with an interval far past the others, and two too rare."""
    return [
        *both("validate", 0.3, -0.2, 0.8),
        *both("strong_ending", 1.2, 0.8, 1.6),
        *both("clarify_misunderstanding", -0.4, -9.5, 12.0),
        *both("own_contribution", uses=3, clients=2),
        *both("change_task", uses=1, clients=1),
    ]


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_intervals_are_clipped_to_one_shared_scale_and_marked(mixed, theme):
    fig = charts.strategy_outcomes(mixed, theme=theme, catalogue=catalogue())
    low, high = getattr(fig, LIMITS_ATTR)
    assert low == -high and 0 < high <= 10
    panels = [ax for ax in fig.axes if ax.get_title(loc="left").startswith("Change in")]
    assert [ax.get_title(loc="left") for ax in panels] == ["Change in trust",
                                                          "Change in engagement"]  # fmt: skip
    assert all(ax.get_xlim() == (low, high) for ax in panels)  # one x scale for both
    for dim in ("trust", "engagement"):
        bars = one(fig, f"{dim}-ci")
        for (x0, _y0), (x1, _y1) in bars.get_segments():
            assert low <= x0 <= x1 <= high
        cut = by_gid(fig, f"{dim}-clipped")
        ends = sorted((line.get_marker(), x) for line in cut for x in line.get_xdata())
        assert ends == [("<", low), (">", high)]  # both ends of the wide interval, marked
    assert "Interval runs past the scale" in getattr(one(fig, KEY_LABEL_GID), TEXTS_ATTR)


def test_strategies_below_the_minimum_say_not_enough_yet(mixed):
    fig = charts.strategy_outcomes(mixed, catalogue=catalogue())
    rows = fig.alliance_strategies
    assert set(rows) == {"validate", "strong_ending", "clarify_misunderstanding",
                         "own_contribution", "change_task"}  # fmt: skip
    texts = sorted(t.get_text() for t in by_gid(fig, "trust-not-enough"))
    assert texts == ["not enough yet: 1 use, 1 client", "not enough yet: 3 uses, 2 clients"]
    # No dot for them: only the three shown strategies have an estimate.
    assert len(one(fig, "trust-estimate").get_xdata()) == 3


def test_labels_key_and_caveats_stay_inside_the_figure(mixed):
    fig = charts.strategy_outcomes(mixed, catalogue=catalogue())
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Clarify a misunderstanding" in labels
    assert_texts_inside(fig)
    notes = " ".join(t.get_text() for t in by_gid(fig, "note"))
    assert notes.startswith("Sessions far below a client's usual level")
    assert "not proof" in notes and "3 strategies were compared (6 intervals)" in notes


def test_the_first_letter_of_a_long_label_is_inside_the_figure():
    fig = charts.strategy_outcomes(both("clarify_misunderstanding", 0.1, -0.5, 0.6),
                                   catalogue=catalogue())  # fmt: skip
    bbox, texts = text_extents(fig)
    (extent,) = [e for t, e in texts if t == "Clarify a misunderstanding"]
    assert extent.x0 > bbox.x0 + 5


def test_a_chart_with_nothing_shown_says_so():
    empty = charts.strategy_outcomes([], theme=charts.DARK)
    assert "Nothing to show yet" in one(empty, EMPTY_GID).get_text()
    assert "Nothing to show yet" in description(empty)
    rare = charts.strategy_outcomes(both("validate", uses=2, clients=1), catalogue=catalogue())
    assert one(rare, EMPTY_GID).get_text() == "No strategy has enough uses yet for an estimate."
    assert "No strategy has enough uses yet" in description(rare)
    assert_texts_inside(rare)


def test_the_chart_describes_itself_in_words(mixed):
    fig = charts.strategy_outcomes(mixed, catalogue=catalogue())
    text = description(fig)
    assert text.startswith("Strategy outcomes chart: for 5 strategies")
    assert "Close well: trust: +1.2 (95% interval +0.8 to +1.6; 20 uses, 6 clients)" in text
    assert "not enough yet: 3 uses, 2 clients" in text
    assert "not proof" in text


def test_without_note_the_caveats_are_left_to_the_view(mixed):
    fig = charts.strategy_outcomes(mixed, catalogue=catalogue(), note=False)
    assert not by_gid(fig, "note")


def test_the_chart_reads_real_estimates_and_finds_a_planted_effect():
    rng = np.random.default_rng(4)
    clients = [Client(f"C{i}", id=i) for i in range(1, 9)]
    sessions = []
    for c in clients:
        trust = []
        value = 6.0
        picks = rng.random(16) < 0.4
        for j in range(16):
            trust.append(int(np.clip(round(value + rng.normal(0, 0.7)), 0, 10)))
            value = 6.0 + (2.0 if picks[j] else 0.0)
        s = series(trust=trust, engagement=[6] * 16, client_id=c.id)
        for j, picked in enumerate(picks):
            s[j].strategies = ("strong_ending",) if picked else ("validate",) * (j % 3 == 0)
        sessions += s
    result = analyse(clients, sessions)
    fig = charts.strategy_outcomes(result.estimates, catalogue=catalogue())
    assert fig.alliance_strategies == ["validate", "strong_ending"]
    xs = list(one(fig, "trust-estimate").get_xdata())
    assert xs[1] > 1.0 and abs(xs[0]) < 1.0


# -- the trend chart ----------------------------------------------------------------


def _trend_sessions():
    s = series(trust=[7, 7, 7, 7, 7, 7], engagement=[6] * 6, goal_alignment=[6, 6, 6, 6, 6, 3],
               client_rating=[38.0, 38.0, 38.0, 38.0, 37.0, 30.0],
               outcome_rating=[28.0, None, 24.0, 22.0, 20.0, 18.0])  # fmt: skip
    return s


def _alert(kind, s, dimension=None):
    return Alert(kind, s.date, s.id, s.client_id, dimension, None, None, True, "")


def test_trend_draws_the_outcome_in_its_own_panel_with_the_cutoff():
    s = _trend_sessions()
    fig = charts.client_trend(s, ClientRatingScale(), theme=charts.LIGHT,
                              outcome=OutcomeScale(cutoff=25.0))  # fmt: skip
    line = one(fig, "outcome_rating")
    assert list(line.get_ydata()) == [28.0, 24.0, 22.0, 20.0, 18.0]
    panel = line.axes
    assert panel is not one(fig, "trust").axes and panel is not one(fig, "client_rating").axes
    assert panel.get_ylim()[1] >= 40
    cutoff = one(fig, "outcome-cutoff")
    assert list(cutoff.get_ydata()) == [25.0, 25.0] and cutoff.get_linestyle() == "--"
    assert one(fig, "outcome-cutoff-label").get_text().strip() == "Clinical cutoff (25)"
    assert "Outcome rating (0–40)" in getattr(one(fig, KEY_LABEL_GID), TEXTS_ATTR)
    assert panel.get_shared_x_axes().joined(panel, one(fig, "trust").axes)
    assert "Outcome rating from 28 to 18" in description(fig)
    assert_texts_inside(fig)


def test_trend_without_outcome_ratings_has_no_outcome_panel():
    fig = charts.client_trend(series(trust=[7, 6, 7]), ClientRatingScale())
    assert not by_gid(fig, "outcome_rating") and len(fig.axes) == 1


def test_alert_rings_sit_on_the_axis_of_the_value_that_raised_them():
    s = _trend_sessions()
    alerts = [
        _alert(AlertKind.DROP, s[5], "client_rating"),
        _alert(AlertKind.LOW_RATING, s[5], "goal_alignment"),
        _alert(AlertKind.OUTCOME_DETERIORATION, s[5], "outcome_rating"),
        _alert(AlertKind.NOT_SEEN, s[5]),
    ]
    fig = charts.client_trend(s, ClientRatingScale(), alerts)
    client_ring = one(fig, "alerts-client-rating")
    assert client_ring.axes is one(fig, "client_rating").axes  # not the therapist axis
    assert list(client_ring.get_ydata()) == [30.0]
    therapist_ring = one(fig, "alerts")
    assert list(therapist_ring.get_ydata()) == [3]  # the low goal alignment
    outcome_ring = one(fig, "alerts-outcome")
    assert outcome_ring.axes is one(fig, "outcome_rating").axes
    assert list(outcome_ring.get_ydata()) == [18.0]


@pytest.mark.parametrize("n", [0, 1, 2])
def test_trend_with_fewer_than_three_sessions_says_why(n):
    s = series(trust=[7, 5, 6])[:n] if n else []
    fig = charts.client_trend(s, ClientRatingScale(), theme=charts.DARK)
    message = one(fig, EMPTY_GID).get_text()
    assert "needs 3 sessions" in message
    assert ("none" if n == 0 else f"only {n}") in message
    assert not any(line.get_gid() == "trust" for ax in fig.axes for line in ax.get_lines())
    assert "needs 3 sessions" in description(fig)


def test_trend_key_stays_inside_the_figure_in_both_themes():
    s = _trend_sessions()
    s[2].strategies = ("validate",)
    for theme in THEMES:
        fig = charts.client_trend(s, ClientRatingScale(), theme=theme)
        assert_texts_inside(fig)


def test_weeks_label_the_lowest_panel_only():
    from alliance_desktop.charts.relative import label_weeks

    s = _trend_sessions()
    fig = charts.client_trend(s, ClientRatingScale())
    label_weeks(fig, s[0].date - timedelta(days=0))
    main, lowest = one(fig, "trust").axes, one(fig, "outcome_rating").axes
    assert main.get_xlabel() == "" and lowest.get_xlabel().startswith("Week")
