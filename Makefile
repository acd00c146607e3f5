# Two commands a newcomer needs: `make serve` (preview the site) and `make test`.
# Both create .venv and install pinned dependencies first, so they work on a fresh clone.
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check clean bench bench-search chromium audit

serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve

build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.installed
	$(VENV)/bin/glossary check

test: $(VENV)/.installed-test node_modules/.package-lock.json chromium
	$(VENV)/bin/ruff check hooks tests bench
	$(VENV)/bin/ruff format --check hooks tests bench
	$(VENV)/bin/glossary check
	$(PY) -m pytest -n auto --dist loadfile  # a test file's tests share one worker and its fixtures

# Lighthouse on a term page, the index and an explainer (SEO 100, accessibility and best
# practices 95 at least); tests/browser/test_lighthouse.py runs the same audit in `make test`.
audit: $(VENV)/.installed node_modules/.package-lock.json chromium
	$(VENV)/bin/mkdocs build --strict
	$(VENV)/bin/glossary audit site

# The benchmark (bench/run.py): N = 1,000 and 10,000 terms by default, about an hour;
# `make bench BENCH_ARGS=--quick` builds N = 100 in under a minute.
# `make bench BENCH_ARGS=--huge` (bench/huge.py) builds 100,000 terms, then 10,000, about
# an hour: time, memory of the whole process tree and site size, and nothing else.
bench: $(VENV)/.installed-test chromium  # Playwright and Chromium time the search
	$(PY) bench/run.py $(BENCH_ARGS)
ifeq (,$(findstring --huge,$(BENCH_ARGS)))
	$(PY) bench/lessons.py $(LESSON_ARGS)  # 2,000 lessons: their cost against hand-written pages
	$(PY) bench/search_engines.py $(SEARCH_ARGS)  # Pagefind and lunr on a phone's network
	$(PY) bench/languages.py $(LANGUAGE_ARGS)  # a second language at 1,000 terms
endif

# The search part alone: `make bench-search SEARCH_ARGS=--sizes=50000` (or with
# `--engines=pagefind`: lunr's 50,000-term build adds half an hour).
bench-search: $(VENV)/.installed-test chromium
	$(PY) bench/search_engines.py $(SEARCH_ARGS)

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

# Browser tests (tests/browser/) drive Debian's Chromium; as root (CI) it is installed here,
# otherwise the tests fail and say how to install it.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

# axe-core for the accessibility tests, at the version package-lock.json pins.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site $(VENV)
