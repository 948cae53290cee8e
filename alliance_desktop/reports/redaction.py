"""Redaction of names, places and employers before text leaves the vault in a packet.

The therapist keeps a list of words (vault setting ``redaction_list``); every listed
word or phrase in reflection text, rupture notes, goals and tags becomes
``[redacted]``. Matching ignores case, respects word boundaries in any script
(``Ana`` does not hit ``Banana``, ``Zoë`` matches ``ZOË``), lets the words of a
multi-word entry be split by any run of white space, and compares text in Unicode
NFC so a name typed with a combining accent still matches. Pure Python, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

REDACTED = "[redacted]"
SETTING_KEY = "redaction_list"

# Tags that look like a client code ("AB12", "C-07", "client 3"): dropped when a
# packet is pseudonymised, since a tag may repeat a code the therapist typed.
_CODE_LIKE = re.compile(r"^(?:client\s*)?[^\W\d_]{0,3}[\s_-]?\d{1,4}$", re.IGNORECASE)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _atoms(entry: str) -> list[str]:
    """An entry as regex pieces: each character escaped, ``\\s+`` between words."""
    out: list[str] = []
    for i, word in enumerate(entry.split()):
        if i:
            out.append(r"\s+")
        out += [re.escape(ch) for ch in word]
    return out


def _alternation(entries: Iterable[str]) -> str:
    """Every entry in the given order (longest first), between one pair of word-boundary
    lookarounds; lookarounds rather than ``\\b``, since an entry may start or end with
    punctuation ("St."). The same matches as a lookaround pair around each entry: the
    engine backtracks into the next entry when the closing lookahead fails."""
    return r"(?<!\w)(?:" + "|".join("".join(_atoms(e)) for e in entries) + r")(?!\w)"


def _trie(entries: Iterable[str]) -> str:
    """The entries as one prefix tree, ``(?:A(?:na|lba)|B...)``: a quick test of whether
    a text holds any entry at all (the same characters, case and boundaries), so the
    ordered alternation runs only on the rare text that does."""
    root: dict[str, dict] = {}
    for entry in entries:
        node = root
        for atom in _atoms(entry):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        chain = []
        while len(node) == 1 and "" not in node:  # a run without a branch: no group
            ((atom, node),) = node.items()
            chain.append(atom)
        alts = [atom + emit(child) for atom, child in node.items() if atom]
        if not alts:
            return "".join(chain)
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "".join(chain) + (f"(?:{body})?" if "" in node else body)

    return r"(?<!\w)" + emit(root) + r"(?!\w)"


@dataclass(frozen=True)
class Redactor:
    """A compiled redaction list; ``Redactor.of([])`` leaves text unchanged.

    One pass per text: a prefix-tree pattern says whether the text holds any listed
    word; only then does the single ordered alternation (longest entries first, so a
    phrase beats its own words) replace the matches. Both are compiled once, when the
    list is made (once per packet), whatever the number of clients.
    """

    entries: tuple[str, ...]
    _pattern: re.Pattern[str] | None
    _detect: re.Pattern[str] | None = None

    @classmethod
    def of(cls, entries: Iterable[object]) -> Redactor:
        cleaned = sorted(
            {_norm(str(e)).strip() for e in entries if str(e).strip()},
            key=lambda e: (-len(e), e.casefold()),  # longest first: phrases beat their words
        )
        if not cleaned:
            return cls((), None)
        try:
            detect: re.Pattern[str] | None = re.compile(_trie(cleaned), re.IGNORECASE)
        except (RecursionError, OverflowError, re.error):  # absurdly deep: go without
            detect = None
        return cls(tuple(cleaned), re.compile(_alternation(cleaned), re.IGNORECASE), detect)

    def __call__(self, text: str) -> str:
        text = _norm(text)
        if self._pattern is None or not text:
            return text
        if self._detect is not None and self._detect.search(text) is None:
            return text
        return self._pattern.sub(REDACTED, text)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the replacements fall in ``_norm(text)`` (start, end), in order."""
        text = _norm(text)
        if self._pattern is None or not text:
            return []
        if self._detect is not None and self._detect.search(text) is None:
            return []
        return [m.span() for m in self._pattern.finditer(text)]

    def matches_whole(self, text: str) -> bool:
        """Whether ``text`` as a whole is one of the entries (case and spacing as above)."""
        return self._pattern is not None and self._pattern.fullmatch(_norm(text)) is not None

    def extended(self, more: Iterable[object]) -> Redactor:
        return Redactor.of((*self.entries, *more))

    def tags(self, tags: Iterable[str], *, drop_code_like: bool) -> tuple[str, ...]:
        """Tags with listed words redacted; a tag left as nothing but ``[redacted]`` (or
        one that looks like a client code, when asked) is dropped, not shown."""
        kept: list[str] = []
        for tag in tags:
            out = self(tag).strip()
            if not out or out == REDACTED or (drop_code_like and _CODE_LIKE.match(out)):
                continue
            if out not in kept:
                kept.append(out)
        return tuple(kept)


def code_words(codes: Iterable[str]) -> list[str]:
    """Client codes and the name-like words inside them ("Alba 07" gives "Alba 07" and
    "Alba"), to redact from a pseudonymised packet's free text."""
    out: list[str] = []
    for code in codes:
        code = code.strip()
        if not code:
            continue
        out.append(code)
        out += [w for w in re.findall(r"[^\W\d_]{3,}", code) if w.casefold() != "client"]
    return out


__all__ = ["REDACTED", "SETTING_KEY", "Redactor", "code_words"]
