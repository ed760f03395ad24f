"""Turn an executed notebook into Markdown that Material renders like any other page.

Rendering to Markdown (instead of embedding nbconvert HTML) keeps pages light and lets Material
do headings, anchors, admonitions, code copy buttons and search on notebook content too.
"""

import base64
import hashlib
import html
import re
import struct

import markdown as markdown_lib

from . import safety

ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

LABELS = {
    "zh": {
        "download": "下载本页 Notebook（含运行输出）",
        "helper": "辅助函数 `expect`（由构建工具注入，每个演示错误的页面都有）",
        "ran": "本页代码在构建时真实运行，耗时 {seconds:.1f} 秒。",
        "env": "环境：{versions}；{machine}；构建于 {built}。",
        "changed": "环境：{versions}；{machine}；示例最后修改于 {changed}，构建于 {built}。",
        "onednn": {"0": "oneDNN 关闭", "1": "oneDNN 开启"},
        "cpu_only": "只用 CPU",
        "source": "查看本页示例的源文件",
        "threads": "每个运算 {n} 个线程",
        "error": "构建出错：本页显示的是上一次成功构建的结果（如果有）",
        "figure": "图表",
    },
    "en": {
        "download": "Download this page as a notebook (with outputs)",
        "helper": "Helper `expect` (injected by the builder into pages that demonstrate errors)",
        "ran": "The code on this page really ran at build time, in {seconds:.1f} s.",
        "env": "Environment: {versions}; {machine}; built {built}.",
        "changed": (
            "Environment: {versions}; {machine}; example last changed {changed}, built {built}."
        ),
        "onednn": {"0": "oneDNN off", "1": "oneDNN on"},
        "cpu_only": "CPU only",
        "source": "View this example's source",
        "threads": "{n} thread per op",
        "error": "Build error: this page shows the last good build's outputs, if any",
        "figure": "Figure",
    },
}


def _fence(text: str, lang: str) -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}"


# A line that starts with an exception's name and a colon: what expect() prints for a
# demonstrated error (its class, nb-exception, makes the block wrap instead of scroll).
EXCEPTION_LINE_RE = re.compile(r"^(?:\w+\.)*[A-Z]\w*(?:Error|Exception|Warning):", re.MULTILINE)


def _output_block(text: str, classes: str) -> str:
    """Plain text as the HTML a ```text fence becomes, without the round trip through Pygments
    (half of all highlighted blocks are outputs; this makes rebuilds faster)."""
    text = ANSI_RE.sub("", text).rstrip()
    if "nb-error" not in classes and EXCEPTION_LINE_RE.search(text):
        classes += " nb-exception"
    text = html.escape(text, quote=False)
    return f'<div class="{classes} highlight"><pre><code>{text}\n</code></pre></div>'


def _join(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def render_outputs(outputs, images: dict[str, bytes], image_url, lang: str) -> list[str]:
    """Markdown for a code cell's outputs; PNGs go to `images` (name -> bytes), linked by URL.
    An image's alt text is `alt_<lang>` from its output metadata, in the page's language."""
    parts: list[str] = []
    stream_name, stream_text = None, ""

    def flush():
        nonlocal stream_name, stream_text
        if stream_text:
            cls = "nb-output nb-stderr" if stream_name == "stderr" else "nb-output"
            parts.append(_output_block(stream_text, cls))
        stream_name, stream_text = None, ""

    for out in outputs:
        if out["output_type"] == "stream":
            if out["name"] != stream_name:
                flush()
                stream_name = out["name"]
            stream_text += _join(out["text"])
            continue
        flush()
        if out["output_type"] == "error":
            parts.append(_output_block("\n".join(out["traceback"]), "nb-output nb-error"))
            continue
        data = out.get("data", {})
        if "image/png" in data:
            png = base64.b64decode(_join(data["image/png"]))
            name = hashlib.sha256(png).hexdigest()[:16] + ".png"
            images[name] = png
            # one execution serves both languages, so the code passes the description in both:
            # display(fig, metadata={"image/png": {"alt_zh": ..., "alt_en": ...}}); text/plain
            # is only matplotlib's "<Figure size 800x380 with 1 Axes>"
            meta = out.get("metadata", {}).get("image/png", {})
            alt = html.escape(meta.get(f"alt_{lang}") or LABELS[lang]["figure"], quote=True)
            size = ""
            if png[12:16] == b"IHDR":  # width and height reserve the space before it loads
                pixels_w, pixels_h = struct.unpack(">II", png[16:24])
                # Jupyter's display size if given (a retina PNG: half its pixels), else the pixels
                width = int(meta.get("width") or pixels_w)
                height = int(meta.get("height") or round(pixels_h * width / pixels_w))
                size = f' width="{width}" height="{height}"'
            src = image_url(name)
            # a link to the PNG itself: on a phone, tap to open the figure full size and zoom
            parts.append(
                f'<a class="nb-image-link" href="{src}"><img class="nb-image" src="{src}" '
                f'alt="{alt}"{size} loading="lazy" decoding="async"></a>'
            )
        elif "text/html" in data:
            clean = safety.sanitize_html(_join(data["text/html"]))
            parts.append(f'<div class="nb-html" markdown="0">\n{clean}\n</div>')
        elif "text/markdown" in data:
            converted = markdown_lib.markdown(_join(data["text/markdown"]), extensions=["tables"])
            clean = safety.sanitize_html(converted)
            parts.append(f'<div class="nb-html nb-markdown" markdown="0">\n{clean}\n</div>')
        elif "text/plain" in data:
            parts.append(_output_block(_join(data["text/plain"]), "nb-output"))
    flush()
    return parts


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.splitlines())


VERSION_NAMES = {
    "tensorflow": "TensorFlow",
    "keras": "Keras",
    "tf_keras": "tf_keras",
    "numpy": "NumPy",
    "python": "Python",
}


def machine_settings(machine: str, env: dict[str, str], lang: str) -> str:
    """The settings the build pins (execute.PINNED_ENV), as a reader would say them."""
    labels = LABELS[lang]
    parts = [machine, labels["onednn"].get(env.get("TF_ENABLE_ONEDNN_OPTS", ""), "oneDNN ?")]
    if env.get("CUDA_VISIBLE_DEVICES") == "":
        parts.append(labels["cpu_only"])
    if threads := env.get("TF_NUM_INTRAOP_THREADS"):
        parts.append(labels["threads"].format(n=threads))
    return ("，" if lang == "zh" else ", ").join(parts)


def stamp(
    versions: dict[str, str], built: str, lang: str, machine: str, env: dict, changed=None
) -> str:
    """The environment stamp: library versions, the machine settings, the date the example last
    changed (from git, when known) and the build date."""
    listed = ", ".join(f"{VERSION_NAMES[k]} {versions[k]}" for k in VERSION_NAMES if k in versions)
    settings = machine_settings(machine, env, lang)
    label = LABELS[lang]["changed" if changed else "env"]
    return label.format(versions=listed, machine=settings, built=built, changed=changed)


def error_banner(message: str, lang: str) -> str:
    """mkdocs serve only: the example error, above the last good outputs."""
    body = _indent(_fence(message, "text"))
    return f'!!! failure "{LABELS[lang]["error"]}"\n\n{body}\n\n'


# "## Title {#id .collapsible}": the section, up to the next heading of its level or higher, is
# collapsed on the site (a <details> whose summary is the title); a plain heading in Jupyter.
ATTR_HEADING_RE = re.compile(r"^(#{1,6}) (.*?) \{:? ?([^{}]*)\}\s*$")
HEADING_LINE_RE = re.compile(r"^(#{1,6}) ")
FENCE_RE = re.compile(r"^\s*(```+|~~~+)")


def _details_open(heading: str) -> str:
    """The heading itself is the summary (HTML allows one in <summary>): it keeps its id, its
    permalink and its place in the table of contents and the search index, and stays visible
    while the section is folded, so a link or a search result to it lands on it."""
    return (
        '<details class="nb-collapsible" markdown="1">\n'
        f'<summary markdown="block">\n\n{heading}\n\n</summary>\n'
    )


SUMMARY_PERMALINK_RE = re.compile(
    r'(<details class="nb-collapsible">\s*<summary>\s*<h\d[^>]*>.*?)'
    r'<a class="headerlink" href="[^"]*" title="[^"]*">[^<]*</a>',
    re.S,
)


def unlink_summaries(page_html: str) -> str:
    """A summary is itself a control: a permalink inside it is a nested interactive element,
    which screen readers cannot reach (axe: nested-interactive). The heading keeps its id."""
    return SUMMARY_PERMALINK_RE.sub(r"\1", page_html)


def collapse_sections(blocks: list[str], prose: list[bool]) -> list[str]:
    """Wrap each section whose heading has the class .collapsible in a <details> (md_in_html
    parses what is inside as Markdown). Headings are looked for in prose blocks only, outside
    fenced code."""
    out: list[str] = []
    open_level = 0
    for block, is_prose in zip(blocks, prose):
        if not is_prose:
            out.append(block)
            continue
        lines: list[str] = []
        fence = None
        for line in block.split("\n"):
            if found := FENCE_RE.match(line):
                marker = found.group(1)
                if fence is None:
                    fence = marker
                elif marker.startswith(fence):
                    fence = None
            heading = None if fence else HEADING_LINE_RE.match(line)
            if heading:
                level = len(heading.group(1))
                if open_level and level <= open_level:
                    lines += ["", "</details>", ""]
                    open_level = 0
                attr = ATTR_HEADING_RE.match(line)
                if attr and ".collapsible" in attr.group(3).split():
                    lines += ["", _details_open(line)]
                    open_level = level
                    continue
            lines.append(line)
        out.append("\n".join(lines))
    if open_level:
        out.append("</details>")
    return out


def render(
    nb,
    lang: str,
    download_url: str,
    images: dict[str, bytes],
    image_url,
    code_block=None,
    source_url: str | None = None,
) -> str:
    """Markdown for the whole notebook, with a download link and run stamp after the title.
    `code_block` (source -> Markdown) can stand in for the code cells' fences; `source_url`,
    when the repository is known, links the example's source file."""
    labels = LABELS[lang]
    meta = nb.metadata["sitebuild"]
    seconds, changed = meta["run_seconds"], meta.get("changed")
    gap = "" if lang == "zh" else " "  # no space after a full-width "。"
    link = f'<a class="nb-source" href="{source_url}">{labels["source"]}</a>'
    source_link = f" {link}" if source_url else ""
    banner = (
        # raw HTML, not a Markdown link: mkdocs would report the .ipynb as a missing doc page
        f'<a class="md-button nb-download" href="{download_url}" download>'
        f":material-download: {labels['download']}</a>\n\n"
        f'<small class="nb-stamp">{labels["ran"].format(seconds=seconds)}{gap}'
        f"{stamp(meta['versions'], meta['built'], lang, meta['machine'], meta['env'], changed)}"
        + source_link
        + "</small>"
    )
    blocks: list[str] = []
    prose: list[bool] = []  # per block: a prose cell (headings are looked for there)
    helper: list[str] = []
    for cell in nb.cells:
        source = _join(cell["source"])
        role = cell.metadata.get("sitebuild", {}).get("role")
        if role == "how-to":  # for the downloaded notebook; the home page says it for the site
            continue
        is_helper = role == "helper"
        if cell["cell_type"] == "markdown":
            block = source
        else:
            # the helper goes inside an indented admonition, where raw HTML is not recognised
            code = _fence(source, "python") if is_helper or not code_block else None
            block = "\n\n".join(
                [code or code_block(source.rstrip())]
                + render_outputs(cell.get("outputs", []), images, image_url, lang)
            )
        if is_helper:
            helper.append(block)
            if cell["cell_type"] == "code":
                title = f'??? info nb-helper "{labels["helper"]}"'  # nb-helper: not indexed
                blocks.append(f"{title}\n\n" + _indent("\n\n".join(helper)))
                prose.append(False)
                helper = []
            continue
        blocks.append(block)
        prose.append(cell["cell_type"] == "markdown")
    title, _, rest = blocks[0].partition("\n")
    blocks[0] = f"{title}\n\n{banner}\n\n{rest.lstrip()}"
    return "\n\n".join(collapse_sections(blocks, prose)) + "\n"
