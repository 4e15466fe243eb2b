# specgen: the two commands that matter are `make generate` and `make test`.
GO     ?= go
CORPUS ?= ../shared/corpus
CONFIG ?= spec/specgen.json

.PHONY: generate check test fmt bench bench-gen corpus

## generate: regenerate gen/ from spec/ (writes only changed files)
generate:
	$(GO) run ./cmd/specgen generate -config $(CONFIG)

## check: fail if gen/ has drifted from spec/ (writes nothing, prints a diff)
check:
	$(GO) run ./cmd/specgen check -config $(CONFIG)

## test: gofmt, go vet and every test
test:
	@out=$$(gofmt -l cmd generator gen templates); if [ -n "$$out" ]; then echo "gofmt -l:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -timeout 30m ./...

## bench: generated Validate() vs kin-openapi, and generation vs loading on corpus specs (bench/README.md)
bench:
	$(GO) test ./bench/ -run '^$$' -bench 'CreateParams|Organization' -benchmem -count 5
	$(GO) test ./bench/ -run '^$$' -bench Generate -benchtime 3x

## bench-gen: generation vs the kin-openapi load floor, oapi-codegen and ogen (bench/gen.sh; BENCH_N rounds)
bench-gen:
	bash bench/gen.sh $(CORPUS)

## fmt: gofmt the hand-written code
fmt:
	gofmt -w cmd generator templates gen/doc.go

## corpus: generate, build and vet a package from every spec of the corpus
corpus:
	$(GO) run ./bench/corpus -corpus $(CORPUS)
