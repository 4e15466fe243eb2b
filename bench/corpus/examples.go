package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/specgen-dev/specgen/generator/ir"
)

// roundTripSource is roundtrip.go, copied into every round-trip program.
//
//go:embed roundtrip.go
var roundTripSource []byte

// example is one example of a spec and what became of its round trip.
type example struct {
	ex     *ir.Example
	owner  string // the operation or type the spec gives it for
	goType string // the Go type it decodes into, as reports write it
	prop   bool   // a property's example (ir.Field.Examples), counted apart
	// field is set for a property's own example, which decodes as the one field of a struct
	// with the property's JSON tag: the tag's omitempty or omitzero decide whether a zero
	// or null comes back.
	field  *ir.Field
	result *tripResult
}

// tag is the JSON struct tag of the wrapping struct's field "v".
func (e *example) tag() string {
	switch e.field.Omit {
	case ir.OmitEmpty:
		return "v,omitempty"
	case ir.OmitZero:
		return "v,omitzero"
	}
	return "v"
}

// examples are a spec's examples, sorted by what the sweep can do with them.
type examples struct {
	trips   []*example // valid, with a Go type: the round trips
	invalid []*example // with a Go type, but not valid against their own schema
	// seen holds the position and Go type of every property example: a property's schema
	// is a field of each struct that has it (allOf members, a $ref'd scalar), and one
	// check of each value into each Go type is enough.
	seen     map[string]bool
	noType   int // no Go type holds them
	external int // externalValue: not in the spec
	tripTime time.Duration
	// err is why the round-trip program did not run through.
	err string
}

// programDir is the folder of a spec's round-trip program. Its base name, the program's,
// differs for every spec, so that one go build -o writes them all into one folder.
func programDir(work, name string) string {
	return filepath.Join(work, name, name+"-examples")
}

// collectExamples sorts the examples of prog and writes the round-trip program for those it
// can check: main.go, roundtrip.go and examples.json in programDir.
func (s *spec) collectExamples(prog *ir.Program, work string) error {
	display := &typeWriter{prog: prog}
	s.examples.seen = map[string]bool{}
	add := func(owner string, ex *ir.Example, f *ir.Field) {
		e := &example{ex: ex, owner: owner, prop: f != nil}
		if ex.Target != nil {
			e.goType = display.expr(ex.Target)
		}
		if f != nil && ex.Target == f.Type && f.JSONName != "-" {
			e.field = f
			e.goType += " `json:\"" + e.tag() + "\"`"
		}
		if e.prop {
			key := ex.Pos.String() + " " + e.goType
			if s.examples.seen[key] {
				return
			}
			s.examples.seen[key] = true
		}
		switch {
		case ex.External != "":
			s.examples.external++
		case ex.Target == nil:
			s.examples.noType++
		case !ex.Valid:
			s.examples.invalid = append(s.examples.invalid, e)
		default:
			s.examples.trips = append(s.examples.trips, e)
		}
	}
	for _, p := range prog.Packages {
		for _, t := range p.Types {
			for _, ex := range t.Examples {
				add(t.Name, ex, nil)
			}
			fields := t.Fields
			if t.Extra != nil {
				fields = append(slices.Clip(fields), t.Extra)
			}
			for _, f := range fields {
				for _, ex := range f.Examples {
					add(t.Name+"."+f.Name, ex, f)
				}
			}
		}
		for _, op := range p.Operations {
			for _, ex := range op.Examples {
				add(op.Name, ex, nil)
			}
		}
	}
	if len(s.examples.trips) == 0 {
		return nil
	}
	type line struct {
		ID     int             `json:"id"`
		Target int             `json:"target"`
		JSON   json.RawMessage `json:"json"`
	}
	w := &typeWriter{prog: prog, imports: map[string]string{}}
	var data bytes.Buffer
	enc := json.NewEncoder(&data)
	var targets []string
	index := map[string]int{}
	for i, e := range s.examples.trips {
		expr, data := w.expr(e.ex.Target), e.ex.JSON
		if e.field != nil {
			expr = fmt.Sprintf("struct {\n\t\tV %s %q\n\t}", expr, `json:"`+e.tag()+`"`)
			data = slices.Concat([]byte(`{"v":`), data, []byte(`}`))
		}
		t, ok := index[expr]
		if !ok {
			t = len(targets)
			index[expr] = t
			targets = append(targets, expr)
		}
		if err := enc.Encode(line{ID: i, Target: t, JSON: data}); err != nil {
			return err
		}
	}
	dir := programDir(work, s.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	src, err := w.program(targets)
	if err != nil {
		return err
	}
	for name, content := range map[string][]byte{"main.go": src, "roundtrip.go": roundTripSource, "examples.json": data.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// typeWriter writes Go type expressions of the IR: for the round-trip program, which imports
// the packages as p0, p1, ..., or with imports nil, for reports, naming packages by their
// last path element.
type typeWriter struct {
	prog    *ir.Program
	imports map[string]string // import path to name
}

func (w *typeWriter) qual(path, name string) string {
	if w.imports == nil {
		return filepath.Base(path) + "." + name
	}
	id, ok := w.imports[path]
	if !ok {
		id = fmt.Sprintf("p%d", len(w.imports))
		w.imports[path] = id
	}
	return id + "." + name
}

func (w *typeWriter) expr(t *ir.TypeRef) string {
	switch t.Kind {
	case ir.Builtin:
		return t.Builtin.String()
	case ir.Named:
		return w.qual(t.Named.Package.ImportPath(w.prog.Module), t.Named.Name)
	case ir.Pointer:
		return "*" + w.expr(t.Elem)
	case ir.Slice:
		return "[]" + w.expr(t.Elem)
	case ir.Map:
		return "map[string]" + w.expr(t.Elem)
	case ir.Time:
		return w.qual("time", "Time")
	case ir.RawJSON:
		return w.qual("encoding/json", "RawMessage")
	case ir.Nullable:
		rt := w.prog.Module
		if w.prog.Runtime != "" {
			rt += "/" + w.prog.Runtime
		}
		return w.qual(rt, "Nullable") + "[" + w.expr(t.Elem) + "]"
	}
	return "any"
}

// program is the round-trip program's main.go: it reads examples.json (one example a line:
// its id, the index of its Go type in targets, its JSON) and prints one tripResult a line.
func (w *typeWriter) program(targets []string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by bench/corpus; DO NOT EDIT.\n\n")
	b.WriteString("// Command examples decodes every example of examples.json into its Go type, encodes it\n// again and prints how the two compare.\npackage main\n\n")
	b.WriteString("import (\n\t\"bufio\"\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"os\"\n\n")
	paths := make([]string, 0, len(w.imports))
	for p := range w.imports {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "\t%s %q\n", w.imports[p], p)
	}
	b.WriteString(")\n\nvar targets = []func() any{\n")
	for _, t := range targets {
		fmt.Fprintf(&b, "\tfunc() any { return new(%s) },\n", t)
	}
	b.WriteString(`}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dec := json.NewDecoder(bufio.NewReader(f))
	enc := json.NewEncoder(os.Stdout)
	for dec.More() {
		var e struct {
			ID     int             ` + "`json:\"id\"`" + `
			Target int             ` + "`json:\"target\"`" + `
			JSON   json.RawMessage ` + "`json:\"json\"`" + `
		}
		if err := dec.Decode(&e); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := enc.Encode(roundTrip(e.ID, e.JSON, targets[e.Target]())); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
`)
	return format.Source(b.Bytes())
}

// runExamples runs the round-trip program of every spec that built, from bin, and records
// each example's result.
func runExamples(work, bin string, specs []*spec) {
	for _, s := range specs {
		if s.result != "" || len(s.examples.trips) == 0 {
			continue
		}
		start := time.Now()
		c := exec.Command(filepath.Join(bin, s.name+"-examples"), filepath.Join(programDir(work, s.name), "examples.json"))
		var stderr bytes.Buffer
		c.Stderr = &stderr
		out, err := c.Output()
		s.examples.tripTime = time.Since(start)
		if err != nil {
			s.examples.err = fmt.Sprintf("%s-examples: %v: %s", s.name, err, firstLine(stderr.String()))
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			r := new(tripResult)
			if err := json.Unmarshal(sc.Bytes(), r); err != nil || r.ID < 0 || r.ID >= len(s.examples.trips) {
				s.examples.err = fmt.Sprintf("%s-examples: bad output line %q", s.name, sc.Text())
				break
			}
			s.examples.trips[r.ID].result = r
		}
	}
}

// count counts the examples of list (round trips or invalid ones) of properties (prop) or of
// the others.
func count(list []*example, prop bool) int {
	n := 0
	for _, e := range list {
		if e.prop == prop {
			n++
		}
	}
	return n
}

// passed counts the round trips of properties (prop) or of the others that kept every
// value.
func (x *examples) passed(prop bool) int {
	n := 0
	for _, e := range x.trips {
		if e.prop == prop && e.kept() {
			n++
		}
	}
	return n
}

func (e *example) kept() bool {
	return e.result != nil && e.result.Err == "" && e.result.Path == ""
}

// share is a round-trip column: "97.3% (73/75)", or "-" without examples.
func (x *examples) share(prop bool) string {
	n := count(x.trips, prop)
	if n == 0 {
		return "-"
	}
	p := x.passed(prop)
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(p)/float64(n), p, n)
}

// reportExamples prints, per spec, the invalid examples and the failed round trips, at
// most most lines each unless most is 0.
func reportExamples(specs []*spec, corpus string, most int) {
	for _, s := range specs {
		x := &s.examples
		var lines []string
		for _, e := range x.invalid {
			lines = append(lines, fmt.Sprintf("invalid  %s: %s", e.where(corpus), e.ex.Invalid))
		}
		for _, e := range x.trips {
			switch r := e.result; {
			case r == nil:
			case r.Err != "":
				lines = append(lines, fmt.Sprintf("fails    %s into %s: %s", e.where(corpus), e.goType, firstLine(r.Err)))
			case r.Path != "":
				lines = append(lines, fmt.Sprintf("differs  %s into %s: %s: want %s, got %s", e.where(corpus), e.goType, r.Path, r.Want, r.Got))
			}
		}
		if x.err != "" {
			lines = append([]string{"error    " + x.err}, lines...)
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Printf("\n== %s: examples: %d invalid, %d round trips failed; of properties: %d invalid, %d round trips failed\n", s.name,
			count(x.invalid, false), count(x.trips, false)-x.passed(false), count(x.invalid, true), count(x.trips, true)-x.passed(true))
		more := 0
		if most > 0 && len(lines) > most {
			lines, more = lines[:most], len(lines)-most
		}
		for _, l := range lines {
			fmt.Printf("\t%s\n", l)
		}
		if more > 0 {
			fmt.Printf("\t... %d more (-v prints all)\n", more)
		}
	}
}

// where names an example: its position, whose it is, and its name.
func (e *example) where(corpus string) string {
	pos := strings.TrimPrefix(e.ex.Pos.String(), filepath.ToSlash(filepath.Clean(corpus))+"/")
	w := pos + " " + e.owner + " " + e.ex.In
	if e.ex.Name != "" {
		w += " " + e.ex.Name
	}
	return w
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return first
}
