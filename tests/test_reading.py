"""Reading the pages in Chromium, on a phone (390 px) and a desktop (1280 px): outputs read as
outputs (a label and a frame that can be seen, in both colour schemes), and nothing is cut off
without a cue: an output or a table either fits, or scrolls sideways with a shadow at the clipped
edge; a demonstrated error always fits (it wraps), and a name in a table never breaks inside."""

import io
import re

import pytest
from conftest import ARTIFACTS, PAGES
from PIL import Image
from playwright.sync_api import sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS, page_path

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LABELS = {"zh": "输出", "en": "Output"}

# What every output and table on a page looks like, measured in the page. A scroller "has the
# cue" when it scrolls sideways and carries the scroll shadows of notebook.css: page-coloured
# covers that move with the content (attachment local) over shadows fixed to the box (scroll).
MEASURE = r"""
() => {
  const EXCEPTION = /^(?:\w+\.)*[A-Z]\w*(?:Error|Exception|Warning):/m;
  const problems = [];
  const labels = new Set();
  const right = document.querySelector("article").getBoundingClientRect().right;
  const overflows = (el) => el.scrollWidth > el.clientWidth + 1;
  const cue = (el) => {
    const s = getComputedStyle(el);
    const attach = s.backgroundAttachment.split(", ");
    return ["auto", "scroll"].includes(s.overflowX)
      && (s.backgroundImage.match(/gradient\(/g) || []).length >= 4
      && attach.includes("local") && attach.includes("scroll");
  };
  const name = (el, i) => `${el.className || el.tagName} #${i}: ${
    el.textContent.trim().slice(0, 60).replace(/\s+/g, " ")}`;
  document.querySelectorAll("article .nb-output").forEach((out, i) => {
    labels.add(getComputedStyle(out, "::before").content);
    const code = out.querySelector("pre > code");
    const box = out.getBoundingClientRect();
    if (box.right > innerWidth + 1) problems.push(`${name(out, i)}: past the screen's edge`);
    const error = EXCEPTION.test(code.textContent) || out.classList.contains("nb-error");
    if (error && !/\bnb-(error|exception)\b/.test(out.className)) {
      problems.push(`${name(out, i)}: an error without nb-error/nb-exception`);
    }
    if (!overflows(code)) return;
    if (error) {
      problems.push(`${name(out, i)}: an error cut off (${code.scrollWidth} > ${
        code.clientWidth} px), not wrapped`);
    } else if (!cue(code)) {
      problems.push(`${name(out, i)}: cut off (${code.scrollWidth} > ${
        code.clientWidth} px) without a cue`);
    }
  });
  document.querySelectorAll("article table").forEach((table, i) => {
    const box = table.getBoundingClientRect();
    if (box.right > Math.min(innerWidth, right) + 1) {
      problems.push(`table #${i}: ${Math.round(box.right)} px wide, past the column (${
        Math.round(right)} px)`);
    }
    if (overflows(table) && !cue(table)) {
      problems.push(`table #${i}: cut off (${table.scrollWidth} > ${table.clientWidth} px)`
        + " without a cue");
    }
    // a name in code (no space, hyphen or slash to break at) stays on one line
    table.querySelectorAll("code").forEach((code) => {
      const text = code.textContent;
      if (/^[^\s/-]+$/.test(text) && code.getClientRects().length > 1) {
        problems.push(`table #${i}: "${text}" broken across lines`);
      }
    });
  });
  if (document.documentElement.scrollWidth > innerWidth + 1) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
  }
  return {problems, labels: [...labels],
          outputs: document.querySelectorAll("article .nb-output").length};
}
"""


@pytest.fixture(scope="module")
def readers():
    """One browser, and one page in it per language, reused for every page of the site."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield {lang: browser.new_context(viewport=PHONE).new_page() for lang in ("zh", "en")}
        browser.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_is_cut_off_without_a_cue(readers, base_url, lang):
    """Every page at 390 and 1280 px: each output and table fits or scrolls with the cue; each
    error fits; each output carries the label."""
    page = readers[lang]
    found, outputs = [], 0
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        for name in PAGES:
            page.goto(base_url + page_path(name, lang))
            result = page.evaluate(MEASURE)
            where = f"{name} ({lang}, {viewport['width']} px)"
            found += [f"{where}: {p}" for p in result["problems"]]
            # "输出" / "Output", or "输出（stderr）" / "Output (stderr)"
            if any(not label.startswith(f'"{LABELS[lang]}') for label in result["labels"]):
                found.append(f"{where}: output labels {result['labels']}")
            outputs += result["outputs"]
    assert outputs > 100, f"only {outputs} outputs measured"
    assert not found, "\n".join(found)


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def parse_color(css: str, under=(255, 255, 255)) -> tuple[int, int, int]:
    """A computed colour, rgb() or rgba() (composited over `under`)."""
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    r, g, b, a = (values + [1.0])[:4]
    return tuple(round(c * a + u * (1 - a)) for c, u in zip((r, g, b), under))


# The colours that make an output an output: the frame against the page, the label's text
# against its tab, and the page itself (body's background, which the article shows).
COLOURS = """
() => {
  const out = document.querySelector("article .nb-output");
  const label = getComputedStyle(out, "::before");
  return {
    page: getComputedStyle(document.body).backgroundColor,
    frame: getComputedStyle(out.querySelector("pre")).borderTopColor,
    frameWidth: parseFloat(getComputedStyle(out.querySelector("pre")).borderTopWidth),
    label: label.content, labelText: label.color, labelTab: label.backgroundColor,
    labelDisplay: label.display,
  };
}
"""


MARK_CLIPPED = """
() => {
  const clipped = (el) => el.scrollWidth > el.clientWidth + 1;
  const output = [...document.querySelectorAll("article .nb-output:not(.nb-exception) pre > code")]
    .find(clipped);
  const table = [...document.querySelectorAll("article table")].find(clipped);
  if (output) output.dataset.clipped = "output";
  if (table) table.dataset.clipped = "table";
}
"""


def edge_colour(image: Image.Image, x: int) -> tuple[int, int, int]:
    """The most common colour in pixel column x (text crossing the column aside)."""
    column = [image.getpixel((x, y))[:3] for y in range(image.height)]
    return max(set(column), key=column.count)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outputs_are_labelled_framed_and_show_the_cue(readers, base_url, lang):
    """In the light and the dark scheme: the label is there, the frame is at least 3:1 against
    the page and the label's text 4.5:1 against its tab; a clipped output and a clipped table
    show a shadow (3:1 where it starts) at the clipped edge, which moves to the other edge once
    scrolled to the end. Also saves the long session-errors page at 390 px, for people to see."""
    page = readers[lang]
    page.set_viewport_size(PHONE)
    page.goto(base_url + page_path("session-errors", lang), wait_until="networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"session-errors.{lang}.390.png", full_page=True)

    page.goto(base_url + page_path("session-fetches", lang))
    page.add_style_tag(content="*, *::before { transition: none !important; }")
    # the first clipped output (not an error: those wrap) and the first clipped table
    page.evaluate(MARK_CLIPPED)
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.dataset.mdColorScheme = '{scheme}'")
        c = page.evaluate(COLOURS)
        bg = parse_color(c["page"])
        where = f"{lang}, {scheme}"
        assert c["label"] == f'"{LABELS[lang]}"' and c["labelDisplay"] != "none", where
        assert c["frameWidth"] >= 1, where
        frame = contrast(parse_color(c["frame"], bg), bg)
        text = contrast(parse_color(c["labelText"], bg), parse_color(c["labelTab"], bg))
        print(f"{where}: frame {frame:.2f}:1 on the page, label {text:.2f}:1 on its tab")
        assert frame >= 3, f"{where}: frame {c['frame']} on {c['page']} is {frame:.2f}:1"
        assert text >= 4.5, f"{where}: label {c['labelText']} on {c['labelTab']}: {text:.2f}:1"

        # the cue, as drawn: a shadow at the right edge, none at the left, and the other way
        # round once scrolled to the end (x = 1 and width - 2: inside a table's 1 px border)
        for kind in ("output", "table"):
            scroller = page.locator(f'[data-clipped="{kind}"]')
            assert scroller.count() == 1, f"{where}: no clipped {kind} on session-fetches"
            scroller.evaluate("el => { el.scrollLeft = 0; }")
            before = Image.open(io.BytesIO(scroller.screenshot())).convert("RGB")
            scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
            after = Image.open(io.BytesIO(scroller.screenshot())).convert("RGB")
            left, right = 1, before.width - 2
            shade = contrast(edge_colour(before, right), bg)
            print(f"{where}: {kind}, cue at the clipped edge {shade:.2f}:1 on the page")
            assert shade >= 3, f"{where}: {kind}: right edge {edge_colour(before, right)}: no cue"
            assert contrast(edge_colour(before, left), bg) < 1.1, f"{where}: {kind}: cue at left"
            assert contrast(edge_colour(after, right), bg) < 1.1, f"{where}: {kind}: cue at end"
            assert contrast(edge_colour(after, left), bg) >= 3, f"{where}: {kind}: none at left"


def test_tables_that_scroll_on_a_phone_can_be_reached_by_keyboard(readers, base_url):
    """axe's scrollable-region-focusable at 390 px: a table that scrolls must take focus."""
    for lang, page in readers.items():
        page.set_viewport_size(PHONE)
        for name in PAGES:
            page.goto(base_url + page_path(name, lang), wait_until="load")
            unreachable = page.evaluate(
                """() => [...document.querySelectorAll('.md-typeset table:not([class])')]
                  .filter(t => t.scrollWidth > t.clientWidth + 1 && t.tabIndex < 0).length"""
            )
            assert unreachable == 0, f"{name} ({lang}): {unreachable} scrolling tables"
