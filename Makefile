# eventwire: `make demo` codes the sample article, `make test` runs the tests.
# Both create .venv and install eventwire into it from PyPI; running them
# again only reinstalls when pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: help demo test lint clean browser

help:
	@echo "make demo    code the sample article: table on screen, JSONL in out/"
	@echo "make test    run the test suite"
	@echo "make lint    check the code with ruff"
	@echo "make clean   remove $(VENV) and out/"

demo: $(VENV)/.installed
	$(PY) -m eventwire demo

test: $(VENV)/.installed-dev browser
	$(PY) -m pytest -q

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check src tests

# Some Pythons ship without ensurepip; the venv then borrows the system pip.
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "eventwire needs Python 3.11 or newer: make PYTHON=python3.11 ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) || \
		$(PYTHON) -m venv --clear --without-pip --system-site-packages $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The dashboard tests drive headless Chromium; install it when it is missing
# (Debian, as root or with sudo). Without it those tests skip with the reason.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
		  $$SUDO apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver \
		  >/dev/null; } || echo "make: could not install chromium; browser tests will skip" >&2

clean:
	rm -rf $(VENV) out
