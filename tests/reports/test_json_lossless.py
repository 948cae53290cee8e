"""The JSON export carries plans and past packets; hostile JSON is refused by path.

Export -> import into an empty vault -> export gives the same document apart from
``exported_at``; any value a file may hold (lone surrogates, dates past year 9999,
integers too big for a float, rows that are not objects, settings the dialog would
refuse) becomes a located ``path: message`` and nothing is written.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain import Resolution, Rupture, RuptureType, ValidationError
from alliance_desktop.reports.exporter import export_bytes, render_json
from alliance_desktop.reports.importer import ImportResult, import_bytes
from alliance_desktop.reports.json_format import FORMAT, VERSION
from alliance_desktop.vault import Vault
from alliance_desktop.vault.demo import create_demo_vault

PASSPHRASE = "correct staple battery orbit"


def _doc(vault: Vault) -> dict:
    doc = json.loads(render_json(vault))
    doc.pop("exported_at")
    return doc


def _state(vault: Vault) -> tuple:
    """Everything an import could change, to show that a refused one changed nothing."""
    return (
        [c.code for c in vault.clients()],
        vault.session_count(),
        {c.id: vault.plan(c.id) for c in vault.clients() if c.id is not None},
        vault.packets(),
        vault.settings(),
        [s.key for s in vault.custom_strategies()],
        len(vault.audit_log()),
    )


def _file(**top) -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION, **top}).encode()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("lossless") / "demo.alliance"
    vault = create_demo_vault(path, PASSPHRASE, clients=3, sessions=5, seed=11,
                              today=date(2026, 3, 20))  # fmt: skip
    clients = [c for c in vault.clients() if not c.is_practice]
    keys = sorted(vault.strategy_catalogue())
    vault.add_to_plan(clients[0].id, keys[3], "try after the break")
    vault.add_to_plan(clients[0].id, keys[1], "")  # plan order is not key order
    vault.add_to_plan(clients[2].id, keys[0], "if the rupture returns")
    vault.save_packet_record(range_from=date(2026, 1, 5), range_to=date(2026, 3, 1),
                             client_count=2, questions=("Why does A go quiet?", "Pace?"),
                             created_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC))  # fmt: skip
    vault.save_packet_record(range_from=None, range_to=None, client_count=3, questions=())
    # The v3 fields, set here whatever the demo itself holds.
    sessions = vault.sessions(clients[1].id)
    sessions[0].outcome_rating = 17.5
    sessions[0].ruptures = [Rupture(RuptureType.WITHDRAWAL, Resolution.PARTIAL, ("denial",))]
    vault.save_session(sessions[0])
    vault.mark_rupture_repaired(vault.session(sessions[0].id).ruptures[0].id, sessions[2].date)
    yield vault
    vault.close()


@pytest.fixture
def empty(tmp_path: Path):
    v = Vault.create(tmp_path / "empty.alliance", PASSPHRASE)
    yield v
    v.close()


def test_plans_and_packets_are_in_the_export(demo: Vault) -> None:
    doc = _doc(demo)
    clients = [c for c in demo.clients() if not c.is_practice]
    keys = sorted(demo.strategy_catalogue())
    mine = [p for p in doc["plans"] if p["client"] == clients[0].code]
    assert [(p["strategy"], p["note"]) for p in mine] == [
        (keys[3], "try after the break"),
        (keys[1], ""),
    ]
    assert all(p["created_at"] for p in doc["plans"])
    first = dict(next(p for p in doc["packets"] if p["questions"]))
    assert len(first.pop("uuid")) == 32
    assert first == {
        "created_at": "2026-03-02T09:30:00.000000+00:00",
        "range_from": "2026-01-05",
        "range_to": "2026-03-01",
        "client_count": 2,
        "questions": ["Why does A go quiet?", "Pace?"],
    }
    assert any(p["range_from"] is None and p["client_count"] == 3 for p in doc["packets"])


def test_export_import_export_is_the_same_document(demo: Vault, empty: Vault) -> None:
    before = _doc(demo)
    result = import_bytes(empty, export_bytes(demo, "json"), "json")
    assert isinstance(result, ImportResult)
    assert result.plans == len(before["plans"]) >= 3
    assert result.packets == len(before["packets"])
    assert _doc(empty) == before
    # Importing the same file again adds nothing: plan items and packets are known.
    again = import_bytes(empty, export_bytes(demo, "json"), "json")
    assert (again.sessions, again.plans, again.packets) == (0, 0, 0)
    assert _doc(empty) == before


def test_outcome_ratings_and_later_repairs_are_in_the_export(demo: Vault) -> None:
    doc = _doc(demo)
    assert VERSION >= 3
    assert all("outcome_rating" in s for s in doc["sessions"])
    assert 17.5 in {s["outcome_rating"] for s in doc["sessions"]}
    ruptures = [r for s in doc["sessions"] for r in s["ruptures"]]
    assert all("resolved_on" in r for r in ruptures)
    assert any(r["resolved_on"] for r in ruptures)


def test_an_outcome_is_checked_against_the_files_own_outcome_scale(empty: Vault) -> None:
    data = _file(
        settings={"outcome.max": 100, "outcome.cutoff": 50},
        sessions=[{**SESSION, "outcome_rating": 80}],
    )
    assert import_bytes(empty, data, "json").sessions == 1
    assert empty.sessions()[0].outcome_rating == 80
    assert empty.outcome_scale().maximum == 100


def test_a_version_2_file_without_the_new_fields_still_imports(empty: Vault) -> None:
    data = json.dumps({"format": FORMAT, "version": 2, "sessions": [
        {**SESSION, "ruptures": [{"type": "withdrawal", "resolution": "no"}]}]}).encode()  # fmt: skip
    assert import_bytes(empty, data, "json").sessions == 1
    (session,) = empty.sessions()
    assert session.outcome_rating is None and session.ruptures[0].resolved_on is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"outcome_rating": 1e309', "sessions[0].outcome_rating: must be a number from 0 to 40"),
        ('"outcome_rating": -1', "sessions[0].outcome_rating: must be from 0 to 40"),
        ('"outcome_rating": "abc"', "sessions[0].outcome_rating: must be a number"),
        ('"outcome_rating": 10e400', "sessions[0].outcome_rating: must be a number"),
        ('"ruptures": [{"type": "withdrawal", "resolution": "no", "resolved_on": "2024-13-45"}]',
         "sessions[0].ruptures[0].resolved_on: must be a date written YYYY-MM-DD"),
        ('"ruptures": [{"type": "withdrawal", "resolution": "no", "resolved_on": "2024-12-31"}]',
         "sessions[0].ruptures[0].resolved_on: cannot be before the session's date"),
        ('"ruptures": [{"type": "withdrawal", "resolution": "no", "resolved_on": "9999-01-01"}]',
         "sessions[0].ruptures[0].resolved_on: cannot be in the future"),
        ('"ruptures": [{"type": "withdrawal", "resolution": "no", "resolved_on": 20250102}]',
         "sessions[0].ruptures[0].resolved_on: must be a date written YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_hostile_outcome_and_repair_values_are_located(
    empty: Vault, raw: str, expected: str
) -> None:
    data = (
        '{"format": "alliance-desktop-export", "version": 3, "sessions": '
        '[{"client": "A", "date": "2025-01-01", "trust": 5, "engagement": 5, ' + raw + "}]}"
    ).encode()
    messages = _problems(empty, data)
    assert messages == [expected] or any(m.startswith(expected) for m in messages), messages
    assert len(messages) == 1, messages


def test_a_version_1_file_without_plans_still_imports(empty: Vault) -> None:
    data = json.dumps({"format": FORMAT, "version": 1, "sessions": [
        {"client": "A", "date": "2025-01-01", "trust": 5, "engagement": 5}]}).encode()  # fmt: skip
    assert import_bytes(empty, data, "json").sessions == 1


def _problems(vault: Vault, data: bytes) -> list[str]:
    before = _state(vault)
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data, "json")
    assert _state(vault) == before  # nothing written
    messages = [str(p) for p in caught.value.problems]
    for m in messages:
        m.encode("utf-8")  # every message can be printed
    return messages


SESSION = {"client": "A", "date": "2025-01-01", "trust": 5, "engagement": 5}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"tags": ["\\ud800"]', "sessions[0].tags[0]: contains an unpaired surrogate"),
        ('"reflection": {"template": "free", "sections": {"text": "a\\udfff"}}',
         "sessions[0].reflection.sections.text: contains an unpaired surrogate"),
        ('"\\ud83d": 1', "sessions[0]: has a field name that contains an unpaired surrogate"),
    ],
)  # fmt: skip
def test_lone_surrogates_are_located(empty: Vault, raw: str, expected: str) -> None:
    data = (
        '{"format": "alliance-desktop-export", "version": 2, "sessions": '
        '[{"client": "A", "date": "2025-01-01", "trust": 5, "engagement": 5, ' + raw + "}]}"
    ).encode()
    messages = _problems(empty, data)
    assert any(m.startswith(expected) for m in messages), messages


def test_surrogates_in_plans_and_packets_are_located(empty: Vault) -> None:
    data = (
        b'{"format": "alliance-desktop-export", "version": 2, '
        b'"plans": [{"client": "A", "strategy": "x", "note": "\\udc00"}], '
        b'"packets": [{"created_at": "2026-01-01T00:00:00+00:00", "client_count": 1, '
        b'"questions": ["ok", "\\ud800?"]}]}'
    )
    messages = _problems(empty, data)
    assert [m.split(":")[0] for m in messages] == ["plans[0].note", "packets[0].questions[1]"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"date": "99999-01-01"}, "sessions[0].date: must be a date written YYYY-MM-DD"),
        ({"date": "2024-13-45"}, "sessions[0].date: must be a date written YYYY-MM-DD"),
        ({"date": "0000-01-01"}, "sessions[0].date: must be a date written YYYY-MM-DD"),
        ({"created_at": "9999-12-31T23:59:59-05:00"}, "sessions[0].created_at: must be a date"),
        ({"created_at": "0001-01-01T00:00:00+05:00"}, "sessions[0].created_at: must be a date"),
        ({"updated_at": "99999-01-01T00:00:00"}, "sessions[0].updated_at: must be a date"),
        ({"client_rating": 10**400}, "sessions[0].client_rating: must be a number"),
        ({"duration_min": 10**30}, "sessions[0].duration_min: must be"),
        ({"trust": 10**30}, "sessions[0].trust: must be a whole number"),
        ({"ruptures": [{"type": "withdrawal", "resolution": "yes", "salience": 10**40}]},
         "sessions[0].ruptures[0].salience"),
    ],
)  # fmt: skip
def test_overflowing_values_are_located(empty: Vault, fields: dict, expected: str) -> None:
    messages = _problems(empty, _file(sessions=[{**SESSION, **fields}]))
    assert any(m.startswith(expected) for m in messages), messages


def test_overflowing_plan_and_packet_values_are_located(empty: Vault) -> None:
    messages = _problems(empty, _file(
        sessions=[SESSION],
        plans=[{"client": "A", "strategy": "validate", "created_at": "0001-01-01T00:00+01:00"}],
        packets=[{"created_at": "2026-01-01T00:00:00", "client_count": 10**30},
                 {"created_at": "99999-01-01T00:00:00", "client_count": 1},
                 {"created_at": "2026-01-01T00:00:00", "client_count": 1,
                  "range_from": "2026-02-01", "range_to": "2026-01-01"}],
    ))  # fmt: skip
    heads = [m.split(":")[0] for m in messages]
    assert heads == [
        "plans[0].created_at",
        "packets[0].client_count",
        "packets[1].created_at",
        "packets[2].range_to",
    ], messages


def test_rows_that_are_not_objects_and_wrong_types(empty: Vault) -> None:
    messages = _problems(empty, _file(
        sessions=[1, "x", None, []],
        plans=[3, {"client": 7, "strategy": ["a"], "note": 5}],
        packets=["x", {"created_at": 5, "client_count": "2", "questions": "why?"}],
    ))  # fmt: skip
    for expected in (
        "sessions[0]: must be an object",
        "sessions[1]: must be an object",
        "sessions[2]: must be an object",
        "sessions[3]: must be an object",
        "plans[0]: must be an object",
        "plans[1].client: must be text",
        "plans[1].strategy: must be text",
        "plans[1].note: must be text",
        "packets[0]: must be an object",
        "packets[1].created_at: must be a date",
        "packets[1].client_count: must be a whole number",
        "packets[1].questions: must be a list of text",
    ):
        assert any(m.startswith(expected) for m in messages), (expected, messages)


def test_plans_must_name_known_clients_and_strategies(empty: Vault) -> None:
    messages = _problems(empty, _file(
        sessions=[SESSION],
        plans=[{"client": "Nobody", "strategy": "validate"},
               {"client": "a", "strategy": "no_such_strategy"},
               {"client": "A", "strategy": "validate"},
               {"client": "A", "strategy": "validate"}],
    ))  # fmt: skip
    assert "validate" in empty.strategy_catalogue()
    assert messages[0] == "plans[0].client: 'Nobody' is not a client in the file or the vault"
    assert messages[1] == "plans[1].strategy: 'no_such_strategy' is not a known strategy"
    assert messages[-1] == "plans[3].strategy: appears twice in the same client's plan"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"client_rating_max": "high"}, "settings.client_rating_max:"),
        ({"colour": "blue"}, "settings.colour: is not a setting this version knows"),
        ({"redaction_list": ["x" * 500]}, "settings.redaction_list:"),
        ({"insights.drop_window": -3}, "settings.insights.drop_window:"),
        ({"client_rating_max": 10, "client_rating_threshold": 20},
         "settings.client_rating_threshold:"),
        ({"outcome.max": 20}, "settings.outcome.max:"),
        ({"outcome.reliable_change": 0}, "settings.outcome.reliable_change:"),
        ({"feedback.card_for_all": "yes"}, "settings.feedback.card_for_all:"),
    ],
)  # fmt: skip
def test_imported_settings_are_validated(empty: Vault, values: dict, expected: str) -> None:
    messages = _problems(empty, _file(settings=values, sessions=[SESSION]))
    assert any(m.startswith(expected) for m in messages), messages


def test_valid_settings_are_applied_as_given(empty: Vault) -> None:
    values = {"client_rating_max": 40.0, "client_rating_threshold": 30.0,
              "redaction_list": ["Kestrel Bay"], "insights.drop_window": 4}  # fmt: skip
    result = import_bytes(empty, _file(settings=values, sessions=[SESSION]), "json")
    assert result.settings_applied
    stored = empty.settings()
    assert {k: stored[k] for k in values} == values


# -- property tests --------------------------------------------------------------------

_SURROGATE = st.sampled_from(["\ud800", "a\udfffb", "\udc80"])
_HOSTILE_TEXT = st.one_of(st.text(max_size=12), _SURROGATE, st.just("\x00"),
                          st.sampled_from(["99999-01-01", "2024-13-45", "0001-01-01T00:00+05:00",
                                           "9999-12-31T23:59:59-05:00", "2026-02-30",
                                           "2025-01-01", "2025-01-01T10:00:00+00:00"]))  # fmt: skip
_HOSTILE_SCALAR = st.one_of(
    st.none(), st.booleans(), _HOSTILE_TEXT,
    st.integers(min_value=-(10**40), max_value=10**40), st.just(10**400),
    st.floats(allow_nan=False, allow_infinity=False),
)  # fmt: skip
_HOSTILE = st.recursive(
    _HOSTILE_SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.text(max_size=8), _SURROGATE), inner, max_size=3),
    ),
    max_leaves=8,
)
_SESSION_FIELDS = ("client", "date", "duration_min", "modality", "trust", "engagement",
                   "client_rating", "supervision", "strategies", "tags", "reflection",
                   "ruptures", "created_at", "updated_at")  # fmt: skip
_ROW = st.one_of(
    _HOSTILE,
    st.builds(
        lambda extra: {**SESSION, "client": "P", **extra},
        st.fixed_dictionaries({}, optional={k: _HOSTILE for k in _SESSION_FIELDS}),
    ),
)
_PLAN = st.fixed_dictionaries(
    {}, optional={k: _HOSTILE for k in ("client", "strategy", "note", "created_at")}
)
_PACKET = st.fixed_dictionaries(
    {},
    optional={k: _HOSTILE for k in ("created_at", "range_from", "range_to", "client_count",
                                    "questions")},
)  # fmt: skip


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):
    v = Vault.create(tmp_path_factory.mktemp("hostile") / "v.alliance", PASSPHRASE)
    yield v
    v.close()


def _encode(doc: dict) -> bytes:
    # ASCII with escapes: the file holds "\\ud800" as a hostile program would write it.
    return json.dumps(doc, ensure_ascii=True).encode("ascii")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    sessions=st.lists(_ROW, max_size=3),
    plans=st.lists(st.one_of(_PLAN, _HOSTILE), max_size=2),
    packets=st.lists(st.one_of(_PACKET, _HOSTILE), max_size=2),
    settings_value=st.one_of(st.none(), _HOSTILE),
)
def test_hostile_documents_are_imported_or_refused_by_path(
    shared: Vault, sessions: list, plans: list, packets: list, settings_value: object
) -> None:
    doc: dict = {"format": FORMAT, "version": VERSION, "sessions": sessions, "plans": plans,
                 "packets": packets}  # fmt: skip
    if settings_value is not None:
        doc["settings"] = settings_value
    before = _state(shared)
    try:
        result = import_bytes(shared, _encode(doc), "json", today=date(2026, 1, 1))
    except ValidationError as exc:
        assert exc.problems
        assert _state(shared) == before
        for problem in exc.problems:
            str(problem).encode("utf-8")  # printable: no surrogate reaches a message
        return
    assert isinstance(result, ImportResult)
    render_json(shared).encode("utf-8")  # what was imported exports again
