import subprocess
import sys

import pytest
from insights.helpers import rupture, series  # tests/ is on sys.path (rootdir-relative packages)
from matplotlib.backends.backend_agg import FigureCanvasAgg

from alliance_desktop import charts
from alliance_desktop.charts._common import EMPTY_GID, KEY_LABEL_GID, TEXTS_ATTR
from alliance_desktop.charts.trend import session_at
from alliance_desktop.domain.models import Client
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.strategies import catalogue
from alliance_desktop.insights.alerts import client_alerts
from alliance_desktop.insights.analysis import analyse

SCALE = ClientRatingScale()
THEMES = [charts.LIGHT, charts.DARK]


def by_gid(fig, gid):
    return [a for a in fig.findobj() if a.get_gid() == gid]


def one(fig, gid):
    found = by_gid(fig, gid)
    assert len(found) == 1, f"{gid}: {len(found)}"
    return found[0]


@pytest.fixture
def story():
    s = series(trust=[7, 7, 7, 4, 6, 7], engagement=[6, 6, 6, 6, 5, 6],
               goal_alignment=[5, None, 6, 6, 6, 7], approach_fit=[None] * 6,
               client_rating=[37.0, None, 35.0, 20.0, 36.0, 38.0])  # fmt: skip
    s[1].ruptures = [rupture("withdrawal", "no")]
    s[3].ruptures = [rupture("confrontation", "yes"), rupture("withdrawal", "yes")]
    s[4].ruptures = [rupture("confrontation", "partial")]
    s[0].strategies = ("validate",)
    s[3].strategies = ("invite_feedback", "metacommunication")
    return s


def test_client_trend_artists(story):
    fig = charts.client_trend(story, SCALE, client_alerts(story, SCALE), theme=charts.LIGHT)
    trust = one(fig, "trust")
    assert list(trust.get_ydata()) == [7, 7, 7, 4, 6, 7]
    assert trust.get_linewidth() > one(fig, "goal_alignment").get_linewidth()
    assert list(one(fig, "goal_alignment").get_ydata()) == [5, 6, 6, 6, 7]
    assert not by_gid(fig, "approach_fit")  # nothing recorded
    assert list(one(fig, "client_rating").get_ydata()) == [37.0, 35.0, 20.0, 36.0, 38.0]
    assert list(one(fig, "client_rating-low").get_ydata()) == [35.0, 20.0]
    assert list(one(fig, "threshold").get_ydata()) == [36.0, 36.0]
    assert one(fig, "threshold-label").get_text() == "Concern threshold (36)"
    open_w = one(fig, "rupture-withdrawal-open")
    assert len(open_w.get_xdata()) == 1 and open_w.get_markerfacecolor() == "none"
    assert open_w.get_marker() == "v"
    assert len(one(fig, "rupture-withdrawal-resolved").get_xdata()) == 1
    resolved_c = one(fig, "rupture-confrontation-resolved")
    assert resolved_c.get_marker() == "D" and resolved_c.get_markerfacecolor() != "none"
    assert len(one(fig, "rupture-confrontation-open").get_xdata()) == 1
    rug = one(fig, "strategies")
    assert len(rug.get_xdata()) == 2
    assert rug.alliance_strategies == [("validate",), ("invite_feedback", "metacommunication")]
    # the trust drop at session 4 (7,7,7 -> 4) is ringed; the gap/low rating on the right axis
    assert list(one(fig, "alerts").get_ydata()) == [4]
    labels = one(fig, KEY_LABEL_GID)
    assert "Trust" in getattr(labels, TEXTS_ATTR)


def test_client_trend_click_maps_to_session(story):
    fig = charts.client_trend(story, SCALE, theme=charts.LIGHT)
    assert fig.alliance_session_ids == [s.id for s in story]
    x = fig.alliance_session_x[3]
    assert session_at(fig, x + 1.0) == story[3].id
    assert session_at(fig, x + 30.0) is None
    trust = one(fig, "trust")
    assert trust.alliance_point_session_ids == [s.id for s in story]


def test_client_trend_toggles_and_date_range(story):
    fig = charts.client_trend(story, SCALE, theme=charts.DARK, show_goal=False, show_fit=False,
                              date_from=story[1].date, date_to=story[4].date)  # fmt: skip
    assert not by_gid(fig, "goal_alignment")
    assert list(one(fig, "trust").get_ydata()) == [7, 7, 4, 6]
    assert fig.alliance_session_ids == [s.id for s in story[1:5]]


def test_client_trend_too_short_shows_message():
    fig = charts.client_trend(series(trust=[7, 6]), SCALE, theme=charts.LIGHT)
    message = one(fig, EMPTY_GID)
    assert "Not enough sessions yet" in message.get_text()
    assert not fig.axes[0].get_lines() and not fig.axes[0].axison


def _caseload_rows(n_clients=5):
    clients = [Client(f"C{i:02d}", id=i) for i in range(1, n_clients + 1)]
    sessions = []
    for c in clients:
        sessions += series(trust=[c.id % 10] * 14, client_id=c.id)
    sessions[3].trust = None  # first client: a session without trust, in the window
    sessions[27].ruptures = [rupture()]  # second client: open rupture, on the latest session
    return analyse(clients, sessions, today=sessions[-1].date).caseload


def test_caseload_cells_and_badges():
    rows = _caseload_rows()
    fig = charts.caseload(rows, "trust", theme=charts.LIGHT)
    labels = getattr(one(fig, "client-labels"), TEXTS_ATTR)
    assert labels == [r.client.code for r in rows]
    assert labels[0] == "C02"  # open rupture first
    values = getattr(one(fig, "cell-values"), TEXTS_ATTR)
    assert len(values) == 5 * 12
    assert values[:12] == ["2"] * 12
    assert "–" in values  # C01's session without trust
    assert len(one(fig, "badge-open_rupture").get_ydata()) == 1
    assert fig.alliance_cell_session_ids[0][-1] == rows[0].last_sessions[-1].id


def test_caseload_text_contrast_follows_cell_colour():
    clients = [Client("low", id=1), Client("high", id=2)]
    sessions = series(trust=[0] * 3, client_id=1) + series(trust=[10] * 3, client_id=2)
    fig = charts.caseload(analyse(clients, sessions).caseload, "trust", theme=charts.LIGHT)
    cells = one(fig, "cell-values")
    texts = getattr(cells, TEXTS_ATTR)
    colours = cells.get_facecolors()
    assert texts == ["0", "0", "0", "10", "10", "10"]
    assert tuple(colours[0][:3]) == (1.0, 1.0, 1.0)  # white on dark blue
    assert tuple(colours[3][:3]) == (0.0, 0.0, 0.0)  # black on yellow


def test_caseload_empty():
    fig = charts.caseload([], "trust", theme=charts.DARK)
    assert one(fig, EMPTY_GID)


def test_strategy_outcomes_chart_uses_the_estimates():
    s = series(trust=[5, 7, 6, 6, 9], engagement=[5, 6, 5, 5, 5])
    s[0].strategies = ("validate",)
    s[2].strategies = ("validate",)
    s[3].strategies = ("normalize",)
    result = analyse([Client("a", id=1)], s)
    fig = charts.strategy_outcomes(result.estimates, theme=charts.LIGHT, catalogue=catalogue())
    assert fig.alliance_strategies == ["normalize", "validate"]  # catalogue order
    # One client and a handful of uses: no estimate, each row says why.
    texts = [t.get_text() for t in by_gid(fig, "trust-not-enough")]
    assert texts == ["not enough yet: 1 use, 1 client", "not enough yet: 2 uses, 1 client"]
    assert len(by_gid(fig, "zero")) == 2
    assert "not proof" in " ".join(t.get_text() for t in by_gid(fig, "note"))
    yticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert yticks == ["Normalise", "Validate"]
    empty = charts.strategy_outcomes([], theme=charts.DARK)
    assert one(empty, EMPTY_GID)


def test_practice_and_rupture_charts():
    s = series(trust=[6, 8, 7, 5, 4, 6, 7, 8, 8], engagement=[5] * 9)
    s[0].ruptures = [rupture("withdrawal", "yes")]
    s[5].ruptures = [rupture("confrontation", "no"), rupture("withdrawal", "yes")]
    result = analyse([Client("a", id=1)], s)
    fig = charts.practice_trend(result.practice, theme=charts.LIGHT)
    assert len(one(fig, "trust").get_xdata()) == len(result.practice)
    assert len(by_gid(fig, "sessions")) >= len(result.practice)
    fig = charts.rupture_timeline(result.ruptures, theme=charts.LIGHT)
    shares = list(one(fig, "resolved-share").get_ydata())
    assert shares == [1.0, 0.5]
    assert charts.practice_trend([], theme=charts.LIGHT).findobj(lambda a: a.get_gid() == EMPTY_GID)
    assert one(charts.rupture_timeline([], theme=charts.DARK), EMPTY_GID)


def test_perspective_gap_chart():
    s = series(trust=[8, 8, 8], engagement=[8, 6, 8], client_rating=[24.0, 30.0, 34.0])
    fig = charts.perspective_gap(s, SCALE, theme=charts.LIGHT)
    assert list(one(fig, "therapist").get_ydata()) == [32.0, 28.0, 32.0]
    assert list(one(fig, "client").get_ydata()) == [24.0, 30.0, 34.0]
    assert one(fig, "gap")
    empty = charts.perspective_gap(s[:1], SCALE, theme=charts.LIGHT)
    assert one(empty, EMPTY_GID)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_every_chart_renders_to_png(tmp_path, story, theme):
    clients = [Client("a", id=1)]
    result = analyse(clients, story)
    figures = {
        "trend": charts.client_trend(story, SCALE, result.for_client(1).alerts, theme=theme),
        "caseload": charts.caseload(result.caseload, "client_rating", theme=theme),
        "practice": charts.practice_trend(result.practice, theme=theme),
        "outcomes": charts.strategy_outcomes(result.estimates, theme=theme),
        "ruptures": charts.rupture_timeline(result.ruptures, theme=theme),
        "gap": charts.perspective_gap(story, SCALE, theme=theme),
    }
    for name, fig in figures.items():
        path = charts.save(fig, tmp_path / f"{name}.png")
        assert path.stat().st_size > 10_000, name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_save_formats(tmp_path, story):
    fig = charts.client_trend(story, SCALE, theme=charts.LIGHT)
    assert charts.save(fig, tmp_path / "a.SVG").read_bytes().lstrip().startswith(b"<?xml")
    assert charts.save(fig, tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError, match=r"\.jpg.*\.png, \.svg, \.pdf"):
        charts.save(fig, tmp_path / "a.jpg")
    with pytest.raises(ValueError):
        charts.save(fig, tmp_path / "noext")


def test_no_global_rcparams_leak(story):
    import matplotlib

    before = dict(matplotlib.rcParams)
    FigureCanvasAgg(charts.client_trend(story, SCALE, theme=charts.DARK)).draw()
    assert dict(matplotlib.rcParams) == before


def test_theme_lookup():
    assert charts.theme_for("dark") is charts.DARK
    with pytest.raises(ValueError):
        charts.theme_for("sepia")


_NO_PYPLOT = """
import sys
import alliance_desktop.charts as charts
assert "matplotlib" not in sys.modules, "importing the package loaded matplotlib"
from datetime import date, timedelta
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.analysis import analyse
from matplotlib.backends.backend_agg import FigureCanvasAgg
s = [Session(1, date(2025, 1, 1) + timedelta(weeks=i), 7, 6, 6, 6, client_rating=30.0, id=i,
             strategies=("validate",)) for i in range(8)]
r = analyse([Client("a", id=1)], s)
scale = ClientRatingScale()
figs = [charts.client_trend(s, scale, r.for_client(1).alerts), charts.caseload(r.caseload),
        charts.practice_trend(r.practice), charts.strategy_outcomes(r.estimates),
        charts.rupture_timeline(r.ruptures), charts.perspective_gap(s, scale)]
for f in figs:
    FigureCanvasAgg(f).draw()
assert "matplotlib.pyplot" not in sys.modules
print("ok")
"""


def test_no_pyplot_anywhere():
    done = subprocess.run([sys.executable, "-c", _NO_PYPLOT], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
