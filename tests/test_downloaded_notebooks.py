"""A downloaded notebook runs top to bottom ("Run All") in a fresh, default Jupyter kernel, with
oneDNN on (the default on CPUs with AVX-512 VNNI/BF16 or AMX) and with it off (elsewhere)."""

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

import nbformat
from nbclient import NotebookClient


def run_all(path, onednn: str) -> str | None:
    """Clear outputs and run every cell with default kernel settings and oneDNN on ("1") or off
    ("0"); return the error, if any."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": path.parent}}
    )
    try:
        client.execute(env=dict(os.environ, TF_ENABLE_ONEDNN_OPTS=onednn))
    except Exception as err:  # noqa: BLE001 -- reported with the notebook's name below
        return f"{path.name}, oneDNN={onednn}: stopped during Run All: {type(err).__name__}: {err}"
    if not all(c.execution_count for c in nb.cells if c.cell_type == "code"):
        return f"{path.name}, oneDNN={onednn}: a cell did not run"
    return None


def test_downloaded_notebooks_run_all(site, examples, tmp_path):
    # Code cells are identical in both languages (test_site checks that), so one run per example
    # covers both downloads. Two kernels at a time: the machine has two cores.
    runs = []
    for slug in examples:
        for onednn in ("1", "0"):
            workdir = tmp_path / f"{slug}-onednn{onednn}"
            workdir.mkdir()
            path = workdir / f"{slug}.en.ipynb"
            shutil.copy(site / "notebooks" / path.name, path)
            runs.append((path, onednn))
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [error for error in pool.map(lambda run: run_all(*run), runs) if error]
    assert not failures, "\n".join(failures)
