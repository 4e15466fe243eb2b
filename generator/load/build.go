package load

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
	prog := &ir.Program{Module: b.opts.Module, Warnings: b.warns, Runtime: b.opts.Package}
	if b.opts.PackagePerFile {
		prog.Runtime = "validate"
	}
	for _, p := range sortedKeys(b.pkgs) {
		st := b.pkgs[p]
		slices.SortStableFunc(st.pkg.Types, func(x, y *ir.Type) int { return comparePos(x.Pos, y.Pos) })
		st.pkg.Sources = sortedKeys(st.sources)
		prog.Packages = append(prog.Packages, st.pkg)
	}
	prog.Client = b.client(prog)
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
	if token := name; isGoKeyword(token) {
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

// ---- extensions ----

var knownExtensions = map[string]bool{
	"x-go-name": true, "x-go-package": true, "x-go-pointer": true, "x-go-enum-style": true,
	"x-enum-varnames": true, "x-go-enum-open": true,
}

func (b *builder) stringExt(ext map[string]any, name string, o *openapi3.Origin) (string, bool) {
	v, ok := ext[name]
	if !ok {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr || s == "" {
		b.fail(b.fieldPos(o, name), "%s must be a non-empty string, not %v", name, v)
		return "", false
	}
	switch name {
	case "x-go-name":
		if !isIdent(s) {
			b.fail(b.fieldPos(o, name), "x-go-name %q is not a Go identifier", s)
			return "", false
		}
	case "x-go-enum-style":
		if s != "typed" && s != "string" {
			b.fail(b.fieldPos(o, name), "x-go-enum-style must be \"typed\" or \"string\", not %q", s)
			return "", false
		}
	case "x-go-package":
		if !validPkgPath(s) {
			b.fail(b.fieldPos(o, name), "x-go-package %q is not a relative package path", s)
			return "", false
		}
	}
	return s, true
}

func (b *builder) boolExt(ext map[string]any, name string, o *openapi3.Origin) (value, ok bool) {
	v, ok := ext[name]
	if !ok {
		return false, false
	}
	bv, isBool := v.(bool)
	if !isBool {
		b.fail(b.fieldPos(o, name), "%s must be true or false, not %v", name, v)
		return false, false
	}
	return bv, true
}

var identRe = regexp.MustCompile(`^[\p{L}_][\p{L}\p{Nd}_]*$`)

func isIdent(s string) bool { return identRe.MatchString(s) && !isGoKeyword(s) }

var pkgPathRe = regexp.MustCompile(`^[a-z0-9_]+(/[a-z0-9_]+)*$`)

func validPkgPath(s string) bool { return pkgPathRe.MatchString(s) }

func isGoKeyword(s string) bool {
	switch s {
	case "break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
		"package", "range", "return", "select", "struct", "switch", "type", "var":
		return true
	}
	return false
}

// checkExtensions rejects misspelled x-go extensions, which would otherwise be ignored.
func (b *builder) checkExtensions(ext map[string]any, o *openapi3.Origin) {
	for _, k := range sortedKeys(ext) {
		if (strings.HasPrefix(k, "x-go-") || k == "x-enum-varnames") && !knownExtensions[k] {
			b.fail(b.fieldPos(o, k), "unknown extension %s (known: x-go-name, x-go-package, x-go-pointer, x-go-enum-style, x-go-enum-open, x-enum-varnames)", k)
		}
	}
}

// ---- discovery of named schemas ----

type opRef struct {
	path   string
	method string
	item   *openapi3.PathItem
	op     *openapi3.Operation
}

var methodOrder = []string{
	http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete, http.MethodOptions,
	http.MethodHead, http.MethodPatch, http.MethodTrace,
}

func (b *builder) operations() []opRef {
	var ops []opRef
	if b.doc.Paths == nil {
		return nil
	}
	type pathAt struct {
		path string
		pos  ir.Pos
	}
	var paths []pathAt
	for p, item := range b.doc.Paths.Map() {
		paths = append(paths, pathAt{p, b.pos(item.Origin)})
	}
	slices.SortFunc(paths, func(x, y pathAt) int {
		return cmp.Or(comparePos(x.pos, y.pos), strings.Compare(x.path, y.path))
	})
	for _, p := range paths {
		item := b.doc.Paths.Value(p.path)
		for _, m := range methodOrder {
			if op := item.GetOperation(m); op != nil {
				ops = append(ops, opRef{path: p.path, method: m, item: item, op: op})
			}
		}
	}
	return ops
}

// discover finds every schema that becomes a named Go type and claims its name, in order of
// definition, before any inline type takes a name.
func (b *builder) discover(ops []opRef) {
	seen := map[*openapi3.Schema]bool{}
	var visit func(sr *openapi3.SchemaRef, key string)
	visit = func(sr *openapi3.SchemaRef, key string) {
		if sr == nil || sr.Value == nil {
			return
		}
		s := sr.Value
		if sr.Ref != "" || key != "" {
			name := key
			if name == "" {
				name = refName(sr.Ref, s)
			}
			b.addNamed(s, name, hasSiblings(sr))
		}
		if seen[s] {
			return
		}
		seen[s] = true
		for _, c := range childSchemas(s) {
			visit(c, "")
		}
	}
	if b.doc.Components != nil {
		type comp struct {
			key string
			sr  *openapi3.SchemaRef
		}
		var comps []comp
		for k, sr := range b.doc.Components.Schemas {
			comps = append(comps, comp{k, sr})
		}
		slices.SortFunc(comps, func(x, y comp) int { return strings.Compare(x.key, y.key) })
		for _, c := range comps {
			visit(c.sr, c.key)
		}
	}
	for _, o := range ops {
		for _, sr := range opSchemas(o) {
			visit(sr, "")
		}
	}
	// Claim names in order of definition.
	for _, ns := range b.sortedNamed() {
		st := b.pkg(ns.typ.Package.Path)
		if !st.scope.Claim(ns.typ.Name) {
			if ns.explicit {
				b.fail(ns.typ.Pos, "x-go-name %s: the name is already taken in package %s", ns.typ.Name, st.pkg.Path)
				continue
			}
			ns.typ.Name = st.scope.Unique(ns.typ.Name)
		}
	}
}

// restoreCopiedDocs gives the named types met only through $refs with sibling keywords
// their definition's own description: every copy carries the sibling's instead.
func (b *builder) restoreCopiedDocs() {
	for _, ns := range b.sortedNamed() {
		if !ns.copied || ns.schema.Origin == nil || ns.schema.Origin.Key == nil {
			continue
		}
		file := strings.TrimPrefix(ns.schema.Origin.Key.File, "/")
		doc, ok := b.files[file]
		if !ok {
			data, err := fs.ReadFile(b.opts.FS, file)
			if err == nil {
				doc, _ = newLoader(b.opts).LoadFromDataWithPath(data, &url.URL{Path: file})
			}
			b.files[file] = doc
		}
		if doc == nil || doc.Components == nil {
			continue
		}
		if def := doc.Components.Schemas[ns.key]; def != nil && def.Value != nil {
			ns.typ.Doc = def.Value.Description
		}
	}
}

func (b *builder) sortedNamed() []*namedSchema {
	list := make([]*namedSchema, 0, len(b.named))
	for _, k := range sortedKeys(b.named) {
		list = append(list, b.named[k])
	}
	slices.SortStableFunc(list, func(x, y *namedSchema) int { return comparePos(x.typ.Pos, y.typ.Pos) })
	return list
}

// refName is the component key a $ref points at.
func refName(ref string, s *openapi3.Schema) string {
	if s.Origin != nil && s.Origin.Key != nil && s.Origin.Key.Name != "" {
		return s.Origin.Key.Name
	}
	if i := strings.LastIndex(ref, "/"); i >= 0 {
		return strings.NewReplacer("~1", "/", "~0", "~").Replace(ref[i+1:])
	}
	return strings.TrimSuffix(path.Base(ref), path.Ext(ref))
}

func (b *builder) addNamed(s *openapi3.Schema, key string, copied bool) {
	if !b.isNamedType(s) {
		return
	}
	k := schemaKey(s)
	if ns, ok := b.named[k]; ok {
		if ns.copied && !copied {
			ns.schema, ns.copied, ns.typ.Doc = s, false, s.Description
		}
		return
	}
	b.checkExtensions(s.Extensions, s.Origin)
	name, explicit := b.stringExt(s.Extensions, "x-go-name", s.Origin)
	if !explicit {
		name = b.namer.Exported(key)
	}
	pkgPath := b.packageOf(s.Origin, s.Extensions)
	st := b.pkg(pkgPath)
	b.source(st, s.Origin)
	t := &ir.Type{Name: name, Package: st.pkg, Kind: ir.Struct, Doc: s.Description, Pos: b.pos(s.Origin)}
	switch {
	case isEnum(s):
		t.Kind = ir.Enum
	case isUnion(s):
		t.Kind = ir.Union
	}
	b.named[k] = &namedSchema{typ: t, schema: s, key: key, explicit: explicit, copied: copied}
	st.pkg.Types = append(st.pkg.Types, t)
}

// isNamedType reports whether a named schema becomes a Go type of its own: objects with
// properties and typed enums do; scalars, arrays, free-form objects and string-style enums
// are written inline where they are used.
func (b *builder) isNamedType(s *openapi3.Schema) bool {
	if isEnum(s) {
		return b.enumTyped(s)
	}
	return isStruct(s) || isUnion(s)
}

// isEnum reports whether s is an enum Go constants can name: of strings or numbers.
func isEnum(s *openapi3.Schema) bool {
	if len(s.Enum) == 0 {
		return false
	}
	t := nonNullTypes(s)
	return len(t) == 1 && (t[0] == "string" || t[0] == "integer" || t[0] == "number" || t[0] == "boolean")
}

// variants are the alternatives of a oneOf or anyOf, without the "null" one of a nullable.
func variants(s *openapi3.Schema) openapi3.SchemaRefs {
	list := s.OneOf
	if len(list) == 0 {
		list = s.AnyOf
	}
	var out openapi3.SchemaRefs
	for _, v := range list {
		if v.Value == nil || v.Value.Type != nil && v.Value.Type.Is("null") {
			continue
		}
		out = append(out, v)
	}
	return out
}

// isUnion reports whether s is a oneOf or anyOf of two or more alternatives and nothing
// else; properties beside them make it a struct.
func isUnion(s *openapi3.Schema) bool { return !isStruct(s) && len(variants(s)) >= 2 }

func isStruct(s *openapi3.Schema) bool { return hasProperties(s, 0) }

// hasProperties looks through allOf for properties; the depth bound stops a schema that is
// its own allOf member.
func hasProperties(s *openapi3.Schema, depth int) bool {
	if len(s.Properties) > 0 {
		return true
	}
	if depth > maxDepth {
		return false
	}
	for _, a := range s.AllOf {
		if a.Value != nil && hasProperties(a.Value, depth+1) {
			return true
		}
	}
	return false
}

// maxDepth bounds how deep schemas nest through allOf, oneOf and anyOf before an object
// or a named type: deeper is a cycle with nothing Go can declare in between.
const maxDepth = 64

func (b *builder) enumTyped(s *openapi3.Schema) bool {
	style, ok := b.stringExt(s.Extensions, "x-go-enum-style", s.Origin)
	if !ok {
		style = b.opts.EnumStyle
	}
	return style != "string"
}

func childSchemas(s *openapi3.Schema) []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	for _, k := range sortedKeys(s.Properties) {
		out = append(out, s.Properties[k])
	}
	out = append(out, s.AllOf...)
	out = append(out, s.OneOf...)
	out = append(out, s.AnyOf...)
	if s.Items != nil {
		out = append(out, s.Items)
	}
	if s.AdditionalProperties.Schema != nil {
		out = append(out, s.AdditionalProperties.Schema)
	}
	return out
}

func opSchemas(o opRef) []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	for _, p := range append(slices.Clone(o.item.Parameters), o.op.Parameters...) {
		if p.Value != nil && p.Value.Schema != nil {
			out = append(out, p.Value.Schema)
		}
	}
	if rb := o.op.RequestBody; rb != nil && rb.Value != nil {
		for _, ct := range sortedKeys(rb.Value.Content) {
			if mt := rb.Value.Content[ct]; mt != nil && mt.Schema != nil {
				out = append(out, mt.Schema)
			}
		}
	}
	if o.op.Responses != nil {
		resp := o.op.Responses.Map()
		for _, code := range sortedKeys(resp) {
			if r := resp[code]; r != nil && r.Value != nil {
				for _, ct := range sortedKeys(r.Value.Content) {
					if mt := r.Value.Content[ct]; mt != nil && mt.Schema != nil {
						out = append(out, mt.Schema)
					}
				}
			}
		}
	}
	return out
}

// ---- types ----

func (b *builder) fillNamed(ns *namedSchema) {
	if ns.filled {
		return
	}
	ns.filled = true
	t, s := ns.typ, ns.schema
	if isEnum(s) {
		t.Kind = ir.Enum
		t.Underlying = b.scalar(s)
		t.Enum = b.enumDef(t.Name, s, true, t.Package)
		return
	}
	if t.Kind == ir.Union {
		b.union(t, s)
		return
	}
	t.Fields = b.fields(t, s)
}

// typeOf is the Go type of a schema used at hint (the name an inline type would get).
func (b *builder) typeOf(sr *openapi3.SchemaRef, hint string, pkg *ir.Package) *ir.TypeRef {
	s := sr.Value
	if s == nil {
		return &ir.TypeRef{Kind: ir.Any}
	}
	b.depth++
	defer func() { b.depth-- }()
	if b.depth > maxDepth {
		b.fail(b.schemaPos(sr), "%s: the schema contains itself through allOf, oneOf or anyOf with no object in between", hint)
		return &ir.TypeRef{Kind: ir.Any}
	}
	if s.Not != nil {
		b.warn(b.fieldPos(s.Origin, "not"), "%s: \"not\" is ignored; Go types cannot exclude a schema", hint)
	}
	if ns, ok := b.named[schemaKey(s)]; ok && (sr.Ref != "" || ns.schema == s) {
		return &ir.TypeRef{Kind: ir.Named, Named: ns.typ}
	}
	switch {
	case isEnum(s) && b.enumTyped(s):
		t := b.inlineType(hint, s, pkg)
		t.Kind = ir.Enum
		t.Underlying = b.scalar(s)
		t.Enum = b.enumDef(t.Name, s, true, pkg)
		return &ir.TypeRef{Kind: ir.Named, Named: t}
	case len(s.AllOf) == 1 && len(s.Properties) == 0:
		// allOf: [$ref] is how 3.0 specs put a description next to a reference.
		return b.typeOf(s.AllOf[0], hint, pkg)
	case isStruct(s):
		t := b.inlineType(hint, s, pkg)
		t.Kind = ir.Struct
		t.Fields = b.fields(t, s)
		return &ir.TypeRef{Kind: ir.Named, Named: t}
	case isUnion(s):
		t := b.inlineType(hint, s, pkg)
		t.Kind = ir.Union
		b.union(t, s)
		return &ir.TypeRef{Kind: ir.Named, Named: t}
	case len(variants(s)) == 1:
		return b.typeOf(variants(s)[0], hint, pkg)
	}
	types := nonNullTypes(s)
	if len(types) != 1 {
		if len(s.AllOf) == 1 {
			return b.typeOf(s.AllOf[0], hint, pkg)
		}
		return &ir.TypeRef{Kind: ir.Any}
	}
	switch types[0] {
	case "array":
		if s.Items == nil {
			return &ir.TypeRef{Kind: ir.Slice, Elem: &ir.TypeRef{Kind: ir.Any}}
		}
		elem := b.typeOf(s.Items, hint+"Item", pkg)
		elem = b.pointerFor(elem, s.Items, false)
		return &ir.TypeRef{Kind: ir.Slice, Elem: elem, Rules: b.rules(s.Items, false, hint+"Item", pkg)}
	case "object":
		ap := s.AdditionalProperties.Schema
		if ap == nil && len(s.PatternProperties) == 1 {
			// One pattern's values are the map's values; the key pattern is validated.
			for _, v := range s.PatternProperties {
				ap = v
			}
		}
		if ap != nil {
			elem := b.typeOf(ap, hint+"Value", pkg)
			elem = b.pointerFor(elem, ap, false)
			return &ir.TypeRef{Kind: ir.Map, Elem: elem, Rules: b.rules(ap, false, hint+"Value", pkg)}
		}
		return &ir.TypeRef{Kind: ir.Map, Elem: &ir.TypeRef{Kind: ir.Any}}
	}
	return b.scalar(s)
}

// nonNullTypes lists a schema's types without "null"; a schema with none but an enum or
// format implies its type.
func nonNullTypes(s *openapi3.Schema) []string {
	var out []string
	if s.Type != nil {
		for _, t := range *s.Type {
			if t != "null" {
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		switch {
		case s.Items != nil:
			out = []string{"array"}
		case len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil:
			out = []string{"object"}
		case len(s.Enum) > 0:
			out = []string{enumKind(s.Enum)}
		}
	}
	return out
}

func enumKind(values []any) string {
	kind := ""
	for _, v := range values {
		k := "string"
		switch v.(type) {
		case bool:
			k = "boolean"
		case float64, int, int64:
			k = "number"
		case nil:
			continue
		}
		if kind != "" && kind != k {
			return "string"
		}
		kind = k
	}
	if kind == "" {
		return "string"
	}
	return kind
}

func (b *builder) scalar(s *openapi3.Schema) *ir.TypeRef {
	types := nonNullTypes(s)
	t := ""
	if len(types) == 1 {
		t = types[0]
	}
	switch t {
	case "string":
		switch s.Format {
		case "date-time":
			return &ir.TypeRef{Kind: ir.Time}
		case "byte":
			return &ir.TypeRef{Kind: ir.Slice, Elem: &ir.TypeRef{Kind: ir.Builtin, Builtin: "byte"}}
		}
		return &ir.TypeRef{Kind: ir.Builtin, Builtin: "string"}
	case "integer":
		switch s.Format {
		case "int32":
			return &ir.TypeRef{Kind: ir.Builtin, Builtin: "int32"}
		case "int64":
			return &ir.TypeRef{Kind: ir.Builtin, Builtin: "int64"}
		}
		return &ir.TypeRef{Kind: ir.Builtin, Builtin: "int"}
	case "number":
		if s.Format == "float" {
			return &ir.TypeRef{Kind: ir.Builtin, Builtin: "float32"}
		}
		return &ir.TypeRef{Kind: ir.Builtin, Builtin: "float64"}
	case "boolean":
		return &ir.TypeRef{Kind: ir.Builtin, Builtin: "bool"}
	}
	return &ir.TypeRef{Kind: ir.Any}
}

// inlineType creates the type for an inline schema, named hint in pkg.
func (b *builder) inlineType(hint string, s *openapi3.Schema, pkg *ir.Package) *ir.Type {
	st := b.pkg(pkg.Path)
	t := &ir.Type{Name: st.scope.Unique(hint), Package: pkg, Doc: s.Description, Pos: b.pos(s.Origin)}
	pkg.Types = append(pkg.Types, t)
	return t
}

// pointerFor applies the pointer rules: a struct is a pointer where structPtr says so (an
// optional field), a time always is, and x-go-pointer overrides either.
func (b *builder) pointerFor(t *ir.TypeRef, sr *openapi3.SchemaRef, structPtr bool) *ir.TypeRef {
	ptr := t.Kind == ir.Time || (t.Kind == ir.Named && t.Named.Kind != ir.Enum && structPtr)
	if v, ok := b.boolExt(sr.Extensions, "x-go-pointer", sr.Origin); ok {
		ptr = v
	} else if sr.Value != nil && sr.Ref == "" {
		if v, ok := b.boolExt(sr.Value.Extensions, "x-go-pointer", sr.Value.Origin); ok {
			ptr = v
		}
	}
	if ptr && (t.Kind == ir.Slice || t.Kind == ir.Map || t.Kind == ir.Any || t.Kind == ir.RawJSON) {
		ptr = false
	}
	if ptr {
		return &ir.TypeRef{Kind: ir.Pointer, Elem: t}
	}
	return t
}

type prop struct {
	name     string
	sr       *openapi3.SchemaRef
	pos      ir.Pos
	required bool
}

// properties lists a struct schema's properties in spec order, allOf members first.
func (b *builder) properties(s *openapi3.Schema) []prop {
	var out []prop
	seen := map[string]int{}
	required := map[string]bool{}
	var collect func(s *openapi3.Schema, depth int)
	collect = func(s *openapi3.Schema, depth int) {
		if depth > maxDepth {
			return
		}
		for _, r := range s.Required {
			required[r] = true
		}
		for _, a := range s.AllOf {
			if a.Value != nil && depth < maxDepth {
				collect(a.Value, depth+1)
			}
		}
		var own []prop
		for name, sr := range s.Properties {
			own = append(own, prop{name: name, sr: sr, pos: b.schemaPos(sr)})
		}
		slices.SortFunc(own, func(x, y prop) int { return cmp.Or(comparePos(x.pos, y.pos), strings.Compare(x.name, y.name)) })
		for _, p := range own {
			if i, ok := seen[p.name]; ok {
				if a, b2 := jsonKind(out[i].sr), jsonKind(p.sr); a != "" && b2 != "" && a != b2 {
					b.fail(p.pos, "allOf: property %q is %s here but %s at %s", p.name, b2, a, out[i].pos)
				}
				out[i].sr = p.sr
				continue
			}
			seen[p.name] = len(out)
			out = append(out, p)
		}
	}
	collect(s, 0)
	for i := range out {
		out[i].required = required[out[i].name]
	}
	return out
}

// jsonKind is what JSON a property holds, to tell allOf members that disagree (a string
// and a $ref to a string enum agree); "" when the schema says nothing.
func jsonKind(sr *openapi3.SchemaRef) string {
	if sr.Value == nil {
		return ""
	}
	return strings.Join(nonNullTypes(sr.Value), " or ")
}

func (b *builder) fields(t *ir.Type, s *openapi3.Schema) []*ir.Field {
	names := fieldNames{scope: ir.NewScope("Validate"), explicit: map[string]bool{}}
	var fields []*ir.Field
	for _, p := range b.properties(s) {
		if f := b.field(t, &names, p.name, p.sr, p.required); f != nil {
			fields = append(fields, f)
		}
	}
	return fields
}

// validJSONName reports whether a json struct tag can carry name.
func validJSONName(name string) bool {
	return name != "" && name != "-" && !strings.ContainsAny(name, ",\"\\`") && utf8.ValidString(name)
}

// fieldNames are the field names of one struct, and which of them x-go-name chose.
type fieldNames struct {
	scope    *ir.Scope
	explicit map[string]bool
}

// claim takes a field name. A clash with or of an x-go-name is the user's to resolve and
// fails; other clashes get a numbered name.
func (n *fieldNames) claim(name string, explicit bool) (string, bool) {
	if n.scope.Claim(name) {
		n.explicit[name] = explicit
		return name, true
	}
	if explicit || n.explicit[name] {
		return name, false
	}
	return n.scope.Unique(name), true
}

func (b *builder) field(t *ir.Type, names *fieldNames, jsonName string, sr *openapi3.SchemaRef, required bool) *ir.Field {
	pos := b.schemaPos(sr)
	if !validJSONName(jsonName) {
		b.warn(pos, "property %q of %s is skipped: encoding/json cannot name a field with a comma, quote or backslash", jsonName, t.Name)
		return nil
	}
	b.checkExtensions(sr.Extensions, sr.Origin)
	name, explicit := b.stringExt(sr.Extensions, "x-go-name", sr.Origin)
	if !explicit && sr.Ref == "" && sr.Value != nil {
		b.checkExtensions(sr.Value.Extensions, sr.Value.Origin)
		name, explicit = b.stringExt(sr.Value.Extensions, "x-go-name", sr.Value.Origin)
	}
	if !explicit {
		name = b.namer.Exported(jsonName)
	}
	name, ok := names.claim(name, explicit)
	if !ok {
		b.fail(pos, "property %q of %s: Go field name %s is already taken by another property", jsonName, t.Name, name)
		return nil
	}
	typ := b.typeOf(sr, t.Name+name, t.Package)
	return &ir.Field{
		Name:      name,
		JSONName:  jsonName,
		Doc:       b.fieldDoc(sr),
		Type:      b.pointerFor(typ, sr, !required),
		Required:  required,
		OmitEmpty: b.opts.OmitEmpty == "all" || !required,
		Pos:       pos,
		Rules:     b.rules(sr, required, t.Name+name, t.Package),
	}
}

// fieldDoc is a property's own description: for a $ref, the description written next to it
// (OpenAPI 3.1), never the referenced type's.
func (b *builder) fieldDoc(sr *openapi3.SchemaRef) string {
	if sr.Value == nil || sr.Ref != "" && !hasSibling(sr, "description") {
		return ""
	}
	return sr.Value.Description
}

// hasSiblings reports whether keywords stand next to a $ref, which kin-openapi applies to a
// copy of the referenced schema.
func hasSiblings(sr *openapi3.SchemaRef) bool {
	if sr.Ref == "" || sr.Origin == nil {
		return false
	}
	for _, f := range sr.Origin.Fields {
		if f.Name != "$ref" && !strings.HasPrefix(f.Name, "x-") {
			return true
		}
	}
	return false
}

func hasSibling(sr *openapi3.SchemaRef, keyword string) bool {
	if sr.Origin == nil {
		return false
	}
	_, ok := sr.Origin.Fields.Lookup(keyword)
	return ok
}

// union fills a oneOf/anyOf type: one pointer field per alternative, named after the
// alternative's type, and the discriminator values that select each.
func (b *builder) union(t *ir.Type, s *openapi3.Schema) {
	names := fieldNames{scope: ir.NewScope("Validate", "MarshalJSON", "UnmarshalJSON"), explicit: map[string]bool{}}
	if s.Discriminator != nil {
		t.Discriminator = s.Discriminator.PropertyName
	}
	for i, v := range variants(s) {
		typ := b.typeOf(v, t.Name+"Variant"+strconv.Itoa(i+1), t.Package)
		name, _ := names.claim(variantName(typ), false)
		if typ.Kind != ir.Slice && typ.Kind != ir.Map && typ.Kind != ir.Any {
			typ = &ir.TypeRef{Kind: ir.Pointer, Elem: typ}
		}
		variant := &ir.Variant{Field: &ir.Field{
			Name:  name,
			Doc:   b.fieldDoc(v),
			Type:  typ,
			Pos:   b.schemaPos(v),
			Rules: b.rules(v, false, t.Name+name, t.Package),
		}}
		if t.Discriminator != "" {
			variant.Tags = b.discriminatorTags(s.Discriminator, v)
		}
		t.Variants = append(t.Variants, variant)
	}
}

// variantName names a union's field after its type: the named type, or the kind of value.
func variantName(t *ir.TypeRef) string {
	switch t.Kind {
	case ir.Named:
		return t.Named.Name
	case ir.Builtin:
		switch t.Builtin {
		case "string":
			return "String"
		case "bool":
			return "Bool"
		case "float32", "float64":
			return "Number"
		}
		return "Integer"
	case ir.Slice:
		return "List"
	case ir.Map:
		return "Object"
	case ir.Time:
		return "Time"
	}
	return "Value"
}

// discriminatorTags are the values of the discriminator property that select variant v: the
// mapping's keys that point at it, else its component name.
func (b *builder) discriminatorTags(d *openapi3.Discriminator, v *openapi3.SchemaRef) []string {
	var tags []string
	for _, tag := range sortedKeys(d.Mapping) {
		ref := d.Mapping[tag].Ref
		if ref == v.Ref || v.Ref != "" && refName(ref, &openapi3.Schema{}) == refName(v.Ref, &openapi3.Schema{}) {
			tags = append(tags, tag)
		}
	}
	if len(tags) == 0 && v.Ref != "" {
		tags = append(tags, refName(v.Ref, &openapi3.Schema{}))
	}
	return tags
}

// ---- enums ----

func (b *builder) enumDef(name string, s *openapi3.Schema, typed bool, pkg *ir.Package) *ir.EnumDef {
	st := b.pkg(pkg.Path)
	open, ok := b.boolExt(s.Extensions, "x-go-enum-open", s.Origin)
	if !ok {
		open = b.opts.OpenEnums
	}
	def := &ir.EnumDef{Name: name, Typed: typed, Open: open}
	var varnames []string
	if v, ok := s.Extensions["x-enum-varnames"]; ok {
		list, isList := v.([]any)
		pos := b.fieldPos(s.Origin, "x-enum-varnames")
		if !isList {
			b.fail(pos, "x-enum-varnames must be a list of names")
		} else if len(list) != len(s.Enum) {
			b.fail(pos, "x-enum-varnames has %d names for %d enum values", len(list), len(s.Enum))
		} else {
			for _, n := range list {
				ns, isStr := n.(string)
				if !isStr || !isIdent(name+ns) {
					b.fail(pos, "x-enum-varnames: %v is not a Go identifier", n)
					return def
				}
				varnames = append(varnames, ns)
			}
		}
	}
	kind := b.scalar(s)
	for i, v := range s.Enum {
		if v == nil {
			continue
		}
		value, ok := enumValue(v, kind)
		if !ok {
			b.warn(b.fieldPos(s.Origin, "enum"), "enum value %v does not fit the schema's type; it gets no constant and is not checked", v)
			continue
		}
		suffix := ""
		if varnames != nil {
			suffix = varnames[i]
		} else {
			suffix = b.namer.Suffix(fmt.Sprint(v))
		}
		constName := name + suffix
		if varnames != nil {
			if !st.scope.Claim(constName) {
				b.fail(b.fieldPos(s.Origin, "x-enum-varnames"), "enum constant %s is already declared in package %s", constName, pkg.Path)
			}
		} else {
			constName = st.scope.Unique(constName)
		}
		def.Values = append(def.Values, ir.EnumValue{ConstName: constName, Value: value})
	}
	return def
}

func enumValue(v any, kind *ir.TypeRef) (any, bool) {
	switch kind.Builtin {
	case "string":
		s, ok := v.(string)
		return s, ok
	case "int", "int32", "int64":
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			return nil, false
		}
		return int64(f), true
	case "float32", "float64":
		f, ok := v.(float64)
		return f, ok
	case "bool":
		bv, ok := v.(bool)
		return bv, ok
	}
	return nil, false
}

// ---- validation rules ----

var checkedFormats = map[string]bool{
	"email": true, "uuid": true, "uri": true, "date": true, "ipv4": true,
	"ipv6": true, "hostname": true,
}

func (b *builder) rules(sr *openapi3.SchemaRef, required bool, hint string, pkg *ir.Package) *ir.Rules {
	s := sr.Value
	r := &ir.Rules{Required: required}
	if s == nil {
		return r
	}
	if _, named := b.named[schemaKey(s)]; named && sr.Ref != "" {
		// A named type validates itself; only the field's own requiredness applies here.
		return r
	}
	kind := b.scalar(s)
	if len(s.Enum) > 0 && !b.enumTyped(s) && kind.Kind == ir.Builtin {
		r.Enum = b.enumDef(hint, s, false, pkg)
		b.pkg(pkg.Path).pkg.Enums = append(b.pkg(pkg.Path).pkg.Enums, r.Enum)
	}
	if s.Const != nil {
		r.Const = s.Const
	}
	r.Min, r.Max, r.MultipleOf = s.Min, s.Max, s.MultipleOf
	if s.ExclusiveMin.Value != nil {
		r.Min, r.ExclusiveMin = s.ExclusiveMin.Value, true
	} else if s.ExclusiveMin.Bool != nil && *s.ExclusiveMin.Bool {
		r.ExclusiveMin = true
	}
	if s.ExclusiveMax.Value != nil {
		r.Max, r.ExclusiveMax = s.ExclusiveMax.Value, true
	} else if s.ExclusiveMax.Bool != nil && *s.ExclusiveMax.Bool {
		r.ExclusiveMax = true
	}
	r.MinLength, r.MaxLength = s.MinLength, s.MaxLength
	if s.Pattern != "" {
		pattern, err := goPattern(s.Pattern)
		switch {
		case err != nil && b.opts.LaxPatterns:
			b.warn(b.fieldPos(s.Origin, "pattern"), "pattern %q is not checked: Go's RE2 cannot compile it: %v", s.Pattern, unwrapRegexpError(err))
		case err != nil:
			b.fail(b.fieldPos(s.Origin, "pattern"), "pattern %q: Go's RE2 cannot compile it: %v", s.Pattern, unwrapRegexpError(err))
		default:
			r.Pattern = pattern
		}
	}
	if checkedFormats[s.Format] {
		r.Format = s.Format
	}
	if s.Format == "date-time" && kind.Kind != ir.Time {
		r.Format = s.Format
	}
	r.MinItems, r.MaxItems, r.UniqueItems = s.MinItems, s.MaxItems, s.UniqueItems
	r.MinProperties, r.MaxProperties = s.MinProps, s.MaxProps
	if s.PropertyNames != nil {
		r.PropertyNames = b.rules(s.PropertyNames, false, hint+"Key", pkg)
	} else if len(s.PatternProperties) == 1 && s.AdditionalProperties.Schema == nil && len(s.Properties) == 0 {
		for p := range s.PatternProperties {
			if pattern, err := goPattern(p); err == nil {
				r.PropertyNames = &ir.Rules{Pattern: pattern}
			}
		}
	}
	return r
}

// goPattern is a JSON Schema pattern as RE2 writes it, checked to compile.
func goPattern(p string) (string, error) {
	p = jsEscapes.ReplaceAllString(p, `\x{$1}`)
	_, err := regexp.Compile(p)
	return p, err
}

// jsEscapes are ECMA-262 \uXXXX escapes, which JSON Schema patterns use and RE2 writes
// \x{XXXX}.
var jsEscapes = regexp.MustCompile(`\\u([0-9a-fA-F]{4})`)

func unwrapRegexpError(err error) string {
	var re interface{ Error() string }
	if errors.As(err, &re) {
		return strings.TrimPrefix(re.Error(), "error parsing regexp: ")
	}
	return err.Error()
}
