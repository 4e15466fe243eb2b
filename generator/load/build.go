package load

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
	"github.com/specgen-dev/specgen/templates"
)

// builder turns a loaded document into IR. Names are claimed in a fixed order (named schemas
// by position first, then inline ones as the walk meets them), so output is deterministic.
type builder struct {
	opts  Options
	doc   *openapi3.T
	pre   *prepass
	namer *ir.Namer

	pkgs map[string]*pkgState
	// named maps a schema's identity (its definition's position) to its Go type.
	named map[string]*namedSchema
	// files caches spec files loaded on their own, to read definitions that the main document
	// only holds as copies.
	files map[string]*openapi3.T
	// depth counts the typeOf calls in progress, to stop at a cycle.
	depth int
	// noGoType counts the parameters, form bodies and union alternatives being built, where
	// x-go-type is not honoured.
	noGoType int
	// schemes are the supported security schemes by key, read once (security.go);
	// warnedScheme the keys of unknown ones already warned about.
	schemes      map[string]*ir.SecurityScheme
	warnedScheme map[string]bool
	// roles says which operation the types made for one are for, for their docs.
	roles map[*ir.Type]typeRole
	errs  []error
	warns []ir.Diagnostic
	// skips are the parts of the spec left out; reported the markers (prune.go) they
	// account for, unitChecked the problem of each named schema checked, units the named
	// schemas generated.
	skips       []ir.Skip
	reported    map[int]bool
	unitChecked map[string]string
	units       map[string]bool
}

type pkgState struct {
	pkg *ir.Package
	// scope is the package block: every identifier the package declares, its types and what
	// its runtime templates and emit's helpers declare. It is nested in the names that the
	// templates import in their own files, which the package block may not declare either.
	scope *ir.Scope
	// ops are the method names of the package's resource client.
	ops     *ir.Scope
	sources map[string]bool
}

type namedSchema struct {
	typ    *ir.Type
	schema *openapi3.Schema
	// key is the component key the name came from.
	key string
	// copied is set while schema is a copy of the definition with a $ref's sibling keywords
	// (an OpenAPI 3.1 description next to the $ref, say) applied to it.
	copied   bool
	explicit bool
	filled   bool
	// seq is the order in which discovery met the schema.
	seq int
}

func newBuilder(opts Options, doc *openapi3.T, pre *prepass) *builder {
	return &builder{
		warns: slices.Clone(pre.warns),
		opts:  opts,
		doc:   doc,
		pre:   pre,
		namer: ir.NewNamer(opts.Initialisms),
		pkgs:  map[string]*pkgState{},
		named: map[string]*namedSchema{},
		files: map[string]*openapi3.T{},
		roles: map[*ir.Type]typeRole{},

		warnedScheme: map[string]bool{},
		reported:     map[int]bool{},
		unitChecked:  map[string]string{},
		units:        map[string]bool{},
	}
}

func (b *builder) fail(pos ir.Pos, format string, args ...any) {
	b.errs = append(b.errs, ir.Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// warn records a problem that does not stop generation; in strict mode it is an error.
func (b *builder) warn(pos ir.Pos, format string, args ...any) {
	if b.opts.Strict {
		b.fail(pos, format, args...)
		return
	}
	d := ir.Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	if !slices.Contains(b.warns, d) {
		// An extension read at each use of its schema is reported once.
		b.warns = append(b.warns, d)
	}
}

func (b *builder) build() (*ir.Program, error) {
	// The main package exists even when empty: the runtime may go there.
	b.pkg(b.opts.Package)
	ops := b.operations()
	b.discover(ops)
	b.restoreCopiedDocs()
	if len(b.errs) == 0 {
		for _, ns := range b.sortedNamed() {
			b.fillNamed(ns)
		}
		for _, o := range ops {
			b.operation(o)
		}
	}
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	prog := &ir.Program{Module: b.opts.Module, Warnings: b.warns, Runtime: b.opts.Package, PlainValues: b.plainValues()}
	if b.opts.PackagePerFile || len(b.pkgs) > 1 {
		// Every package imports the runtime: in one of them it would make an import cycle.
		// It gets a package of its own, at a path no spec package has.
		prog.Runtime = "validate"
		for i := 2; b.pkgs[prog.Runtime] != nil; i++ {
			prog.Runtime = "validate" + strconv.Itoa(i)
		}
		st := b.pkg(prog.Runtime)
		st.scope = b.templateScope(runtimeTemplates...)
	}
	for _, p := range sortedKeys(b.pkgs) {
		st := b.pkgs[p]
		slices.SortStableFunc(st.pkg.Types, func(x, y *ir.Type) int { return comparePos(x.Pos, y.Pos) })
		st.pkg.Sources = sortedKeys(st.sources)
		prog.Packages = append(prog.Packages, st.pkg)
	}
	prog.Client = b.client(prog)
	b.document(prog)
	// The client's schemes and servers may warn too.
	prog.Warnings = b.warns
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	prog.Summary = b.summary(prog)
	b.placeTemplates(prog)
	b.imports(prog)
	if d := importCycle(prog); d != nil {
		return nil, *d
	}
	return prog, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func comparePos(a, b ir.Pos) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// pkg returns the package at path p, creating it.
func (b *builder) pkg(p string) *pkgState {
	if st, ok := b.pkgs[p]; ok {
		return st
	}
	name := b.namer.Unexported(path.Base(p))
	switch {
	case p == b.opts.Package && b.opts.PackageName != "":
		name = b.opts.PackageName
	case p == "" || p == ".":
		name = "api"
	}
	name = strings.ToLower(strings.TrimSuffix(name, "_"))
	if token.IsKeyword(name) || name == "main" {
		// A package main is a program, which nothing can import.
		name += "pkg"
	}
	// The templates a package may hold are claimed before any type is named, whether or not
	// the package gets them in the end.
	held := []string{"extra"}
	if p == b.opts.Package {
		held = append(held, clientTemplates...)
		if !b.opts.PackagePerFile {
			held = append(held, runtimeTemplates...)
		}
	}
	scope := b.templateScope(held...)
	if p == b.opts.Package {
		ir.ClientSurface.Claim(scope)
	}
	st := &pkgState{
		pkg:     &ir.Package{Path: p, Name: name},
		scope:   scope,
		ops:     ir.NewScope(),
		sources: map[string]bool{},
	}
	b.pkgs[p] = st
	return st
}

// The runtime templates: those of the validation runtime's package, and those of the client
// package.
var (
	runtimeTemplates = []string{"validate", "values", "file"}
	clientTemplates  = []string{"client", "server", "auth", "stream"}
)

// templateScope is a package block that holds emit's helpers and what the templates declare,
// nested in a scope of the names they import. The names come from the templates' own source.
func (b *builder) templateScope(held ...string) *ir.Scope {
	files := ir.NewScope()
	scope := files.Child()
	ir.Helper.Claim(scope)
	for _, t := range held {
		n, err := templates.Identifiers(t)
		if err != nil {
			b.fail(ir.Pos{}, "runtime template %s: %v", t, err)
			continue
		}
		for _, name := range n.Declared {
			scope.Claim(name)
		}
		for _, name := range n.Imports {
			files.Claim(name)
		}
		if t == "validate" {
			// Where the runtime shares the one package, emit unexports its plumbing.
			ir.LocalRuntimeName.Claim(scope)
		}
	}
	return scope
}

// pos is the position of an element from its origin.
func (b *builder) pos(o *openapi3.Origin) ir.Pos {
	if o == nil || o.Key == nil {
		return ir.Pos{File: displayPath(b.opts, b.opts.Root)}
	}
	return b.location(*o.Key)
}

// location is the spec position of a kin-openapi location; in a file the pre-pass wrote
// again, that of the line's source.
func (b *builder) location(loc openapi3.Location) ir.Pos {
	file := originFile(loc.File)
	if r, ok := b.pre.out[file]; ok && loc.Line >= 1 && loc.Line <= len(r.lines) {
		return b.pre.display(r.lines[loc.Line-1])
	}
	return ir.Pos{File: displayPath(b.opts, file), Line: loc.Line, Col: loc.Column}
}

// fileOf is the spec file (inside the spec folder) an element with origin o comes from.
func (b *builder) fileOf(o *openapi3.Origin) string {
	if o == nil || o.Key == nil {
		return b.opts.Root
	}
	file := originFile(o.Key.File)
	if r, ok := b.pre.out[file]; ok && o.Key.Line >= 1 && o.Key.Line <= len(r.lines) {
		return r.lines[o.Key.Line-1].file
	}
	return file
}

// fieldPos is the position of one field of an element, or of the element itself.
func (b *builder) fieldPos(o *openapi3.Origin, field string) ir.Pos {
	if o != nil {
		if loc, ok := o.Fields.Lookup(field); ok {
			return b.location(loc)
		}
	}
	return b.pos(o)
}

// schemaPos is where a schema reference is written: the $ref, or the inline schema.
func (b *builder) schemaPos(sr *openapi3.SchemaRef) ir.Pos {
	if sr.Origin != nil && sr.Origin.Key != nil {
		return b.pos(sr.Origin)
	}
	if sr.Value != nil {
		return b.pos(sr.Value.Origin)
	}
	return ir.Pos{File: displayPath(b.opts, b.opts.Root)}
}

// schemaKey identifies a schema definition however many $refs lead to it.
func schemaKey(s *openapi3.Schema) string {
	if s.Origin != nil && s.Origin.Key != nil {
		k := s.Origin.Key
		return k.File + ":" + strconv.Itoa(k.Line) + ":" + strconv.Itoa(k.Column)
	}
	return fmt.Sprintf("%p", s)
}

// packageOf is the Go package path for an element defined at origin o with extensions ext.
func (b *builder) packageOf(o *openapi3.Origin, ext map[string]any) string {
	if p, ok := b.stringExt(ext, "x-go-package", o); ok {
		return importPath(p)
	}
	if !b.opts.PackagePerFile || o == nil || o.Key == nil {
		return b.opts.Package
	}
	file := b.fileOf(o)
	if file == b.opts.Root {
		return b.opts.Package
	}
	return importPath(strings.TrimSuffix(file, path.Ext(file)))
}

// originFile is the spec file an origin names, which kin-openapi records as an escaped URL.
func originFile(f string) string {
	f = strings.TrimPrefix(f, "/")
	if u, err := url.PathUnescape(f); err == nil {
		return u
	}
	return f
}

// importPath makes p, a spec file's path or an x-go-package, a path the go command builds and
// imports: each element keeps only the ASCII letters, digits and "-._~+" an import path may
// have, and none starts with a dot or an underscore or is testdata or vendor, which the go
// command skips or reads otherwise. An element left empty is "pkg".
func importPath(p string) string {
	elems := strings.Split(strings.Trim(p, "/"), "/")
	for i, e := range elems {
		e = strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~+", r)) {
				return r
			}
			return -1
		}, e)
		e = strings.TrimRight(strings.TrimLeft(e, "._"), ".")
		switch e {
		case "":
			e = "pkg"
		case "testdata", "vendor":
			e += "pkg"
		}
		elems[i] = e
	}
	return strings.Join(elems, "/")
}

func (b *builder) source(st *pkgState, o *openapi3.Origin) {
	st.sources[displayPath(b.opts, b.fileOf(o))] = true
}

// summary counts what prog holds and lists what the pre-pass and the builder left out.
func (b *builder) summary(prog *ir.Program) ir.Summary {
	sum := ir.Summary{Schemas: len(b.units)}
	for _, p := range prog.Packages {
		sum.Operations += len(p.Operations)
	}
	sum.Skipped = append(slices.Clone(b.pre.skips), b.skips...)
	slices.SortStableFunc(sum.Skipped, func(x, y ir.Skip) int { return comparePos(x.Pos, y.Pos) })
	return sum
}

// placeTemplates decides which runtime templates each package holds: the validation runtime
// (with Ptr and Nullable unless values are plain, and FilePart when a multipart body has a
// file), the HTTP core of the client and the server, and the helpers of structs that keep
// their undeclared properties.
func (b *builder) placeTemplates(prog *ir.Program) {
	for _, p := range prog.Packages {
		if p.Path == prog.Runtime {
			p.Templates = append(p.Templates, "validate")
			if !prog.PlainValues {
				p.Templates = append(p.Templates, "values")
			}
			if hasFileParts(prog) {
				p.Templates = append(p.Templates, "file")
			}
		}
		if prog.Client != nil && prog.Client.Package == p {
			p.Templates = append(p.Templates, "client", "server", "auth")
			if hasStreams(prog) {
				p.Templates = append(p.Templates, "stream")
			}
		}
		if slices.ContainsFunc(p.Types, func(t *ir.Type) bool { return t.Extra != nil }) {
			p.Templates = append(p.Templates, "extra")
		}
	}
}

func hasFileParts(prog *ir.Program) bool {
	for _, p := range prog.Packages {
		for _, op := range p.Operations {
			for _, ff := range op.FormFields {
				// A file, or a list of files.
				t := ff.Field.Type
				for t.Kind == ir.Pointer || t.Kind == ir.Nullable || t.Kind == ir.Slice {
					t = t.Elem
				}
				if t.Kind == ir.File {
					return true
				}
			}
		}
	}
	return false
}

func hasStreams(prog *ir.Program) bool {
	for _, p := range prog.Packages {
		for _, op := range p.Operations {
			if op.Stream != nil {
				return true
			}
		}
	}
	return false
}

// imports chooses, for each package, the name of every package its generated files may import:
// in a scope of what the package declares, Go's own names and every local name of generated
// code, the standard packages first, so that they keep their names, then the generated ones it
// refers to, in path order. A name that is taken gets a number, as protogen's QualifiedGoIdent
// does.
func (b *builder) imports(prog *ir.Program) {
	externals := externalImports(prog)
	for _, p := range prog.Packages {
		s := ir.NewScope(b.pkgs[p.Path].scope.Names()...)
		s.ClaimUniverse()
		ir.Helper.Claim(s)
		ir.Local.Claim(s)
		var imps []ir.Import
		for _, std := range ir.StdImports {
			imps = append(imps, ir.Import{Path: std, Name: s.Unique(path.Base(std)), Declared: path.Base(std)})
		}
		refs := referenced(prog, p)
		for _, q := range prog.Packages {
			if q != p && refs[q] {
				imps = append(imps, ir.Import{Path: q.ImportPath(prog.Module), Name: s.Unique(q.Name), Declared: q.Name})
			}
		}
		for _, imp := range externals {
			if slices.ContainsFunc(imps, func(i ir.Import) bool { return i.Path == imp.Path }) {
				continue
			}
			// The package clause of an x-go-type's package is unknown: its name is always
			// written as an alias, so Declared is left empty.
			declared := ""
			if !strings.Contains(imp.Path, ".") {
				declared = path.Base(imp.Path) // a standard package
			}
			imps = append(imps, ir.Import{Path: imp.Path, Name: s.Unique(imp.Name), Declared: declared})
		}
		slices.SortFunc(imps, func(x, y ir.Import) int { return strings.Compare(x.Path, y.Path) })
		p.Imports = imps
	}
}

// externalImports are the packages of the program's x-go-types, sorted by path: any package's
// code may name them, the client's through the types of every package. Each is named as the
// first x-go-type that names it writes it ("googleuuid" of googleuuid.UUID).
func externalImports(prog *ir.Program) []ir.Import {
	names := map[string]string{}
	walk := func(t *ir.TypeRef) {
		for ; t != nil; t = t.Elem {
			if t.Kind == ir.External && t.Import != "" && names[t.Import] == "" {
				names[t.Import] = t.ImportAs
			}
		}
	}
	for _, p := range prog.Packages {
		for _, t := range p.Types {
			typeRefs(t, walk)
			walk(t.Underlying)
		}
		for _, op := range p.Operations {
			walk(op.Response)
			if op.Stream != nil {
				walk(op.Stream.Item)
			}
		}
	}
	var out []ir.Import
	for _, p := range sortedKeys(names) {
		out = append(out, ir.Import{Path: p, Name: names[p]})
	}
	return out
}

// referenced are the packages whose identifiers p's generated code may name: the runtime's;
// for the client package, whose methods take and return the types of every package, all of
// them; for another, those of the types its own types are made of.
func referenced(prog *ir.Program, p *ir.Package) map[*ir.Package]bool {
	refs := map[*ir.Package]bool{}
	for _, q := range prog.Packages {
		if q.Path == prog.Runtime || prog.Client != nil && prog.Client.Package == p {
			refs[q] = true
		}
	}
	var walk func(t *ir.TypeRef)
	walk = func(t *ir.TypeRef) {
		for ; t != nil; t = t.Elem {
			if t.Kind == ir.Named {
				refs[t.Named.Package] = true
			}
		}
	}
	for _, t := range p.Types {
		typeRefs(t, walk)
	}
	return refs
}

// typeRefs calls fn with the type of each of t's fields, union alternatives and its
// additional properties.
func typeRefs(t *ir.Type, fn func(*ir.TypeRef)) {
	for _, f := range t.Fields {
		fn(f.Type)
	}
	for _, v := range t.Variants {
		fn(v.Field.Type)
	}
	if t.Extra != nil {
		fn(t.Extra.Type)
	}
}
