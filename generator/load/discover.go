package load

import (
	"cmp"
	"maps"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

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
			b.units[schemaKey(s)] = true
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
		file := originFile(ns.schema.Origin.Key.File)
		doc, ok := b.files[file]
		if !ok {
			data, err := b.pre.read(file)
			if err == nil {
				doc, _ = newLoader(b.opts, b.pre.read).LoadFromDataWithPath(data, &url.URL{Path: file})
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
	list := slices.Collect(maps.Values(b.named))
	// Without origins (a JSON spec that kin-openapi read as JSON) every position is the
	// same, and the keys are addresses: the order the schemas were met in decides.
	slices.SortFunc(list, func(x, y *namedSchema) int { return cmp.Or(comparePos(x.typ.Pos, y.typ.Pos), x.seq-y.seq) })
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
	case isEnum(s): // isNamedType said it is a typed one
		t.Kind = ir.Enum
	case isUnion(s):
		t.Kind = ir.Union
	}
	b.named[k] = &namedSchema{typ: t, schema: s, key: key, explicit: explicit, copied: copied, seq: len(b.named)}
	st.pkg.Types = append(st.pkg.Types, t)
}

// isNamedType reports whether a named schema becomes a Go type of its own: objects with
// properties and typed enums do; scalars, arrays, free-form objects and string-style enums
// are written inline where they are used, and so is a schema whose x-go-type names its
// type.
func (b *builder) isNamedType(s *openapi3.Schema) bool {
	if hasGoType(s) {
		// x-go-type names the Go type.
		return false
	}
	if len(s.Enum) > 0 {
		return b.enumForm(s) == typedEnum
	}
	return isStruct(s) || isUnion(s)
}

// isEnum reports whether s is an enum Go constants can name: of strings, numbers or booleans.
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

// enumStyle is what Go makes of a schema's enum.
type enumStyle uint8

const (
	// noEnum: no enum, or one Go cannot name (of objects, of mixed types).
	noEnum enumStyle = iota
	// typedEnum: a named type with typed constants.
	typedEnum
	// stringEnum: the value keeps its scalar type, with untyped constants.
	stringEnum
)

// enumForm decides, in one place, what an enum schema becomes: the x-go-enum-style of the
// schema, else the config's enumStyle.
func (b *builder) enumForm(s *openapi3.Schema) enumStyle {
	if !isEnum(s) {
		return noEnum
	}
	style, ok := b.stringExt(s.Extensions, "x-go-enum-style", s.Origin)
	if !ok {
		style = b.opts.EnumStyle
	}
	if style == "string" {
		return stringEnum
	}
	return typedEnum
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
