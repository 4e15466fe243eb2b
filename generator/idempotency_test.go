package generator_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/specgen-dev/specgen/generator"
)

// TestIdempotencyHeaderConfig: with "idempotencyHeader" every POST and PATCH makes up a key
// in that header, so that it is retried; other methods need none.
func TestIdempotencyHeaderConfig(t *testing.T) {
	spec := `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get: {operationId: getA, responses: {'204': {description: ok}}}
    post: {operationId: postA, responses: {'204': {description: ok}}}
    patch: {operationId: patchA, responses: {'204': {description: ok}}}
`
	gen := func(header string) string {
		files, err := generator.Generate(generator.Config{
			FS: fstest.MapFS{"openapi.yaml": {Data: []byte(spec)}},
			Options: generator.Options{Spec: "openapi.yaml", Output: "out", Module: "example.com/out", Package: "api",
				IdempotencyHeader: header},
		})
		if err != nil {
			t.Fatal(err)
		}
		return string(files["api/client_gen.go"])
	}
	if n := strings.Count(gen("X-Idempotency"), `idempotencyHeader: "X-Idempotency"`); n != 2 {
		t.Errorf("with the config, %d requests name the header, want the POST and the PATCH", n)
	}
	if strings.Contains(gen(""), "idempotencyHeader") {
		t.Error("without the config, a request names an idempotency header")
	}
	if _, err := generator.ParseOptions([]byte(`{"output":"o","module":"m","idempotencyHeader":"Bad Header"}`)); err == nil {
		t.Error(`"Bad Header" is accepted as a header name`)
	}
}
