"""Plots on the built pages: alt text in the page's language, a link to the PNG (tap to open it
full size on a phone), a display size that keeps the figure's text legible at 390 px."""

import base64
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import nbformat

from sitebuild import render

CJK_RE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PAGES_WITH_PLOTS = {"tf2-migration", "session-run-metadata"}
# A 390 px phone gives a plot 340 px (the page's margins and the frame). The examples draw text
# at 11 pt, 15.3 px at the figure's display size (100 px per inch); shown at most 520 px wide, a
# figure shrinks it to no less than 10 px there.
MAX_DISPLAY_WIDTH = 520


class Figures(HTMLParser):
    """Every img.nb-image of a page, with the attributes of the link around it (if any)."""

    def __init__(self):
        super().__init__()
        self.links: list[dict] = []  # the open <a> elements
        self.found: list[tuple[dict, dict | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs)
        elif tag == "img" and "nb-image" in attrs.get("class", "").split():
            self.found.append((attrs, self.links[-1] if self.links else None))

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            self.links.pop()


def page_html(site: Path, page: str, lang: str) -> Path:
    prefix = "" if lang == "zh" else "en/"
    return site / prefix / ("" if page == "index" else page) / "index.html"


def figures(site: Path, page: str, lang: str) -> list[tuple[dict, dict | None]]:
    parser = Figures()
    parser.feed(page_html(site, page, lang).read_text(encoding="utf-8"))
    return parser.found


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def all_figures(site, pages):
    """(page, lang, img attrs, link attrs) for every plot of the site, both languages."""
    found = [
        (page, lang, img, link)
        for page in pages
        for lang in ("zh", "en")
        for img, link in figures(site, page, lang)
    ]
    with_plots = {page for page, *_ in found}
    assert PAGES_WITH_PLOTS <= with_plots, f"plots missing on {PAGES_WITH_PLOTS - with_plots}"
    for page in with_plots:  # the same plots in both languages
        counts = [sum(1 for p, lang, *_ in found if p == page and lang == x) for x in ("zh", "en")]
        assert counts[0] == counts[1], f"{page}: {counts[0]} plots in zh, {counts[1]} in en"
    return found


def test_alt_text_describes_the_plot_in_the_pages_language(site, pages):
    for page, lang, img, _ in all_figures(site, pages):
        alt = (img.get("alt") or "").strip()
        where = f"{page} ({lang}) {img['src']}"
        assert alt, f"{where}: no alt text"
        assert "Figure size" not in alt and not alt.startswith("<"), f"{where}: alt is a repr"
        # the generic label is only the fallback for plots whose code gives no description
        assert alt != render.LABELS[lang]["figure"], f"{where}: no alt_{lang} in its metadata"
        if lang == "zh":
            assert CJK_RE.search(alt), f"{where}: the alt text is not Chinese: {alt!r}"
        else:
            assert not CJK_RE.search(alt), f"{where}: the alt text is not English: {alt!r}"


def test_each_plot_links_to_its_png_and_keeps_its_shape(site, pages):
    for page, lang, img, link in all_figures(site, pages):
        where = f"{page} ({lang}) {img['src']}"
        assert link is not None and "nb-image-link" in link.get("class", "").split(), (
            f"{where}: not wrapped in a.nb-image-link"
        )
        assert link.get("href") == img["src"] and img["src"].endswith(".png"), (
            f"{where}: the link does not open the PNG itself ({link.get('href')})"
        )
        png = Path(str(page_html(site, page, lang).parent / img["src"])).resolve()
        assert png.is_file(), f"{where}: {png} does not exist"
        pixels_w, pixels_h = png_size(png)
        width, height = int(img["width"]), int(img["height"])
        assert abs(width / height - pixels_w / pixels_h) < 0.02, f"{where}: distorted"
        assert width <= pixels_w, f"{where}: shown larger than its pixels (blurred)"
        assert width <= MAX_DISPLAY_WIDTH, (
            f"{where}: shown {width} px wide: on a 390 px phone its text shrinks below 10 px; "
            "draw it smaller (figsize) with the same font size"
        )


def test_downloaded_notebooks_keep_both_descriptions(site):
    """The same output goes into both downloads; Jupyter gets its display size (retina)."""
    seen = 0
    for path in sorted((site / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                if "image/png" not in out.get("data", {}):
                    continue
                meta = out.get("metadata", {}).get("image/png", {})
                assert CJK_RE.search(meta.get("alt_zh", "")), f"{path.name}: no alt_zh"
                assert meta.get("alt_en") and not CJK_RE.search(meta["alt_en"]), path.name
                assert meta.get("width") and meta.get("height"), f"{path.name}: no display size"
                seen += 1
    assert seen >= 2 * len(PAGES_WITH_PLOTS)


def _output(png: bytes, metadata: dict | None = None) -> dict:
    return {
        "output_type": "display_data",
        "data": {
            "image/png": base64.b64encode(png).decode(),
            "text/plain": "<Figure size 800x380 with 1 Axes>",
        },
        "metadata": metadata or {},
    }


def _png(width: int, height: int) -> bytes:
    """Enough of a PNG for the renderer: signature and IHDR (it copies the bytes, no decoding)."""
    ihdr = struct.pack(">II5B", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0" * 4


def test_render_picks_the_pages_language_and_falls_back_to_a_label():
    meta = {
        "image/png": {"alt_zh": "条形图“甲”", "alt_en": 'Bars "A"', "width": 400, "height": 200}
    }
    for lang, alt in (("zh", "条形图“甲”"), ("en", "Bars &quot;A&quot;")):
        (part,) = render.render_outputs([_output(_png(800, 400), meta)], {}, str, lang)
        assert f'alt="{alt}"' in part and 'width="400" height="200"' in part
        assert part.startswith('<a class="nb-image-link" href="')
    for lang in ("zh", "en"):
        (part,) = render.render_outputs([_output(_png(640, 320))], {}, str, lang)
        assert f'alt="{render.LABELS[lang]["figure"]}"' in part, part
        assert "Figure size" not in part and 'width="640" height="320"' in part
