"""Issue 15, insights computed once per change: the app's refresh and ``alliance-cli
stats`` share the strategy estimates (the costly bootstrap), kept in the vault.

The app keeps the estimates it computed; a refresh of unchanged data takes them
instead of running the bootstrap again, and ``stats`` run beside the open app (which
may not write itself) takes them too and prints exactly what it would have computed.
The whole refresh, estimates and keeping included, keeps a 10 ms heartbeat within
100 ms on a 200 × 100 vault.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from support import DEMO_PASSPHRASE

from alliance_desktop.app import analysis as caseload
from alliance_desktop.app.changes import Changes
from alliance_desktop.cli.stats import stats_report
from alliance_desktop.gui import operations
from alliance_desktop.insights import strategy_estimates
from alliance_desktop.vault import Vault
from alliance_desktop.vault.demo import create_demo_vault
from alliance_desktop.vault.file_identity import set_read_only
from tests.gui.heartbeat import Heartbeat, holds_the_bound, settled


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo200") / "demo.alliance"
    create_demo_vault(path, DEMO_PASSPHRASE, clients=200, sessions=100, seed=15).close()
    return path


def _kept(path: Path) -> dict[str, tuple[int, str]]:
    """What the vault keeps, read the way a second process would."""
    with Vault.open(path, DEMO_PASSPHRASE) as reader:
        found = reader.conn.execute("SELECT name, counter, key FROM analysis_cache")
        return {name: (counter, key) for name, counter, key in found}


def _current(ctl) -> tuple[int, str]:
    return ctl.vault.change_counter(), caseload.cache_key(date.today(), False)


def _refreshed(hub, qtbot) -> None:
    """Until the refresh, its estimates and the keeping after them are all done."""
    qtbot.waitUntil(lambda: hub.estimatesReady() and not hub.isAnalysing(), timeout=30000)


def _shown_and_refreshed(open_demo, qtbot):
    """The demo's window shown, its first refresh done and kept."""
    ctl = open_demo(refresh=False, shown=True)
    _refreshed(ctl.window.insights, qtbot)
    return ctl, ctl.window.insights


@pytest.fixture
def bootstraps(monkeypatch) -> list[int]:
    """Counts the runs of the strategy bootstrap (in any thread)."""
    runs: list[int] = []
    real = strategy_estimates.strategy_estimates_by_client

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(strategy_estimates, "strategy_estimates_by_client", counted)
    return runs


def test_stats_beside_the_open_app_takes_the_estimates_the_app_computed(
    open_demo, qtbot, bootstraps
):
    ctl, hub = _shown_and_refreshed(open_demo, qtbot)
    assert len(bootstraps) == 1
    assert _kept(ctl.vault_path) == {caseload.ESTIMATES_NAME: _current(ctl)}
    with Vault.open(ctl.vault_path, DEMO_PASSPHRASE) as reader:  # `alliance-cli stats`
        printed = stats_report(reader, as_json=True)
        assert len(bootstraps) == 1  # the app's estimates, no bootstrap of its own
        computed = caseload.compute(reader)
        assert printed == computed.document_json
        assert caseload.caseload_analysis(reader).estimates == hub.analysis.estimates
    # What the app shows and what stats says agree, client by client.
    for ci in hub.analysis.clients.values():
        entry = computed.client(ci.client.code)
        assert entry is not None
        assert entry["open_ruptures"] == ci.open_ruptures
        assert len(entry["alerts"]) == len(ci.alerts)


def test_unchanged_data_takes_the_kept_estimates_and_a_change_computes_them(
    open_demo, qtbot, bootstraps
):
    ctl, hub = _shown_and_refreshed(open_demo, qtbot)
    assert len(bootstraps) == 1
    first = hub.analysis
    # Lock and unlock: the same data, so the same estimates, without the bootstrap.
    ctl.lock()
    ctl.start(Vault.open(ctl.vault_path, DEMO_PASSPHRASE))
    hub = ctl.window.insights
    _refreshed(hub, qtbot)
    assert len(bootstraps) == 1
    assert hub.analysis is not first and hub.analysis.estimates == first.estimates
    # A change of the data: computed again, and kept at the new counter.
    client = next(c for c in ctl.vault.clients() if not c.is_practice)
    ctl.vault.save_client(dataclasses.replace(client, goals="Seen again"))
    operations.events().vaultChanged.emit(Changes(clients=True))
    qtbot.waitUntil(lambda: hub.analysis is not None and hub.isRefreshing(), timeout=5000)
    _refreshed(hub, qtbot)
    assert len(bootstraps) == 2
    assert _kept(ctl.vault_path)[caseload.ESTIMATES_NAME] == _current(ctl)


def test_a_kept_result_from_another_day_or_language_is_not_used(open_demo, qtbot, bootstraps):
    ctl = open_demo(refresh=False, shown=True)
    hub = ctl.window.insights
    counter = ctl.vault.change_counter()
    ctl.vault.store_results(counter, "format=2;today=2000-01-01;practice=0;lang=de",
                            {caseload.ESTIMATES_NAME: "[]"})  # fmt: skip
    _refreshed(hub, qtbot)
    assert len(bootstraps) == 1 and hub.analysis.estimates  # computed, not the stale []
    assert _kept(ctl.vault_path)[caseload.ESTIMATES_NAME] == _current(ctl)


def test_a_damaged_kept_row_is_computed_again(open_demo, qtbot, bootstraps):
    ctl = open_demo(refresh=False, shown=True)
    hub = ctl.window.insights
    _refreshed(hub, qtbot)
    ctl.vault.conn.execute(
        "UPDATE analysis_cache SET payload = '[[\"x\"]]' WHERE name = ?",
        (caseload.ESTIMATES_NAME,),
    )
    caseload.forget(ctl.vault)
    hub.refresh()
    _refreshed(hub, qtbot)
    assert len(bootstraps) == 2 and hub.analysis.estimates


def test_a_read_only_session_keeps_nothing(open_demo, qtbot):
    ctl = open_demo(refresh=False)
    before = ctl.vault_path.read_bytes()
    set_read_only(ctl.vault)  # as when another device has the vault open
    ctl.window.show()
    qtbot.waitExposed(ctl.window)
    _refreshed(ctl.window.insights, qtbot)
    assert ctl.window.insights.analysis.estimates
    assert ctl.vault_path.read_bytes() == before


def test_the_whole_refresh_with_its_keeping_keeps_the_window_turning(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True)
    hub = ctl.window.insights

    def once(beat: Heartbeat) -> None:
        _refreshed(hub, qtbot)
        settled(ctl, qtbot)
        caseload.forget(ctl.vault)
        client = next(c for c in ctl.vault.clients() if not c.is_practice)
        ctl.vault.save_client(dataclasses.replace(client, goals=f"Goal {len(beat.marks)}"))

        def change_and_keep() -> None:
            operations.events().vaultChanged.emit(Changes(clients=True))
            qtbot.waitUntil(hub.isRefreshing, timeout=5000)
            _refreshed(hub, qtbot)
            # Read through the app's own connection: opening another costs the key derivation.
            kept = "SELECT counter FROM analysis_cache WHERE name = ?"
            qtbot.waitUntil(
                lambda: (
                    ctl.vault.conn.execute(kept, (caseload.ESTIMATES_NAME,)).fetchone()[0]
                    == ctl.vault.change_counter()
                ),
                timeout=5000,
            )

        beat.during(change_and_keep)

    holds_the_bound("refresh, estimates and keeping after a change", once, qtbot)
