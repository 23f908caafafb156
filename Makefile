# petrel: two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= petrel.duckdb

.PHONY: setup demo test bench bench-large eval serve clean browser model span-head stress

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

# the event model: fine-tune MiniLM on training/ with a fixed seed, export int8 ONNX to src/petrel/data/model,
# graft the span head on the trained encoder, tune the blend (what ships; docs/model.md)
model: setup
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python -m petrel.model.train training --out src/petrel/data/model
	$(BIN)/python -m petrel.model.train.span_probe src/petrel/data/model --corpus training
	$(BIN)/python -m petrel.model.tune training --model src/petrel/data/model

# the span head alone, on the shipped encoder (type and mode outputs unchanged; docs/model.md, "Argument spans")
span-head: setup
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python -m petrel.model.train.span_probe src/petrel/data/model --corpus training

bench: setup
	$(BIN)/python bench/run.py
	$(BIN)/python bench/fast_start.py

# Long runs outside CI: 1,000 articles into an empty store and into a generated 1M-mention store (built
# once, ~15 min, kept in BIG_DB), store side and end to end through the pipeline.
BIG_DB ?= /tmp/petrel-bench-1m.duckdb
bench-large: setup
	nice $(BIN)/python bench/big_store.py --db $(BIG_DB) --e2e

# Long hostile and load runs, outside the default suite: every script in bench/stress/ runs in turn
# (each bounded in count and time); the target fails if any script failed. STRESS=PATTERN picks some;
# QUICK=1 gives the reader fuzzer and the kill test their short pass.
STRESS ?= *
stress: setup
	@failed=""; for script in bench/stress/$(STRESS).py; do \
		echo "== $$script"; quick=""; if [ -n "$(QUICK)" ] && grep -q -- "--quick" $$script; then quick="--quick"; fi; \
		nice $(BIN)/python $$script $$quick || failed="$$failed $$script"; \
	done; if [ -n "$$failed" ]; then echo "stress FAILED:$$failed"; exit 1; fi; echo "stress: all passed"

serve: setup
	$(BIN)/petrel serve --db $(DB)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache $(DB) $(DB).wal
