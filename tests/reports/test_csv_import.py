"""CSV import into a real vault: round trips, all-or-nothing, duplicates, formula cells."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sample_data import AWKWARD_NOTES, fill, prepare

from alliance_desktop.domain import Client, Session, ValidationError
from alliance_desktop.reports.exporter import render_csv
from alliance_desktop.reports.importer import (
    UnsupportedFileError,
    fingerprint,
    import_bytes,
    import_file,
)
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"
HEADER = "client,date,trust,engagement,note\n"


@pytest.fixture
def other(tmp_path: Path):
    v = Vault.create(tmp_path / "other.alliance", PASSPHRASE)
    yield v
    v.close()


def _csv_view(vault: Vault) -> list:
    codes = {c.id: c.code for c in vault.clients()}
    return sorted(
        (fingerprint("csv", codes[s.client_id], s) for s in vault.sessions()),
        key=repr,
    )


def test_export_then_import_into_an_empty_vault_reproduces_the_sessions(vault, other):
    fill(vault)
    text = render_csv(vault)
    prepare(other)  # CSV carries no settings or custom strategies
    result = import_bytes(other, text.encode(), "csv")
    assert (result.sessions, result.duplicates) == (vault.session_count(), 0)
    # Clients without sessions are not in a CSV; the others are created from it.
    assert result.new_clients == 2
    assert _csv_view(other) == _csv_view(vault)
    assert render_csv(other) == text
    assert {s.reflection.plain_text() for s in other.sessions()} >= {
        n.strip() for n in AWKWARD_NOTES
    }


def test_formula_cells_are_neutralised_in_the_file_and_restored_on_import(vault, other):
    fill(vault)
    text = render_csv(vault)
    assert "\r\nalba,2025-04-01,,,0,10,,,,,,,,\"'=HYPERLINK(" in text
    assert ",'@mention,'@mention\r\n" in text  # the tag and the note, each guarded
    assert "''=already quoted" in text
    prepare(other)
    import_bytes(other, text.encode(), "csv")
    notes = {s.reflection.plain_text() for s in other.sessions()}
    assert {'=HYPERLINK("http://example.invalid","click")', "'=already quoted"} <= notes
    assert "''+twice" in notes and "'plain apostrophe" in notes


def test_one_bad_row_among_many_writes_nothing_and_lists_every_problem(vault, client):
    vault.save_session(Session(client.id, date(2025, 1, 1), trust=5, engagement=5))
    good = [
        f"New {i % 4},2025-02-{1 + i % 28:02d},{i % 11},{(i * 3) % 11},ok {i}" for i in range(60)
    ]
    future = (date.today() + timedelta(days=3)).isoformat()
    lines = [HEADER.strip()]
    lines += good[:10]  # lines 2-11
    lines.append('New 9,2025-03-01,7,6,"a note\nthat runs\nover three lines"')  # lines 12-14
    lines += good[10:20]  # lines 15-24
    lines.append("New 9,2025-03-02,11,6,too high")  # line 25
    lines += good[20:40]  # lines 26-45
    lines.append(f"New 9,{future},7,,tomorrow")  # line 46
    lines += good[40:]
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, "\n".join(lines).encode(), "csv")
    assert [str(p) for p in caught.value.problems] == [
        "line 25: trust: must be a whole number from 0 to 10",
        "line 46: date: cannot be in the future",
        "line 46: engagement: is required",
    ]
    assert vault.session_count() == 1
    assert [c.code for c in vault.clients()] == ["Bryn 02"]


def test_duplicates_in_the_vault_and_within_the_file_are_skipped_and_counted(vault, client):
    vault.save_session(Session(client.id, date(2025, 1, 1), trust=5, engagement=5, tags=("x",)))
    data = (
        "client,date,trust,engagement,tags\n"
        "bryn 02,2025-01-01,5,5,x\n"  # already in the vault (codes ignore case)
        "Bryn 02,2025-01-01,5,5,x;y\n"  # differs in tags: new
        "Cedar,2025-01-02,4,4,\n"
        "CEDAR,2025-01-02,4,4,\n"  # the same as the row before
    )
    result = import_bytes(vault, data.encode(), "csv")
    assert (result.sessions, result.new_clients, result.duplicates) == (2, 1, 2)
    again = import_bytes(vault, data.encode(), "csv")
    assert (again.sessions, again.new_clients, again.duplicates) == (0, 0, 4)
    assert vault.session_count() == 3


def test_new_clients_start_at_their_earliest_session_in_the_file(vault):
    data = HEADER + "Oak,2025-03-01,5,5,\nOak,2025-01-15,5,5,\nOak,2025-02-01,5,5,\n"
    import_bytes(vault, data.encode(), "csv")
    [oak] = vault.clients()
    assert oak.start_date == date(2025, 1, 15)


def test_existing_client_is_matched_ignoring_case_and_kept_as_it_is(vault, client):
    import_bytes(vault, (HEADER + "  BRYN 02 ,2025-01-01,5,5,\n").encode(), "csv")
    [only] = vault.clients()
    assert (only.code, only.goals) == ("Bryn 02", "Sleep through the night")
    assert vault.sessions()[0].client_id == client.id


def test_custom_strategies_of_the_vault_are_known_and_unknown_keys_are_errors(vault):
    prepare(vault)
    data = (
        "client,date,trust,engagement,strategies\n"
        "A,2025-01-01,5,5,walk_and_talk;validate\n"
        "A,2025-01-02,5,5,validate;made_up\n"
    )
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data.encode(), "csv")
    assert [str(p) for p in caught.value.problems] == [
        "line 3: strategies: unknown strategy 'made_up'"
    ]
    import_bytes(vault, data.replace(";made_up", "").encode(), "csv")
    assert vault.session_count() == 2


def test_client_rating_follows_the_vault_scale(vault):
    data = "client,date,trust,engagement,client_rating\nA,2025-01-01,5,5,44.5\n"
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data.encode(), "csv")
    assert [str(p) for p in caught.value.problems] == [
        "line 2: client_rating: must be from 0 to 40"
    ]
    vault.set_settings({"client_rating_max": 50.0})
    assert import_bytes(vault, data.encode(), "csv").sessions == 1


def test_bom_file_imports(vault, tmp_path: Path):
    path = tmp_path / "with-bom.CSV"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "Ash,2025-01-01,5,5,Ünïcödé\n").encode())
    assert import_file(vault, path).sessions == 1
    assert vault.clients()[0].code == "Ash"
    assert vault.sessions()[0].reflection.plain_text() == "Ünïcödé"


def test_unknown_column_writes_nothing(vault):
    data = "client,date,trust,engagement,mood\nA,2025-01-01,5,5,grey\n"
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data.encode(), "csv")
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (1, "mood")
    assert vault.session_count() == 0 and vault.clients() == []


def test_bad_client_code_is_reported_on_every_row_that_uses_it(vault):
    long = "x" * 41
    data = HEADER + f"{long},2025-01-01,5,5,\nok,2025-01-01,5,5,\n{long},2025-01-02,5,5,\n"
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, data.encode(), "csv")
    assert [str(p) for p in caught.value.problems] == [
        "line 2: client: must be at most 40 characters",
        "line 4: client: must be at most 40 characters",
    ]


def test_file_kind_is_chosen_by_extension(vault, tmp_path: Path):
    path = tmp_path / "sessions.txt"
    path.write_text(HEADER)
    with pytest.raises(UnsupportedFileError):
        import_file(vault, path)


def test_sessions_on_one_day_keep_the_file_order(vault):
    data = HEADER + "A,2025-01-01,1,1,first\nA,2025-01-01,2,2,second\nA,2025-01-01,3,3,third\n"
    import_bytes(vault, data.encode(), "csv")
    assert [s.trust for s in vault.sessions()] == [1, 2, 3]
    assert render_csv(vault).splitlines()[1:] == [
        "A,2025-01-01,,,1,1,,,,,,,,first",
        "A,2025-01-01,,,2,2,,,,,,,,second",
        "A,2025-01-01,,,3,3,,,,,,,,third",
    ]


def test_import_is_audited_without_content(vault):
    import_bytes(vault, (HEADER + "Secret Name,2025-01-01,5,5,private words\n").encode(), "csv")
    events = [(event, detail) for _at, event, detail in vault.audit_log()]
    assert events == [("import", "csv")]


def test_client_saved_through_the_vault_then_imported_again_is_a_duplicate(vault):
    c = vault.save_client(Client("Elm"))
    vault.save_session(Session(c.id, date(2025, 1, 1), trust=5, engagement=5))
    result = import_bytes(vault, render_csv(vault).encode(), "csv")
    assert (result.sessions, result.duplicates) == (0, 1)
