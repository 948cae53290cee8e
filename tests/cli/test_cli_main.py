"""alliance-cli's main() in-process: the paths a subprocess cannot reach reliably."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from alliance_desktop import cli
from alliance_desktop.cli import common
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch):
    """These tests type at a (patched) hidden prompt, so a terminal is there."""
    monkeypatch.setattr(common, "terminal_available", lambda: True)


def test_unexpected_errors_are_one_line_without_content(vault: Vault, vault_path: Path,
                                                        monkeypatch, capsys):  # fmt: skip
    vault.close()

    def explode(self):
        raise RuntimeError("client Bryn 02 said something private")

    monkeypatch.setattr(Vault, "verify", explode)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASSPHRASE)
    assert cli.main(["--vault", str(vault_path), "verify"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "alliance-cli stopped after an unexpected internal error (RuntimeError)."


def test_keyboard_interrupt_exits_130_quietly(vault_path: Path, monkeypatch, capsys):
    def interrupted(prompt=""):
        raise KeyboardInterrupt

    monkeypatch.setattr(getpass, "getpass", interrupted)
    assert cli.main(["--vault", str(vault_path), "init"]) == 130
    assert capsys.readouterr() == ("", "")


def test_typed_new_passphrases_must_match(vault_path: Path, monkeypatch, capsys):
    answers = iter([PASSPHRASE, PASSPHRASE + "!"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert cli.main(["--vault", str(vault_path), "init"]) == 2
    assert "do not match" in capsys.readouterr().err
    assert not vault_path.exists()


def test_typed_passphrases_create_and_open(vault_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASSPHRASE)
    assert cli.main(["--vault", str(vault_path), "init"]) == 0
    assert cli.main(["--vault", str(vault_path), "verify"]) == 0
    assert "vault OK: schema" in capsys.readouterr().out


def test_help_exits_zero(capsys):
    assert cli.main(["--help"]) == 0
    assert "import" in capsys.readouterr().out


def test_usage_error_exits_two(capsys):
    assert cli.main(["stats", "--bogus"]) == 2
    assert "usage:" in capsys.readouterr().err
