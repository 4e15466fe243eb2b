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

// runtimeFiles are the static runtime sources: validation helpers in the runtime package,
// the HTTP core of the client and of the server in the client package.
func runtimeFiles(prog *ir.Program) ([]File, error) {
	type job struct{ template, pkg string }
	jobs := []job{{"validate", prog.Runtime}}
	if !prog.PlainValues {
		jobs = append(jobs, job{"values", prog.Runtime})
	}
	if files(prog) {
		jobs = append(jobs, job{"file", prog.Runtime})
	}
	if prog.Client != nil {
		jobs = append(jobs, job{"client", prog.Client.Package.Path}, job{"server", prog.Client.Package.Path}, job{"auth", prog.Client.Package.Path})
		if streams(prog) {
			jobs = append(jobs, job{"stream", prog.Client.Package.Path})
		}
	}
	for _, p := range prog.Packages {
		if slices.ContainsFunc(p.Types, func(t *ir.Type) bool { return t.Extra != nil }) {
			jobs = append(jobs, job{"extra", p.Path})
		}
	}
	var files []File
	for _, j := range jobs {
		name := path.Base(j.pkg)
		for _, p := range prog.Packages {
			if p.Path == j.pkg {
				name = p.Name
			}
		}
		src, err := templates.Source(j.template, name)
		if err == nil && j.template == "validate" && localRuntime(prog) {
			src, err = unexportRuntime(src)
		}
		if err != nil {
			return nil, err
		}
		header := Header + "\n// Source: templates/" + j.template + ".go.tmpl\n\n"
		content := append([]byte(header), src...)
		if j.template == "validate" {
			content = packageDoc(content, prog.RuntimeDoc, prog.DocWrap)
		}
		files = append(files, File{
			Path:    path.Join(j.pkg, "runtime_"+j.template+"_gen.go"),
			Content: content,
		})
	}
	return files, nil
}

// files reports whether a multipart body of prog has a file part.
func files(prog *ir.Program) bool {
	for _, p := range prog.Packages {
		for _, op := range p.Operations {
			for _, ff := range op.FormFields {
				if t := bare(ff.Field.Type); t.Kind == ir.File || isFiles(t) {
					return true
				}
			}
		}
	}
	return false
}

// streams reports whether an operation of prog streams its response.
func streams(prog *ir.Program) bool {
	for _, p := range prog.Packages {
		for _, op := range p.Operations {
			if op.Stream != nil {
				return true
			}
		}
	}
	return false
}

// localNames are the names of the validation runtime that only generated code uses, with the
// unexported spelling they get where the runtime shares the output's one package: there no
// other package calls them, and users see only what they need (Errors, FieldError).
var localNames = map[string]string{
	"Path":       "valuePath",
	"Field":      "field",
	"Item":       "item",
	"Key":        "key",
	"Add":        "add",
	"SortFrom":   "sortFrom",
	"Format":     "format",
	"MultipleOf": "multipleOf",
	"ValidateAt": "validateAt",
}

// localRuntime reports whether the validation runtime is in the output's one package.
func localRuntime(prog *ir.Program) bool {
	return len(prog.Packages) == 1 && prog.Packages[0].Path == prog.Runtime
}

// unexportRuntime renames, in the validation runtime's source, the type Path and the methods
// named in localNames to their local spelling, with the doc comments that start with them.
// The FieldError field Path keeps its name: composite literal keys and selectors other than
// method calls are left alone.
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
				if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == "Path" {
					renameDoc(n.Doc, "Path")
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
			if _, ok := localNames[n.Sel.Name]; ok && n.Sel.Name != "Path" {
				rename(n.Sel)
			}
		case *ast.Ident:
			// The type and its uses; the parser resolves them to the type's declaration.
			if n.Name == "Path" && !keys[n] && n.Obj != nil && n.Obj.Kind == ast.Typ {
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
