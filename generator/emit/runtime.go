package emit

import (
	"go/ast"
	"go/format"
	"go/parser"
	gotoken "go/token"
	"path"
	"slices"
	"strings"

	"github.com/specgen-dev/specgen/generator/ir"
	"github.com/specgen-dev/specgen/templates"
)

// runtimeFiles are the static runtime sources each package holds (ir.Package.Templates).
// Where the validation runtime shares the output's one package, the plumbing only generated
// code calls is unexported (localNames).
func runtimeFiles(prog *ir.Program) ([]File, error) {
	var files []File
	for _, p := range prog.Packages {
		for _, t := range p.Templates {
			src, err := templates.Source(t, p.Name)
			if err == nil && t == "validate" && localRuntime(prog) {
				src, err = unexportRuntime(src)
			}
			if err != nil {
				return nil, err
			}
			header := Header + "\n// Source: templates/" + t + ".go.tmpl\n\n"
			files = append(files, File{Path: runtimeFile(p, t), Content: append([]byte(header), src...)})
		}
	}
	return files, nil
}

// runtimeFile is the path of the file of template t in package p.
func runtimeFile(p *ir.Package, t string) string {
	return path.Join(p.Path, "runtime_"+t+"_gen.go")
}

// localNames maps the runtime template's plumbing names to their spelling where the runtime
// shares the output's one package (ir.LocalRuntimeName).
var localNames = func() map[string]string {
	m := map[string]string{}
	local := ir.LocalRuntimeName.Names()
	for i, name := range ir.RuntimeName.Names() {
		m[name] = local[i]
	}
	return m
}()

// localRuntime reports whether the validation runtime is in the output's one package.
func localRuntime(prog *ir.Program) bool {
	return len(prog.Packages) == 1 && prog.Packages[0].Path == prog.Runtime
}

// unexportRuntime renames, in the validation runtime's source, the path type and the methods
// named in localNames to their local spelling, with the doc comments that start with them.
// The FieldError field Path keeps its name: only the identifiers that resolve to the type are
// renamed, never a composite literal's key or a selector named Path.
func unexportRuntime(src []byte) ([]byte, error) {
	fset := gotoken.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	tf := fset.File(f.Pos())
	var edits []edit
	rename := func(id *ast.Ident) {
		edits = append(edits, edit{tf.Offset(id.Pos()), tf.Offset(id.End()), localNames[id.Name]})
	}
	renameDoc := func(doc *ast.CommentGroup, name string) {
		if doc != nil && strings.HasPrefix(doc.List[0].Text, "// "+name+" ") {
			at := tf.Offset(doc.List[0].Pos()) + len("// ")
			edits = append(edits, edit{at, at + len(name), localNames[name]})
		}
	}
	keys := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			for _, s := range n.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == ir.RuntimeName.Path {
					renameDoc(n.Doc, ts.Name.Name)
				}
			}
		case *ast.FuncDecl:
			if _, ok := localNames[n.Name.Name]; ok && n.Recv != nil {
				rename(n.Name)
				renameDoc(n.Doc, n.Name.Name)
			}
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						keys[id] = true
					}
				}
			}
		case *ast.SelectorExpr:
			if _, ok := localNames[n.Sel.Name]; ok && n.Sel.Name != ir.RuntimeName.Path {
				rename(n.Sel)
			}
		case *ast.Ident:
			// The type and its uses; the parser resolves them to the type's declaration.
			if n.Name == ir.RuntimeName.Path && !keys[n] && n.Obj != nil && n.Obj.Kind == ast.Typ {
				rename(n)
			}
		}
		return true
	})
	slices.SortFunc(edits, func(a, b edit) int { return a.from - b.from })
	// The names change length, and gofmt keeps a one-line function only when it is short.
	return format.Source(applyEdits(src, edits))
}

// edit replaces the bytes from to to of a source with text.
type edit struct {
	from, to int
	text     string
}

// applyEdits applies edits, sorted and not overlapping, to src.
func applyEdits(src []byte, edits []edit) []byte {
	out := make([]byte, 0, len(src)+len(edits)*8)
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.from]...)
		out = append(out, e.text...)
		last = e.to
	}
	return append(out, src[last:]...)
}
