"""The drift report's comparison and Markdown, on tiny in-memory notebooks (no kernel, no venv)."""

import nbformat
import pytest

from sitebuild import cache, drift, execute, source

EXAMPLE = """\
# %% [markdown] lang="zh"
# # 小例子
# %% [markdown] lang="en"
# # Tiny example

# %%
print("same")

# %%
print("changed")

# %%
x = compute()
print(x)

# %%
print(x)

# %%
# timing cell: output varies per run
print("1.23 ms")

# %%
with expect(ZeroDivisionError, "division by zero"):
    1 / 0
"""


@pytest.fixture
def example(tmp_path):
    path = tmp_path / "tiny.py"
    path.write_text(EXAMPLE)
    return source.parse(path)


def stream(text, name="stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def error(ename, evalue, line=1, count=4):
    traceback = [f"\x1b[0;31mCell In[{count}], line {line}\x1b[0m", f"{ename}: {evalue}"]
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=traceback)


def notebooks(example, tested_outputs):
    """(pinned, tested) code notebooks of the example, the helper cell where it runs."""
    pinned_outputs = [
        [],
        [stream("same\n")],
        [stream("changed\n")],
        [stream("42\n")],
        [stream("42\n")],
        [stream("1.23 ms\n")],
        [stream("ZeroDivisionError: division by zero\n")],
    ]
    pinned, tested = execute.code_notebook(example), execute.code_notebook(example)
    at = execute.helper_index(example)  # the lists name the helper's outputs first; it runs here
    pinned_outputs = pinned_outputs[1 : at + 1] + pinned_outputs[:1] + pinned_outputs[at + 1 :]
    tested_outputs = tested_outputs[1 : at + 1] + tested_outputs[:1] + tested_outputs[at + 1 :]
    for nb, outputs in ((pinned, pinned_outputs), (tested, tested_outputs)):
        for count, (cell, outs) in enumerate(zip(nb.cells, outputs), 1):
            cell.outputs, cell.execution_count = outs, count
    return pinned, tested


def drifted(example):
    """Pinned and tested notebooks with a cell of each status, normalised as the runner does."""
    pinned, tested = notebooks(
        example,
        [
            [],
            [stream("sa"), stream("me\n")],  # split differently: the same once merged
            [stream("changed!\n")],
            [error("ValueError", "bad value\nmore detail", line=1, count=3)],
            [error("NameError", "name 'x' is not defined", count=4)],
            [stream("9.87 ms\n")],
            [stream("ZeroDivisionError: division by zero\n")],
        ],
    )
    for cell in tested.cells:
        cell.outputs = drift.normalise(cell.outputs)
    return pinned, tested


def test_cells_are_same_changed_failed_not_reached_or_timing(example):
    pinned, tested = drifted(example)
    records = drift.compare(example, pinned, tested)
    assert [r["status"] for r in records] == [
        "same",
        "changed",
        "failed",
        "not reached",
        "not compared",
        "same",  # the injected expect() helper, right before its first use
        "same",
    ]
    _, changed, failed, not_reached, _, helper, _ = records
    assert helper["cell"] == 0 and "expect() helper" in helper["where"]
    assert changed["where"].endswith(": cell 4 (line 9)")
    assert "-changed" in changed["diff"] and "+changed!" in changed["diff"]
    assert failed["error"] == {"ename": "ValueError", "evalue": "bad value"}
    assert failed["where"].endswith(": cell 5 (line 13)")  # the line that raised
    assert not_reached["after"] == 5
    assert drift.counts(records) == {
        "same": 3,
        "changed": 1,
        "failed": 1,
        "not reached": 1,
        "not compared": 1,
    }


def test_name_error_without_earlier_failure_is_a_failure(example):
    outputs = [[], [], [], [], [error("NameError", "name 'x'")], [], []]  # helper first, as above
    records = drift.compare(example, *notebooks(example, outputs))
    assert records[3]["status"] == "failed"


def test_cells_that_never_ran_are_not_reached(example):
    outputs = [[], [stream("same\n")], [error("DeadKernelError", "x")], [], [], [], []]
    pinned, tested = notebooks(example, outputs)
    for cell in tested.cells[2:]:
        cell.execution_count = None
    statuses = [r["status"] for r in drift.compare(example, pinned, tested)]
    assert statuses == ["same", "failed"] + ["not reached"] * 5


def test_execution_counts_do_not_count_as_changes(example):
    result = nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=3)
    pinned, tested = notebooks(example, [[]] * 7)
    pinned.cells[1].outputs = [result]
    tested.cells[1].outputs = [nbformat.from_dict({**result, "execution_count": 9})]
    assert drift.compare(example, pinned, tested)[1]["status"] == "same"


def test_long_diffs_are_cut():
    old = [stream("".join(f"{i}\n" for i in range(100)))]
    new = [stream("".join(f"{i}!\n" for i in range(100)))]
    lines = drift._diff(old, new)
    assert len(lines) == drift.DIFF_LINES + 1 and lines[-1].endswith("more lines)")


def report_for(example, tested):
    pinned, tested_nb = tested
    pins = {name: "1.0" for name in execute.LIBRARIES}
    return drift.build_report(
        {"tiny": example},
        {"tiny": pinned},
        {"tiny": (tested_nb, None, 1.0)},
        pins,
        12.0,
        ["protobuf 1 → 2"],
        "",
    )


def test_markdown_report(example):
    report = report_for(example, drifted(example))
    text = drift.markdown(report)
    assert "| tensorflow | 1.0 |" in text
    assert "protobuf 1 → 2" in text
    assert "**Drift in 1 of 1 examples:** tiny." in text
    assert "| tiny | 7 | 3 | 1 | 1 | 1 | 1 |" in text
    assert ": cell 4 (line 9): changed**" in text and "  +changed!" in text
    assert ": cell 5 (line 13): failed**: `ValueError: bad value`" in text
    assert "not reached (after cell 5 failed): `NameError: name 'x' is not defined`" in text
    assert report["drift"] is True and report["examples"]["tiny"]["drift"] is True


def test_markdown_report_without_drift(example):
    pinned, _ = drifted(example)
    report = report_for(example, (pinned, pinned))
    text = drift.markdown(report)
    assert "**No drift:**" in text and "| tiny | 7 | 6 | 0 | 0 | 0 | 1 |" in text
    assert "## tiny" not in text


def test_pinned_notebook_is_found_by_its_code(example, tmp_path):
    pins = {name: "1.0" for name in execute.LIBRARIES}
    pinned, _ = drifted(example)
    pinned.metadata["sitebuild"] = {"key": "a" * 20, "versions": pins}
    cache.write(tmp_path / f"tiny-{'a' * 20}", pinned, {})
    other = execute.code_notebook(example)
    other.cells[1].source = "print('old code')"
    other.metadata["sitebuild"] = {"key": "b" * 20, "versions": pins}
    cache.write(tmp_path / f"tiny-{'b' * 20}", other, {})
    assert drift.pinned_notebook(tmp_path, example, pins).metadata["sitebuild"]["key"] == "a" * 20
    with pytest.raises(drift.SetupError, match="no cached outputs"):
        drift.pinned_notebook(tmp_path / "empty", example, pins)


def test_name_error_reported_by_expect_after_a_failure_is_not_reached(example):
    wrapped = error(
        "AssertionError", "expected ZeroDivisionError, got NameError: name 'x'", count=7
    )
    outputs = [[], [], [], [error("ValueError", "bad", count=3)], [], [], [wrapped]]
    pinned, tested = notebooks(example, outputs)
    record = drift.compare(example, pinned, tested)[6]
    assert (record["status"], record["after"]) == ("not reached", 5)


def test_a_timed_out_cell_fails_for_its_timeout():
    cell = nbformat.v4.new_code_cell("while True: pass")
    cell.outputs = [error("KeyboardInterrupt", "")]
    reply = {"content": {"status": "error", "ename": "CellTimeoutError", "evalue": "after 1 s"}}
    drift._record_timeout(cell, 0, reply)
    assert [o.ename for o in cell.outputs] == ["CellTimeoutError", "KeyboardInterrupt"]
