package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// types writes the package's struct types, in spec order.
func (e *emitter) types(f *jen.File) bool {
	e.importNames(f)
	wrote := false
	var unions unionHelpers
	for _, t := range e.pkg.Types {
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
			items = append(items, fieldDoc(fl.Name, fl.Doc)...)
			items = append(items, jen.Id(fl.Name).Add(e.typeExpr(fl.Type)).Tag(map[string]string{"json": jsonTag(fl)}))
		}
		f.Add(docComment(t.Name, t.Doc)).Type().Id(t.Name).Struct(items...)
		wrote = true
	}
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
