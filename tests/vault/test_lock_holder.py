"""LockHolder behaves as the frozen dataclass it was: defaults, equality, read-only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from alliance_desktop.vault.writer_lock import LockHolder

SINCE = datetime(2026, 1, 2, 14, 2, tzinfo=UTC)


def test_device_and_alive_default_to_host_and_since():
    holder = LockHolder("host", 1, SINCE)
    assert (holder.device, holder.alive) == ("host", SINCE)
    assert LockHolder("host", 1, SINCE, device="laptop").device == "laptop"


def test_equal_by_fields_and_hashable():
    assert LockHolder("host", 1, SINCE) == LockHolder("host", 1, SINCE, "host", SINCE)
    assert LockHolder("host", 1, SINCE) != LockHolder("host", 2, SINCE)
    assert len({LockHolder("host", 1, SINCE), LockHolder("host", 1, SINCE)}) == 1


def test_read_only_and_replaced_with_a_new_alive():
    holder = LockHolder("host", 1, SINCE)
    with pytest.raises(AttributeError):
        holder.pid = 2  # type: ignore[misc]
    later = holder.replace(alive=SINCE + timedelta(minutes=5))
    assert later.alive == SINCE + timedelta(minutes=5)
    assert (later.host, later.pid, later.since, holder.alive) == ("host", 1, SINCE, SINCE)
