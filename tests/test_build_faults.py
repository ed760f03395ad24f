"""Bad input stops the build with a message naming the file, the cell and the cause.

Each test builds a tiny site that inherits the real mkdocs.yml (same theme, plugins and hook)
with a small pure-Python example, injects one fault, and checks how `mkdocs build` fails.
"""

import importlib
import json
import re
import socket
import subprocess
import textwrap
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import BIN, ROOT, mkdocs_build

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
                theme:
                  name: material
                  custom_dir: {ROOT / "overrides"}
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
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 11)", "KeyError: 'missing'")


def test_expected_error_not_raised(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("    1 / 0", "    1 / 1"))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 20)",
        "AssertionError: expected ZeroDivisionError, but nothing was raised",
    )


def test_different_exception_type_than_promised(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("    1 / 0", "    int('x')"))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 20)",
        "expected ZeroDivisionError, got ValueError",
    )


def test_expected_message_fragment_missing(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace('"division by zero"', '"modulo by zero"'))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 20)",
        "expected 'modulo by zero' in the ZeroDivisionError message",
    )


@pytest.mark.parametrize("limit", ["3", "2.5"])  # nbclient takes whole seconds: 2.5 -> 3
def test_hanging_cell_times_out(tiny, limit):
    tiny.write_example(GOOD_EXAMPLE.replace("total = sum(range(4))", "import time\ntime.sleep(60)"))
    result = tiny.build(SITEBUILD_CELL_TIMEOUT=limit)
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
    assert_fails(tiny.build(SITEBUILD_JOBS="2"), "second.py: cell 3 (line 11)", "ZeroDivisionError")


# --- The cache: verified when read, written atomically ---------------------------------------


def cached_entry(tiny) -> Path:
    (entry,) = (p for p in (tiny.cache / "notebooks").iterdir() if not p.name.startswith("."))
    return entry


def edit_cached_notebook(tiny, change) -> None:
    path = cached_entry(tiny) / "notebook.ipynb"
    nb = json.loads(path.read_text())
    change(nb)
    path.write_text(json.dumps(nb))


def fake_output(nb):  # cell 0 prints the total; the expect() helper runs next, before its use
    nb["cells"][0]["outputs"][0]["text"] = "total 42\n"


def fake_code(nb):
    nb["cells"][0]["source"] = "print('total 42')"


def drop_cells(nb):
    nb["cells"] = nb["cells"][:1]


def drop_metadata(nb):
    del nb["metadata"]["sitebuild"]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (fake_output, "its outputs were changed after execution"),
        (fake_code, "code cell 0 is not the example's code"),
        (drop_cells, "it holds 1 cells, the example has 3 to run"),
        (drop_metadata, "it has no sitebuild metadata"),
        (lambda nb: nb.clear(), "notebook.ipynb is malformed"),
    ],
)
def test_a_tampered_cache_entry_is_rejected_and_run_again(tiny, change, reason):
    assert tiny.build().returncode == 0
    edit_cached_notebook(tiny, change)
    result = tiny.build()
    assert result.returncode == 0, result.stderr
    assert f"rejected: {reason}" in result.stderr and "executing again" in result.stderr
    assert tiny.stats()["executions"] == 1
    page = (tiny.root / "site/en/index.html").read_text()
    assert "total 6" in page and "total 42" not in page


def test_not_json_and_half_written_entries_are_rejected(tiny):
    assert tiny.build().returncode == 0
    (cached_entry(tiny) / "notebook.ipynb").write_text("{ not json")
    assert "notebook.ipynb is malformed" in tiny.build().stderr
    (cached_entry(tiny) / "notebook.ipynb").unlink()  # as a killed writer of the old layout left it
    result = tiny.build()
    assert "rejected: notebook.ipynb is missing" in result.stderr and result.returncode == 0


def test_a_cached_file_that_changed_is_rejected(tiny):
    tiny.write_example(GOOD_EXAMPLE + DOWNLOAD_CELLS)
    assert tiny.build().returncode == 0
    (cached_entry(tiny) / "files" / "data.txt").write_text("not what the example wrote")
    result = tiny.build()
    assert "rejected: its files differ from those recorded at execution" in result.stderr
    published = tiny.root / "site/notebooks/files/tiny/data.txt"
    assert published.read_text() == "written by the example"


ENV_NAMES = ("MY_VAR", "TF_ENABLE_ONEDNN_OPTS", "CUDA_VISIBLE_DEVICES", "TF_USE_LEGACY_KERAS")
ENV_EXAMPLE = GOOD_EXAMPLE.replace(
    'print("total", total)',
    f'import os\nprint("total", total)\nfor name in {ENV_NAMES}:\n'
    "    print(name, repr(os.environ.get(name)))",
)
KERNEL_SEES = ("MY_VAR None", "TF_ENABLE_ONEDNN_OPTS '0'", "CUDA_VISIBLE_DEVICES ''")


def test_the_builders_environment_does_not_reach_the_kernel(tiny):
    tiny.write_example(ENV_EXAMPLE)
    first = tiny.build(MY_VAR="one", TF_ENABLE_ONEDNN_OPTS="0", TF_USE_LEGACY_KERAS="1")
    assert first.returncode == 0, first.stderr
    page = (tiny.root / "site/en/index.html").read_text()
    for line in (*KERNEL_SEES, "TF_USE_LEGACY_KERAS None"):
        assert line in page, line
    # another environment: still the same inputs to the kernel, so the cache is right to serve it
    second = tiny.build(MY_VAR="two", TF_ENABLE_ONEDNN_OPTS="1")
    assert second.returncode == 0 and tiny.stats()["executions"] == 0
    tiny.write_example(ENV_EXAMPLE.replace("range(4)", "range(5)"))
    third = tiny.build(MY_VAR="two", TF_ENABLE_ONEDNN_OPTS="1")
    assert third.returncode == 0 and tiny.stats()["executions"] == 1
    for line in KERNEL_SEES:
        assert line in (tiny.root / "site/en/index.html").read_text(), line


def test_the_cache_key_covers_the_kernel_environment_and_the_machine(monkeypatch):
    from sitebuild import execute, source

    example = source.parse(ROOT / "examples" / "quick_start.py")
    key = execute.cache_key(example)
    monkeypatch.setitem(execute.PINNED_ENV, "TF_ENABLE_ONEDNN_OPTS", "1")
    assert execute.cache_key(example) != key
    monkeypatch.setitem(execute.PINNED_ENV, "TF_ENABLE_ONEDNN_OPTS", "0")
    assert execute.cache_key(example) == key
    monkeypatch.setattr(execute.platform, "machine", lambda: "aarch64")
    assert execute.cache_key(example) != key


MANY_FILES = """
# %%
import pathlib

pathlib.Path("downloads").mkdir(exist_ok=True)
for i in range(51):
    pathlib.Path(f"downloads/f{i}.txt").write_text(f"file {i}" * 2000)
"""


def test_two_builds_at_once_leave_one_whole_entry(tiny):
    tiny.write_example(GOOD_EXAMPLE + DOWNLOAD_CELLS + MANY_FILES)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: tiny.build(), range(2)))
    for result in results:
        assert result.returncode == 0, result.stderr
    (entry,) = [p for p in (tiny.cache / "notebooks").iterdir()]
    assert len(list((entry / "files").iterdir())) == 52
    third = tiny.build()
    assert third.returncode == 0 and tiny.stats()["executions"] == 0, third.stderr
    assert len(list((tiny.root / "site/notebooks/files/tiny").iterdir())) == 52


# --- Contained examples ----------------------------------------------------------------------


def download_cells(code: str, link: str = "data.txt") -> str:
    return f"""
# %% [markdown] lang="zh"
# 下载 <a href="download:{link}" download>{link}</a>
# %% [markdown] lang="en"
# Download <a href="download:{link}" download>{link}</a>

# %%
import os
import pathlib

pathlib.Path("downloads").mkdir(exist_ok=True)
{code}
"""


def test_a_symlink_in_downloads_is_refused(tiny):
    tiny.write_example(
        GOOD_EXAMPLE + download_cells('os.symlink("/etc/passwd", "downloads/data.txt")')
    )
    assert_fails(tiny.build(), "downloads/data.txt is a symbolic link (to /etc/passwd)")
    assert not (tiny.root / "site/notebooks/files").exists()


def test_a_hard_link_in_downloads_is_refused(tiny):
    code = 'pathlib.Path("x").write_text("x")\nos.link("x", "downloads/data.txt")'
    tiny.write_example(GOOD_EXAMPLE + download_cells(code))
    assert_fails(tiny.build(), "downloads/data.txt is a hard link")


def test_a_symlinked_downloads_folder_is_refused(tiny):
    code = 'os.rmdir("downloads")\nos.symlink("/etc", "downloads")'
    tiny.write_example(GOOD_EXAMPLE + download_cells(code))
    assert_fails(tiny.build(), "downloads/ is not a folder the example created")


def test_nested_download_folders_are_published(tiny):
    code = (
        'pathlib.Path("downloads/sub").mkdir()\npathlib.Path("downloads/sub/a.txt").write_text("a")'
    )
    tiny.write_example(GOOD_EXAMPLE + download_cells(code, link="sub/a.txt"))
    result = tiny.build()
    assert result.returncode == 0, result.stderr
    assert (tiny.root / "site/notebooks/files/tiny/sub/a.txt").read_text() == "a"
    assert (
        'href="../notebooks/files/tiny/sub/a.txt"' in (tiny.root / "site/en/index.html").read_text()
    )


def test_a_download_link_leaving_downloads_is_refused(tiny):
    code = 'pathlib.Path("secret.txt").write_text("s")'
    tiny.write_example(GOOD_EXAMPLE + download_cells(code, link="../secret.txt"))
    assert_fails(tiny.build(), "links download:../secret.txt", "no '..'")


def test_an_example_runs_in_a_fresh_folder_with_an_empty_home(tiny):
    code = (
        'assert os.listdir(".") == ["downloads"], os.listdir(".")\n'
        f'assert os.path.expanduser("~") != {str(Path.home())!r}\n'
        'assert not os.path.exists(os.path.expanduser("~/.keras"))\n'
        'pathlib.Path("downloads/data.txt").write_text("ok")'
    )
    tiny.write_example(GOOD_EXAMPLE + download_cells(code))
    result = tiny.build()
    assert result.returncode == 0, result.stderr


# --- Safe output -----------------------------------------------------------------------------

HTML_CELLS = """
# %%
from IPython.display import HTML, Markdown, display

display(HTML('<b>bold</b><script>alert(1)</script><img src=x onerror="alert(2)">'
             '<a href="https://example.com/x">out</a><img src="//cdn.example/y.png">'))
display(Markdown("| a | b |\\n|---|---|\\n| 1 | **2** |\\n\\n<script>alert(3)</script>"))
"""


def test_html_and_markdown_outputs_are_rendered_and_sanitized(tiny):
    tiny.write_example(GOOD_EXAMPLE + HTML_CELLS)
    result = tiny.build()
    assert result.returncode == 0, result.stderr
    for page in ("site/index.html", "site/en/index.html"):
        outputs = "".join(
            re.findall(
                r'<div class="nb-html[^"]*"[^>]*>(.*?)</div>', (tiny.root / page).read_text(), re.S
            )
        )
        assert "<b>bold</b>" in outputs and "<strong>2</strong>" in outputs and "<table>" in outputs
        for bad in ("alert(", "onerror", "example.com", "cdn.example", "Markdown object"):
            assert bad not in outputs, f"{bad} in {page}"
    nb = json.loads((tiny.root / "site/notebooks/tiny.en.ipynb").read_text())
    assert "alert(" not in json.dumps(nb["cells"][-1]["outputs"][0])


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("import os\nprint(os.getcwd())", "output shows a local path"),
        ("import os\nprint(os.path.expanduser('~'))", "output shows a local path"),
        ("import sys\nprint(sys.executable)", "output shows a local path"),
        ("print('/root/.keras/keras.json')", "output shows a"),  # the builder's home, or any
        ("print('/home/alice/data.csv')", "output shows a home folder"),
        ("print(object())", "output shows a memory address"),
    ],
)
def test_outputs_that_reveal_the_machine_fail_the_build(tiny, code, message):
    tiny.write_example(GOOD_EXAMPLE.replace('print("total", total)', code))
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 10)", message)


def test_an_oversized_output_fails_the_build_with_its_size(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace('print("total", total)', 'print("x" * 3_000_000)'))
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 10)", "outputs are 2.9 MB", "over the limit")


def test_a_thread_printing_after_its_cell_fails_the_build(tiny):
    code = (
        "import threading, time\n"
        "def late():\n"
        "    time.sleep(1)\n"
        "    print('late line')\n"
        "threading.Thread(target=late, name='late-printer').start()"
    )
    tiny.write_example(GOOD_EXAMPLE.replace('print("total", total)', code))
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 10)", "threads still running (late-printer)")


# --- Clear messages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "cause"),
    [
        ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", "killed by signal 9 (SIGKILL)"),
        (
            "import os\nos.write(2, b'dying now\\n')\nos._exit(3)",
            "exited with code 3",
        ),
    ],
)
def test_a_dead_kernel_is_explained(tiny, code, cause):
    tiny.write_example(GOOD_EXAMPLE.replace('print("total", total)', code))
    result = tiny.build()
    assert_fails(result, "tiny.py: cell 3 (line 10)", f"the kernel died ({cause})")
    if "exited" in cause:
        assert "kernel stderr: dying now" in result.stderr


def test_the_error_names_the_line_that_raised(tiny):
    code = 'print("total", total)\nx = 1\n\n{}["deep"]\n'
    tiny.write_example(GOOD_EXAMPLE.replace('print("total", total)', code))
    assert_fails(tiny.build(), "tiny.py: cell 3 (line 15)", "KeyError: 'deep'")


def test_a_byte_order_mark_is_named(tiny):
    (tiny.examples / "tiny.py").write_bytes(b"\xef\xbb\xbf" + GOOD_EXAMPLE.encode())
    assert_fails(tiny.build(), "tiny.py: line 1: the file starts with a UTF-8 byte-order mark")


def test_invalid_utf8_names_the_line(tiny):
    data = GOOD_EXAMPLE.encode().replace(b"Some prose.", b"Some \xff prose.")
    (tiny.examples / "tiny.py").write_bytes(data)
    assert_fails(tiny.build(), "tiny.py: line 8, column 8: not UTF-8 text")


def test_expect_refuses_what_it_cannot_catch(tiny):
    tiny.write_example(GOOD_EXAMPLE.replace("ZeroDivisionError, ", "KeyboardInterrupt, "))
    assert_fails(
        tiny.build(),
        "tiny.py: cell 6 (line 20)",
        "expect() checks subclasses of Exception only; <class 'KeyboardInterrupt'>",
    )


# --- Whole sites -----------------------------------------------------------------------------


def test_a_failed_build_leaves_the_previous_site_whole(tiny):
    assert tiny.build().returncode == 0
    before = {
        p.relative_to(tiny.root): p.read_bytes() for p in (tiny.root / "site").rglob("*.html")
    }
    assert Path("site/en/index.html") in before
    # only the English pass fails (a broken link in the en page, under --strict)
    tiny.write_page("index.en.md", "<!-- notebook: tiny -->\n\nSee [nowhere](nowhere.md).\n")
    tiny.write_example(GOOD_EXAMPLE.replace("一段说明。", "新的说明。"))
    assert_fails(tiny.build(), "nowhere.md", "site is unchanged (the new site was discarded)")
    after = {p.relative_to(tiny.root): p.read_bytes() for p in (tiny.root / "site").rglob("*.html")}
    assert after == before
    assert not list(tiny.root.glob(".site*")), "a staging folder was left behind"


def test_a_failed_first_build_leaves_no_half_site(tiny):
    tiny.write_page("index.en.md", "<!-- notebook: tiny -->\n\nSee [nowhere](nowhere.md).\n")
    assert_fails(tiny.build(), "nowhere.md")
    assert not (tiny.root / "site").exists() and not list(tiny.root.glob(".site*"))


def test_serve_keeps_answering_while_an_example_is_broken(tiny):
    assert tiny.build().returncode == 0  # a good build first: its outputs are in the cache
    tiny.write_example(GOOD_EXAMPLE.replace("total = sum(range(4))", "total = {}['missing']"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [str(BIN / "mkdocs"), "serve", "--strict", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        cmd, cwd=tiny.root, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    try:
        page = None
        for _ in range(120):
            time.sleep(0.5)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=10) as r:
                    page = r.read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
        assert page is not None, "mkdocs serve never answered"
        assert "Build error" in page and "KeyError" in page and "missing" in page
    finally:
        server.terminate()
        stderr = server.communicate(timeout=30)[1]
    assert "example failed: examples/tiny.py: cell 3 (line 11): KeyError" in stderr


def test_serve_reloads_builder_code_that_changed():
    import sitebuild
    from sitebuild import execute

    hooks = importlib.import_module("sitebuild.hooks")
    sitebuild.loaded_stamps = {"execute": 0}  # as if the files changed since they were loaded
    execute.BUILDER_VERSION = "stale"
    hooks._reload_changed_builder()
    assert execute.BUILDER_VERSION != "stale"


COLLAPSIBLE_EXAMPLE = GOOD_EXAMPLE.replace("# ## 错误", "# ## 错误 {#errors .collapsible}").replace(
    "# ## Errors", "# ## Errors {#errors .collapsible}"
) + (
    '\n# %% [markdown] lang="zh"\n# ## 之后\n#\n# 不在折叠块里。\n'
    '# %% [markdown] lang="en"\n# ## After\n#\n# Outside the block.\n\n# %%\nprint("after")\n'
)


def test_a_collapsible_section_folds_on_the_site_and_is_a_heading_in_jupyter(tiny):
    tiny.write_example(COLLAPSIBLE_EXAMPLE)
    result = tiny.build()
    assert result.returncode == 0, result.stderr
    page = (tiny.root / "site/en/index.html").read_text()
    start = page.find('<details class="nb-collapsible">')
    assert start != -1, "the section is not a <details>"
    after = page.index('<h2 id="after"')
    block = page[start:after]
    assert re.search(r'<summary>\s*<h2 class="collapsible" id="errors">Errors', block), block[:300]
    assert "ZeroDivisionError: division by zero" in block, "its code and outputs are inside"
    assert block.rstrip().endswith("</details>"), "the block closes before the next heading"
    assert "Outside the block." in page[after:]
    assert "{#errors" not in page and ".collapsible" not in page
    nb = json.loads((tiny.root / "site/notebooks/tiny.en.ipynb").read_text())
    prose = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert '## Errors <a id="errors"></a>' in prose, prose


def test_collapsible_twins_must_agree(tiny):
    tiny.write_example(
        COLLAPSIBLE_EXAMPLE.replace("# ## Errors {#errors .collapsible}", "# ## Errors")
    )
    assert_fails(tiny.build(), "heading ids or classes differ from its zh twin")
