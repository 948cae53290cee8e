"""In-process runs of ``cli.main`` must not harden the test process itself: core
dumps off and non-dumpable cannot be undone, and later tests read /proc of children
whose limits they set."""

from __future__ import annotations

import pytest

from alliance_desktop import cli


@pytest.fixture(autouse=True)
def _no_hardening_of_pytest(monkeypatch):
    monkeypatch.setattr(cli, "harden_process", lambda: True)
