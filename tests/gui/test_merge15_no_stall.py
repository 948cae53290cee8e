"""Issue 15, no stall: merging a conflict copy from the window (File > Merge…, the
conflict-copy banner) keeps the event loop turning on a 200 × 100 vault.

This is the whole path a user takes, not only ``app.merge.merge``: the try with the
vault's own key (copying the other copy and re-encrypting it under a throwaway key,
which once ran on the UI thread and froze the window ~1 s at 200 × 100), the merge and
moving the copy aside. The window then reloading what changed is the shell's work
(the client switch's measure) and is not counted here.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from support import DEMO_PASSPHRASE, PASSPHRASE

from alliance_desktop.app.progress import Cancelled
from alliance_desktop.domain import Client
from alliance_desktop.gui import operations
from alliance_desktop.gui.safety import merge as gui_merge
from alliance_desktop.vault import Vault
from tests.gui.heartbeat import Heartbeat, holds_the_bound, settled

COPY = "demo.sync-conflict-20260302-140200-LAPTOPX.alliance"


@pytest.fixture(scope="module")
def demo_file(stall_demo: Path) -> Path:
    """The module's copy of the shared 200 × 100 vault (conftest's ``stall_master``)."""
    return stall_demo


@pytest.fixture(scope="module")
def laptop(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same vault after a day on another device: three sessions edited."""
    path = tmp_path_factory.mktemp("laptop") / "laptop.alliance"
    shutil.copyfile(demo_file, path)
    with Vault.open(path, DEMO_PASSPHRASE) as other:
        for s in other.sessions()[:3]:
            s.trust = 10 if s.trust != 10 else 0
            other.save_session(s)
    return path


def test_merging_a_conflict_copy_keeps_the_window_turning(open_demo, qtbot, laptop, monkeypatch):
    ctl = settled(open_demo(refresh=False, shown=True), qtbot)
    copy = Path(ctl.vault_path).with_name(COPY)
    asked: list[Path] = []
    # A job on the UI thread is what this guards against: the own-key try must not run there.
    own_key_threads: list[bool] = []
    real = gui_merge._merge_own_key

    def spy(*args, **kwargs):
        own_key_threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(gui_merge, "_merge_own_key", spy)

    hub = operations.events()
    emit = hub.emitChanges

    def merge_once(heart: Heartbeat) -> None:
        shutil.copyfile(laptop, copy)  # the sync tool leaves it beside the vault
        # The window taking in what changed (its lists and pages reloaded) is the
        # shell's own work, measured with the client switch, not the merge's.
        monkeypatch.setattr(hub, "emitChanges", heart.excluding(emit))
        heart.during(
            lambda: ctl.devices.merge(copy, move_aside=True, ask=lambda *a: asked.append(a[1]))
        )
        assert asked == []  # the vault's own passphrase opened it
        message = ctl.devices.lastMessage
        assert message.startswith("merged: ") and (
            "3 changed" in message or "nothing new" in message
        )
        assert not copy.exists()  # moved aside, never deleted
        assert own_key_threads and not any(own_key_threads)

    holds_the_bound("merge of a conflict copy", merge_once, qtbot)
    assert len(list(copy.parent.glob(COPY + ".merged-*"))) >= 1


def test_the_own_key_try_says_when_the_key_does_not_open_the_copy(tmp_path: Path):
    here, there = tmp_path / "here.alliance", tmp_path / "there.alliance"
    with Vault.create(there, "another passphrase entirely") as other:
        other.save_client(Client("Wren 14"))
    with Vault.create(here, PASSPHRASE) as vault:
        assert gui_merge._merge_own_key(vault, there, False).value is None
        assert vault.clients() == []
        shutil.copyfile(here, tmp_path / "same.alliance")
        with Vault.open(tmp_path / "same.alliance", PASSPHRASE) as same:
            same.save_client(Client("Ash 07"))
        report = gui_merge._merge_own_key(vault, tmp_path / "same.alliance", False).value
        assert report is not None and report.new_clients == 1


def test_a_cancel_during_the_own_key_copy_stops_with_nothing_merged(tmp_path: Path):
    here = tmp_path / "here.alliance"
    with Vault.create(here, PASSPHRASE) as vault:
        shutil.copyfile(here, tmp_path / "copy.alliance")
        with Vault.open(tmp_path / "copy.alliance", PASSPHRASE) as other:
            other.save_client(Client("Ash 07"))

        def cancelled(*_a) -> None:
            raise Cancelled()

        with pytest.raises(Cancelled):
            gui_merge._merge_own_key(vault, tmp_path / "copy.alliance", True, cancelled)
        assert vault.clients() == []
        assert (tmp_path / "copy.alliance").exists()  # not moved aside
