# The two commands: `make demo` and `make test`. Both start from a clean clone: they create the
# virtualenv and provision the Pulumi CLI (scripts/ensure-pulumi) as needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# pytest's own options; override e.g. `make test PYTEST_ARGS="-n 0 -k e2e"`.
PYTEST_ARGS ?= -n auto

.PHONY: venv cli demo test lint bench clean

# Reinstall only when pyproject.toml changes; the stamp lives inside the venv.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[emulator,dev]'
	touch $@

venv: $(VENV)/.installed

cli:
	scripts/ensure-pulumi >/dev/null

demo: venv cli
	$(PY) scripts/demo.py

# Every tier: unit, emulator, protocol and e2e (the e2e tier drives the CLI from `make cli`).
# pytest's exit status is kept in .state/pytest-status for .ci/run.
test: venv cli
	@mkdir -p .state
	@status=0; $(PY) -m pytest $(PYTEST_ARGS) tests || status=$$?; \
	echo $$status > .state/pytest-status; exit $$status

lint: venv
	$(PY) -m ruff check .
	$(PY) -m mypy

bench: venv cli
	@for bench in benchmarks/*.py; do echo "== $$bench"; $(PY) $$bench || exit 1; done

clean:
	rm -rf .state .pytest_cache .mypy_cache .ruff_cache
