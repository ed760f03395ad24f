"""Terminology: TERMINOLOGY.md is the one term list, and the prose follows it.

Checks, without TensorFlow:

- TERMINOLOGY.md lists each term once, with one Chinese rendering;
- the glossary pages (`docs/glossary.zh.md`, `docs/glossary.en.md`) carry exactly its term rows;
- no "wrong variant" from TERMINOLOGY.md appears in the prose of `examples/*.py` (the
  `# %% [markdown] lang=...` cells) or of `docs/*.md`, in the variant's language;
- each page links its first mention of the blog post to the quick start page.

Code cells, inline code, fenced code blocks, link targets and HTML tags are never checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TERMS_FILE = ROOT / "TERMINOLOGY.md"
GLOSSARY = {"zh": ROOT / "docs" / "glossary.zh.md", "en": ROOT / "docs" / "glossary.en.md"}

CELL = re.compile(r"^# %%(?P<rest>.*)$")
LANG = re.compile(r'^\s*\[markdown\]\s+lang="(?P<lang>[a-z]+)"')
# Spans never checked: inline code, link targets, HTML tags, heading attributes.
IGNORED = [
    re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"<[^>]*>"),
    re.compile(r"\{\s*[#.][^}]*\}"),
]
# In Chinese prose, ASCII-only text in full-width parentheses is the English given at first use.
IGNORED_ZH = [re.compile(r"（[\x00-\x7f]*）")]


@dataclass(frozen=True)
class Line:
    path: Path
    number: int
    lang: str
    text: str
    starts: tuple[int, ...] = (0,)  # offset in `text` where each source line starts

    def line_at(self, offset: int) -> int:
        return self.number + sum(1 for s in self.starts[1:] if s <= offset)


@dataclass(frozen=True)
class Variant:
    english: str
    lang: str
    wrong: str
    write: str
    pattern: re.Pattern[str]
    line: int


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def table(path: Path, header: str) -> list[tuple[int, list[str]]]:
    """Rows (line number, cells) of the Markdown table whose header row starts with `header`."""
    rows: list[tuple[int, list[str]]] = []
    inside = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not inside:
            inside = line.startswith(header)
            continue
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
        if set("".join(cells)) <= set("-: "):
            continue  # the |---|---| line
        rows.append((number, cells))
    assert rows, f"{rel(path)}: no table with the header {header!r}"
    return rows


def term_rows() -> list[tuple[int, list[str]]]:
    return table(TERMS_FILE, "| English | 中文 | Code |")


def variants() -> list[Variant]:
    found = []
    for number, cells in table(TERMS_FILE, "| English | 语言 Lang |"):
        english, lang, wrong, write, pattern = cells
        source = pattern.removeprefix("`").removesuffix("`")
        try:
            compiled = re.compile(source)
        except re.error as exc:
            pytest.fail(f"{rel(TERMS_FILE)}:{number}: bad pattern {source!r}: {exc}")
        found.append(Variant(english, lang, wrong, write, compiled, number))
    return found


def example_prose(path: Path) -> list[Line]:
    """Prose lines of a jupytext percent-format example, with the `# ` prefix removed."""
    out: list[Line] = []
    lang = None
    fenced = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cell = CELL.match(raw)
        if cell:
            match = LANG.match(cell["rest"])
            lang = match["lang"] if match else None
            fenced = False
            continue
        if lang is None:
            continue
        text = raw[2:] if raw.startswith("# ") else ""
        if text.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append(Line(path, number, lang, text))
    return out


def doc_prose(path: Path) -> list[Line]:
    """Lines of a `docs/NAME.<lang>.md` page outside fenced code blocks."""
    lang = path.name.split(".")[-2]
    out: list[Line] = []
    fenced = False
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append(Line(path, number, lang, text))
    return out


def prose_files() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.py")) + sorted((ROOT / "docs").glob("*.md"))


def prose(path: Path) -> list[Line]:
    return example_prose(path) if path.suffix == ".py" else doc_prose(path)


def paragraphs(lines: list[Line]) -> list[Line]:
    """Join consecutive non-blank lines, so that a phrase split over two lines is still found."""
    out: list[Line] = []
    group: list[Line] = []
    for line in [*lines, None]:
        if (
            group
            and line is not None
            and line.text.strip()
            and line.lang == group[-1].lang
            and line.number == group[-1].number + 1
        ):
            group.append(line)
            continue
        if group:
            starts, offset = [], 0
            for g in group:
                starts.append(offset)
                offset += len(g.text) + 1
            text = " ".join(g.text for g in group)
            out.append(Line(group[0].path, group[0].number, group[0].lang, text, tuple(starts)))
        group = [line] if line is not None and line.text.strip() else []
    return out


def ignored_spans(line: Line) -> list[tuple[int, int]]:
    patterns = IGNORED + (IGNORED_ZH if line.lang == "zh" else [])
    return [m.span() for p in patterns for m in p.finditer(line.text)]


def violations(line: Line, rules: list[Variant]) -> list[str]:
    spans = ignored_spans(line)
    found = []
    for rule in rules:
        if rule.lang != line.lang:
            continue
        for m in rule.pattern.finditer(line.text):
            if any(a <= m.start() and m.end() <= b for a, b in spans):
                continue
            found.append(
                f"{rel(line.path)}:{line.line_at(m.start())}: {m.group()!r} ({rule.english}): "
                f"write {rule.write} instead  [TERMINOLOGY.md:{rule.line}]"
            )
    return found


def report(title: str, problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{title}:\n" + "\n".join(problems), pytrace=False)


# ---- the term list ----


def test_each_term_once_with_one_rendering():
    problems = []
    for column, name in [(0, "English term"), (1, "Chinese rendering"), (2, "Code")]:
        seen: dict[str, int] = {}
        for number, cells in term_rows():
            key = cells[column]
            if column == 2 and key == "—":
                continue
            if key in seen:
                problems.append(
                    f"TERMINOLOGY.md:{number}: {name} {key!r} already on line {seen[key]}"
                )
            seen.setdefault(key, number)
    report("duplicate terms in TERMINOLOGY.md", problems)


def test_variants_name_listed_terms():
    terms = {cells[0]: cells[1] for _, cells in term_rows()}
    problems = []
    for v in variants():
        if v.english not in terms:
            problems.append(f"TERMINOLOGY.md:{v.line}: {v.english!r} is not in the term list")
        elif v.lang not in ("zh", "en"):
            problems.append(f"TERMINOLOGY.md:{v.line}: language must be zh or en, not {v.lang!r}")
        elif v.lang == "zh" and re.sub(r"（.*）$", "", terms[v.english]) not in v.write:
            problems.append(
                f"TERMINOLOGY.md:{v.line}: write {v.write!r}, but the term list says "
                f"{terms[v.english]!r}"
            )
    report("TERMINOLOGY.md: wrong-variant table", problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_glossary_matches_term_list(lang):
    path = GLOSSARY[lang]
    header = {
        "zh": "| 中文 | English | 代码 | 含义 |",
        "en": "| English | 中文 | Code | Meaning |",
    }[lang]
    rows = {}
    problems = []
    for number, cells in table(path, header):
        english, chinese = (cells[1], cells[0]) if lang == "zh" else (cells[0], cells[1])
        key = (english, chinese, cells[2])
        if english in {k[0] for k in rows}:
            problems.append(f"{rel(path)}:{number}: {english!r} listed twice")
        if not cells[3]:
            problems.append(f"{rel(path)}:{number}: {english!r} has no meaning")
        rows[key] = number
    listed = {(c[0], c[1], c[2]): n for n, c in term_rows()}
    for key, number in rows.items():
        if key not in listed:
            problems.append(f"{rel(path)}:{number}: {key} is not a row of TERMINOLOGY.md")
    for key, number in listed.items():
        if key not in rows:
            problems.append(f"TERMINOLOGY.md:{number}: {key} is missing from {rel(path)}")
    report("glossary and TERMINOLOGY.md disagree", problems)


# ---- the prose ----


@pytest.mark.parametrize("path", prose_files(), ids=lambda p: rel(p))
def test_no_wrong_variants(path):
    rules = variants()
    found = [v for par in paragraphs(prose(path)) for v in violations(par, rules)]
    report('wrong variants (see TERMINOLOGY.md, "Wrong variants")', found)


FIRST_MENTION = {
    "zh": (re.compile(r"原博客"), re.compile(r"\[原博客\]\(quick-start\.md\)")),
    "en": (
        re.compile(r"(?i)\bblog post\b"),
        re.compile(r"(?i)\[the blog post\]\(quick-start\.md\)"),
    ),
}


@pytest.mark.parametrize(
    "path",
    [p for p in sorted((ROOT / "examples").glob("*.py")) if p.stem != "quick_start"],
    ids=lambda p: rel(p),
)
def test_blog_post_linked_at_first_mention(path):
    """Outside headings, the first mention of the blog post links to the quick start page."""
    problems = []
    for lang, (mention, link) in FIRST_MENTION.items():
        for line in example_prose(path):
            if line.lang != lang or line.text.startswith("#") or not mention.search(line.text):
                continue
            first = mention.search(line.text).start()
            linked = link.search(line.text)
            if not (linked and linked.start() <= first < linked.end()):
                name = {"zh": "[原博客]", "en": "[the blog post]"}[lang] + "(quick-start.md)"
                problems.append(
                    f"{rel(path)}:{line.number}: first mention of the blog post on the page "
                    f"must be the link {name}"
                )
            break
    report("blog post not linked", problems)


def test_checker_sees_prose_only():
    """The checker ignores code, glossed English and link targets, and finds raw variants."""
    rules = variants()
    path = ROOT / "examples" / "x.py"

    def check(lang: str, text: str) -> list[str]:
        return violations(Line(path, 1, lang, text), rules)

    assert check("zh", "把值喂给占位符")
    assert check("zh", "更新变量是一个赋值 op；")
    assert check("zh", "（`ids != 0` 对应的 `NotEqual` op）")
    assert check("zh", "种子文章引用的文档")
    assert check("en", "as quoted in the seed post.")
    assert not check("zh", "操作（op）、`update op`、`喂`、[x](seed-post.md)、随机种子、`seed=`")
    assert not check("zh", "文档原文")
    assert not check("en", "Fix the seeds; the seed lives in a variable; `seed post`")
    lines = [Line(path, 7, "en", "placeholders in the"), Line(path, 8, "en", "seed: use layers")]
    (joined,) = paragraphs(lines)
    assert [v.split(": ")[0] for v in violations(joined, rules)] == ["examples/x.py:7"]
