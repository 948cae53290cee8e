"""Issue 15, client switch: a timeline row's rating chips are worked out once, with the
labels translated and the locale made once per model reset, not per row and value.

``texts()`` built the chips a second time (for the ratings' words) and each build
translated the four labels again and made a ``QLocale`` per value: most of what was
left of ``fitColumns``. The chips must still read in the app's language and numbers."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from support import make_session

from alliance_desktop.gui.common.translator import install_translators
from alliance_desktop.gui.workspace import models
from alliance_desktop.gui.workspace.models import TimelineModel


def _sessions(n: int):
    start = date(2026, 1, 5)
    return [
        make_session(1, start + timedelta(days=7 * i), trust=7.5, engagement=i % 10, id=i + 1)
        for i in range(n)
    ]


def test_labels_looked_up_once_per_reset_not_per_row(qapp, monkeypatch):
    calls = []
    real = models.rating_labels

    def counted():
        calls.append(1)
        return real()

    monkeypatch.setattr(models, "rating_labels", counted)
    model = TimelineModel()
    model.setSessions(_sessions(30))
    for row in range(model.rowCount()):
        texts, chips = model.texts(row), model.chips(row)
        assert texts[1] == " · ".join(chips)
    assert len(calls) == 1
    model.setSessions(_sessions(5))  # a reset (another client): looked up again, once
    for row in range(model.rowCount()):
        model.texts(row)
    assert len(calls) == 2


def test_chips_read_in_the_apps_language_and_numbers(qapp):
    try:
        install_translators(qapp, "fr")
        model = TimelineModel()
        model.setSessions(_sessions(1))
        trust = QCoreApplication.translate("models", "Trust")
        assert trust != "Trust"  # the catalogue has it
        assert model.chips(0)[0] == f"{trust} 7,5"
        assert model.texts(0)[1].startswith(f"{trust} 7,5 · ")
    finally:
        install_translators(qapp, "en")
    model.setSessions(_sessions(1))  # the next reset reads in English again
    assert model.chips(0)[0] == "Trust 7.5"
