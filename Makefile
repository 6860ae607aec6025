# parnum's developer commands. `make` alone lists them.
#
# The library is the root module; bench/ is a module of its own (it needs
# plotting and the Go alternatives it is compared with), and tools/ pins the
# developer tools. Every target works on a fresh clone: Go fetches what it
# needs.

GO          ?= go
MODULES     := . bench
FUZZTIME    ?= 10s
BENCHTIME   ?= 200ms
BENCHCOUNT  ?= 6
PEERSFLAGS  ?=
STATICCHECK  = $(shell $(GO) -C tools tool -n staticcheck)

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-11s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: demo
demo: ## the main job: measure parnum against sequential Go on this machine (quick, under a minute)
	$(GO) -C bench run ./cmd/report -quick -out out/demo

.PHONY: report
report: ## the full report: every operation and size, the Go alternatives, the ceiling, plots in bench/out/ (minutes)
	$(GO) -C bench run ./cmd/report

.PHONY: peers
peers: ## parnum beside numpy, numexpr, Pool.map and rayon; installs Debian packages (PEERSFLAGS; about 8 minutes)
	bench/peers/run $(PEERSFLAGS)

.PHONY: thresholds
thresholds: ## parray's break-even benchmarks, -count 10, summarized by benchstat into bench/out/thresholds.txt (about 25 minutes)
	bench/thresholds

# The race detector slows numeric loops about tenfold and adds nothing to
# tests of arithmetic; -short trims those to the sizes around the thresholds,
# where every concurrent path still runs.
.PHONY: test
test: ## vet, then the tests: plain, with -race, and with -race -tags noasm
	@for m in $(MODULES); do \
		echo "== $$m: vet, test, race, race noasm"; \
		$(GO) -C $$m vet ./... && \
		$(GO) -C $$m test ./... && \
		$(GO) -C $$m test -race -short ./... && \
		$(GO) -C $$m test -race -short -tags noasm ./... || exit 1; \
	done

.PHONY: bench
bench: ## the library's benchmarks, sequential and parallel in one run (BENCHCOUNT, BENCHTIME)
	$(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) -benchtime $(BENCHTIME) ./chunk ./parray

.PHONY: suites
suites: ## bench/'s suites: parnum against gonum and the Go alternatives, -cpu 1,2 (long; BENCHCOUNT, BENCHTIME)
	$(GO) -C bench test -run '^$$' -bench . -benchmem -cpu 1,2 -count $(BENCHCOUNT) -benchtime $(BENCHTIME) .

# Every fuzz target of every module: the packages are those of go list, so
# that a module nested in another is fuzzed as its own, and the count of
# targets run must equal the count of Fuzz functions in the test files git
# tracks or would track, so that none is missed silently. FUZZMINTIME bounds the
# minimization of each new interesting input, which otherwise stalls a
# short run for up to a minute.
FUZZMINTIME ?= 5s

.PHONY: fuzz
fuzz: ## every fuzz target, FUZZTIME each (default 10s)
	@set -e; run=0; \
	for m in $(MODULES); do \
		for pkg in $$($(GO) -C $$m list -f '{{.ImportPath}}' ./...); do \
			dir=$$($(GO) -C $$m list -f '{{.Dir}}' $$pkg); \
			grep -qs '^func Fuzz' $$dir/*_test.go || continue; \
			targets=$$($(GO) -C $$m test -list '^Fuzz' $$pkg | grep '^Fuzz'); \
			for f in $$targets; do \
				echo "== $$pkg $$f"; \
				$(GO) -C $$m test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) \
					-fuzzminimizetime $(FUZZMINTIME) $$pkg; \
				run=$$((run + 1)); \
			done; \
		done; \
	done; \
	declared=$$(git grep --untracked -h '^func Fuzz' -- '*_test.go' | wc -l); \
	echo "== $$run fuzz targets run, $$declared declared"; \
	test $$run -eq $$declared

.PHONY: ci
ci: ## the CI matrix: make test, lint, 386, -cpu 1,2,4,8, fuzz, demo (.ci/run)
	bash .ci/run

.PHONY: lint
lint: ## gofmt, go mod tidy, go vet and staticcheck (pinned in tools/go.mod)
	@out=$$(gofmt -l $$(git ls-files '*.go')); \
		if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	@for m in $(MODULES) tools; do \
		$(GO) -C $$m mod tidy -diff || { echo "go.mod of $$m is not tidy"; exit 1; }; \
	done
	@for m in $(MODULES); do \
		$(GO) -C $$m vet ./... && (cd $$m && $(STATICCHECK) ./...) || exit 1; \
	done

.PHONY: cover
cover: ## test coverage of the library, per function, and coverage.html
	$(GO) test -coverprofile=coverage.out -covermode=atomic ./...
	$(GO) tool cover -func=coverage.out | tail -n 1
	$(GO) tool cover -html=coverage.out -o coverage.html
	@echo "wrote coverage.html"
