package bench

import (
	"bytes"
	"go/format"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator"
)

// corpusDir is the shared corpus, beside the repository; the benchmarks skip without it.
const corpusDir = "../../shared/corpus"

// generateSpecs are corpus specs: a small one, large ones whose gofmt pass costs less than
// their load (k8s, SendGrid, GitHub) and more (OpenAI, Stripe), and one of many files.
var generateSpecs = []struct{ name, path string }{
	{"petstore", "oai-petstore/petstore.yaml"},
	{"k8s", "k8s-core-v1/v1.json"},
	{"sendgrid", "sendgrid-email-activity/oai_v3_stoplight.json"},
	{"openai", "openai/openapi.yaml"},
	{"github", "github/api.github.com.json"},
	{"stripe", "stripe/spec3.yaml"},
	{"digitalocean", "digitalocean-patched/specification/DigitalOcean-public.v2.yaml"},
}

// BenchmarkGenerate times a whole generation (load, IR, every file rendered and gofmt'ed)
// next to kin-openapi loading the same spec the same way, which is the floor: generation
// should stay near it.
//
//	go test ./bench/ -run '^$' -bench Generate -benchtime 3x
func BenchmarkGenerate(b *testing.B) {
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skip("no corpus at", corpusDir)
	}
	for _, s := range generateSpecs {
		dir, file := filepath.Split(filepath.Join(corpusDir, s.path))
		b.Run(s.name+"/load", func(b *testing.B) {
			for b.Loop() {
				loader := openapi3.NewLoader()
				loader.IsExternalRefsAllowed = true
				loader.IncludeOrigin = true
				data, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := loader.LoadFromDataWithPath(data, &url.URL{Path: filepath.Join(dir, file)}); err != nil {
					b.Fatal(err)
				}
			}
		})
		cfg := generator.Config{
			FS:      os.DirFS(dir),
			SpecDir: "corpus",
			Options: generator.Options{Spec: file, Output: "out", Module: "example.com/out", PackageName: "api", EnumStyle: "typed", LaxPatterns: true},
		}
		b.Run(s.name+"/generate", func(b *testing.B) {
			for b.Loop() {
				if _, err := generator.Generate(cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
		// One gofmt pass over the files generation formats (the runtime templates are copied
		// as they are), on one core: what formatting alone costs, next to the load.
		b.Run(s.name+"/gofmt", func(b *testing.B) {
			files, err := generator.Generate(cfg)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				for _, name := range slices.Sorted(maps.Keys(files)) {
					if bytes.Contains(files[name][:min(len(files[name]), 200)], []byte("\n// Source: templates/")) {
						continue
					}
					if _, err := format.Source(files[name]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
