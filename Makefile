# The two commands of the README: `make run` and `make test`. Both build .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: run test system lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,batch]'
	touch $(STAMP)

DATA ?= ficshelf-data

# Sets up, imports the four sample stories once (a marker file makes it idempotent) and serves the archive.
run: $(STAMP)
	@test -f $(DATA)/.seeds-imported || { $(BIN)/ficshelf import $(SHARED)/seeds/*.txt --data $(DATA) --accept 0.3 && touch $(DATA)/.seeds-imported; }
	$(BIN)/ficshelf serve --host 127.0.0.1 --port 8000 --data $(DATA)

test: $(STAMP) system lint typecheck pytest

# Debian packages the tests use (installed only when missing; needs root, as on CI).
system:
	bash scripts/system-packages.sh postgresql
	bash scripts/system-packages.sh epubcheck
	bash scripts/system-packages.sh chromium

lint:
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck:
	$(BIN)/mypy src

pytest:
	$(BIN)/pytest -q

# Every benchmark, then one combined table (docs/benchmarks.md); e.g. make bench BENCH_ARGS="--quick" or "--no-postgres".
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
