"""Issue 15, client switch: the timeline's columns stay put from client to client.

The columns were fitted to each client's newest rows, so most switches moved them
(in 27 of 40 bench switches the ratings column changed width), and the header and the
whole view were laid out and painted again for it. Since the first fit after a lock
or a language change, a column now only widens: no text ever gets less room than it
needs, and the columns stop moving once the caseload's widest texts were seen.
"""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QApplication
from support import DEMO_PASSPHRASE

from alliance_desktop.vault import Vault

_DATE, _REFLECTION = 0, 4


def _widths(window) -> list[int]:
    header = window.timeline.view.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def _show(window, app, row: int) -> list[int]:
    window.selectClientRow(row)
    app.processEvents()
    return _widths(window)


def test_columns_only_widen_between_clients_and_fit_again_after_a_lock(open_demo, qtbot):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    rows = window.clientModel.rowCount()
    assert rows >= 4
    seen = [_show(window, app, r) for r in range(rows)]
    for before, after in itertools.pairwise(seen):
        # The reflection column takes what is left; every other one never narrows.
        fixed = [c for c in range(len(before)) if c != _REFLECTION]
        assert all(after[c] >= before[c] for c in fixed), (before, after)
    # Each text still fits its column: what the delegate draws is never cut.
    view, model = window.timeline.view, window.timeline.model
    metrics = view.fontMetrics()
    for row in range(min(model.rowCount(), 30)):
        date = model.texts(row)[_DATE]
        assert metrics.horizontalAdvance(date) < view.columnWidth(_DATE), date
    # A lock forgets them (clearData): the first client shown after the unlock is
    # fitted exactly, as it was when the vault was first opened.
    path = ctl.vault.path
    ctl.lock()
    ctl._on_unlocked_by_window(Vault.open(path, DEMO_PASSPHRASE))
    app.processEvents()
    assert _show(window, app, 0) == seen[0]
    assert seen[0] != seen[-1]  # which the caseload had widened meanwhile


def test_on_a_narrow_window_each_client_s_columns_fit_it_exactly(open_demo, qtbot):
    """At 900 x 600 a column kept wide for another client would push the reflection
    out of sight: there the columns fit each client as they always did."""
    ctl = open_demo(size=(900, 600), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    first = _fixed(_show(window, app, 0))
    seen = [_fixed(_show(window, app, r)) for r in range(1, window.clientModel.rowCount())]
    assert any(widths != first for widths in seen)  # other clients need other widths
    assert _fixed(_show(window, app, 0)) == first


def _fixed(widths: list[int]) -> list[int]:
    """All but the reflection's, which takes what is left."""
    return [w for c, w in enumerate(widths) if c != _REFLECTION]
