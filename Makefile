# BizSuite: `make demo` serves the product with a demo tenant; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_WORKERS ?= auto

.PHONY: install demo test test-external lint format sdk sdk-check openapi bench clean stop

$(STAMP): pyproject.toml $(wildcard sdk/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	if [ -f sdk/pyproject.toml ]; then $(BIN)/python -m pip install -q -e ./sdk; fi
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/bizsuite demo

test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# The same suite against an external PostgreSQL (the local server on 127.0.0.1:5432 here).
test-external: install
	BIZSUITE_DATABASE_URL=$${BIZSUITE_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres} \
		$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

lint: install
	$(BIN)/ruff check platform tests migrations
	$(BIN)/ruff format --check platform tests migrations
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix platform tests migrations
	$(BIN)/ruff format platform tests migrations

openapi: install
	$(BIN)/bizsuite openapi -o sdk/openapi.json

sdk: install
	$(BIN)/python scripts/generate_sdk.py

sdk-check: install
	$(BIN)/python scripts/generate_sdk.py --check

bench: install
	$(BIN)/python -m pytest tests/bench -p no:xdist -s

stop:
	-$(BIN)/bizsuite db stop

clean: stop
	rm -rf $(VENV) .test-data var/pg
