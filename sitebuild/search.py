"""Search in the reader's language, loaded only when the reader opens it.

Material's search plugin (merged by mkdocs-static-i18n) writes one search/search_index.json with
both languages, and Material's bundle fetches it on every page load. Here:

- the index is split into search/search_index.<lang>.json (a page's language is its path: "en/"
  pages are English, the rest Chinese), and the merged file is removed;
- the bundle fetches the index of the page's language (<html lang>), and only once the reader
  opens search (the search toggle changes, or the query box gets focus);
- the worker drops lunr's query syntax characters that pasted error messages are full of
  ("TypeError: ...", "shape [?,4]", quotes), which lunr would read as field names, boosts or
  phrases and then find nothing, and English question words;
- Chinese: jieba learns TERMINOLOGY.md's terms for the index, and the worker's segmentation of a
  query is fixed (see SEGMENT_*); zh sections titled by an English message get a Chinese gloss;
- ranking: titles weigh TITLE_BOOST, page tops PAGE_BOOST (README, "Search").

Every patch checks that Material's code still has the shape it expects, and fails the build with
the file's name if not (Material is pinned in requirements.lock).
"""

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

LANGS = ("zh", "en")
TERMINOLOGY = Path(__file__).resolve().parent.parent / "TERMINOLOGY.md"
TITLE_BOOST = 5.0  # Material: 1000; chosen with benchmarks/search_quality.py (see README)
PAGE_BOOST = 0.3
INDEX = "search/search_index.json"

# Material's bundle: `zi=document.forms.namedItem("search")?ks():tt`, where ks() builds the
# index's request (a cold observable: nothing is fetched until it is subscribed to).
INDEX_URL = 'ze(new URL("search/search_index.json",Or.base))'
INDEX_CALL_RE = re.compile(r'(=document\.forms\.namedItem\("search"\)\?)(\w+)\(\)(:\w+)')
LANG_INDEX_URL = (
    'ze(new URL("search/search_index."+(document.documentElement.lang.slice(0,2)==="en"'
    '?"en":"zh")+".json",Or.base))'
)
# Subscribe to the request only when search is opened: the toggle (label click, keyboard
# shortcut) or focus in the query box. o.constructor is rxjs' Observable.
LAZY = (
    "(o=>new o.constructor(s=>{let u,go=()=>{u||(u=o.subscribe(s))},"
    't=document.querySelector("[data-md-toggle=search]"),'
    'q=document.querySelector("[data-md-component=search-query]");'
    't&&(t.addEventListener("change",()=>t.checked&&go()),t.checked&&go());'
    'q&&(q.addEventListener("focus",go),document.activeElement===q&&go());'
    "return()=>u&&u.unsubscribe()}))"
)
LAZY_MARK = "(o=>new o.constructor(s=>{let u,go="

# Material's worker: `search(e){if(e=e.replace(new RegExp("\\p{sc=Han}+","gu"),...`
WORKER_SEARCH = 'search(e){if(e=e.replace(new RegExp("\\\\p{sc=Han}+","gu")'
# Characters lunr parses as syntax: ':' (field), '^' (boost), '~' (edit distance), '"'
# (Material's phrases), and '+'/'-'/'*' unless they start a word (+required -prohibited prefix*).
# English function words of a question ("how do I feed a sparse tensor") match every page;
# the config's pipeline has no stop word filter (it would drop them from the index too).
EN_STOP_WORDS = (
    "a an and are as be can do does for from how i if in is it my of on or the this to what when "
    "where which why with"
).split()
QUERY_CLEAN = (
    'e=e.replace(/[:^~"\'`()\\[\\]{}<>=,]/g," ").replace(/(\\S)[+*-]+/g,"$1 ")'
    '.replace(/\\s[*]+(?=\\s|$)/g," ");'
    'e=(a=>(b=>(b.length?b:a).join(" "))(a.filter(w=>!'
    + json.dumps(EN_STOP_WORDS, separators=(",", ":"))
    + ".includes(w.toLowerCase()))))(e.split(/\\s+/).filter(Boolean));"
)
QUERY_MARK = 'e=e.replace(/[:^~"'


# Words jieba must keep whole besides TERMINOLOGY.md's (its dictionary splits 占位符 into 占位 +
# 符 and 即时执行 into 即时 + 执行; readers' queries are segmented against the index's words).
EXTRA_WORDS = ("占位符", "即时执行", "计算图", "初始化器", "关闭", "稀疏张量", "检查点", "变量名")
CJK_RE = re.compile(r"[\u3400-\u9fff]+")


def terms(terminology: Path) -> list[str]:
    """The Chinese terms of TERMINOLOGY.md's term table (the second column)."""
    found = []
    for line in terminology.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2:
            found += [w for w in CJK_RE.findall(cells[1]) if len(w) >= 2]
    return sorted(set(found))


def teach_jieba(terminology: Path = TERMINOLOGY) -> None:
    """Material's search plugin segments Chinese with jieba at build time: our terms stay whole."""
    try:
        import jieba
    except ImportError:
        raise PluginError("search: jieba is not installed (requirements.txt lists it)") from None
    for word in (*terms(terminology), *EXTRA_WORDS):
        jieba.add_word(word, freq=100000)


def split_index(site_root: Path) -> None:
    """search/search_index.json -> one index per language; the merged file is removed. (The
    tests check that the built site has both files and no merged one.)"""
    merged = site_root / INDEX
    if not merged.is_file():
        return
    data = json.loads(merged.read_text(encoding="utf-8"))
    docs = {lang: [doc for doc in data["docs"] if _lang(doc["location"]) == lang] for lang in LANGS}
    if not all(docs.values()):
        return  # an early language pass: mkdocs-static-i18n merges the languages in the last one
    for lang in LANGS:
        config = dict(data["config"], lang=["en", "zh"] if lang == "zh" else ["en"])
        config["fields"] = dict(config["fields"], title={"boost": TITLE_BOOST})
        for doc in docs[lang]:
            if lang == "zh":
                doc["title"] = gloss(doc["title"], doc["text"])
            if "#" not in doc["location"]:
                doc["boost"] = PAGE_BOOST  # a page's top: the sections it holds come first
        index = {"config": config, "docs": docs[lang]}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (site_root / f"search/search_index.{lang}.json").write_text(text, encoding="utf-8")
    merged.unlink()


TAG_RE = re.compile(r"<[^>]+>")
SENTENCE_RE = re.compile(r"^[^。？！]{2,40}[。？！]")


def gloss(title: str, text: str) -> str:
    """A Chinese section titled only in English (an error message) gets its first Chinese
    sentence after the title: what a Chinese reader types (会话已经关闭) is in the words that
    weigh most, and the result says in Chinese what the error means."""
    if CJK_RE.search(title):
        return title
    first = SENTENCE_RE.match(TAG_RE.sub("", text).replace("\u200b", "").strip())
    if not first or not CJK_RE.search(first[0]):
        return title
    words = "\u200b".join(jieba_cut(first[0]))  # segmented like the rest of the index
    return f"{title} \u200b{words}"


def jieba_cut(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.cut(text) if w.strip()]


def _lang(location: str) -> str:
    return "en" if location == "en/" or location.startswith(("en/", "en#")) else "zh"


def patch_bundle(name: str, text: str) -> str:
    """The page's language's index, requested when search is first opened."""
    if LAZY_MARK in text:  # already patched (the bundle is copied once, patched per pass)
        return text
    found = INDEX_CALL_RE.search(text)
    if INDEX_URL not in text or not found:
        raise PluginError(f"{name}: Material's search index request changed; see search.py")
    text = text.replace(INDEX_URL, LANG_INDEX_URL)
    return INDEX_CALL_RE.sub(lambda m: f"{m[1]}{LAZY}({m[2]}()){m[3]}", text, count=1)


# Material segments a query's Chinese against the index's words, but never looks at a word that
# ends the query (o<t.length): 会话已经关闭 became 会话* 已经* 关*, and 关* matched 关键字.
SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
SEGMENT_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


# The words found are joined as "会话* 已经* 关闭": a prefix search for each, and single
# characters too (不 of 不能, when 不能 is not an indexed word), so 不* matched every 不同 in a
# title. Whole words only, and single characters only when nothing longer was found.
SEGMENT_JOIN = '[...fe(s,this.index.invertedIndex)].join("* ")'
# Question words carry no topic (什么 matched every "说明了什么" title): dropped when the query
# has other words.
STOP_WORDS = "什么 为什么 怎么 怎样 如何 一个 哪些 哪个 能不能 可以 是不是 有没有 得到".split()
SEGMENT_WORDS = (
    "(a=>(b=>b.length?b:a)(a.filter(w=>w.length>1&&!" + json.dumps(STOP_WORDS) + ".includes(w))))"
    '([...fe(s,this.index.invertedIndex)]).join(" ")'
)


# Material makes every query term a prefix search (term*): pasted messages then match on
# fragments (not* matched "notification" in a title, i* matched "int"). As-you-type search needs
# that for the last term only.
WILDCARD_ALL = ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`)"
WILDCARD_LAST = ".map((r,n,a)=>/(^[+-]|[~^]\\d+$)/.test(r)||n<a.length-1?r:`${r}*`)"


def patch_worker(name: str, text: str) -> str:
    if QUERY_MARK in text:
        return text
    if not all(part in text for part in (WORKER_SEARCH, SEGMENT_LOOP, SEGMENT_JOIN, WILDCARD_ALL)):
        raise PluginError(f"{name}: Material's search worker changed; see search.py")
    text = text.replace(SEGMENT_LOOP, SEGMENT_FIXED).replace(SEGMENT_JOIN, SEGMENT_WORDS)
    text = text.replace(WILDCARD_ALL, WILDCARD_LAST)
    return text.replace(
        WORKER_SEARCH, WORKER_SEARCH.replace("search(e){", "search(e){" + QUERY_CLEAN)
    )


def patch_assets(site_root: Path) -> None:
    scripts = site_root / "assets" / "javascripts"
    for bundle in scripts.glob("bundle.*.min.js"):
        bundle.write_text(patch_bundle(bundle.name, bundle.read_text("utf-8")), "utf-8")
    for worker in (scripts / "workers").glob("search.*.min.js"):
        worker.write_text(patch_worker(worker.name, worker.read_text("utf-8")), "utf-8")
