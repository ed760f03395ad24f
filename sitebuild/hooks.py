"""MkDocs hooks: execute examples once, embed them in pages, publish the notebooks.

Wired in mkdocs.yml (``hooks: [sitebuild/hooks.py]``). mkdocs-static-i18n builds each language in
turn and calls these hooks per language; execution happens once, on the first pass.
"""

import datetime
import importlib
import json
import logging
import os
import platform
import re
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import nbformat
from mkdocs import plugins
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sitebuild  # noqa: E402

# `mkdocs serve` loads this file anew for every rebuild, but Python keeps the sitebuild modules
# it imported: reload them when one changed, so an edit to the builder takes effect at once.
# (The package object itself is never reloaded: it carries what must outlive a rebuild.)
BUILDER_MODULES = (
    "expect",
    "source",
    "safety",
    "cache",
    "reader",
    "execute",
    "highlight",
    "render",
    "slim",
    "search",
    "matrix_render",
)


def _reload_changed_builder() -> None:
    folder = Path(sitebuild.__file__).parent
    stamps = {name: (folder / f"{name}.py").stat().st_mtime_ns for name in BUILDER_MODULES}
    loaded = getattr(sitebuild, "loaded_stamps", None)
    if loaded is not None and loaded != stamps:
        for name in BUILDER_MODULES:
            if f"sitebuild.{name}" in sys.modules:
                importlib.reload(sys.modules[f"sitebuild.{name}"])
        print("INFO    -  sitebuild: builder code changed, reloaded it", file=sys.stderr)
    sitebuild.loaded_stamps = stamps


_reload_changed_builder()

from sitebuild import (  # noqa: E402
    execute,
    highlight,
    matrix_render,
    reader,
    render,
    safety,
    search,
    slim,
    source,
)

log = logging.getLogger("mkdocs.plugins.sitebuild")
MARKER_RE = re.compile(r"<!--\s*notebook:\s*([\w-]+)\s*-->")
VERSIONS_MARKER = "<!-- versions -->"
NOTEBOOK_DIR = "notebooks"
DOWNLOAD_LINK_RE = re.compile(r'href="downloads/([^"]+)"')
CDN_SCRIPT_RE = re.compile(r'"https://unpkg\.com/[^"]*"')
SITEMAP_LOOKUP = 'M("link[rel=alternate]")'  # Material: fetch each alternate's sitemap.xml
ALTERNATE_LINK_RE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class State:
    def __init__(self):
        self.ready = False
        self.examples: dict[str, source.Example] = {}
        self.notebooks: dict[tuple[str, str], nbformat.NotebookNode] = {}
        self.images: dict[str, bytes] = {}
        self.files: dict[str, dict[str, bytes]] = {}  # slug -> what its code wrote to downloads/
        self.stats: dict[str, dict] = {}
        self.site_root: Path | None = None  # the default language's site_dir (the site's root)
        self.built = datetime.date.today().isoformat()  # the build date in every stamp
        self.highlight: highlight.CachedHighlighter | None = None
        self.error: str | None = None  # mkdocs serve only: the example error being shown
        self.published = False  # notebooks and readers' downloads written (first pass)


state = State()


def _settings(config):
    root = Path(config.config_file_path).resolve().parent
    extra = config.extra.get("sitebuild", {}) or {}
    cache = os.environ.get("SITEBUILD_CACHE") or extra.get("cache_dir", ".cache/notebooks")
    timeout = os.environ.get("SITEBUILD_CELL_TIMEOUT") or extra.get(
        "cell_timeout", execute.DEFAULT_CELL_TIMEOUT
    )
    return root / extra.get("examples_dir", "examples"), root / cache, float(timeout)


def check_pages(docs_dir: Path, examples: dict) -> None:
    """Every page exists in zh and en and both twins embed the same examples."""
    pages: dict[str, dict[str, list[str]]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        match = re.fullmatch(r"(.+)\.(zh|en)\.md", rel)
        if not match:
            raise PluginError(f"docs/{rel}: pages are named NAME.zh.md and NAME.en.md")
        stem, lang = match.groups()
        markers = MARKER_RE.findall(path.read_text(encoding="utf-8"))
        for slug in markers:
            if slug not in examples:
                raise PluginError(
                    f"docs/{rel}: embeds unknown example {slug!r} (no examples/{slug}.py)"
                )
        pages.setdefault(stem, {})[lang] = markers
    for stem, langs in pages.items():
        for lang in source.LANGS:
            if lang not in langs:
                have = next(iter(langs))
                raise PluginError(f"docs/{stem}.{have}.md has no twin docs/{stem}.{lang}.md")
        if langs["zh"] != langs["en"]:
            raise PluginError(
                f"docs/{stem}.zh.md embeds {langs['zh']} but docs/{stem}.en.md embeds {langs['en']}"
            )
    embedded = {slug for langs in pages.values() for slug in langs["zh"]}
    for slug in sorted(set(examples) - embedded):
        raise PluginError(
            f"examples/{slug}.py is not embedded in any page (<!-- notebook: {slug} -->)"
        )


def on_startup(command, dirty):
    sitebuild.command = command  # kept on the package: serve loads this file again per rebuild


def _serving() -> bool:
    return getattr(sitebuild, "command", None) == "serve"


def on_pre_build(config):
    global state
    i18n = config.plugins.get("i18n")
    if state.ready and getattr(i18n, "building", False):
        return  # a later language pass of mkdocs-static-i18n: everything is resolved already
    state = State()  # a new build (mkdocs serve rebuilds in the same process)
    state.site_root = Path(config.site_dir)
    examples_dir, cache_dir, timeout = _settings(config)
    state.highlight = highlight.CachedHighlighter(cache_dir.parent / "highlight.json")
    started = time.perf_counter()
    slug = None
    try:
        state.examples = source.load_all(examples_dir)
        check_pages(Path(config.docs_dir), state.examples)
        for slug, done in execute.execute_all(state.examples, cache_dir, timeout, log.info):
            example = state.examples[slug]
            state.stats[slug] = {
                "status": "cached" if done.from_cache else "executed",
                "seconds": done.seconds,
            }
            state.files[slug] = done.files
            for lang in source.LANGS:
                state.notebooks[slug, lang] = execute.language_notebook(
                    example, done, lang, state.built
                )
    except (source.ExampleError, execute.ExecutionError) as err:
        if not _serving():
            raise PluginError(f"example failed: {err}") from None
        _serve_last_good(f"example failed: {err}")
    except PluginError:
        raise
    except Exception as err:  # a builder bug: still say which example it hit
        raise PluginError(f"example failed: {slug}: {type(err).__name__}: {err}") from err
    else:
        sitebuild.last_good = (dict(state.notebooks), dict(state.files))
    executed = sum(s["status"] == "executed" for s in state.stats.values())
    log.info(
        f"examples: {len(state.stats)} total, {executed} executed, "
        f"{len(state.stats) - executed} from cache, {time.perf_counter() - started:.1f} s"
    )
    stats_file = cache_dir.parent / "build-stats.json"
    stats_file.parent.mkdir(parents=True, exist_ok=True)
    stats_file.write_text(json.dumps({"executions": executed, "examples": state.stats}, indent=1))
    state.ready = True


def _serve_last_good(message: str) -> None:
    """`mkdocs serve` with a broken example: a failed build would leave every request waiting
    for a good one. Serve the last good outputs instead, with the error on every page."""
    print(f"ERROR   -  {message}\n           (serving the last good pages)", file=sys.stderr)
    state.error = message
    notebooks, files = getattr(sitebuild, "last_good", ({}, {}))
    for key, nb in notebooks.items():
        state.notebooks.setdefault(key, nb)
    for slug, found in files.items():
        state.files.setdefault(slug, found)


class Staging:
    """mkdocs writes each language pass straight into site_dir. To publish whole sites only, the
    build writes into a hidden sibling folder and swaps it in once every pass has succeeded;
    until then site/ stays as it was (and keeps serving, if something serves it)."""

    final: Path | None = None
    folder: Path | None = None
    failed = False


staging = Staging()


def on_config(config):
    search.teach_jieba()  # TERMINOLOGY.md's terms: jieba keeps them whole in the search index
    if _serving():
        return config  # mkdocs serve builds into its own temporary folder
    if staging.folder is None:  # the first language pass of this build
        final = Path(config.site_dir)
        staging.final = final
        staging.folder = final.with_name(f".{final.name}.building-{os.getpid()}")
        shutil.rmtree(staging.folder, ignore_errors=True)
    config.site_dir = str(staging.folder)
    return config


def on_build_error(error):
    """Drop the half-written site; the previous one was never touched."""
    if staging.folder is None or staging.failed:
        return
    staging.failed = True
    shutil.rmtree(staging.folder, ignore_errors=True)
    log.error(f"build failed: {staging.final} is unchanged (the new site was discarded)")


def on_shutdown():
    """Every pass succeeded: swap the new site in (two renames; the old one is then deleted)."""
    if staging.folder is None or staging.failed or not staging.folder.is_dir():
        return
    old = staging.final.with_name(f".{staging.final.name}.old-{os.getpid()}")
    if staging.final.exists():
        os.rename(staging.final, old)
    os.rename(staging.folder, staging.final)
    shutil.rmtree(old, ignore_errors=True)


def on_env(env, config, files):
    """Keep Material's compiled templates between builds (and between the two language passes):
    compiling them is a tenth of a rebuild."""
    _, cache_dir, _ = _settings(config)
    templates = cache_dir.parent / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(templates))
    return env


VERSIONS_HEADER = {"zh": "| 组件 | 版本 |", "en": "| Component | Version |"}


def _versions_table(lang: str) -> str:
    rows = "\n".join(
        f"| {render.VERSION_NAMES[name]} | {v} |" for name, v in execute.versions().items()
    )
    return f"{VERSIONS_HEADER[lang]}\n|---|---|\n{rows}"


def _source_url(config, slug: str) -> str | None:
    """extra.sitebuild.repo_url (REPO_URL; the Pages workflow sets it) + the example's path. Not
    mkdocs' own repo_url: with it, Material asks api.github.com for the repository's stars on
    every page, and the site must make no request to another host."""
    extra = config.extra.get("sitebuild", {}) or {}
    repo, branch = extra.get("repo_url"), extra.get("branch") or "main"
    return f"{repo.rstrip('/')}/blob/{branch}/examples/{slug}.py" if repo else None


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", None) or source.LANGS[0]
    markdown = markdown.replace(VERSIONS_MARKER, _versions_table(lang))
    markdown = matrix_render.versions_page(markdown, lang, state.examples, Path(config.docs_dir))

    def embed(match):
        slug = match.group(1)
        if (slug, lang) not in state.notebooks:  # mkdocs serve, never built: the error only
            return ""
        # the version matrix's lines and blocks (matrix/results/), on the page only
        versions_page = (Path(config.docs_dir) / f"versions.{lang}.md").is_file()
        example = state.examples.get(slug)
        nb = matrix_render.annotate(state.notebooks[slug, lang], example, lang, link=versions_page)
        download = get_relative_url(f"{NOTEBOOK_DIR}/{slug}.{lang}.ipynb", page.url)
        markdown = render.render(
            nb,
            lang,
            download,
            state.images,
            lambda name: get_relative_url(f"{NOTEBOOK_DIR}/img/{name}", page.url),
            state.highlight.placeholder,
            _source_url(config, slug),
        )

        def file_link(found):
            name = found.group(1)
            if problem := safety.check_download_name(name):
                raise PluginError(f"examples/{slug}.py links download:{name}: {problem}")
            if name not in state.files.get(slug, {}):
                wrote = sorted(state.files.get(slug, {})) or "nothing"
                raise PluginError(
                    f"examples/{slug}.py links download:{name}, but its code wrote no "
                    f"{execute.DOWNLOADS}/{name} (it wrote {wrote})"
                )
            return f'href="{get_relative_url(f"{NOTEBOOK_DIR}/files/{slug}/{name}", page.url)}"'

        return DOWNLOAD_LINK_RE.sub(file_link, markdown)

    if not MARKER_RE.search(markdown):  # pages without a notebook get the stamp at the end
        machine = platform.machine()
        stamp = render.stamp(execute.versions(), state.built, lang, machine, execute.PINNED_ENV)
        markdown += f'\n\n<small class="nb-stamp">{stamp}</small>\n'
    markdown = MARKER_RE.sub(embed, markdown)
    if state.error:  # mkdocs serve with a broken example
        markdown = render.error_banner(state.error, lang) + markdown
    return markdown


def on_page_content(html, page, config, files):
    """The highlighted code cells (highlight.py), fewer Pygments spans (slim.py), and code and
    outputs kept out of the search index, which every page loads: with them it was 1.2 MB,
    without them 0.66 MB. APIs and error messages stay findable through headings and prose."""
    html = render.unlink_summaries(state.highlight.fill(html))
    return slim.exclude_from_search(slim.slim_code(html))


SELECT_LINK_RE = re.compile(r'<a href="([^"]*)" hreflang="([\w-]+)" class="md-select__link">')


def _base_path(config) -> str:
    """The path the site is published under, e.g. "/" or "/tutorial/" (from site_url)."""
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def _lang_url(url: str, lang: str) -> str:
    """A page's URL (relative to the site root) in `lang`: the default language at the root, the
    others under "<lang>/"."""
    for other in source.LANGS[1:]:
        if url.startswith(f"{other}/") or url == other:
            url = url[len(other) :].lstrip("/")
    return url if lang == source.LANGS[0] else f"{lang}/{url}"


def _alternates(config, url: str) -> str:
    """hreflang alternates (absolute URLs, as search engines require) and x-default."""
    root = (config.site_url or "").rstrip("/") + "/"
    links = [(lang, root + _lang_url(url, lang)) for lang in source.LANGS]
    links.append(("x-default", root + _lang_url(url, source.LANGS[0])))
    return "".join(f'<link rel="alternate" hreflang="{h}" href="{u}">' for h, u in links)


def on_post_page(output, page, config):
    """Language links and alternates that work under any base path:
    - The selector's links become relative: mkdocs-static-i18n writes the home page's as
      root-absolute paths ("/", "/en/"), which break when the site is served elsewhere.
    - Material's <head> alternates are replaced by ours, absolute and per page (hreflang). Material
      would fetch "<alternate>/sitemap.xml" for each of them (a 404 and a console error on every
      page); the bundle is patched not to look for them (_patch_bundle).
    Then drop the template's indentation and the search marks (about 12 KB a page)."""
    base = _base_path(config)

    def relative(match):
        href, lang = match.groups()
        if href.startswith(base):  # e.g. "/tutorial/en/" from the home page "" -> "en/"
            href = get_relative_url(href[len(base) :] or "./", page.url)
            href = href if href.endswith("/") else href + "/"
        return f'<a href="{href}" hreflang="{lang}" class="md-select__link">'

    output = SELECT_LINK_RE.sub(relative, ALTERNATE_LINK_RE.sub("", output))
    output = output.replace("</head>", _alternates(config, page.url) + "</head>", 1)
    return slim.strip_indentation(output)


def on_post_template(output, template_name, config):
    """The 404 page is served at any missing URL, so its links stay absolute paths (from
    site_url); its language links go to each language's home page, not to the last page built."""
    if template_name != "404.html":
        return output
    base = _base_path(config)

    def home(match):
        lang = match.group(2)
        target = base if lang == source.LANGS[0] else f"{base}{lang}/"
        return f'<a href="{target}" hreflang="{lang}" class="md-select__link">'

    output = SELECT_LINK_RE.sub(home, ALTERNATE_LINK_RE.sub("", output))
    return slim.strip_indentation(output)


def _patch_bundle(site_root: Path) -> None:
    """Material's bundle can load a ResizeObserver polyfill and mermaid from unpkg.com; we use
    neither, and the site must never contact another host, so point both at an empty script.
    It also fetches "<alternate>/sitemap.xml" for every <link rel="alternate">, expecting them to
    be language roots; ours are the page itself in each language (hreflang), and keep-section.js
    does the switching, so that lookup is turned off."""
    for bundle in (site_root / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        if SITEMAP_LOOKUP not in text and "data-sitebuild-off" not in text:
            raise PluginError(f"{bundle.name}: Material's alternate lookup changed; see hooks.py")
        text = text.replace(SITEMAP_LOOKUP, 'M("link[rel=alternate][data-sitebuild-off]")')
        bundle.write_text(CDN_SCRIPT_RE.sub('"data:text/javascript,"', text), encoding="utf-8")
    search.patch_assets(site_root)  # the index in the page's language, loaded when search opens


def _publish_notebooks(out: Path) -> None:
    notebook_texts = {}
    for (slug, lang), nb in state.notebooks.items():
        # validated in language_notebook; nbformat.write would validate each one again
        text = nbformat.v4.writes(execute.for_jupyter(nb)) + "\n"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{slug}.{lang}.ipynb").write_text(text, encoding="utf-8")
        notebook_texts[slug, lang] = text
    for slug, files in state.files.items():
        for name, data in files.items():
            path = out / "files" / slug / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    # for readers who run the examples themselves (the home page links these)
    out.mkdir(parents=True, exist_ok=True)
    (out / reader.REQUIREMENTS).write_text(reader.requirements(), encoding="utf-8")
    for lang in source.LANGS:
        texts = {slug: notebook_texts[slug, lang] for slug, lg in notebook_texts if lg == lang}
        (out / reader.archive_name(lang)).write_bytes(reader.archive(lang, texts, state.files))


# After mkdocs-static-i18n's (-100): in the first language's pass it builds the other languages,
# then writes the merged search index, which search.split_index needs.
@plugins.event_priority(-110)
def on_post_build(config):
    """Called once per language pass; everything goes to the site's root, shared by both
    languages. Notebooks, their files and the readers' downloads are written once (the first pass
    has them all); images and the bundle patch on every pass (each pass copies Material's assets
    again)."""
    out = state.site_root / NOTEBOOK_DIR
    if not state.published:
        _publish_notebooks(out)
        state.published = True
    (out / "img").mkdir(parents=True, exist_ok=True)
    for name, png in state.images.items():
        (out / "img" / name).write_bytes(png)
    _patch_bundle(state.site_root)
    search.split_index(state.site_root)
    state.highlight.save()
