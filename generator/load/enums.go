package load

import (
	"fmt"
	"math"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

func (b *builder) enumDef(name string, s *openapi3.Schema, pkg *ir.Package) *ir.EnumDef {
	st := b.pkg(pkg.Path)
	open, ok := b.boolExt(s.Extensions, "x-go-enum-open", s.Origin)
	if !ok {
		open = b.opts.OpenEnums
	}
	def := &ir.EnumDef{Name: name, Open: open}
	var varnames []string
	if v, ok := s.Extensions["x-enum-varnames"]; ok {
		list, isList := v.([]any)
		pos := b.fieldPos(s.Origin, "x-enum-varnames")
		if !isList {
			b.fail(pos, "x-enum-varnames must be a list of names")
		} else if len(list) != len(s.Enum) {
			b.fail(pos, "x-enum-varnames has %d names for %d enum values", len(list), len(s.Enum))
		} else {
			for _, n := range list {
				ns, isStr := n.(string)
				if !isStr || !isExported(name+ns) {
					b.fail(pos, "x-enum-varnames: %v is not a Go identifier", n)
					return def
				}
				varnames = append(varnames, ns)
			}
		}
	}
	kind := b.scalar(s)
	seen := map[any]bool{}
	for i, v := range s.Enum {
		if v == nil {
			continue
		}
		value, ok := enumValue(v, kind)
		if !ok {
			b.warn(b.fieldPos(s.Origin, "enum"), "enum value %v does not fit the schema's type; it gets no constant and is not checked", v)
			continue
		}
		if seen[value] {
			// JSON Schema only asks for unique values; a repeat would be a duplicate case.
			continue
		}
		seen[value] = true
		suffix := ""
		if varnames != nil {
			suffix = varnames[i]
		} else {
			suffix = b.namer.Suffix(fmt.Sprint(v))
		}
		constName := name + suffix
		if varnames != nil {
			if !st.scope.Claim(constName) {
				b.fail(b.fieldPos(s.Origin, "x-enum-varnames"), "enum constant %s is already declared in package %s", constName, pkg.Path)
			}
		} else {
			constName = st.scope.Unique(constName)
		}
		def.Values = append(def.Values, ir.EnumValue{ConstName: constName, Value: value})
	}
	return def
}

func enumValue(v any, kind *ir.TypeRef) (any, bool) {
	switch kind.Builtin {
	case ir.String:
		s, ok := v.(string)
		return s, ok
	case ir.Int, ir.Int32, ir.Int64:
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			return nil, false
		}
		return int64(f), true
	case ir.Float64:
		f, ok := v.(float64)
		return f, ok
	case ir.Bool:
		bv, ok := v.(bool)
		return bv, ok
	}
	return nil, false
}
