"""vault.bulk.paused_gc: the cyclic collector is off inside, and back as it was on
every way out."""

from __future__ import annotations

import gc

import pytest

from alliance_desktop.vault.bulk import paused_gc


@pytest.fixture(autouse=True)
def _gc_back_on():
    yield
    gc.enable()


def test_off_inside_and_back_on_after():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_exception_and_an_interrupt():
    for error in (ValueError("x"), KeyboardInterrupt()):
        with pytest.raises(type(error)), paused_gc():
            raise error
        assert gc.isenabled()


def test_nested_blocks_restore_what_they_found():
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()
