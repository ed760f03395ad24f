"""Static checks of the built site: both languages, notebooks, parity, offline, clean outputs."""

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import nbformat
import pytest
from conftest import ROOT

from sitebuild import execute, render, search

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# Loads (not links): script/img/iframe/source src, and <link> hrefs (stylesheets, icons, preloads).
LOAD_RE = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=[\"']?(https?:)?//"
    r"|<link\b[^>]*\bhref=[\"']?(https?:)?//",
    re.IGNORECASE,
)
NAMES_RE = re.compile(r'<link rel="(?:canonical|alternate)"[^>]*>')
CSS_LOAD_RE = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"']?)(?:https?:)?//", re.IGNORECASE)
CDN_HOSTS = ("googleapis", "gstatic", "jsdelivr", "unpkg.com", "cdnjs", "polyfill.io", "mathjax")
UNCLEAN_OUTPUT = {
    "local path": re.compile(r"/work/|/tmp/|/home/|site-packages"),
    "memory address": re.compile(r"\bat 0x[0-9a-f]{6,}"),
    "traceback": re.compile(r"Traceback \(most recent call last\)"),
    "TF C++ log line": re.compile(r"^[IWE]\d{4} |absl::InitializeLog|cudart_stub", re.MULTILINE),
}


def page_html(site: Path, page: str, lang: str) -> Path:
    prefix = "" if lang == "zh" else "en/"
    return site / prefix / ("" if page == "index" else page) / "index.html"


def resolve(site: Path, page_file: Path, href: str) -> Path:
    """The file a link on a built page points to (site-absolute or page-relative)."""
    if href.startswith("/"):
        return Path(urljoin(site.as_posix() + "/", href.lstrip("/")))
    return Path(urljoin(page_file.as_posix(), href))


def notebook_pages(pages):
    return [p for p in pages if "<!-- notebook:" in (ROOT / "docs" / f"{p}.zh.md").read_text()]


def test_every_page_is_built_in_both_languages(site, pages):
    assert "index" in pages and "quick-start" in pages
    for page in pages:
        for lang in ("zh", "en"):
            html = page_html(site, page, lang).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, f"{page} ({lang}) has the wrong html lang"
            # the stamp names the settings the build pins (sitebuild/execute.py PINNED_ENV)
            pinned = {
                "zh": "oneDNN 关闭，只用 CPU，每个运算 1 个线程",
                "en": "oneDNN off, CPU only",
            }
            assert pinned[lang] in html, f"{page} ({lang}): the stamp lacks the pinned settings"
            footer = html[html.index('<footer class="md-footer">') :]
            assert "Apache-2.0" in footer and "CC BY 4.0" in footer, f"{page} ({lang}): licence"


def test_notebooks_exist_valid_with_outputs(site, examples):
    for slug in examples:
        for lang in ("zh", "en"):
            nb = nbformat.read(site / "notebooks" / f"{slug}.{lang}.ipynb", as_version=4)
            nbformat.validate(nb)
            code = [c for c in nb.cells if c.cell_type == "code"]
            assert code and all(c.execution_count for c in code), f"{slug}.{lang}: unexecuted cell"
            assert any(c.outputs for c in code), f"{slug}.{lang}: no outputs at all"
            meta = nb.metadata["sitebuild"]
            assert meta["language"] == lang and meta["versions"]["tensorflow"].startswith("2.21")
            # the environment stamp, as on the page
            assert meta["versions"] == execute.versions(), f"{slug}.{lang}: {meta['versions']}"
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["built"]) and meta["run_seconds"] > 0
            assert nb.metadata["license"] == execute.LICENSE, f"{slug}.{lang}: licence"
            counts = [c.execution_count for c in code]  # "Run All" order is the page's order
            assert counts == sorted(counts) and len(set(counts)) == len(counts), f"{slug}.{lang}"


def test_languages_share_code_and_outputs_and_pair_prose(site, examples):
    for slug in examples:
        zh, en = (
            nbformat.read(site / "notebooks" / f"{slug}.{lang}.ipynb", as_version=4)
            for lang in ("zh", "en")
        )
        assert [c.cell_type for c in zh.cells] == [c.cell_type for c in en.cells], slug
        for a, b in zip(zh.cells, en.cells, strict=True):
            if a.cell_type == "code":
                assert (a.source, a.outputs) == (b.source, b.outputs), f"{slug}: code differs"
            else:
                assert a.source.strip() and b.source.strip()
                assert CJK_RE.search(a.source), f"{slug}: zh prose without Chinese: {a.source!r}"


def test_outputs_are_clean(site, examples):
    """No local paths, memory addresses, tracebacks or TF log lines in any output."""
    for slug in examples:
        nb = nbformat.read(site / "notebooks" / f"{slug}.en.ipynb", as_version=4)
        for i, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                text = out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
                for what, pattern in UNCLEAN_OUTPUT.items():
                    assert not pattern.search(text), f"{slug} cell {i}: {what} in {text!r}"


def test_notebook_pages_embed_outputs_and_download_link(site, pages):
    for page in notebook_pages(pages):
        for lang in ("zh", "en"):
            path = page_html(site, page, lang)
            html = path.read_text(encoding="utf-8")
            assert 'class="nb-output' in html, f"{page} ({lang}): no embedded outputs"
            (href,) = re.findall(r'class="md-button nb-download" href="([^"]+)" download', html)
            assert href.endswith(f".{lang}.ipynb")
            target = resolve(site, path, href)
            assert target.is_file(), f"{page} ({lang}): download link {href} is broken"
            for src in re.findall(r'<img class="nb-image" src="([^"]+)"', html):
                assert resolve(site, path, src).is_file(), f"{page}: missing {src}"


def test_chinese_heading_anchors_are_kept(site):
    html = page_html(site, "quick-start", "zh").read_text(encoding="utf-8")
    assert 'id="准备"' in html and 'id="小结"' in html


@pytest.mark.parametrize("suffix", [".html", ".css", ".js"])
def test_nothing_loads_from_other_hosts(site, suffix):
    for path in site.rglob(f"*{suffix}"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".html":
            # canonical and hreflang links name the published address; the browser loads neither
            text = NAMES_RE.sub("", text)
            match = LOAD_RE.search(text)
            assert not match, (
                f"{path}: loads from another host: {text[match.start() : match.end() + 80]}"
            )
        if suffix in (".html", ".css"):
            assert not CSS_LOAD_RE.search(text), f"{path}: CSS loads from another host"
        for host in CDN_HOSTS:
            assert host not in text, f"{path}: mentions CDN host {host}"


def test_search_index_is_one_per_language(site):
    """Each language searches only its own pages (search.py splits Material's merged index)."""
    assert not (site / "search" / "search_index.json").exists(), "the merged index is served"
    for lang in ("zh", "en"):
        path = site / "search" / f"search_index.{lang}.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        assert index["config"]["lang"] == (["en", "zh"] if lang == "zh" else ["en"])
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        english = {loc for loc in locations if loc.startswith("en/")}
        assert english == (locations if lang == "en" else set()), f"{lang}: other language"
        assert ("en/quick-start/" if lang == "en" else "quick-start/") in locations
        text = " ".join(doc["text"] for doc in index["docs"]).replace("\u200b", "")
        # prose is indexed (Chinese segmented by jieba, our terms kept whole); code and outputs
        # are not, nor the summary table above the first section
        assert ("占位符" if lang == "zh" else "placeholder") in text
        assert "inputs_data" not in text and "executing eagerly: False" not in text
        # nor the chrome every page repeats: download button, stamp, the injected helper, and
        # the version matrix's lines; nor the Versions page
        labels = render.LABELS[lang]
        for chrome in (labels["download"], labels["helper"], labels["ran"].split("{")[0]):
            assert chrome.replace("\u200b", "") not in text, chrome
        assert not any("versions/" in loc for loc in locations)
        pages = [doc for doc in index["docs"] if "#" not in doc["location"]]
        assert pages and all(doc.get("boost") == search.PAGE_BOOST for doc in pages)


def test_language_switch_links_point_to_the_twin_page(site, pages):
    for page in pages:
        for here, there in (("zh", "en"), ("en", "zh")):
            path = page_html(site, page, here)
            html = path.read_text(encoding="utf-8")
            (href,) = re.findall(
                rf'href="([^"]+)" hreflang="{there}" class="md-select__link"', html
            )
            target = resolve(site, path, href)
            target = target / "index.html" if target.is_dir() else target
            assert target == page_html(site, page, there), f"{page} ({here}) -> {href}"


def test_readers_get_requirements_and_archives_that_match_the_build(site, examples):
    """The reader's requirements file pins what the stamp names; each language's archive holds
    every notebook, its files and the requirements; each download says how to run it."""
    requirements = (site / "notebooks" / "requirements.txt").read_text()
    for name, version in execute.versions().items():
        if name != "python":
            assert f"{name.replace('_', '-')}=={version}\n" in requirements, name
    for lang in ("zh", "en"):
        with zipfile.ZipFile(site / "notebooks" / f"keras-session-run-notebooks.{lang}.zip") as zf:
            names = set(zf.namelist())
            assert zf.read("requirements.txt").decode() == requirements
            for slug in examples:
                path = f"{slug}/{slug}.{lang}.ipynb"
                assert zf.read(path) == (site / "notebooks" / f"{slug}.{lang}.ipynb").read_bytes()
            for file in (site / "notebooks" / "files").rglob("*"):
                if file.is_file():
                    slug, *rel = file.relative_to(site / "notebooks" / "files").parts
                    assert f"{slug}/downloads/{'/'.join(rel)}" in names
        home = page_html(site, "index", lang).read_text(encoding="utf-8")
        assert f"keras-session-run-notebooks.{lang}.zip" in home and "requirements.txt" in home
        for slug in examples:
            nb = nbformat.read(site / "notebooks" / f"{slug}.{lang}.ipynb", as_version=4)
            how_to = nb.cells[1]
            assert how_to.metadata["sitebuild"]["role"] == "how-to", slug
            assert f"tensorflow=={execute.versions()['tensorflow']}" in how_to.source


def test_pages_say_when_their_example_last_changed(site, examples):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the builder cannot tell when an example changed")
    for slug in examples:
        meta = nbformat.read(site / "notebooks" / f"{slug}.en.ipynb", as_version=4).metadata
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["sitebuild"]["changed"] or ""), slug
    page = page_html(site, "quick-start", "en").read_text(encoding="utf-8")
    assert "example last changed 20" in page
