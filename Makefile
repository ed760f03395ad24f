# Two commands on a fresh machine: `make serve` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Debian packages the browser tests need; pip cannot install them.
APT_PACKAGES := chromium fonts-noto-cjk

.PHONY: setup system-packages site serve test lint format bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

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

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup system-packages
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf site .cache test-artifacts
