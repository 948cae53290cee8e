"""Passphrase rules, a strength estimate, and the one place a key becomes SQL text.

PRAGMA key and PRAGMA rekey take no bound parameters, so the passphrase must be
written into the statement as a string literal. That happens only here.
"""

from __future__ import annotations

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
    label: str  # "too short", "common", "weak", "fair", "strong", "very strong"
    acceptable: bool
    advice: str


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


def _effective_length(passphrase: str) -> float:
    """Discount repeats and runs (aaaa, 1234, abcd) that add length but little guesswork."""
    length = 0.0
    prev: str | None = None
    for c in passphrase:
        if prev is not None and (c == prev or abs(ord(c) - ord(prev)) == 1):
            length += 0.25
        else:
            length += 1
        prev = c
    return length


def strength(passphrase: str) -> Strength:
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, "too short", False, f"Use at least {MIN_LENGTH} characters.")
    if is_common(passphrase):
        return Strength(0, "common", False, "This is a commonly used password; choose another.")
    bits = _effective_length(passphrase) * math.log2(_pool(passphrase))
    if len(set(passphrase)) <= 3:
        bits = min(bits, 20)
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
        raise WeakPassphraseError(
            "The passphrase is on a list of commonly used passwords; choose another."
        )
    return verdict
