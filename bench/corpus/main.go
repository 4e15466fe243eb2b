// Command corpus generates a Go package from every spec of an OpenAPI corpus and checks
// that the output compiles and has no finding of go vet, staticcheck or revive. It is a sweep
// for generator bugs on real-world specs, and a rough benchmark of generation time.
//
// Usage:
//
//	go run ./bench/corpus -corpus ../shared/corpus [-work DIR] [-only NAME] [-v] [-revive FILE] [-nolint]
//
// The linters run at the versions pinned in lint.go, through go run; revive reads
// bench/revive.toml (-revive), which enables its default rules, exported among them, on
// generated files too. The table counts the findings of each tool per spec, and a section
// after it sums them by rule and lists the first 20 (-v: all). Zero findings is the bar: a
// spec with any is a failure of the sweep. -nolint skips staticcheck and revive.
//
// Each spec is generated as `specgen generate -spec` does: loaded as published, a part that
// cannot be generated skipped. The table's operations and schemas are what the generator's
// summary counts as generated, next to what it skipped (operations, schemas, and other parts:
// parameters, responses, examples, descriptions); a section after the table lists each
// skipped part with its position and reason.
//
// The corpus folder holds entries.tsv: one spec a line, its name and its path relative to
// the corpus folder, separated by a tab. Every spec becomes the package <work>/<name> of one
// scratch module, corpus.example.
//
// The sweep also checks the generated types against the spec's own JSON examples (media-type
// example and examples, a named schema's example and examples). The program
// <work>/<name>/<name>-examples, built by the same go build, decodes every example that is
// valid against its schema into the Go type the generated code uses for it, encodes that
// value again and compares the two JSON texts; the table gives the share that came back
// with every value kept, and a section after it lists the invalid examples and the failed
// round trips (-v: all of them, else the first 20 of each spec). Its columns: examples (the
// valid ones a Go type holds), round-trip (the share of those kept), invalid (those a Go type
// holds that fail their schema; kin-openapi's reason is listed), no type (examples of a
// response or media type the generated code does not decode: not checked) and external
// (externalValue: not in the spec). The property examples (a property schema's example and
// examples, at any depth: in inline objects, array items, map values, union variants and
// additionalProperties) have their own three columns, left out of the others: prop
// examples (the valid ones), prop round-trip and prop invalid. A property's own example (or
// a variant's, of a union property) decodes as {"v": example} into a struct whose one field
// V has the field's Go type and JSON tag (its pointer or Nullable, its omitempty or
// omitzero: so a null or a zero that would be lost on the wire is lost here; a difference
// is reported at $.v); one of array items or map values decodes into the element type. One
// that several structs share (an allOf member's property, a $ref to a scalar schema) is
// checked once per Go type and tag. The comparison allows only:
//   - key order: objects are compared key by key;
//   - number spelling: numbers are compared as exact decimal values (1.0 == 1, 1e2 == 100,
//     large integers are not rounded);
//   - date-time spelling: two RFC 3339 date-time strings denoting the same instant are the
//     same, since time.Time writes its own fraction and zone ("2020-01-01T00:00:00.000Z"
//     comes back as "2020-01-01T00:00:00Z").
//
// Anything else is a difference: a dropped key, a 0, false, "" or null that came back absent
// (or the other way round), an extra key, a changed value. Round-trip failures are reported
// but do not fail the sweep, which exits 1 only when a spec fails to generate or build or has
// a finding.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/specgen-dev/specgen/generator"
	"github.com/specgen-dev/specgen/generator/ir"
)

const module = "corpus.example"

// spec is one corpus entry and what became of it.
type spec struct {
	name, path string // entry name; spec file path relative to the corpus folder

	genTime      time.Duration
	files, types int
	lines, warns int
	// summary is what the generator says it generated and skipped.
	summary        ir.Summary
	result, errMsg string // errMsg holds every error line; the table shows the first
	examples       examples
	// findings are what go vet, staticcheck and revive report on the output.
	findings []finding
}

func main() {
	corpus := flag.String("corpus", "", "the corpus folder, holding entries.tsv (required)")
	work := flag.String("work", "", "the scratch module folder, kept for inspection (default: a new temporary folder)")
	only := flag.String("only", "", "sweep only the entry with this name")
	verbose := flag.Bool("v", false, "list every invalid example, failed round trip and finding, not the first 20 of each spec")
	reviveConfig := flag.String("revive", "bench/revive.toml", "revive's config file")
	noLint := flag.Bool("nolint", false, "skip staticcheck and revive (go vet still runs)")
	flag.Parse()
	if *corpus == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	most := 20
	if *verbose {
		most = 0
	}
	lintConfig := *reviveConfig
	if *noLint {
		lintConfig = ""
	}
	if err := run(*corpus, *work, *only, lintConfig, most); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(corpus, work, only, lintConfig string, most int) error {
	start := time.Now()
	specs, err := readEntries(filepath.Join(corpus, "entries.tsv"), only)
	if err != nil {
		return err
	}
	if work == "" {
		if work, err = os.MkdirTemp("", "specgen-corpus-"); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	gomod := fmt.Sprintf("module %s\n\ngo 1.26\n", module)
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}

	byName := make(map[string]*spec, len(specs))
	for _, s := range specs {
		byName[s.name] = s
		fmt.Fprintf(os.Stderr, "generating %s\n", s.name)
		if err := s.generate(corpus, work); err != nil {
			return err
		}
	}
	// A package that does not load (a syntax error, a bad import) stops go build and go vet
	// before they compile anything, so such packages are found first and left out.
	if err := loadErrors(work, pending(specs), byName); err != nil {
		return err
	}
	// One go build and one go vet over every package: the go command schedules packages in
	// parallel and shares the standard library's compile, which per-package runs would not.
	// go build writes the round-trip programs, one per spec, into bin.
	bin := filepath.Join(work, "bin")
	if err := os.RemoveAll(bin); err != nil {
		return err
	}
	if patterns := pending(specs); len(patterns) > 0 {
		build := []string{"build"}
		if slices.ContainsFunc(specs, func(s *spec) bool { return dirExists(programDir(work, s.name)) }) {
			// -o with a folder fails when no pattern is a main package.
			build = append(build, "-o", bin+string(filepath.Separator))
		}
		goTool(work, build, patterns, byName)
		if err := vet(work, pending(specs), byName); err != nil {
			return err
		}
		if lintConfig != "" {
			if err := lint(work, lintConfig, pending(specs), byName); err != nil {
				return err
			}
		}
	}
	tripStart := time.Now()
	runExamples(work, bin, specs)
	tripTime := time.Since(tripStart)
	failed := report(specs, most)
	reportExamples(specs, corpus, most)
	fmt.Printf("\nscratch module: %s\nround-trip programs' run time: %s\ntotal wall time: %s\n", work,
		tripTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if failed > 0 {
		return fmt.Errorf("%d of %d specs failed", failed, len(specs))
	}
	return nil
}

// readEntries parses entries.tsv, skipping blank lines and # comments.
func readEntries(file, only string) ([]*spec, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var specs []*spec
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, path, ok := strings.Cut(line, "\t")
		if !ok || name == "" || path == "" || strings.ContainsAny(name, `/\`) {
			return nil, fmt.Errorf("%s:%d: want name<TAB>path, got %q", file, i+1, line)
		}
		if only == "" || only == name {
			specs = append(specs, &spec{name: name, path: strings.TrimSpace(path)})
		}
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("%s: no entry to sweep", file)
	}
	return specs, nil
}

// generate runs the generator in-process, so that the timing excludes go run and process
// start-up, and writes the package to <work>/<name>. Spec errors and panics are results,
// not errors: the sweep goes on with the next spec.
func (s *spec) generate(corpus, work string) error {
	// Start from an empty folder so that files of an earlier sweep cannot linger.
	dir := filepath.Join(work, s.name)
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	specFile := filepath.Join(corpus, filepath.FromSlash(s.path))
	specDir := filepath.Dir(specFile)
	cfg := generator.Config{
		// As `specgen generate -spec` does: the spec's folder is the root of what is read.
		FS:      os.DirFS(specDir),
		SpecDir: filepath.ToSlash(specDir),
		Options: generator.Options{
			Spec:        filepath.Base(specFile),
			Output:      dir,
			Module:      module + "/" + s.name,
			PackageName: goName(s.name),
			OmitEmpty:   "optional",
			EnumStyle:   "typed",
			LaxPatterns: true,
			Foreign:     true,
			Examples:    true,
		},
	}
	// Collect the previous spec's garbage now, so that it is not charged to this one.
	runtime.GC()
	res, took, panicked, err := runGenerator(cfg)
	s.genTime = took
	switch {
	case panicked:
		s.result, s.errMsg = "generate PANIC", err.Error()
		return nil
	case err != nil && invalidSpec.MatchString(err.Error()):
		s.result, s.errMsg = "invalid spec", err.Error()
		return nil
	case err != nil:
		s.result, s.errMsg = "generate error", err.Error()
		return nil
	}
	s.warns, s.summary = len(res.Warnings), res.Summary
	if err := s.collectExamples(res.Program, work); err != nil {
		return err
	}

	fset := token.NewFileSet()
	for rel, content := range res.Files {
		file := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, content, 0o644); err != nil {
			return err
		}
		if !strings.HasSuffix(rel, ".go") {
			continue
		}
		s.files++
		s.lines += bytes.Count(content, []byte("\n"))
		// A file that does not parse is reported by go list; here it only misses the count.
		f, _ := parser.ParseFile(fset, file, content, parser.SkipObjectResolution)
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok == token.TYPE {
					s.types += len(d.Specs)
				}
			}
		}
	}
	return nil
}

// runGenerator times generator.Run and turns a panic into an error holding its stack.
func runGenerator(cfg generator.Config) (res *generator.Result, took time.Duration, panicked bool, err error) {
	start := time.Now()
	defer func() {
		took = time.Since(start)
		if r := recover(); r != nil {
			panicked, err = true, fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	res, err = generator.Run(cfg)
	return res, 0, false, err
}

// goName derives a package name from an entry name: its letters and digits, lowercased.
func goName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || b.String()[0] <= '9' {
		return "p" + b.String()
	}
	return b.String()
}

// pending lists the package patterns of the specs that have not failed yet.
func pending(specs []*spec) []string {
	var patterns []string
	for _, s := range specs {
		if s.result == "" {
			patterns = append(patterns, "./"+s.name+"/...")
		}
	}
	return patterns
}

// loadErrors marks as build errors the specs whose packages go list cannot load.
func loadErrors(work string, patterns []string, byName map[string]*spec) error {
	if len(patterns) == 0 {
		return nil
	}
	c := exec.Command("go", append([]string{"list", "-e", "-json=ImportPath,Error,DepsErrors"}, patterns...)...)
	c.Dir = work
	c.Stderr = os.Stderr
	out, err := c.Output()
	if err != nil {
		return fmt.Errorf("go list: %v", err)
	}
	type pkgError struct{ Pos, Err string }
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Error      *pkgError
			DepsErrors []*pkgError
		}
		if err := dec.Decode(&p); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("go list: %v", err)
		}
		s := byName[firstElem(strings.TrimPrefix(p.ImportPath, module+"/"))]
		for _, e := range append(p.DepsErrors, p.Error) {
			if s == nil || e == nil {
				continue
			}
			s.result = "build error"
			if e.Pos != "" {
				s.errMsg += e.Pos + ": "
			}
			s.errMsg += e.Err + "\n"
		}
	}
}

// goTool runs `go <cmd> patterns...` in the scratch module and attributes each output line
// to the spec whose folder it names. The first spec to fail a step keeps that result: vet
// repeats the compile errors of packages that did not build.
func goTool(work string, args, patterns []string, byName map[string]*spec) {
	c := exec.Command("go", append(slices.Clone(args), patterns...)...)
	c.Dir = work
	out, err := c.CombinedOutput()
	if err != nil {
		attribute(args[0], out, err, byName)
	}
}

// attribute gives each line of the failed go command's output to its spec (goTool).
func attribute(cmd string, out []byte, err error, byName map[string]*spec) {
	// Errors name files relative to the module ("box/client.go:3:1: ..."), and each
	// package's block starts with "# corpus.example/box"; indented lines continue the
	// previous message.
	var cur *spec
	matched := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if pkg, ok := strings.CutPrefix(line, "# "+module+"/"); ok {
			cur = byName[firstElem(pkg)]
			continue
		}
		if s := byName[firstElem(strings.TrimPrefix(strings.TrimPrefix(line, "vet: "), "./"))]; s != nil {
			cur = s
		}
		switch {
		case cur == nil:
			fmt.Fprintf(os.Stderr, "go %s: %s\n", cmd, line)
		case cur.result == "" || cur.result == cmd+" error":
			matched++
			cur.result = cmd + " error"
			cur.errMsg += line + "\n"
		default:
			matched++
		}
	}
	if matched == 0 {
		// go failed without naming a package: say so rather than pass silently.
		fmt.Fprintf(os.Stderr, "go %s: %v\n", cmd, err)
	}
}

func firstElem(p string) string {
	elem, _, _ := strings.Cut(p, "/")
	return elem
}

// invalidSpec matches the error of a spec that is not valid OpenAPI, with its position.
var invalidSpec = regexp.MustCompile(`^\S+:\d+:\d+: not valid OpenAPI: `)

// report prints the table and then, for every failure, its first error lines; it returns
// the number of failures.
func report(specs []*spec, most int) int {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "spec\tresult\tgen time\toperations\tskipped ops\tschemas\tskipped schemas\tother skipped\ttypes\tfiles\tlines of Go\twarnings\tvet\tstaticcheck\trevive\texamples\tround-trip\tinvalid\tno type\texternal\tprop examples\tprop round-trip\tprop invalid\tfirst error")
	failed := 0
	for _, s := range specs {
		switch {
		case s.result == "" && len(s.findings) > 0:
			// Zero findings is the bar.
			s.result = "findings"
			failed++
		case s.result == "":
			s.result = "ok"
		case s.result == "invalid spec":
			// Not valid OpenAPI, stopped at a position that names the construct: the
			// outcome specgen promises for such a spec, so not a failure of the sweep.
		default:
			failed++
		}
		first, _, _ := strings.Cut(strings.TrimSpace(s.errMsg), "\n")
		x := &s.examples
		sum := &s.summary
		other := len(sum.Skipped) - sum.Count("operation") - sum.Count("schema")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%s\n", s.name, s.result,
			s.genTime.Round(time.Millisecond), sum.Operations, sum.Count("operation"), sum.Schemas, sum.Count("schema"), other,
			s.types, s.files, s.lines, s.warns,
			s.count("vet"), s.count("staticcheck"), s.count("revive"),
			count(x.trips, false), x.share(false), count(x.invalid, false), x.noType, x.external,
			count(x.trips, true), x.share(true), count(x.invalid, true), first)
	}
	tw.Flush()
	const maxLines = 12
	for _, s := range specs {
		if s.result == "findings" {
			sortFindings(s.findings)
			fmt.Printf("\n== %s: %d findings: %s\n", s.name, len(s.findings), strings.Join(s.ruleCounts(), ", "))
			for i, f := range s.findings {
				if most > 0 && i == most {
					fmt.Printf("\t... %d more (-v lists all)\n", len(s.findings)-most)
					break
				}
				fmt.Printf("\t%s\n", f)
			}
			continue
		}
		if s.result == "ok" {
			continue
		}
		lines := strings.Split(strings.TrimSpace(s.errMsg), "\n")
		more := ""
		if len(lines) > maxLines && s.result != "generate PANIC" {
			lines, more = lines[:maxLines], fmt.Sprintf("\t... %d more lines\n", len(lines)-maxLines)
		}
		fmt.Printf("\n== %s: %s\n\t%s\n%s", s.name, s.result, strings.Join(lines, "\n\t"), more)
	}
	// Every part of a spec that was skipped, with its position and why.
	for _, s := range specs {
		if len(s.summary.Skipped) == 0 {
			continue
		}
		fmt.Printf("\n== %s: %s", s.name, s.summary.String())
	}
	return failed
}

func dirExists(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}
