"""The version matrix on the pages: which releases each section's claims hold on.

matrix/results/<release>.json (written by ``make matrix``, sitebuild/matrix.py) says, cell by cell,
what each example gave on that release. Every page gets, under its title and stamp, one line per
release ("holds", "differs in details", "N claims do not hold", or "not re-checked" when the
example's code changed since the recorded run), and each section whose claims do not hold on some
release a collapsed block with that release's real output. The versions page (``<!-- matrix -->``)
has the whole matrix: page x section x release.
"""

import copy
import functools
import html
import json
import re
from pathlib import Path

import markdown

from . import execute, source

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "matrix" / "results"
MARKER = "<!-- matrix -->"
PAGE_MARKER_RE = re.compile(r"<!--\s*notebook:\s*([\w-]+)\s*-->")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID_RE = re.compile(r"\s*\{:?([^{}]*)\}\s*$")  # attr_list: "{#id}", "{#id .class}"
ID_RE = re.compile(r"(?:^|\s)#([\w-]+)")
FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
FAILED = ("assert", "error")
SHOWN_LINES = 12  # of a failing cell's output, on the page (the JSON keeps a few more)
LIBS = (
    ("tensorflow", "TensorFlow"),
    ("keras", "Keras"),
    ("tf_keras", "tf_keras"),
    ("numpy", "NumPy"),
)

TEXT = {
    "zh": {
        "title": "在其他 TensorFlow 版本上",
        "more": "每节的结果见[版本矩阵](versions.md)。",
        "holds": "全部成立",
        "differs": "全部成立，输出细节不同",
        "fails": "{n} 处结论不成立",
        "unreached": "，另有 {n} 格因前面的失败没有运行",
        "not_reached": "有 {n} 格因前面的失败没有运行",
        "stale": "未重新检查（示例代码在 {date} 的检查之后改过）",
        "missing": "尚未检查",
        "could_not_run": "无法运行：{error}",
        "reference": "本页构建所用版本，全部成立",
        "section_fails": "{releases}：本节有 {n} 处结论不成立",
        "section_unreached": "{releases}：本节没有运行到（前面有一格失败）",
        "line": "（第 {line} 行）",
        "sep": "、",
        "colon": "：",
        "page": "页面",
        "section": "小节",
        "intro": "（开头）",
        "checked": "检查于",
        "machine": "机器",
        "release": "版本",
        "legend": (
            "✓ 成立；≈ 成立，输出细节不同；✗ N：N 处结论不成立；"
            "↓ 没有运行到（前面有一格失败）；? 未重新检查（代码改过）；空白：尚未检查。"
        ),
        "pinned": "（本站所用）",
    },
    "en": {
        "title": "On other TensorFlow releases",
        "more": "Section by section: the [version matrix](versions.md).",
        "holds": "every claim holds",
        "differs": "every claim holds; outputs differ in details",
        "fails": "{n} claims do not hold",
        "fails_one": "1 claim does not hold",
        "unreached": "; {n} cells not reached after a failure",
        "unreached_one": "; 1 cell not reached after a failure",
        "not_reached": "{n} cells not reached after a failure",
        "stale": "not re-checked (the example's code changed after the check of {date})",
        "missing": "not checked yet",
        "could_not_run": "could not run: {error}",
        "reference": "this page's own build: every claim holds",
        "section_fails": "{releases}: {n} claims of this section do not hold",
        "section_fails_one": "{releases}: 1 claim of this section does not hold",
        "section_unreached": "{releases}: this section was not reached (an earlier cell failed)",
        "line": " (line {line})",
        "sep": ", ",
        "colon": ": ",
        "page": "Page",
        "section": "Section",
        "intro": "(introduction)",
        "checked": "checked",
        "machine": "machine",
        "release": "Release",
        "legend": (
            "✓ holds; ≈ holds, outputs differ in details; ✗ N: N claims do not hold; "
            "↓ not reached (an earlier cell failed); ? not re-checked (the code changed); "
            "blank: not checked yet."
        ),
        "pinned": " (this site's)",
    },
}


def _release_key(name: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"[.-]", name)]


def load(results: Path = RESULTS) -> dict[str, dict]:
    """{release: recorded results}, oldest release first (re-read when a file changes)."""
    files = sorted(results.glob("*.json")) if results.is_dir() else []
    return _load(tuple((str(f), f.stat().st_mtime_ns) for f in files))


@functools.cache
def _load(files: tuple) -> dict[str, dict]:
    found = {}
    for path, _ in files:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        found[data["release"]] = data
    return dict(sorted(found.items(), key=lambda item: _release_key(item[0])))


# --- sections ----------------------------------------------------------------------------------


def _headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of the Markdown headings outside fenced code."""
    found, fence = [], None
    for line in text.splitlines():
        if match := FENCE_RE.match(line):
            mark = match[1][0] * 3
            fence = None if fence == mark else (fence or mark)
            continue
        if fence is None and (match := HEADING_RE.match(line)):
            found.append((len(match[1]), match[2]))
    return found


def sections(example: source.Example) -> tuple[list[dict], list[int]]:
    """The example's sections (0: the title and introduction, then each ## or ### heading, with
    its text per language) and, for each cell of the code notebook, the section it is in."""
    found: list[dict] = [{"zh": None, "en": None}]
    seen = {"zh": 0, "en": 0}
    of_code = []
    for cell in example.cells:
        if cell.kind == "markdown":
            for level, text in _headings(cell.source):
                if level == 1 and seen[cell.lang] == 0 and not found[0][cell.lang]:
                    found[0][cell.lang] = text
                elif level in (2, 3):
                    seen[cell.lang] += 1
                    if seen[cell.lang] >= len(found):
                        found.append({"zh": None, "en": None, "level": level})
                    found[seen[cell.lang]][cell.lang] = text
        else:
            of_code.append(seen["zh"])
    at = execute.helper_index(example)
    if at is not None:  # the injected helper counts with the cell that first uses it
        of_code.insert(at, of_code[at])
    return found, of_code


def section_statuses(example: source.Example, record: dict) -> dict[str, list[str]]:
    """{section title (en): statuses of its cells} (for the matrix run's report)."""
    found, of_code = sections(example)
    if len(of_code) != len(record["cells"]):
        raise IndexError("recorded for other code")
    grouped: dict[str, list[str]] = {}
    for index, status in enumerate(record["cells"]):
        section = of_code[index]
        title = HEADING_ID_RE.sub("", found[section]["en"] or "") if section else "(introduction)"
        grouped.setdefault(title, []).append(status)
    return grouped


_DIGESTS: dict[tuple, str] = {}


def _digest(example: source.Example) -> str:
    """matrix.code_digest, once per example's code (pages ask thousands of times per build)."""
    from . import matrix  # the digest is the matrix run's

    key = (example.slug, tuple(cell.source for cell in example.code_cells))
    if key not in _DIGESTS:
        _DIGESTS[key] = matrix.code_digest(example)
    return _DIGESTS[key]


def current(example: source.Example, record: dict | None) -> bool:
    """Whether a recorded result is for the example's current code and the pinned versions."""
    return bool(
        record
        and not record.get("error")
        and record.get("code") == _digest(example)
        and record.get("reference") == execute.versions()
    )


# --- verdict words -----------------------------------------------------------------------------


def _plural(lang: str, key: str, n: int, **kw) -> str:
    text = TEXT[lang]
    if n == 1 and f"{key}_one" in text:
        return text[f"{key}_one"].format(n=n, **kw)
    return text[key].format(n=n, **kw)


def release_label(versions: dict) -> str:
    return ", ".join(f"{label} {versions[k]}" for k, label in LIBS if k in versions)


def verdict_text(example, record: dict | None, lang: str) -> str:
    text = TEXT[lang]
    if record is None:
        return text["missing"]
    if record.get("error"):
        return text["could_not_run"].format(error=f"`{record['error'][:120]}`")
    if not current(example, record):
        return text["stale"].format(date=record.get("date", "?")[:10])
    cells = record["cells"]
    failed = sum(s in FAILED for s in cells)
    unreached = cells.count("not reached")
    if failed:
        words = _plural(lang, "fails", failed)
        return words + (_plural(lang, "unreached", unreached) if unreached else "")
    if unreached:
        return text["not_reached"].format(n=unreached)
    return text["differs"] if "changed" in cells else text["holds"]


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.splitlines())


def _fence(text: str) -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}text\n{text.rstrip()}\n{ticks}"


def _code(text: str) -> str:
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def summary(example, lang: str, results: dict, link: bool = True) -> str:
    """The block under the title: one line per release, the pinned one last; `link`: a link to
    the versions page (a site without one, such as the tests' tiny sites, gets none)."""
    text = TEXT[lang]
    lines = []
    for name, data in results.items():
        record = data.get("examples", {}).get(example.slug)
        versions = (record or {}).get("versions") or _requested(data)
        label = f"TensorFlow {name}" if not versions else release_label(versions)
        lines.append(f"- {label}{text['colon']}{verdict_text(example, record, lang)}")
    pinned = release_label(execute.versions())
    lines.append(f"- {pinned}{text['colon']}{text['reference']}")
    body = "\n".join(lines) + (f"\n\n{text['more']}" if link else "")
    return f'!!! abstract nb-matrix "{text["title"]}"\n\n{_indent(body)}\n'


def _requested(data: dict) -> dict:
    """Versions named by a release's requirements (when no example has run on it)."""
    found = {}
    for requirement in data.get("requirements", []):
        if match := re.fullmatch(r"([\w.-]+)==([\w.]+)", requirement):
            found[match[1].replace("-", "_").lower()] = match[2]
    return found


def _section_blocks(example, lang: str, results: dict, section: int, of_code: list[int]) -> str:
    """Collapsed blocks for one section: per group of releases that fail it the same way, the
    failing cells' code line and real output; or a note that an earlier failure kept it from
    running."""
    text = TEXT[lang]
    groups: dict[tuple[str, int], list[str]] = {}  # (body, failed cells) -> releases
    unreached: list[str] = []
    for name, data in results.items():
        record = data.get("examples", {}).get(example.slug)
        if not current(example, record):
            continue
        cells = [i for i, s in enumerate(of_code) if s == section]
        statuses = [record["cells"][i] for i in cells]
        failed = [i for i in cells if record["cells"][i] in FAILED]
        if not failed:
            if "not reached" in statuses:
                unreached.append(name)
            continue
        parts = []
        for index in failed:
            found = record.get("details", {}).get(str(index), {})
            line = text["line"].format(line=found["line"]) if found.get("line") else ""
            head = f"{_code(found['code'])}{line}" if found.get("code") else ""
            output = "\n".join(found.get("output", found.get("error", "")).splitlines())
            lines = output.splitlines()
            if len(lines) > SHOWN_LINES:
                lines = [lines[0], "…", *lines[-(SHOWN_LINES - 2) :]]
            parts.append("\n\n".join(p for p in (head, _fence("\n".join(lines))) if p))
        body = "\n\n".join(parts)
        groups.setdefault((body, len(failed)), []).append(name)
    blocks = []
    for (body, n), names in groups.items():
        releases = "TensorFlow " + text["sep"].join(names)
        title = _plural(lang, "section_fails", n, releases=releases)
        blocks.append(f'??? failure nb-matrix "{title}"\n\n{_indent(body)}\n')
    if unreached:
        releases = "TensorFlow " + text["sep"].join(unreached)
        title = text["section_unreached"].format(releases=releases)
        blocks.append(f'??? warning nb-matrix "{title}"\n\n    …\n')
    return "\n".join(blocks)


def annotate(
    nb, example: source.Example | None, lang: str, results: dict | None = None, link: bool = True
):
    """A copy of a language notebook with the matrix in its prose: the summary under the title,
    a block under each heading whose section does not hold somewhere. The downloadable notebook
    stays as it is (this copy is only rendered)."""
    results = load() if results is None else results
    if example is None or not results:
        return nb
    if not any(example.slug in data.get("examples", {}) for data in results.values()):
        return nb  # never run in the matrix (a new example, or a test's tiny site)
    try:
        _, of_code = sections(example)
    except (IndexError, KeyError):
        return nb
    nb = copy.deepcopy(nb)
    section = 0
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.metadata.get("sitebuild", {}).get("role"):
            continue
        lines, out, fence = cell.source.split("\n"), [], None
        for line in lines:
            out.append(line)
            if match := FENCE_RE.match(line):
                mark = match[1][0] * 3
                fence = None if fence == mark else (fence or mark)
                continue
            match = HEADING_RE.match(line) if fence is None else None
            if not match:
                continue
            level = len(match[1])
            if level == 1 and section == 0:
                extra = [summary(example, lang, results, link)]
                extra.append(_section_blocks(example, lang, results, 0, of_code))
            elif level in (2, 3):
                section += 1
                extra = [_section_blocks(example, lang, results, section, of_code)]
            else:
                continue
            extra = [e for e in extra if e]
            if extra:
                out += ["", *"\n".join(extra).rstrip("\n").split("\n"), ""]
        cell.source = "\n".join(out)
    return nb


# --- the versions page -------------------------------------------------------------------------


def _pages(docs_dir: Path) -> dict[str, str]:
    """{example slug: the page (NAME.md) that embeds it}."""
    found = {}
    for path in sorted(docs_dir.glob("*.zh.md")):
        for slug in PAGE_MARKER_RE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(slug, path.name[: -len(".zh.md")] + ".md")
    return found


def _anchor(text: str, ids: set) -> str:
    """The id Material's toc gives a heading (pymdownx slugify, lower case; duplicates _1...)."""
    from markdown.extensions.toc import unique
    from pymdownx.slugs import slugify

    if (match := HEADING_ID_RE.search(text)) and (found := ID_RE.search(match[1])):
        ids.add(found[1])
        return found[1]
    text = HEADING_ID_RE.sub("", text)
    # what the toc extension slugifies: the heading's text as rendered (code keeps its "_")
    rendered = markdown.markdown(text.lstrip("#").strip())
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    return unique(slugify(case="lower")(plain, "-"), ids)


def _cell(example, record: dict | None, statuses: list[str] | None) -> str:
    if record is None:
        return ""
    if record.get("error"):
        return "⚠"
    if not current(example, record):
        return "?"
    failed = sum(s in FAILED for s in statuses)
    if failed:
        return f"✗ {failed}"
    if "not reached" in statuses:
        return "↓"
    return "≈" if "changed" in statuses else "✓"


def matrix_markdown(lang: str, examples: dict, docs_dir: Path, results: dict | None = None) -> str:
    results = load() if results is None else results
    text = TEXT[lang]
    names = list(results)
    pinned = execute.versions()
    head = [
        f"| {text['release']} | TensorFlow | Keras | tf_keras | NumPy | {text['checked']} |",
        "|---|---|---|---|---|---|",
    ]
    machines = set()
    for name, data in results.items():
        records = [r for r in data.get("examples", {}).values() if r.get("versions")]
        versions = records[-1]["versions"] if records else _requested(data)
        dates = sorted(r["date"][:10] for r in records if r.get("date"))
        machines |= {r["machine"] for r in records if r.get("machine")}
        when = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}") if dates else ""
        row = [versions.get(k, "") for k, _ in LIBS]
        head.append(f"| {name} | " + " | ".join(row) + f" | {when} |")
    row = [pinned.get(k, "") for k, _ in LIBS]
    head.append(f"| {pinned['tensorflow']}{text['pinned']} | " + " | ".join(row) + " | — |")
    out = head + [""]
    if machines:
        out += [f"{text['machine'].capitalize()}{text['colon']}" + "; ".join(sorted(machines)), ""]
    out += [text["legend"], ""]
    columns = [*names, ".".join(pinned["tensorflow"].split(".")[:2])]
    pages = _pages(docs_dir)
    for slug, example in examples.items():
        if slug not in pages:
            continue
        try:
            found, of_code = sections(example)
        except (IndexError, KeyError):
            continue
        title = found[0][lang] or slug
        out += [f"## [{HEADING_ID_RE.sub('', title)}]({pages[slug]})", ""]
        out += [f"| {text['section']} | " + " | ".join(columns) + " |"]
        out += ["|---|" + "---|" * len(columns)]
        ids: set = set()
        _anchor(title, ids)
        for index, section in enumerate(found):
            heading = section[lang] or text["intro"]
            if index == 0:
                link = text["intro"]
            else:
                label = HEADING_ID_RE.sub("", heading).replace("|", "\\|")
                link = f"[{label}]({pages[slug]}#{_anchor(heading, ids)})"
            cells = [i for i, s in enumerate(of_code) if s == index]
            if not cells and index:
                continue
            row = []
            for name in names:
                record = results[name].get("examples", {}).get(slug)
                statuses = [record["cells"][i] for i in cells] if current(example, record) else None
                row.append(_cell(example, record, statuses))
            row.append("✓")
            out.append(f"| {link} | " + " | ".join(row) + " |")
        out.append("")
    return "\n".join(out)


def versions_page(markdown: str, lang: str, examples: dict, docs_dir: Path) -> str:
    """The versions page: the marker becomes the whole matrix."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, matrix_markdown(lang, examples, docs_dir))
