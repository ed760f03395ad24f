"""The version matrix (`make matrix`) end to end on a tiny example and two fake releases: two venvs
without TensorFlow (or pip), each seeing .venv's packages (ipykernel) through a .pth file and
holding its own version of a tiny package, `tinylib`. Offline, no install."""

import json
import site
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import execute, matrix, matrix_render, render, source

EXAMPLE = """\
# %% [markdown] lang="zh"
# # 小例子
# %% [markdown] lang="en"
# # Tiny example

# %%
try:
    import tinylib

    version = tinylib.__version__
except ImportError:  # the pinned build has no tinylib: it stands for the newest release
    version = "3.0"
print("tinylib", version)

# %% [markdown] lang="zh"
# ## 总是成立
# %% [markdown] lang="en"
# ## Always holds

# %%
print(1 + 1)

# %% [markdown] lang="zh"
# ## 一个断言
# %% [markdown] lang="en"
# ## An assert

# %%
major = int(version.split(".")[0])
assert major >= 2, f"needs tinylib 2 or newer, got {version}"
doubled = major * 2

# %%
print(doubled)

# %% [markdown] lang="zh"
# ## 意外的异常
# %% [markdown] lang="en"
# ## An unexpected exception

# %%
settings = {"new": True} if major >= 2 else {}
print(settings["new"])

# %% [markdown] lang="zh"
# ## 演示的错误
# %% [markdown] lang="en"
# ## A demonstrated error

# %%
with expect(ZeroDivisionError, "division by zero"):
    1 / (0 if major >= 2 else 1)

# %%
# timing cell: output varies per run
print("1.0 ms")
"""


def fake_release(folder: Path, version: str) -> Path:
    """A venv with .venv's packages on its path and tinylib `version` in its own site-packages."""
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    packages = Path(own)
    (packages / "pinned.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    (packages / "tinylib").mkdir()
    (packages / "tinylib" / "__init__.py").write_text(f'__version__ = "{version}"\n')
    info = packages / f"tinylib-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: tinylib\nVersion: {version}\n")
    return python


@pytest.fixture
def setup(tmp_path):
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "tiny.py").write_text(EXAMPLE)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tiny-page.zh.md").write_text("<!-- notebook: tiny -->\n")
    one = fake_release(tmp_path / "one", "1.0")
    two = fake_release(tmp_path / "two", "2.0")
    config = tmp_path / "releases.toml"
    config.write_text(
        'reference = "pinned"\n'
        f'[[release]]\nname = "one"\npython = "{one}"\nrequirements = ["tinylib==1.0"]\n'
        f'[[release]]\nname = "two"\npython = "{two}"\nrequirements = ["tinylib==2.0"]\n'
    )
    args = [
        "--config", str(config),
        "--results", str(tmp_path / "results"),
        "--examples-dir", str(examples),
        "--work", str(tmp_path / "work"),
        "--cache", str(tmp_path / "cache"),
        "--timeout", "60",
        "--jobs", "2",
    ]  # fmt: skip
    return tmp_path, args


def page(tmp_path: Path, lang: str) -> str:
    """The page Markdown as the build renders it, with the matrix results."""
    example = source.parse(tmp_path / "examples" / "tiny.py")
    done = execute.execute(example, tmp_path / "cache", 60, log=lambda _: None)
    nb = execute.language_notebook(example, done, lang, "2026-01-01")
    results = matrix_render.load(tmp_path / "results")
    nb = matrix_render.annotate(nb, example, lang, results)
    return render.render(nb, lang, "tiny.ipynb", {}, lambda name: name)


def test_matrix_end_to_end(setup, capsys):
    tmp_path, args = setup
    assert matrix.main(args) == 0
    one = json.loads((tmp_path / "results" / "one.json").read_text())
    record = one["examples"]["tiny"]
    # the helper cell is injected right before the expect() cell
    assert record["cells"] == [
        "changed",  # prints tinylib 1.0, not 3.0
        "same",
        "assert",  # the assert
        "not reached",  # NameError: `doubled` was never defined
        "error",  # KeyError: an unexpected exception
        "same",  # the expect() helper
        "assert",  # expect(): nothing was raised
        "not compared",  # the timing cell
    ]
    assert record["versions"]["tinylib"] == "1.0" and "oneDNN off" in record["machine"]
    assert record["code"] == matrix.code_digest(source.parse(tmp_path / "examples" / "tiny.py"))
    details = record["details"]
    assert details["2"]["line"] == 2 and details["2"]["code"].startswith("assert major >= 2")
    assert "AssertionError: needs tinylib 2 or newer, got 1.0" in details["2"]["output"]
    assert details["3"]["error"].startswith("NameError") and details["3"]["after"] == 9
    assert details["4"]["output"] == "KeyError: 'new'"
    assert "expected ZeroDivisionError, but nothing was raised" in details["6"]["output"]
    assert "+tinylib 1.0" in details["0"]["diff"]
    two = json.loads((tmp_path / "results" / "two.json").read_text())
    assert two["examples"]["tiny"]["counts"] == {"same": 5, "changed": 2, "not compared": 1}
    report = (tmp_path / "work" / "report.md").read_text()
    assert "- one, tiny: new result, 3 claims do not hold" in report

    en, zh = page(tmp_path, "en"), page(tmp_path, "zh")
    assert ": 3 claims do not hold; 1 cell not reached after a failure" in en
    assert ": every claim holds; outputs differ in details" in en
    assert ": this page's own build: every claim holds" in en
    assert "3 处结论不成立，另有 1 格因前面的失败没有运行" in zh
    # each failing section gets its block, with the real output, right under its heading
    block = '??? failure nb-matrix "TensorFlow one: 1 claim of this section does not hold"'
    assert f"## An assert\n\n{block}" in en
    assert "    AssertionError: needs tinylib 2 or newer, got 1.0" in en
    assert '## An unexpected exception\n\n??? failure nb-matrix "TensorFlow one: 1 claim' in en
    assert "    KeyError: 'new'" in en
    assert "## Always holds\n\n" in en and "## Always holds\n\n???" not in en
    assert "TensorFlow one：本节有 1 处结论不成立" in zh

    versions = matrix_render.matrix_markdown(
        "en",
        {"tiny": source.parse(tmp_path / "examples" / "tiny.py")},
        tmp_path / "docs",
        matrix_render.load(tmp_path / "results"),
    )
    assert "| [An assert](tiny-page.md#an-assert) | ✗ 1 | ≈ |" in versions
    assert "| [Always holds](tiny-page.md#always-holds) | ✓ | ✓ |" in versions
    assert "| (introduction) | ≈ | ≈ |" in versions

    # Nothing stale: nothing runs.
    capsys.readouterr()
    assert matrix.main(args) == 0
    assert "Nothing was stale" in capsys.readouterr().out

    # The code changes: both releases' results are "not re-checked" until re-run; re-running one
    # release leaves the other stale.
    path = tmp_path / "examples" / "tiny.py"
    path.write_text(EXAMPLE.replace("print(1 + 1)", "print(2 + 2)"))
    en = page(tmp_path, "en")
    assert en.count("not re-checked (the example's code changed after the check of") == 2
    assert "??? failure" not in en  # stale failures are not shown as current
    assert matrix.main([*args, "--releases", "one"]) == 0
    en = page(tmp_path, "en")
    assert en.count("not re-checked") == 1 and ": 3 claims do not hold" in en
    versions = matrix_render.matrix_markdown(
        "en",
        {"tiny": source.parse(path)},
        tmp_path / "docs",
        matrix_render.load(tmp_path / "results"),
    )
    assert "| [An assert](tiny-page.md#an-assert) | ✗ 1 | ? |" in versions


def test_sections_map_code_cells_and_helper(tmp_path):
    path = tmp_path / "tiny.py"
    path.write_text(EXAMPLE)
    example = source.parse(path)
    found, of_code = matrix_render.sections(example)
    assert [s["en"] for s in found] == [
        "Tiny example",
        "Always holds",
        "An assert",
        "An unexpected exception",
        "A demonstrated error",
    ]
    assert of_code == [0, 1, 2, 2, 3, 4, 4, 4]  # the helper counts with the expect() cell


def test_verdicts():
    assert matrix.verdict(["same", "changed", "not compared"]) == "differs in details"
    assert matrix.verdict(["same", "assert", "not reached", "error"]) == "2 claims do not hold"
    assert matrix.verdict(["same", "not reached"]) == "not reached"
    assert matrix.verdict(["same", "not compared"]) == "holds"


def test_trim_keeps_the_end_and_hides_addresses():
    text = "\n".join(f"line {i}" for i in range(100)) + "\nValueError: at 0x7f3a2b4c5d6e"
    trimmed = matrix.trim(text).splitlines()
    assert len(trimmed) == matrix.OUTPUT_LINES
    assert trimmed[0] == "line 0" and trimmed[-1] == "ValueError: at 0x..."
    assert "lines cut" in "\n".join(trimmed)


def test_release_config_pins_from_lock(tmp_path):
    config = tmp_path / "releases.toml"
    config.write_text(
        'reference = "2.21"\nfrom_lock = ["ipykernel"]\n'
        '[[release]]\nname = "2.15"\nrequirements = ["tensorflow==2.15.1"]\n'
    )
    lock = tmp_path / "requirements.lock"
    lock.write_text("ipykernel==7.4.0 \\\n    --hash=sha256:00\n")
    loaded = matrix.load_config(config, lock)
    assert loaded.reference == "2.21"
    release = loaded.releases[0]
    assert (release.requirements, release.common) == (["tensorflow==2.15.1"], ["ipykernel==7.4.0"])
