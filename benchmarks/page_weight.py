"""Page weight: each tutorial page's HTML against what mkdocs-jupyter makes of the same notebook.

    .venv/bin/python benchmarks/page_weight.py SITE_DIR

SITE_DIR is a built site (`mkdocs build`). Its executed notebooks (SITE_DIR/notebooks) are built a
second time with mkdocs-jupyter (default options, the same Material theme, no execution), the
baseline the budget names. nbconvert's HTML export (what mkdocs-jupyter embeds) is shown too.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

BIN = Path(sys.executable).parent
BUDGET = 0.1  # our page <= BUDGET x mkdocs-jupyter's page
MKDOCS_JUPYTER_CONFIG = """\
site_name: baseline
theme:
  name: material
  font: false
plugins:
  - mkdocs-jupyter:
      execute: false
"""


def page_url(notebook: Path) -> str:
    """site/notebooks/session_fetches.en.ipynb -> /en/session-fetches/"""
    slug, lang = notebook.stem.rsplit(".", 1)
    return ("/" if lang == "zh" else f"/{lang}/") + slug.replace("_", "-") + "/"


def mkdocs_jupyter_pages(notebooks: list[Path], workdir: Path) -> dict[Path, int]:
    """Build the notebooks with mkdocs-jupyter; the HTML size of each one's page."""
    docs = workdir / "docs"
    docs.mkdir(parents=True)
    for nb in notebooks:
        (docs / nb.name.replace(".", "_", 1)).write_bytes(nb.read_bytes())
    (workdir / "mkdocs.yml").write_text(MKDOCS_JUPYTER_CONFIG)
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q"],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)},
    )
    if result.returncode:
        sys.exit(f"mkdocs-jupyter build failed:\n{result.stderr}")
    sizes = {}
    for nb in notebooks:
        name = nb.name.replace(".", "_", 1).removesuffix(".ipynb")
        sizes[nb] = (workdir / "site" / name / "index.html").stat().st_size
    return sizes


def weigh(site: Path) -> list[dict]:
    """One row per tutorial page: our HTML, mkdocs-jupyter's, nbconvert's, and the verdict."""
    notebooks = sorted((site / "notebooks").glob("*.ipynb"))
    exporter = HTMLExporter()
    with tempfile.TemporaryDirectory() as tmp:
        baseline = mkdocs_jupyter_pages(notebooks, Path(tmp))
    rows = []
    for nb in notebooks:
        url = page_url(nb)
        ours = (site / url.strip("/") / "index.html").stat().st_size
        nbconvert = len(exporter.from_notebook_node(nbformat.read(nb, 4))[0].encode())
        rows.append(
            {
                "url": url,
                "ours": ours,
                "mkdocs_jupyter": baseline[nb],
                "nbconvert": nbconvert,
                "passed": ours <= BUDGET * baseline[nb],
            }
        )
    return rows


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rows = weigh(Path(sys.argv[1]))
    print(f"{'page':<28} {'ours':>8} {'mkdocs-jupyter':>15} {'ratio':>6} {'nbconvert':>10}")
    for r in rows:
        ratio = r["ours"] / r["mkdocs_jupyter"]
        verdict = "PASS" if r["passed"] else "FAIL"
        print(
            f"{r['url']:<28} {r['ours']:>8} {r['mkdocs_jupyter']:>15} {ratio:>6.3f} "
            f"{r['nbconvert']:>10}  {verdict}"
        )
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
