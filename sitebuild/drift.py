"""Drift report: run every example on the newest TensorFlow, Keras, tf-keras and NumPy and compare
each cell's outputs with the pinned build's. ``make drift`` runs this with the Python of
.cache/drift/venv (the lock, then those four upgraded) as ``python -m sitebuild.drift``.

Unlike the build, a failing cell does not stop the example: every cell runs, so the report shows
all that a version bump would change. Writes .cache/drift/report.md and report.json and prints the
Markdown. Exit status: 0 whenever the report is written, drift or not; 2 if the run could not be
set up (an example without pinned outputs in the cache, or no kernel would start).
"""

import argparse
import datetime
import difflib
import hashlib
import json
import math
import multiprocessing
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from . import cache, execute, safety, source

ROOT = Path(__file__).resolve().parent.parent
TIMING_MARK = "# timing cell: output varies per run"
DIFF_LINES = 40  # a longer diff is cut: the report is read, the JSON keeps every status
STATUSES = ("same", "changed", "failed", "not reached", "not compared")
TMP_PREFIX = "sitebuild-drift-"


# --- running -----------------------------------------------------------------------------------


def normalise(outputs: list) -> list:
    """The outputs as the build stores them (merged streams, sanitized HTML), so that only a real
    change of the libraries makes a cell differ from its pinned outputs."""
    outputs = execute.coalesce_streams(outputs)
    for out in outputs:
        if "text/html" in out.get("data", {}):
            out.data["text/html"] = safety.sanitize_html(out.data["text/html"])
    return outputs


def _error_output(ename: str, evalue: str):
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[])


def _record_timeout(cell, cell_index, execute_reply) -> None:
    """nbclient answers a timed-out cell with a made-up error reply but no output: add one, first,
    so the cell counts as failed for its timeout (not for the KeyboardInterrupt that follows)."""
    content = execute_reply["content"]
    if content.get("ename") == "CellTimeoutError":
        cell.outputs.insert(0, _error_output(content["ename"], content["evalue"]))


def _kernel_manager(python: Path, folder: Path):
    """A kernel manager whose kernel is `python`'s own ipykernel (another venv's), from a kernel
    spec written into `folder`: nothing is installed into any Jupyter path."""
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    spec = folder / "kernels" / "release"
    spec.mkdir(parents=True)
    argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3 (release)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel))
    specs = KernelSpecManager(kernel_dirs=[str(spec.parent)], ensure_native_kernel=False)
    return AsyncKernelManager(kernel_name="release", kernel_spec_manager=specs)


def run_example(
    example: source.Example, cell_timeout: float, python: Path | None = None
) -> nbformat.NotebookNode:
    """Execute every code cell in one fresh kernel with the build's pinned environment, going on
    after failures (allow_errors); a cell that never ran keeps execution_count None. `python`:
    another venv's interpreter to run the kernel with (default: this one's)."""
    nb = execute.code_notebook(example)
    limit = math.ceil(cell_timeout)  # nbclient takes whole seconds only (2.5 is a TraitError)
    with execute.kernel_folders(f"{TMP_PREFIX}{example.slug}-") as (tmp, workdir, home):
        env = execute.kernel_env(home)
        if python is not None:  # that venv's scripts first on PATH, as kernel_env does for ours
            env["PATH"] = os.pathsep.join(
                [str(Path(python).parent), *env["PATH"].split(os.pathsep)[1:]]
            )
        client = NotebookClient(
            nb,
            km=_kernel_manager(python, tmp) if python is not None else None,
            timeout=limit,
            kernel_name="python3",
            allow_errors=True,
            # On a timeout nbclient interrupts the kernel and goes on, as papermill does (raising
            # instead leaves its output reader running, which then swallows later cells' outputs).
            interrupt_on_timeout=True,
            error_on_timeout={
                "ename": "CellTimeoutError",
                "evalue": f"timed out after {limit} s",
                "traceback": [],
            },
            on_cell_error=_record_timeout,
            resources={"metadata": {"path": str(workdir)}},
            extra_arguments=["--IPKernelApp.capture_fd_output=False"],  # as the build: no TF logs
            record_timing=False,
        )
        with (
            open(tmp / "kernel.log", "w") as log_file,
            # cleanup_kc: shut the kernel down also when the manager was passed in (python=...)
            client.setup_kernel(env=env, cwd=str(workdir), stderr=log_file, cleanup_kc=True),
        ):
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except DeadKernelError:
                    # Nothing more can run; the cells after it stay unexecuted ("not reached").
                    cell.outputs.append(_error_output("DeadKernelError", "the kernel died"))
                    break
    for cell in nb.cells:
        cell.outputs = normalise(cell.outputs)
    return nb


def _run_in_worker(example: source.Example, cell_timeout: float):
    start = time.perf_counter()
    try:
        nb, error = run_example(example, cell_timeout), None
    except Exception as err:  # noqa: BLE001 -- e.g. no kernel started: reported per example
        nb, error = None, f"{type(err).__name__}: {err}"
    seconds = round(time.perf_counter() - start, 1)
    done = f"could not run: {error}" if error else f"ran in {seconds:.1f} s"
    print(f"drift: {example.slug}: {done}", file=sys.stderr, flush=True)
    return nb, error, seconds


def run_all(examples: dict, cell_timeout: float, jobs: int) -> dict:
    """{slug: (notebook or None, error or None, seconds)}; examples run `jobs` at a time, each in a
    spawned worker (never fork a process that has threads) with a kernel of its own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {
            slug: pool.submit(_run_in_worker, example, cell_timeout)
            for slug, example in examples.items()
        }
        return {slug: future.result() for slug, future in futures.items()}


# --- pinned outputs ----------------------------------------------------------------------------


class SetupError(Exception):
    """The drift run cannot start; the message says why."""


def pinned_notebook(cache_dir: Path, example: source.Example, pins: dict[str, str]):
    """The cached notebook whose code is the example's current code, verified as the build
    verifies it (recorded key, code, outputs digest). The drift venv computes other cache keys,
    so the entry is found by its code; if several match, the one made with the pinned versions."""
    sources = [cell.source for cell in execute.code_notebook(example).cells]
    found = []
    name_re = re.compile(re.escape(example.slug) + r"-[0-9a-f]{20}")
    for folder in sorted(cache_dir.glob(f"{example.slug}-*")):
        if not name_re.fullmatch(folder.name) or not (folder / cache.NOTEBOOK).is_file():
            continue
        try:
            meta = nbformat.read(folder / cache.NOTEBOOK, as_version=4).metadata["sitebuild"]
            entry = cache.read(folder, meta["key"], sources)
        except (cache.Rejected, KeyError, TypeError, ValueError):
            continue  # another version of the code, or damaged: not the pinned outputs
        if entry is not None:
            found.append(entry[0])
    pinned = [nb for nb in found if _libraries(nb.metadata["sitebuild"]["versions"]) == pins]
    if not (pinned or found):
        raise SetupError(
            f"{example.path}: no cached outputs for its current code in {cache_dir} "
            "(run `make site` first)"
        )
    return (pinned or found)[0]


def _libraries(versions: dict) -> dict:
    return {name: versions.get(name) for name in execute.LIBRARIES}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_versions(lock: Path) -> dict[str, str]:
    """{normalised name: version} of requirements.lock (a name locked twice under two markers
    keeps both versions, comma-separated)."""
    found: dict[str, str] = {}
    for match in re.finditer(r"^([A-Za-z0-9][\w.-]*)==([^\s;\\]+)", lock.read_text(), re.M):
        name = _normal(match[1])
        found[name] = f"{found[name]},{match[2]}" if name in found else match[2]
    return found


def moved_packages(locked: dict[str, str]) -> list[str]:
    """Installed packages (besides the four and pip) whose version is not the lock's."""
    skip = {"pip", *(_normal(name) for name in execute.LIBRARIES)}
    moved = []
    for dist in metadata.distributions():
        name = _normal(dist.metadata["Name"])
        if name in skip:
            continue
        if name not in locked:
            moved.append(f"{name} {dist.version} (not in the lock)")
        elif dist.version not in locked[name].split(","):
            moved.append(f"{name} {locked[name]} → {dist.version}")
    return sorted(set(moved))


# --- comparing ---------------------------------------------------------------------------------


def _comparable(outputs: list) -> list:
    """Outputs without execution counts: they shift whenever an earlier cell fails."""
    plain = json.loads(json.dumps(outputs))
    for out in plain:
        out.pop("execution_count", None)
    return plain


def output_lines(outputs: list) -> list[str]:
    """What a reader sees of the outputs, as lines to diff (binary data as size and digest)."""
    lines = []
    for out in outputs:
        if out["output_type"] == "stream":
            lines += [f"[{out['name']}]", *out["text"].splitlines()]
        elif out["output_type"] == "error":
            lines += [f"[error] {out['ename']}: {execute.ANSI_RE.sub('', out['evalue'])}"]
        else:
            for mime, value in sorted(out.get("data", {}).items()):
                lines.append(f"[{out['output_type']} {mime}]")
                if mime.startswith("text/") or mime.endswith("json"):
                    text = value if isinstance(value, str) else json.dumps(value, indent=1)
                    lines += text.splitlines()
                else:
                    digest = hashlib.sha256(str(value).encode()).hexdigest()[:12]
                    lines.append(f"<{len(value)} characters, sha256 {digest}>")
    return lines


def _diff(old: list, new: list) -> list[str]:
    lines = list(
        difflib.unified_diff(
            output_lines(old), output_lines(new), "pinned", "tested", n=2, lineterm=""
        )
    )
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more lines)"]
    return lines


def _raising_line(traceback: list[str], execution_count) -> int | None:
    text = execute.ANSI_RE.sub("", "\n".join(traceback))
    found = [
        int(n) for c, n in execute.TRACEBACK_LINE_RE.findall(text) if c == str(execution_count)
    ]
    return found[-1] if found else None


def compare(example: source.Example, pinned, tested) -> list[dict]:
    """One record per code cell: status (see STATUSES), where, and the error and diff if any."""
    records: list[dict] = []
    failed_at = None  # file cell number (0: the helper) of the last genuine failure
    for index, (old, new) in enumerate(zip(pinned.cells, tested.cells)):
        cell = execute.source_cell_for(example, index)  # None: the injected expect() helper
        where = example.where(cell) if cell else f"{example.path}: injected expect() helper cell"
        record = {"index": index, "cell": cell.number if cell else 0, "where": where}
        error = next((out for out in new.outputs if out.output_type == "error"), None)
        evalue = execute.ANSI_RE.sub("", error.evalue).strip() if error else ""
        if error is not None:
            record["error"] = {"ename": error.ename, "evalue": evalue.split("\n")[0]}
            # Any error's traceback (a timed-out cell's is its KeyboardInterrupt's) gives the line.
            tracebacks = [t for out in new.outputs for t in out.get("traceback", [])]
            line = _raising_line(tracebacks, new.get("execution_count"))
            if cell and line:
                record["where"] = example.where(cell, line)
        # Not reached (a heuristic; the report names the failed cell): a NameError after a failure,
        # also as expect() reports it ("expected X, got NameError: ..."), most likely names what
        # the failed cell was to define; a cell that never ran follows a dead kernel.
        missing = error is not None and (error.ename == "NameError" or "got NameError: " in evalue)
        if (missing and failed_at is not None) or new.get("execution_count") is None:
            record["status"] = "not reached"
            record["after"] = failed_at
        elif error is not None:
            record["status"] = "failed"
            failed_at = record["cell"]
        elif cell and cell.source.startswith(TIMING_MARK):
            record["status"] = "not compared"
        elif _comparable(old.outputs) == _comparable(new.outputs):
            record["status"] = "same"
        else:
            record["status"] = "changed"
        if record["status"] in ("changed", "failed"):
            record["diff"] = _diff(_comparable(old.outputs), _comparable(new.outputs))
        records.append(record)
    return records


# --- report ------------------------------------------------------------------------------------


def _redactor():
    """Local paths never reach the report (CI publishes it): the examples' temporary folders,
    the venv, the repository, Python's own prefix and HOME become placeholders."""
    tmp = re.compile(re.escape(tempfile.gettempdir()) + "/" + TMP_PREFIX + r"[^/\s'\"]*")
    labels = {sys.prefix: "<venv>", str(ROOT): "<repo>", sys.base_prefix: "<python>"}
    labels[os.path.expanduser("~")] = "~"
    paths = {path: label for p, label in labels.items() for path in (p, os.path.realpath(p))}
    order = sorted((p for p in paths if p not in ("", "/")), key=len, reverse=True)

    def redact(text: str) -> str:
        text = tmp.sub("<tmp>", text)
        for path in order:
            text = text.replace(path, paths[path])
        return text

    return redact


def counts(records: list[dict]) -> dict[str, int]:
    return {status: sum(r["status"] == status for r in records) for status in STATUSES}


def _code(text: str) -> str:
    """Inline Markdown code that survives a backtick in the text."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _fenced(lines: list[str], lang: str = "diff") -> list[str]:
    """A code block whose fence is longer than any backtick run in the lines."""
    fence = "```"
    while fence in "\n".join(lines):
        fence += "`"
    return [f"{fence}{lang}", *lines, fence]


def _after(record: dict) -> str:
    if record.get("after") is None:
        return "not reached"
    cell = "the expect() helper cell" if record["after"] == 0 else f"cell {record['after']}"
    return f"not reached (after {cell} failed)"


def markdown(report: dict) -> str:
    """The report as Markdown: header, summary table, then the cells that changed or failed."""
    lines = [
        "# Drift report: the examples on the newest TensorFlow, Keras, tf-keras and NumPy",
        "",
        f"{report['date']}, {report['machine']}, Python {report['python']}; "
        f"{len(report['examples'])} examples, {report['seconds']:.0f} s.",
        "",
        "| Package | Pinned | Tested | |",
        "|---|---|---|---|",
    ]
    for name, v in report["versions"].items():
        mark = "**differs**" if v["differs"] else "same"
        lines.append(f"| {name} | {v['pinned']} | {v['tested']} | {mark} |")
    moved = report["other_packages_moved"]
    lines += [
        "",
        "Other packages off the lock after the upgrade: "
        + (", ".join(moved) if moved else "none")
        + ".",
        "",
    ]
    if report["pip_check"]:
        lines += [
            "`pip check` in the drift venv:",
            "",
            *_fenced(report["pip_check"].splitlines(), ""),
        ]
    else:
        lines.append("`pip check` in the drift venv: no broken requirements.")
    lines.append("")
    drifted = [slug for slug, ex in report["examples"].items() if ex["drift"]]
    if drifted:
        lines.append(
            f"**Drift in {len(drifted)} of {len(report['examples'])} examples:** "
            + ", ".join(drifted)
            + "."
        )
    else:
        lines.append("**No drift:** every compared cell gives the pinned build's outputs.")
    lines += [
        "",
        "## Summary",
        "",
        "Code cells per example (the injected expect() helper counts as one), by what the tested "
        "run gave.",
        "",
        "| Example | Cells | Same | Changed | Failed | Not reached | Not compared (timing) |",
        "|---|---|---|---|---|---|---|",
    ]
    for slug, ex in report["examples"].items():
        if ex["error"]:
            lines.append(f"| {slug} | could not run: {_code(ex['error'])} ||||||")
            continue
        c = ex["counts"]
        row = [len(ex["cells"]), *(c[s] for s in STATUSES)]
        lines.append(f"| {slug} | " + " | ".join(str(n) for n in row) + " |")
    for slug, ex in report["examples"].items():
        shown = [r for r in ex["cells"] if r["status"] in ("changed", "failed", "not reached")]
        if not shown:
            continue
        lines += ["", f"## {slug}", ""]
        for record in shown:
            error = record.get("error")
            message = f": {_code(error['ename'] + ': ' + error['evalue'])}" if error else ""
            if record["status"] == "not reached":
                lines.append(f"- {record['where']}: {_after(record)}{message}")
                continue
            lines.append(f"- **{record['where']}: {record['status']}**{message}")
            lines += ["", *("  " + line for line in _fenced(record["diff"])), ""]
    return "\n".join(lines).rstrip() + "\n"


def build_report(examples, pinned, results, pins, seconds, moved, pip_check) -> dict:
    redact = _redactor()
    tested = _libraries(execute.versions())
    report = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": _machine(),
        "python": platform.python_version(),
        "seconds": seconds,
        "versions": {
            name: {
                "pinned": pins[name],
                "tested": tested[name],
                "differs": pins[name] != tested[name],
            }
            for name in execute.LIBRARIES
        },
        "other_packages_moved": moved,
        "pip_check": redact(pip_check),
        "examples": {},
    }
    for slug, example in examples.items():
        nb, error, run_seconds = results[slug]
        records = compare(example, pinned[slug], nb) if nb is not None else []
        for record in records:
            if "error" in record:
                record["error"]["evalue"] = redact(record["error"]["evalue"])
            if "diff" in record:
                record["diff"] = [redact(line) for line in record["diff"]]
        c = counts(records)
        report["examples"][slug] = {
            "error": redact(error) if error else None,
            "seconds": run_seconds,
            "drift": bool(error or c["changed"] or c["failed"] or c["not reached"]),
            "counts": c,
            "cells": records,
        }
    report["drift"] = any(ex["drift"] for ex in report["examples"].values())
    return report


def _machine() -> str:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    return ", ".join(filter(None, [platform.machine(), cpu, f"{os.cpu_count()} cores"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.drift", description=__doc__)
    parser.add_argument("slugs", nargs="*", help="only these examples (default: all)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(os.environ.get("SITEBUILD_CACHE") or ".cache/notebooks"),
        help="the pinned build's execution cache (default: .cache/notebooks)",
    )
    parser.add_argument("--out", type=Path, default=Path(".cache/drift"))
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(os.environ.get("SITEBUILD_CELL_TIMEOUT") or execute.DEFAULT_CELL_TIMEOUT),
        help="per-cell limit in seconds, as the build's",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=int(os.environ.get("SITEBUILD_JOBS") or min(2, os.cpu_count() or 1)),
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        examples = source.load_all(ROOT / "examples")
        if unknown := set(args.slugs) - set(examples):
            raise SetupError(f"no such example: {', '.join(sorted(unknown))}")
        examples = {s: ex for s, ex in examples.items() if not args.slugs or s in args.slugs}
        locked = lock_versions(ROOT / "requirements.lock")
        pins = {name: locked.get(_normal(name)) for name in execute.LIBRARIES}
        pinned = {slug: pinned_notebook(args.cache, ex, pins) for slug, ex in examples.items()}
    except (SetupError, source.ExampleError) as err:
        print(f"drift: cannot run: {err}", file=sys.stderr)
        return 2
    print(
        f"drift: running {len(examples)} examples, {args.jobs} at a time, on "
        + ", ".join(f"{k} {v}" for k, v in _libraries(execute.versions()).items()),
        file=sys.stderr,
        flush=True,
    )
    results = run_all(examples, args.timeout, max(1, args.jobs))
    pip_check = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True
    )
    report = build_report(
        examples,
        pinned,
        results,
        pins,
        round(time.perf_counter() - started, 1),
        moved_packages(locked),
        "" if pip_check.returncode == 0 else (pip_check.stdout + pip_check.stderr).strip(),
    )
    args.out.mkdir(parents=True, exist_ok=True)
    text = markdown(report)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    (args.out / "report.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(text)
    print(f"drift: wrote {args.out / 'report.md'} and {args.out / 'report.json'}", file=sys.stderr)
    if all(ex["error"] for ex in report["examples"].values()):
        print("drift: no example could run", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
