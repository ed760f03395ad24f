"""Highlighted code cells, cached between builds.

Pygments was a quarter of a rebuild with nothing changed: every code cell, twice (zh and en).
A code cell becomes the same HTML a ```python fence does (pymdownx.highlight with its defaults
calls Pygments this way; a test checks they match), kept in one JSON file keyed by the Pygments
version and the cell's source. The page's Markdown carries a placeholder comment, filled in after
Markdown: parsing that much raw HTML would cost more than Pygments.
"""

import hashlib
import json
import re
from pathlib import Path

import pygments
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer


def highlight_python(source: str) -> str:
    return pygments.highlight(source, PythonLexer(), HtmlFormatter(wrapcode=True))


PLACEHOLDER_RE = re.compile(r"<!-- nb-code (\w+) -->")


class CachedHighlighter:
    def __init__(self, path: Path):
        self.path = path
        self.version = pygments.__version__
        self.used: dict[str, str] = {}
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        self.stored = stored.get("html", {}) if stored.get("pygments") == self.version else {}

    def placeholder(self, source: str) -> str:
        """Markdown standing for the highlighted code; `fill` puts the HTML in."""
        key = hashlib.sha256(source.encode()).hexdigest()[:24]
        if key not in self.used:
            self.used[key] = self.stored.get(key) or highlight_python(source)
        return f"<!-- nb-code {key} -->"

    def fill(self, html: str) -> str:
        return PLACEHOLDER_RE.sub(lambda m: self.used[m.group(1)], html)

    def save(self) -> None:
        """Keep what this build used (so the file does not grow with every edit)."""
        if self.used != self.stored:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"pygments": self.version, "html": self.used}
            self.path.write_text(json.dumps(data), encoding="utf-8")
            self.stored = dict(self.used)
