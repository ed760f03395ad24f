"""The published latency.csv of the tf2_migration page parses as CSV: a variant name that holds a
comma ("sess.run, no feed") must be quoted, or its rows get four fields under a three-column
header."""

import csv

EXPECTED_HEADER = ["variant", "call", "nanoseconds"]


def test_latency_csv_rows_match_header(site):
    path = site / "notebooks" / "files" / "tf2_migration" / "latency.csv"
    assert path.is_file(), f"{path} was not published"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header == EXPECTED_HEADER
    assert body, "latency.csv has a header and no data"
    bad = [(n, row) for n, row in enumerate(body, start=2) if len(row) != len(header)]
    assert not bad, f"{len(bad)} rows do not have {len(header)} fields, first: {bad[0]}"
    for _, call, nanoseconds in body:
        assert call.isdigit() and nanoseconds.isdigit()
    assert "sess.run, no feed" in {row[0] for row in body}
