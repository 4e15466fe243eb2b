package generator_test

// These tests compare the committed gen/ sources with two reference documents about the
// stytch-go SDK that live outside the project (in /work/shared). They read the documents at
// run time and skip when they are absent, so the project never carries a copy of them.

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Paths are relative to the generator/ folder, where `go test` runs this package.
const (
	seedPath  = "../../shared/seed/discovery-organizations-godoc.txt"
	factsPath = "../../shared/reference/stytch-b2b-facts.md"
	genDir    = "../gen"
)

// field is one struct field, reduced to what the references describe.
type field struct {
	Name string
	Type string // type expression as written, e.g. "[]*organizations.Member"
	Tag  string // struct tag without the backquotes
	Doc  string // doc comment, whitespace-normalized
}

// constant is a declared constant with a string value.
type constant struct {
	Name  string
	Type  string // declared type; "" when untyped
	Value string
}

// typeDecl is one type declaration.
type typeDecl struct {
	Spec *ast.TypeSpec
	Doc  string // doc comment, whitespace-normalized
}

// decls holds the type and constant declarations of one package.
type decls struct {
	types  map[string]typeDecl
	consts map[string]constant
}

// TestSeedPage checks the four types of gen/b2b/discovery/organizations against the
// pkg.go.dev page of the stytch-go package they are modelled on: fields, types, tags and docs.
func TestSeedPage(t *testing.T) {
	seed := parseSeed(t, readShared(t, seedPath))
	gen := parseGenPackage(t, filepath.Join(genDir, "b2b/discovery/organizations"))
	for _, name := range []string{"CreateParams", "CreateResponse", "ListParams", "ListResponse"} {
		want, ok := seed.types[name]
		if !ok {
			t.Fatalf("seed page: type %s not found (page layout changed?)", name)
		}
		got, ok := gen.types[name]
		if !ok {
			t.Errorf("%s: type not declared in gen", name)
			continue
		}
		if got.Doc != want.Doc {
			t.Errorf("%s: type doc differs: %s", name, describeDiff(got.Doc, want.Doc))
		}
		compareFields(t, name, structFields(t, name, got.Spec), structFields(t, name, want.Spec), true)
	}
}

// TestSeedLines checks that every field comment of the seed page's four types is generated
// line for line: the config's "docWrap": "stytch" reproduces the Stytch generator's line
// breaks, indentation and trailing empty lines, which TestSeedPage does not see.
func TestSeedLines(t *testing.T) {
	seed := parseSeed(t, readShared(t, seedPath))
	gen := parseGenPackage(t, filepath.Join(genDir, "b2b/discovery/organizations"))
	n := 0
	for _, name := range []string{"CreateParams", "CreateResponse", "ListParams", "ListResponse"} {
		got := map[string][]string{}
		for _, f := range fieldComments(gen.types[name].Spec) {
			got[f.name] = f.lines
		}
		for _, f := range fieldComments(seed.types[name].Spec) {
			n++
			if g := got[f.name]; !slices.Equal(g, f.lines) {
				t.Errorf("%s.%s: comment lines differ\n got:\n%s\nwant:\n%s", name, f.name, strings.Join(g, "\n"), strings.Join(f.lines, "\n"))
			}
		}
	}
	if n != 39 {
		t.Errorf("seed page: %d field comments, want 39 (page layout changed?)", n)
	}
}

// fieldComment is the comment of a struct field, line by line as written.
type fieldComment struct {
	name  string
	lines []string
}

// fieldComments are the comments of the fields of a struct type, in field order; nil for
// a type that is missing or no struct.
func fieldComments(spec *ast.TypeSpec) []fieldComment {
	if spec == nil {
		return nil
	}
	st, ok := spec.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	var out []fieldComment
	for _, f := range st.Fields.List {
		var lines []string
		if f.Doc != nil {
			for _, c := range f.Doc.List {
				lines = append(lines, c.Text)
			}
		}
		for _, n := range f.Names {
			out = append(out, fieldComment{n.Name, lines})
		}
	}
	return out
}

// TestFactsTypes checks every type of the facts document's type closure against gen/: struct
// fields (order, type expressions, JSON tags) and named string types with their constants.
func TestFactsTypes(t *testing.T) {
	facts := parseFacts(t, readShared(t, factsPath))

	// The document states these totals; matching them shows the tables were parsed in full.
	pkgs := map[string]bool{}
	nFields := 0
	for _, ft := range facts {
		pkgs[ft.Pkg] = true
		nFields += len(ft.Fields)
	}
	if len(facts) != 73 || nFields != 338 || len(pkgs) != 7 {
		t.Errorf("facts: parsed %d types, %d fields, %d packages; want 73, 338, 7", len(facts), nFields, len(pkgs))
	}

	gen := map[string]decls{}
	for _, ft := range facts {
		d, ok := gen[ft.Pkg]
		if !ok {
			d = parseGenPackage(t, filepath.Join(genDir, ft.Pkg))
			gen[ft.Pkg] = d
		}
		where := ft.Pkg + "." + ft.Name
		td, ok := d.types[ft.Name]
		if !ok {
			t.Errorf("%s: type not declared in gen", where)
			continue
		}
		if ft.NamedString {
			checkNamedString(t, where, td.Spec, ft.Consts, d.consts)
			continue
		}
		compareFields(t, where, structFields(t, where, td.Spec), ft.Fields, false)
	}
}

// readShared returns the contents of a reference document, skipping the test when the
// shared folder is not there (the documents are not part of the project).
func readShared(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference document %s not available", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// parseGenPackage parses the non-test Go files of one generated package.
func parseGenPackage(t *testing.T, dir string) decls {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Errorf("%s: no Go files", dir)
	}
	return collectDecls(files...)
}

// collectDecls indexes the type and constant declarations of files.
func collectDecls(files ...*ast.File) decls {
	d := decls{types: map[string]typeDecl{}, consts: map[string]constant{}}
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					doc := s.Doc
					if doc == nil && !gd.Lparen.IsValid() {
						// For `// doc` + `type X ...` the parser attaches the comment to the GenDecl.
						doc = gd.Doc
					}
					d.types[s.Name.Name] = typeDecl{Spec: s, Doc: normalizeDoc(doc)}
				case *ast.ValueSpec:
					if gd.Tok == token.CONST {
						addConsts(d.consts, s)
					}
				}
			}
		}
	}
	return d
}

// addConsts records the constants of one const spec whose values are string literals;
// the facts only list string constants, so other values are of no interest.
func addConsts(consts map[string]constant, s *ast.ValueSpec) {
	typ := ""
	if s.Type != nil {
		typ = types.ExprString(s.Type)
	}
	for i, name := range s.Names {
		if i >= len(s.Values) {
			break
		}
		lit, ok := s.Values[i].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			continue
		}
		consts[name.Name] = constant{Name: name.Name, Type: typ, Value: v}
	}
}

// structFields lists the fields of a struct type declaration, or reports that it is not one.
func structFields(t *testing.T, where string, spec *ast.TypeSpec) []field {
	t.Helper()
	st, ok := spec.Type.(*ast.StructType)
	if !ok {
		t.Errorf("%s: not a struct type, got `type %s %s`", where, spec.Name.Name, types.ExprString(spec.Type))
		return nil
	}
	var fields []field
	for _, f := range st.Fields.List {
		typ := types.ExprString(f.Type)
		tag := ""
		if f.Tag != nil {
			tag, _ = strconv.Unquote(f.Tag.Value)
		}
		doc := normalizeDoc(f.Doc)
		if len(f.Names) == 0 {
			// An embedded field is named after its type; the references have none, so
			// this only needs to make it show up as an extra field.
			fields = append(fields, field{Name: typ, Type: typ, Tag: tag, Doc: doc})
		}
		for _, n := range f.Names {
			fields = append(fields, field{Name: n.Name, Type: typ, Tag: tag, Doc: doc})
		}
	}
	return fields
}

// compareFields reports every difference between the fields of a generated struct and the
// reference: missing and extra fields, order, type expressions, tags and (if withDoc) docs.
func compareFields(t *testing.T, where string, got, want []field, withDoc bool) {
	t.Helper()
	gotByName := map[string]field{}
	for _, f := range got {
		gotByName[f.Name] = f
	}
	for _, w := range want {
		g, ok := gotByName[w.Name]
		if !ok {
			t.Errorf("%s.%s: field missing (want `%s` `%s`)", where, w.Name, w.Type, w.Tag)
			continue
		}
		if g.Type != w.Type {
			t.Errorf("%s.%s: type is `%s`, want `%s`", where, w.Name, g.Type, w.Type)
		}
		if g.Tag != w.Tag {
			t.Errorf("%s.%s: tag is `%s`, want `%s`", where, w.Name, g.Tag, w.Tag)
		}
		if withDoc && g.Doc != w.Doc {
			t.Errorf("%s.%s: doc differs: %s", where, w.Name, describeDiff(g.Doc, w.Doc))
		}
	}
	wantNames, gotNames := nameSet(want), nameSet(got)
	for _, g := range got {
		if !wantNames[g.Name] {
			t.Errorf("%s.%s: unexpected field `%s` `%s`", where, g.Name, g.Type, g.Tag)
		}
	}
	// Order is compared over the fields both sides have, so that a missing or extra field
	// is reported once above rather than again as an order difference.
	gotOrder, wantOrder := namesIn(got, wantNames), namesIn(want, gotNames)
	if !slices.Equal(gotOrder, wantOrder) {
		t.Errorf("%s: field order differs\n got: %s\nwant: %s", where, strings.Join(gotOrder, ", "), strings.Join(wantOrder, ", "))
	}
}

func nameSet(fields []field) map[string]bool {
	set := map[string]bool{}
	for _, f := range fields {
		set[f.Name] = true
	}
	return set
}

// namesIn returns, in order, the names of the fields that are in keep.
func namesIn(fields []field, keep map[string]bool) []string {
	var names []string
	for _, f := range fields {
		if keep[f.Name] {
			names = append(names, f.Name)
		}
	}
	return names
}

// checkNamedString checks that spec is `type X string` and that every listed constant is
// declared as a constant of type X with the listed value.
func checkNamedString(t *testing.T, where string, spec *ast.TypeSpec, want []constant, consts map[string]constant) {
	t.Helper()
	if id, ok := spec.Type.(*ast.Ident); !ok || id.Name != "string" || spec.Assign.IsValid() {
		t.Errorf("%s: want `type %s string`, got `type %s %s`", where, spec.Name.Name, spec.Name.Name, types.ExprString(spec.Type))
	}
	for _, w := range want {
		g, ok := consts[w.Name]
		switch {
		case !ok:
			t.Errorf("%s: constant %s = %q not declared", where, w.Name, w.Value)
		case g.Type != w.Type:
			t.Errorf("%s: constant %s has type %q, want %q", where, w.Name, g.Type, w.Type)
		case g.Value != w.Value:
			t.Errorf("%s: constant %s = %q, want %q", where, w.Name, g.Value, w.Value)
		}
	}
}

// normalizeDoc joins the lines of a // comment and collapses whitespace, so that docs
// wrapped at different widths or indented differently compare equal.
func normalizeDoc(cg *ast.CommentGroup) string {
	if cg == nil {
		return ""
	}
	var lines []string
	for _, c := range cg.List {
		lines = append(lines, strings.TrimPrefix(c.Text, "//"))
	}
	return collapseSpace(strings.Join(lines, " "))
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// describeDiff shows both texts from shortly before their first difference, since the
// docs are long and a difference is hard to spot in full.
func describeDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	start := max(0, i-30)
	clip := func(s string) string { return s[start:min(len(s), i+60)] }
	return fmt.Sprintf("first difference at byte %d\n got: …%q\nwant: …%q", i, clip(got), clip(want))
}

// seedStruct matches the first line of a struct declaration on the godoc page.
var seedStruct = regexp.MustCompile(`^type (\w+) struct \{$`)

// parseSeed extracts the struct declarations from the godoc page text and parses them as Go.
// The page shows each type's doc line after its declaration (`Name: text`); it is put back
// in front as a // comment, so seed and gen go through the same collectDecls.
func parseSeed(t *testing.T, text string) decls {
	t.Helper()
	lines := strings.Split(text, "\n")
	src := "package organizations\n"
	for i := 0; i < len(lines); i++ {
		m := seedStruct.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		end := slices.Index(lines[i:], "}")
		if end < 0 {
			t.Fatalf("seed page: type %s has no closing brace", m[1])
		}
		end += i
		doc := ""
		for _, l := range lines[end+1:] {
			if strings.TrimSpace(l) != "" {
				doc = l
				break
			}
		}
		if !strings.HasPrefix(doc, m[1]+":") {
			t.Fatalf("seed page: type %s: doc line %q does not start with %q", m[1], doc, m[1]+":")
		}
		src += "\n// " + doc + "\n" + strings.Join(lines[i:end+1], "\n") + "\n"
		i = end
	}
	f, err := parser.ParseFile(token.NewFileSet(), seedPath, src, parser.ParseComments)
	if err != nil {
		t.Fatalf("seed page: %v", err)
	}
	return collectDecls(f)
}

// factsType is one `### <pkg> . <Type>` section of the facts document.
type factsType struct {
	Pkg, Name   string
	NamedString bool       // `named type, underlying string` rather than a struct
	Fields      []field    // struct types: the field table
	Consts      []constant // named string types: the constant table
}

// parseFacts reads the type sections of the facts document. A section holds either a field
// table (struct) or a `named type, underlying string` line and a constant table.
func parseFacts(t *testing.T, text string) []*factsType {
	t.Helper()
	var all []*factsType
	var cur *factsType
	for n, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "### "):
			pkg, name, ok := strings.Cut(strings.TrimPrefix(line, "### "), " . ")
			if !ok {
				t.Fatalf("facts line %d: section heading %q is not `<pkg> . <Type>`", n+1, line)
			}
			cur = &factsType{Pkg: pkg, Name: name}
			all = append(all, cur)
		case strings.HasPrefix(line, "## "):
			cur = nil // tables outside the type sections describe other things
		case cur == nil:
		case strings.HasPrefix(line, "named type, underlying `string`"):
			cur.NamedString = true
		case strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "|---"):
			cells := tableCells(line)
			if cells[0] == "Go field name" || cells[0] == "Go constant" {
				continue // header row
			}
			if cur.NamedString {
				if len(cells) != 2 {
					t.Fatalf("facts line %d: want 2 cells (constant, value): %q", n+1, line)
				}
				cur.Consts = append(cur.Consts, constant{Name: cells[0], Type: cur.Name, Value: cells[1]})
				continue
			}
			if len(cells) != 6 {
				t.Fatalf("facts line %d: want 6 cells in a field row: %q", n+1, line)
			}
			tag := `json:"` + cells[2]
			if cells[3] == "yes" {
				tag += ",omitempty"
			}
			cur.Fields = append(cur.Fields, field{Name: cells[0], Type: cells[1], Tag: tag + `"`})
		}
	}
	return all
}

// tableCells splits a markdown table row into cells, dropping surrounding spaces and the
// backquotes of code spans (no cell in the facts tables contains a `|`).
func tableCells(row string) []string {
	cells := strings.Split(strings.Trim(strings.TrimSpace(row), "|"), "|")
	for i, c := range cells {
		cells[i] = strings.Trim(strings.TrimSpace(c), "`")
	}
	return cells
}
