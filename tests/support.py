"""Helpers the tests import by name (``from support import make_session``).

They live here rather than in ``conftest.py``: a test folder with its own conftest
would otherwise shadow the top-level one for ``from conftest import …``.
"""

from __future__ import annotations

from datetime import date

from alliance_desktop.domain import Session

#: The passphrase of the fixtures' vaults (see conftest.py).
PASSPHRASE = "correct staple battery orbit"
#: The passphrase of the GUI tests' demo vaults (see tests/gui/conftest.py).
DEMO_PASSPHRASE = "gui demo vault passphrase"


def make_session(client_id: int, day: date = date(2026, 3, 2), **kw) -> Session:
    kw.setdefault("trust", 7)
    kw.setdefault("engagement", 6)
    return Session(client_id, day, **kw)
