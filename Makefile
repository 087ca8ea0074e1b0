# The two set-up commands of the README. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The package's bytecode, as a regular install writes it: an editable install leaves it to the first
# import, which writes nothing where PYTHONDONTWRITEBYTECODE is set, and every process of every run
# would compile the modules again (a tenth of a second of each run's start). Stale files are only
# ignored, so `run` refreshes them after an edit.
BYTECODE = $(BIN)/python -m compileall -q parsers pipeline normalizers

.PHONY: run test docs bench

$(BIN)/rapportdata: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BYTECODE)
	touch $@

# Build data/out from the reports in data/raw.
run: $(BIN)/rapportdata
	$(BYTECODE)
	$(BIN)/rapportdata run

# System programs the tests need (Tesseract, LibreOffice, poppler), strict types, then the whole suite.
test: $(BIN)/rapportdata
	./scripts/install-system-deps.sh
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Regenerate docs/data-dictionary.md from the records of pipeline/schema.py.
docs: $(BIN)/rapportdata
	$(BIN)/python -m pipeline.dataset.docs

bench: $(BIN)/rapportdata
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_archive.py
	$(BIN)/python bench/bench_ocr.py
