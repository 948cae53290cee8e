"""app.analysis.caseload_analysis: computed once per change of the data, kept inside
the vault, and exactly what ``stats`` prints."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import PASSPHRASE, make_session

from alliance_desktop.app import analysis
from alliance_desktop.cli.stats import stats_report
from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault

TODAY = date(2026, 3, 30)


@pytest.fixture
def filled(vault: Vault) -> Vault:
    for code in ("Ash 07", "Bryn 02"):
        c = vault.save_client(Client(code))
        for week in range(8):
            day = TODAY - timedelta(weeks=8 - week)
            vault.save_session(
                make_session(c.id, day, trust=3 + week % 5, strategies=("validate",))
            )
    return vault


def _stored(vault: Vault) -> list[tuple[int, str]]:
    """The kept analysis's counter and key (the document's row; its estimates' row
    always goes with it)."""
    found = list(vault.conn.execute("SELECT name, counter, key FROM analysis_cache"))
    assert len({(counter, key) for _name, counter, key in found}) <= 1
    return [(counter, key) for name, counter, key in found if name == analysis.CACHE_NAME]


def test_computed_once_then_served_from_the_vault(filled: Vault):
    first = analysis.caseload_analysis(filled, today=TODAY)
    assert not first.from_cache
    assert _stored(filled) == [(filled.change_counter(), analysis.cache_key(TODAY, False))]
    analysis.forget(filled)  # as a new process would
    again = analysis.caseload_analysis(filled, today=TODAY)
    assert again.from_cache
    assert again.document_json == first.document_json
    assert again.strategy_text == first.strategy_text
    assert [c["code"] for c in again.clients] == ["Ash 07", "Bryn 02"]


def test_a_change_of_the_data_is_seen_at_once(filled: Vault):
    before = analysis.caseload_analysis(filled, today=TODAY)
    ash = filled.client_by_code("Ash 07")
    filled.save_session(make_session(ash.id, TODAY, trust=1))
    after = analysis.caseload_analysis(filled, today=TODAY)
    assert not after.from_cache
    assert after.client("ash 07")["sessions"] == before.client("Ash 07")["sessions"] + 1
    assert after.counter > before.counter


def test_a_change_made_through_another_connection_is_seen(vault_path, filled: Vault):
    analysis.caseload_analysis(filled, today=TODAY)
    with Vault.open(vault_path, PASSPHRASE) as other:
        other.save_client(Client("Cato 11"))
    result = analysis.caseload_analysis(filled, today=TODAY)
    assert not result.from_cache
    assert result.client("Cato 11") is not None


def test_another_day_or_practice_setting_is_computed_apart(filled: Vault):
    analysis.caseload_analysis(filled, today=TODAY)
    other_day = analysis.caseload_analysis(filled, today=TODAY + timedelta(days=1))
    assert not other_day.from_cache
    with_practice = analysis.caseload_analysis(filled, today=TODAY, include_practice=True)
    assert not with_practice.from_cache and with_practice.include_practice


def test_a_damaged_cache_row_is_computed_again(filled: Vault):
    first = analysis.caseload_analysis(filled, today=TODAY)
    filled.conn.execute("UPDATE analysis_cache SET payload = 'not json'")
    analysis.forget(filled)
    again = analysis.caseload_analysis(filled, today=TODAY)
    assert not again.from_cache
    assert again.document == first.document


def test_stats_prints_the_same_cold_and_warm(filled: Vault):
    cold_json = stats_report(filled, as_json=True, today=TODAY)
    cold_text = stats_report(filled, today=TODAY)
    one = stats_report(filled, as_json=True, client="bryn 02", today=TODAY)
    analysis.forget(filled)
    assert stats_report(filled, as_json=True, today=TODAY) == cold_json
    assert stats_report(filled, today=TODAY) == cold_text
    assert stats_report(filled, as_json=True, client="bryn 02", today=TODAY) == one
    doc = json.loads(one)
    assert [c["code"] for c in doc["clients"]] == ["Bryn 02"]
    assert doc["vault"]["clients"] == 2
    assert "Strategy outcomes" in cold_text


def test_a_vault_another_writer_holds_still_gets_its_analysis(vault_path, filled: Vault):
    with Vault.open(vault_path, PASSPHRASE) as other, other.transaction():
        other.save_client(Client("Cato 11"))  # uncommitted: the write lock is held
        result = analysis.caseload_analysis(filled, today=TODAY)
        assert [c["code"] for c in result.clients] == ["Ash 07", "Bryn 02"]
    assert _stored(filled) == []  # not kept, and nothing waited for long
    assert analysis.caseload_analysis(filled, today=TODAY).client("Cato 11") is not None


def test_a_write_from_another_process_meanwhile_is_no_error(vault_path, filled: Vault):
    import subprocess
    import sys

    script = (
        "import sys; from alliance_desktop.vault import Vault; "
        "from alliance_desktop.domain import Client; "
        "v = Vault.open(sys.argv[1], sys.argv[2]); v.save_client(Client('Cato 11')); v.close()"
    )
    subprocess.run([sys.executable, "-c", script, str(vault_path), PASSPHRASE], check=True)
    result = analysis.caseload_analysis(filled, today=TODAY)  # reads, then cannot keep it
    assert result.client("Cato 11") is not None
    assert _stored(filled) == []  # this process's view is stale: not kept


def test_stats_beside_the_open_app_keeps_nothing_and_never_trips_the_app(vault_path, filled: Vault):
    from alliance_desktop.vault.writer_lock import WriterLock

    filled.close()
    app = Vault.open(vault_path, PASSPHRASE, lock=WriterLock.acquire(vault_path))
    try:
        before = vault_path.read_bytes()
        with Vault.open(vault_path, PASSPHRASE) as reader:  # `alliance-cli stats`
            result = analysis.caseload_analysis(reader, today=TODAY)
            assert [c["code"] for c in result.clients] == ["Ash 07", "Bryn 02"]
            assert _stored(reader) == []
        assert vault_path.read_bytes() == before  # the app's file is as it knows it
        app.save_client(Client("Cato 11"))  # no "changed on another device"
    finally:
        app.close()
    with Vault.open(vault_path, PASSPHRASE) as reader:  # the app gone: kept this time
        analysis.caseload_analysis(reader, today=TODAY)
        assert len(_stored(reader)) == 1


def test_the_estimates_are_kept_at_full_precision_and_apart(filled: Vault):
    cato = filled.save_client(Client("Cato 11"))  # three clients: enough for an estimate
    for week in range(8):
        day = TODAY - timedelta(weeks=8 - week)
        filled.save_session(
            make_session(cato.id, day, trust=2 + week % 3, strategies=("validate",))
        )
    computed = analysis.caseload_analysis(filled, today=TODAY)
    assert computed.estimates and any(e.shown for e in computed.estimates)
    analysis.forget(filled)
    whole = analysis.lookup(filled, today=TODAY)
    assert whole.result is not None and whole.result.estimates == computed.estimates
    analysis.forget(filled)
    alone = analysis.lookup(filled, today=TODAY, whole=False)  # the GUI's refresh
    assert alone.result is None and analysis.estimates_of(alone.estimate_rows) == computed.estimates
    # The document's figures are rounded, the kept estimates are not.
    shown = next(e for e in computed.estimates if e.shown)
    entry = next(
        o for o in computed.strategy_outcomes
        if (o["strategy"], o["dimension"]) == (shown.strategy, shown.dimension)
    )  # fmt: skip
    assert entry["estimate"] == round(shown.estimate, 2)


def test_the_document_is_kept_compressed(filled: Vault):
    result = analysis.caseload_analysis(filled, today=TODAY)
    (payload,) = filled.conn.execute(
        "SELECT payload FROM analysis_cache WHERE name = ?", (analysis.CACHE_NAME,)
    ).fetchone()
    assert isinstance(payload, bytes) and len(payload) < len(result.document_json)


def test_keep_refuses_a_result_older_than_the_data(filled: Vault):
    result = analysis.compute(filled, today=TODAY)
    filled.save_client(Client("Cato 11"))
    assert not analysis.keep(filled, analysis.cache_key(TODAY, False), result)
    assert _stored(filled) == []
    assert analysis.caseload_analysis(filled, today=TODAY).client("Cato 11") is not None


@pytest.mark.parametrize(
    "payload",
    ["not json", "{}", "[[1]]", '[["a", "trust", 1, 1, "x", null, null, true]]',
     '[["a", "trust", 1.5, 1, 0.1, 0.0, 0.2, true]]', '[["a", "trust", 1, 1, 0.1, 0, 0.2, 1]]'],
)  # fmt: skip
def test_damaged_estimate_rows_are_not_used(filled: Vault, payload: str):
    counter = filled.change_counter()
    filled.store_result(analysis.ESTIMATES_NAME, counter, analysis.cache_key(TODAY, False), payload)
    found = analysis.lookup(filled, today=TODAY, whole=False)
    assert found.counter == counter and found.estimate_rows is None


_number = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(
    rows=st.lists(
        st.tuples(
            st.text(max_size=8), st.sampled_from(["trust", "engagement"]),
            st.integers(0, 10**6), st.integers(0, 10**4), _number, _number, _number,
            st.booleans(),
        ),
        max_size=12,
    )
)  # fmt: skip
def test_estimate_rows_round_trip_exactly(rows):
    result = analysis.CaseloadAnalysis(3, TODAY, False, "{}", ("x",) * len(rows), (), tuple(rows))
    decoded = analysis._decoded(result.packed, 3, TODAY, False)
    assert decoded is not None and decoded.from_cache
    assert decoded.estimate_rows == tuple(rows)
    assert analysis._decoded_rows(analysis._dumps([list(r) for r in rows])) == tuple(rows)


def test_the_kept_document_is_exactly_json_dumps_of_it(filled: Vault):
    result = analysis.compute(filled, today=TODAY)
    assert result.document_json == json.dumps(result.document, ensure_ascii=False)


def test_stats_takes_the_estimates_the_app_kept(filled: Vault, monkeypatch):
    from alliance_desktop.insights import strategy_estimates

    expected = analysis.compute(filled, today=TODAY)
    key = analysis.cache_key(TODAY, False)
    assert analysis.keep_estimates(filled, key, filled.change_counter(), expected.estimates)
    runs = []
    real = strategy_estimates.strategy_estimates_by_client
    monkeypatch.setattr(
        strategy_estimates, "strategy_estimates_by_client",
        lambda *a, **k: runs.append(1) or real(*a, **k),
    )  # fmt: skip
    served = analysis.caseload_analysis(filled, today=TODAY)
    assert runs == [] and not served.from_cache
    assert served.document_json == expected.document_json
    assert served.estimates == expected.estimates
    # Estimates kept for an older counter are not taken.
    filled.save_client(Client("Cato 11"))
    analysis.keep_estimates(filled, key, filled.change_counter() - 1, expected.estimates)
    analysis.caseload_analysis(filled, today=TODAY)
    assert runs == [1]
