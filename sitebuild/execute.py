"""Execute an example's code once, cache the result, and split it into zh/en notebooks.

Only code is executed: the cache key is a hash of the code cells, the injected helper, the builder
version, the kernel's (fixed) environment, the machine's architecture and every installed
package's version, so editing prose never re-runs anything and a change of any input does.
"""

import ast
import contextlib
import copy
import functools
import hashlib
import json
import math
import multiprocessing
import os
import platform
import re
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import (
    CellControlSignal,
    CellExecutionError,
    CellTimeoutError,
    DeadKernelError,
)

from . import cache, expect, reader, safety
from .source import Example

BUILDER_VERSION = "5"  # bump to invalidate every cached execution
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


@functools.cache
def packages() -> str:
    """A digest of every installed distribution and its version (not only the libraries named in
    the stamp: protobuf, ml_dtypes, Pygments... change outputs and pages too)."""
    names = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


def cache_key(example: Example) -> str:
    payload = {
        "builder": BUILDER_VERSION,
        "versions": versions(),
        "packages": packages(),
        "machine": platform.machine(),
        "env": PINNED_ENV,
        "helper": expect.HELPER_SOURCE if _needs_helper(example) else "",
        "code": [cell.source for cell in example.code_cells],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:20]


def _needs_helper(example: Example) -> bool:
    return helper_index(example) is not None


def helper_index(example: Example) -> int | None:
    """Where the expect() helper runs: right before the first code cell that uses it, which is
    also where the downloaded notebook shows it, so execution counts ascend down the page."""
    uses = (i for i, cell in enumerate(example.code_cells) if expect.uses_expect(cell.source))
    return next(uses, None)


def code_notebook(example: Example) -> nbformat.NotebookNode:
    sources = [cell.source for cell in example.code_cells]
    if (at := helper_index(example)) is not None:
        sources.insert(at, expect.HELPER_SOURCE.rstrip("\n"))
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(src, id=f"code-{i}") for i, src in enumerate(sources)]
    return nb


# The kernel's whole environment: nothing of the builder's own environment reaches it, so two
# machines (or two shells) give the same outputs, and the cache key can include all of it.
PINNED_ENV = {
    # oneDNN is on by default on CPUs with AVX-512 VNNI/BF16 or AMX and off elsewhere; it renames
    # ops (_MklNativeFusedMatMul) and changes float results. Off: the same graph on every CPU.
    "TF_ENABLE_ONEDNN_OPTS": "0",
    # No GPU: device lists, placement errors and kernels are the CPU's on every machine.
    "CUDA_VISIBLE_DEVICES": "",
    # One thread per op and between ops: reductions add up in one order on any core count.
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "TZ": "UTC",
}


@contextlib.contextmanager
def kernel_folders(prefix: str):
    """(tmp, workdir, home): a fresh temporary folder holding the example's working directory and
    its empty HOME; anything else kept there (the kernel's log) is out of the example's reach."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        workdir, home = Path(tmp) / "work", Path(tmp) / "home"
        workdir.mkdir()
        home.mkdir()
        yield Path(tmp), workdir, home


def kernel_env(home: Path) -> dict[str, str]:
    """PINNED_ENV, a PATH with this Python's scripts first, and a fresh, empty HOME (so no
    ~/.keras/keras.json or ~/.config of the builder's changes what the code does)."""
    path = os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"])
    return {**PINNED_ENV, "PATH": path, "HOME": str(home)}


def source_cell_for(example: Example, nb_index: int):
    """Map an index in the code notebook back to the example's source cell (None: the helper)."""
    at = helper_index(example)
    if at is not None and nb_index >= at:
        if nb_index == at:
            return None
        nb_index -= 1
    return example.code_cells[nb_index]


def _where(example: Example, nb_index: int, line: int | None = None) -> str:
    cell = source_cell_for(example, nb_index)
    if cell is None:
        return f"{example.path}: injected expect() helper cell"
    return example.where(cell, line)


DOWNLOADS = "downloads"  # files the code writes here are published next to the page
LICENSE = {  # in every downloaded notebook (README "Licence")
    "code": "Apache-2.0",
    "prose": "CC-BY-4.0",
    "copyright": "Copyright 2026 The Keras layers and Session.run tutorial authors",
}
TRACEBACK_LINE_RE = re.compile(r"Cell In\[(\d+)\], line (\d+)")
# Threads that can print after their cell: non-daemon ones, and any running a function the
# example defined. Idle daemon pools of libraries (tf_keras keeps a ThreadPool) and the kernel's
# own threads (ipykernel, pyzmq's collector for large messages) come and go; they do not count.
THREADS = (
    "[(t.name, t.ident) for t in __import__('threading').enumerate() if t.is_alive() and "
    "(not t.daemon or getattr(getattr(t, '_target', None), '__module__', None) == '__main__') "
    "and not (getattr(getattr(t, '_target', None), '__module__', None) or type(t).__module__)"
    ".startswith(('ipykernel', 'zmq', 'IPython', 'jupyter_client', 'tornado'))]"
)


def _raising_line(traceback: str, execution_count) -> int | None:
    """The line of the failing cell that raised: its last frame in the traceback."""
    lines = [
        int(n) for count, n in TRACEBACK_LINE_RE.findall(traceback) if count == str(execution_count)
    ]
    return lines[-1] if lines else None


def _threads(client) -> set:
    """The kernel's live Python threads, asked without running a cell."""
    msg_id = client.kc.execute(
        "", silent=True, store_history=False, user_expressions={"t": THREADS}
    )
    reply = client.wait_for_reply(msg_id)
    value = reply["content"]["user_expressions"]["t"]
    return {tuple(t) for t in ast.literal_eval(value["data"]["text/plain"])}


def _kernel_death(client, kernel_log: Path) -> str:
    """Why the kernel died: its exit code or signal, and the last lines it wrote to stderr."""
    process = getattr(client.km.provisioner, "process", None)
    code = None
    if process is not None:
        try:
            code = process.wait(timeout=10)
        except Exception:  # noqa: BLE001 -- still running or already reaped: say so below
            code = process.poll()
    if code is None:
        cause = "exit status unknown"
    elif code < 0:
        cause = f"killed by signal {-code} ({signal.Signals(-code).name})"
    else:
        cause = f"exited with code {code}"
    tail = kernel_log.read_text(errors="replace").splitlines()[-8:]
    last = "".join(f"\n  kernel stderr: {line}" for line in tail) or "\n  (nothing on its stderr)"
    return f"the kernel died ({cause}){last}"


def run(example: Example, cell_timeout: float):
    """Run the example's code in a fresh kernel, cell by cell; raise ExecutionError on failure.

    Returns the executed notebook and the files the code wrote to downloads/ (path -> bytes).
    """
    nb = code_notebook(example)
    with kernel_folders(f"sitebuild-{example.slug}-") as (tmp, workdir, home):
        client = NotebookClient(
            nb,
            timeout=math.ceil(cell_timeout),  # nbclient takes whole seconds
            kernel_name="python3",
            resources={"metadata": {"path": str(workdir)}},
            # TF's C++ runtime writes log lines straight to fd 2 (even with
            # TF_CPP_MIN_LOG_LEVEL=3); keep them out of the notebook outputs.
            extra_arguments=["--IPKernelApp.capture_fd_output=False"],
            record_timing=False,
        )
        # The kernel's own stderr (TF's C++ log lines, kernel warnings) goes to a log file
        # outside the example's folder; it is quoted if the kernel dies.
        kernel_log = tmp / "kernel.log"
        with (
            open(kernel_log, "w") as log_file,
            client.setup_kernel(env=kernel_env(home), cwd=str(workdir), stderr=log_file),
        ):
            info = client.wait_for_reply(client.kc.kernel_info())
            nb.metadata["language_info"] = info["content"]["language_info"]
            baseline = _threads(client)
            for index, cell in enumerate(nb.cells):
                where = _where(example, index)
                try:
                    client.execute_cell(cell, index)
                    left = sorted(name for name, _ in _threads(client) - baseline)
                except CellTimeoutError:
                    raise ExecutionError(
                        f"{where}: timed out after {math.ceil(cell_timeout)} s "
                        "(per-cell limit; set SITEBUILD_CELL_TIMEOUT to change it)"
                    ) from None
                except CellExecutionError as err:
                    line = _raising_line(ANSI_RE.sub("", err.traceback), cell.execution_count)
                    raise ExecutionError(
                        f"{_where(example, index, line)}: {err.ename}: "
                        f"{ANSI_RE.sub('', err.evalue)}"
                    ) from None
                except DeadKernelError:
                    raise ExecutionError(f"{where}: {_kernel_death(client, kernel_log)}") from None
                except (CellControlSignal, RuntimeError) as err:
                    raise ExecutionError(f"{where}: {type(err).__name__}: {err}") from None
                if left:
                    raise ExecutionError(
                        f"{where}: the cell returned with threads still running "
                        f"({', '.join(left)}); what they print later would land in another cell "
                        "or be lost: join them before the cell ends"
                    )
        try:
            files = safety.collect_downloads(workdir / DOWNLOADS)
        except safety.UnsafeOutput as err:
            raise ExecutionError(f"{example.path}: {err}") from None
        paths = safety.local_paths(tmp, Path(__file__).resolve().parent.parent, Path.cwd())
        for index, cell in enumerate(nb.cells):
            cell.outputs = coalesce_streams(cell.outputs)
            for out in cell.outputs:
                if "text/html" in out.get("data", {}):
                    out.data["text/html"] = safety.sanitize_html(out.data["text/html"])
            try:
                safety.check_outputs(cell.outputs, paths)
            except safety.UnsafeOutput as err:
                raise ExecutionError(f"{_where(example, index)}: {err}") from None
    _check_ran(example, nb)
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


def _check_ran(example: Example, nb) -> None:
    """Guard against cells that silently never ran, and expect() blocks that printed nothing."""
    for index, cell in enumerate(nb.cells):
        if cell.get("execution_count") is None:
            raise ExecutionError(f"{_where(example, index)}: cell never ran")
        source = source_cell_for(example, index)
        if source is not None and "with expect(" in source.source:
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            for name in re.findall(r"with expect\(\s*([\w.]+)", source.source):
                if f"{name.split('.')[-1]}: " not in printed:
                    raise ExecutionError(
                        f"{example.where(source)}: expect({name}) printed no {name} message"
                    )


def execute(example: Example, cache_dir: Path, cell_timeout: float, log=print) -> Executed:
    key = cache_key(example)
    folder = cache.entry(cache_dir, example.slug, key)
    sources = [cell.source for cell in code_notebook(example).cells]
    try:
        found = cache.read(folder, key, sources)
    except cache.Rejected as err:
        log(f"example {example.slug}: cache entry {folder} rejected: {err}; executing again")
        cache.discard(folder)
        found = None
    if found is not None:
        nb, files = found
        seconds = nb.metadata["sitebuild"].get("seconds", 0.0)
        log(f"example {example.slug}: from cache (ran in {seconds:.1f} s when executed)")
        return Executed(nb, seconds, from_cache=True, files=files)

    log(f"example {example.slug}: executing {len(example.code_cells)} code cells ...")
    start = time.perf_counter()
    nb, files = run(example, cell_timeout)
    seconds = round(time.perf_counter() - start, 1)
    nb.metadata["sitebuild"] = {
        "key": key,
        "seconds": seconds,
        "versions": versions(),
        "machine": platform.machine(),
        "env": PINNED_ENV,
    }
    cache.write(folder, nb, files)
    cache.prune(cache_dir, example.slug, keep=folder.name)
    log(f"example {example.slug}: executed in {seconds:.1f} s")
    return Executed(nb, seconds, from_cache=False, files=files)


# "{#id}", "{ #id }", "{#id .collapsible}" (the class only matters on the site)
HEADING_ID_RE = re.compile(r"^(#{1,6} .*?) \{:? ?#([\w-]+)(?: \.[\w-]+)* ?\}$", re.M)
HEADING_CLASS_RE = re.compile(r"^(#{1,6} .*?) \{:? ?(?:\.[\w-]+ ?)+\}$", re.M)  # "{.collapsible}"


def for_jupyter(nb):
    """The notebook as downloaded. Jupyter would show a heading's "{#id}" literally; an empty
    anchor keeps the links to that id working."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = HEADING_ID_RE.sub(r'\1 <a id="\2"></a>', cell.source)
            cell.source = HEADING_CLASS_RE.sub(r"\1", cell.source)
    return nb


def language_notebook(example: Example, executed: Executed, lang: str, built: str):
    """The downloadable notebook for one language: its prose plus the shared executed code."""
    code = list(executed.notebook.cells)  # in execution order, the helper where it ran
    cells = []
    helper_pending = _needs_helper(example)
    for cell in example.cells:
        if cell.kind == "markdown":
            if cell.lang == lang:
                text = cell.source.replace('href="download:', f'href="{DOWNLOADS}/')
                cells.append(nbformat.v4.new_markdown_cell(text))
            continue
        if helper_pending and expect.uses_expect(cell.source):  # the helper ran right here
            intro = nbformat.v4.new_markdown_cell(expect.INTRO[lang])
            helper = copy.deepcopy(code.pop(0))
            for part in (intro, helper):
                part.metadata["sitebuild"] = {"role": "helper"}
            cells += [intro, helper]
            helper_pending = False
        cells.append(copy.deepcopy(code.pop(0)))
    cells.insert(1, reader.how_to_cell(lang))  # right under the title
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i}"
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = executed.notebook.metadata["kernelspec"]
    nb.metadata["language_info"] = executed.notebook.metadata.get("language_info", {})
    nb.metadata["sitebuild"] = {
        "example": example.slug,
        "language": lang,
        "versions": executed.notebook.metadata["sitebuild"]["versions"],
        "machine": executed.notebook.metadata["sitebuild"]["machine"],
        "env": executed.notebook.metadata["sitebuild"]["env"],
        "run_seconds": executed.seconds,
        "built": built,
        "changed": reader.last_changed(example.path),
    }
    nb.metadata["license"] = LICENSE
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
    todo = {
        slug: ex
        for slug, ex in examples.items()
        if not cache.entry(cache_dir, slug, cache_key(ex)).exists()
    }
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
