package generator_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/specgen-dev/specgen/generator"
)

// FuzzGenerate feeds mutated specs to Generate: it must never panic, and whatever it
// generates must parse as Go. The seeds are the root specs of the golden cases, plus the
// committed corpus under testdata/fuzz.
func FuzzGenerate(f *testing.F) {
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range cases {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "spec/openapi.yaml" {
				f.Add(af.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, spec []byte) {
		files, err := generator.Generate(generator.Config{
			FS:      fstest.MapFS{"openapi.yaml": &fstest.MapFile{Data: spec}},
			SpecDir: "spec",
			Options: generator.Options{Spec: "openapi.yaml", Output: "out", Module: "example.com/out", Package: "api", EnumStyle: "typed"},
		})
		if err != nil {
			return
		}
		fset := token.NewFileSet()
		for name, src := range files {
			if _, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution); err != nil {
				t.Fatalf("%s does not parse: %v\nspec:\n%s", name, err, spec)
			}
		}
	})
}
