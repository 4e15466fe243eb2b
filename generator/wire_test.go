package generator_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/generator"
)

// wireCorpus is the shared corpus of real specs, beside the repository.
const wireCorpus = "../../shared/corpus"

// TestWireCorpus generates real specs of the shared corpus as `specgen generate -spec` does
// and runs against each output the calls of testdata/wire/<spec>_test.go: the exact bytes
// of what a user sets, and every value of a real answer kept. It skips without the corpus.
func TestWireCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large generated packages")
	}
	if _, err := os.Stat(wireCorpus); err != nil {
		t.Skip("the shared corpus is not there:", err)
	}
	tests, err := filepath.Glob("testdata/wire/*_test.go")
	if err != nil || len(tests) == 0 {
		t.Fatal("no wire tests", err)
	}
	specs := map[string]string{
		"github": "github/api.github.com.json",
		"openai": "openai/openapi.yaml",
		"stripe": "stripe/spec3.yaml",
	}
	helpers, err := os.ReadFile("testdata/wire/helpers_test.go.in")
	if err != nil {
		t.Fatal(err)
	}
	// The file's doc comment precedes its package clause; each package gets its own name.
	helpers = helpers[bytes.Index(helpers, []byte("package wire")):]
	dir := t.TempDir()
	var pkgs []string
	for _, test := range tests {
		name := strings.TrimSuffix(filepath.Base(test), "_test.go")
		spec, ok := specs[name]
		if !ok {
			t.Fatalf("%s: no corpus spec is named %s", test, name)
		}
		specFile := filepath.Join(wireCorpus, filepath.FromSlash(spec))
		files, err := generator.Generate(generator.Config{
			FS:      os.DirFS(filepath.Dir(specFile)),
			SpecDir: filepath.ToSlash(filepath.Dir(spec)),
			Options: generator.Options{
				Spec:        filepath.Base(specFile),
				Output:      name,
				Module:      "wire.test/" + name,
				PackageName: name,
				LaxPatterns: true,
			},
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range sortedKeys(files) {
			if err := formatIsFinal(files[p]); err != nil {
				t.Errorf("%s: %s: %v", name, p, err)
			}
		}
		src, err := os.ReadFile(test)
		if err != nil {
			t.Fatal(err)
		}
		files["wire_test.go"] = src
		files["helpers_test.go"] = append([]byte("package "+name), helpers[len("package wire"):]...)
		writeTree(t, filepath.Join(dir, name), files)
		pkgs = append(pkgs, "./"+name)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module wire.test\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, pkgs...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("go test of the generated SDKs: %v", err)
	}
}
