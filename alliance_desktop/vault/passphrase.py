"""Passphrase rules, a strength estimate, and the one place a key becomes SQL text.

PRAGMA key and PRAGMA rekey take no bound parameters, so the passphrase must be
written into the statement as a string literal. That happens only here.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from importlib import resources

from alliance_desktop.vault.errors import WeakPassphraseError

MIN_LENGTH = 10


def sql_literal(text: str) -> str:
    """Quote text as an SQL string literal: single quotes doubled, no NUL allowed."""
    if "\x00" in text:
        raise ValueError("a passphrase cannot contain a NUL character")
    return "'" + text.replace("'", "''") + "'"


def _load_common() -> frozenset[str]:
    data = resources.files("alliance_desktop").joinpath("data/common_passwords.txt")
    return frozenset(
        line.strip().casefold()
        for line in data.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


_COMMON: frozenset[str] | None = None


def is_common(passphrase: str) -> bool:
    global _COMMON
    if _COMMON is None:
        _COMMON = _load_common()
    folded = passphrase.casefold()
    # A common password with digits or "!" tacked on is still a common password.
    return folded in _COMMON or folded.rstrip("0123456789!") in _COMMON


@dataclass(frozen=True)
class Strength:
    bits: float
    label: str  # "too short", "common", "too simple", "weak", "fair", "strong", "very strong"
    acceptable: bool
    advice: str
    # Why a "too simple" passphrase was refused: "repeated", "pattern", "few" or
    # "sequence" (a code the GUI words in its own language); "" otherwise.
    reason: str = ""


# Orders a person types or counts in; a step to a neighbour in any of them (either
# way) is a guess an attacker makes first. Keyboard rows are joined as they wrap
# ("...op" then "as..."), so "qwertyuiopas" is one run; digits and letters wrap too.
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyza",
    "01234567890",
    "qwertyuiopasdfghjklzxcvbnm",  # QWERTY rows
    "qwertzuiopasdfghjklyxcvbnm",  # QWERTZ rows
    "azertyuiopqsdfghjklmwxcvbn",  # AZERTY rows
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",  # QWERTY columns
)
_STEPS = frozenset(
    pair for seq in _SEQUENCES for a, b in itertools.pairwise(seq) for pair in ((a, b), (b, a))
)

# The plain reason for each refusal, finishing "The passphrase ...".
SIMPLE_REASONS = {
    "repeated": "is one character repeated",
    "pattern": "is a short pattern repeated",
    "few": "uses too few different characters",
    "sequence": "is a run of neighbouring keys, letters or digits",
}
MAX_DISTINCT_REFUSED = 3


def _predictable(folded: str, i: int) -> bool:
    """Whether character i just continues what came before: the same character again,
    or the neighbour of the one before on the keyboard, in the alphabet or counting."""
    if i == 0:
        return False
    prev, c = folded[i - 1], folded[i]
    return c == prev or (prev, c) in _STEPS


def _period(folded: str) -> int:
    """The length of the shortest unit that, said at least twice, makes the whole text
    (the last time may stop one character short, as "word word" does); the text's own
    length when nothing repeats."""
    n = len(folded)
    # The longest proper prefix that is also a suffix (Knuth-Morris-Pratt), in linear
    # time even for a megabyte pasted in: the shortest period is n minus its length.
    border = [0] * n
    for i in range(1, n):
        k = border[i - 1]
        while k and folded[i] != folded[k]:
            k = border[k - 1]
        border[i] = k + 1 if folded[i] == folded[k] else 0
    period = n - border[-1] if n else 0
    return period if period <= (n + 1) // 2 else n


def simple_reason(passphrase: str) -> str:
    """The code of the first trivially weak shape the passphrase has, or ""."""
    folded = passphrase.casefold()
    if not folded:
        return ""
    period = _period(folded)
    if period == 1:
        return "repeated"
    if period < min(MIN_LENGTH, len(folded)):
        return "pattern"
    if len(set(folded)) <= MAX_DISTINCT_REFUSED:
        return "few"
    # A run: at most three stretches of neighbours, or four characters or more per
    # stretch on average ("qwerty123456" is two stretches of six).
    stretches = 1 + sum(not _predictable(folded, i) for i in range(1, len(folded)))
    if stretches <= max(3, len(folded) // 4):
        return "sequence"
    return ""


def _pool(passphrase: str) -> int:
    pool = 0
    if any(c.islower() for c in passphrase):
        pool += 26
    if any(c.isupper() for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(c == " " for c in passphrase):
        pool += 1
    if any(not c.isalnum() and c != " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 100
    return max(pool, 1)


def _discounted(folded: str, i: int) -> bool:
    """A character the meter counts as a quarter: a repeat, the next or previous code
    point (as in "1234", "abcd"), or the third step of a run of neighbouring keys
    ("qwer"). A single keyboard neighbour is common in words ("er", "as") and counts
    in full."""
    if i == 0:
        return False
    prev, c = folded[i - 1], folded[i]
    return (
        c == prev
        or abs(ord(c) - ord(prev)) == 1
        or (i >= 2 and _predictable(folded, i) and _predictable(folded, i - 1))
    )


def _effective_length(passphrase: str) -> float:
    """Discount repeats and runs (aaaa, 1234, abcd, qwer) that add length but little
    guesswork."""
    folded = passphrase.casefold()
    return sum(0.25 if _discounted(folded, i) else 1.0 for i in range(len(folded)))


def strength(passphrase: str) -> Strength:
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, "too short", False, f"Use at least {MIN_LENGTH} characters.")
    if is_common(passphrase):
        return Strength(0, "common", False, "This is a commonly used password; choose another.")
    reason = simple_reason(passphrase)
    if reason:
        advice = f"It {SIMPLE_REASONS[reason]}; try four or five unrelated words."
        return Strength(0, "too simple", False, advice, reason)
    # A longer unit said twice ("horse battery horse battery") is as hard to guess
    # as the unit once.
    unit = passphrase[: _period(passphrase.casefold())]
    bits = _effective_length(unit) * math.log2(_pool(passphrase))
    if bits < 40:
        return Strength(bits, "weak", True, "Longer is stronger: try four or five unrelated words.")
    if bits < 60:
        return Strength(bits, "fair", True, "Acceptable; a few more words would make it strong.")
    if bits < 80:
        return Strength(bits, "strong", True, "Strong.")
    return Strength(bits, "very strong", True, "Very strong.")


def check_new_passphrase(passphrase: str) -> Strength:
    """Refuse what the rules forbid; otherwise return the estimate to report."""
    if "\x00" in passphrase:
        raise WeakPassphraseError("A passphrase cannot contain a NUL character.")
    verdict = strength(passphrase)
    if not verdict.acceptable:
        if verdict.label == "too short":
            raise WeakPassphraseError(
                f"The passphrase is too short: use at least {MIN_LENGTH} characters."
            )
        if verdict.label == "too simple":
            raise WeakPassphraseError(
                f"The passphrase {SIMPLE_REASONS[verdict.reason]}; "
                "choose another, such as four or five unrelated words."
            )
        raise WeakPassphraseError(
            "The passphrase is on a list of commonly used passwords; choose another."
        )
    return verdict
