package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/generator"
	"github.com/specgen-dev/specgen/generator/ir"
)

// TestNamesDecidedOnce checks, on the output of every golden case, that the generated code
// names nothing the IR did not decide: every import is written with the name the IR chose
// for it, every local of a generated function is one of ir.Local's and every unexported
// package-level function or variable one of ir.Helper's.
func TestNamesDecidedOnce(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	locals, helpers := ir.NewScope(), ir.NewScope()
	ir.Local.Claim(locals)
	ir.Helper.Claim(helpers)
	for _, file := range cases {
		_, cfg := readCase(t, file)
		res, err := generator.Run(cfg)
		if err != nil {
			continue // a negative case
		}
		pkgs := map[string]*ir.Package{}
		for _, p := range res.Program.Packages {
			pkgs[p.Path] = p
		}
		for _, name := range sortedKeys(res.Files) {
			if strings.HasPrefix(path.Base(name), "runtime_") {
				continue // the templates' own code
			}
			where := strings.TrimSuffix(filepath.Base(file), ".txtar") + ": " + name
			dir := path.Dir(name)
			if dir == "." {
				dir = ""
			}
			p := pkgs[dir]
			if p == nil {
				t.Fatalf("%s: no package %q in the IR", where, dir)
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, res.Files[name], parser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			checkImports(t, where, p, f)
			for _, d := range f.Decls {
				checkDecl(t, where, d, locals, helpers)
			}
		}
	}
}

func checkImports(t *testing.T, where string, p *ir.Package, f *ast.File) {
	for _, spec := range f.Imports {
		imp, _ := strconv.Unquote(spec.Path.Value)
		want := p.ImportName(imp)
		if want == "" {
			t.Errorf("%s imports %s, which is none of the package's ir.Imports", where, imp)
			continue
		}
		var declared string
		for _, i := range p.Imports {
			if i.Path == imp {
				declared = i.Declared
			}
		}
		got := declared
		if spec.Name != nil {
			got = spec.Name.Name
		}
		if got != want {
			t.Errorf("%s imports %s as %s; the IR named it %s", where, imp, got, want)
		}
	}
}

func checkDecl(t *testing.T, where string, d ast.Decl, locals, helpers *ir.Scope) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && !ast.IsExported(d.Name.Name) && !helpers.Taken(d.Name.Name) {
			t.Errorf("%s: function %s is none of ir.Helper's", where, d.Name.Name)
		}
		ast.Inspect(d, func(n ast.Node) bool {
			for _, id := range declaredLocals(n) {
				if id.Name != "_" && !locals.Taken(id.Name) {
					t.Errorf("%s: %s declares %s, which is none of ir.Local's", where, d.Name.Name, id.Name)
				}
			}
			return true
		})
	case *ast.GenDecl:
		for _, s := range d.Specs {
			if v, ok := s.(*ast.ValueSpec); ok {
				for _, id := range v.Names {
					if !ast.IsExported(id.Name) && !helpers.Taken(id.Name) {
						t.Errorf("%s: variable %s is none of ir.Helper's", where, id.Name)
					}
				}
			}
		}
	}
}

// declaredLocals are the names a node of a function declares in the function's scopes.
func declaredLocals(n ast.Node) []*ast.Ident {
	var out []*ast.Ident
	switch n := n.(type) {
	case *ast.FuncType:
		for _, list := range []*ast.FieldList{n.TypeParams, n.Params, n.Results} {
			if list != nil {
				for _, f := range list.List {
					out = append(out, f.Names...)
				}
			}
		}
	case *ast.FuncDecl:
		if n.Recv != nil {
			for _, f := range n.Recv.List {
				out = append(out, f.Names...)
			}
		}
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE {
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					out = append(out, id)
				}
			}
		}
	case *ast.RangeStmt:
		if n.Tok == token.DEFINE {
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if id, ok := x.(*ast.Ident); ok {
					out = append(out, id)
				}
			}
		}
	case *ast.DeclStmt:
		for _, s := range n.Decl.(*ast.GenDecl).Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				out = append(out, s.Names...)
			case *ast.TypeSpec:
				out = append(out, s.Name)
			}
		}
	}
	return out
}
