# The two commands: `make demo` and `make test`. Both start from a clean clone: they create the
# virtualenv and provision the Pulumi CLI (scripts/ensure-pulumi) as needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# pytest's own options; override e.g. `make test PYTEST_ARGS="-n 0 -k e2e"`. Two workers per core:
# an e2e test spends much of its time waiting on the CLI and its plugin processes, so one worker
# per core leaves the cores idle part of the time. worksteal: a worker that runs out of tests
# takes queued ones from another (tests/conftest.py runs the long first).
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))
PYTEST_ARGS ?= -n $(WORKERS) --dist worksteal

.PHONY: venv bytecode cli sdk-toolchain demo test lint bench bench-quick bench-full clean

# Reinstall only when pyproject.toml changes; the stamp lives inside the venv. uv (pinned, from
# PyPI into the venv) installs: it resolves and links from its cache in 2 s where pip takes 40 s
# on every clean clone. pip stays in the venv for the user. --compile-bytecode writes the .pyc
# files pip would (uv leaves them out by default): with PYTHONDONTWRITEBYTECODE set, as on CI,
# every Python process would otherwise compile the SDK, grpc and botocore from source, 0.5 s of
# CPU per plugin, language host and program (docs/BENCHMARKS.md, "Bytecode").
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || { echo "venv: creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@$(UV) --version 2>/dev/null | grep -qE '^uv $(UV_VERSION)( |$$)' || { \
		echo "venv: installing uv $(UV_VERSION) (the installer) into $(VENV)"; \
		$(PY) -m pip install --quiet --disable-pip-version-check 'uv==$(UV_VERSION)'; }
	@echo "venv: installing this package (editable) with its emulator and dev extras into" \
		"$(VENV) with uv"
	$(UV) pip install --python $(PY) --compile-bytecode -e '.[emulator,dev]'
	@touch $@

venv: $(VENV)/.installed

# This package is installed editable, so its bytecode is the source tree's: brought up to date
# before each run (compileall skips what is current), as an installed wheel would have it. Only
# a cache: a file that does not compile is named here and left to the tests to report.
bytecode: venv
	@$(PY) -m compileall -q provider/pulumi_ssm_contacts || true

# The CLI, the YAML language host and the native plugin in .tools/pulumi-home (scripts/ensure-pulumi).
cli:
	scripts/ensure-pulumi >/dev/null

# What tests/sdk compiles the generated TypeScript and Go SDKs with, and the generators
# themselves (scripts/ensure-sdk-toolchain: npm packages, a Go build; reused once there).
sdk-toolchain:
	scripts/ensure-sdk-toolchain >/dev/null

demo: bytecode cli
	$(PY) scripts/demo.py

# Every tier: unit, emulator, protocol, e2e (the CLI from `make cli`) and sdk (generated SDKs
# compiled with `make sdk-toolchain`).
# pytest's exit status is kept in .state/pytest-status for .ci/run.
test: bytecode cli sdk-toolchain
	@mkdir -p .state
	@status=0; $(PY) -m pytest $(PYTEST_ARGS) tests || status=$$?; \
	echo $$status > .state/pytest-status; exit $$status

lint: venv
	$(PY) -m ruff check .
	$(PY) -m mypy

# docs/BENCHMARKS.md: quick mode (under 10 minutes on 2 cores) unless BENCH_MODE=full (hours).
BENCH_MODE ?= quick
bench: bytecode cli
	$(PY) -m benchmarks --mode $(BENCH_MODE)

bench-quick:
	$(MAKE) bench BENCH_MODE=quick

bench-full:
	$(MAKE) bench BENCH_MODE=full

clean:
	rm -rf .state .pytest_cache .mypy_cache .ruff_cache
