"""Search quality, measured in the real browser: hit@1 and hit@3 per language.

Each query in search_queries.py is typed into the built site's search box (Chromium, the page in
that language); the results are read as the reader sees them: one entry per result group (a
page), its best section (the first section shown, else the page itself). A query hits at k when
one of its answering sections is among the first k entries. Results in the other language are
counted too: there must be none.

    .venv/bin/python benchmarks/search_quality.py [SITE_DIR]    # default: site/
"""

import functools
import json
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_queries import QUERIES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOAL = {"hit@1": 0.75, "hit@3": 0.9}
HOME = {"zh": "/", "en": "/en/"}
QUERY_BOX = "input[data-md-component=search-query]"

# One entry per result group: the best section shown (outside the "N more" details), else the
# page itself; as the path after the language prefix, e.g. "session-errors/#closed-session".
READ_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => {
  const shown = [...li.querySelectorAll('a.md-search-result__link')]
    .filter(a => !a.closest('details'));
  const best = shown.find(a => a.hash) || shown[0];
  return best ? best.href : null;
}).filter(Boolean)"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def location(url: str, lang: str) -> tuple[str, str]:
    """(language of the result, its location as in the search index without the prefix)."""
    parts = urlsplit(url)
    path = unquote(parts.path.lstrip("/"))
    found = "en" if path.startswith("en/") else "zh"
    if found == "en":
        path = path[3:]
    return found, path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def open_search(page, base: str, lang: str) -> None:
    page.goto(base + HOME[lang], wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut: opens search, focuses the box
    page.wait_for_selector(QUERY_BOX, state="visible")


def search(page, query: str) -> list[str]:
    """Type the query as a reader does and return the result URLs once they stop changing."""
    page.fill(QUERY_BOX, query)
    page.press(QUERY_BOX, "End")  # Material reads the box on keyup
    last, stable = None, 0
    for _ in range(100):  # up to 10 s: the first query also waits for the index
        page.wait_for_timeout(100)
        meta = page.inner_text(".md-search-result__meta")
        now = (meta, page.evaluate(READ_RESULTS))
        # settled: the same results three reads running, and not the "type to search" prompt
        stable = stable + 1 if now == last and meta and not meta.startswith(("键入", "Type")) else 0
        if stable >= 3:
            return now[1]
        last = now
    return last[1] if last else []


def run(site: Path, queries: dict = QUERIES, browser=None) -> dict:
    """{lang: {"hit@1", "hit@3", "n", "other_language", "misses": [...]}}."""
    from playwright.sync_api import sync_playwright

    known = _index_locations(site)
    for lang, items in queries.items():
        missing = [(q, loc) for q, locs in items for loc in locs if loc not in known[lang]]
        if missing:
            raise SystemExit(f"search_queries.py: {lang} sections not in the site: {missing}")
    server, base = serve(site)
    report = {}
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for lang, items in queries.items():
                page = chromium.new_page(locale="zh-CN" if lang == "zh" else "en-US")
                open_search(page, base, lang)
                hits1 = hits3 = other = 0
                misses = []
                for query, answers in items:
                    found = [location(url, lang) for url in search(page, query)]
                    other += sum(lg != lang for lg, _ in found)
                    ranked = [loc for lg, loc in found if lg == lang]
                    hits1 += bool(ranked[:1] and ranked[0] in answers)
                    hit3 = any(loc in answers for loc in ranked[:3])
                    hits3 += hit3
                    if not (ranked[:1] and ranked[0] in answers):
                        misses.append((query, answers[0], ranked[:3], hit3))
                n = len(items)
                report[lang] = {
                    "n": n,
                    "hit@1": hits1 / n,
                    "hit@3": hits3 / n,
                    "other_language": other,
                    "misses": misses,
                }
                page.close()
            chromium.close()
    finally:
        server.shutdown()
    return report


def _index_locations(site: Path) -> dict[str, set[str]]:
    found = {}
    for lang in HOME:
        data = json.loads((site / f"search/search_index.{lang}.json").read_text("utf-8"))
        prefix = "en/" if lang == "en" else ""
        found[lang] = {d["location"][len(prefix) :] for d in data["docs"]}
    return found


def table(report: dict) -> list[tuple[str, str, str, bool]]:
    """Rows for bench.py: (name, value, goal, passed)."""
    rows = []
    for lang, r in report.items():
        for key, goal in GOAL.items():
            rows.append(
                (
                    f"search {key}, {lang} ({r['n']} queries)",
                    f"{r[key]:.2f}",
                    f">= {goal}",
                    r[key] >= goal,
                )
            )
        rows.append(
            (
                f"search results in the other language, {lang}",
                str(r["other_language"]),
                "= 0",
                r["other_language"] == 0,
            )
        )
    return rows


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    report = run(site)
    for lang, r in report.items():
        print(f"\n{lang}: hit@1 {r['hit@1']:.2f}, hit@3 {r['hit@3']:.2f} over {r['n']} queries")
        for query, answer, got, hit3 in r["misses"]:
            mark = "hit@3" if hit3 else "MISS "
            print(f"  {mark} {query[:60]!r}\n        want {answer}\n        got  {got}")
    rows = table(report)
    print()
    for name, value, goal, passed in rows:
        print(f"{name:<50} {value:>6}  {goal:<8} {'PASS' if passed else 'FAIL'}")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
