# The README's two commands are `make demo` and `make test`; .ci/run calls `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: setup demo test bench-ingest bench-polnear bench-speed bench-tempeval bench-incremental bench-parallel bench-faults bench-fuzz bench-scale clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	touch $@

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/parley ingest --db $(DEMO_DB) parley/data/sample || [ $$? -eq 1 ]
	$(BIN)/parley analyse --db $(DEMO_DB) || [ $$? -eq 1 ]
	$(BIN)/parley brief --db $(DEMO_DB)

test: setup
	$(BIN)/ruff check parley tests
	$(BIN)/ruff format --check parley tests
	$(BIN)/mypy
# The PostgreSQL store's tests need a server: the script installs and starts one (as root) and prints
# its URL, unless PARLEY_TEST_POSTGRES is set already (set it empty to skip those tests).
# The dashboard's tests need a browser: the second script installs Debian's chromium (as root) and
# prints its path, unless PARLEY_TEST_CHROMIUM is set already.
	if [ -z "$${PARLEY_TEST_POSTGRES+set}" ]; then \
	    exports=$$(bash scripts/postgres-for-tests.sh) || exit 1; eval "$$exports"; \
	fi; \
	if [ -z "$${PARLEY_TEST_CHROMIUM+set}" ]; then \
	    exports=$$(bash scripts/browser-for-tests.sh) || exit 1; eval "$$exports"; \
	fi; \
	$(BIN)/python -m pytest -q -ra

bench-ingest: setup
	$(BIN)/python -m parley.bench.ingest --articles 10000

bench-speed: setup
	$(BIN)/python -m parley.bench.speed --limit 200

bench-polnear: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m parley.bench.polnear ../shared/datasets/polnear/dev

bench-tempeval: setup
	$(BIN)/python -m parley.bench.tempeval ../shared/datasets/tempeval3

bench-incremental: setup
	$(BIN)/python -m parley.bench.incremental --articles 10000 --new 10

bench-parallel: setup
	$(BIN)/python -m parley.bench.parallel --articles 400 --local

bench-scale: setup
	eval "$$(bash scripts/postgres-for-tests.sh)" && nice -n 10 $(BIN)/python -m parley.bench.scale --articles 100000 --slice 10000 --work /var/tmp/parley-scale --postgres "$$PARLEY_TEST_POSTGRES"

bench-faults: setup
	$(BIN)/python -m parley.bench.faults --kills 20 --articles 10000 --analyse-articles 40

bench-fuzz: setup
	$(BIN)/python -m parley.bench.fuzz --examples 100000

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache $(DEMO_DB)*
