package load

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

func (b *builder) fillNamed(ns *namedSchema) {
	if ns.filled {
		return
	}
	ns.filled = true
	t, s := ns.typ, ns.schema
	b.typeExamples(t, s)
	if t.Kind == ir.Enum {
		t.Kind = ir.Enum
		t.Underlying = b.scalar(s)
		t.Enum = b.enumDef(t.Name, s, t.Package)
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
	case b.enumForm(s) == typedEnum:
		t := b.inlineType(hint, s, pkg)
		t.Kind = ir.Enum
		t.Underlying = b.scalar(s)
		t.Enum = b.enumDef(t.Name, s, pkg)
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
		elem := b.element(b.typeOf(s.Items, hint+"Item", pkg), s.Items)
		return &ir.TypeRef{Kind: ir.Slice, Elem: elem, Rules: b.rules(s.Items, hint+"Item", pkg)}
	case "object":
		ap := s.AdditionalProperties.Schema
		if ap == nil && len(s.PatternProperties) == 1 {
			// One pattern's values are the map's values; the key pattern is validated.
			for _, v := range s.PatternProperties {
				ap = v
			}
		}
		if ap != nil {
			elem := b.element(b.typeOf(ap, hint+"Value", pkg), ap)
			return &ir.TypeRef{Kind: ir.Map, Elem: elem, Rules: b.rules(ap, hint+"Value", pkg)}
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
			return &ir.TypeRef{Kind: ir.Slice, Elem: ir.BasicType(ir.Byte)}
		}
		return ir.BasicType(ir.String)
	case "integer":
		switch s.Format {
		case "int32":
			return ir.BasicType(ir.Int32)
		case "int64":
			return ir.BasicType(ir.Int64)
		}
		return ir.BasicType(ir.Int)
	case "number":
		// Also for format float: a JSON number has more digits than a float32 keeps, and an
		// answer's value must come back as it was sent.
		return ir.BasicType(ir.Float64)
	case "boolean":
		return ir.BasicType(ir.Bool)
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
	names := newFieldNames()
	var fields []*ir.Field
	for _, p := range b.properties(s) {
		if f := b.field(t, &names, p.name, p.sr, p.required); f != nil {
			fields = append(fields, f)
		}
	}
	t.Extra = b.extraField(t, s, &names)
	return fields
}

// extraField is the field that keeps a struct's undeclared properties: JSON Schema allows
// them unless additionalProperties is false, and an answer's values must not be lost. Their
// values have the additionalProperties schema's type, else stay raw JSON.
func (b *builder) extraField(t *ir.Type, s *openapi3.Schema, names *fieldNames) *ir.Field {
	ap := s.AdditionalProperties
	if b.plainValues() || ap.Has != nil && !*ap.Has {
		return nil
	}
	elem := &ir.TypeRef{Kind: ir.RawJSON}
	if ap.Schema != nil {
		elem = b.element(b.typeOf(ap.Schema, t.Name+"Value", t.Package), ap.Schema)
	}
	name, _ := names.claim("AdditionalProperties", false)
	return b.extraExamples(&ir.Field{
		Name:     name,
		JSONName: "-",
		Type:     &ir.TypeRef{Kind: ir.Map, Elem: elem},
		Pos:      t.Pos,
	}, ap.Schema)
}

// validJSONName reports whether a json struct tag can carry name: encoding/json ignores a
// tag name with other characters than these, and "-" means no name.
func validJSONName(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	for _, c := range name {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) {
			return false
		}
	}
	return true
}

func newFieldNames() fieldNames {
	scope := ir.NewScope()
	ir.Method.ClaimStruct(scope)
	return fieldNames{scope: scope, explicit: map[string]bool{}}
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
		b.warn(pos, "property %q of %s is skipped: encoding/json cannot name a field so", jsonName, t.Name)
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
	isNull, acc := nullable(sr), access(sr)
	typ, omit := b.presence(b.typeOf(sr, t.Name+name, t.Package), sr, required, isNull, acc)
	return b.fieldExamples(&ir.Field{
		Name:     name,
		JSONName: jsonName,
		WireName: jsonName,
		Doc:      b.fieldDoc(sr),
		Type:     typ,
		Required: required,
		Nullable: isNull,
		Access:   acc,
		Omit:     omit,
		Pos:      pos,
		Rules:    b.rules(sr, t.Name+name, t.Package),
	}, sr)
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
