package load

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// union fills a oneOf/anyOf type: one field per alternative, what tells the alternatives
// apart on the wire, and the discriminator values that select each.
func (b *builder) union(t *ir.Type, s *openapi3.Schema) {
	names := newFieldNames()
	alts := variants(s)
	prop := ""
	if s.Discriminator != nil {
		prop = s.Discriminator.PropertyName
	} else {
		prop = b.inferDiscriminator(alts)
	}
	tagged := false
	for _, v := range alts {
		variant := b.variant(t, &names, s.Discriminator, v, prop)
		tagged = tagged || len(variant.Tags) > 0
		t.Variants = append(t.Variants, variant)
	}
	matches := make([]*ir.Match, len(t.Variants))
	for i, v := range t.Variants {
		matches[i] = &v.Match
	}
	keepTagPins(matches)
	if tagged {
		t.Discriminator = prop
		t.Unknown, _ = names.claim("Unknown", false)
	}
}

// variant lowers one alternative of a union. Named types keep their name; inline objects and
// enums are named by their title, else by the discriminator value that selects them, else by
// the kind of value; builtins by the kind of value.
func (b *builder) variant(t *ir.Type, names *fieldNames, d *openapi3.Discriminator, v *openapi3.SchemaRef, prop string) *ir.Variant {
	vs := v.Value
	pos := b.schemaPos(v)
	if isEmptyString(vs) {
		name, _ := names.claim("Empty", false)
		return &ir.Variant{
			Field:  &ir.Field{Name: name, Doc: b.fieldDoc(v), Type: ir.BasicType(ir.Bool), Pos: pos},
			JSON:   ir.JSONString,
			Values: []any{""},
			Empty:  true,
		}
	}
	variant := &ir.Variant{JSON: jsonKinds(vs, 0)}
	if prop != "" && variant.JSON&ir.JSONObject != 0 {
		variant.Tags = b.discriminatorTags(d, v, prop)
	}
	label := ""
	switch {
	case vs.Title != "":
		label = b.namer.Exported(vs.Title)
	case len(variant.Tags) > 0:
		label = b.namer.Exported(variant.Tags[0])
	default:
		label = kindLabel(vs)
	}
	before := len(t.Package.Types)
	typ := b.typeOf(v, t.Name+label, t.Package)
	name := variantName(typ)
	if typ.Kind == ir.Named && slices.Contains(t.Package.Types[before:], typ.Named) {
		// A type made for this alternative alone: its name repeats the union's.
		name = label
	}
	name, _ = names.claim(name, false)
	if typ.Kind != ir.Slice && typ.Kind != ir.Map && typ.Kind != ir.Any && typ.Kind != ir.Nullable {
		typ = &ir.TypeRef{Kind: ir.Pointer, Elem: typ}
	}
	variant.Field = &ir.Field{
		Name:  name,
		Doc:   b.fieldDoc(v),
		Type:  typ,
		Pos:   pos,
		Rules: b.rules(v, t.Name+name, t.Package),
	}
	variant.Values = b.scalarValues(vs, typ)
	switch {
	case isStruct(vs):
		variant.Match = b.objectMatch(vs)
	case variant.JSON == ir.JSONArray && vs.Items != nil:
		variant.Items = b.itemMatches(vs.Items.Value)
	}
	return variant
}

// isEmptyString reports whether s takes only "": the alternative that clears a value in
// Stripe's anyOf: [X, {enum: [""]}].
func isEmptyString(s *openapi3.Schema) bool {
	types := nonNullTypes(s)
	if len(types) > 1 || len(types) == 1 && types[0] != "string" {
		return false
	}
	if s.Const != nil {
		return s.Const == ""
	}
	return len(s.Enum) == 1 && s.Enum[0] == ""
}

// kindLabel names an inline alternative after the kind of value it is.
func kindLabel(s *openapi3.Schema) string {
	if isStruct(s) {
		return "Object"
	}
	types := nonNullTypes(s)
	if len(types) != 1 {
		return "Value"
	}
	if len(s.Enum) > 0 && types[0] != "object" && types[0] != "array" {
		return "Enum"
	}
	switch types[0] {
	case "string":
		return "String"
	case "integer":
		return "Integer"
	case "number":
		return "Number"
	case "boolean":
		return "Bool"
	case "array":
		return "List"
	}
	return "Object"
}

// variantName names a union's field after its type: the named type, or the kind of value.
func variantName(t *ir.TypeRef) string {
	switch t.Kind {
	case ir.Named:
		return t.Named.Name
	case ir.Builtin:
		switch t.Builtin {
		case ir.String:
			return "String"
		case ir.Bool:
			return "Bool"
		case ir.Float64:
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

// jsonKinds are the kinds of JSON value s takes.
func jsonKinds(s *openapi3.Schema, depth int) ir.JSONKinds {
	if s == nil || depth > maxDepth {
		return ir.JSONAll
	}
	var k ir.JSONKinds
	for _, t := range nonNullTypes(s) {
		switch t {
		case "string":
			k |= ir.JSONString
		case "number":
			k |= ir.JSONNumber
		case "integer":
			k |= ir.JSONInteger
		case "boolean":
			k |= ir.JSONBool
		case "array":
			k |= ir.JSONArray
		case "object":
			k |= ir.JSONObject
		}
	}
	if k != 0 {
		return k
	}
	if isStruct(s) {
		return ir.JSONObject
	}
	if alts := variants(s); len(alts) > 0 {
		for _, v := range alts {
			k |= jsonKinds(v.Value, depth+1)
		}
		return k
	}
	k = ir.JSONAll
	for _, a := range s.AllOf {
		k &= jsonKinds(a.Value, depth+1)
	}
	if k == 0 {
		return ir.JSONAll
	}
	return k
}

// discriminatorTags are the values of the discriminator property that select variant v: the
// mapping's keys that point at it, else the values the variant fixes the property to, else
// (with a discriminator object) its component name.
func (b *builder) discriminatorTags(d *openapi3.Discriminator, v *openapi3.SchemaRef, prop string) []string {
	var tags []string
	if d != nil {
		for _, tag := range sortedKeys(d.Mapping) {
			ref := d.Mapping[tag].Ref
			if ref == v.Ref || v.Ref != "" && refName(ref, &openapi3.Schema{}) == refName(v.Ref, &openapi3.Schema{}) {
				tags = append(tags, tag)
			}
		}
	}
	if len(tags) == 0 && v.Value != nil {
		if p, ok := b.property(v.Value, prop); ok {
			tags = pinnedStrings(p.sr, 0)
		}
	}
	if len(tags) == 0 && d != nil && v.Ref != "" {
		tags = append(tags, refName(v.Ref, &openapi3.Schema{}))
	}
	return tags
}

// inferDiscriminator is the property that every object alternative (two or more) fixes to
// values of its own, or "": the first such property of the first object alternative.
func (b *builder) inferDiscriminator(alts openapi3.SchemaRefs) string {
	var objects []*openapi3.Schema
	for _, v := range alts {
		if v.Value != nil && isStruct(v.Value) {
			objects = append(objects, v.Value)
		}
	}
	if len(objects) < 2 {
		return ""
	}
	for _, p := range b.quietProperties(objects[0]) {
		seen := map[string]bool{}
		distinct := true
		for _, o := range objects {
			q, ok := b.property(o, p.name)
			tags := []string(nil)
			if ok {
				tags = pinnedStrings(q.sr, 0)
			}
			if len(tags) == 0 {
				distinct = false
				break
			}
			for _, tag := range tags {
				if seen[tag] {
					distinct = false
				}
				seen[tag] = true
			}
		}
		if distinct {
			return p.name
		}
	}
	return ""
}

// objectMatch is what an object needs to be s: its required properties, its fixed ones and,
// when closed, the properties it knows.
func (b *builder) objectMatch(s *openapi3.Schema) ir.Match {
	m := ir.Match{Closed: s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has}
	for _, p := range b.quietProperties(s) {
		if p.required {
			m.Required = append(m.Required, p.name)
		}
		if values := pinnedValues(p.sr, 0); len(values) > 0 {
			m.Pins = append(m.Pins, ir.Pin{Property: p.name, Required: p.required, Values: values})
		}
		if m.Closed {
			m.Known = append(m.Known, p.name)
		}
	}
	return m
}

// itemMatches are what an item of an array alternative needs to be an item of s: the match
// of its struct, or of each struct of its union. Nil when an item may be a value other than
// an object, or any object: such arrays are told apart by what decodes.
func (b *builder) itemMatches(s *openapi3.Schema) []*ir.Match {
	if s == nil {
		return nil
	}
	objects := openapi3.SchemaRefs{{Value: s}}
	if !isStruct(s) {
		objects = variants(s)
	}
	var out []*ir.Match
	for _, o := range objects {
		if !isStruct(o.Value) {
			return nil
		}
		m := b.objectMatch(o.Value)
		out = append(out, &m)
	}
	keepTagPins(out)
	for _, m := range out {
		if len(m.Required) == 0 && len(m.Pins) == 0 && !m.Closed {
			return nil
		}
	}
	return out
}

// quietProperties is properties without its diagnostics, which the type's own fields report.
func (b *builder) quietProperties(s *openapi3.Schema) []prop {
	n := len(b.errs)
	props := b.properties(s)
	b.errs = b.errs[:n]
	return props
}

func (b *builder) property(s *openapi3.Schema, name string) (prop, bool) {
	for _, p := range b.quietProperties(s) {
		if p.name == name {
			return p, true
		}
	}
	return prop{}, false
}

// pinnedValues are the values a property is restricted to by a const or an enum, possibly
// through allOf, as JSON decodes them into any (strings, float64s, bools); nil when it takes
// others.
func pinnedValues(sr *openapi3.SchemaRef, depth int) []any {
	if sr == nil || sr.Value == nil || depth > maxDepth {
		return nil
	}
	s := sr.Value
	list := s.Enum
	if s.Const != nil {
		list = []any{s.Const}
	}
	if len(list) > 0 {
		var out []any
		for _, v := range list {
			x, ok := jsonScalar(v)
			if !ok {
				return nil
			}
			out = append(out, x)
		}
		return out
	}
	for _, a := range s.AllOf {
		if values := pinnedValues(a, depth+1); len(values) > 0 {
			return values
		}
	}
	return nil
}

// pinnedStrings are pinnedValues when they are all strings.
func pinnedStrings(sr *openapi3.SchemaRef, depth int) []string {
	var out []string
	for _, v := range pinnedValues(sr, depth) {
		str, ok := v.(string)
		if !ok {
			return nil
		}
		out = append(out, str)
	}
	return out
}

// keepTagPins keeps the pins that tell alternatives apart: a property fixed to one value, and
// an enum property that some alternative fixes to one value (OpenAI's input messages take a
// "role" of three, its output message "role": "assistant"). Other enums (a status) may gain
// values an alternative must still take.
func keepTagPins(vs []*ir.Match) {
	tagLike := map[string]bool{}
	for _, v := range vs {
		for _, p := range v.Pins {
			if len(p.Values) == 1 {
				tagLike[p.Property] = true
			}
		}
	}
	for _, v := range vs {
		var kept []ir.Pin
		for _, p := range v.Pins {
			if tagLike[p.Property] {
				kept = append(kept, p)
			}
		}
		v.Pins = kept
	}
}

func jsonScalar(v any) (any, bool) {
	switch x := v.(type) {
	case string, bool, float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return nil, false
}

// scalarValues are the enum or const values of a scalar alternative of Go type typ.
func (b *builder) scalarValues(s *openapi3.Schema, typ *ir.TypeRef) []any {
	if typ.Kind == ir.Pointer {
		typ = typ.Elem
	}
	if typ.Kind == ir.Named && typ.Named.Kind == ir.Enum {
		// A named enum may not be filled yet: its schema tells its underlying type.
		typ = b.scalar(s)
	}
	if typ.Kind != ir.Builtin {
		return nil
	}
	list := s.Enum
	if s.Const != nil {
		list = []any{s.Const}
	}
	var out []any
	for _, v := range list {
		if x, ok := enumValue(v, typ); ok && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
