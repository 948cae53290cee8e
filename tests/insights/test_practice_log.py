"""The practice log: weeks with gaps, the chosen levels and their median (never a mean),
and its chart (the weekly median for a lone week, marks that do not hide each other)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.charts.practice_log import practice_log_chart
from alliance_desktop.charts.theme import DARK, LIGHT
from alliance_desktop.domain.models import Client, Reflection, Session
from alliance_desktop.insights.practice_log import median_level, practice_log
from alliance_desktop.insights.reflection_feedback import Level, level_tag


def _s(
    day: date, text: str = "We talked.", *tags: str, client: int = 1, sid: int | None = None
) -> Session:
    return Session(
        client, day, 5, 5, tags=tags, reflection=Reflection("free", {"text": text}), id=sid
    )


def test_weeks_with_gaps_and_practice_filter():
    practice = Client("P", is_practice=True, id=2)
    real = Client("R", id=1)
    sessions = [
        Session(1, date(2026, 1, 5), 5, 5, reflection=Reflection("quick", {"felt": "sad"})),
        Session(2, date(2026, 1, 20), 5, 5, tags=(level_tag(Level.ANALYTIC),),
                reflection=Reflection("gibbs", {"analysis": "Perhaps it was because of power."})),
        Session(1, date(2026, 1, 21), 5, 5),  # no words: not a reflection
    ]  # fmt: skip
    log = practice_log(sessions, [practice, real])
    assert [wk.reflections for wk in log.weeks] == [1, 0, 1]
    assert [wk.median_level for wk in log.weeks] == [None, None, Level.ANALYTIC]
    assert dict(log.templates) == {"quick": 1, "gibbs": 1}
    assert log.chosen == 1 and log.median_level() == Level.ANALYTIC
    only = practice_log(sessions, [practice, real], practice_only=True)
    assert only.total == 1 and only.points[0].level == Level.ANALYTIC


def test_words_alone_give_no_level():
    log = practice_log([_s(date(2026, 1, 5), "Because of power and culture, perhaps; I wonder.")])
    assert log.points[0].level is None and log.median_level() is None
    assert log.weeks[0].median_level is None and log.weeks[0].chosen == 0


def test_the_median_is_a_level_never_a_mean():
    # 1, 1, 4: the mean (2.0) would say "explaining"; the median says "telling".
    tags = [level_tag(Level.DESCRIPTIVE), level_tag(Level.DESCRIPTIVE), level_tag(Level.CRITICAL)]
    log = practice_log([_s(date(2026, 1, 5 + i), "x", t, sid=i) for i, t in enumerate(tags)])
    assert log.weeks[0].median_level == Level.DESCRIPTIVE
    assert log.median_level() == Level.DESCRIPTIVE
    # An even count takes the lower of the middle two, so it is always one of the levels.
    assert median_level([Level.REFLECTIVE, Level.ANALYTIC]) == Level.REFLECTIVE
    assert median_level([None, None]) is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.sampled_from(list(Level))), max_size=20))
def test_median_is_always_one_of_the_chosen_levels(levels: list[Level | None]):
    m = median_level(levels)
    chosen = [v for v in levels if v is not None]
    assert (m is None) == (not chosen)
    if m is not None:
        assert m in chosen and isinstance(m, Level)


def test_supervisor_levels_are_kept_apart():
    log = practice_log(
        [
            _s(
                date(2026, 1, 5),
                "x",
                level_tag(Level.CRITICAL),
                level_tag(Level.REFLECTIVE, "supervisor"),
                sid=1,
            ),
            _s(date(2026, 1, 6), "x", level_tag(Level.ANALYTIC), sid=2),
        ]
    )
    assert log.median_level() == Level.ANALYTIC
    assert log.supervisor_median_level() == Level.REFLECTIVE
    assert log.latest_level() == Level.ANALYTIC


def _gid(fig, gid: str) -> list:
    return [a for ax in fig.axes for a in ax.get_children() if a.get_gid() == gid]


def test_chart_draws_the_weekly_median_even_for_a_single_week():
    log = practice_log([_s(date(2026, 1, 5), "x", level_tag(Level.REFLECTIVE), sid=1)])
    fig = practice_log_chart(log, theme=LIGHT)
    [median] = _gid(fig, "level-median")
    assert [seg[0][1] for seg in median.get_segments()] == [2.0]
    assert _gid(fig, "level-points") and not _gid(fig, "level-empty")


def test_chart_says_when_no_level_was_chosen():
    log = practice_log([_s(date(2026, 1, 5), "because power")])
    fig = practice_log_chart(log, theme=DARK)
    assert _gid(fig, "level-empty") and not _gid(fig, "level-points")
    assert not _gid(fig, "level-median")


def test_chart_marks_sharing_a_week_and_level_do_not_overlap():
    tag = level_tag(Level.ANALYTIC)
    log = practice_log([_s(date(2026, 1, 5), "x", tag, sid=i) for i in range(3)])
    fig = practice_log_chart(log, theme=LIGHT)
    [points] = _gid(fig, "level-points")
    ys = sorted(float(y) for _x, y in points.get_offsets())
    assert len(set(ys)) == 3 and all(2.5 < y < 3.5 for y in ys)
    # Own and supervisor's choice on the same day and level stay apart too.
    both = practice_log(
        [_s(date(2026, 1, 5), "x", tag, level_tag(Level.ANALYTIC, "supervisor"), sid=1)]
    )
    fig = practice_log_chart(both, theme=LIGHT)
    [own] = _gid(fig, "level-points")
    [sup] = _gid(fig, "level-supervisor")
    assert float(own.get_offsets()[0][1]) != float(sup.get_offsets()[0][1])
