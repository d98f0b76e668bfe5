# Usaha Kita: the two commands a trainer needs are `make serve` and `make test`.
# Settings: make serve HOST=0.0.0.0 PORT=8866 CLASS_SIZE=30 LESSON=01-komunikasi-kelompok

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 0.0.0.0
PORT ?= 8866
CLASS_SIZE ?= 30
LESSON ?= 01-komunikasi-kelompok
# Optional parts of pyproject.toml to install; CI adds hub (JupyterHub, for its end-to-end test).
EXTRAS ?= test,postgres

.PHONY: help setup check serve trainer-password test lint test-fast bench clean-notebooks clean slides handout aggregate

help:
	@echo "make serve   start the kit for a class (sets up .venv on first run)"
	@echo "make test    run the whole test suite"
	@echo "make check   is this laptop ready?"
	@echo "make slides  write the lecture decks as offline HTML (slides/build/)"
	@echo "make trainer-password   set (or change) the trainer password"
	@echo "make bench   compare the kit's server with stock Voila"
	@echo "make aggregate   every class's attendance, tests and rules in one Excel file"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	@touch $(STAMP)

setup: $(STAMP)

check: setup
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python -m widgets.kit.check

# The first serve asks for the trainer password when none is set (only at a terminal).
serve: setup
	$(BIN)/python -m widgets.training.access --ensure
	$(BIN)/python -m widgets.kit.server --host $(HOST) --port $(PORT) \
		--class-size $(CLASS_SIZE) --lesson $(LESSON)

trainer-password: setup
	$(BIN)/python -m widgets.training.access

lint: setup
	$(BIN)/ruff check .
	$(BIN)/python -m widgets.kit.nbclean --check lessons slides

# One pytest run, so its closing line counts every test. tests/conftest.py points
# USAHA_KITA_DATA at a throwaway folder before any kernel starts.
test: lint
	$(BIN)/python -m pytest --nbval-lax tests lessons

test-fast: setup
	$(BIN)/python -m pytest tests -m "not browser and not slow"

# Offline decks for a USB stick: slides/build/<deck>.slides.html plus reveal.js and jQuery.
slides: setup
	$(BIN)/python -m widgets.training.build

# The same decks printed to PDF through reveal's print view (needs Chromium).
handout: setup
	$(BIN)/python -m widgets.training.build --pdf

# Every class (USAHA_KITA_DATABASE's, or this laptop's file) in one workbook for a programme
# office; ARGS="--out rekap.xlsx kelas-a.sqlite3 ..." adds SQLite files from other laptops.
aggregate: setup
	$(BIN)/python -m widgets.training.aggregate $(ARGS)

bench: setup
	$(BIN)/python -m bench.run

clean-notebooks: setup
	$(BIN)/python -m widgets.kit.nbclean lessons slides

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
