"""A downloaded notebook runs top to bottom ("Run All") in a fresh, default Jupyter kernel."""

import shutil

import nbformat
import pytest
from nbclient import NotebookClient


def test_downloaded_notebook_runs_all(site, examples, tmp_path):
    # Code cells are identical in both languages (test_site checks that), so one run per example
    # covers both downloads. Default kernel settings, as a reader's Jupyter has them.
    for slug in examples:
        path = tmp_path / f"{slug}.en.ipynb"
        shutil.copy(site / "notebooks" / path.name, path)
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        client = NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
        )
        try:
            client.execute()
        except Exception as err:  # noqa: BLE001 -- report which notebook, then fail
            pytest.fail(f"{slug}.en.ipynb stopped during Run All: {type(err).__name__}: {err}")
        assert all(c.execution_count for c in nb.cells if c.cell_type == "code"), slug
