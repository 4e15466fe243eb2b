package emit

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"slices"
	"strconv"
	"strings"
)

// layout gives a rendered file the layout a Go team writes by hand and that neither jennifer
// nor gofmt gives it: a blank line between top-level declarations, and the imports in two
// groups, the standard library and then the generated module's own packages. It runs before
// gofmt, which keeps both.
func layout(src []byte, module string) ([]byte, error) {
	fset := gotoken.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	tf := fset.File(f.Pos())
	var edits []edit
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != gotoken.IMPORT || !g.Lparen.IsValid() {
			continue
		}
		var std, own []string
		for _, s := range g.Specs {
			spec := s.(*ast.ImportSpec)
			line := "\t" + spec.Path.Value
			if spec.Name != nil {
				line = "\t" + spec.Name.Name + " " + spec.Path.Value
			}
			if p, _ := strconv.Unquote(spec.Path.Value); p == module || strings.HasPrefix(p, module+"/") {
				own = append(own, line)
			} else {
				// Generated code imports nothing but the standard library and its own module.
				std = append(std, line)
			}
		}
		if len(std) > 0 && len(own) > 0 {
			text := "(\n" + strings.Join(std, "\n") + "\n\n" + strings.Join(own, "\n") + "\n)"
			edits = append(edits, edit{tf.Offset(g.Lparen), tf.Offset(g.Rparen) + 1, text})
		}
	}
	for i := 1; i < len(f.Decls); i++ {
		end := tf.Line(f.Decls[i-1].End())
		start := f.Decls[i].Pos()
		if doc := declDoc(f.Decls[i]); doc != nil {
			start = doc.Pos()
		}
		if tf.Line(start) == end+1 {
			at := tf.Offset(tf.LineStart(end + 1))
			edits = append(edits, edit{at, at, "\n"})
		}
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.from - b.from })
	return applyEdits(src, edits), nil
}

// edit replaces the bytes from to to of a source with text.
type edit struct {
	from, to int
	text     string
}

// applyEdits applies edits, sorted and not overlapping, to src.
func applyEdits(src []byte, edits []edit) []byte {
	if len(edits) == 0 {
		return src
	}
	out := make([]byte, 0, len(src)+len(edits)*8)
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.from]...)
		out = append(out, e.text...)
		last = e.to
	}
	return append(out, src[last:]...)
}

func declDoc(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.GenDecl:
		return d.Doc
	case *ast.FuncDecl:
		return d.Doc
	}
	return nil
}
