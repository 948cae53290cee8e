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


def _entry_pattern(entry: str) -> str:
    words = [re.escape(w) for w in _norm(entry).split()]
    # Lookarounds rather than \b: an entry may start or end with punctuation ("St.").
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


@dataclass(frozen=True)
class Redactor:
    """A compiled redaction list; ``Redactor.of([])`` leaves text unchanged."""

    entries: tuple[str, ...]
    _pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, entries: Iterable[object]) -> Redactor:
        cleaned = sorted(
            {_norm(str(e)).strip() for e in entries if str(e).strip()},
            key=lambda e: (-len(e), e.casefold()),  # longest first: phrases beat their words
        )
        if not cleaned:
            return cls((), None)
        pattern = re.compile("|".join(_entry_pattern(e) for e in cleaned), re.IGNORECASE)
        return cls(tuple(cleaned), pattern)

    def __call__(self, text: str) -> str:
        text = _norm(text)
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(REDACTED, text)

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
