# kg-explorer — `make run` (set up, build, serve the explorer) and `make test` (set up, all tests).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
KG     := $(BIN)/kg
HOST   ?= 127.0.0.1
PORT   ?= 8501

.PHONY: run test lint fuzz build serve bench train setup setup-dev clean

$(VENV)/.run-deps: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "kg-explorer needs Python 3.11; set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[app]'
	touch $@

$(VENV)/.dev-deps: $(VENV)/.run-deps
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

setup: $(VENV)/.run-deps
setup-dev: $(VENV)/.dev-deps

## build: bring the graph up to date with corpus/ (unchanged articles are skipped)
build: setup
	$(KG) build

## run: set up, build, then serve the explorer on http://$(HOST):$(PORT)
run: build
	$(KG) stats
	$(BIN)/streamlit run app/streamlit_app.py --server.address $(HOST) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

## serve: the SPARQL endpoint on http://127.0.0.1:8000/sparql
serve: build
	$(KG) serve

## test: set up with dev dependencies, then the linter, the formatter check and the type checker, then every test
test: setup-dev lint
	$(BIN)/python -m pytest

## lint: ruff (lint and format check) and mypy over the whole tree (config in pyproject.toml); zero findings
lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## fuzz: the fuzzing campaign at scale: every property of tests/test_fuzz.py (front matter, article loader, IRIs,
## query guard, and test_query_guard.py's generated-query properties re-run at this scale) on FUZZ_EXAMPLES inputs
## each (over 10,000 in all), FUZZ_KILLS random SIGKILLs of `kg build`; inputs tried per property in the statistics
FUZZ_EXAMPLES ?= 2000
FUZZ_KILLS    ?= 50
fuzz: setup-dev
	KG_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) KG_FUZZ_KILLS=$(FUZZ_KILLS) $(BIN)/python -m pytest tests/test_fuzz.py \
		tests/test_query_guard.py::test_whatever_the_guard_admits_has_no_service_load_or_update_in_rdflibs_parse \
		tests/test_query_guard.py::test_generated_queries_never_reach_the_canary \
		--hypothesis-show-statistics -rxP

## train: retrain the learned relation classifier (kg/extract/learned_relations.json) on the development
## annotations; a directory marked held out (a `.held-out` file: blind test sets) is refused
TRAIN_SETS ?= tests/data/eval tests/data/dev tests/data/dev4 tests/data/blind/dev tests/data/blind/test tests/data/blind2 tests/data/blind3 tests/data/blind4 tests/data/blind5 tests/data/blind6/dev tests/data/blind6/test tests/data/blind7/dev tests/data/blind7/test tests/data/blind9/dev tests/data/blind9/test tests/data/blind10/dev tests/data/blind10/test tests/data/blind11/dev tests/data/blind11/test tests/data/blind12/dev tests/data/blind12/test tests/data/blind13/dev tests/data/blind13/test tests/data/blind14/dev tests/data/blind14/test tests/data/blind15/test tests/data/blind16/dev tests/data/blind16/test tests/data/blind17/dev tests/data/blind17/test tests/data/blind18/dev tests/data/blind18/test tests/data/blind19/dev tests/data/blind19/test tests/data/blind20/dev tests/data/blind20/test tests/data/blind21/dev tests/data/blind21/test tests/data/blind22/dev tests/data/blind22/test tests/data/blind23/dev tests/data/blind23/test tests/data/blind24/dev tests/data/blind24/test tests/data/blind25/dev tests/data/blind25/test tests/data/blind26/dev tests/data/blind26/test tests/data/blind27/dev tests/data/blind27/test tests/data/blind28/dev tests/data/blind28/test tests/data/blind29/dev tests/data/blind29/test tests/data/blind30/dev tests/data/blind30/test tests/data/blind31/dev tests/data/blind31/test tests/data/blind32/dev tests/data/blind32/test tests/data/blind33/dev tests/data/blind33/test tests/data/blind34/dev tests/data/blind34/test tests/data/blind35/dev tests/data/blind35/test tests/data/blind36/dev tests/data/blind36/test tests/data/blind37/dev tests/data/blind37/test tests/data/blind38/dev tests/data/blind38/test tests/data/blind39/dev tests/data/blind39/test tests/data/blind40/dev tests/data/blind40/test tests/data/blind41/dev tests/data/blind41/test tests/data/blind42/dev tests/data/blind42/test tests/data/blind43/dev tests/data/blind43/test tests/data/blind44/dev tests/data/blind44/test tests/data/blind45/dev tests/data/blind45/test tests/data/blind46/dev tests/data/blind46/test tests/data/blind47/dev tests/data/blind47/test tests/data/blind48/dev tests/data/blind48/test tests/data/blind49/dev tests/data/blind49/test
train: setup-dev
	$(BIN)/python -m kg.extract.training $(TRAIN_SETS)

## bench: the benchmark suite (QUICK=1 for the quick mode)
bench: setup-dev
	$(BIN)/python -m bench $(if $(QUICK),--quick,)

clean:
	rm -rf $(VENV) data
