"""A downloaded notebook runs top to bottom ("Run All") in a fresh, default Jupyter kernel."""

import shutil
from concurrent.futures import ThreadPoolExecutor

import nbformat
from nbclient import NotebookClient


def run_all(path) -> str | None:
    """Clear outputs and run every cell with default kernel settings; return the error, if any."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": path.parent}}
    )
    try:
        client.execute()
    except Exception as err:  # noqa: BLE001 -- reported with the notebook's name below
        return f"{path.name} stopped during Run All: {type(err).__name__}: {err}"
    if not all(c.execution_count for c in nb.cells if c.cell_type == "code"):
        return f"{path.name}: a cell did not run"
    return None


def test_downloaded_notebooks_run_all(site, examples, tmp_path):
    # Code cells are identical in both languages (test_site checks that), so one run per example
    # covers both downloads. Two kernels at a time: the machine has two cores.
    paths = []
    for slug in examples:
        workdir = tmp_path / slug
        workdir.mkdir()
        paths.append(workdir / f"{slug}.en.ipynb")
        shutil.copy(site / "notebooks" / paths[-1].name, paths[-1])
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [error for error in pool.map(run_all, paths) if error]
    assert not failures, "\n".join(failures)
