"""Same inputs everywhere: the lock covers every pin, and setup refuses an unsupported Python."""

import re
import subprocess
import sys
import textwrap

from conftest import ROOT


def pins(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.M):
        found.setdefault(re.sub(r"[-_.]+", "-", name.lower()), set()).add(version)
    return found


def test_the_lock_pins_every_direct_dependency_with_hashes():
    direct = pins((ROOT / "requirements.txt").read_text())
    locked = pins((ROOT / "requirements.lock").read_text())
    for name, versions in direct.items():
        assert versions <= locked.get(name, set()), f"{name}: run `make lock` ({versions})"
    blocks = re.split(r"\n(?=[A-Za-z])", (ROOT / "requirements.lock").read_text())
    for block in blocks[1:]:
        assert "--hash=sha256:" in block, f"no hash: {block.splitlines()[0]}"
    assert "--require-hashes --no-deps -r requirements.lock" in (ROOT / "Makefile").read_text()


def test_setup_refuses_an_unsupported_python(tmp_path):
    fake = tmp_path / "python3.12"
    fake.write_text(
        textwrap.dedent(f"""\
            #!{sys.executable}
            import sys
            sys.version_info, sys.version = (3, 12, 1, "final", 0), "3.12.1 (fake)"
            exec(sys.argv[2])
        """)
    )
    fake.chmod(0o755)
    result = subprocess.run(
        ["make", "-s", "check-python", f"PYTHON={fake}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Python 3.12.1 is not supported: use Python 3.11 (3.11.5 or newer)" in result.stderr
    ok = subprocess.run(["make", "-s", "check-python"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
