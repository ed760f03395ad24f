"""Version matrix: run every example on each TensorFlow release of matrix/releases.toml and record,
cell by cell, whether its claims hold there. ``make matrix`` runs ``python -m sitebuild.matrix``
with the Python of .venv; each release has a venv of its own (.cache/matrix/<name>/venv, never
.venv) whose ipykernel runs the examples, with the build's pinned kernel environment.

The reference release is the pinned build itself: its results are the build's own cached outputs
(.cache/notebooks; an example not cached yet is executed first, as ``python -m sitebuild`` does),
and every other release is compared with them cell by cell (sitebuild/drift.py), going on past
failures. Results are committed as data, one JSON file per release in matrix/results/: a heavy
run cannot be part of every build, so the build shows the recorded results, and marks those of an
example whose code changed since as "not re-checked" (sitebuild/matrix_render.py).

By default only what is stale runs: an example whose code (or the pinned versions it was compared
with) changed since its recorded result, or every example of a release whose requirements or
installed versions changed. ``--force`` runs all; ``--releases`` and ``--examples`` pick a subset.
Writes .cache/matrix/report.md: the verdicts that changed against the recorded results.
"""

import argparse
import datetime
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import drift, execute, source

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "matrix" / "releases.toml"
RESULTS = ROOT / "matrix" / "results"
WORK = ROOT / ".cache" / "matrix"
STATUSES = ("same", "changed", "assert", "error", "not reached", "not compared")
FAILED = ("assert", "error")  # a claim that does not hold: a failed assert/expect(), or an error
OUTPUT_LINES = 24  # a failing cell's output is kept trimmed: its first lines and its last ones
LINE_CHARS = 240
DIFF_LINES = 16
ADDRESS_RE = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


class SetupError(Exception):
    """The matrix cannot run; the message says why."""


# --- configuration -----------------------------------------------------------------------------


@dataclass
class Release:
    name: str
    requirements: list[str] = field(default_factory=list)
    common: list[str] = field(default_factory=list)  # from_lock: the kernel, other imports
    python: str | None = None  # an interpreter to use as it is (tests); else a venv is made


@dataclass
class Config:
    reference: str
    releases: list[Release]


def load_config(path: Path = CONFIG, lock: Path = ROOT / "requirements.lock") -> Config:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    locked = drift.lock_versions(lock) if lock.is_file() else {}
    common = []
    for name in data.get("from_lock", []):
        version = locked.get(drift._normal(name))
        if version is None:
            raise SetupError(f"{path}: from_lock names {name}, which requirements.lock lacks")
        common.append(f"{name}=={version.split(',')[0]}")
    releases = []
    for item in data.get("release", []):
        if not re.fullmatch(r"[\w.-]+", item["name"]):
            raise SetupError(f"{path}: release name {item['name']!r}: letters, digits, . - _")
        python = item.get("python")
        requirements = list(item.get("requirements", []))
        releases.append(
            Release(
                item["name"],
                requirements,
                [] if python else common,
                str(path.parent / python) if python else None,
            )
        )
    names = [r.name for r in releases]
    if len(set(names)) != len(names) or data.get("reference") in names:
        raise SetupError(f"{path}: release names must be unique and differ from the reference")
    return Config(str(data.get("reference", "")), releases)


# --- what a result was made from ----------------------------------------------------------------


def code_digest(example: source.Example) -> str:
    """A digest of the code the kernel runs (code cells and the injected expect() helper): prose
    edits keep it, any code change makes the recorded results "not re-checked"."""
    sources = [cell.source for cell in execute.code_notebook(example).cells]
    return hashlib.sha256(json.dumps(sources).encode()).hexdigest()[:16]


def reference_versions() -> dict[str, str]:
    """The pinned build's Python, TensorFlow, Keras, tf_keras and NumPy (this interpreter's)."""
    return execute.versions()


VERSIONS_SCRIPT = """
import json, sys
from importlib import metadata
found = {"python": sys.version.split()[0]}
for name in sys.argv[1:]:
    try:
        found[name] = metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        found[name] = "not installed"
print(json.dumps(found))
"""


def release_versions(python: str | Path, release: Release) -> dict[str, str]:
    names = list(execute.LIBRARIES)
    for requirement in release.requirements:
        name = re.split(r"[=<>!~ ;\[]", requirement, maxsplit=1)[0].replace("-", "_")
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    done = subprocess.run(
        [str(python), "-c", VERSIONS_SCRIPT, *names], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def machine() -> str:
    """The CPU and the oneDNN setting every kernel runs with (pinned off by the build)."""
    onednn = {"0": "oneDNN off", "1": "oneDNN on"}
    flag = execute.PINNED_ENV.get("TF_ENABLE_ONEDNN_OPTS", "")
    return f"{drift._machine()}, {onednn.get(flag, 'oneDNN ?')}"


# --- results files -----------------------------------------------------------------------------


def results_path(results: Path, release: str) -> Path:
    return results / f"{release}.json"


def load_results(results: Path, release: str) -> dict:
    path = results_path(results, release)
    if not path.is_file():
        return {"release": release, "examples": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def save_results(results: Path, data: dict) -> None:
    """Compact JSON, one line per example (a diff shows which examples a run changed)."""
    results.mkdir(parents=True, exist_ok=True)
    head = {k: v for k, v in data.items() if k != "examples"}
    lines = ["{"]
    lines += [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    lines.append(' "examples": {')
    items = sorted(data["examples"].items())
    for i, (slug, record) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"  {json.dumps(slug)}: {json.dumps(record, ensure_ascii=False)}{comma}")
    lines += [" }", "}"]
    path = results_path(results, data["release"])
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def stale_reason(record: dict | None, example: source.Example, reference: dict) -> str | None:
    """Why an example's recorded result on a release is not current (None: it is)."""
    if record is None:
        return "no result yet"
    if record.get("error"):
        return "could not run last time"
    if record.get("code") != code_digest(example):
        return "code changed"
    if record.get("reference") != reference:
        return "pinned versions changed"
    return None


# --- running -----------------------------------------------------------------------------------


def ensure_venv(release: Release, work: Path, log) -> tuple[Path, float]:
    """The release's interpreter, installing its venv when it is missing or its requirements
    changed; returns (python, seconds spent installing)."""
    if release.python:
        return Path(release.python), 0.0
    folder = work / release.name
    venv, marker = folder / "venv", folder / "installed.json"
    python = venv / "bin" / "python"
    wanted = {"requirements": release.requirements + release.common}
    if python.exists() and marker.is_file() and json.loads(marker.read_text()) == wanted:
        return python, 0.0
    log(f"matrix: {release.name}: installing {' '.join(wanted['requirements'])}")
    started = time.perf_counter()
    shutil.rmtree(venv, ignore_errors=True)
    marker.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    base = getattr(sys, "_base_executable", sys.executable)  # not .venv's packages
    for command in (
        [base, "-m", "venv", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", *wanted["requirements"]],
    ):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise SetupError(f"{release.name}: {' '.join(command[:4])} ... failed:\n{tail}")
    marker.write_text(json.dumps(wanted))
    seconds = round(time.perf_counter() - started, 1)
    log(f"matrix: {release.name}: installed in {seconds:.0f} s")
    return python, seconds


def _run_in_worker(example: source.Example, python: str, timeout: float):
    start = time.perf_counter()
    try:
        nb, error = drift.run_example(example, timeout, python=Path(python)), None
    except Exception as err:  # noqa: BLE001 -- e.g. no kernel started: recorded per example
        nb, error = None, f"{type(err).__name__}: {err}"
    return nb, error, round(time.perf_counter() - start, 1)


def _text(outputs: list) -> str:
    """What a reader sees of a cell's outputs: printed text, results, and the error."""
    parts = []
    for out in outputs:
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif out["output_type"] == "error":
            parts.append(f"{out['ename']}: {out['evalue']}\n")
        elif "text/plain" in out.get("data", {}):
            parts.append(out["data"]["text/plain"].rstrip("\n") + "\n")
        else:
            parts.append(f"<{', '.join(sorted(out.get('data', {})))}>\n")
    return execute.ANSI_RE.sub("", "".join(parts))


def trim(text: str, redact=lambda s: s, limit: int = OUTPUT_LINES) -> str:
    """Local paths and memory addresses out, long lines cut, and at most `limit` lines: the first
    few and the last ones (where the error is)."""
    text = ADDRESS_RE.sub("0x...", redact(execute.ANSI_RE.sub("", text)))
    lines = [
        line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1] + "…"
        for line in text.rstrip().splitlines()
    ]
    if len(lines) > limit:
        head = limit // 3
        cut = len(lines) - limit + 1
        lines = lines[:head] + [f"… ({cut} lines cut)"] + lines[len(lines) - (limit - head - 1) :]
    return "\n".join(lines)


def classify(example: source.Example, pinned, tested, redact=lambda s: s) -> tuple[list, dict]:
    """(status per code-notebook cell, {index: details}) from drift's comparison: a failed cell is
    "assert" (an AssertionError: an assert, or expect() that got the wrong error or none) or
    "error" (any other exception); details keep the error, the line that raised and the trimmed
    output of failed cells, and the diff of changed ones."""
    statuses, details = [], {}
    for record, cell in zip(drift.compare(example, pinned, tested), tested.cells):
        status = record["status"]
        if status == "failed":
            status = "assert" if record["error"]["ename"] == "AssertionError" else "error"
        statuses.append(status)
        if status in ("same", "not compared"):
            continue
        found: dict = {}
        if error := record.get("error"):
            found["error"] = trim(f"{error['ename']}: {error['evalue']}", redact, 1)
        if status in FAILED:
            tracebacks = [t for out in cell.outputs for t in out.get("traceback", [])]
            line = drift._raising_line(tracebacks, cell.get("execution_count"))
            if line and line <= len(cell.source.splitlines()):
                found["line"] = line
                found["code"] = trim(cell.source.splitlines()[line - 1].strip(), redact, 1)
            found["output"] = trim(_text(cell.outputs), redact)
        elif status == "changed":
            found["diff"] = [trim(d, redact, 1) for d in record["diff"][2 : 2 + DIFF_LINES]]
        elif status == "not reached" and record.get("after") is not None:
            found["after"] = record["after"]
        details[str(record["index"])] = found
    return statuses, details


def counts(statuses: list[str]) -> dict[str, int]:
    return {s: statuses.count(s) for s in STATUSES if statuses.count(s)}


# --- verdicts and the report -------------------------------------------------------------------


def verdict(statuses: list[str]) -> str:
    """One example's (or one section's) verdict: claims that do not hold first, then cells an
    earlier failure kept from running (unchecked), then changed outputs, else it holds."""
    failed = sum(s in FAILED for s in statuses)
    if failed:
        return "1 claim does not hold" if failed == 1 else f"{failed} claims do not hold"
    if "not reached" in statuses:
        return "not reached"
    if "changed" in statuses:
        return "differs in details"
    return "holds"


def report_markdown(changes: list[str], runs: list[str], date: str) -> str:
    lines = ["# Version matrix: what changed", "", f"{date}.", ""]
    lines += ["## Runs", "", *(runs or ["Nothing was stale: nothing ran."]), ""]
    lines += ["## Verdicts that changed against the recorded results", ""]
    lines += changes or ["None."]
    return "\n".join(lines).rstrip() + "\n"


def _verdicts(example: source.Example, record: dict | None) -> dict[str, str]:
    from . import matrix_render  # the section split lives with the rendering

    if not record or record.get("error") or "cells" not in record:
        return {}
    try:
        return {
            title: verdict(statuses)
            for title, statuses in matrix_render.section_statuses(example, record).items()
        }
    except (IndexError, KeyError):  # recorded for other code: cells no longer line up
        return {"(whole page)": verdict(record["cells"])}


# --- main --------------------------------------------------------------------------------------


def _names(values: list[str] | None) -> list[str]:
    return [n for v in values or [] for n in re.split(r"[,\s]+", v) if n]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.matrix", description=__doc__)
    parser.add_argument("--releases", nargs="*", help="only these releases (e.g. 2.15 2.16)")
    parser.add_argument("--examples", nargs="*", help="only these examples (e.g. quick_start)")
    parser.add_argument("--force", action="store_true", help="re-run even what is current")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--examples-dir", type=Path, default=ROOT / "examples")
    parser.add_argument("--work", type=Path, default=WORK, help="venvs and the report")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(os.environ.get("SITEBUILD_CACHE") or ROOT / ".cache" / "notebooks"),
        help="the pinned build's execution cache",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(os.environ.get("SITEBUILD_CELL_TIMEOUT") or execute.DEFAULT_CELL_TIMEOUT),
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=int(os.environ.get("SITEBUILD_JOBS") or min(2, os.cpu_count() or 1)),
    )
    args = parser.parse_args(argv)
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    try:
        config = load_config(args.config)
        examples = {}
        for path in sorted(args.examples_dir.glob("*.py")):
            try:
                examples[path.stem] = source.parse(source._display_path(path))
            except source.ExampleError as err:  # one broken example does not stop the rest
                log(f"matrix: skipping {err}")
        wanted_releases = _names(args.releases)
        wanted_examples = _names(args.examples)
        known = {r.name for r in config.releases}
        if unknown := set(wanted_releases) - known - {config.reference}:
            raise SetupError(f"no such release: {', '.join(sorted(unknown))} (see {args.config})")
        if unknown := set(wanted_examples) - set(examples):
            raise SetupError(f"no such example: {', '.join(sorted(unknown))}")
    except (SetupError, source.ExampleError, OSError, tomllib.TOMLDecodeError) as err:
        log(f"matrix: cannot run: {err}")
        return 2
    releases = [r for r in config.releases if not wanted_releases or r.name in wanted_releases]
    chosen = {s: ex for s, ex in examples.items() if not wanted_examples or s in wanted_examples}
    reference = reference_versions()
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    here = machine()
    redact = drift._redactor()
    changes: list[str] = []
    runs: list[str] = []
    pinned: dict = {}  # slug -> the pinned build's notebook, executed on first need
    for release in releases:
        data = load_results(args.results, release.name)
        data.setdefault("examples", {})
        # Results of examples that no longer exist go; the others are kept until re-run.
        data["examples"] = {s: r for s, r in data["examples"].items() if s in examples}
        todo = {}
        for slug, example in chosen.items():
            reason = stale_reason(data["examples"].get(slug), example, reference)
            if (
                args.force
                or reason
                or data.get("requirements") != release.requirements + release.common
            ):
                todo[slug] = reason or ("forced" if args.force else "requirements changed")
        installed = release.python or (args.work / release.name / "venv" / "bin").is_dir()
        if not todo and not installed:  # nothing to run: no need to install it to find out
            log(f"matrix: {release.name}: every chosen example is current (not installed here)")
            continue
        try:
            python, install_seconds = ensure_venv(release, args.work, log)
            versions = release_versions(python, release)
        except (SetupError, subprocess.CalledProcessError, OSError) as err:
            log(f"matrix: {release.name}: cannot set up: {err}")
            return 2
        # installed versions that moved (a package re-released, a venv edited): all stale
        for slug in chosen:
            if data["examples"].get(slug, {}).get("versions", versions) != versions:
                todo.setdefault(slug, "installed versions changed")
        if not todo:
            log(f"matrix: {release.name}: every chosen example is current")
            continue
        for slug in todo:
            if slug not in pinned:
                try:  # the pinned outputs: from the build's cache, or executed now
                    pinned[slug] = execute.execute(chosen[slug], args.cache, args.timeout, log)
                except execute.ExecutionError as err:
                    pinned[slug] = err
        log(
            f"matrix: {release.name}: running {len(todo)} examples, {args.jobs} at a time, on "
            + ", ".join(f"{k} {v}" for k, v in versions.items())
        )
        started = time.perf_counter()
        with ProcessPoolExecutor(
            max_workers=max(1, args.jobs), mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            futures = {
                slug: pool.submit(_run_in_worker, chosen[slug], str(python), args.timeout)
                for slug in todo
                if not isinstance(pinned[slug], Exception)
            }
            for slug, reason in todo.items():
                example = chosen[slug]
                before = _verdicts(example, data["examples"].get(slug))
                record = {
                    "code": code_digest(example),
                    "date": date,
                    "machine": here,
                    "versions": versions,
                    "reference": reference,
                }
                if isinstance(pinned[slug], Exception):
                    nb, error, seconds = None, f"pinned build failed: {pinned[slug]}", 0.0
                else:
                    nb, error, seconds = futures[slug].result()
                record["seconds"] = seconds
                if error:
                    record["error"] = redact(error)
                    log(f"matrix: {release.name}: {slug}: could not run: {record['error']}")
                else:
                    statuses, details = classify(example, pinned[slug].notebook, nb, redact)
                    record["counts"] = counts(statuses)
                    record["cells"] = statuses
                    record["details"] = details
                    log(
                        f"matrix: {release.name}: {slug}: {verdict(statuses)} "
                        f"({', '.join(f'{n} {s}' for s, n in record['counts'].items())}), "
                        f"{seconds:.1f} s ({reason})"
                    )
                data["examples"][slug] = record
                after = _verdicts(example, record)
                if "(whole page)" in before:  # recorded for other code: sections do not line up
                    now = verdict(record["cells"]) if after else "could not run"
                    was = before["(whole page)"]
                    changes.append(f"- {release.name}, {slug}: code changed; was {was}, now {now}")
                elif before:
                    for title in [*after, *(t for t in before if t not in after)]:
                        if before.get(title) != after.get(title):
                            changes.append(
                                f"- {release.name}, {slug}, {title}: "
                                f"{before.get(title, '—')} → {after.get(title, '—')}"
                            )
                else:
                    now = verdict(record["cells"]) if after else "could not run"
                    changes.append(f"- {release.name}, {slug}: new result, {now}")
        run_seconds = round(time.perf_counter() - started, 1)
        data.update(
            {
                "release": release.name,
                "requirements": release.requirements + release.common,
                "install_seconds": install_seconds or data.get("install_seconds", 0.0),
                "run_seconds": run_seconds,
            }
        )
        data["examples"] = dict(sorted(data["examples"].items()))
        save_results(args.results, data)
        runs.append(
            f"- {release.name}: {len(todo)} examples in {run_seconds:.0f} s"
            + (f" (installed in {install_seconds:.0f} s)" if install_seconds else "")
        )
    text = report_markdown(changes, runs, date)
    args.work.mkdir(parents=True, exist_ok=True)
    (args.work / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
