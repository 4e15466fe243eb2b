package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/generator/ir"
)

func TestTypeWriter(t *testing.T) {
	pkg := &ir.Package{Path: "models", Name: "models"}
	pet := &ir.TypeRef{Kind: ir.Named, Named: &ir.Type{Name: "Pet", Package: pkg}}
	ref := &ir.TypeRef{Kind: ir.Map, Elem: &ir.TypeRef{Kind: ir.Slice, Elem: &ir.TypeRef{Kind: ir.Pointer, Elem: &ir.TypeRef{
		Kind: ir.Nullable, Elem: pet}}}}
	when := &ir.TypeRef{Kind: ir.Nullable, Elem: &ir.TypeRef{Kind: ir.Time}}
	prog := &ir.Program{Module: "corpus.example/x", Runtime: "validate"}

	w := &typeWriter{prog: prog, imports: map[string]string{}}
	if got, want := w.expr(ref)+" "+w.expr(when), "map[string][]*p0.Nullable[p1.Pet] p0.Nullable[p2.Time]"; got != want {
		t.Errorf("program: %s, want %s", got, want)
	}
	src, err := w.program([]string{w.expr(ref), "any"})
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range []string{`p0 "corpus.example/x/validate"`, `p1 "corpus.example/x/models"`, `p2 "time"`, "return new(map[string][]*p0.Nullable[p1.Pet])"} {
		if !strings.Contains(string(src), imp) {
			t.Errorf("program lacks %s:\n%s", imp, src)
		}
	}

	display := &typeWriter{prog: prog}
	if got, want := display.expr(ref), "map[string][]*validate.Nullable[models.Pet]"; got != want {
		t.Errorf("display: %s, want %s", got, want)
	}
}

func TestCollectPropertyExamples(t *testing.T) {
	pkg := &ir.Package{Path: "models", Name: "models"}
	str := ir.BasicType(ir.String)
	at := ir.Pos{File: "openapi.yaml", Line: 3, Col: 5}
	ex := func(valid bool, pos ir.Pos) *ir.Example {
		e := &ir.Example{In: "property", Pos: pos, JSON: []byte(`"x"`), Target: str, Valid: valid}
		if !valid {
			e.Invalid = "bad"
		}
		return e
	}
	// The same property example on two structs (an allOf member's property) is one round trip.
	a := &ir.Type{Name: "A", Package: pkg, Fields: []*ir.Field{{Name: "Name", Type: str, Examples: []*ir.Example{ex(true, at)}}},
		Examples: []*ir.Example{{In: "schema", JSON: []byte(`{}`), Target: &ir.TypeRef{Kind: ir.Any}, Valid: true}}}
	b := &ir.Type{Name: "B", Package: pkg, Fields: []*ir.Field{{Name: "Name", Type: str, Examples: []*ir.Example{ex(true, at)}}},
		Extra: &ir.Field{Name: "AdditionalProperties", Type: &ir.TypeRef{Kind: ir.Map, Elem: str}, Examples: []*ir.Example{ex(false, ir.Pos{File: "openapi.yaml", Line: 9, Col: 5})}}}
	pkg.Types = []*ir.Type{a, b}
	a.Fields[0].Omit, b.Fields[0].Omit = ir.OmitZero, ir.OmitZero
	s := &spec{name: "x"}
	work := t.TempDir()
	if err := s.collectExamples(&ir.Program{Module: "corpus.example/x", Packages: []*ir.Package{pkg}}, work); err != nil {
		t.Fatal(err)
	}
	// A property's own example decodes as the field of a struct with the property's tag.
	src, _ := os.ReadFile(filepath.Join(programDir(work, "x"), "main.go"))
	data, _ := os.ReadFile(filepath.Join(programDir(work, "x"), "examples.json"))
	if !strings.Contains(string(src), "V string \"json:\\\"v,omitzero\\\"\"") || !strings.Contains(string(data), `{"v":"x"}`) {
		t.Errorf("the property example is not wrapped in a struct:\n%s\n%s", src, data)
	}
	x := &s.examples
	if got := [4]int{count(x.trips, false), count(x.trips, true), count(x.invalid, false), count(x.invalid, true)}; got != [4]int{1, 1, 0, 1} {
		t.Errorf("trips, property trips, invalid, invalid properties = %v, want [1 1 0 1]", got)
	}
	if e := x.invalid[0]; e.owner != "B.AdditionalProperties" || e.goType != "string" {
		t.Errorf("invalid example of %s into %s", e.owner, e.goType)
	}
}
