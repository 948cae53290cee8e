"""The demo caseload: valid, repeatable, and telling the stories a therapist would see."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise
from statistics import mean

import pytest

from alliance_desktop.domain import ClientRatingScale, ClientStatus, Resolution, Session
from alliance_desktop.domain.demo import (
    ARCHETYPES,
    PLANTED_EFFECT,
    PLANTED_STRATEGY,
    Archetype,
    DemoData,
    generate,
)
from alliance_desktop.domain.ruptures import MARKER_TYPE
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.strategies import BUILTIN, BUILTIN_BY_KEY
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.domain.validation import client_problems, session_problems
from alliance_desktop.insights.strategy_estimates import strategy_estimates

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return generate(today=TODAY)


@pytest.fixture(scope="module")
def big() -> DemoData:
    return generate(clients=60, sessions=40, seed=7, today=TODAY)


def by_client(data: DemoData) -> dict[str, list[Session]]:
    grouped: dict[str, list[Session]] = {c.code: [] for c in data.clients}
    for code, session in data.sessions:
        grouped[code].append(session)
    return grouped


def of_archetype(data: DemoData, archetype: Archetype) -> list[list[Session]]:
    grouped = by_client(data)
    found = [grouped[code] for code, a in data.archetypes.items() if a == archetype]
    assert found, f"no {archetype} client generated"
    return found


def slope(values: list[int]) -> float:
    """Least-squares slope per session."""
    xs = range(len(values))
    mx, my = mean(xs), mean(values)
    return sum((x - mx) * (y - my) for x, y in zip(xs, values, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def test_default_size_is_twelve_clients_with_twenty_four_sessions_each(demo):
    assert len(demo.clients) == 12
    assert {code: len(ss) for code, ss in by_client(demo).items()} == {
        c.code: 24 for c in demo.clients
    }
    assert all(s.client_id is None for _, s in demo.sessions)
    assert set(demo.archetypes.values()) == set(ARCHETYPES)


def test_same_seed_gives_same_data_and_another_seed_differs():
    first = generate(clients=8, sessions=12, seed=42, today=TODAY)
    assert generate(clients=8, sessions=12, seed=42, today=TODAY) == first
    other = generate(clients=8, sessions=12, seed=43, today=TODAY)
    assert [c.code for c in other.clients] != [c.code for c in first.clients]
    assert [s.trust for _, s in other.sessions] != [s.trust for _, s in first.sessions]


def test_generation_leaves_the_global_random_state_alone():
    import random

    random.seed(123)
    expected = random.random()
    random.seed(123)
    generate(clients=3, sessions=5, today=TODAY)
    assert random.random() == expected


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_every_generated_record_passes_validation(seed):
    data = generate(clients=30, sessions=40, seed=seed, today=TODAY)
    known = BUILTIN_BY_KEY.keys()
    scale = ClientRatingScale()
    for client in data.clients:
        assert client_problems(client, TODAY) == [], client
    for code, session in data.sessions:
        problems = session_problems(session, scale=scale, known_strategies=known, today=TODAY)
        assert problems == [], (code, session.date, problems)


def test_small_and_empty_caseloads_still_valid():
    assert generate(clients=0, today=TODAY).sessions == []
    data = generate(clients=6, sessions=1, today=TODAY)
    assert len(data.sessions) == 6
    for _, s in data.sessions:
        assert (
            session_problems(
                s, scale=ClientRatingScale(), known_strategies=BUILTIN_BY_KEY.keys(), today=TODAY
            )
            == []
        )
    with pytest.raises(ValueError):
        generate(sessions=0)


def test_sessions_are_weekly_or_fortnightly_and_active_clients_were_seen_lately(big):
    gaps: Counter[int] = Counter()
    for client in big.clients:
        days = [s.date for s in by_client(big)[client.code]]
        assert days == sorted(days)
        if client.status == ClientStatus.ACTIVE:
            assert 0 <= (TODAY - days[-1]).days <= 6, client.code
        else:  # finished, levelled off or dropped out: a few weeks to months ago
            assert 28 <= (TODAY - days[-1]).days <= 150, client.code
        gaps.update((b - a).days for a, b in pairwise(days))
    assert set(gaps) <= {7, 14, 28, 35, 42}
    assert gaps[7] > 0.6 * sum(gaps.values())
    assert gaps[14] > 0, "a skipped week now and then, and fortnightly clients"
    assert gaps[28] + gaps[35] + gaps[42] > 0, "a break of a few weeks"


def test_intakes_and_endings_fall_on_different_dates(demo):
    starts = {c.start_date for c in demo.clients}
    ends = {ss[-1].date for ss in by_client(demo).values()}
    assert len(starts) >= 8 and len(ends) >= 5
    closed = [c for c in demo.clients if c.status == ClientStatus.CLOSED]
    last_seen = {c.code: by_client(demo)[c.code][-1].date for c in closed}
    assert len(closed) == 3
    dropped = [code for code, day in last_seen.items() if (TODAY - day).days >= 100]
    assert len(dropped) == 1, "one client dropped out months ago"
    assert demo.archetypes[dropped[0]] == Archetype.DISENGAGING


def test_default_today_is_the_real_today():
    data = generate(clients=4, sessions=3)
    assert max(s.date for _, s in data.sessions) <= date.today()


def test_clients_start_on_their_first_session_and_a_few_are_closed(big):
    grouped = by_client(big)
    for client in big.clients:
        assert client.start_date == grouped[client.code][0].date
        assert client.goals.strip()
    statuses = Counter(c.status for c in big.clients)
    assert 0 < statuses[ClientStatus.CLOSED] < statuses[ClientStatus.ACTIVE]


def test_codes_are_unique_ignoring_case_and_varied_for_a_large_caseload():
    data = generate(clients=240, sessions=1, seed=5, today=TODAY)
    keys = [c.key for c in data.clients]
    assert len(set(keys)) == len(keys) == 240
    codes = [c.code for c in data.clients]
    assert all(0 < len(code) <= 40 for code in codes)
    assert any(not code.isascii() for code in codes)
    assert any(" " in code for code in codes) and any("-" in code for code in codes)


def test_growing_client_ends_well_above_where_they_started(big):
    for sessions in of_archetype(big, Archetype.GROWTH):
        start = mean(s.trust + s.engagement for s in sessions[:6])
        end = mean(s.trust + s.engagement for s in sessions[-6:])
        assert end >= start + 4


def test_rupture_client_dips_at_the_rupture_and_recovers(big):
    for sessions in of_archetype(big, Archetype.RUPTURE_DIP):
        trust = [s.trust for s in sessions]
        at = next(i for i, s in enumerate(sessions) if any(r.salience >= 4 for r in s.ruptures))
        assert 3 <= at <= len(trust) - 5, "the rupture comes mid-course"
        before = mean(trust[:at])
        assert trust[at] <= before - 2.5
        assert min(trust[at : at + 2]) == min(trust), "the lowest point is at the rupture"
        assert mean(trust[-4:]) >= before - 1, "and trust comes back"


def test_disengaging_client_engagement_falls_over_the_last_six_sessions(big):
    for sessions in of_archetype(big, Archetype.DISENGAGING):
        assert slope([s.engagement for s in sessions[-6:]]) <= -0.5
        last = sessions[-1].ruptures
        assert last and last[0].resolution == Resolution.NO, "left open, still unaddressed"
        late = Counter(k for s in sessions[-6:] for k in s.strategies)
        engagement_keys = {s.key for s in BUILTIN if s.group == "engagement"}
        assert sum(late[k] for k in engagement_keys) + late["invite_feedback"] > 0


def test_plateau_client_stays_level(big):
    for sessions in of_archetype(big, Archetype.PLATEAU):
        first = mean(s.trust + s.engagement for s in sessions[:8])
        last = mean(s.trust + s.engagement for s in sessions[-8:])
        assert abs(last - first) <= 2


def test_goal_misaligned_client_trusts_but_does_not_share_the_goals(big):
    for sessions in of_archetype(big, Archetype.GOAL_MISALIGNMENT):
        goals = [s.goal_alignment for s in sessions if s.goal_alignment is not None]
        assert mean(goals) <= 4
        assert mean(s.trust for s in sessions) >= 6.5
        goal_keys = {"collaborative_goals", "offer_choice", "progress_review"}
        assert any(goal_keys & set(s.strategies) for s in sessions)


def test_perspective_gap_client_rates_low_while_the_therapist_rates_high(big):
    scale = ClientRatingScale()
    for sessions in of_archetype(big, Archetype.PERSPECTIVE_GAP):
        rated = [s.client_rating for s in sessions if s.client_rating is not None]
        assert len(rated) >= len(sessions) / 2
        assert all(scale.is_concern(r) for r in rated)
        assert mean(s.trust for s in sessions) >= 7


def test_client_ratings_on_about_half_the_sessions_and_near_the_ceiling(big):
    rated = [s for _, s in big.sessions if s.client_rating is not None]
    assert 0.35 <= len(rated) / len(big.sessions) <= 0.7
    assert all(round(s.client_rating, 1) == s.client_rating for s in rated)
    # Outside the perspective-gap story, the client's view follows the therapist's.
    agreeing = [
        s
        for code, s in big.sessions
        if s.client_rating is not None and big.archetypes[code] != Archetype.PERSPECTIVE_GAP
    ]
    near_top = [s for s in agreeing if 35 <= s.client_rating <= 40]
    assert len(near_top) >= 0.7 * len(agreeing), "mostly 35-40, as in real use"
    warm = [s.client_rating for s in agreeing if s.trust >= 8 and s.engagement >= 8]
    strained = [s.client_rating for s in agreeing if s.trust <= 4 and s.engagement <= 4]
    assert warm and strained
    assert mean(strained) < 34
    assert mean(warm) >= 37


def test_outcome_ratings_start_in_the_clinical_range_and_move(demo, big):
    outcome = OutcomeScale()
    for data in (demo, big):
        statuses: Counter[str] = Counter()
        starts_clinical = 0
        for sessions in by_client(data).values():
            values = [s.outcome_rating for s in sessions if s.outcome_rating is not None]
            assert len(values) >= 0.6 * len(sessions)
            assert all(0 <= v <= 40 and round(v, 1) == v for v in values)
            starts_clinical += outcome.is_clinical(values[0])
            statuses[outcome.classify(values[0], values[-1])] += 1
        n = len(data.clients)
        assert starts_clinical >= 0.6 * n, "most start below the cutoff"
        assert statuses["recovered"] + statuses["improved"] >= 0.3 * n, statuses
        assert statuses["deteriorated"] >= 1, statuses
    deteriorated = []
    for code, sessions in by_client(demo).items():
        values = [s.outcome_rating for s in sessions if s.outcome_rating is not None]
        if outcome.classify(values[0], values[-1]) == "deteriorated":
            deteriorated.append(code)
    assert len(deteriorated) == 1, deteriorated


def test_one_open_rupture_is_repaired_two_sessions_later(demo):
    repaired = [
        (code, i, r)
        for code, sessions in by_client(demo).items()
        for i, s in enumerate(sessions)
        for r in s.ruptures
        if r.resolved_on is not None
    ]
    assert len(repaired) == 1
    code, i, rupture = repaired[0]
    sessions = by_client(demo)[code]
    assert rupture.resolution != Resolution.YES and rupture.repaired
    assert rupture.resolved_on == sessions[i + 2].date
    assert "two weeks ago" in sessions[i + 2].reflection.plain_text() or (
        "went badly" in sessions[i + 2].reflection.plain_text()
    )


_WARM_OPENINGS = ("They arrived with a list", "Easy start today", "They described a better week")


def test_reflections_read_like_the_sessions_ratings(big):
    for _, s in big.sessions:
        text = s.reflection.plain_text()
        if min(s.trust, s.engagement) <= 3 and not s.ruptures:
            assert not any(w in text for w in _WARM_OPENINGS), text
            assert "building their confidence" not in text, text


def test_exactly_one_strategy_is_followed_by_a_better_next_session():
    data = generate(today=TODAY)  # the default demo: 12 clients x 24 sessions, seed 0
    clients, sessions = data.with_ids()
    shown = [e for e in strategy_estimates(clients, sessions) if e.shown]
    planted = [e for e in shown if e.strategy == PLANTED_STRATEGY]
    assert {e.dimension for e in planted} == {"trust", "engagement"}
    for e in planted:
        assert e.ci_low > 0 and 0.8 <= e.estimate <= 1.8, e
    others = [e for e in shown if e.strategy != PLANTED_STRATEGY]
    assert len(others) >= 20
    assert [e for e in others if e.excludes_zero] == []


def test_a_large_demo_finds_the_planted_effect_and_nothing_of_note_elsewhere():
    data = generate(clients=200, sessions=100, seed=0, today=TODAY)
    clients, sessions = data.with_ids()
    shown = [e for e in strategy_estimates(clients, sessions) if e.shown]
    for e in shown:
        if e.strategy == PLANTED_STRATEGY:
            assert e.ci_low > 1.0 and abs(e.estimate - PLANTED_EFFECT) < 0.2, e
        else:
            assert abs(e.estimate) < 0.2, e
    others = [e for e in shown if e.strategy != PLANTED_STRATEGY]
    assert sum(not e.excludes_zero for e in others) >= 0.8 * len(others)


def test_optional_dimensions_present_on_most_sessions(big):
    n = len(big.sessions)
    assert sum(s.goal_alignment is not None for _, s in big.sessions) > 0.8 * n
    assert sum(s.approach_fit is not None for _, s in big.sessions) > 0.8 * n
    assert all(45 <= s.duration_min <= 60 for _, s in big.sessions)
    modalities = Counter(s.modality for _, s in big.sessions)
    assert modalities["in_person"] + modalities["video"] > 0.9 * n


def test_ruptures_use_markers_of_their_type_and_repair_strategies(big):
    repair = {s.key for s in BUILTIN if s.group == "repair"}
    ruptures = [r for _, s in big.sessions for r in s.ruptures]
    assert {r.type for r in ruptures} == {"withdrawal", "confrontation"}
    assert {r.resolution for r in ruptures} == set(Resolution)
    for r in ruptures:
        assert r.markers and all(MARKER_TYPE[m] == r.type for m in r.markers)
        assert 1 <= r.salience <= 5
        assert set(r.repair_strategies) <= repair
        assert r.note.strip()
        if r.resolution != Resolution.NO:
            assert r.repair_strategies


def test_some_recent_ruptures_are_still_open(demo):
    recent_open = [
        code
        for code, sessions in by_client(demo).items()
        if any(r.resolution != Resolution.YES for s in sessions[-3:] for r in s.ruptures)
    ]
    assert len(recent_open) >= 2


def test_reflections_use_the_four_templates_with_their_own_sections(big):
    used = Counter(s.reflection.template for _, s in big.sessions)
    assert {"free", "quick", "gibbs", "rupture"} <= set(used)
    for _, s in big.sessions:
        keys = TEMPLATES_BY_KEY[s.reflection.template].section_keys()
        assert set(s.reflection.sections) <= set(keys)
        if s.reflection.template != "free":
            assert set(s.reflection.sections) == set(keys)
    rupture_written = [s for _, s in big.sessions if s.reflection.template == "rupture"]
    assert all(s.ruptures for s in rupture_written)


def test_text_is_varied_and_has_words_people_search_for(big):
    texts = [s.reflection.plain_text() for _, s in big.sessions]
    assert len(set(texts)) > 0.8 * len(texts)
    corpus = "\n".join(texts).casefold()
    for word in ("sleep", "homework", "silence", "mother", "work"):
        assert word in corpus
    tags = Counter(t for _, s in big.sessions for t in s.tags)
    for tag in ("homework", "family", "sleep", "rupture", "anxiety"):
        assert tags[tag] > 0
    assert all(("rupture" in s.tags) == bool(s.ruptures) for _, s in big.sessions)


def test_a_few_sessions_are_marked_for_supervision(big):
    share = sum(s.supervision for _, s in big.sessions) / len(big.sessions)
    assert 0.02 <= share <= 0.10
