# Everything goes through .venv, created on first use from the pinned dependencies in pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run serve test lint format messages bench backup restore clean

# The interface's translations, compiled from locale/*/LC_MESSAGES/django.po by Babel (no GNU gettext).
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

install: $(STAMP) $(MESSAGES)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel -q compile -i $< -o $@

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $(STAMP)

# The task worker (imports started in the admin) runs beside the web server, and stops with it.
run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production mode on this machine: DEBUG off, static files collected (hashed, compressed), gunicorn.
# Plain http here (HTTPS=0); a deployment sets HTTPS=1, SECRET_KEY and ALLOWED_HOSTS (README).
serve: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=0 $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=0 $(BIN)/gunicorn -c python:festival.gunicorn_conf

# In parallel, a process per core (TEST_WORKERS=0 runs it in this one), each with its own test database.
TEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# Builds (once) a 1,000,000-quote archive on PostgreSQL and measures search; see bench/README.md.
bench: install
	cd bench && ../$(BIN)/python build_archive.py && ../$(BIN)/python search_bench.py

# The whole archive to backups/archive-<date>.xml.gz (or BACKUP=file), and back into a database:
# `make restore BACKUP=file` refuses a database that holds coverage unless REPLACE=1.
backup: install
	$(BIN)/python manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/archive-….xml.gz [REPLACE=1]"; exit 2; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py restore $(BACKUP) $(if $(REPLACE),--replace)

# After changing texts of the interface: gathers them into the .po files (needs GNU gettext's
# xgettext and msgmerge), to be translated there; tests/test_translations.py fails until they are.
messages: install
	$(BIN)/python manage.py makemessages -l fr -l de --add-location=file \
		--ignore=.venv --ignore=bench --ignore=tests --ignore=build

# Style and complexity (ruff), the architecture's layers and the absence of import cycles
# (import-linter, the contracts in pyproject.toml), and the sizes of modules, functions and
# template lines (.ci/code_shape.py). docs/architecture.md says why each layer is where it is.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python .ci/code_shape.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
