"""Bad input stops the build with a message naming the file, the cell and the cause.

Each test builds a tiny site that inherits the real mkdocs.yml (same theme, plugins and hook)
with a small pure-Python example, injects one fault, and checks how `mkdocs build` fails.
"""

import json
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

GOOD_EXAMPLE = """\
# %% [markdown] lang="zh"
# # 小例子
#
# 一段说明。
# %% [markdown] lang="en"
# # Tiny example
#
# Some prose.

# %%
total = sum(range(4))
print("total", total)

# %% [markdown] lang="zh"
# ## 错误
# %% [markdown] lang="en"
# ## Errors

# %%
with expect(ZeroDivisionError, "division by zero"):
    1 / 0
"""


class TinySite:
    def __init__(self, root: Path):
        self.root = root
        self.cache = root / "cache"
        self.examples = root / "examples"
        self.docs = root / "docs"
        self.examples.mkdir()
        self.docs.mkdir()
        (root / "mkdocs.yml").write_text(
            textwrap.dedent(f"""\
                INHERIT: {ROOT / "mkdocs.yml"}
                docs_dir: docs
                hooks: [{ROOT / "sitebuild" / "hooks.py"}]
                watch: []
                extra_css: []
                nav:
                  - index.md
                extra:
                  sitebuild:
                    examples_dir: examples
                    cache_dir: cache/notebooks
                    cell_timeout: 20
            """)
        )
        self.write_example(GOOD_EXAMPLE)
        for lang in ("zh", "en"):
            self.write_page(f"index.{lang}.md", "<!-- notebook: tiny -->\n")

    def write_example(self, text: str, name: str = "tiny.py"):
        (self.examples / name).write_text(text, encoding="utf-8")

    def write_page(self, name: str, text: str):
        (self.docs / name).write_text(text, encoding="utf-8")

    def build(self, **env):
        return mkdocs_build(self.root / "mkdocs.yml", self.root / "site", env=env, timeout=300)

    def stats(self) -> dict:
        return json.loads((self.cache / "build-stats.json").read_text())


@pytest.fixture
def tiny(tmp_path) -> TinySite:
    return TinySite(tmp_path)


def assert_fails(result, *fragments):
    assert result.returncode != 0, f"build should have failed:\n{result.stderr[-3000:]}"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in build output:\n{result.stderr}"


def test_good_tiny_site_builds_and_caches(tiny):
    first = tiny.build()
    assert first.returncode == 0, first.stderr
    assert tiny.stats()["executions"] == 1
    assert "example tiny: executed in" in first.stderr
    for page in ("site/index.html", "site/en/index.html"):
        assert "ZeroDivisionError: division by zero" in (tiny.root / page).read_text()

    second = tiny.build()
    assert second.returncode == 0, second.stderr
    assert tiny.stats()["executions"] == 0, "a rebuild that changes nothing must execute nothing"
    assert "example tiny: from cache" in second.stderr

    tiny.write_example(GOOD_EXAMPLE.replace("Some prose.", "Other prose."))
    assert tiny.build().returncode == 0
    assert tiny.stats()["executions"] == 0, "editing prose must not re-execute code"
    assert "Other prose." in (tiny.root / "site/en/index.html").read_text()

    tiny.write_example(GOOD_EXAMPLE.replace("range(4)", "range(5)"))
    assert tiny.build().returncode == 0
    assert tiny.stats()["executions"] == 1, "editing code must re-execute the example"
    assert "total 10" in (tiny.root / "site/index.html").read_text()


def test_unexpected_exception_names_file_cell_and_cause(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("total = sum(range(4))", "total = {}['missing']"))
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 10)", "KeyError: 'missing'")


def test_expected_error_not_raised(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("    1 / 0", "    1 / 1"))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 19)",
        "AssertionError: expected ZeroDivisionError, but nothing was raised",
    )


def test_different_exception_type_than_promised(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("    1 / 0", "    int('x')"))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 19)",
        "expected ZeroDivisionError, got ValueError",
    )


def test_expected_message_fragment_missing(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace('"division by zero"', '"modulo by zero"'))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 19)",
        "expected 'modulo by zero' in the ZeroDivisionError message",
    )


def test_hanging_cell_times_out(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("total = sum(range(4))", "import time\ntime.sleep(60)"))
    result = tiny.build(SITEBUILD_CELL_TIMEOUT="3")
    assert_fails(result, "tiny.py: cell 3 (line 10)", "timed out after 3 s")


def test_page_missing_in_one_language(tiny):
    (tiny.docs / "index.en.md").unlink()
    assert_fails(tiny.build(), "docs/index.zh.md has no twin docs/index.en.md")


def test_prose_cell_missing_in_one_language(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace('# %% [markdown] lang="en"\n# ## Errors\n', ""))
    assert_fails(tiny.build(), "tiny.py: cell 4 (line 14)", "zh prose cell has no en twin")


def test_twin_headings_must_match(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("# ## Errors", "# ### Errors"))
    assert_fails(tiny.build(), "tiny.py: cell 5 (line 16)", "headings differ from its zh twin")


def test_broken_internal_link(tiny):
    tiny.write_page("index.en.md", "<!-- notebook: tiny -->\n\nSee [nowhere](nowhere.md).\n")
    assert_fails(tiny.build(), "index.en.md' contains a link 'nowhere.md'")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '# %% [markdown] lang="en"\n# # Tiny',
            '# %% [markdown] lang="fr"\n# # Tiny',
            "cell 2 (line 5)",
        ),
        ('# %% [markdown] lang="en"\n# # Tiny', "# %% [markdown]\n# # Tiny", "prose cell needs"),
        ("# Some prose.", "Some prose.", "line 8: prose lines must start with '# '"),
        ("# %%\ntotal", '# %% lang="zh"\ntotal', "drop lang= from code cells"),
        ("# %%\ntotal", "# %% [code\ntotal", "cell 3 (line 10): malformed cell header"),
    ],
)
def test_malformed_example_file(tiny, old, new, message):
    assert old in GOOD_EXAMPLE
    tiny.write_example(GOOD_EXAMPLE.replace(old, new))
    assert_fails(tiny.build(), "tiny.py", message)


def test_syntax_error_in_example(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("print(", "print(("))
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 12)", "SyntaxError")


def test_malformed_cached_notebook(tiny):
    assert tiny.build().returncode == 0
    (cached,) = (tiny.cache / "notebooks").glob("tiny-*.ipynb")
    cached.write_text("{ not json")
    assert_fails(tiny.build(), cached.name, "malformed cached notebook")


def test_page_embedding_unknown_example(tiny):
    for lang in ("zh", "en"):
        tiny.write_page(f"index.{lang}.md", "<!-- notebook: tiny -->\n<!-- notebook: nope -->\n")
    assert_fails(tiny.build(), "embeds unknown example 'nope'")


def test_example_not_embedded_anywhere(tiny):
    tiny.write_example(GOOD_EXAMPLE, name="orphan.py")
    assert_fails(tiny.build(), "examples/orphan.py is not embedded in any page")


DOWNLOAD_CELLS = """
# %% [markdown] lang="zh"
# 下载 <a href="download:data.txt" download>data.txt</a>
# %% [markdown] lang="en"
# Download <a href="download:data.txt" download>data.txt</a>

# %%
import pathlib

pathlib.Path("downloads").mkdir(exist_ok=True)
pathlib.Path("downloads/data.txt").write_text("written by the example")
"""


def test_files_written_to_downloads_are_published_and_linked(tiny):
    tiny.write_example(GOOD_EXAMPLE + DOWNLOAD_CELLS)
    assert tiny.build().returncode == 0
    published = tiny.root / "site/notebooks/files/tiny/data.txt"
    assert published.read_text() == "written by the example"
    assert (
        'href="../notebooks/files/tiny/data.txt"' in (tiny.root / "site/en/index.html").read_text()
    )
    assert tiny.build().returncode == 0 and tiny.stats()["executions"] == 0
    assert published.read_text() == "written by the example", "cached files are published too"


def test_download_link_to_a_file_the_code_never_wrote(tiny):
    tiny.write_example(GOOD_EXAMPLE + DOWNLOAD_CELLS.replace("download:data.txt", "download:x.csv"))
    assert_fails(tiny.build(), "links download:x.csv, but its code wrote no downloads/x.csv")


def test_examples_run_in_parallel_and_a_failure_is_named(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("# # Tiny example", "# # Second"), name="second.py")
    for lang in ("zh", "en"):
        tiny.write_page(f"second.{lang}.md", "<!-- notebook: second -->\n")
    result = tiny.build(SITEBUILD_JOBS="2")
    assert result.returncode == 0, result.stderr
    assert tiny.stats()["executions"] == 2
    tiny.write_example(GOOD_EXAMPLE.replace("sum(range(4))", "sum(range(4)) / 0"), name="second.py")
    assert_fails(tiny.build(SITEBUILD_JOBS="2"), "second.py: cell 3 (line 10)", "ZeroDivisionError")
