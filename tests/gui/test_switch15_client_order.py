"""The client list's order (active clients by code, then closed ones, then practice
clients) is the source model's own: the filter model sorting the rows compared two
rows through Python about 9,000 times at 500 clients, in the unlock's longest turn.
Whatever order the vault gives them in, and whatever is typed in the filter, the list
reads in that order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.models import Client, ClientStatus
from alliance_desktop.gui.workspace.models import (
    ID_ROLE,
    ClientFilterModel,
    ClientListModel,
)
from alliance_desktop.vault.store import ClientSummary

_CLIENT = st.tuples(
    st.text(alphabet="abcAB-é ", min_size=1, max_size=5).filter(lambda c: c.strip()),
    st.booleans(),  # closed
    st.booleans(),  # practice
)


def _summaries(specs) -> list[ClientSummary]:
    seen: set[str] = set()
    made = []
    for i, (code, closed, practice) in enumerate(specs):
        key = code.strip().casefold()
        if key in seen:  # codes are unique ignoring case
            continue
        seen.add(key)
        status = ClientStatus.CLOSED if closed else ClientStatus.ACTIVE
        client = Client(code=code, status=status, is_practice=practice, id=i + 1)
        made.append(ClientSummary(client, 0, None, None))
    return made


def _shown(proxy: ClientFilterModel) -> list[int]:
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


@settings(max_examples=60, deadline=None)
@given(st.lists(_CLIENT, max_size=12), st.sampled_from(["", "a", "B", "-"]))
def test_the_list_reads_active_then_closed_then_practice_by_code(qapp, specs, needle):
    summaries = _summaries(specs)
    model = ClientListModel()
    proxy = ClientFilterModel()
    proxy.setSourceModel(model)
    proxy.setNeedle(needle)
    model.setSummaries(list(reversed(summaries)))
    expected = sorted(
        (s for s in summaries if needle.casefold() in s.client.code.casefold()),
        key=lambda s: (s.is_practice, s.client.status == ClientStatus.CLOSED, s.client.key),
    )
    assert _shown(proxy) == [s.client.id for s in expected]
