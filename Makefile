# claimscope developer tasks. `make help` lists them.
PY ?= .venv/bin/python
PIP ?= .venv/bin/pip

.PHONY: help install lint format types test check constraints bench seed docs openapi serve stance-release

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "%-12s %s\n", $$1, $$2}'

install: ## Create .venv with the pinned dev install
	python3 -m venv .venv && $(PIP) install -c constraints.txt -e '.[dev]'

lint: ## ruff lint + format check
	$(PY) -m ruff check service models tests bench scripts
	$(PY) -m ruff format --check service models tests bench scripts

format: ## Apply ruff fixes and formatting
	$(PY) -m ruff check --fix service models tests bench scripts
	$(PY) -m ruff format service models tests bench scripts

types: ## mypy on service/
	$(PY) -m mypy

test: ## The whole test suite
	$(PY) -m pytest

check: lint types test ## Everything CI checks

constraints: ## Re-pin constraints.txt from the current .venv
	$(PIP) freeze --exclude-editable | grep -v '^claimscope' | sed 's/^torch==\(.*\)+cpu$$/torch==\1/' > constraints.tmp
	(sed -n '1,2p' constraints.txt; cat constraints.tmp) > constraints.new && rm constraints.tmp && mv constraints.new constraints.txt

bench: ## Ingest benchmark (writes bench/results/)
	$(PY) bench/ingest.py

seed: ## Load the seed articles into CLAIMSCOPE_DATA_DIR
	.venv/bin/claimscope seed

docs: ## Regenerate docs/config.md's settings table and docs/cli.md
	$(PY) scripts/gen_docs.py

openapi: ## Regenerate openapi.yaml from the marshmallow schemas
	.venv/bin/claimscope openapi --output openapi.yaml

serve: ## Serve the API with gunicorn (CLAIMSCOPE_* settings apply)
	.venv/bin/claimscope serve

RUN ?= $(HOME)/.cache/claimscope-train/run6f
stance-release: ## Ship a finished training run: models/stance with int8 ONNX, calibration, dev report, card
	rm -rf models/stance && cp -r $(RUN)/release models/stance
	$(PY) -m models.export_onnx --model models/stance
	$(PY) -m models.evaluate_stance --model models/stance --data ../shared/datasets
	$(PY) bench/stance.py --model models/stance
	$(PY) bench/claims.py
	rm -f models/stance/onnx/model.onnx
	$(PY) -m models.model_card
