# Two commands: `make run` builds the sample report's graph, `make test` runs the suite.
# Both create .venv when missing and install the project once (re-done only when the
# dependency files change).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) build_graph.py

test: $(STAMP)
	$(PY) -m pytest -q -n auto --dist loadfile

bench: $(STAMP)
	$(PY) benchmarks/pipeline.py

clean:
	rm -rf exports/*.ttl exports/*.nt exports/*.jsonld exports/*.graphml exports/*.json exports/*.csv exports/views
