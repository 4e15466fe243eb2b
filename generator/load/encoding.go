package load

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// formFields decides how each property of a form or multipart body travels, from the
// media type's encoding object: style (form by default), explode (true for form, false
// otherwise, unless stated) and the content type of a part.
func (b *builder) formFields(mt *openapi3.MediaType, fields []*ir.Field) []*ir.FormField {
	var out []*ir.FormField
	for _, f := range fields {
		ff := &ir.FormField{Field: f, Style: ir.StyleForm, Explode: true}
		if enc := mt.Encoding[f.WireName]; enc != nil {
			if enc.Style != "" {
				style, ok := ir.ParseStyle(enc.Style)
				switch {
				case !ok:
					b.warn(b.pos(enc.Origin), "encoding of %q: unknown style %q; form is used", f.WireName, enc.Style)
				case style == ir.StyleSimple || style == ir.StyleLabel || style == ir.StyleMatrix:
					b.warn(b.pos(enc.Origin), "encoding of %q: style %s is for paths; form is used", f.WireName, enc.Style)
				default:
					ff.Style, ff.Explode = style, style == ir.StyleForm
				}
			}
			if enc.Explode != nil {
				ff.Explode = *enc.Explode
			}
			ff.ContentType = enc.ContentType
		}
		out = append(out, ff)
	}
	return out
}
