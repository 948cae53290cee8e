"""The import's quick paths (issue 15) answer exactly as the full ones.

``json_format._quick_session`` reads a well-formed session without the per-field
bookkeeping of ``_Reader`` and gives up on anything else; ``validation.session_check``
passes a session only when ``session_problems`` finds nothing. Generated rows, well
formed and broken in every field, must come out the same either way: the same session
(uuids included), and through a whole import the same accepted or refused file with
the same problems, each naming the same field and row.
"""

from __future__ import annotations

import itertools
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.reports import importer, json_format
from alliance_desktop.reports.json_format import FORMAT, VERSION, _quick_session, _session
from alliance_desktop.vault import Vault

SETTINGS = settings(max_examples=400, deadline=None)
TODAY = date(2026, 3, 10)

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.just(10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)
uuids = st.one_of(
    st.none(),
    st.uuids().map(lambda u: u.hex),
    st.uuids().map(str),  # the hyphenated form: read, kept as 32 hex digits
    st.uuids().map(lambda u: u.hex.upper()),
    st.just("{" + "a" * 32 + "}"),
    st.just("z" * 32),
    st.just("1_" + "0" * 30),
)
days = st.one_of(
    st.dates(date(2019, 1, 1), date(2027, 12, 31)).map(date.isoformat),
    st.sampled_from(["2026-02-30", "20260301", "2026-W10-1", "99999-01-01", "2026-3-1"]),
)
stamps = st.one_of(
    st.none(),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "2026-03-01T09:00:00.000000+00:00",
            "2026-03-01T09:00:00+05:00",
            "0001-01-01T00:00+05:00",
            "2026-03-01 09:00",
            "yesterday",
            "2026-03-01T09:00:00" + "0" * 60,
        ]
    ),
)
words = st.sampled_from(["validate", "normalize", "tarot", "", "sleep", "a;b", " "])
texts = st.one_of(st.text(max_size=12), st.just("nul\x00"))


def maybe(valid: st.SearchStrategy, *, broken: st.SearchStrategy = junk) -> st.SearchStrategy:
    """Mostly the valid shape, sometimes junk, sometimes left out (``...``)."""
    return st.one_of(valid, valid, valid, broken, st.just(...))


def obj(fields: dict[str, st.SearchStrategy], extra: bool = True) -> st.SearchStrategy:
    def build(values: dict, stray: bool) -> dict:
        out = {k: v for k, v in values.items() if v is not ...}
        if stray:
            out["colour"] = "blue"
        return out

    return st.builds(
        build, st.fixed_dictionaries(fields), st.booleans() if extra else st.just(False)
    )


RUPTURE_FIELDS = {
    "uuid": maybe(uuids),
    "type": maybe(st.sampled_from(["withdrawal", "confrontation", "sulk"])),
    "resolution": maybe(st.sampled_from(["yes", "partial", "no", "maybe"])),
    "markers": maybe(
        st.lists(
            st.sampled_from(["denial", "minimal_response", "complaint_therapist", "teleports"]),
            max_size=2,
        )
    ),
    "salience": maybe(st.integers(0, 6)),
    "repair_strategies": maybe(st.lists(words, max_size=2)),
    "note": maybe(texts),
    "resolved_on": maybe(st.one_of(st.none(), days)),
}
ruptures = obj(RUPTURE_FIELDS)
reflections = st.one_of(
    st.none(),
    obj(
        {
            "template": maybe(st.sampled_from(["free", "quick", "gibbs", "diary"])),
            "sections": maybe(
                st.dictionaries(
                    st.sampled_from(["text", "felt", "next", "other"]), texts, max_size=3
                )
            ),
        }
    ),
    junk,
)
SESSION_FIELDS = {
    "uuid": maybe(uuids),
    "client": maybe(st.sampled_from(["Ash 07", " Bryn 02 ", "", "  ", "x" * 41, "bell\x07"])),
    "date": maybe(days),
    "duration_min": maybe(st.one_of(st.none(), st.integers(-1, 700))),
    "modality": maybe(st.sampled_from([None, "in_person", "video", "phone", "fax"])),
    "trust": maybe(st.integers(-1, 11)),
    "engagement": maybe(st.integers(-1, 11)),
    "goal_alignment": maybe(st.one_of(st.none(), st.integers(-1, 11))),
    "approach_fit": maybe(st.one_of(st.none(), st.integers(-1, 11))),
    "client_rating": maybe(st.one_of(st.none(), st.integers(0, 45), st.floats(0, 45))),
    "outcome_rating": maybe(st.one_of(st.none(), st.integers(0, 45).map(lambda n: n / 10))),
    "supervision": maybe(st.booleans()),
    "strategies": maybe(st.lists(words, max_size=3)),
    "tags": maybe(st.lists(words, max_size=3)),
    "reflection": reflections,
    "ruptures": maybe(st.lists(ruptures, max_size=2)),
    "created_at": maybe(stamps),
    "updated_at": maybe(stamps),
}
sessions = obj(SESSION_FIELDS)
well_formed = st.fixed_dictionaries(
    {
        "uuid": st.uuids().map(lambda u: u.hex),
        "client": st.sampled_from(["Ash 07", "Bryn 02"]),
        "date": st.dates(date(2020, 1, 1), date(2026, 1, 1)).map(date.isoformat),
        "trust": st.integers(0, 10),
        "engagement": st.integers(0, 10),
        "client_rating": st.one_of(st.none(), st.integers(0, 400).map(lambda n: n / 10)),
        "strategies": st.lists(st.sampled_from(["validate", "normalize"]), max_size=2),
        "tags": st.lists(st.sampled_from(["sleep", "work"]), max_size=2),
        "reflection": st.fixed_dictionaries(
            {"template": st.just("free"), "sections": st.fixed_dictionaries({"text": st.text()})}
        ),
        "ruptures": st.lists(
            st.fixed_dictionaries(
                {
                    "type": st.just("withdrawal"),
                    "resolution": st.sampled_from(["yes", "no"]),
                    "markers": st.lists(st.just("denial"), max_size=1),
                    "note": st.text(),
                    "resolved_on": st.sampled_from([None, "2026-01-02"]),
                    "uuid": st.uuids().map(lambda u: u.hex),
                }
            ),
            min_size=1,
            max_size=2,
        ),
        "created_at": st.datetimes().map(lambda d: d.isoformat()),
        "updated_at": st.just("2026-03-01T09:00:00.000000+00:00"),
        "modality": st.sampled_from(["video", None]),
        "duration_min": st.integers(1, 600),
    }
)


@st.composite
def one_off(draw) -> dict:
    """A well-formed session with one field (its own or its first rupture's) drawn from
    everything that field may hold, broken values included, or left out."""
    value = draw(well_formed)
    target, fields = value, SESSION_FIELDS
    if draw(st.booleans()):
        target, fields = value["ruptures"][0], RUPTURE_FIELDS
    key = draw(st.sampled_from(sorted(fields)))
    new = draw(fields[key])
    if new is ...:
        target.pop(key, None)
    else:
        target[key] = new
    return value


def identity(rec) -> tuple:
    """Everything a record carries, uuids included (dataclass equality leaves them out)."""
    s = rec.session
    return (rec.row, rec.client, s, s.uuid, [r.uuid for r in s.ruptures], rec.problems,
            rec.failed, rec.timed)  # fmt: skip


@SETTINGS
@given(value=st.one_of(sessions, one_off()))
def test_a_session_the_quick_path_reads_is_the_one_the_reader_reads(value):
    slow = _session(value, "sessions[3]")
    quick = _quick_session(value, "sessions[3]", {})
    if quick is not None:
        assert slow.problems == [] and slow.failed == set()
        assert identity(quick) == identity(slow)
    read = json_format.read_session(value, "sessions[3]", {})
    assert identity(read) == identity(slow)


@SETTINGS
@given(value=well_formed)
def test_the_quick_path_takes_a_well_formed_session(value):
    assert _quick_session(value, "sessions[0]", {}) is not None


def test_the_quick_path_gives_up_on_what_the_reader_would_refuse():
    good = {"client": "Ash 07", "date": "2026-03-01", "trust": 5, "engagement": 5}
    assert _quick_session(good, "s", {}) is not None
    for broken in (
        {**good, "trust": True},
        {**good, "date": "2026-3-1"},
        {**good, "colour": "blue"},
        {**good, "client": " "},
        {**good, "uuid": "A" * 32},  # read by the reader (kept lower case), not here
        {**good, "ruptures": [{"type": "withdrawal"}]},
        {**good, "reflection": {"sections": {"text": 3}}},
        {**good, "client_rating": 10**400},
        {**good, "supervision": None},
    ):
        assert _quick_session(broken, "s", {}) is None, broken


# -- a whole import: same outcome, same problems --------------------------------------

_example = itertools.count()


def _outcome(vault: Vault, data: bytes) -> tuple:
    """What an import says about ``data``: its problems, or what it wrote (rolled back)."""
    try:
        with vault.transaction():
            result = importer.import_bytes(vault, data, "json", today=TODAY)
            sessions = sorted(
                (s.date, s.trust, s.engagement, s.client_rating, tuple(s.tags))
                for s in vault.sessions()
            )
            raise _RolledBack((result, sessions))
    except ValidationError as exc:
        return ("refused", [(p.field, p.message, p.row) for p in exc.problems])
    except _RolledBack as done:
        return ("imported", done.args[0])


class _RolledBack(Exception):
    pass


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.one_of(well_formed, one_off(), sessions), min_size=1, max_size=6))
def test_an_import_accepts_and_refuses_as_the_full_checks_do(shared_vault, rows, monkeypatch):
    shared = shared_vault
    tag = f"ex{next(_example)}"
    for row in rows:  # codes unique to the example; the vault stays empty between them
        if isinstance(row.get("client"), str) and row["client"].strip():
            row["client"] = f"{row['client'].strip()[:30]} {tag}"
    data = json.dumps({"format": FORMAT, "version": VERSION, "sessions": rows}).encode()
    fast = _outcome(shared, data)
    with monkeypatch.context() as m:
        m.setattr(json_format, "_quick_session", lambda *a: None)
        m.setattr(importer, "session_check", lambda **kw: lambda s: False)
        full = _outcome(shared, data)
    assert fast == full
    assert shared.session_count() == 0
