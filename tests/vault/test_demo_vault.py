"""A demo vault is a real encrypted vault holding the whole generated caseload."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_desktop.domain.demo import generate
from alliance_desktop.vault import Vault, VaultExistsError, WrongPassphraseError
from alliance_desktop.vault.demo import create_demo_vault

TODAY = date(2026, 3, 2)


def test_demo_vault_holds_every_generated_client_and_session(vault_path, passphrase):
    expected = generate(clients=6, sessions=10, seed=3, today=TODAY)
    with create_demo_vault(
        vault_path, passphrase, clients=6, sessions=10, seed=3, today=TODAY
    ) as vault:
        summaries = vault.client_summaries()
        assert sorted(s.client.code for s in summaries) == sorted(c.code for c in expected.clients)
        assert all(s.sessions == 10 for s in summaries)
        assert all(s.first_session == s.client.start_date for s in summaries)
        stored = vault.sessions()
        assert len(stored) == 60
        assert sum(len(s.ruptures) for s in stored) == sum(
            len(s.ruptures) for _, s in expected.sessions
        )


def test_demo_vault_reopens_only_with_its_passphrase(vault_path, passphrase):
    create_demo_vault(vault_path, passphrase, clients=2, sessions=3, today=TODAY).close()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, passphrase + " not")
    with Vault.open(vault_path, passphrase) as vault:
        assert vault.session_count() == 6


@pytest.mark.parametrize("word", ["homework", "silence", "sleep", "mother"])
def test_search_finds_common_words_in_the_demo(vault_path, passphrase, word):
    with create_demo_vault(vault_path, passphrase, clients=12, sessions=24, today=TODAY) as v:
        hits = v.search(word)
        assert hits
        assert any(word in h.plain_snippet().casefold() for h in hits)


def test_demo_never_overwrites_an_existing_file(vault_path, passphrase):
    vault_path.write_bytes(b"someone's real vault")
    with pytest.raises(VaultExistsError):
        create_demo_vault(vault_path, passphrase, clients=1, sessions=1)
    assert vault_path.read_bytes() == b"someone's real vault"
