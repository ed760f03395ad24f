"""What a reader needs to run the examples: a requirements file with the versions this build
used, one archive per language with every notebook and its files, and a "how to run" note at the
top of each downloaded notebook."""

import io
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import nbformat

# What the notebooks import, plus what opens them; pinned to the versions of this build.
READER_PACKAGES = ("tensorflow", "tf-keras", "keras", "numpy", "matplotlib", "ipykernel")
REQUIREMENTS = "requirements.txt"  # published at notebooks/requirements.txt
ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # fixed: the same notebooks give the same archive


def requirements() -> str:
    pins = "\n".join(f"{name}=={metadata.version(name)}" for name in READER_PACKAGES)
    python = ".".join(map(str, sys.version_info[:2]))
    return (
        f"# The versions this site was built with (Python {python}).\n"
        "# python -m pip install -r requirements.txt\n" + pins + "\n"
    )


HOW_TO = {
    "zh": (
        "**自己运行这个 notebook**：用 Python {python} 建一个虚拟环境，装上构建本站时的版本，"
        "再用 Jupyter 或 VS Code 打开本文件。\n\n"
        "```sh\npython -m venv .venv\n"
        "source .venv/bin/activate        # Windows：.venv\\Scripts\\activate\n"
        "python -m pip install {pins} jupyterlab\njupyter lab\n```\n\n"
        "网络慢或被墙时，用你所在机构的 PyPI 镜像："
        "`python -m pip install -i <镜像地址> ...`，或设置环境变量 `PIP_INDEX_URL`。"
        "本页在构建时的输出就在各格下面；你机器上的输出可能在页面说明的地方不同"
        "（oneDNN、CPU 架构、GPU）。"
    ),
    "en": (
        "**Run this notebook yourself**: make a virtual environment with Python {python}, install "
        "the versions this site was built with, then open this file in Jupyter or VS Code.\n\n"
        "```sh\npython -m venv .venv\n"
        "source .venv/bin/activate        # Windows: .venv\\Scripts\\activate\n"
        "python -m pip install {pins} jupyterlab\njupyter lab\n```\n\n"
        "On a slow or blocked network, use your organisation's PyPI mirror: "
        "`python -m pip install -i <mirror URL> ...`, or set `PIP_INDEX_URL`. "
        "The outputs under each cell are the build's; yours may differ where the page says so "
        "(oneDNN, CPU architecture, GPU)."
    ),
}


def how_to_cell(lang: str):
    pins = " ".join(f"{name}=={metadata.version(name)}" for name in READER_PACKAGES)
    python = ".".join(map(str, sys.version_info[:2]))
    cell = nbformat.v4.new_markdown_cell(HOW_TO[lang].format(python=python, pins=pins))
    cell.metadata["sitebuild"] = {"role": "how-to"}
    return cell


def archive(lang: str, notebooks: dict[str, str], files: dict[str, dict[str, bytes]]) -> bytes:
    """A zip of every notebook in one language: <slug>/<slug>.<lang>.ipynb, the files its code
    writes in <slug>/downloads/ (where the notebook's links point), and requirements.txt."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)

        add(REQUIREMENTS, requirements().encode())
        for slug, text in sorted(notebooks.items()):
            add(f"{slug}/{slug}.{lang}.ipynb", text.encode())
            for name, data in sorted(files.get(slug, {}).items()):
                add(f"{slug}/downloads/{name}", data)
    return out.getvalue()


def archive_name(lang: str) -> str:
    return f"keras-session-run-notebooks.{lang}.zip"


def last_changed(path: Path) -> str | None:
    """The date of the last commit that touched the example (None outside a git checkout)."""
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.resolve().parent,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None
