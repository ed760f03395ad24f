"""slim.py and highlight.py make pages lighter and rebuilds faster; these tests hold them to
"without changing what a reader sees"."""

import html
import json
import re
from pathlib import Path

import markdown
import material

from sitebuild import highlight, slim, source

ROOT = Path(__file__).resolve().parent.parent

CODE = '''\
class Block(keras.layers.Layer):
    """A docstring."""

    def call(self, x, training=None):  # a comment
        y = f"{x!r:>8} and {training}"
        return [x * 2.5, len(y), True, None, 0x1F, not training]
'''


def highlighted(code: str) -> str:
    """The HTML our Markdown config (pymdownx.highlight via superfences) makes of a Python block."""
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"])
    return md.convert(f"```python\n{code}```")


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_slim_code_keeps_the_text_and_drops_most_spans():
    before = highlighted(CODE)
    after = slim.slim_code(before)
    assert visible_text(after) == visible_text(before) == CODE
    assert len(after) < 0.6 * len(before)
    kept = set(re.findall(r"<span class=(\w+)>", after))
    assert kept <= {group[0] for group in slim.COLOUR_GROUPS}
    assert {"k", "s", "m", "nf", "c"} <= kept  # keywords, strings, numbers, names, comments


def test_every_class_slim_merges_has_its_groups_colour_in_material():
    """If a Material upgrade recolours a token class, the merge would change what readers see."""
    css = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.css"))
    css_text = css.read_text()
    rules = re.findall(r"([^{}]+)\{color:var\((--md-code-hl-[\w-]+)\)\}", css_text)
    colour = {}
    for selectors, var in rules:
        for cls in re.findall(r"\.highlight \.(\w+)", selectors):
            colour[cls] = var
    for group in slim.COLOUR_GROUPS:
        assert len({colour[cls] for cls in group}) == 1, group
    # what slim unwraps draws in the plain code colour, or has no colour rule at all ...
    for cls in ("n", "kc", "fm", "sa", "vm", "w"):
        assert colour.get(cls, "--md-code-hl-name-color") == "--md-code-hl-name-color", cls
    # ... or in the light grey of operators and punctuation
    grey = {colour[cls] for cls in ("o", "ow", "p", "na", "nv", "vc", "vg", "vi")}
    for var in grey:
        assert re.search(var + r":var\(--md-default-fg-color--light\)", css_text), var


def test_strip_indentation_keeps_whitespace_where_it_shows():
    page = (
        "<div>\n    <p>a\n      b</p>\n\n\n"
        "    <pre><code>def f():\n    return 1\n</code></pre>\n"
        "    <p><code>x\n    y</code></p>\n"
        '    <div data-search-exclude class="highlight"></div>\n</div>'
    )
    out = slim.strip_indentation(page)
    assert "<pre><code>def f():\n    return 1\n</code></pre>" in out
    assert "<code>x\n    y</code>" in out
    assert "<p>a\nb</p>" in out
    assert "\n\n" not in out and "\n " not in out.replace("\n    return", "").replace("\n    y", "")
    assert "data-search-exclude" not in out


def test_cached_highlight_is_what_the_fence_gives_for_every_code_cell():
    for example in source.load_all(ROOT / "examples").values():
        for cell in example.code_cells:
            code = cell.source.rstrip()
            fence = highlighted(code + "\n")
            assert highlight.highlight_python(code).rstrip() == fence.rstrip(), example.slug


def test_highlight_cache_round_trip_and_pruning(tmp_path, monkeypatch):
    path = tmp_path / "highlight.json"
    first = highlight.CachedHighlighter(path)
    marks = [first.placeholder("x = 1"), first.placeholder("y = 2")]
    assert first.fill("".join(marks)) == highlight.highlight_python(
        "x = 1"
    ) + highlight.highlight_python("y = 2")
    first.save()

    def no_pygments(source):
        raise AssertionError("highlighted again instead of read from the cache")

    monkeypatch.setattr(highlight, "highlight_python", no_pygments)
    second = highlight.CachedHighlighter(path)
    assert second.fill(second.placeholder("x = 1")).startswith('<div class="highlight">')
    second.save()
    assert len(json.loads(path.read_text())["html"]) == 1  # "y = 2" was not used: dropped
