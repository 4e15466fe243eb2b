// Package gen holds the Go SDK that specgen generates from ../spec. Every *_gen.go file
// below is generated: edit the spec and run `go generate ./...` or `make generate` instead.
package gen

//go:generate go run ../cmd/specgen generate -config ../spec/specgen.json
