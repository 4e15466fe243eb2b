package templates

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Names are the identifiers a template brings into the package it is written into, read from
// its source so that no list kept by hand has to follow the templates.
type Names struct {
	// Declared are the package-level identifiers it declares: types, functions, variables and
	// constants, in source order. Methods belong to their types and are not among them.
	Declared []string
	// Imports are the names by which it refers to the packages it imports. A file's imports
	// must not be declared in its package's block, so a package holding the template may not
	// declare them either.
	Imports []string
}

// Identifiers returns the Names of the template name (without .go.tmpl).
func Identifiers(name string) (Names, error) {
	all, err := parsed()
	if err != nil {
		return Names{}, err
	}
	n, ok := all[name]
	if !ok {
		return Names{}, fmt.Errorf("no template %q", name)
	}
	return n, nil
}

// List is the names of every template, sorted.
func List() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".go.tmpl"); ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// parsed reads every template once: generation runs many times in one process (tests, the
// fuzzer), and the sources never change.
var parsed = sync.OnceValues(func() (map[string]Names, error) {
	out := map[string]Names{}
	fset := token.NewFileSet()
	for _, name := range List() {
		src, err := files.ReadFile(name + ".go.tmpl")
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name+".go.tmpl", src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		out[name] = names(f)
	}
	return out, nil
})

func names(f *ast.File) Names {
	var n Names
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		switch {
		case imp.Name != nil:
			n.Imports = append(n.Imports, imp.Name.Name)
		default:
			n.Imports = append(n.Imports, importName(p))
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				n.Declared = append(n.Declared, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					n.Declared = append(n.Declared, s.Name.Name)
				case *ast.ValueSpec:
					for _, id := range s.Names {
						if id.Name != "_" {
							n.Declared = append(n.Declared, id.Name)
						}
					}
				}
			}
		}
	}
	return n
}

// importName is the name a standard package is imported by: its last path element, without
// a major version suffix ("math/rand/v2" is rand).
func importName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && isDigits(base[1:]) && path.Dir(p) != "." {
		return path.Base(path.Dir(p))
	}
	return base
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
