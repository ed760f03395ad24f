"""Execute an example's code once, cache the result, and split it into zh/en notebooks.

Only code is executed: the cache key is a hash of the code cells, the injected helper, the builder
version and the installed library versions, so editing prose never re-runs anything.
"""

import copy
import functools
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, CellExecutionError, CellTimeoutError

from . import expect
from .source import Example

BUILDER_VERSION = "3"  # bump to invalidate every cached execution
DEFAULT_CELL_TIMEOUT = 120  # seconds
LIBRARIES = ("tensorflow", "keras", "tf_keras", "numpy")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class ExecutionError(Exception):
    """An example failed to execute; the message names file, cell, line and cause."""


@dataclass
class Executed:
    notebook: nbformat.NotebookNode  # code cells only (helper first, if any), with outputs
    seconds: float
    from_cache: bool
    files: dict[str, bytes] = field(default_factory=dict)  # what the code wrote to downloads/


def versions() -> dict[str, str]:
    return dict(_installed_versions())


@functools.cache
def _installed_versions() -> dict[str, str]:
    found = {"python": sys.version.split()[0]}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name.replace("_", "-"))
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def cache_key(example: Example) -> str:
    payload = {
        "builder": BUILDER_VERSION,
        "versions": versions(),
        "helper": expect.HELPER_SOURCE if _needs_helper(example) else "",
        "code": [cell.source for cell in example.code_cells],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:20]


def _needs_helper(example: Example) -> bool:
    return any(expect.uses_expect(cell.source) for cell in example.code_cells)


def code_notebook(example: Example) -> nbformat.NotebookNode:
    sources = [cell.source for cell in example.code_cells]
    if _needs_helper(example):
        sources.insert(0, expect.HELPER_SOURCE.rstrip("\n"))
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(src, id=f"code-{i}") for i, src in enumerate(sources)]
    return nb


def kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("TF_USE_LEGACY_KERAS", None)  # each example chooses its Keras explicitly
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        PYTHONHASHSEED="0",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
        MPLBACKEND="module://matplotlib_inline.backend_inline",
    )
    return env


def _source_cell_for(example: Example, nb_index: int, has_helper: bool):
    """Map an index in the code notebook back to the example's source cell (None: the helper)."""
    if has_helper:
        if nb_index == 0:
            return None
        nb_index -= 1
    return example.code_cells[nb_index]


def _where(example: Example, nb_index: int, has_helper: bool) -> str:
    cell = _source_cell_for(example, nb_index, has_helper)
    if cell is None:
        return f"{example.path}: injected expect() helper cell"
    return example.where(cell)


DOWNLOADS = "downloads"  # files the code writes here are published next to the page


def run(example: Example, cell_timeout: float):
    """Run the example's code in a fresh kernel, cell by cell; raise ExecutionError on failure.

    Returns the executed notebook and the files the code wrote to downloads/ (name -> bytes).
    """
    nb = code_notebook(example)
    has_helper = _needs_helper(example)
    with tempfile.TemporaryDirectory(prefix=f"{example.slug}-") as workdir:
        client = NotebookClient(
            nb,
            timeout=cell_timeout,
            kernel_name="python3",
            resources={"metadata": {"path": workdir}},
            # TF's C++ runtime writes log lines straight to fd 2 (even with
            # TF_CPP_MIN_LOG_LEVEL=3); keep them out of the notebook outputs.
            extra_arguments=["--IPKernelApp.capture_fd_output=False"],
            record_timing=False,
        )
        # The kernel's own stderr (TF's C++ log lines, kernel warnings) goes to a log file, not
        # into the build output; it is quoted if the kernel dies.
        kernel_log = Path(workdir) / "kernel.log"
        with (
            open(kernel_log, "w") as log_file,
            client.setup_kernel(env=kernel_env(), cwd=workdir, stderr=log_file),
        ):
            info = client.wait_for_reply(client.kc.kernel_info())
            nb.metadata["language_info"] = info["content"]["language_info"]
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    raise ExecutionError(
                        f"{_where(example, index, has_helper)}: timed out after {cell_timeout:g} s "
                        "(per-cell limit; set SITEBUILD_CELL_TIMEOUT to change it)"
                    ) from None
                except CellExecutionError as err:
                    raise ExecutionError(
                        f"{_where(example, index, has_helper)}: {err.ename}: "
                        f"{ANSI_RE.sub('', err.evalue)}"
                    ) from None
                except (CellControlSignal, RuntimeError) as err:
                    tail = kernel_log.read_text(errors="replace").splitlines()[-5:]
                    raise ExecutionError(
                        f"{_where(example, index, has_helper)}: {type(err).__name__}: {err}"
                        + "".join(f"\n  kernel: {line}" for line in tail)
                    ) from None
        downloads = Path(workdir) / DOWNLOADS
        files = {p.name: p.read_bytes() for p in sorted(downloads.glob("*")) if p.is_file()}
    _check_ran(example, nb, has_helper)
    for cell in nb.cells:
        cell.outputs = coalesce_streams(cell.outputs)
    return nb, files


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive stream outputs of the same name. How a print is split into chunks
    depends on flush timing; merged, two runs of the same code give the same notebook."""
    merged: list = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (
            out.output_type == "stream"
            and last is not None
            and last.output_type == "stream"
            and last.name == out.name
        ):
            last.text += out.text
        else:
            merged.append(out)
    return merged


def _check_ran(example: Example, nb, has_helper: bool) -> None:
    """Guard against cells that silently never ran, and expect() blocks that printed nothing."""
    for index, cell in enumerate(nb.cells):
        if cell.get("execution_count") is None:
            raise ExecutionError(f"{_where(example, index, has_helper)}: cell never ran")
        source = _source_cell_for(example, index, has_helper)
        if source is not None and "with expect(" in source.source:
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            for name in re.findall(r"with expect\(\s*([\w.]+)", source.source):
                if f"{name.split('.')[-1]}: " not in printed:
                    raise ExecutionError(
                        f"{example.where(source)}: expect({name}) printed no {name} message"
                    )


def _cache_path(example: Example, cache_dir: Path) -> Path:
    return cache_dir / f"{example.slug}-{cache_key(example)}.ipynb"


def execute(example: Example, cache_dir: Path, cell_timeout: float, log=print) -> Executed:
    key = cache_key(example)
    cached = cache_dir / f"{example.slug}-{key}.ipynb"
    if cached.exists():
        try:
            nb = nbformat.read(cached, as_version=4)
            nbformat.validate(nb)
        except Exception as err:
            raise ExecutionError(
                f"{cached}: malformed cached notebook ({type(err).__name__}: {err}); "
                "delete it (or run `make clean`) and build again"
            ) from None
        seconds = nb.metadata.get("sitebuild", {}).get("seconds", 0.0)
        files_dir = cached.with_suffix(".files")
        files = {p.name: p.read_bytes() for p in sorted(files_dir.glob("*"))}
        log(f"example {example.slug}: from cache (ran in {seconds:.1f} s when executed)")
        return Executed(nb, seconds, from_cache=True, files=files)

    log(f"example {example.slug}: executing {len(example.code_cells)} code cells ...")
    start = time.perf_counter()
    nb, files = run(example, cell_timeout)
    seconds = round(time.perf_counter() - start, 1)
    nb.metadata["sitebuild"] = {"key": key, "seconds": seconds, "versions": versions()}
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{example.slug}-*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    if files:  # written before the notebook: a cached notebook means a complete entry
        files_dir = cached.with_suffix(".files")
        files_dir.mkdir()
        for name, data in files.items():
            (files_dir / name).write_bytes(data)
    tmp = cached.with_suffix(".tmp")
    nbformat.write(nb, tmp)
    tmp.replace(cached)
    log(f"example {example.slug}: executed in {seconds:.1f} s")
    return Executed(nb, seconds, from_cache=False, files=files)


HEADING_ID_RE = re.compile(r"^(#{1,6} .*?) \{:? ?#([\w-]+) ?\}$", re.M)  # "{#id}", "{ #id }"


def for_jupyter(nb):
    """The notebook as downloaded. Jupyter would show a heading's "{#id}" literally; an empty
    anchor keeps the links to that id working."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = HEADING_ID_RE.sub(r'\1 <a id="\2"></a>', cell.source)
    return nb


def language_notebook(example: Example, executed: Executed, lang: str, built: str):
    """The downloadable notebook for one language: its prose plus the shared executed code."""
    code = list(executed.notebook.cells)
    cells = []
    if _needs_helper(example):
        helper = copy.deepcopy(code.pop(0))
        helper.metadata["sitebuild"] = {"role": "helper"}
        intro = nbformat.v4.new_markdown_cell(expect.INTRO[lang])
        intro.metadata["sitebuild"] = {"role": "helper"}
        helper_cells = [intro, helper]
    else:
        helper_cells = []
    for cell in example.cells:
        if cell.kind == "markdown":
            if cell.lang == lang:
                text = cell.source.replace('href="download:', f'href="{DOWNLOADS}/')
                cells.append(nbformat.v4.new_markdown_cell(text))
            continue
        if expect.uses_expect(cell.source):  # the helper goes right before its first use
            cells.extend(helper_cells)
            helper_cells = []
        cells.append(copy.deepcopy(code.pop(0)))
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i}"
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = executed.notebook.metadata["kernelspec"]
    nb.metadata["language_info"] = executed.notebook.metadata.get("language_info", {})
    nb.metadata["sitebuild"] = {
        "example": example.slug,
        "language": lang,
        "versions": executed.notebook.metadata["sitebuild"]["versions"],
        "run_seconds": executed.seconds,
        "built": built,
    }
    nbformat.validate(nb)
    return nb


def _log_to_stderr(message: str) -> None:
    print(f"INFO    -  {message}", file=sys.stderr, flush=True)


def _execute_in_worker(example: Example, cache_dir: Path, cell_timeout: float) -> Executed:
    return execute(example, cache_dir, cell_timeout, log=_log_to_stderr)


def execute_all(examples: dict[str, Example], cache_dir: Path, cell_timeout: float, log=print):
    """Yield (slug, Executed) in order. Up to SITEBUILD_JOBS examples (default: one per core, at
    most 2) run at once, each in its own kernel; the first failure stops the build."""
    jobs = int(os.environ.get("SITEBUILD_JOBS") or min(2, os.cpu_count() or 1))
    todo = {slug: ex for slug, ex in examples.items() if not _cache_path(ex, cache_dir).exists()}
    if jobs <= 1 or len(todo) <= 1:
        for slug, example in examples.items():
            yield slug, execute(example, cache_dir, cell_timeout, log=log)
        return
    # Spawned workers import sitebuild by name: make sure they can (mkdocs loads hooks from a
    # file path and restores sys.path afterwards; spawn copies sys.path at process start).
    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    context = multiprocessing.get_context("spawn")  # never fork a process that has threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {
            slug: pool.submit(_execute_in_worker, todo[slug], cache_dir, cell_timeout)
            for slug in todo
        }
        try:
            for slug, example in examples.items():
                if slug in futures:
                    yield slug, futures[slug].result()
                else:
                    yield slug, execute(example, cache_dir, cell_timeout, log=log)
        finally:
            for future in futures.values():
                future.cancel()
