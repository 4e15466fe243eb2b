package main

import (
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
