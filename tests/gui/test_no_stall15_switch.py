"""Issue 15, no stall from the unlock to the client switches: on a 200 x 100 demo vault
a 10 ms heartbeat never waits more than 100 ms while the vault the typed passphrase
opened is handed over, the window filled, shown and painted, and ten clients are
switched to. The fill and the first show are two turns of the event loop, the
editor's lists are not read at unlock, and the timeline and client list paint
without the style sheet's box model (together they stalled the loop ~250 ms)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.insights.hub import InsightsHub
from alliance_desktop.vault import Vault
from tests.gui.heartbeat import Heartbeat, holds_the_bound

PASSPHRASE = DEMO_PASSPHRASE  # the shared vault's
SWITCHES = 10


@pytest.fixture(scope="module")
def big_demo(stall_demo: Path) -> Path:
    """200 clients x 100 sessions (20,000), the size the issue's budgets are set at: the
    module's copy of the shared vault (conftest's ``stall_master``)."""
    return stall_demo


def test_unlock_fill_show_and_ten_switches_never_stall(
    big_demo, controller_for, qtbot, monkeypatch
):
    # The insights refresh (read in steps, analysed in a worker) has its own stall
    # tests; held back here, what is measured is the window's own work.
    monkeypatch.setattr(InsightsHub, "refresh", lambda self: None)

    def run_once(beat: Heartbeat) -> None:
        ctl = controller_for(big_demo)
        # The key derivation runs in the unlock window's worker (test_no_stall15_unlock);
        # measured here is what follows it: the vault handed over as the typed
        # passphrase's is, the window filled, shown, painted, then the switches.
        vault = Vault.open(big_demo, PASSPHRASE)
        ctl._ensure_window().ensurePolished()  # as the unlock window's prewarm does
        app = QApplication.instance()
        assert app is not None

        def operation() -> None:
            ctl._on_unlocked_by_window(vault)
            qtbot.waitUntil(
                lambda: (
                    ctl.window is not None
                    and ctl.window.isVisible()
                    and ctl.window.clientModel.rowCount() == 200
                ),
                timeout=20000,
            )
            window = ctl.window
            qtbot.waitExposed(window)
            window.repaint()
            qtbot.wait(50)
            for row in range(1, SWITCHES + 1):
                window.selectClientRow(row)
                app.processEvents()
                window.repaint()
                assert window.timelineModel.rowCount() > 0
                qtbot.wait(5)

        beat.during(operation)
        ctl.dispose()

    holds_the_bound("unlock, fill, show and 10 client switches (200 x 100)", run_once, qtbot)
