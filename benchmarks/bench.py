"""Measure the build: `make bench`. Prints a table; measures, never asserts inside the test suite.

- cold build: empty execution cache (a temporary SITEBUILD_CACHE), every example executes
- warm build: the same cache again, nothing changed, nothing may execute
- executions per build, read from the builder's build-stats.json
- HTML weight of each tutorial page vs nbconvert's HTML export of the same executed notebook
  (nbconvert's HTML exporter is what mkdocs-jupyter embeds)
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


def build(site_dir: Path, cache_dir: Path) -> tuple[float, dict]:
    env = dict(os.environ, SITEBUILD_CACHE=str(cache_dir), NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed:\n{result.stderr}")
    return seconds, json.loads((cache_dir.parent / "build-stats.json").read_text())


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache" / "notebooks"
        cold_s, cold = build(tmp / "site", cache)
        warm_s, warm = build(tmp / "site", cache)
        n = len(cold["examples"])
        rows += [
            ("examples", n, ""),
            ("executions, cold build", cold["executions"], f"== {n}"),
            ("executions, warm build", warm["executions"], "== 0"),
            ("cold build (s)", f"{cold_s:.1f}", ""),
            ("warm build (s)", f"{warm_s:.1f}", f"<= 0.1 x cold = {0.1 * cold_s:.1f}"),
        ]
        ok = cold["executions"] == n and warm["executions"] == 0 and warm_s <= 0.1 * cold_s
        exporter = HTMLExporter()
        for nb_path in sorted((tmp / "site" / "notebooks").glob("*.ipynb")):
            slug, lang = nb_path.stem.rsplit(".", 1)
            page = slug.replace("_", "-")
            html = tmp / "site" / ("" if lang == "zh" else "en") / page / "index.html"
            if not html.exists():
                continue
            ours = html.stat().st_size
            theirs = len(exporter.from_notebook_node(nbformat.read(nb_path, 4))[0].encode())
            ok &= ours <= 0.1 * theirs
            rows.append(
                (
                    f"HTML {page} ({lang}), bytes",
                    ours,
                    f"nbconvert {theirs}, ratio {ours / theirs:.3f}",
                )
            )
    width = max(len(str(r[0])) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value!s:>10}  {note}")
    print("budgets:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
