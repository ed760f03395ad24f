"""The execution cache: one folder per example and key, verified when read, written atomically.

    .cache/notebooks/<slug>-<key>/notebook.ipynb   executed code cells; metadata.sitebuild holds
                                                   the key and digests of outputs and files
    .cache/notebooks/<slug>-<key>/files/...        what the code wrote to downloads/

An entry is built in a temporary folder and renamed into place, so a reader (another build, an
interrupted one) sees a whole entry or none. An entry whose recorded key, code, outputs or files
do not match is rejected, and the example runs again. The digests catch edits and damage; they
are no defence against someone who can write to .cache and recompute them.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from . import safety

NOTEBOOK = "notebook.ipynb"
FILES = "files"


class Rejected(Exception):
    """A cache entry that must not be used; the message says why."""


def entry(cache_dir: Path, slug: str, key: str) -> Path:
    return cache_dir / f"{slug}-{key}"


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def outputs_digest(nb) -> str:
    return digest([[cell.get("outputs", []), cell.get("execution_count")] for cell in nb.cells])


def files_digest(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def read(folder: Path, key: str, sources: list[str]):
    """(notebook, files) of a verified entry; None if there is none; Rejected if it is bad."""
    if not folder.exists():
        return None
    try:
        nb = nbformat.read(folder / NOTEBOOK, as_version=4)
        nbformat.validate(nb)
    except FileNotFoundError:
        raise Rejected(f"{NOTEBOOK} is missing") from None
    except Exception as err:
        raise Rejected(f"{NOTEBOOK} is malformed ({type(err).__name__}: {err})") from None
    meta = nb.metadata.get("sitebuild")
    if not isinstance(meta, dict):
        raise Rejected("it has no sitebuild metadata")
    if meta.get("key") != key:
        raise Rejected(f"it records key {meta.get('key')!r}, not {key!r}")
    found = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    if len(nb.cells) != len(sources) or len(found) != len(sources):
        raise Rejected(f"it holds {len(nb.cells)} cells, the example has {len(sources)} to run")
    for index, (have, want) in enumerate(zip(found, sources)):
        if have != want:
            raise Rejected(f"code cell {index} is not the example's code")
        if nb.cells[index].get("execution_count") is None:
            raise Rejected(f"code cell {index} never ran")
    if meta.get("outputs") != outputs_digest(nb):
        raise Rejected("its outputs were changed after execution")
    try:
        files = safety.collect_downloads(folder / FILES)
    except safety.UnsafeOutput as err:
        raise Rejected(str(err)) from None
    if meta.get("files") != files_digest(files):
        raise Rejected("its files differ from those recorded at execution")
    return nb, files


def write(folder: Path, nb, files: dict[str, bytes]) -> None:
    """Store an entry atomically. If another build stored the same key first, keep theirs: the
    same key means the same inputs."""
    nb.metadata["sitebuild"]["outputs"] = outputs_digest(nb)
    nb.metadata["sitebuild"]["files"] = files_digest(files)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{folder.name}-", dir=folder.parent))
    try:
        nbformat.write(nb, tmp / NOTEBOOK)
        for name, data in files.items():
            path = tmp / FILES / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            os.rename(tmp, folder)
        except OSError:
            if not folder.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def discard(path: Path) -> None:
    """Remove an entry (or an old-style file) so that no reader ever sees half of it."""
    trash = path.parent / f".tmp-trash-{path.name}-{os.getpid()}-{time.monotonic_ns()}"
    try:
        os.rename(path, trash)
    except FileNotFoundError:
        return
    shutil.rmtree(trash, ignore_errors=True) if trash.is_dir() else trash.unlink(missing_ok=True)


def prune(cache_dir: Path, slug: str, keep: str) -> None:
    """Drop the example's other entries, and temporary folders that interrupted builds left."""
    own = re.compile(re.escape(slug) + r"-[0-9a-f]{20}(\.ipynb|\.files|\.tmp)?")
    for path in cache_dir.iterdir() if cache_dir.is_dir() else []:
        if path.name != keep and own.fullmatch(path.name):
            discard(path)
        elif path.name.startswith(".tmp-") and _older_than(path, 3600):
            shutil.rmtree(path, ignore_errors=True)


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except FileNotFoundError:
        return False
