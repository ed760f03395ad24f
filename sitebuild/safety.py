"""What an example may put on the site: checked after it runs, before anything is cached.

- Outputs must not reveal the build machine (local paths, home folders, memory addresses) and
  must stay under a size limit.
- HTML outputs are sanitized once, here, so the page and the downloaded notebook carry the same
  safe markup: no scripts, no event handlers, no URLs to other hosts.
- Files are published only from inside `downloads/`: regular files, no links of any kind.
"""

import json
import os
import re
import stat
import sys
from pathlib import Path

import nh3

OUTPUT_LIMIT = 512 * 1024  # bytes of outputs one cell may produce (the largest today: ~60 KB)
DOWNLOADS_LIMIT = 20 * 1024 * 1024  # bytes an example may publish in downloads/

ADDRESS_RE = re.compile(r"\b0x[0-9a-fA-F]{8,}\b")  # id()-style addresses: differ every run
HOME_RE = re.compile(r"(?<![\w./-])(?:/root|/home/[^/\s'\"]+|/Users/[^/\s'\"]+)(?=[/\s'\"]|$)")


class UnsafeOutput(Exception):
    """An output or file that must not be published; the message says what and why."""


def local_paths(*extra: Path) -> list[str]:
    """Paths of this machine that must never appear in a published output."""
    roots = {sys.prefix, sys.base_prefix, os.path.expanduser("~"), *map(str, extra)}
    found = set()
    for root in roots:
        if root and root != "/":
            found.add(root)
            found.add(os.path.realpath(root))
    return sorted(found, key=len, reverse=True)


def output_text(outputs) -> str:
    """Everything a reader can read in a cell's outputs (images aside)."""
    parts = []
    for out in outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "error":
            parts += [out.ename, out.evalue, *out.traceback]
        else:
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/") or mime.endswith("json"):
                    parts.append(value if isinstance(value, str) else json.dumps(value))
    return "\n".join(parts)


def check_outputs(outputs, paths: list[str]) -> None:
    """Raise UnsafeOutput if a cell's outputs are too large or reveal the build machine."""
    size = len(json.dumps(outputs))
    if size > OUTPUT_LIMIT:
        raise UnsafeOutput(
            f"outputs are {size / 1024 / 1024:.1f} MB ({size} bytes), over the limit of "
            f"{OUTPUT_LIMIT // 1024} KB per cell; print a summary instead"
        )
    text = output_text(outputs)
    for path in paths:
        if path in text:
            raise UnsafeOutput(f"output shows a local path ({_context(text, path)}); {_HINT}")
    for regex, what in ((HOME_RE, "a home folder"), (ADDRESS_RE, "a memory address")):
        if match := regex.search(text):
            raise UnsafeOutput(f"output shows {what} ({_context(text, match.group())}); {_HINT}")


_HINT = "it differs on every machine or run: print something that does not"


def _context(text: str, found: str) -> str:
    at = text.index(found)
    return repr(text[max(0, at - 40) : at + len(found) + 20])


def _safe_url(value: str) -> bool:
    """Links and images may point inside the page or carry their data, never to another host."""
    return value.startswith("#") or value.startswith("data:image/")


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr in ("href", "src", "srcset", "cite", "longdesc", "action") and not _safe_url(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """Scripts, styles, event handlers and outside URLs removed; tables and text kept."""
    return nh3.clean(
        html,
        clean_content_tags={"script", "style"},
        attribute_filter=_filter,
        url_schemes={"data"},
        link_rel=None,
    )


def collect_downloads(folder: Path) -> dict[str, bytes]:
    """The files an example wrote to `folder` (downloads/), by relative POSIX path.

    Only regular files created inside it are published: a symbolic link, a hard link (it may be
    a name for a file from anywhere on the same disk) or a special file stops the build."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise UnsafeOutput("downloads/ is not a folder the example created (a link or a file)")
    files: dict[str, bytes] = {}
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames) + sorted(filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            mode = path.lstat()
            if stat.S_ISLNK(mode.st_mode):
                raise UnsafeOutput(
                    f"downloads/{rel} is a symbolic link (to {os.readlink(path)}); "
                    "an example publishes only files it writes inside downloads/"
                )
            if stat.S_ISDIR(mode.st_mode):
                continue
            if not stat.S_ISREG(mode.st_mode):
                raise UnsafeOutput(f"downloads/{rel} is not a regular file")
            if mode.st_nlink > 1:
                raise UnsafeOutput(
                    f"downloads/{rel} is a hard link ({mode.st_nlink} names for one file); "
                    "an example publishes only files it writes inside downloads/"
                )
            total += mode.st_size
            if total > DOWNLOADS_LIMIT:
                raise UnsafeOutput(
                    f"downloads/ holds over {DOWNLOADS_LIMIT // 1024 // 1024} MB (at {rel})"
                )
            files[rel] = path.read_bytes()
    return dict(sorted(files.items()))


SAFE_NAME_RE = re.compile(r"[\w.-]+(?:/[\w.-]+)*")


def check_download_name(name: str) -> str | None:
    """Why a `download:NAME` link may not be published, or None if it may."""
    parts = name.split("/")
    if not SAFE_NAME_RE.fullmatch(name) or any(p in ("", ".", "..") for p in parts):
        return "a download link names a file inside downloads/ (no '..', no absolute path)"
    return None
