"""The site works under a sub-path, as GitHub Pages serves a project site: built with
SITE_URL=http://127.0.0.1:PORT/tutorial/ and served only there, with 404.html for anything else."""

import shutil
import socket
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from conftest import PAGES, ROOT, mkdocs_build
from playwright.sync_api import sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS

PREFIX = "/tutorial/"


def serve_under_prefix(site: Path, port: int) -> ThreadingHTTPServer:
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            path = urlsplit(path).path
            if not path.startswith(PREFIX):
                return str(site / "no such file")
            return super().translate_path("/" + path[len(PREFIX) :])

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()  # what GitHub Pages does
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def make(*args, **kwargs):
        return Handler(*args, directory=str(site), **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", port), make)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def subpath(site, tmp_path_factory):
    """(base URL ending in /tutorial/, site folder). The build reuses the executed examples."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tmp = tmp_path_factory.mktemp("subpath")
    shutil.copytree(ROOT / ".cache" / "notebooks", tmp / "cache" / "notebooks")
    base = f"http://127.0.0.1:{port}{PREFIX}"
    env = {
        "SITE_URL": base,
        "SITEBUILD_CACHE": str(tmp / "cache" / "notebooks"),
        "REPO_URL": "https://github.com/example/tutorial",  # as the Pages workflow sets it
    }
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp / "site", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    server = serve_under_prefix(tmp / "site", port)
    yield base, tmp / "site"
    server.shutdown()


class Links(HTMLParser):
    """Every URL a page links to or loads: (tag, value, rel, hreflang)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("href", "src"):
            if a.get(name):
                self.found.append((tag, a[name], a.get("rel"), a.get("hreflang")))


def links(html: str):
    parser = Links()
    parser.feed(html)
    return parser.found


def status(url: str) -> int:
    try:
        with urlopen(url, timeout=30) as response:
            return response.status
    except HTTPError as err:
        return err.code


def twin(path: str, lang: str) -> str:
    """A page's path in `lang`, e.g. /tutorial/en/x/ -> /tutorial/x/ for zh."""
    rest = path[len(PREFIX) :].removeprefix("en/")
    return PREFIX + (rest if lang == "zh" else "en/" + rest)


def page_urls(base: str) -> list[str]:
    names = ["" if p == "index" else f"{p}/" for p in PAGES]
    return [base + name for name in names] + [base + "en/" + name for name in names]


def test_every_link_and_asset_works_under_the_subpath(subpath):
    base, _ = subpath
    host = urlsplit(base).netloc
    checked: dict[str, int] = {}
    problems = []
    pages = page_urls(base) + [base + "no/such/page/"]
    for page in pages:
        with urlopen(page, timeout=30) if "no/such" not in page else _open_404(page) as response:
            html = response.read().decode()
        for tag, value, rel, hreflang in links(html):
            url = urljoin(page, value)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https"):
                continue  # data:, mailto:, javascript:
            if parts.netloc != host:
                if tag in ("script", "img") or (tag == "link" and rel == "stylesheet"):
                    problems.append(f"{page}: loads {url} from another host")
                continue  # a plain link out (the footer's "Made with Material")
            if not parts.path.startswith(PREFIX):
                problems.append(f"{page}: {tag} {value!r} leaves {PREFIX}: {parts.path}")
                continue
            target = url.split("#")[0]
            if target not in checked:
                checked[target] = status(target)
            if checked[target] != 200:
                problems.append(f"{page}: {tag} {value!r} -> {checked[target]}")
            if hreflang and "no/such" not in page:  # the language switch and alternates
                page_path = urlsplit(page).path
                lang = hreflang if hreflang != "x-default" else "zh"
                if parts.path != twin(page_path, lang):
                    problems.append(f"{page}: {hreflang} link {value!r} is not its twin")
    assert not problems, "\n".join(problems[:40])
    assert len(checked) > 60, f"only {len(checked)} URLs checked"


def _open_404(url):
    try:
        urlopen(url, timeout=30)
    except HTTPError as err:
        assert err.code == 404
        return err
    raise AssertionError(f"{url} should be a 404")


def test_sitemap_and_canonical_use_site_url(subpath):
    base, site = subpath
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{base}quick-start/</loc>" in sitemap and "None" not in sitemap
    page = (site / "en" / "quick-start" / "index.html").read_text()
    assert f'<link rel="canonical" href="{base}en/quick-start/">' in page
    for lang, url in (("zh", base + "quick-start/"), ("en", base + "en/quick-start/")):
        assert f'<link rel="alternate" hreflang="{lang}" href="{url}">' in page


def test_switch_and_404_in_the_browser(subpath):
    base, _ = subpath
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        errors, failed = [], []
        page.on(
            "console",
            lambda m: m.type == "error" and errors.append(f"{m.text} {m.location.get('url')}"),
        )
        page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
        page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
        for start, lang, expected in (
            (base, "en", base + "en/"),
            (base + "en/", "zh", base),
            (base + "en/quick-start/", "zh", base + "quick-start/"),
        ):
            page.goto(start, wait_until="networkidle")
            page.hover(".md-header__option .md-select")
            page.click(f"a.md-select__link[hreflang={lang}]")
            page.wait_for_load_state("networkidle")
            assert page.url.split("#")[0] == expected, f"switch from {start} to {lang}"
        assert not errors and not failed, errors + failed

        response = page.goto(base + "missing/deep/page/", wait_until="networkidle")
        assert response.status == 404
        failed = [f for f in failed if "missing/deep/page" not in f]
        assert not failed, failed  # the 404 page's CSS, JS and icons all load
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
            "sticky",
            "fixed",
        ), "the 404 page is unstyled"
        text = page.inner_text("article")
        assert "这个地址没有页面" in text and "There is no page at this address" in text
        for lang, expected in (("zh", base), ("en", base + "en/")):
            page.goto(base + "missing/deep/page/", wait_until="networkidle")
            page.hover(".md-header__option .md-select")
            page.click(f"a.md-select__link[hreflang={lang}]")
            page.wait_for_load_state("networkidle")
            assert page.url == expected, f"404 page: {lang} switch went to {page.url}"
        # the only errors: Chromium's note that the missing page itself answered 404
        assert all("missing/deep/page" in e for e in errors), errors
        browser.close()


def test_view_source_links_when_the_repository_is_known(subpath):
    _, site = subpath
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page = (site / prefix / "quick-start" / "index.html").read_text()
        url = "https://github.com/example/tutorial/blob/main/examples/quick_start.py"
        assert f'<a class="nb-source" href="{url}">' in page, lang
        assert "api.github.com" not in page
