"""charts/text.py: the words and tables a chart's reader gets say what the data says."""

from __future__ import annotations

import re
import statistics
import sys
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.charts import text
from alliance_desktop.charts.text import (
    DIP_POINTS,
    ChartText,
    describe_caseload,
    describe_client_trend,
    describe_perspective_gap,
    describe_practice_log,
    describe_practice_trend,
    describe_rupture_timeline,
    describe_strategy_outcomes,
    find_dips,
)
from alliance_desktop.domain.models import Client, Resolution, Rupture, RuptureType, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.caseload import CASELOAD_SESSIONS, CaseloadRow
from alliance_desktop.insights.practice import MonthPoint, RuptureMonth
from alliance_desktop.insights.practice_log import LevelPoint, PracticeLog, PracticeWeek
from alliance_desktop.insights.reflection_feedback import Level
from alliance_desktop.insights.strategy_estimates import StrategyEstimate

START = date(2025, 1, 6)
SCALE = ClientRatingScale()
ratings = st.integers(min_value=0, max_value=10)


def _sessions(trust: list[int], engagement: list[int] | None = None, ruptures=()) -> list[Session]:
    out = []
    for i, t in enumerate(trust):
        out.append(
            Session(
                1,
                START + timedelta(weeks=i),
                trust=t,
                engagement=(engagement[i] if engagement else 7),
                id=100 + i,
                ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.NO)] if i in ruptures else [],
            )
        )
    return out


def _numbers(s: str) -> list[float]:
    return [float(x) for x in re.findall(r"(?<![\d-])-?\d+(?:\.\d+)?(?![\d-])", s)]


def _check_shape(t: ChartText) -> None:
    assert t.name.endswith("chart")
    assert t.description.strip()
    # one or two sentences
    assert 1 <= len([p for p in re.split(r"(?<=\.)\s", t.description) if p]) <= 2
    for row in t.rows:
        assert len(row) == len(t.headers)


def test_the_example_in_the_issue() -> None:
    trust = [7, 6, 8, 7, 7, 6, 8, 7, 7, 8, 7, 4, 7, 7, 6, 8, 7, 7, 8, 7, 6, 7, 8, 7]
    t = describe_client_trend(_sessions(trust, ruptures={11}), SCALE)
    _check_shape(t)
    assert t.name == "Trust and engagement chart"
    dip_day = (START + timedelta(weeks=11)).isoformat()
    assert t.description.startswith(
        f"Trust over 24 sessions ({START.isoformat()} to "
        f"{(START + timedelta(weeks=23)).isoformat()}), mostly between 6 and 8; "
        f"a dip to 4 on {dip_day} after a withdrawal rupture."
    )
    assert t.headers[:3] == ("Date", "Trust", "Engagement")
    assert t.rows[11][:2] == (dip_day, "4")


def test_a_date_formatter_is_used_for_every_date() -> None:
    fmt = lambda d: f"<{d.day}|{d.month}>"  # noqa: E731
    trust = [7, 7, 2, 7, 7]
    t = describe_client_trend(_sessions(trust), SCALE, date_format=fmt)
    assert "-" not in t.description.replace("–", "")  # no ISO date left
    assert "<20|1>" in t.description  # the dip's day
    assert all(row[0].startswith("<") for row in t.rows)


def test_too_few_sessions_says_why() -> None:
    t = describe_client_trend(_sessions([5, 6]), SCALE)
    assert "Not enough" in t.description and "2 sessions" in t.description
    assert len(t.rows) == 2


@settings(max_examples=150, deadline=None)
@given(st.lists(ratings, min_size=3, max_size=40))
def test_trend_description_numbers_match_the_data(trust: list[int]) -> None:
    t = describe_client_trend(_sessions(trust), SCALE)
    _check_shape(t)
    first = t.description.split(". ")[0]
    n = _numbers(first.split(" (")[0])
    assert n == [len(trust)]
    median = statistics.median(trust)
    dips = [v for v in trust if v <= median - DIP_POINTS]
    rest = [v for v in trust if v > median - DIP_POINTS]
    clause = first.split("), ", 1)[1]
    if min(rest) == max(rest):
        assert clause.startswith(f"steady at {min(rest)}")
    else:
        word = "mostly between" if dips else "between"
        assert clause.startswith(f"{word} {min(rest)} and {max(rest)}")
    named = re.findall(r"a dip to (\d+) on (\d{4}-\d\d-\d\d)", t.description)
    assert [int(v) for v, _d in named] == sorted(dips)[: text.MAX_DIPS]
    for v, day in named:
        i = (date.fromisoformat(day) - START).days // 7
        assert trust[i] == int(v)
    # The table holds every value, in date order.
    assert [int(r[1]) for r in t.rows] == trust


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0, 10, allow_nan=False), min_size=0, max_size=30))
def test_dips_are_below_the_median(values: list[float]) -> None:
    dips = find_dips(values)
    if len(values) < 3:
        assert dips == []
        return
    median = statistics.median(values)
    assert {d.index for d in dips} == {i for i, v in enumerate(values) if v <= median - DIP_POINTS}
    assert [d.value for d in dips] == sorted(d.value for d in dips)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 400),
            st.floats(0, 10, allow_nan=False),
            st.floats(0, 10, allow_nan=False),
        ),
        min_size=2,
        max_size=24,
    )
)
def test_practice_trend_numbers(points) -> None:
    months = [
        MonthPoint(date(2024 + i // 12, i % 12 + 1, 1), n, round(tr, 1), round(en, 1))
        for i, (n, tr, en) in enumerate(points)
    ]
    t = describe_practice_trend(months)
    _check_shape(t)
    assert t.description.startswith(
        f"Mean trust over {len(months)} months (2024-01 to {text.iso_month(months[-1].month)}, "
        f"{sum(m.sessions for m in months)} sessions)"
    )
    eng = [m.engagement for m in months]
    assert (
        f"between {text.plain_number(min(eng))} and {text.plain_number(max(eng))}." in t.description
    )
    assert [int(r[1]) for r in t.rows] == [m.sessions for m in months]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 6), st.integers(0, 12)), min_size=1, max_size=18
    )
)
def test_rupture_timeline_numbers(counts) -> None:
    months = [
        RuptureMonth(date(2024 + i // 12, i % 12 + 1, 1), w, c, min(r, w + c))
        for i, (w, c, r) in enumerate(counts)
    ]
    t = describe_rupture_timeline(months)
    _check_shape(t)
    total = sum(m.total for m in months)
    if not total:
        assert t.description == "No ruptures recorded yet."
        return
    n = _numbers(t.description.replace(" %", ""))
    w = sum(m.withdrawal for m in months)
    assert n[:5] == [total, len(months), w, total - w, sum(m.resolved for m in months)]
    assert n[-1] == max(m.total for m in months)


def _row(code: str, trust: list[int | None], kinds=()) -> CaseloadRow:
    sessions = tuple(
        Session(1, START + timedelta(weeks=i), trust=v, engagement=5, id=i)
        for i, v in enumerate(trust)
    )
    return CaseloadRow(Client(code, id=1), 0, None, tuple(kinds), sessions)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), ratings), min_size=1, max_size=15), min_size=1, max_size=8
    )
)
def test_caseload_rows_are_right_aligned_and_complete(series) -> None:
    rows = [_row(f"C{i}", s) for i, s in enumerate(series)]
    t = describe_caseload(rows)
    _check_shape(t)
    assert t.name == "Caseload trust chart"
    assert len(t.headers) == 2 + CASELOAD_SESSIONS and t.headers[-1] == "Latest"
    for row, s in zip(t.rows, series, strict=True):
        last = s[-CASELOAD_SESSIONS:]
        assert row[-len(last) :] == tuple("–" if v is None else str(v) for v in last)
    assert _numbers(t.description)[0] == len(series)


def test_strategy_outcomes_and_perspective_and_log() -> None:
    est = [
        StrategyEstimate("validate", "trust", 12, 5, 0.6, 0.1, 1.2, True),
        StrategyEstimate("validate", "engagement", 12, 5, -0.3, -0.9, 0.2, True),
        StrategyEstimate("reframe", "trust", 2, 1, None, None, None, False),
    ]
    t = describe_strategy_outcomes(est)
    _check_shape(t)
    assert "2 strategies" in t.description
    assert "2 estimates, from -0.3 to +0.6; 1 strategy not enough yet." in t.description
    assert ("Validate", "Trust", "+0.6", "+0.1", "+1.2", "12", "5") in t.rows

    sessions = [
        Session(1, START + timedelta(weeks=i), trust=8, engagement=8, goal_alignment=8,
                approach_fit=8, client_rating=c, id=i)
        for i, c in enumerate([8.0, 6.0, 8.0])
    ]  # fmt: skip
    p = describe_perspective_gap(sessions, SCALE)
    _check_shape(p)
    assert "over 3 sessions" in p.description
    assert len(p.rows) == 3

    log = PracticeLog(
        weeks=(
            PracticeWeek(START, 2, 1, Level.REFLECTIVE),
            PracticeWeek(START + timedelta(7), 1, 0, None),
        ),
        templates=(("default", 3),),
        points=(
            LevelPoint(START, Level.REFLECTIVE, "default", 120),
            LevelPoint(START, None, "default", 80),
            LevelPoint(START + timedelta(7), None, "default", 60),
        ),
    )
    lt = describe_practice_log(log)
    _check_shape(lt)
    assert lt.description.startswith(
        "3 reflections over 2 weeks, up to 2 a week; a level chosen for 1."
    )


def test_text_does_not_import_matplotlib() -> None:
    # Importing text.py must not pull the plotting library (the packet and GUI use it first).
    assert "alliance_desktop.charts.text" in sys.modules
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c",
         "import sys, alliance_desktop.charts.text; print('matplotlib' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == "False"
