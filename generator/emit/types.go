package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// types writes the package's struct types, in spec order.
func (e *emitter) types(f *jen.File) bool {
	e.importNames(f)
	wrote, unions := false, false
	for _, t := range e.pkg.Types {
		if t.Kind == ir.Union {
			e.union(f, t)
			wrote, unions = true, true
			continue
		}
		if t.Kind != ir.Struct {
			continue
		}
		e.from(t.Pos)
		var items []jen.Code
		for _, fl := range t.Fields {
			e.from(fl.Pos)
			items = append(items, fieldDoc(fl.Name, fl.Doc)...)
			items = append(items, jen.Id(fl.Name).Add(e.typeExpr(fl.Type)).Tag(map[string]string{"json": jsonTag(fl)}))
		}
		if x := t.Extra; x != nil {
			items = append(items, fieldDoc(x.Name, x.Doc)...)
			items = append(items, jen.Id(x.Name).Add(e.typeExpr(x.Type)).Tag(map[string]string{"json": "-"}))
		}
		f.Add(docComment(t.Name, t.Doc)).Type().Id(t.Name).Struct(items...)
		if t.Extra != nil {
			e.extraMethods(f, t)
		}
		wrote = true
	}
	if unions {
		f.Comment("// decodeStrict decodes JSON data into v, rejecting unknown fields: it tells which")
		f.Comment("// alternative of a union a value is.")
		f.Func().Id("decodeStrict").Params(jen.Id("data").Index().Byte(), jen.Id("v").Any()).Error().Block(
			jen.Id("dec").Op(":=").Qual("encoding/json", "NewDecoder").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("data"))),
			jen.Id("dec").Dot("DisallowUnknownFields").Call(),
			jen.If(jen.Err().Op(":=").Id("dec").Dot("Decode").Call(jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("dec").Dot("More").Call()).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("trailing data")))),
			jen.Return(jen.Nil()),
		)
	}
	return wrote
}

func jsonTag(f *ir.Field) string {
	if f.JSONName == "-" {
		return "-"
	}
	switch f.Omit {
	case ir.OmitEmpty:
		return f.JSONName + ",omitempty"
	case ir.OmitZero:
		return f.JSONName + ",omitzero"
	}
	return f.JSONName
}

// union writes a oneOf/anyOf type: a struct with one pointer per alternative, encoded as the
// alternative that is set and decoded by the discriminator, or else into the first
// alternative that takes the value without unknown fields.
func (e *emitter) union(f *jen.File, t *ir.Type) {
	e.from(t.Pos)
	var items []jen.Code
	for _, v := range t.Variants {
		items = append(items, fieldDoc(v.Field.Name, v.Field.Doc)...)
		items = append(items, jen.Id(v.Field.Name).Add(e.typeExpr(v.Field.Type)))
	}
	doc := t.Doc
	if doc == "" {
		doc = "One of its fields is set."
	}
	f.Add(docComment(t.Name, doc)).Type().Id(t.Name).Struct(items...)

	f.Comment("// MarshalJSON encodes the alternative that is set, or null.")
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		for _, v := range t.Variants {
			g.If(jen.Id("u").Dot(v.Field.Name).Op("!=").Nil()).Block(
				jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("u").Dot(v.Field.Name))))
		}
		g.Return(jen.Index().Byte().Parens(jen.Lit("null")), jen.Nil())
	})

	f.Comment("// UnmarshalJSON decodes data into the alternative it is.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("u").Op("=").Id(t.Name).Values()
		g.If(jen.Qual("bytes", "Equal").Call(jen.Qual("bytes", "TrimSpace").Call(jen.Id("data")), jen.Index().Byte().Parens(jen.Lit("null")))).Block(jen.Return(jen.Nil()))
		decodeInto := func(v *ir.Variant, strict bool) []jen.Code {
			elem := v.Field.Type
			ptr := elem.Kind == ir.Pointer
			if ptr {
				elem = elem.Elem
			}
			val := jen.Id("v").Op(":=").New(e.typeExpr(elem))
			if !ptr {
				val = jen.Var().Id("v").Add(e.typeExpr(elem))
			}
			target := jen.Id("v")
			if !ptr {
				target = jen.Op("&").Id("v")
			}
			decode := jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), target)
			if strict {
				decode = jen.Id("decodeStrict").Call(jen.Id("data"), target)
			}
			return []jen.Code{val, jen.If(jen.Err().Op(":=").Add(decode), jen.Err().Op("==").Nil()).Block(
				jen.Id("u").Dot(v.Field.Name).Op("=").Id("v"),
				jen.Return(jen.Nil()),
			)}
		}
		if t.Discriminator != "" {
			g.Var().Id("probe").Struct(jen.Id("Tag").Any().Tag(map[string]string{"json": t.Discriminator}))
			g.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("probe")).Op("==").Nil()).Block(
				jen.Switch(jen.Id("probe").Dot("Tag")).BlockFunc(func(sw *jen.Group) {
					for _, v := range t.Variants {
						if len(v.Tags) == 0 {
							continue
						}
						sw.CaseFunc(func(c *jen.Group) {
							for _, tag := range v.Tags {
								c.Lit(tag)
							}
						}).Block(decodeInto(v, false)...)
					}
				}),
			)
		}
		for _, v := range t.Variants {
			g.Block(decodeInto(v, true)...)
		}
		g.Return(jen.Qual("errors", "New").Call(jen.Lit(t.Name + ": the value is none of the alternatives")))
	})
}

// extraMethods writes the JSON methods of a struct that keeps its undeclared properties:
// the fields through a method-less copy of the type, the rest through the Extra map.
func (e *emitter) extraMethods(f *jen.File, t *ir.Type) {
	var declared []jen.Code
	for _, fl := range t.Fields {
		declared = append(declared, jen.Lit(fl.JSONName))
	}
	extra := t.Extra.Name
	f.Comment("// UnmarshalJSON decodes the declared properties into their fields and keeps the others in")
	f.Commentf("// %s.", extra)
	f.Func().Params(jen.Id("x").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Type().Id("plain").Id(t.Name),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Parens(jen.Op("*").Id("plain")).Parens(jen.Id("x"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())),
		jen.Return(jen.Id("decodeExtra").Call(append([]jen.Code{jen.Id("data"), jen.Op("&").Id("x").Dot(extra)}, declared...)...)),
	)
	f.Commentf("// MarshalJSON encodes the fields, then the properties in %s.", extra)
	f.Func().Params(jen.Id("x").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id("plain").Id(t.Name),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("plain").Parens(jen.Id("x"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("encodeExtra").Call(append([]jen.Code{jen.Id("data"), jen.Id("x").Dot(extra)}, declared...)...)),
	)
}
