# The targets CI runs. `make demo` and `make test` set everything up on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
LINT := $(wildcard framing tests bench)
NLTK_DATA ?= $(abspath ../shared/data/nltk_data)
export NLTK_DATA
export MPLBACKEND := Agg

.PHONY: demo test lint format pytest bench strip clean-outputs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "framing needs Python 3.11+; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)             ## the main job on the bundled teaching corpus
	$(BIN)/framing demo

test: lint pytest          ## the whole suite: lint, stripped notebooks, tests, doctests

lint: $(STAMP)
	$(BIN)/ruff check $(LINT)
	$(BIN)/ruff format --check $(LINT)

format: $(STAMP)
	$(BIN)/ruff check --fix $(LINT)
	$(BIN)/ruff format $(LINT)

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)            ## benchmarks, by hand; never part of `make test`
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python -m bench.run --quick

strip: $(STAMP)            ## strip notebook outputs before committing
	$(BIN)/nbstripout notebooks/*.ipynb
