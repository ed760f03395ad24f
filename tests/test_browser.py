"""Real browser tests: Debian's Chromium, driven by Playwright, against the site on 127.0.0.1."""

import json
import re
import sys
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ARTIFACTS, PAGES, ROOT
from playwright.sync_api import sync_playwright

from sitebuild import execute

sys.path.insert(0, str(ROOT / "benchmarks"))
import search_quality  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Visit:
    """A browser page that records console errors and every request to another host."""

    def __init__(self, browser, base_url):
        self.context = browser.new_context(accept_downloads=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "response",
            lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"),
        )
        self.context.route("**/*", self._route)

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    v = Visit(browser, base_url)
    yield v
    v.close()


def page_path(page, lang):
    return ("/" if lang == "zh" else "/en/") + ("" if page == "index" else f"{page}/")


def test_language_switch_stays_on_the_same_page(visit, base_url):
    # Clicked for real on two pages; test_site checks every page's switch links statically.
    for page in ("index", "quick-start"):
        for here, there in (("zh", "en"), ("en", "zh")):
            visit.page.goto(base_url + page_path(page, here))
            visit.page.locator(".md-header .md-select").hover()
            with visit.page.expect_navigation():
                visit.page.locator(f'a.md-select__link[hreflang="{there}"]').click()
            assert urlparse(visit.page.url).path == page_path(page, there), (page, here)
    assert visit.errors == [] and visit.outside == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_download_link_gives_notebook_with_outputs(visit, base_url, lang, tmp_path):
    visit.page.goto(base_url + page_path("quick-start", lang))
    with visit.page.expect_download() as info:
        visit.page.locator("a.nb-download").click()
    download = info.value
    assert download.suggested_filename == f"quick_start.{lang}.ipynb"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and nb["metadata"]["sitebuild"]["language"] == lang
    assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


SEARCHES = {
    # what readers type: a natural question, a pasted error (with a colon lunr would read as a
    # field), an API name; each must land on the section that answers it, in the reader's language
    "zh": [
        ("会话已经关闭", "session-errors/#closed-session"),
        (
            "TypeError: Argument `fetch` = None has invalid type",
            "session-errors/#fetch-cannot-be-none",
        ),
        ("partial_run", "session-more/#partial_run一步分几次运行"),
    ],
    "en": [
        ("Attempted to use a closed Session", "session-errors/#closed-session"),
        (
            "TypeError: Argument `fetch` = None has invalid type",
            "session-errors/#fetch-cannot-be-none",
        ),
        ("partial_run", "session-more/#partial_run-one-step-in-several-parts"),
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_loads_its_language_only_when_opened_and_finds_the_section(visit, base_url, lang):
    """The index costs a first visit nothing: it is fetched when the reader opens search, and
    only the page's language's. Results are in that language, best section first."""
    requests = []
    visit.page.on("request", lambda r: requests.append(urlparse(r.url).path))
    visit.page.goto(base_url + page_path("session-fetches", lang), wait_until="networkidle")
    visit.page.wait_for_timeout(500)
    assert not [r for r in requests if "search_index" in r], "a page load fetched the index"
    with visit.page.expect_response(lambda r: "search_index" in r.url) as response:
        visit.page.keyboard.press("/")  # Material's shortcut: opens search
    assert urlparse(response.value.url).path == f"/search/search_index.{lang}.json"
    assert response.value.ok
    search_quality.open_search(visit.page, base_url, lang)
    for query, section in SEARCHES[lang]:
        found = [search_quality.location(u, lang) for u in search_quality.search(visit.page, query)]
        assert found, f"{query!r}: no results"
        assert {lg for lg, _ in found} == {lang}, f"{query!r}: results in another language"
        assert found[0][1] == section, f"{query!r} -> {found[:3]}"
    assert visit.outside == []


def test_code_copy_buttons_and_screenshots(visit, base_url):
    ARTIFACTS.mkdir(exist_ok=True)
    for lang in ("zh", "en"):
        visit.page.set_viewport_size({"width": 1280, "height": 900})
        visit.page.goto(base_url + page_path("quick-start", lang), wait_until="networkidle")
        copy = visit.page.locator('button.md-code__button[data-md-type="copy"]')
        assert copy.count() > 0, "no code copy buttons"
        assert visit.page.locator(".nb-output .md-code__nav").first.is_hidden()
        visit.page.screenshot(path=ARTIFACTS / f"quick-start.{lang}.png", full_page=True)
    assert visit.errors == [] and visit.outside == []


def test_language_switch_keeps_the_section(visit, base_url):
    visit.page.goto(base_url + page_path("quick-start", "zh"))
    # a section whose ids differ between the languages (小结 / summary)
    visit.page.locator("#小结").scroll_into_view_if_needed()
    visit.page.evaluate("document.getElementById('小结').scrollIntoView()")
    visit.page.locator(".md-header .md-select").hover()
    with visit.page.expect_navigation():
        visit.page.locator('a.md-select__link[hreflang="en"]').click()
    visit.page.wait_for_function("location.hash === '#summary'")
    heading = visit.page.locator("#summary")
    assert heading.is_visible()
    assert 0 <= heading.evaluate("h => h.getBoundingClientRect().top") < 200
    assert visit.errors == [] and visit.outside == []


def check_stamp(page, name: str) -> None:
    """The environment stamp is on the page, visible: the versions of this build and its date;
    on a tutorial page also how long its code ran."""
    assert page.locator(".nb-stamp").count() >= 1, f"{name}: no environment stamp"
    text = page.locator(".nb-stamp").first.inner_text()
    for version in execute.versions().values():
        assert version in text, f"{name}: stamp {text!r} lacks {version}"
    assert re.search(r"\d{4}-\d{2}-\d{2}", text), f"{name}: no build date in {text!r}"
    if "<!-- notebook:" in (ROOT / "docs" / f"{name}.zh.md").read_text(encoding="utf-8"):
        assert re.search(r"\d+\.\d (s|秒)", text), f"{name}: no run time in {text!r}"


def axe_violations(page, options) -> list[str]:
    """Moderate, serious and critical axe-core violations (axe ships with axe-playwright-python).
    Asking for violations only, not passes, halves axe's time."""
    found = Axe().run(page, options={"resultTypes": ["violations"], **options}).response
    return [
        f"{v['id']} x{len(v['nodes'])} {[n['target'] for n in v['nodes'][:3]]}"
        for v in found["violations"]
        if v["impact"] in ("moderate", "serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_loads_cleanly_and_accessibly(visit, base_url, lang):
    """Every page in one language: HTTP 200, one title, the environment stamp, no console error,
    no request to another host, and no moderate or worse axe violation: every rule in the
    light scheme at 1280 px and at 390 px, then colour contrast (the one thing a scheme changes)
    in the dark one, switched as Material's toggle does it, on <body data-md-color-scheme>.
    test_dark_mode_toggle clicks the real toggle."""
    found = []
    for name in PAGES:
        response = visit.page.goto(base_url + page_path(name, lang), wait_until="networkidle")
        assert response.status == 200, f"{name} ({lang}): HTTP {response.status}"
        assert visit.page.locator("article h1").count() == 1, name
        check_stamp(visit.page, name)
        assert visit.page.evaluate("document.body.dataset.mdColorScheme") == "default"
        found += [f"{name} ({lang}, light): {v}" for v in axe_violations(visit.page, {})]
        # no colour transitions: axe would measure colours half-way
        visit.page.add_style_tag(content="*, *::before { transition: none !important; }")
        visit.page.evaluate("document.body.dataset.mdColorScheme = 'slate'")
        dark = axe_violations(visit.page, {"runOnly": ["color-contrast"]})
        found += [f"{name} ({lang}, dark): {v}" for v in dark]
        # a phone: the drawer, the tables that scroll, the wrapped outputs
        visit.page.set_viewport_size({"width": 390, "height": 844})
        visit.page.evaluate("document.body.dataset.mdColorScheme = 'default'")
        found += [f"{name} ({lang}, 390 px): {v}" for v in axe_violations(visit.page, {})]
        visit.page.set_viewport_size({"width": 1280, "height": 800})
    assert not found, "\n".join(found)
    assert visit.errors == [], f"console errors: {visit.errors}"
    assert visit.outside == [], f"requests to other hosts: {visit.outside}"


def test_dark_mode_toggle_and_readable_outputs(visit, base_url):
    visit.page.goto(base_url + page_path("quick-start", "en"))
    assert visit.page.evaluate("document.body.dataset.mdColorScheme") == "default"
    visit.page.locator("label.md-header__button[for^='__palette']:visible").click()
    visit.page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    # The toggle (not the system preference) switched the scheme: outputs must stay readable.
    result = Axe().run(visit.page, options={"runOnly": ["color-contrast"]})
    assert result.response["violations"] == []
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=ARTIFACTS / "quick-start.en.dark.png")
    assert visit.errors == [] and visit.outside == []
