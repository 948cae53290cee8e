"""Issue 15, no stall, the supervision preview: "the first pages at once and the rest as
they come", without the charts fighting the text for the UI thread.

Before: the worker drew the charts while the UI thread was still laying out the pages
(both wanting the interpreter's lock, a page's turn took three times as long), and it
sent every chart as soon as drawn, as a PNG: a UI thread behind by a few charts decoded
and composed them all in one turn (the benchmark's longest stall, 119 ms at 200 × 100,
fell there). Now the charts wait until every page is in the document, each comes as the
bitmap to show (its box, at the screen's pixel ratio: nothing to decode), and the
worker sends at most ``IN_FLIGHT`` charts ahead of what the UI thread has shown.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from support import DEMO_PASSPHRASE

from alliance_desktop.gui.supervision.preview import IN_FLIGHT
from alliance_desktop.vault import Vault
from alliance_desktop.vault.demo import create_demo_vault


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo40") / "demo.alliance"
    create_demo_vault(path, DEMO_PASSPHRASE, clients=40, sessions=30, seed=15).close()
    return path


def test_charts_wait_for_the_pages_and_never_queue_up_for_the_ui_thread(demo_file, qtbot):
    from alliance_desktop.gui.supervision.wizard import SupervisionWizard

    vault = Vault.open(demo_file, DEMO_PASSPHRASE)
    wizard = SupervisionWizard(vault)
    try:
        wizard.show()
        qtbot.waitUntil(wizard.isReady, timeout=30000)
        wizard.clientModel.setAll(True)
        previewer = wizard.previewer
        # What the UI thread had done when the worker sent each chart (read on the
        # worker's thread, as it sends).
        sent: list[tuple[int, int]] = []
        images: list[bool] = []

        def on_chart(*args: object) -> None:
            sent.append((previewer.pendingSections(), previewer.charts_drawn))
            images.append(isinstance(args[2], QImage))  # a bitmap to show: nothing to decode

        previewer.signals.chart.connect(on_chart, Qt.ConnectionType.DirectConnection)
        with qtbot.waitSignal(previewer.textShown, timeout=60000):
            wizard.refreshPreview()
        assert previewer.pendingSections() > 0  # pages still to lay out
        time.sleep(1.5)  # the UI thread does not turn: no page is laid out meanwhile
        assert sent == [], "charts were drawn while the pages were still being laid out"

        qtbot.waitUntil(lambda: previewer.pendingSections() == 0, timeout=30000)
        qtbot.waitUntil(lambda: bool(sent), timeout=30000)
        time.sleep(1.0)  # the UI thread does not turn: no chart is shown meanwhile
        assert len(sent) - previewer.charts_drawn <= IN_FLIGHT, (len(sent), previewer.charts_drawn)

        qtbot.waitUntil(lambda: not previewer.isBusy(), timeout=60000)
        assert previewer.charts_total > IN_FLIGHT
        assert previewer.charts_drawn == previewer.charts_total == len(sent)
        assert all(pending == 0 for pending, _ in sent)
        assert all(images)
        # Never more than IN_FLIGHT charts waiting for the UI thread.
        assert all(i - drawn < IN_FLIGHT for i, (_, drawn) in enumerate(sent))
        assert wizard.previewText()
    finally:
        wizard.close()
        vault.close()
