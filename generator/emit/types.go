package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// types writes the package's struct types, in spec order.
func (e *emitter) types(f *jen.File) bool {
	wrote := false
	var unions unionHelpers
	for _, t := range e.pkg.Types {
		e.split(f)
		if t.Kind == ir.Union {
			e.union(f, t, &unions)
			wrote = true
			continue
		}
		if t.Kind != ir.Struct {
			continue
		}
		e.from(t.Pos)
		var items []jen.Code
		for _, fl := range t.Fields {
			e.from(fl.Pos)
			items = append(items, e.innerDoc(fl.Doc)...)
			items = append(items, jen.Id(fl.Name).Add(e.typeExpr(fl.Type)).Tag(map[string]string{"json": jsonTag(fl)}))
		}
		if x := t.Extra; x != nil {
			items = append(items, e.innerDoc(x.Doc)...)
			items = append(items, jen.Id(x.Name).Add(e.typeExpr(x.Type)).Tag(map[string]string{"json": "-"}))
		}
		f.Add(e.doc(t.Doc)).Type().Id(t.Name).Struct(items...)
		if t.Extra != nil {
			e.extraMethods(f, t)
		}
		wrote = true
	}
	e.split(f)
	unions.write(f)
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

// extraMethods writes the JSON methods of a struct that keeps its undeclared properties:
// the fields through a method-less copy of the type, the rest through the Extra map.
func (e *emitter) extraMethods(f *jen.File, t *ir.Type) {
	var declared []jen.Code
	for _, fl := range t.Fields {
		if fl.JSONName != "-" {
			declared = append(declared, jen.Lit(fl.JSONName))
		}
	}
	extra := t.Extra.Name
	f.Comment("// UnmarshalJSON decodes the declared properties into their fields and keeps the others in")
	f.Commentf("// %s.", extra)
	f.Func().Params(jen.Id(local.X).Op("*").Id(t.Name)).Id(method.UnmarshalJSON).Params(jen.Id(local.Data).Index().Byte()).Error().Block(
		jen.Type().Id(local.Plain).Id(t.Name),
		jen.List(jen.Id(local.Fields), jen.Id(local.Err)).Op(":=").Id("decodeExtra").Call(append([]jen.Code{jen.Id(local.Data), jen.Op("&").Id(local.X).Dot(extra)}, declared...)...),
		jen.If(jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id(local.Err))),
		jen.Return(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Fields), jen.Parens(jen.Op("*").Id(local.Plain)).Parens(jen.Id(local.X)))),
	)
	f.Commentf("// MarshalJSON encodes the fields, then the properties in %s.", extra)
	f.Func().Params(jen.Id(local.X).Id(t.Name)).Id(method.MarshalJSON).Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id(local.Plain).Id(t.Name),
		jen.List(jen.Id(local.Data), jen.Id(local.Err)).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id(local.Plain).Parens(jen.Id(local.X))),
		jen.If(jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id(local.Err))),
		jen.Return(jen.Id("encodeExtra").Call(append([]jen.Code{jen.Id(local.Data), jen.Id(local.X).Dot(extra)}, declared...)...)),
	)
}
