"""Issue 15, no stall: changing the passphrase runs in a worker. Checking the current
passphrase and opening under the new one derive a key each, and the rekey rewrites
every page: 0.66 s on the UI thread at 200 × 100. Now a 10 ms heartbeat keeps within
100 ms (tests/gui/heartbeat.py) while it runs. The rekey is one statement that must
never be cut short, so the job has no Cancel, and a lock arriving meanwhile waits the
moment it takes: the vault is then locked under the new passphrase, whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.common import background
from alliance_desktop.vault import Vault, WrongPassphraseError
from tests.gui.heartbeat import Heartbeat, holds_the_bound, quiet
from tests.gui.safety12_helpers import when_modal

NEW = "an entirely new passphrase for the vault"


@pytest.fixture(scope="module")
def demo_file(stall_demo: Path) -> Path:
    """The module's copy of the shared 200 × 100 vault (conftest's ``stall_master``)."""
    return stall_demo


def _change(window, current: str, new: str, seen: dict) -> None:
    def handle(dialog) -> None:
        dialog.currentEdit.setText(current)
        dialog.newEdit.setText(new)
        dialog.repeatEdit.setText(new)
        dialog.okButton.click()
        seen["open after"] = dialog.isVisible()

    when_modal(handle, lambda widget: widget.objectName() == "changePassphraseDialog")
    seen["changed"] = window.safety.changePassphrase()


def test_changing_the_passphrase_keeps_the_window_turning(open_demo, qtbot):
    ctl = open_demo(refresh=False, shown=True)
    qtbot.waitUntil(lambda: not ctl.window.insights.isRefreshing(), timeout=30000)
    passphrases = [DEMO_PASSPHRASE]

    def once(beat: Heartbeat) -> None:
        quiet(qtbot)
        current, new = passphrases[-1], f"{NEW} {len(passphrases)}"
        seen: dict = {}
        beat.during(lambda: _change(ctl.window, current, new, seen))
        assert seen == {"open after": False, "changed": True}
        passphrases.append(new)
        assert "Passphrase changed" in ctl.window.statusBar().currentMessage()

    holds_the_bound("change passphrase (200 x 100)", once, qtbot)
    path = ctl.vault_path
    ctl.lock()
    Vault.open(path, passphrases[-1]).close()
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, DEMO_PASSPHRASE).close()


def test_a_lock_during_the_change_waits_for_it_and_the_new_passphrase_holds(
    open_demo, qtbot, monkeypatch
):
    ctl = open_demo(refresh=False, shown=True)
    path = ctl.vault_path
    started: list[bool] = []
    real_begin = background.Job._begin

    def begin(self) -> None:
        real_begin(self)
        if not self.cancellable:  # the change's job: the lock (idle timer) comes now
            started.append(True)
            QTimer.singleShot(0, ctl.lock)

    monkeypatch.setattr(background.Job, "_begin", begin)
    seen: dict = {}
    _change(ctl.window, DEMO_PASSPHRASE, NEW, seen)
    assert started and ctl.vault is None  # locked, and it never failed
    Vault.open(path, NEW).close()  # the rekey was not cut short
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, DEMO_PASSPHRASE).close()


def test_the_change_s_progress_has_no_cancel(open_demo, qtbot, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    ctl = open_demo(refresh=False, shown=True)
    monkeypatch.setattr(background, "DIALOG_DELAY_MS", 0)
    buttons: list[list[str]] = []
    real_appear = background.ProgressDialog._appear

    def appear(self) -> None:
        real_appear(self)
        buttons.append([b.text() for b in self.findChildren(QPushButton) if b.isVisible()])

    monkeypatch.setattr(background.ProgressDialog, "_appear", appear)
    seen: dict = {}
    _change(ctl.window, DEMO_PASSPHRASE, NEW, seen)
    assert seen["changed"] and buttons == [[]]
