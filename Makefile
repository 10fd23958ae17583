# Registratiewijzer — the two commands of the README, and their set-up.
#   make serve   set up, then build and serve the guide at http://127.0.0.1:8000
#   make test    set up (incl. Debian chromium), then run every test (ruff, node --test, pytest)
#   make test-fast   the same without the browser tests: the edit loop
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve test test-fast lint build check bench wheel setup clean

serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: setup /usr/bin/chromium /usr/bin/pdftotext lint
	PYTHON=$(BIN)/python node --test tests/js/
	$(BIN)/python -m pytest

test-fast: setup lint
	PYTHON=$(BIN)/python node --test tests/js/
	$(BIN)/python -m pytest -m "not browser"

lint: setup
	$(BIN)/ruff check .

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	PYTHONPATH=hooks $(BIN)/python -m guide content

# The calculator's wheel (flit-core, byte-identical on rebuild) with its norms: dist/puntencheck-*.whl
wheel: setup
	PYTHONPATH=hooks $(BIN)/python -m guide.calculator_wheel dist

bench: setup /usr/bin/chromium
	$(BIN)/python -m pytest tests/benchmarks --benchmark-enable -m benchmark_run -s

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's chromium (no Playwright browser download).
/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The print tests read the PDFs Chromium makes (pdftotext) and keep a PNG of each first page (pdftoppm).
/usr/bin/pdftotext:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils

clean:
	rm -rf site dist $(VENV) node_modules build *.egg-info
