package generator_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/specgen-dev/specgen/generator"
)

// FuzzGenerate feeds mutated specs to Generate: it must never panic, and whatever it
// generates must compile: every package is type-checked with go/types. The seeds are the
// root specs of the golden cases, plus the committed corpus under testdata/fuzz.
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
		const module = "example.com/out"
		files, err := generator.Generate(generator.Config{
			FS:      fstest.MapFS{"openapi.yaml": &fstest.MapFile{Data: spec}},
			SpecDir: "spec",
			Options: generator.Options{
				Spec: "openapi.yaml", Output: "out", Module: module, Package: "api", EnumStyle: "typed",
				// Half the inputs have the runtime in a package of its own, which the other
				// packages import.
				PackagePerFile: len(spec)%2 == 1,
			},
		})
		if err != nil {
			return
		}
		if err := typeCheck(module, files); err != nil {
			t.Fatalf("%v\nspec:\n%s", err, spec)
		}
	})
}

// typeCheck type-checks every package of files, generated for module: the first error is
// returned, with the file and line it is about.
func typeCheck(module string, files map[string][]byte) error {
	fset := token.NewFileSet()
	byPkg := map[string][]*ast.File{}
	for _, name := range sortedKeys(files) {
		f, err := parser.ParseFile(fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("%s does not parse: %v", name, err)
		}
		importPath := module
		if dir := path.Dir(name); dir != "." {
			importPath += "/" + dir
		}
		byPkg[importPath] = append(byPkg[importPath], f)
	}
	imp := &outputImporter{fset: fset, files: byPkg, checked: map[string]*types.Package{}}
	for _, p := range sortedKeys(byPkg) {
		if _, err := imp.Import(p); err != nil {
			return err
		}
	}
	return nil
}

// outputImporter type-checks the generated packages from their files, and imports the
// standard library from export data.
type outputImporter struct {
	fset    *token.FileSet
	files   map[string][]*ast.File
	checked map[string]*types.Package
}

func (o *outputImporter) Import(p string) (*types.Package, error) {
	if pkg, ok := o.checked[p]; ok {
		return pkg, nil
	}
	files, ok := o.files[p]
	if !ok {
		return std.importPackage(p)
	}
	var first error
	conf := types.Config{Importer: o, Error: func(err error) {
		if first == nil {
			first = err
		}
	}}
	pkg, _ := conf.Check(p, o.fset, files, nil)
	if first != nil {
		return nil, fmt.Errorf("package %s does not compile: %v", p, first)
	}
	o.checked[p] = pkg
	return pkg, nil
}

// std imports standard packages from the export data in the go command's build cache, which
// go list -export names. One importer serves a whole fuzzing process: reading export data
// takes milliseconds, where type-checking net/http from source would take seconds for every
// input.
var std = &stdImporter{exports: map[string]string{}}

type stdImporter struct {
	mu      sync.Mutex
	imp     types.Importer
	exports map[string]string
}

func (s *stdImporter) importPackage(p string) (*types.Package, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.imp == nil {
		s.imp = importer.ForCompiler(token.NewFileSet(), "gc", s.lookup)
	}
	return s.imp.Import(p)
}

// lookup opens the export data of p, asking the go command for it, and for that of every
// package p depends on, the first time.
func (s *stdImporter) lookup(p string) (io.ReadCloser, error) {
	if _, ok := s.exports[p]; !ok {
		cmd := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", p)
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list -export %s: %v", p, err)
		}
		for line := range strings.Lines(string(out)) {
			if dep, file, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok && file != "" {
				s.exports[dep] = file
			}
		}
	}
	file, ok := s.exports[p]
	if !ok {
		return nil, fmt.Errorf("no export data for %s", p)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

// TestTypeCheckCatches makes sure the fuzzer's check fails on code that parses but does not
// compile.
func TestTypeCheckCatches(t *testing.T) {
	files := map[string][]byte{
		"api/a.go":      []byte("package api\n\nimport \"example.com/out/params\"\n\nfunc F(params *params.P) { var x params.P; _ = x }\n"),
		"params/p.go":   []byte("package params\n\ntype P struct{}\n"),
		"api/b_test.go": []byte("package api\n\nimport \"net/http\"\n\nvar _ = http.StatusOK\n"),
	}
	err := typeCheck("example.com/out", files)
	if err == nil || !strings.Contains(err.Error(), "params.P is not a type") {
		t.Fatalf("error %v, want params.P is not a type", err)
	}
	delete(files, "api/a.go")
	if err := typeCheck("example.com/out", files); err != nil {
		t.Fatalf("code that compiles: %v", err)
	}
	if !slices.Contains(sortedKeys(std.exports), "net/http") {
		t.Error("net/http was not imported from export data")
	}
}
