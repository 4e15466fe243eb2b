package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// enums writes the typed enum types with their constants, Valid and Values, and the untyped
// constant sets of string-style enums.
func (e *emitter) enums(f *jen.File) bool {
	wrote := false
	for _, t := range e.pkg.Types {
		if t.Kind != ir.Enum {
			continue
		}
		e.split(f)
		e.from(t.Pos)
		f.Add(e.doc(t.Doc)).Type().Id(t.Name).Add(e.typeExpr(t.Underlying))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, v := range t.Enum.Values {
				e.innerDocTo(g, v.Doc)
				g.Id(v.ConstName).Id(t.Name).Op("=").Add(lit(v.Value))
			}
		})
		f.Commentf("// Valid reports whether v is one of the values the spec lists for %s.", t.Name)
		f.Func().Params(jen.Id(local.V).Id(t.Name)).Id(method.Valid).Params().Bool().BlockFunc(func(g *jen.Group) {
			if len(t.Enum.Values) == 0 {
				g.Return(jen.False())
				return
			}
			g.Switch(jen.Id(local.V)).Block(
				jen.CaseFunc(func(c *jen.Group) {
					for _, v := range t.Enum.Values {
						c.Id(v.ConstName)
					}
				}).Block(jen.Return(jen.True())),
			)
			g.Return(jen.False())
		})
		f.Commentf("// Values lists every value the spec gives for %s, in spec order.", t.Name)
		f.Func().Params(jen.Id(t.Name)).Id(method.Values).Params().Index().Id(t.Name).Block(
			jen.Return(jen.Index().Id(t.Name).ValuesFunc(func(g *jen.Group) {
				for _, v := range t.Enum.Values {
					g.Id(v.ConstName)
				}
			})),
		)
		wrote = true
	}
	for _, def := range e.pkg.Enums {
		if len(def.Values) == 0 {
			continue
		}
		f.Commentf("// Accepted values of %s.", def.Name)
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, v := range def.Values {
				e.innerDocTo(g, v.Doc)
				g.Id(v.ConstName).Op("=").Add(lit(v.Value))
			}
		})
		wrote = true
	}
	return wrote
}
