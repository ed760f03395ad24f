"""Run one or more examples without building the site: ``python -m sitebuild quick_start ...``.

Executes (or takes from the cache) each example, checks it like the site build does, and writes
the rendered page Markdown and the downloadable notebooks to .cache/preview/ for a quick look.
"""

import argparse
import datetime
import sys
from pathlib import Path

import nbformat

from sitebuild import execute, render, source


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
    parser.add_argument("slugs", nargs="+", help="example names, e.g. quick_start")
    parser.add_argument("--timeout", type=float, default=execute.DEFAULT_CELL_TIMEOUT)
    args = parser.parse_args(argv)
    out = Path(".cache/preview")
    out.mkdir(parents=True, exist_ok=True)
    built = datetime.date.today().isoformat()
    for slug in args.slugs:
        try:
            example = source.parse(Path("examples") / f"{slug}.py")
            done = execute.execute(example, Path(".cache/notebooks"), args.timeout)
        except (source.ExampleError, execute.ExecutionError) as err:
            print(f"FAILED: {err}", file=sys.stderr)
            return 1
        for lang in source.LANGS:
            nb = execute.language_notebook(example, done, lang, built)
            nbformat.write(execute.for_jupyter(nb), out / f"{slug}.{lang}.ipynb")
            page = render.render(nb, lang, f"{slug}.{lang}.ipynb", {}, lambda name: name)
            for name, data in done.files.items():
                (out / "downloads" / name).parent.mkdir(parents=True, exist_ok=True)
                (out / "downloads" / name).write_bytes(data)
            (out / f"{slug}.{lang}.md").write_text(page, encoding="utf-8")
            print(f"wrote {out / f'{slug}.{lang}.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
