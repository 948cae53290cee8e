"""The rules for a new passphrase refuse trivially weak shapes with a plain reason, in
the one check the GUI, the app layer and the CLI share; the strength meter agrees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.app.passphrase import check_new
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.vault import Vault
from alliance_desktop.vault.errors import WeakPassphraseError
from alliance_desktop.vault.passphrase import (
    SIMPLE_REASONS,
    check_new_passphrase,
    simple_reason,
    strength,
)

# Plain, common words of four to eight letters, as a diceware-style list would hold.
_WORD_TEXT = """
apple river stone cloud maple honey tiger lemon piano garden window candle rabbit
orange silver forest planet marble jacket pepper violin saddle harbor meadow canyon
breeze pillow copper velvet lantern basket pencil kettle mirror ribbon tunnel island
falcon walnut puzzle bridge castle dragon engine feather glove helmet igloo jungle
kitten ladder magnet needle oyster parrot quilt rocket shadow turtle umbrella valley
wagon yellow zebra anchor bottle camera desert eagle fabric guitar hammer insect
jelly kernel little monkey nickel oliver pocket quartz salmon tomato uncle vessel
winter basil cactus dolphin ember fjord goblin hazel ivory jasmine koala lotus
mango nectar olive pebble quiver raven spruce thistle tulip urchin vapor willow
yarn zinnia acorn bamboo cedar daisy elbow fossil granite heron iris juniper
lilac moss nutmeg orchid plum radish sorrel timber vanilla wheat badger comet
donkey ferret gopher hornet lizard mussel otter pelican rooster spider weasel
"""
WORDS = sorted(set(_WORD_TEXT.split()))

REFUSED = [
    ("aaaaaaaaaaaa", "repeated", "is one character repeated"),
    ("AAAAAAAAAAAAAAAAAAAAAA", "repeated", "is one character repeated"),
    ("abcabcabcabc", "pattern", "is a short pattern repeated"),
    ("121212121212", "pattern", "is a short pattern repeated"),
    ("AbAbAbAbAbAb", "pattern", "is a short pattern repeated"),
    ("k9#k9#k9#k9#k", "pattern", "is a short pattern repeated"),
    ("abababbbaaabab", "few", "uses too few different characters"),
    ("qwertyuiopas", "sequence", "is a run of neighbouring keys, letters or digits"),
    ("123456789012", "sequence", "is a run of neighbouring keys, letters or digits"),
    ("abcdefghijkl", "sequence", "is a run of neighbouring keys, letters or digits"),
    ("lkjhgfdsapoiu", "sequence", "is a run of neighbouring keys, letters or digits"),
    ("azertyuiopqsd", "sequence", "is a run of neighbouring keys, letters or digits"),
    ("zyxwvutsrqpo", "sequence", "is a run of neighbouring keys, letters or digits"),
    ("asdfgh!987654", "sequence", "is a run of neighbouring keys, letters or digits"),
]


@pytest.mark.parametrize(("candidate", "code", "reason"), REFUSED)
def test_trivially_weak_shapes_are_refused_with_the_reason(candidate, code, reason):
    assert SIMPLE_REASONS[code] == reason
    assert simple_reason(candidate) == code
    verdict = strength(candidate)
    assert (verdict.label, verdict.acceptable, verdict.reason) == ("too simple", False, code)
    assert reason in verdict.advice
    assert verdict.bits == 0
    with pytest.raises(WeakPassphraseError, match=f"^The passphrase {reason}; "):
        check_new_passphrase(candidate)


@pytest.mark.parametrize(("candidate", "code", "reason"), REFUSED[:4])
def test_create_refuses_and_leaves_no_file(tmp_path: Path, candidate, code, reason):
    path = tmp_path / "weak.alliance"
    with pytest.raises(WeakPassphraseError, match=reason):
        Vault.create(path, candidate)
    assert not path.exists()


def test_change_refuses_with_the_reason_on_the_field():
    with pytest.raises(ValidationError) as caught:
        check_new("correct staple battery orbit", "aaaaaaaaaaaa")
    [problem] = caught.value.problems
    assert problem.field == "new passphrase"
    assert "is one character repeated" in problem.message


def test_cli_init_refuses_with_the_reason(tmp_path: Path):
    path = tmp_path / "cli.alliance"
    args = ["--vault", str(path), "--passphrase-stdin", "init"]
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args],
        input="121212121212\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": ""},
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "is a short pattern repeated" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not path.exists()


@pytest.mark.parametrize(
    "candidate",
    [
        "correct staple battery orbit",
        "tr0ub4dor&3x",
        "kq8#vn2!zw",
        "q7#Vz!p2Lm@9xR$w",
        "maple-river-stone-cloud",
        "Sleep through the night",
        "my cat likes warm tea",
    ],
)
def test_ordinary_good_choices_still_pass(candidate):
    assert simple_reason(candidate) == ""
    assert check_new_passphrase(candidate).acceptable


def test_a_longer_unit_said_twice_counts_once():
    once, twice = strength("horse battery "), strength("horse battery horse battery")
    assert twice.acceptable
    assert twice.bits == pytest.approx(once.bits)
    assert twice.label == once.label != "very strong"


@settings(max_examples=300, deadline=None)
@given(unit=st.text(min_size=1, max_size=3), times=st.integers(min_value=1, max_value=40))
def test_any_short_unit_repeated_is_refused(unit, times):
    candidate = unit * times
    assert not strength(candidate).acceptable or "\x00" in candidate
    with pytest.raises(WeakPassphraseError):
        check_new_passphrase(candidate)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=5, max_size=5, unique=True),
    sep=st.sampled_from([" ", "-", ".", "_"]),
)
def test_five_random_words_pass(words, sep):
    candidate = sep.join(words)
    verdict = check_new_passphrase(candidate)
    assert verdict.acceptable
    assert verdict.label in {"fair", "strong", "very strong"}, (candidate, verdict)


STRONG = {"strong", "very strong"}


@settings(max_examples=500, deadline=None)
@given(candidate=st.text(max_size=40))
def test_the_meter_agrees_with_the_rules(candidate):
    """A passphrase the rules refuse never shows as acceptable, let alone strong; one
    they accept always does."""
    verdict = strength(candidate)
    try:
        check_new_passphrase(candidate)
    except WeakPassphraseError:
        if "\x00" not in candidate:
            assert not verdict.acceptable
        assert verdict.label not in STRONG or "\x00" in candidate
    else:
        assert verdict.acceptable
    if not verdict.acceptable:
        assert verdict.bits == 0 and verdict.label not in STRONG


def test_the_gui_cli_and_app_share_one_check():
    """Every place that takes a new passphrase goes through check_new_passphrase."""
    root = Path(__file__).resolve().parents[2] / "alliance_desktop"
    users = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.py")
        if "check_new_passphrase" in p.read_text("utf-8")
    }
    assert {"vault/store.py", "app/passphrase.py", "cli/init.py"} <= users
    store = (root / "vault" / "store.py").read_text("utf-8")
    # Vault.create and Vault.change_passphrase both call it.
    assert store.count("check_new_passphrase(") >= 2
