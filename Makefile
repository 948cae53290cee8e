# Quick start: `make demo` (or `make run`) launches the app; `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run demo test lint format regenerate screenshots bench clean
.PHONY: package bundle deb manpages icons install-desktop uninstall-desktop

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/alliance-desktop

demo: $(STAMP)
	$(BIN)/alliance-desktop --demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

regenerate: $(STAMP)
	$(BIN)/python scripts/regenerate.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs/screenshots

# Every issue-15 figure in one table (benchmarks/run.py; `make bench ARGS=--full` adds
# the 100,000-session rows). Peers: benchmarks/peers.md.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# -- packaging (see packaging/README.md) ------------------------------------------------
APP_ID := org.alliancedesktop.AllianceDesktop
BUNDLE := dist/alliance-desktop
PREFIX ?= $(HOME)/.local
ICON_SIZES := 16 22 24 32 48 64 128 256 512

# The Linux one-folder bundle from packaging/alliance-desktop.spec (alliance-desktop
# and alliance-cli over one _internal), its self-test and the 150 MiB budget.
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10,<7" "build>=1.2"
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/alliance-desktop.spec
	QT_QPA_PLATFORM=offscreen $(BUNDLE)/alliance-desktop --self-test
	$(BUNDLE)/alliance-cli --version
	@du -sh $(BUNDLE)
	@mib=$$(du -sm $(BUNDLE) | cut -f1); test $$mib -le 150 \
		|| { echo "$(BUNDLE) is $$mib MiB, over its 150 MiB budget (packaging/README.md)"; exit 1; }

# The bundle, then the packaging tests including the slow ones (a fresh venv from the
# wheel; the .deb's own tests skip unless `make deb` built one).
package: bundle
	ALLIANCE_PACKAGING_TESTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/packaging

# Manual pages and alliance-cli's bash and zsh completion, generated from the argparse
# parsers (argparse-manpage, shtab: the `packaging` extra).
GENERATED := build/deb-generated
manpages: $(STAMP)
	$(BIN)/python -m pip install --quiet "argparse-manpage>=4.5,<5" "shtab>=1.7,<2"  # = the packaging extra
	$(BIN)/python packaging/linux/gen_docs.py $(GENERATED)

# dist/alliance-desktop_<version>-1_<arch>.deb from the bundle with dpkg-deb, offline
# (packaging/linux/build_deb.py); builds the bundle first if there is none. Then lintian
# (no errors allowed; skipped with a note if it is not installed) and the package's tests:
# its file list, and both commands run from it unpacked (installed and purged with
# dpkg --root where we are root).
deb: manpages
	@[ -x $(BUNDLE)/alliance-cli ] || $(MAKE) bundle
	$(BIN)/python packaging/linux/build_deb.py --bundle $(BUNDLE) --generated $(GENERATED) --out dist
	@du -h dist/alliance-desktop_*.deb
	@if command -v lintian >/dev/null; then \
	  lintian --fail-on error --tag-display-limit 0 dist/alliance-desktop_*.deb; \
	else echo "lintian not installed (apt-get install lintian): not checked"; fi
	ALLIANCE_PACKAGING_TESTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		tests/packaging/test_deb.py

# Re-render the committed PNG/ICO/ICNS icons after resources/icons/alliance.svg changes.
icons: $(STAMP)
	$(BIN)/python packaging/linux/render_icons.py

# Menu entry, icons and AppStream data for this user, launching the bundle if
# `make package` built one, else this checkout's .venv.
install-desktop: $(STAMP)
	@target="$(CURDIR)/$(BUNDLE)/alliance-desktop"; \
	  [ -x "$$target" ] || target="$(CURDIR)/$(BIN)/alliance-desktop"; \
	  mkdir -p "$(PREFIX)/bin"; \
	  printf '#!/bin/sh\nexec "%s" "$$@"\n' "$$target" > "$(PREFIX)/bin/alliance-desktop"; \
	  chmod 755 "$(PREFIX)/bin/alliance-desktop"; \
	  echo "alliance-desktop -> $$target"
	sed -e 's|^Exec=alliance-desktop|Exec=$(PREFIX)/bin/alliance-desktop|' \
	    -e 's|^TryExec=alliance-desktop|TryExec=$(PREFIX)/bin/alliance-desktop|' \
	    packaging/linux/$(APP_ID).desktop > packaging/linux/.$(APP_ID).desktop.tmp
	install -D -m 644 packaging/linux/.$(APP_ID).desktop.tmp \
		"$(PREFIX)/share/applications/$(APP_ID).desktop"
	rm -f packaging/linux/.$(APP_ID).desktop.tmp
	for n in $(ICON_SIZES); do \
	  install -D -m 644 packaging/linux/icons/hicolor/$${n}x$${n}/apps/$(APP_ID).png \
	    "$(PREFIX)/share/icons/hicolor/$${n}x$${n}/apps/$(APP_ID).png"; done
	install -D -m 644 resources/icons/alliance.svg \
		"$(PREFIX)/share/icons/hicolor/scalable/apps/$(APP_ID).svg"
	install -D -m 644 packaging/linux/$(APP_ID).metainfo.xml \
		"$(PREFIX)/share/metainfo/$(APP_ID).metainfo.xml"
	-command -v update-desktop-database >/dev/null && update-desktop-database -q "$(PREFIX)/share/applications"
	-command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$(PREFIX)/share/icons/hicolor"

# Removes what install-desktop put in $(PREFIX); the vault and its backups stay.
uninstall-desktop:
	rm -f "$(PREFIX)/bin/alliance-desktop" \
	      "$(PREFIX)/share/applications/$(APP_ID).desktop" \
	      "$(PREFIX)/share/metainfo/$(APP_ID).metainfo.xml" \
	      "$(PREFIX)/share/icons/hicolor/scalable/apps/$(APP_ID).svg"
	for n in $(ICON_SIZES); do rm -f "$(PREFIX)/share/icons/hicolor/$${n}x$${n}/apps/$(APP_ID).png"; done
	@echo "Removed the app from $(PREFIX). Your vault was not touched (default:"
	@echo "~/.local/share/AllianceDesktop/vault.alliance); delete it yourself if you mean to."
