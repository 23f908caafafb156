# petrel: two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= petrel.duckdb

.PHONY: setup demo test bench eval serve clean browser stress

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: setup
	$(BIN)/petrel demo --db $(DB)

test: setup
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/petrel eval

bench: setup
	$(BIN)/python bench/run.py

# long hostile-input and load runs, outside the test suite (docs/benchmarks.md); QUICK=1 for a short pass
stress: setup
	for f in bench/stress/*.py; do $(BIN)/python $$f $(if $(QUICK),--quick) || exit 1; done

serve: setup
	$(BIN)/petrel serve --db $(DB)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache $(DB) $(DB).wal
