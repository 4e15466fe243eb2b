package generator_test

import (
	"bytes"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/specgen-dev/specgen/generator"
	"github.com/specgen-dev/specgen/internal/diff"
	"github.com/specgen-dev/specgen/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// A golden case is a txtar archive: its comment (the first line on) says what the case covers,
// then come spec files under spec/ (the config is spec/specgen.json, or a default one), and
// either the expected output files under out/ or, for a spec that must fail, the expected error
// text in the file "error". A case about what is skipped or warned about also pins the run's
// report (warnings and summary) in the file "summary".
//
// The static runtime (templates/*.go.tmpl, the same for every spec but for the package name)
// is pinned by the case runtimeCase alone, and only there: the other cases hold what the
// generator writes from their spec, so that a template edit changes one golden file.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

// runtimeCase is the golden case that pins the runtime files, every template once.
const runtimeCase = "runtime"

// isRuntime reports whether a generated file is a copy of a runtime template.
func isRuntime(content []byte) bool {
	return bytes.HasPrefix(content, []byte(generator.Header+"\n// Source: templates/"))
}

// pinned reports whether the golden case name holds the generated file content.
func pinned(name string, content []byte) bool {
	return isRuntime(content) == (name == runtimeCase)
}

// TestGoldenRuntime checks that the runtime case pins every template.
func TestGoldenRuntime(t *testing.T) {
	ar, _ := readCase(t, filepath.Join("testdata", runtimeCase+".txtar"))
	sources := map[string]bool{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "out/") && isRuntime(f.Data) {
			first, _, _ := strings.Cut(strings.TrimPrefix(string(f.Data), generator.Header+"\n// Source: "), "\n")
			sources[first] = true
		}
	}
	tmpls, err := filepath.Glob("../templates/*.go.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if len(tmpls) == 0 {
		t.Fatal("no templates")
	}
	for _, tmpl := range tmpls {
		if src := "templates/" + filepath.Base(tmpl); !sources[src] {
			t.Errorf("%s: no output of %s in the case; give its spec what makes specgen write it", runtimeCase, src)
		}
	}
}

func runGolden(t *testing.T, file string) {
	ar, cfg := readCase(t, file)
	if strings.TrimSpace(string(ar.Comment)) == "" {
		t.Fatal("the archive has no comment saying what the case covers")
	}
	res, genErr := generator.Run(cfg)
	var files map[string][]byte
	report := ""
	if genErr == nil {
		files, report = res.Files, res.Report()
	}
	name := strings.TrimSuffix(filepath.Base(file), ".txtar")
	for p, content := range files {
		if !pinned(name, content) {
			delete(files, p)
		}
	}

	want := map[string][]byte{}
	var wantErr, wantReport string
	hasErr, hasReport := false, false
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "out/"):
			want[strings.TrimPrefix(f.Name, "out/")] = f.Data
		case f.Name == "error":
			wantErr, hasErr = strings.TrimSpace(string(f.Data)), true
		case f.Name == "summary":
			wantReport, hasReport = string(f.Data), true
		}
	}

	if *update {
		var kept []txtar.File
		for _, f := range ar.Files {
			if strings.HasPrefix(f.Name, "spec/") || strings.HasPrefix(f.Name, "test/") {
				kept = append(kept, f)
			}
		}
		if genErr != nil {
			kept = append(kept, txtar.File{Name: "error", Data: []byte(genErr.Error() + "\n")})
		} else {
			if hasReport {
				kept = append(kept, txtar.File{Name: "summary", Data: []byte(report)})
			}
			for _, p := range sortedKeys(files) {
				kept = append(kept, txtar.File{Name: "out/" + p, Data: files[p]})
			}
		}
		ar.Files = kept
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}

	if hasErr {
		if genErr == nil {
			t.Fatalf("generation succeeded; want error:\n%s", wantErr)
		}
		if got := strings.TrimSpace(genErr.Error()); got != wantErr {
			t.Fatalf("error:\n%s\nwant:\n%s", got, wantErr)
		}
		return
	}
	if genErr != nil {
		t.Fatalf("generation failed: %v", genErr)
	}
	if hasReport && report != wantReport {
		t.Errorf("report:\n%s\nwant:\n%s", report, wantReport)
	}
	for _, p := range sortedKeys(want) {
		got, ok := files[p]
		if !ok {
			t.Errorf("%s: not generated", p)
			continue
		}
		if !bytes.Equal(got, want[p]) {
			t.Errorf("%s differs from the golden file (go test ./generator/ -run TestGolden -update rewrites it):\n%s",
				p, diff.Unified("golden/"+p, "generated/"+p, string(want[p]), string(got)))
		}
	}
	for _, p := range sortedKeys(files) {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: generated but not in the golden file", p)
		}
	}
}

// readCase reads a golden archive and the generator config it describes.
func readCase(t *testing.T, file string) (*txtar.Archive, generator.Config) {
	t.Helper()
	ar, cfg, err := golden.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	return ar, cfg
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestGoldenCompiles builds and vets the output of every golden case in one module, so a
// golden file can never pin code that does not compile, and runs the tests a case carries
// under test/ against its output.
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, file := range cases {
		ar, cfg := readCase(t, file)
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		cfg.Module = "golden.test/" + name
		files, err := generator.Generate(cfg)
		if err != nil {
			continue // a negative case
		}
		for _, f := range ar.Files {
			if rel, ok := strings.CutPrefix(f.Name, "test/"); ok {
				files[rel] = f.Data
			}
		}
		writeTree(t, filepath.Join(dir, name), files)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module golden.test\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s of the golden outputs: %v\n%s", args[0], err, out)
		}
	}
}

// writeTree writes files, keyed by slash-separated paths, under dir.
func writeTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPackageDocs checks that, in the go doc style, every package of every golden case's
// output has exactly one package comment, of the form revive's package-comments rule asks.
func TestPackageDocs(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range cases {
		_, cfg := readCase(t, file)
		files, err := generator.Generate(cfg)
		if err != nil || cfg.DocStyle == "colon" {
			continue
		}
		docs := map[string][]string{} // package folder: its package comments
		names := map[string]string{}
		for _, p := range sortedKeys(files) {
			if !strings.HasSuffix(p, ".go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, files[p], parser.ParseComments|parser.PackageClauseOnly)
			if err != nil {
				t.Fatal(err)
			}
			dir := path.Dir(p)
			docs[dir], names[dir] = docs[dir], f.Name.Name
			if f.Doc != nil {
				docs[dir] = append(docs[dir], f.Doc.Text())
			}
		}
		for _, dir := range sortedKeys(docs) {
			d := docs[dir]
			if len(d) != 1 || !strings.HasPrefix(d[0], "Package "+names[dir]+" ") {
				t.Errorf("%s: package %s: package comments %q, want one that starts with its name", filepath.Base(file), dir, d)
			}
		}
	}
}
