"""Issue 15, no stall around unlocking: the key derivation (a quarter of a second and
more) and the first read run in the background worker, so a 10 ms heartbeat never
waits more than 100 ms while a real vault is unlocked, created or restored; closing
the window meanwhile closes the vault the worker opens; no Python object keeps the
passphrase once the vault is open."""

from __future__ import annotations

import gc
import secrets
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton

from alliance_desktop.app import access
from alliance_desktop.domain import Client
from alliance_desktop.gui.unlock import window as unlock_window
from alliance_desktop.gui.unlock.window import UnlockWindow
from alliance_desktop.vault import Vault
from alliance_desktop.vault.writer_lock import WriterLock
from tests.gui.heartbeat import Heartbeat, holds_the_bound, quiet


def _passphrase() -> str:
    # Made at run time: a literal would live in this module's code object anyway.
    return "stall test " + secrets.token_hex(8)


@pytest.fixture
def existing(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "v.alliance"
    passphrase = _passphrase()
    with Vault.create(path, passphrase) as vault:
        vault.save_client(Client("Bryn 02"))
    return path, passphrase


def _window(qtbot, path: Path) -> UnlockWindow:
    w = UnlockWindow(path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _unlock(qtbot, w: UnlockWindow, passphrase: str) -> Vault:
    w.findChild(QLineEdit, "passphraseEdit").setText(passphrase)
    with qtbot.waitSignal(w.unlocked, timeout=20000) as opened:
        w.findChild(QPushButton, "unlockButton").click()
        assert w.isOpening() and w.ui.unlockMessageLabel.text().endswith("Opening…")
        assert not w.ui.unlockButton.isEnabled()
    return opened.args[0]


def test_unlocking_keeps_the_event_loop_turning(qtbot, existing):
    path, passphrase = existing
    w = _window(qtbot, path)

    def unlock_once(beat: Heartbeat) -> None:
        vault = beat.during(lambda: _unlock(qtbot, w, passphrase))
        try:
            assert [c.code for c in vault.clients()] == ["Bryn 02"]
            assert not w.isOpening() and w._busy is False
        finally:
            access.close(vault)

    holds_the_bound("unlock (key derivation in the worker)", unlock_once, qtbot)


def test_creating_keeps_the_event_loop_turning(qtbot, tmp_path):
    runs = iter(range(10))

    def create_once(beat: Heartbeat) -> None:
        path = tmp_path / f"new{next(runs)}.alliance"
        w = _window(qtbot, path)
        assert w.mode() == "create"
        passphrase = _passphrase()
        w.ui.newPassphraseEdit.setText(passphrase)
        w.ui.confirmPassphraseEdit.setText(passphrase)

        def create() -> Vault:
            with qtbot.waitSignal(w.unlocked, timeout=20000) as opened:
                w.ui.createVaultButton.click()
                assert w.isOpening() and not w.ui.createVaultButton.isEnabled()
            return opened.args[0]

        vault = beat.during(create)
        try:
            assert vault.clients() == [] and path.exists()
        finally:
            access.close(vault)

    holds_the_bound("create (key derivation in the worker)", create_once, qtbot)


def test_a_wrong_passphrase_is_still_refused_and_counted(qtbot, existing):
    path, _ = existing
    w = _window(qtbot, path)
    w.findChild(QLineEdit, "passphraseEdit").setText("not the passphrase at all")
    w.ui.unlockButton.click()
    qtbot.waitUntil(lambda: not w.isOpening(), timeout=20000)
    assert w.ui.unlockMessageLabel.text().endswith("Wrong passphrase, or not a vault.")
    assert w.failures() == 1 and w.ui.unlockButton.isEnabled()
    assert w.ui.passphraseEdit.hasFocus() or not w.isActiveWindow()


def test_closing_the_window_while_the_key_is_derived_closes_the_vault(qtbot, existing):
    path, passphrase = existing
    w = _window(qtbot, path)
    shown: list[object] = []
    w.unlocked.connect(shown.append)
    w.findChild(QLineEdit, "passphraseEdit").setText(passphrase)
    w.ui.unlockButton.click()
    assert w.isOpening()
    w.close()
    assert not w.isOpening() and not w._busy
    qtbot.waitUntil(lambda: not unlock_window._keying, timeout=20000)
    quiet(qtbot)
    assert shown == []  # nothing was handed over
    lock = WriterLock.acquire(path)  # the worker's vault was closed: the lock is free
    lock.release()


def test_quitting_while_the_key_is_derived_waits_and_closes_the_vault(qtbot, existing):
    path, passphrase = existing
    w = _window(qtbot, path)
    w.findChild(QLineEdit, "passphraseEdit").setText(passphrase)
    w.ui.unlockButton.click()
    assert unlock_window._keying
    unlock_window.settle_keying()  # what aboutToQuit runs when the event loop ends
    assert not unlock_window._keying
    WriterLock.acquire(path).release()


def _holders(secret: str) -> list[str]:
    """Every container or frame the collector knows that holds a string equal to secret
    (this test's own frames excepted)."""
    own = {id(f) for f in (sys._getframe(), sys._getframe(1))}
    found = []
    for obj in gc.get_objects():
        if id(obj) in own:
            continue
        values: object
        if isinstance(obj, dict):
            values = obj.values()
        elif isinstance(obj, list | tuple | set | frozenset):
            values = obj
        elif type(obj).__name__ == "frame":
            values = obj.f_locals.values()  # type: ignore[attr-defined]
        elif type(obj).__name__ == "cell":
            try:
                values = (obj.cell_contents,)  # type: ignore[attr-defined]
            except ValueError:
                continue
        else:
            continue
        for value in values:  # type: ignore[attr-defined]
            # (a plain loop: a generator here would hold secret in a closure cell)
            if isinstance(value, str) and value == secret:
                found.append(type(obj).__name__)
                break
    return found


@pytest.mark.parametrize("passphrase_kind", ["right", "wrong"])
def test_no_python_object_keeps_the_passphrase(qtbot, tmp_path, passphrase_kind):
    path = tmp_path / "v.alliance"
    right = _passphrase()  # only this frame holds it (a fixture's value would stay)
    Vault.create(path, right).close()
    typed = right if passphrase_kind == "right" else _passphrase()
    del right
    w = _window(qtbot, path)
    opened: list[Vault] = []
    w.unlocked.connect(opened.append)
    w.findChild(QLineEdit, "passphraseEdit").setText(typed)
    w.ui.unlockButton.click()
    qtbot.waitUntil(lambda: not w.isOpening(), timeout=20000)
    quiet(qtbot)
    try:
        assert len(opened) == (1 if passphrase_kind == "right" else 0)
        assert _holders(typed) == []
        assert w.ui.passphraseEdit.text() == ""
    finally:
        for vault in opened:
            access.close(vault)


def test_an_unexpected_error_in_the_worker_reaches_the_crash_handler(qtbot, existing, monkeypatch):
    path, passphrase = existing

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(access, "unlock", broken)
    w = _window(qtbot, path)
    w.findChild(QLineEdit, "passphraseEdit").setText(passphrase)
    with qtbot.captureExceptions() as raised:
        w.ui.unlockButton.click()
        qtbot.waitUntil(lambda: not w.isOpening(), timeout=20000)
    assert [type(e[1]) for e in raised] == [RuntimeError]
    assert not w._busy and w.ui.unlockButton.isEnabled()  # the page can be used again
