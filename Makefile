# MeterDesk — two commands on a fresh Debian machine:
#   make run    install what is missing, build, open the demo site
#   make test   install what is missing, run every test (unit and integration)
# Also: make build, make lint, make format, make bench, make clean.

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages the build, the demo and the tests use.
APT_PACKAGES := libncursesw5-dev libsqlite3-dev libssl-dev sqlite3 openssl \
                tmux socat cups cups-client cups-bsd mbpoll python3-pip procps systemd \
                libxlsxwriter-dev gammu gammu-smsd
# Python test peers, pinned.
PIP_PACKAGES := pymodbus==3.8.6 pyserial==3.5 openpyxl==3.1.5

DATA_DIR ?= data
SWIFT_BUILD_FLAGS ?=

.PHONY: run test build lint format bench clean deps apt-deps pip-deps check-swift

# The console needs a UTF-8 locale; C.UTF-8 is used when the current one is not.
run: deps build
	@mkdir -p $(DATA_DIR)
	@if [ "$$(locale charmap 2>/dev/null)" != "UTF-8" ]; then export LC_ALL=C.UTF-8; fi; \
	.build/debug/meterdesk demo --data $(DATA_DIR)

# The release binary is built too: DaemonTests stop it (and the debug one) with SIGTERM/SIGINT.
# Every test runs against the release build sites install (one optimised build, with -enable-testing
# for @testable imports): the daemon stop tests on the binary that ships, and one build instead of a
# debug and a release one. The tests' product builds meterdesk too; the benchmarks are left to make bench.
test: deps
	swift build -c release --product MeterDeskPackageTests -Xswiftc -enable-testing $(SWIFT_BUILD_FLAGS)
	METERDESK_REQUIRE_RELEASE=1 swift test -c release --skip-build --no-parallel -Xswiftc -enable-testing

build: check-swift
	swift build $(SWIFT_BUILD_FLAGS)

lint: check-swift
	swift format lint --strict --recursive --parallel Package.swift Sources Tests

format: check-swift
	swift format format --in-place --recursive --parallel Package.swift Sources Tests

bench: deps
	swift build -c release --product meterdesk $(SWIFT_BUILD_FLAGS)
	swift build -c release --product meterdesk-bench
	.build/release/meterdesk-bench all

clean:
	rm -rf .build

deps: check-swift apt-deps pip-deps

check-swift:
	@command -v swift >/dev/null || { echo "error: the Swift 6 toolchain is not on PATH (see README.md)"; exit 1; }

# Installs only what is missing; apt-get update runs first whenever something is.
apt-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

pip-deps:
	@missing=""; \
	for spec in $(PIP_PACKAGES); do \
	  name=$${spec%%==*}; want=$${spec##*==}; \
	  have=$$(python3 -m pip show "$$name" 2>/dev/null | sed -n 's/^Version: //p'); \
	  [ "$$have" = "$$want" ] || missing="$$missing $$spec"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Python packages:$$missing"; \
	  python3 -m pip install --quiet --disable-pip-version-check $$missing; \
	fi
