"""The dashboard's cheap reads (vault.overview) give what the whole read gives."""

from __future__ import annotations

from support import DEMO_PASSPHRASE

from alliance_desktop.vault.demo import create_demo_vault
from alliance_desktop.vault.overview import client_sessions


def test_client_sessions_in_steps_add_up_to_the_whole_read(tmp_path):
    vault = create_demo_vault(tmp_path / "v.alliance", DEMO_PASSPHRASE, seed=5)
    try:
        ids = sorted(c.id for c in vault.clients())
        steps = [client_sessions(vault, ids[k : k + 2]) for k in range(0, len(ids), 2)]
        whole = vault.sessions(text=False)
        assert [s for step in steps for s in step] == whole
        assert any(s.ruptures for s in whole)  # ruptures come along
        assert client_sessions(vault, []) == []
    finally:
        vault.close()
