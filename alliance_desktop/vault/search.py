"""Turning what a person types into a safe FTS5 query, and the hits it returns."""

from __future__ import annotations

import re
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
