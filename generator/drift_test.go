package generator_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/specgen-dev/specgen/generator"
	"github.com/specgen-dev/specgen/internal/golden"
)

// projectConfig is the generator config of the project's own spec/ and gen/.
func projectConfig(t testing.TB) generator.Config {
	t.Helper()
	cfg, err := golden.Project("../spec")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestGenUpToDate regenerates gen/ in memory and fails on any difference from the committed
// files, including generated files the spec no longer produces.
func TestGenUpToDate(t *testing.T) {
	files, err := generator.Generate(projectConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sortedKeys(files) {
		got, err := os.ReadFile(filepath.Join("../gen", filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("gen/%s: %v (run make generate)", p, err)
			continue
		}
		if !bytes.Equal(got, files[p]) {
			t.Errorf("gen/%s differs from what spec/ generates (run make generate)", p)
		}
	}
	err = filepath.WalkDir("../gen", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "_gen.go") {
			return err
		}
		rel, _ := filepath.Rel("../gen", p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			t.Errorf("gen/%s is stale: spec/ no longer generates it (run make generate)", filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDeterministic generates the project twice under different GOMAXPROCS and requires
// byte-identical output; the first line of every file must be the generated-code header.
func TestDeterministic(t *testing.T) {
	cfg := projectConfig(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var runs []map[string][]byte
	for _, procs := range []int{1, 2, 1, 2} {
		runtime.GOMAXPROCS(procs)
		files, err := generator.Generate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, files)
	}
	for i, files := range runs[1:] {
		if len(files) != len(runs[0]) {
			t.Fatalf("run %d made %d files, run 0 made %d", i+1, len(files), len(runs[0]))
		}
		for p, data := range runs[0] {
			if !bytes.Equal(data, files[p]) {
				t.Errorf("run %d: %s differs from run 0", i+1, p)
			}
		}
	}
	for p, data := range runs[0] {
		if !bytes.HasPrefix(data, []byte(generator.Header+"\n")) {
			t.Errorf("%s does not start with %q", p, generator.Header)
		}
	}
}

// TestDeterministicWithoutOrigins generates, again and again, a JSON spec that kin-openapi
// reads without origins (a duplicate key sends it to encoding/json): no position orders its
// types, and the order they were met in must decide, not the addresses of their schemas.
func TestDeterministicWithoutOrigins(t *testing.T) {
	var spec strings.Builder
	spec.WriteString(`{"openapi": "3.0.3", "info": {"title": "t", "title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {`)
	for i := range 12 {
		if i > 0 {
			spec.WriteString(",")
		}
		fmt.Fprintf(&spec, `"S%d": {"type": "object", "properties": {"inner": {"type": "object", "properties": {"b": {"type": "string"}, "a": {"type": "integer"}}}}}`, i)
	}
	spec.WriteString(`}}}`)
	cfg := generator.Config{
		FS:      fstest.MapFS{"openapi.json": {Data: []byte(spec.String())}},
		SpecDir: "spec",
		Options: generator.Options{Spec: "openapi.json", Output: "out", Module: "example.com/out", PackageName: "api"},
	}
	first, err := generator.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for run := 1; run < 10; run++ {
		files, err := generator.Generate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range first {
			if !bytes.Equal(data, files[p]) {
				t.Fatalf("run %d: %s differs from run 0", run, p)
			}
		}
	}
}
