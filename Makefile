# Velkommen — `make run` sets everything up and serves the site; `make test` runs the whole suite.
.DEFAULT_GOAL := help
SHELL := /bin/bash

ifeq ($(origin PYTHON), undefined)
PYTHON := $(shell for p in python3 python3.13 python3.12 python3.11; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && command -v $$p && break; done)
endif
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

-include .env
export

.PHONY: help install catalogs setup run test lint checks pytest messages bench backup restore clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11, python3.12, ...)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

install: $(BIN)/.installed catalogs ## Create .venv, install the locked dependencies, compile catalogs

catalogs: $(BIN)/.installed
	@$(MANAGE) catalogs compile

setup: install ## Migrate, load the demo site in every language, create the development admin
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@$(MANAGE) ensure_dev_admin --url http://$(HOST):$(PORT)/admin/

run: setup ## Set everything up and serve on http://127.0.0.1:8000
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Lint, checks, stale-catalog check and the whole test suite (browser tests included)
	@.ci/system-packages
	$(MAKE) --no-print-directory lint checks pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

checks: export DJANGO_SETTINGS_MODULE = welcome.settings.test
checks:
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) catalogs check

pytest:
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q

messages: $(BIN)/.installed ## Extract interface strings into locales/*/LC_MESSAGES/django.po
	$(MANAGE) catalogs update

bench: setup ## Run the benchmarks in bench/ and print their figures
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

backup: $(BIN)/.installed ## Back up the SQLite database and media into backups/ (OUTPUT=file to choose)
	$(MANAGE) backup $(if $(OUTPUT),--output $(OUTPUT))

restore: $(BIN)/.installed ## Restore a backup: make restore BACKUP=backups/x.tar.gz [FORCE=1]
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/velkommen-....tar.gz [FORCE=1]"; exit 1; }
	$(MANAGE) restore $(BACKUP) $(if $(FORCE),--force)

clean: ## Remove the virtualenv, database and compiled files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* static
	find . -name __pycache__ -prune -exec rm -rf {} +
