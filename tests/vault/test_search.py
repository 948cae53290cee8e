"""Full-text search as a therapist uses it: typing into a box, words in any field."""

from __future__ import annotations

from datetime import date

import pytest
from support import make_session

from alliance_desktop.domain import Client, Reflection, Resolution, Rupture, RuptureType
from alliance_desktop.vault import Vault
from alliance_desktop.vault.search import MATCH_END, MATCH_START, fts_query


@pytest.fixture
def filled(vault: Vault):
    wren = vault.save_client(Client("Wren 01", goals="Return to swimming at the lido"))
    ash = vault.save_client(Client("Ash 07", goals="Fewer arguments with the landlord"))
    s1 = vault.save_session(
        make_session(
            wren.id,
            date(2026, 1, 5),
            reflection=Reflection(
                "gibbs",
                {"description": "She described the lighthouse trip", "feelings": "I felt hopeful"},
            ),
            tags=("grief",),
        )
    )
    s2 = vault.save_session(
        make_session(
            ash.id,
            date(2026, 1, 12),
            reflection=Reflection("free", {"text": "Café conversation about his père"}),
            ruptures=[
                Rupture(
                    RuptureType.CONFRONTATION,
                    Resolution.PARTIAL,
                    note="He rejected the breathing exercise",
                )
            ],
            tags=("anger", "work-stress"),
        )
    )
    return vault, wren, ash, s1, s2


def _sessions(hits):
    return [h.session_id for h in hits if h.kind == "session"]


def test_finds_words_in_every_searchable_field(filled):
    vault, wren, _ash, s1, s2 = filled
    assert _sessions(vault.search("lighthouse")) == [s1.id]  # reflection section
    assert _sessions(vault.search("hopeful")) == [s1.id]  # another section
    assert _sessions(vault.search("breathing")) == [s2.id]  # rupture note
    assert _sessions(vault.search("grief")) == [s1.id]  # tag
    assert _sessions(vault.search("work-stress")) == [s2.id]  # tag with a hyphen
    [goal_hit] = vault.search("lido")  # client goals
    assert (goal_hit.kind, goal_hit.client_id, goal_hit.client_code) == (
        "client",
        wren.id,
        "Wren 01",
    )
    assert goal_hit.session_id is None and goal_hit.date is None
    [hit] = vault.search("lighthouse")
    assert (hit.client_code, hit.date) == ("Wren 01", date(2026, 1, 5))


def test_every_word_must_match_and_the_last_is_a_prefix(filled):
    vault, _wren, _ash, s1, _s2 = filled
    assert _sessions(vault.search("light")) == [s1.id]
    assert _sessions(vault.search("described light")) == [s1.id]
    assert _sessions(vault.search("light described")) == []  # only the last word is a prefix
    assert _sessions(vault.search("lighthouse breathing")) == []  # no session has both
    assert vault.search("   ") == []
    assert vault.search("") == []


def test_case_and_diacritics_do_not_matter(filled):
    vault, _wren, _ash, _s1, s2 = filled
    for typed in ("cafe", "CAFÉ", "Café", "pere", "PÈRE", "caf"):
        assert _sessions(vault.search(typed)) == [s2.id], typed


USER_SYNTAX = [
    "AND",
    "lighthouse AND",
    "OR NOT",
    "NEAR(",
    "NEAR(lighthouse trip, 2)",
    '"',
    '"lighthouse',
    "*",
    "light*",
    "'; DROP TABLE sessions; --",
    '"; DELETE FROM clients; --',
    "col:word",
    "body:lighthouse",
    "-",
    "-lighthouse",
    "^",
    "^lighthouse",
    "(",
    ")",
    "{body}: x",
    "a + b",
    "_",
    "snake_case",
    "\x00",
    "🦉",
    MATCH_START,
    "x" * 5000,
]


def test_syntax_typed_by_a_user_never_breaks_search(filled):
    vault, _wren, _ash, s1, _s2 = filled
    for typed in USER_SYNTAX:
        hits = vault.search(typed)  # must not raise
        assert isinstance(hits, list), typed
        # The vault is intact and search still works afterwards.
        assert vault.session_count() == 2, typed
        assert len(vault.clients()) == 2, typed
        assert _sessions(vault.search("lighthouse")) == [s1.id], typed
    assert vault.verify() == []


def test_operators_are_searched_as_plain_words(vault: Vault, client: Client):
    s = vault.save_session(
        make_session(client.id, reflection=Reflection("free", {"text": "Near the end, and or not"}))
    )
    assert _sessions(vault.search("NEAR")) == [s.id]
    assert _sessions(vault.search("and OR not")) == [s.id]
    assert _sessions(vault.search('"end"')) == [s.id]


def test_results_follow_edits_and_deletes(filled):
    vault, _wren, ash, s1, s2 = filled
    s1.reflection = Reflection("free", {"text": "We spoke about the allotment"})
    s1.tags = ()
    vault.save_session(s1)
    assert vault.search("lighthouse") == []
    assert vault.search("grief") == []
    assert _sessions(vault.search("allotment")) == [s1.id]

    ash.goals = "Sleep before midnight"
    vault.save_client(ash)
    assert vault.search("landlord") == []
    assert [h.client_id for h in vault.search("midnight")] == [ash.id]

    vault.delete_session(s2.id)
    assert vault.search("breathing") == []
    assert vault.search("cafe") == []


def test_snippet_brackets_the_matched_words(filled):
    vault, *_ = filled
    [hit] = vault.search("lightho")
    assert MATCH_START + "lighthouse" + MATCH_END in hit.snippet
    assert hit.matched_words() == ["lighthouse"]
    assert MATCH_START not in hit.plain_snippet()
    assert "She described the lighthouse trip" in hit.plain_snippet()

    [hit] = vault.search("described trip")
    assert hit.matched_words() == ["described", "trip"]


def test_results_limit(vault: Vault, client: Client):
    for day in range(1, 6):
        vault.save_session(
            make_session(
                client.id, date(2026, 1, day), reflection=Reflection("free", {"text": "orchard"})
            )
        )
    assert len(vault.search("orchard")) == 5
    assert len(vault.search("orchard", limit=2)) == 2


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("hello", '"hello"*'),
        ("two words", '"two" "words"*'),
        ('say "hi"', '"say" "hi"*'),
        ("NEAR(a, b)", '"NEAR" "a" "b"*'),
        ("!!!", None),
        ("", None),
    ],
)
def test_fts_query_quotes_every_word(typed: str, query: str | None):
    assert fts_query(typed) == query
