"""Shared fixtures: the real site built once per test session, and a tiny site factory."""

import functools
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ARTIFACTS = ROOT / "test-artifacts"


def mkdocs_build(config: Path, site_dir: Path, env: dict | None = None, timeout=900):
    """Run `mkdocs build --strict` in a subprocess, as `make site` does; return the result."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site. `make test` builds it first (`make site`) and passes SITE_DIR, so that the
    pytest workers share one build; plain `pytest` builds it here from the working tree."""
    if os.environ.get("SITE_DIR"):
        site_dir = Path(os.environ["SITE_DIR"]).resolve()
        assert (site_dir / "index.html").is_file(), f"SITE_DIR={site_dir} holds no built site"
        return site_dir
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr[-4000:]}"
    return site_dir


@pytest.fixture(scope="session")
def build_stats(site) -> dict:
    return json.loads((ROOT / ".cache" / "build-stats.json").read_text())


EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.py"))
PAGES = sorted(p.name[: -len(".zh.md")] for p in (ROOT / "docs").glob("*.zh.md"))


@pytest.fixture(scope="session")
def examples() -> list[str]:
    return EXAMPLES


@pytest.fixture(scope="session")
def pages() -> list[str]:
    """Page names (docs/NAME.zh.md), e.g. 'index', 'quick-start'."""
    return PAGES


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on 127.0.0.1, for the browser tests."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
