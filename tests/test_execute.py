"""Unit checks of the executor's output normalisation."""

import nbformat

from sitebuild.execute import coalesce_streams


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
