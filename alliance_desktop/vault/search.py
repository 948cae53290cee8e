"""Turning what a person types into a safe FTS5 query, and the hits it returns."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# Private-use characters bracket the matched words in snippets: they cannot come
# from the keyboard by accident, so the GUI can highlight exactly what matched.
MATCH_START = "\ue000"
MATCH_END = "\ue001"

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Every word must match, the last one as a prefix so results follow typing.

    Each word is double-quoted, so FTS5 syntax (AND, NEAR, *, :, quotes) and SQL in
    the search box are only ever words to look for.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "session" or "client"
    client_id: int
    client_code: str
    session_id: int | None
    date: date | None
    snippet: str  # matches bracketed by MATCH_START and MATCH_END

    def plain_snippet(self) -> str:
        return self.snippet.replace(MATCH_START, "").replace(MATCH_END, "")

    def matched_words(self) -> list[str]:
        return re.findall(f"{MATCH_START}(.*?){MATCH_END}", self.snippet)


def fold(word: str) -> str:
    """Case- and accent-insensitive form, as the index's unicode61 tokenizer compares."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def make_snippet(body: str, text: str, width: int = 16) -> str:
    """A window of about ``width`` words around the best cluster of matches.

    Built here rather than by FTS5's snippet(): that needs the full-text query to run
    again for every kept row, which costs more than the search itself on common words.
    """
    words = [fold(w) for w in _WORD.findall(text)]
    if not words:
        return body[:200]
    exact, prefix = set(words[:-1]), words[-1]
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(body)]
    hits = [
        i
        for i, (a, b) in enumerate(tokens)
        if (f := fold(body[a:b])) in exact or f.startswith(prefix)
    ]
    if not tokens:
        return ""
    if not hits:
        first = 0
    else:
        # The window that holds the most matches; the earliest among equals.
        best, first = -1, 0
        for h in hits:
            start = max(0, min(h - 2, len(tokens) - width))
            count = sum(1 for x in hits if start <= x < start + width)
            if count > best:
                best, first = count, start
    last = min(len(tokens), first + width) - 1
    hit_set = set(hits)
    out: list[str] = ["…"] if first > 0 else []
    cursor = tokens[first][0]
    for i in range(first, last + 1):
        a, b = tokens[i]
        out.append(body[cursor:a])
        word = body[a:b]
        out.append(f"{MATCH_START}{word}{MATCH_END}" if i in hit_set else word)
        cursor = b
    if last < len(tokens) - 1:
        out.append("…")
    return "".join(out)
