# Two commands a newcomer needs: `make serve` (preview the site) and `make test`.
# Both create .venv and install pinned dependencies first, so they work on a fresh clone.
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check clean

serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve

build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.installed
	$(VENV)/bin/glossary check

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check hooks tests
	$(VENV)/bin/glossary check
	$(PY) -m pytest

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

clean:
	rm -rf site $(VENV)
