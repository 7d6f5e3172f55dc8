# BizSuite: `make demo` serves the product with a demo tenant; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_WORKERS ?= auto

.PHONY: install translations browser-deps pgbouncer-deps demo test test-external lint format sdk sdk-check openapi bench \
	clean stop screenshots messages fuzz

$(STAMP): pyproject.toml $(wildcard sdk/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	if [ -f sdk/pyproject.toml ]; then $(BIN)/python -m pip install -q -e ./sdk; fi
	touch $(STAMP)

# Front-end libraries from the npm registry (pinned by package-lock.json, never committed).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Bundles built from those packages (a tree-shaken ECharts); the output is never committed.
ASSETS := platform/bizsuite/web/static/build/echarts.min.js
$(ASSETS): node_modules/.package-lock.json scripts/build_assets.mjs scripts/assets/echarts.js
	node scripts/build_assets.mjs

# Compiled message catalogs (the .po files are the source).
translations: $(STAMP)
	$(BIN)/python scripts/translations.py compile

install: $(STAMP) node_modules/.package-lock.json $(ASSETS) translations

# Browser tests drive Debian's Chromium (never a downloaded browser) with a CJK font.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then \
		echo "installing chromium and a CJK font from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium fonts-wqy-microhei >/dev/null; \
	fi

# The PgBouncer tests run Debian's pgbouncer (transaction mode, in front of the test PostgreSQL;
# never started as a service: the tests start their own on a free port).
pgbouncer-deps:
	@if [ ! -x /usr/sbin/pgbouncer ]; then \
		echo "installing pgbouncer from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			pgbouncer >/dev/null; \
	fi

demo: install
	$(BIN)/bizsuite demo

test: install browser-deps pgbouncer-deps
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# The same suite against an external PostgreSQL (the local server on 127.0.0.1:5432 here).
test-external: install browser-deps pgbouncer-deps
	BIZSUITE_DATABASE_URL=$${BIZSUITE_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres} \
		$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

lint: install
	$(BIN)/ruff check platform tests migrations scripts sdk/bizsuite_sdk
	$(BIN)/ruff format --check platform tests migrations scripts sdk/bizsuite_sdk
	$(BIN)/mypy
	$(BIN)/mypy --strict sdk/bizsuite_sdk
	MYPYPATH=sdk $(BIN)/mypy --strict sdk/examples/typed_usage.py
	$(BIN)/python scripts/translations.py check

format: install
	$(BIN)/ruff check --fix platform tests migrations scripts sdk/bizsuite_sdk
	$(BIN)/ruff format platform tests migrations scripts sdk/bizsuite_sdk

openapi: install
	$(BIN)/bizsuite openapi -o sdk/openapi.json

sdk: install
	$(BIN)/python scripts/generate_sdk.py

sdk-check: install
	$(BIN)/python scripts/generate_sdk.py --check

# Re-extract messages into the catalogs after changing UI text; then translate the new zh-CN entries.
messages: install
	$(BIN)/python scripts/translations.py extract
	$(BIN)/python scripts/translations.py check

# Retake the user guide's screenshots with the browser tests.
screenshots: install browser-deps
	BIZSUITE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser -p no:xdist -q

# The contract and hostile-input fuzzing with the long profile (make test runs the fast one):
# many examples per operation. BIZSUITE_FUZZ_EXAMPLES and BIZSUITE_FUZZ_SEED tune it.
fuzz: install
	BIZSUITE_FUZZ=long $(BIN)/python -m pytest tests/fuzz -p no:xdist -q

bench: install
	$(BIN)/python -m pytest tests/bench -p no:xdist -s -m bench

stop:
	-$(BIN)/bizsuite db stop

clean: stop
	rm -rf $(VENV) node_modules .test-data var/pg
