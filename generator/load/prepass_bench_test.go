package load

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkPrepass times the pre-pass alone on corpus specs: one parse of every file it
// reaches and the walk, which a generation pays on top of kin-openapi's load.
//
//	go test ./generator/load/ -run '^$' -bench Prepass -benchtime 3x
func BenchmarkPrepass(b *testing.B) {
	const corpus = "../../../shared/corpus"
	for _, s := range []struct{ name, path string }{
		{"github", "github/api.github.com.json"},
		{"stripe", "stripe/spec3.yaml"},
		{"digitalocean", "digitalocean/specification/DigitalOcean-public.v2.yaml"},
	} {
		dir, file := filepath.Split(filepath.Join(corpus, s.path))
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			b.Skip("no corpus at", corpus)
		}
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := prepare(Options{FS: os.DirFS(dir), Root: file}, data, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
