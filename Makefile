# Yhdessä: `make run` serves the Tesoma demo on http://127.0.0.1:$(PORT); `make test` runs every test.
# Each target installs what it needs and is idempotent; a second run skips what is done.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMPS := .local/stamps
# Both gettext domains: django (Python, templates) and djangojs (static/js, via jsi18n/).
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po locale/*/LC_MESSAGES/djangojs.po)
MO_FILES := $(PO_FILES:.po=.mo)
# The maps' front-end libraries (npm, package-lock.json), built into .local/vendor/ by esbuild.
VENDOR := .local/vendor/.built
# pytest-xdist processes for make test, each with its own test database: one per core.
TEST_WORKERS ?= auto

export DJANGO_SETTINGS_MODULE ?= config.settings.local

# The queue's worker in the background for as long as the server runs (in its own process group,
# so Ctrl-C reaches only the server; the worker gets one SIGTERM and finishes the step in hand).
WITH_WORKER = setsid $(BIN)/python manage.py worker & worker=$$!; \
	trap 'kill -TERM -- -$$worker 2>/dev/null; wait $$worker' EXIT;

.PHONY: help run dev test stop clean db migrate demo lint format messages lock deps-run deps-test bench backup restore replica replica-stop

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: deps-run $(BIN)/.installed $(MO_FILES) $(VENDOR) .local/secret_key db migrate demo ## Serve the site with the Tesoma demo (gunicorn, PORT=8000)
	$(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Yhdessä: http://127.0.0.1:$(PORT)/  (stop with Ctrl-C; 'make stop' stops the database)"
	@echo "The queue's worker (e-mail, notifications) runs beside it: manage.py worker"
	@$(WITH_WORKER) DJANGO_SETTINGS_MODULE=$(DJANGO_SETTINGS_MODULE) PORT=$(PORT) \
		$(BIN)/gunicorn --config platform/gunicorn.conf.py config.wsgi:application

dev: deps-run $(BIN)/.installed $(MO_FILES) $(VENDOR) .local/secret_key db migrate demo ## Django's autoreloading server with DEBUG on
	@export DEBUG=true; $(WITH_WORKER) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: deps-test $(BIN)/.installed $(MO_FILES) $(VENDOR) db ## Run the whole suite: unit, API, and browser tests in Chromium
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal --durations=25

lint: $(BIN)/.installed ## ruff (lint and format check) and djlint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: $(BIN)/.installed ## Format Python with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

deps-run: ## Debian packages for running (PostgreSQL 15 + PostGIS 3, GDAL, gettext)
	@platform/install-debian.sh run

deps-test: ## Debian packages for testing (adds Chromium)
	@platform/install-debian.sh test

$(BIN)/.installed: requirements/dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements/dev.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

$(VENDOR): node_modules/.installed platform/frontend/build.mjs platform/frontend/mvt.js
	node platform/frontend/build.mjs

# This installation's own SECRET_KEY (config.settings.local reads it unless SECRET_KEY is set):
# made on first run, readable by its owner only, never committed (.local/ is ignored by git).
.local/secret_key:
	@mkdir -p .local
	@(umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' >$@.tmp) && mv $@.tmp $@
	@echo "Generated this installation's secret key in $@ (keep it; never commit it)."

locale/%.mo: locale/%.po
	msgfmt --check -o $@ $<

db: ## Start the project's PostGIS under .local/ (skipped when DATABASE_URL is set)
	@if [ -z "$$DATABASE_URL" ]; then platform/localdb.sh start; fi

migrate: db $(BIN)/.installed .local/secret_key
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py createcachetable

demo: migrate ## Load the Tesoma demo (idempotent)
	$(BIN)/python manage.py load_demo

BENCH_DB ?= yhdessa_bench
BENCH_N ?= 100000
# Run in this order; a module whose file is absent is skipped, one that fails is a NOT MET row.
BENCH_MODULES ?= map_api tiles analysis exports load
bench: deps-run $(BIN)/.installed $(MO_FILES) $(VENDOR) .local/secret_key ## Benchmark on BENCH_N (100000) synthetic contributions: one table of figures, goals, comparators
	@# With BENCH_DATABASE_URL, the given server; else the project's own, started here.
	@[ -n "$$BENCH_DATABASE_URL" ] || YHDESSA_DB_NAME=$(BENCH_DB) platform/localdb.sh start
	@export DATABASE_URL="$${BENCH_DATABASE_URL:-$$(YHDESSA_DB_NAME=$(BENCH_DB) platform/localdb.sh url)}"; \
	echo "bench: $(BENCH_N) contributions in $$DATABASE_URL"; \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	$(BIN)/python manage.py createcachetable && \
	$(BIN)/python -m tests.benchmarks.seed $(BENCH_N) || exit 1; \
	$(BIN)/python -m tests.benchmarks.report reset; \
	for module in $(BENCH_MODULES); do \
		if [ ! -f tests/benchmarks/$$module.py ]; then echo "bench: no tests/benchmarks/$$module.py, skipped"; continue; fi; \
		echo; echo "bench: tests.benchmarks.$$module ($$(date +%T))"; \
		$(BIN)/python -m tests.benchmarks.$$module || $(BIN)/python -m tests.benchmarks.report failed $$module $$?; \
	done; \
	$(BIN)/python -m tests.benchmarks.report

backup: db ## Back up the database and MEDIA_ROOT into BACKUP_DIR/<time>/ (default .local/backups)
	@platform/backup.sh

restore: db ## Restore a backup: make restore BACKUP=.local/backups/<time> [FRESH=1]; stop the app first
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=<backup folder> [FRESH=1]" >&2; exit 2; }
	@platform/restore.sh "$(BACKUP)" $(if $(FRESH),--fresh)

# A primary, a streaming replica and PgBouncer (transaction mode) under .local/, migrated through
# PgBouncer (docs/deployment.md, decision 0028). Serve the site on them with
#   export $$(platform/replica.sh url) && make run
replica: $(BIN)/.installed .local/secret_key ## Start a PostGIS primary, a streaming replica and PgBouncer under .local/
	@platform/install-debian.sh replica
	@platform/replica.sh start
	@$(MAKE) -s .local/pg-primary/migrated
	@platform/replica.sh status
	@echo 'Serve the site on them:  export $$(platform/replica.sh url) && make run'

# Inside the primary's folder, so a removed cluster is migrated again; a second `make replica`
# then starts nothing and migrates nothing.
.local/pg-primary/migrated: $(wildcard */migrations/*.py)
	export $$(platform/replica.sh url) && $(BIN)/python manage.py migrate --noinput -v0 && \
		$(BIN)/python manage.py createcachetable
	@touch $@

replica-stop: ## Stop the replica, its primary and PgBouncer
	@platform/replica.sh stop

stop: ## Stop the local PostGIS
	@platform/localdb.sh stop

clean: stop ## Remove .local/ (database, static files) and .venv
	rm -rf .local $(VENV)

messages: $(BIN)/.installed ## Extract translatable strings into locale/{fi,sv} (Python, templates, scripts)
	$(BIN)/python manage.py makemessages -l fi -l sv --no-obsolete --ignore=.venv --ignore=.local
	$(BIN)/python manage.py makemessages -d djangojs -l fi -l sv --no-obsolete --ignore=.venv --ignore=.local --ignore=node_modules

lock: $(BIN)/.installed ## Re-resolve requirements/*.in into the lock files
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o base.lock base.in
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o dev.lock dev.in
