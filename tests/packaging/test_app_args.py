"""`alliance-desktop PATH`: the desktop entry's %f (a double-click on a vault) opens that
vault, and the older --vault, --demo and --self-test keep working."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_desktop.gui import app
from alliance_desktop.vault.location import resolve_vault_path


def test_a_positional_path_is_the_vault_to_open(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("ALLIANCE_VAULT", str(tmp_path / "from-env.alliance"))
    target = tmp_path / "clinic" / "work.alliance"
    args = app._parse([str(target)])
    assert args.vault == str(target)
    # The path beats $ALLIANCE_VAULT, as --vault does.
    assert resolve_vault_path(args.vault) == target


def test_a_file_uri_from_a_launcher_is_a_local_path(tmp_path: Path):
    target = tmp_path / "with space.alliance"
    args = app._parse([target.as_uri()])
    assert Path(args.vault) == target


def test_a_remote_uri_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        app._parse(["file://elsewhere/share/v.alliance"])
    assert exc.value.code == 2
    assert "not a file on this computer" in capsys.readouterr().err


def test_vault_option_still_works_and_agrees_with_path(tmp_path: Path):
    target = str(tmp_path / "v.alliance")
    assert app._parse(["--vault", target]).vault == target
    assert app._parse([target, "--vault", target]).vault == target


def test_path_and_a_different_vault_conflict(capsys, tmp_path: Path):
    with pytest.raises(SystemExit) as exc:
        app._parse([str(tmp_path / "a.alliance"), "--vault", str(tmp_path / "b.alliance")])
    assert exc.value.code == 2
    assert "either as PATH or with --vault" in capsys.readouterr().err


def test_demo_takes_no_path(capsys, tmp_path: Path):
    with pytest.raises(SystemExit):
        app._parse(["--demo", str(tmp_path / "a.alliance")])
    assert "--demo" in capsys.readouterr().err
    args = app._parse(["--demo"])
    assert args.demo and args.vault is None


def test_no_arguments_and_self_test_are_unchanged():
    args = app._parse([])
    assert args.vault is None and args.path is None and not args.demo
    assert app._parse(["--self-test"]).self_test


def test_main_hands_the_path_to_the_window(qapp, monkeypatch, tmp_path: Path):
    """main() with PATH builds the controller on that file (no event loop is entered; the
    preferences and theme are stand-ins, so nothing global changes for other tests)."""
    import sys

    import alliance_desktop.gui.common.preferences as preferences_module
    import alliance_desktop.gui.common.theme as theme_module
    import alliance_desktop.gui.shell.controller as controller_module

    seen: list[Path] = []

    class Stop(Exception):
        pass

    class FakeController:
        def __init__(self, _app, path, *_a, **_k):
            seen.append(path)
            raise Stop

    class FakePreferences:
        theme = "light"
        language = "system"

    monkeypatch.setattr(controller_module, "AppController", FakeController)
    monkeypatch.setattr(preferences_module, "Preferences", FakePreferences)
    monkeypatch.setattr(theme_module, "ThemeManager", lambda *_a, **_k: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    monkeypatch.setattr("alliance_desktop.app.process.harden_process", lambda: None)
    monkeypatch.setenv("ALLIANCE_VAULT", str(tmp_path / "not-this.alliance"))
    target = tmp_path / "double-clicked.alliance"
    with pytest.raises(Stop):
        app.main([str(target)])
    assert seen == [target]
