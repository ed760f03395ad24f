"""Read one example: a jupytext percent-format ``.py`` file with bilingual prose.

Format (a strict subset of jupytext's percent format, so jupytext and VS Code open it too):

    # %% [markdown] lang="zh"
    # # 标题
    # %% [markdown] lang="en"
    # # Title
    # %%
    print("code is shared by both languages")

Every prose cell carries ``lang="zh"`` or ``lang="en"``. Prose comes in twins: within each run of
markdown cells between two code cells, zh and en cells alternate, zh first, and each twin has the
same heading levels in the same order (so anchors pair up across languages).
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

LANGS = ("zh", "en")
CELL_RE = re.compile(r"^# %%(?P<rest>.*)$")
HEADER_RE = re.compile(r'^(?:\s+\[(?P<kind>markdown)\])?(?P<meta>(?:\s+\w+="[^"]*")*)\s*$')
META_RE = re.compile(r'(\w+)="([^"]*)"')
HEADING_RE = re.compile(r"^(#{1,6})\s", re.MULTILINE)
HEADING_ATTRS_RE = re.compile(r"^#{1,6}\s.*?(\{[^{}]*\})?\s*$", re.MULTILINE)


class ExampleError(Exception):
    """A problem in an example source file, located by file, cell and line."""


@dataclass
class Cell:
    kind: str  # "code" or "markdown"
    source: str
    number: int  # 1-based position among the file's cells
    line: int  # 1-based line of the cell's "# %%" header
    lang: str | None = None
    code_line: int = 0  # 1-based file line of the first line of `source` (code cells)


@dataclass
class Example:
    slug: str
    path: Path
    cells: list[Cell]

    @property
    def code_cells(self) -> list[Cell]:
        return [c for c in self.cells if c.kind == "code"]

    def where(self, cell: Cell, line_in_cell: int | None = None) -> str:
        """'file: cell N (line L)': L is the file line of `line_in_cell` (1-based, within the
        cell's code) when known, else the cell's header line."""
        line = cell.line if line_in_cell is None else cell.code_line + line_in_cell - 1
        return f"{self.path}: cell {cell.number} (line {line})"


def _uncomment(lines: list[str], path: Path, start: int) -> str:
    out = []
    for offset, line in enumerate(lines):
        if line == "#":
            out.append("")
        elif line.startswith("# "):
            out.append(line[2:])
        elif line.strip() == "":
            out.append("")
        else:
            raise ExampleError(
                f"{path}: line {start + offset}: prose lines must start with '# ', got {line!r}"
            )
    return "\n".join(out).strip("\n")


def parse(path: Path) -> Example:
    """Parse and validate one example file; raise ExampleError naming file, cell and line."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        raise ExampleError(
            f"{path}: line 1: the file starts with a UTF-8 byte-order mark (BOM); "
            "save it as UTF-8 without BOM"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise ExampleError(
            f"{path}: line {line}, column {column}: not UTF-8 text "
            f"(byte {data[err.start : err.start + 1]!r} cannot be decoded: {err.reason})"
        ) from None
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if CELL_RE.match(line)]
    if not headers:
        raise ExampleError(f"{path}: no '# %%' cell markers: not a percent-format example")
    if any(line.strip() for line in lines[: headers[0]]):
        raise ExampleError(f"{path}: line 1: text before the first '# %%' cell marker")

    cells = []
    for number, (start, end) in enumerate(zip(headers, headers[1:] + [len(lines)]), 1):
        line_no = start + 1
        header = HEADER_RE.match(CELL_RE.match(lines[start])["rest"])
        if not header:
            raise ExampleError(f"{path}: cell {number} (line {line_no}): malformed cell header")
        meta = dict(META_RE.findall(header["meta"] or ""))
        body = lines[start + 1 : end]
        if header["kind"] == "markdown":
            lang = meta.pop("lang", None)
            if lang not in LANGS:
                raise ExampleError(
                    f'{path}: cell {number} (line {line_no}): prose cell needs lang="zh" or '
                    f'lang="en", got {lang!r}'
                )
            source = _uncomment(body, path, line_no + 1)
            cell = Cell("markdown", source, number, line_no, lang)
        else:
            if "lang" in meta:
                raise ExampleError(
                    f"{path}: cell {number} (line {line_no}): code is shared by both languages; "
                    "drop lang= from code cells"
                )
            blank = next((i for i, text in enumerate(body) if text != ""), 0)
            code = "\n".join(body).strip("\n")
            cell = Cell("code", code, number, line_no, code_line=line_no + 1 + blank)
        if meta:
            raise ExampleError(
                f"{path}: cell {number} (line {line_no}): unknown cell metadata {sorted(meta)}"
            )
        if not cell.source.strip():
            raise ExampleError(f"{path}: cell {number} (line {line_no}): empty cell")
        cells.append(cell)

    example = Example(path.stem, path, cells)
    _check_code(example)
    _check_twins(example)
    return example


def _check_code(example: Example) -> None:
    for cell in example.code_cells:
        try:
            ast.parse(cell.source, filename=str(example.path))
        except SyntaxError as err:
            raise ExampleError(
                f"{example.where(cell, err.lineno or 1)}: SyntaxError: {err.msg}"
            ) from None


def _check_twins(example: Example) -> None:
    """zh/en prose cells must alternate within each run of prose, with matching headings."""
    run: list[Cell] = []
    for cell in example.cells + [Cell("code", "", 0, 0)]:
        if cell.kind == "markdown":
            run.append(cell)
            continue
        for i, prose in enumerate(run):
            expected = LANGS[i % 2]
            if prose.lang != expected:
                raise ExampleError(
                    f"{example.where(prose)}: expected a {expected!r} prose cell here "
                    f"(zh and en cells must alternate as twins), found {prose.lang!r}"
                )
        if len(run) % 2:
            raise ExampleError(f"{example.where(run[-1])}: zh prose cell has no en twin after it")
        for zh, en in zip(run[::2], run[1::2]):
            zh_levels = [len(h) for h in HEADING_RE.findall(zh.source)]
            en_levels = [len(h) for h in HEADING_RE.findall(en.source)]
            if zh_levels != en_levels:
                raise ExampleError(
                    f"{example.where(en)}: headings differ from its zh twin "
                    f"(zh levels {zh_levels}, en levels {en_levels})"
                )
            zh_attrs = HEADING_ATTRS_RE.findall(zh.source)
            en_attrs = HEADING_ATTRS_RE.findall(en.source)
            if zh_attrs != en_attrs:  # ids and classes ({#id .collapsible}) are shared
                raise ExampleError(
                    f"{example.where(en)}: heading ids or classes differ from its zh twin "
                    f"(zh {zh_attrs}, en {en_attrs})"
                )
        run = []
    if not example.code_cells:
        raise ExampleError(f"{example.path}: an example needs at least one code cell")
    first = example.cells[0]
    if first.kind != "markdown" or not first.source.startswith("# "):
        raise ExampleError(f"{example.where(first)}: an example starts with a prose cell '# Title'")


def _display_path(path: Path) -> Path:
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def load_all(examples_dir: Path) -> dict[str, Example]:
    return {p.stem: parse(_display_path(p)) for p in sorted(examples_dir.glob("*.py"))}
