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

export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: help run dev test stop clean db migrate demo lint format messages lock deps-run deps-test bench

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: deps-run $(BIN)/.installed $(MO_FILES) db migrate demo ## Serve the site with the Tesoma demo (gunicorn, PORT=8000)
	$(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Yhdessä: http://127.0.0.1:$(PORT)/  (stop with Ctrl-C; 'make stop' stops the database)"
	DJANGO_SETTINGS_MODULE=$(DJANGO_SETTINGS_MODULE) PORT=$(PORT) \
		$(BIN)/gunicorn --config platform/gunicorn.conf.py config.wsgi:application

dev: deps-run $(BIN)/.installed $(MO_FILES) db migrate demo ## Django's autoreloading server with DEBUG on
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: deps-test $(BIN)/.installed $(MO_FILES) db ## Run the whole suite: unit, API, and browser tests in Chromium
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest

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

locale/%.mo: locale/%.po
	msgfmt --check -o $@ $<

db: ## Start the project's PostGIS under .local/ (skipped when DATABASE_URL is set)
	@if [ -z "$$DATABASE_URL" ]; then platform/localdb.sh start; fi

migrate: db $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py createcachetable

demo: migrate ## Load the Tesoma demo (idempotent)
	$(BIN)/python manage.py load_demo

BENCH_DB := yhdessa_bench
BENCH_N ?= 100000
bench: deps-run $(BIN)/.installed ## Benchmark the map API on BENCH_N synthetic contributions (own database)
	YHDESSA_DB_NAME=$(BENCH_DB) platform/localdb.sh start
	export DATABASE_URL="$${BENCH_DATABASE_URL:-$$(YHDESSA_DB_NAME=$(BENCH_DB) platform/localdb.sh url)}"; \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	$(BIN)/python manage.py createcachetable && \
	$(BIN)/python manage.py load_demo >/dev/null && \
	$(BIN)/python manage.py seed_synthetic --contributions $(BENCH_N) --replace && \
	$(BIN)/python -m tests.benchmarks.map_api

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
