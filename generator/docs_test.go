package generator_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/generator"
)

// TestGoldenDocs generates every golden case and checks each Go file: gofmt leaves it as it
// is, and, in the go doc style, every exported identifier has a doc comment that starts with
// its name, as revive's exported rule asks (and fields and interface methods too, which revive
// does not check).
func TestGoldenDocs(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range cases {
		_, cfg := readCase(t, file)
		files, err := generator.Generate(cfg)
		if err != nil {
			continue // a negative case
		}
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		for _, p := range sortedKeys(files) {
			if !strings.HasSuffix(p, ".go") {
				continue
			}
			where := name + ": " + p
			src := files[p]
			if err := formatIsFinal(src); err != nil {
				t.Errorf("%s: %v", where, err)
			}
			if cfg.DocStyle != "colon" {
				for _, msg := range undocumented(t, src) {
					t.Errorf("%s: %s", where, msg)
				}
			}
		}
	}
}

// undocumented lists the exported identifiers of a Go file whose doc comment is missing or
// does not start with the identifier's name.
func undocumented(t *testing.T, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	check := func(id *ast.Ident, doc *ast.CommentGroup, what string) {
		if !id.IsExported() {
			return
		}
		text := doc.Text()
		for _, article := range []string{"", "A ", "An ", "The "} {
			if strings.HasPrefix(text, article+id.Name+" ") {
				return
			}
		}
		first, _, _ := strings.Cut(text, "\n")
		out = append(out, fset.Position(id.Pos()).String()+": "+what+" "+id.Name+": doc "+`"`+first+`"`)
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && !exportedRecv(d.Recv.List[0].Type) {
				continue
			}
			check(d.Name, d.Doc, "func")
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				doc := d.Doc
				if d.Lparen.IsValid() && d.Tok != token.CONST {
					doc = nil
				}
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if s.Doc != nil {
						doc = s.Doc
					}
					check(s.Name, doc, "type")
					if s.Name.IsExported() {
						checkMembers(s.Type, check)
					}
				case *ast.ValueSpec:
					// Each constant of a group has its own doc; the group's says what they are.
					doc := s.Doc
					if !d.Lparen.IsValid() {
						doc = d.Doc
					}
					for _, n := range s.Names {
						check(n, doc, d.Tok.String())
					}
				}
			}
		}
	}
	return out
}

// checkMembers checks the fields of a struct and the methods of an interface. A line that
// declares several names needs a doc that starts with the first.
func checkMembers(typ ast.Expr, check func(*ast.Ident, *ast.CommentGroup, string)) {
	var list *ast.FieldList
	switch x := typ.(type) {
	case *ast.StructType:
		list = x.Fields
	case *ast.InterfaceType:
		list = x.Methods
	default:
		return
	}
	for _, fl := range list.List {
		if len(fl.Names) > 0 {
			check(fl.Names[0], fl.Doc, "member")
		}
	}
}

// exportedRecv reports whether a method's receiver type is exported.
func exportedRecv(x ast.Expr) bool {
	for {
		switch r := x.(type) {
		case *ast.StarExpr:
			x = r.X
		case *ast.IndexExpr:
			x = r.X
		case *ast.IndexListExpr:
			x = r.X
		case *ast.Ident:
			return r.IsExported()
		default:
			return false
		}
	}
}

// TestDocOptions checks the values "docStyle" and "docWrap" take, and that others fail.
func TestDocOptions(t *testing.T) {
	for _, c := range []struct {
		json, err string
	}{
		{`"docStyle": "go", "docWrap": "gofmt"`, ""},
		{`"docStyle": "colon", "docWrap": "stytch"`, ""},
		{`"docStyle": "godoc"`, `"docStyle" must be "go" or "colon", not "godoc"`},
		{`"docWrap": "105"`, `"docWrap" must be "gofmt" or "stytch", not "105"`},
	} {
		_, err := generator.ParseOptions([]byte(`{"output": "o", "module": "m", ` + c.json + `}`))
		if got := fmt.Sprint(err); c.err == "" && err != nil || c.err != "" && got != c.err {
			t.Errorf("%s: error %v, want %q", c.json, err, c.err)
		}
	}
}
