package load

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// plainValues reports whether fields are plain values that omitempty leaves out when zero
// (the config's omitEmpty "all"): the style of SDKs such as Stytch's, where 0, false and ""
// cannot be sent. Otherwise every value a user sets reaches the wire.
func (b *builder) plainValues() bool { return b.opts.OmitEmpty == "all" }

// presence decides how a field holds its value, in the one place pointers and Nullable are
// chosen. With exact values (the default):
//   - required and not nullable: the plain type, always sent;
//   - optional: a pointer (nil is absent, and omitempty leaves it out), except slices, maps
//     and any, whose nil is absent and whose empty value is sent, and which omitzero leaves
//     out when nil;
//   - nullable: Nullable[T], which tells absent, null and a value apart.
//
// x-go-pointer forces or forbids the pointer of a value that is not nullable.
func (b *builder) presence(t *ir.TypeRef, sr *openapi3.SchemaRef, required, isNull bool, acc ir.Access) (*ir.TypeRef, ir.Omit) {
	if b.plainValues() {
		return b.plainPointer(t, sr, !required), ir.OmitEmpty
	}
	// A readOnly value is not in requests and a writeOnly one not in answers: one of the
	// two directions leaves it out, so it is held as optional values are.
	required = required && acc == ir.ReadWrite
	omit := ir.OmitZero
	if required {
		omit = ir.OmitNever
	}
	if isNull {
		return &ir.TypeRef{Kind: ir.Nullable, Elem: t}, omit
	}
	ptr := !required && !absentAtZero(t)
	if v, ok := b.pointerExt(sr); ok {
		ptr = v && !absentAtZero(t)
	}
	if ptr {
		if omit == ir.OmitZero {
			// omitzero would ask a *time.Time's IsZero and drop 0001-01-01T00:00:00Z;
			// omitempty leaves out a nil pointer only.
			omit = ir.OmitEmpty
		}
		return &ir.TypeRef{Kind: ir.Pointer, Elem: t}, omit
	}
	return t, omit
}

// element decides how an array item or a map value holds its value: by value, or by pointer
// when null is one of its values.
func (b *builder) element(t *ir.TypeRef, sr *openapi3.SchemaRef) *ir.TypeRef {
	if b.plainValues() {
		return b.plainPointer(t, sr, false)
	}
	ptr := nullable(sr) && !absentAtZero(t)
	if v, ok := b.pointerExt(sr); ok {
		ptr = v && !absentAtZero(t)
	}
	if ptr {
		return &ir.TypeRef{Kind: ir.Pointer, Elem: t}
	}
	return t
}

// plainPointer is the pointer rule of plain values: a struct is a pointer where structPtr
// says so (an optional field), a time always is, and x-go-pointer overrides either.
func (b *builder) plainPointer(t *ir.TypeRef, sr *openapi3.SchemaRef, structPtr bool) *ir.TypeRef {
	ptr := t.Kind == ir.Time || (t.Kind == ir.Named && t.Named.Kind != ir.Enum && structPtr)
	if v, ok := b.pointerExt(sr); ok {
		ptr = v
	}
	if ptr && !absentAtZero(t) {
		return &ir.TypeRef{Kind: ir.Pointer, Elem: t}
	}
	return t
}

// pointerExt is the x-go-pointer of a schema reference (next to the $ref, or in an inline
// schema); else oapi-codegen's x-go-type-skip-optional-pointer: true, there or in the
// referenced schema, forbids the pointer.
func (b *builder) pointerExt(sr *openapi3.SchemaRef) (bool, bool) {
	if v, ok := b.propBool(sr, "x-go-pointer"); ok {
		return v, true
	}
	const skip = "x-go-type-skip-optional-pointer"
	if v, _ := b.propBool(sr, skip); v {
		return false, true
	}
	if sr.Value != nil && sr.Ref != "" {
		if v, _ := b.boolExt(sr.Value.Extensions, skip, sr.Value.Origin); v {
			return false, true
		}
	}
	return false, false
}

// propBool is a boolean extension of a schema reference: next to the $ref, or in an inline
// schema.
func (b *builder) propBool(sr *openapi3.SchemaRef, name string) (bool, bool) {
	if v, ok := b.boolExt(sr.Extensions, name, sr.Origin); ok {
		return v, true
	}
	if sr.Value != nil && sr.Ref == "" {
		return b.boolExt(sr.Value.Extensions, name, sr.Value.Origin)
	}
	return false, false
}

// omitExt applies x-omitempty (oapi-codegen, go-swagger) of a property to its omit option:
// true leaves Go's empty value out, false always writes the field.
func (b *builder) omitExt(sr *openapi3.SchemaRef, omit ir.Omit) ir.Omit {
	v, ok := b.propBool(sr, "x-omitempty")
	switch {
	case !ok:
		return omit
	case !v:
		return ir.OmitNever
	case omit == ir.OmitNever:
		return ir.OmitEmpty
	}
	return omit
}

// absentAtZero reports whether t's zero value already says "absent": nil, or an absent
// Nullable.
func absentAtZero(t *ir.TypeRef) bool { return t.Nilable() || t.Kind == ir.Nullable }

// nullable reports whether null is one of a schema's values: 3.0's nullable, 3.1's type
// "null", a oneOf or anyOf alternative that allows null, or null among the enum values.
func nullable(sr *openapi3.SchemaRef) bool {
	s := sr.Value
	if s == nil {
		return false
	}
	if s.Nullable || s.Type != nil && s.Type.Includes("null") {
		return true
	}
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, a := range alts {
			if a.Value != nil && (a.Value.Nullable || a.Value.Type != nil && a.Value.Type.Includes("null")) {
				return true
			}
		}
	}
	for _, v := range s.Enum {
		if v == nil {
			return true
		}
	}
	return false
}

// access is the direction a property travels in, from readOnly and writeOnly.
func access(sr *openapi3.SchemaRef) ir.Access {
	switch s := sr.Value; {
	case s == nil:
		return ir.ReadWrite
	case s.ReadOnly && !s.WriteOnly:
		return ir.ReadOnly
	case s.WriteOnly && !s.ReadOnly:
		return ir.WriteOnly
	}
	return ir.ReadWrite
}
