"""Vault.transaction() composes: inner transactions are savepoints inside one commit."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault
from alliance_desktop.vault.errors import VaultBusyError

PASSPHRASE = "correct staple battery orbit"


def _codes(vault: Vault) -> list[str]:
    return [c.code for c in vault.clients()]


def test_repository_calls_inside_one_transaction_commit_together(vault: Vault, vault_path: Path):
    with vault.transaction():
        vault.save_client(Client("Ash 01"))
        vault.save_draft("editor", {"text": "half"})
        vault.audit("client_saved")
        with Vault.open(vault_path, PASSPHRASE) as other:  # nothing visible before COMMIT
            assert _codes(other) == [] and other.drafts() == {}
    with Vault.open(vault_path, PASSPHRASE) as other:
        assert _codes(other) == ["Ash 01"]
        assert other.drafts() == {"editor": {"text": "half"}}
        assert [e for _at, e, _d in other.audit_log()] == ["client_saved"]


def test_a_failure_anywhere_undoes_every_inner_write(vault: Vault):
    with pytest.raises(RuntimeError), vault.transaction():
        vault.save_client(Client("Ash 01"))
        vault.audit("client_saved")
        raise RuntimeError("the use case changed its mind")
    assert _codes(vault) == [] and vault.audit_log() == []
    assert not vault.conn.in_transaction


def test_an_inner_failure_handled_by_the_outer_keeps_the_rest(vault: Vault):
    with vault.transaction():
        vault.save_client(Client("Ash 01"))
        with pytest.raises(RuntimeError), vault.transaction():
            vault.save_client(Client("Birch 02"))
            raise RuntimeError("only this part fails")
        vault.save_client(Client("Cedar 03"))
    assert _codes(vault) == ["Ash 01", "Cedar 03"]


def test_nesting_three_deep_and_again_afterwards(vault: Vault):
    with vault.transaction(), vault.transaction(), vault.transaction():
        vault.save_client(Client("Ash 01"))
    with vault.transaction():  # the depth went back to zero: a real BEGIN again
        vault.save_client(Client("Birch 02"))
    assert _codes(vault) == ["Ash 01", "Birch 02"]
    assert not vault.conn.in_transaction


def test_a_second_writer_gets_the_busy_sentence_not_a_driver_error(vault: Vault, vault_path: Path):
    with Vault.open(vault_path, PASSPHRASE) as other:
        other.conn.execute("PRAGMA busy_timeout = 20")
        with vault.transaction():
            vault.save_client(Client("Ash 01"))
            with pytest.raises(VaultBusyError) as caught:
                other.audit("opened")
            assert caught.value.holder is None
            assert str(caught.value) == (
                "Another program is writing to this vault right now; try again in a moment."
            )
        other.audit("opened")  # and it works once the writer committed


def test_a_reader_waits_for_a_writer_to_commit_instead_of_failing(vault_path: Path, vault: Vault):
    """The busy timeout: a reader's one audit row waits out another connection's commit."""
    started = threading.Event()
    result: list[object] = []

    def reader() -> None:
        try:
            with Vault.open(vault_path, PASSPHRASE) as other:
                started.set()
                other.audit("exported")
                result.append("ok")
        except Exception as exc:  # handed to the main thread to assert on
            result.append(exc)

    with vault.transaction():
        vault.save_client(Client("Ash 01"))
        thread = threading.Thread(target=reader)
        thread.start()
        assert started.wait(30)
    thread.join(30)
    assert result == ["ok"]
    assert [e for _at, e, _d in vault.audit_log()] == ["exported"]
