"""Unit checks of the executor's output normalisation."""

import nbformat
import pytest

from sitebuild.execute import coalesce_streams
from sitebuild.expect import HELPER_SOURCE


def stream(name, text):
    return nbformat.v4.new_output("stream", name=name, text=text)


def test_consecutive_streams_of_one_name_are_merged():
    outputs = [stream("stdout", "a\n"), stream("stdout", "b\n"), stream("stderr", "w\n")]
    outputs += [stream("stdout", "c\n")]
    merged = coalesce_streams(outputs)
    assert [(o.name, o.text) for o in merged] == [
        ("stdout", "a\nb\n"),
        ("stderr", "w\n"),
        ("stdout", "c\n"),
    ]


def test_other_outputs_split_streams():
    result = nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1)
    merged = coalesce_streams([stream("stdout", "a"), result, stream("stdout", "b")])
    assert [o.output_type for o in merged] == ["stream", "execute_result", "stream"]


def test_expect_prints_exact_error_without_paths_or_addresses(capsys):
    namespace = {}
    exec(HELPER_SOURCE, namespace)
    message = (
        "bad graph <Graph object at 0x7f3a2b1c9d50>\n\nOriginal stack trace for 'x':\n"
        '  File "/home/me/x.py", line 1'
    )
    with namespace["expect"](ValueError, "bad graph"):
        raise ValueError(message)
    assert capsys.readouterr().out == "ValueError: bad graph <Graph object at 0x...>\n"


def test_expect_rejects_subclasses_and_missing_errors():
    namespace = {}
    exec(HELPER_SOURCE, namespace)
    with pytest.raises(AssertionError, match="expected LookupError, got KeyError"):
        with namespace["expect"](LookupError):
            raise KeyError("k")
    with pytest.raises(AssertionError, match="nothing was raised"):
        with namespace["expect"](KeyError):
            pass
