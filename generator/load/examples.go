package load

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// Examples are collected only when Options.Examples asks: encoding and validating every one
// costs time that generation does not need.

// operationExamples collects the JSON examples of an operation's request body and of its
// responses, with the Go type that holds each: Params or the body field for the request,
// the response type for the chosen success response, the error type for an error response
// of that schema.
func (b *builder) operationExamples(res *ir.Operation, op *openapi3.Operation) {
	if !b.opts.Examples {
		return
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		var target *ir.TypeRef
		if res.BodyEncoding == ir.JSON {
			target = &ir.TypeRef{Kind: ir.Named, Named: res.Params}
			if res.BodyField != nil {
				target = res.BodyField.Type
			}
		}
		b.contentExamples(res, "request", op.RequestBody.Value.Content, res.Body, target, openapi3.VisitAsRequest())
	}
	if op.Responses == nil {
		return
	}
	success, _ := successCode(op.Responses)
	var errType *ir.Type
	for _, key := range sortedKeys(op.Responses.Map()) {
		rr := op.Responses.Value(key)
		if rr == nil || rr.Value == nil {
			continue
		}
		var target *ir.TypeRef
		media := ""
		switch {
		case res.Statuses != nil && strings.HasPrefix(key, "2"):
			// A result by status holds each status's body in a field of its own type.
			for _, st := range res.Statuses {
				if strconv.Itoa(st.Code) == key {
					target = st.Field.Type.Deref()
					media, _ = pickMedia(rr.Value.Content)
				}
			}
		case key == success:
			if res.ResponseEncoding == ir.JSON {
				target, media = res.Response, res.ResponseMedia
			}
		case !strings.HasPrefix(key, "2"):
			// Every non-2xx body is decoded as the API's error type: the examples of a
			// response of that schema are its examples.
			media, _ = pickMedia(rr.Value.Content)
			mt := rr.Value.Content[media]
			if encodingOf(media) != ir.JSON || mt == nil || mt.Schema == nil || mt.Schema.Value == nil || !hasExamples(mt) {
				break
			}
			if errType == nil {
				if errType = b.errorModel().Type; errType == nil {
					errType = &ir.Type{}
				}
			}
			if ns, ok := b.named[schemaKey(mt.Schema.Value)]; ok && ns.typ == errType {
				target = &ir.TypeRef{Kind: ir.Named, Named: errType}
			}
		}
		b.contentExamples(res, "response "+key, rr.Value.Content, media, target, openapi3.VisitAsResponse())
	}
}

func hasExamples(mt *openapi3.MediaType) bool {
	return mt.Example != nil || len(mt.Examples) > 0
}

// contentExamples collects the examples of every JSON media type of content; those of
// media, the one the generated code reads, get target.
func (b *builder) contentExamples(res *ir.Operation, in string, content openapi3.Content, media string, target *ir.TypeRef, mode openapi3.SchemaValidationOption) {
	for _, ct := range sortedKeys(content) {
		mt := content[ct]
		if mt == nil || encodingOf(ct) != ir.JSON || !hasExamples(mt) {
			continue
		}
		t := target
		if ct != media {
			t = nil
		}
		var schema *openapi3.Schema
		if mt.Schema != nil {
			schema = mt.Schema.Value
		}
		if mt.Example != nil {
			res.Examples = append(res.Examples, b.example("", in, b.fieldPos(mt.Origin, "example"), mt.Example, "", schema, t, mode))
		}
		for _, name := range sortedKeys(mt.Examples) {
			er := mt.Examples[name]
			if er == nil || er.Value == nil {
				continue
			}
			pos := b.pos(er.Origin)
			if er.Origin == nil {
				pos = b.pos(er.Value.Origin)
			}
			res.Examples = append(res.Examples, b.example(name, in, pos, er.Value.Value, er.Value.ExternalValue, schema, t, mode))
		}
	}
}

// typeExamples collects a named schema's example and (OpenAPI 3.1) examples.
func (b *builder) typeExamples(t *ir.Type, s *openapi3.Schema) {
	if !b.opts.Examples {
		return
	}
	t.Examples = b.schemaExamples(nil, "schema", s, &ir.TypeRef{Kind: ir.Named, Named: t})
}

// fieldExamples collects into f the examples of the property schema sr, which decode into
// the field's type, and those of the items, map values and union variants within it; it
// returns f.
func (b *builder) fieldExamples(f *ir.Field, sr *openapi3.SchemaRef) *ir.Field {
	if b.opts.Examples {
		f.Examples = b.valueExamples(nil, "property", f.Type, f.Type, sr, 0)
	}
	return f
}

// extraExamples collects into the Extra field f the examples of the additionalProperties
// schema ap, which decode into one of its map values; it returns f.
func (b *builder) extraExamples(f *ir.Field, ap *openapi3.SchemaRef) *ir.Field {
	if b.opts.Examples && ap != nil {
		f.Examples = b.valueExamples(nil, "additional property", f.Type.Elem, f.Type.Elem, ap, 0)
	}
	return f
}

// valueExamples appends the examples of the schema sr, which decode into own, and follows
// t, the Go type that holds sr's value, through its slices, maps and union variants to the
// examples of their items, values and alternatives. A variant's examples decode into the
// union's position, own, so that the union has to choose the variant. A named type's
// schema is left out: its examples are the type's, and its properties are its fields'. An
// inline struct's properties are fields of their own, which collect theirs.
func (b *builder) valueExamples(out []*ir.Example, in string, own, t *ir.TypeRef, sr *openapi3.SchemaRef, depth int) []*ir.Example {
	if sr == nil || sr.Value == nil || depth > maxDepth {
		return out
	}
	s := sr.Value
	if ns, ok := b.named[schemaKey(s)]; ok && (sr.Ref != "" || ns.schema == s) {
		return out
	}
	out = b.schemaExamples(out, in, s, own)
	switch {
	case len(s.AllOf) == 1 && len(s.Properties) == 0:
		// typeOf's allOf: [$ref]: the member's type is this one.
		return b.valueExamples(out, in, own, t, s.AllOf[0], depth+1)
	case !isStruct(s) && !isUnion(s) && len(variants(s)) == 1:
		return b.valueExamples(out, in, own, t, variants(s)[0], depth+1)
	}
	for t.Kind == ir.Pointer || t.Kind == ir.Nullable {
		t = t.Elem
	}
	switch {
	case t.Kind == ir.Slice && s.Items != nil:
		return b.valueExamples(out, in+" item", t.Elem, t.Elem, s.Items, depth+1)
	case t.Kind == ir.Map:
		ap := s.AdditionalProperties.Schema
		if ap == nil && len(s.PatternProperties) == 1 {
			for _, v := range s.PatternProperties {
				ap = v
			}
		}
		return b.valueExamples(out, in+" value", t.Elem, t.Elem, ap, depth+1)
	case t.Kind == ir.Named && t.Named.Kind == ir.Union && isUnion(s) && len(variants(s)) == len(t.Named.Variants):
		for i, v := range variants(s) {
			out = b.valueExamples(out, in+" variant", own, t.Named.Variants[i].Field.Type, v, depth+1)
		}
	}
	return out
}

// schemaExamples appends a schema's example and (OpenAPI 3.1) examples, values of target.
func (b *builder) schemaExamples(out []*ir.Example, in string, s *openapi3.Schema, target *ir.TypeRef) []*ir.Example {
	if s.Example != nil || nullExample(s) {
		out = append(out, b.example("", in, b.fieldPos(s.Origin, "example"), s.Example, "", s, target, nil))
	}
	for i, v := range s.Examples {
		pos := b.fieldPos(s.Origin, "examples")
		if seq := s.Origin; seq != nil && i < len(seq.Sequences["examples"]) {
			loc := seq.Sequences["examples"][i]
			pos = ir.Pos{File: displayPath(b.opts, originFile(loc.File)), Line: loc.Line, Col: loc.Column}
		}
		out = append(out, b.example(strconv.Itoa(i), in, pos, v, "", s, target, nil))
	}
	return out
}

// nullExample reports whether a schema's example is null, which kin-openapi reads as no
// example: the spec's position of the key tells them apart.
func nullExample(s *openapi3.Schema) bool {
	if s.Origin == nil {
		return false
	}
	_, ok := s.Origin.Fields.Lookup("example")
	return ok
}

// example encodes one example value and, when a Go type holds it, checks it against its
// schema. The value is checked as encoding/json reads it back, the form kin-openapi's
// validation expects.
func (b *builder) example(name, in string, pos ir.Pos, value any, external string, schema *openapi3.Schema, target *ir.TypeRef, mode openapi3.SchemaValidationOption) *ir.Example {
	if target != nil && hasExternal(target) {
		// A type x-go-type names comes from elsewhere: the example is not checked.
		target = nil
	}
	ex := &ir.Example{Name: name, In: in, Pos: pos, Target: target, External: external}
	if external != "" {
		return ex
	}
	data, err := json.Marshal(value)
	if err != nil {
		ex.Invalid = "not JSON: " + err.Error()
		return ex
	}
	ex.JSON = data
	if n, ok := roundedNumber(value); ok {
		ex.Invalid = fmt.Sprintf("the number %v is past 2^53: the spec loader read it as a float64 and rounded it, so this is not the example the spec gives", n)
		return ex
	}
	if target == nil {
		// No Go type to check it against: validating it would only cost time.
		return ex
	}
	if schema == nil {
		ex.Valid = true
		return ex
	}
	var decoded any
	if err := json.Unmarshal(data, &decoded); err != nil {
		ex.Invalid = "not JSON: " + err.Error()
		return ex
	}
	// Formats are not asserted (OpenAPI calls them annotations), and the first error is
	// enough to say why.
	var opts []openapi3.SchemaValidationOption
	if mode != nil {
		opts = append(opts, mode)
	}
	if b.doc.IsOpenAPI31OrLater() {
		opts = append(opts, openapi3.EnableJSONSchema2020())
	}
	if err := visitJSON(schema, decoded, opts); err != nil {
		ex.Invalid, _, _ = strings.Cut(err.Error(), "\n")
		return ex
	}
	ex.Valid = true
	return ex
}

// visitJSON is schema.VisitJSON, whose behaviour kin-openapi leaves undefined on a schema it
// would not validate: a panic there makes the example's check fail, not the generation.
func visitJSON(schema *openapi3.Schema, value any, opts []openapi3.SchemaValidationOption) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("kin-openapi cannot check it: %v", r)
		}
	}()
	return schema.VisitJSON(value, opts...)
}

// roundedNumber finds an integer the YAML and JSON readers may have rounded: kin-openapi reads
// every example number as a float64, which holds integers exactly only up to 2^53.
func roundedNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, math.Abs(x) > 1<<53 && x == math.Trunc(x)
	case map[string]any:
		for _, k := range sortedKeys(x) {
			if n, ok := roundedNumber(x[k]); ok {
				return n, true
			}
		}
	case []any:
		for _, e := range x {
			if n, ok := roundedNumber(e); ok {
				return n, true
			}
		}
	}
	return 0, false
}
