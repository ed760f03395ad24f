"""Make pages lighter without changing what a reader sees.

Material colours Pygments tokens by class (`.highlight .s2 {color: var(--md-code-hl-string-color)}`)
and leaves many classes uncoloured. So a token can lose its span when its class draws in the plain
code colour, neighbouring tokens of one colour can share a span, and each colour needs only its
shortest class name. Code looks the same, except that operators and punctuation lose a light-grey
tint. With the template's indentation gone too, a long page is about a fifth lighter.
"""

import re

# Pygments classes by Material colour (assets/stylesheets/main.*.css, mkdocs-material 9.8). The
# first class of each group is the one we keep; every class listed has that group's colour. Any
# other class loses its span: names, True/None, dunders and f-string prefixes draw in the plain
# code colour; operators, punctuation and variables lose only a light-grey tint.
COLOUR_GROUPS = [
    ["s", "cpf", "l", "s1", "s2", "sb", "sc", "si", "ss"],  # string
    ["se", "cp", "sh", "sr", "sx"],  # special
    ["m", "il", "mb", "mf", "mh", "mi", "mo"],  # number
    ["k", "kd", "kn", "kp", "kr", "kt", "nd", "ni", "nl", "nt"],  # keyword
    ["nb", "bp", "no"],  # constant
    ["nf", "nc", "ne", "nn"],  # function
    ["c", "c1", "ch", "cm", "cs", "sd"],  # comment
]
# Kept as they are: they draw a background or a box, not just a colour.
KEEP = {"gd", "gi", "hll", "filename"}
CANONICAL = {cls: group[0] for group in COLOUR_GROUPS for cls in group}

TOKEN_RE = re.compile(r'<span class="([\w-]+)">([^<]*)</span>')
# Two spans of one colour with at most whitespace between them (after _token: no quotes).
SAME_COLOUR_RE = re.compile(r"<span class=(\w+)>([^<]*)</span>(\s*)<span class=\1>([^<]*)</span>")
CODE_BLOCK_RE = re.compile(r'(<div[^>]*class="[^"]*highlight[^"]*"><pre>)(.*?)(</pre></div>)', re.S)
# Whitespace matters inside these (Material styles inline code `white-space: pre-wrap`).
VERBATIM_RE = re.compile(r"(<(pre|code|textarea|script|style)[\s>].*?</\2>)", re.S)
INDENT_RE = re.compile(r"\n\s+")
SEARCH_EXCLUDE = "data-search-exclude "  # with the space that separates it from class=


def _token(match: re.Match) -> str:
    cls, text = match.groups()
    if cls in KEEP:
        return match.group(0)
    canonical = CANONICAL.get(cls)
    if canonical is None:
        return text
    return f"<span class={canonical}>{text}</span>"  # HTML needs no quotes around a bare word


def _code(match: re.Match) -> str:
    head, body, tail = match.groups()
    body = body.replace("<span></span>", "", 1)
    body = TOKEN_RE.sub(_token, body)
    while True:
        merged = SAME_COLOUR_RE.sub(r"<span class=\1>\2\3\4</span>", body)
        if merged == body:
            return head + body + tail
        body = merged


def slim_code(html: str) -> str:
    """Fewer, shorter Pygments spans in every code block of a page's content."""
    return CODE_BLOCK_RE.sub(_code, html)


CHROME = (  # the same on every page: indexed, it would match every page
    ('<a class="md-button nb-download"', f'<a {SEARCH_EXCLUDE}class="md-button nb-download"'),
    ('<small class="nb-stamp">', f'<small {SEARCH_EXCLUDE}class="nb-stamp">'),
    ('<details class="info nb-helper">', f'<details {SEARCH_EXCLUDE}class="info nb-helper">'),
    # the version matrix: its lines and the other releases' outputs (the Versions page has it all)
    (
        '<div class="admonition abstract nb-matrix">',
        f'<div {SEARCH_EXCLUDE}class="admonition abstract nb-matrix">',
    ),
    ('<details class="failure nb-matrix">', f'<details {SEARCH_EXCLUDE}class="failure nb-matrix">'),
    ('<details class="warning nb-matrix">', f'<details {SEARCH_EXCLUDE}class="warning nb-matrix">'),
)


def exclude_from_search(html: str) -> str:
    """Mark code blocks, outputs and page chrome (download button, stamp, the injected helper)
    for Material's search plugin to skip."""
    html = html.replace('<div class="highlight">', f'<div {SEARCH_EXCLUDE}class="highlight">')
    # The summary table above the first section names every topic of the page: indexed, the page
    # top outranks the section that answers the query (each row links to that section anyway).
    head, h2, rest = html.partition("<h2")
    if h2:
        head = head.replace("<table>", f"<table {SEARCH_EXCLUDE}>", 1)
        html = head + h2 + rest
    for plain, marked in CHROME:
        html = html.replace(plain, marked)
    return html.replace('<div class="nb-output', f'<div {SEARCH_EXCLUDE}class="nb-output')


def strip_indentation(html: str) -> str:
    """Drop the template's indentation and blank lines, except where whitespace is shown, and the
    search marks: the search plugin has read them by then (it indexes in on_page_context)."""
    parts = VERBATIM_RE.split(html.replace(SEARCH_EXCLUDE, ""))
    # split() yields: text, whole verbatim element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        parts[i] = INDENT_RE.sub("\n", parts[i])
    return "".join(parts[i] for i in range(len(parts)) if i % 3 != 2)
