# The targets CI runs. `make demo`, `make lab` and `make test` set everything up on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LINT   := $(wildcard framing tests bench)
# the NLTK corpora beside the project, when they are there (framing never downloads them)
NLTK_DATA ?= $(wildcard $(abspath ../shared/data/nltk_data))
ifneq ($(NLTK_DATA),)
export NLTK_DATA
endif

# One stamp per set of extras, so each target installs only what it needs and `make test`
# after `make demo` adds the test extra. The installed version names the commit it was
# installed from (setuptools-scm), so every stamp also depends on $(COMMIT): after a commit the
# next target reinstalls, and the provenance framing writes names the code that ran.
DEMO_STAMP  := $(VENV)/.demo-stamp
LAB_STAMP   := $(VENV)/.lab-stamp
TEST_STAMP  := $(VENV)/.test-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
COMMIT      := $(VENV)/.commit
$(shell h=$$(git rev-parse HEAD 2>/dev/null || echo none); \
	[ "$$(cat $(COMMIT) 2>/dev/null)" = "$$h" ] || { mkdir -p $(VENV) && echo "$$h" > $(COMMIT); })
INSTALL = $(BIN)/python -m pip install --quiet
# JupyterLab refuses to run as root (a container) unless told to
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: demo lab test lint format pytest bench strip

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "framing needs Python 3.11+; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(INSTALL) --upgrade pip

$(DEMO_STAMP): pyproject.toml $(COMMIT) | $(BIN)/python
	$(INSTALL) -e .
	touch $@

$(LAB_STAMP): pyproject.toml $(COMMIT) | $(BIN)/python
	$(INSTALL) -e ".[lab]"
	touch $@

$(TEST_STAMP): pyproject.toml $(COMMIT) | $(BIN)/python
	$(INSTALL) -e ".[test]"
	touch $@

$(BENCH_STAMP): pyproject.toml $(COMMIT) | $(BIN)/python
	$(INSTALL) -e ".[test,bench]"
	touch $@

demo: $(DEMO_STAMP)        ## the main job on the bundled teaching corpus
	MPLBACKEND=Agg $(BIN)/framing demo

lab: $(LAB_STAMP)          ## JupyterLab on the tutorial notebooks, with this venv's kernel
	cd notebooks && ../$(BIN)/jupyter lab $(LAB_ARGS)

test: lint pytest          ## the whole suite: lint, stripped notebooks, tests, doctests

lint: $(TEST_STAMP)
	$(BIN)/ruff check $(LINT)
	$(BIN)/ruff format --check $(LINT)

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix $(LINT)
	$(BIN)/ruff format $(LINT)

pytest: $(TEST_STAMP)
	MPLBACKEND=Agg $(BIN)/python -m pytest

bench: $(BENCH_STAMP)      ## benchmarks, by hand; never part of `make test`
	MPLBACKEND=Agg $(BIN)/python -m bench.run --quick
	$(BIN)/python -m bench.voices.score
	$(BIN)/python -m bench.voices.probes
	$(BIN)/python -m bench.copies
	$(BIN)/python -m bench.copies --scale 1000000 --exact

strip: $(TEST_STAMP)       ## strip notebook outputs before committing
	$(BIN)/nbstripout notebooks/*.ipynb notebooks/solutions/*.ipynb
