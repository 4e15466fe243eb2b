package load

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// builder turns a loaded document into IR. Names are claimed in a fixed order (named schemas
// by position first, then inline ones as the walk meets them), so output is deterministic.
type builder struct {
	opts  Options
	doc   *openapi3.T
	namer *ir.Namer

	pkgs map[string]*pkgState
	// named maps a schema's identity (its definition's position) to its Go type.
	named map[string]*namedSchema
	// files caches spec files loaded on their own, to read definitions that the main document
	// only holds as copies.
	files map[string]*openapi3.T
	// depth counts the typeOf calls in progress, to stop at a cycle.
	depth int
	// schemes are the supported security schemes by key, read once (security.go);
	// warnedScheme the keys of unknown ones already warned about.
	schemes      map[string]*ir.SecurityScheme
	warnedScheme map[string]bool
	// roles says which operation the types made for one are for, for their docs.
	roles map[*ir.Type]typeRole
	errs  []error
	warns []ir.Diagnostic
}

type pkgState struct {
	pkg     *ir.Package
	scope   *ir.Scope
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
}

func newBuilder(opts Options, doc *openapi3.T) *builder {
	return &builder{
		opts:  opts,
		doc:   doc,
		namer: ir.NewNamer(opts.Initialisms),
		pkgs:  map[string]*pkgState{},
		named: map[string]*namedSchema{},
		files: map[string]*openapi3.T{},
		roles: map[*ir.Type]typeRole{},

		warnedScheme: map[string]bool{},
	}
}

func (b *builder) fail(pos ir.Pos, format string, args ...any) {
	b.errs = append(b.errs, ir.Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) warn(pos ir.Pos, format string, args ...any) {
	b.warns = append(b.warns, ir.Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
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
		prog.Runtime = "validate"
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
	if token.IsKeyword(name) {
		name += "pkg"
	}
	scope := ir.NewScope()
	if p == b.opts.Package {
		reserved := runtimeNames
		if !b.opts.PackagePerFile {
			reserved = append(slices.Clone(reserved), validationNames...)
		}
		scope = ir.NewScope(reserved...)
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

// pos is the position of an element from its origin.
func (b *builder) pos(o *openapi3.Origin) ir.Pos {
	if o == nil || o.Key == nil {
		return ir.Pos{File: displayPath(b.opts, b.opts.Root)}
	}
	return ir.Pos{File: displayPath(b.opts, o.Key.File), Line: o.Key.Line, Col: o.Key.Column}
}

// fieldPos is the position of one field of an element, or of the element itself.
func (b *builder) fieldPos(o *openapi3.Origin, field string) ir.Pos {
	if o != nil {
		if loc, ok := o.Fields.Lookup(field); ok {
			return ir.Pos{File: displayPath(b.opts, loc.File), Line: loc.Line, Col: loc.Column}
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
		return p
	}
	if !b.opts.PackagePerFile || o == nil || o.Key == nil {
		return b.opts.Package
	}
	file := strings.TrimPrefix(o.Key.File, "/")
	if file == b.opts.Root {
		return b.opts.Package
	}
	return strings.TrimSuffix(file, path.Ext(file))
}

func (b *builder) source(st *pkgState, o *openapi3.Origin) {
	if o != nil && o.Key != nil {
		st.sources[displayPath(b.opts, o.Key.File)] = true
	} else {
		st.sources[displayPath(b.opts, b.opts.Root)] = true
	}
}
