"""The events the application delivers while a test runs, counted by receiver."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class _Counter(QObject):
    def __init__(self, kind: QEvent.Type, key: Callable[[QObject], str | None]) -> None:
        super().__init__()
        self.kind, self.key = kind, key
        self.seen: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            name = self.key(watched)
            if name is not None:
                self.seen[name] += 1
        return False


@contextmanager
def counting_events(
    kind: QEvent.Type, key: Callable[[QObject], str | None]
) -> Iterator[Counter[str]]:
    """``kind`` events delivered anywhere in the application while inside, counted
    by ``key(receiver)`` (None: not counted)."""
    app = QApplication.instance()
    assert app is not None
    counter = _Counter(kind, key)
    app.installEventFilter(counter)
    try:
        yield counter.seen
    finally:
        app.removeEventFilter(counter)
