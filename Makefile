# Usaha Kita: the two commands a trainer needs are `make serve` and `make test`.
# Settings: make serve HOST=0.0.0.0 PORT=8866 CLASS_SIZE=30 LESSON=01-komunikasi-kelompok VILLAGE=jepara
# Every target calls `python -m usaha_kita <command>` (widgets/kit/cli.py), which is also how a
# laptop without make runs the kit (docs/laptop-windows-macos.md).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KIT := $(BIN)/python -m usaha_kita
STAMP := $(VENV)/.installed-stamp
HOST ?= 0.0.0.0
PORT ?= 8866
CLASS_SIZE ?= 30
LESSON ?= 01-komunikasi-kelompok
# Optional parts of pyproject.toml to install; CI adds hub (JupyterHub, for its end-to-end test).
EXTRAS ?= test,postgres
# The village folder in datasets/ (default: $USAHA_KITA_VILLAGE, else jepara), for serve, check
# and check-village; make new-village NAME=desa-baru starts a new one.
VILLAGE ?=
VILLAGE_ARG = $(if $(VILLAGE),--village $(VILLAGE))
NAME ?=

.PHONY: help setup check serve trainer-password test lint test-fast bench clean-notebooks clean slides handout aggregate workbook check-village new-village

help:
	@echo "make serve   start the kit for a class (sets up .venv on first run)"
	@echo "make test    run the whole test suite"
	@echo "make check   is this laptop ready?"
	@echo "make slides  write the lecture decks as offline HTML (slides/build/)"
	@echo "make workbook  write the participant workbook to print on A4 (build/workbook/)"
	@echo "make trainer-password   set (or change) the trainer password"
	@echo "make check-village VILLAGE=jepara   check every file of a village folder"
	@echo "make new-village NAME=desa-baru     start a new village folder from the template"
	@echo "make bench   compare the kit's server with stock Voila"
	@echo "make aggregate   every class's attendance, tests and rules in one Excel file"
	@echo "Without make: python -m usaha_kita --help"

$(STAMP): pyproject.toml
	$(PYTHON) -m usaha_kita setup --extras $(EXTRAS)

setup: $(STAMP)

check: setup
	$(KIT) check --host $(HOST) --port $(PORT) $(VILLAGE_ARG)

# The first serve asks for the trainer password when none is set (only at a terminal).
serve: setup
	$(KIT) serve --host $(HOST) --port $(PORT) --class-size $(CLASS_SIZE) --lesson $(LESSON) \
		$(VILLAGE_ARG)

trainer-password: setup
	$(KIT) trainer-password

lint: setup
	$(KIT) lint

# One pytest run, so its closing line counts every test. tests/conftest.py points
# USAHA_KITA_DATA at a throwaway folder before any kernel starts.
test: setup
	$(KIT) test

test-fast: setup
	$(KIT) test-fast

# Offline decks for a USB stick: slides/build/<deck>.slides.html plus reveal.js and jQuery.
slides: setup
	$(KIT) slides

# The same decks printed to PDF through reveal's print view (needs Chromium).
handout: setup
	$(KIT) handout

# The participant workbook on paper: build/workbook/buku-kerja-<village>.html, printed to A4
# (or PDF) from Chromium.
workbook: setup
	$(KIT) workbook

# Every class (USAHA_KITA_DATABASE's, or this laptop's file) in one workbook for a programme
# office; ARGS="--out rekap.xlsx kelas-a.sqlite3 ..." adds SQLite files from other laptops.
aggregate: setup
	$(KIT) aggregate $(ARGS)

bench: setup
	$(KIT) bench

clean-notebooks: setup
	$(KIT) clean-notebooks

# Every file of datasets/$(VILLAGE)/ (default: $USAHA_KITA_VILLAGE, else jepara), every mistake.
check-village: setup
	$(KIT) check-village $(VILLAGE)

new-village: setup
	$(KIT) new-village $(NAME)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
