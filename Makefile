# Two commands on a fresh machine: `make serve` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Debian packages the browser tests need; pip cannot install them.
APT_PACKAGES := chromium fonts-noto-cjk

# The examples assert error texts that change between Python releases, and the lock is resolved
# for 3.11.5 and newer (pymdown-extensions differs below it).
CHECK_PYTHON := import sys; v = sys.version_info[:3]; sys.exit(0 if (3, 11, 5) <= v < (3, 12) else \
  f"Python {sys.version.split()[0]} is not supported: use Python 3.11 (3.11.5 or newer), " \
  "e.g. make PYTHON=python3.11 ...")
PIP_VERSION := 26.3
UV_VERSION := 0.13.9

.PHONY: setup system-packages site serve test lint format bench clean lock check-python drift matrix

setup: check-python $(VENV)/.installed

check-python:
	@$(PYTHON) -c '$(CHECK_PYTHON)'

# Every installed package comes from requirements.lock, pinned with its hashes (pip checks them).
$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet pip==$(PIP_VERSION)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip check
	touch $@

# Regenerate the lock from requirements.txt (the direct dependencies) with uv, for every platform.
lock: check-python
	$(PYTHON) -m venv .cache/uv
	.cache/uv/bin/pip install --quiet uv==$(UV_VERSION)
	UV_CUSTOM_COMPILE_COMMAND="make lock" .cache/uv/bin/uv pip compile requirements.txt \
	  --universal --python-version 3.11.5 --generate-hashes --quiet -o requirements.lock

system-packages:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
	  echo "system packages present: $(APT_PACKAGES)"; \
	else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	fi

site: setup
	$(BIN)/mkdocs build --strict

serve: site
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# The site is built once (examples execute two at a time), then two pytest workers share it
# (worksteal: an idle worker takes queued tests, so the two longest never queue on one worker).
test: setup system-packages lint site
	SITE_DIR=site $(BIN)/pytest -n 2 --dist worksteal

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup system-packages
	$(BIN)/python benchmarks/bench.py

# Drift report: every example on the newest releases of DRIFT_PACKAGES (and whatever they move),
# compared cell by cell with the pinned build's outputs. Its own venv, reused between runs and
# upgraded on each. Exits 0 whenever .cache/drift/report.md and report.json are written, drift or
# not; non-zero only if the run could not be set up (install, pinned outputs, no kernel).
DRIFT_VENV := .cache/drift/venv
DRIFT_PACKAGES := tensorflow keras tf-keras numpy

drift: setup site $(DRIFT_VENV)/.installed
	$(DRIFT_VENV)/bin/pip install --quiet --upgrade $(DRIFT_PACKAGES)
	$(DRIFT_VENV)/bin/python -m sitebuild.drift

# The lock first, as `make setup` installs it; made afresh when the lock changes, so nothing an
# earlier upgrade pulled in stays behind.
$(DRIFT_VENV)/.installed: requirements.lock
	rm -rf $(DRIFT_VENV)
	$(PYTHON) -m venv $(DRIFT_VENV)
	$(DRIFT_VENV)/bin/pip install --quiet pip==$(PIP_VERSION)
	$(DRIFT_VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

# Version matrix: every example on each release of matrix/releases.toml (a venv of its own per
# release, .cache/matrix/<release>/venv), results committed in matrix/results/ and shown on every
# page. Runs only what is stale (code changed, versions changed); FORCE=1 runs all; a subset:
# make matrix RELEASES=2.15 EXAMPLES=quick_start. Pinned outputs missing from .cache/notebooks
# are executed first (as `python -m sitebuild <slug>` does). JOBS: examples at a time.
matrix: setup
	$(BIN)/python -m sitebuild.matrix \
	  $(if $(RELEASES),--releases $(RELEASES)) $(if $(EXAMPLES),--examples $(EXAMPLES)) \
	  $(if $(FORCE),--force) $(if $(JOBS),--jobs $(JOBS))

clean:
	rm -rf site .cache test-artifacts
