package load

import (
	"fmt"
	"math"
	"strings"

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
	varnames := b.varnames(name, s)
	docs := b.enumDocs(s)
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
		switch {
		case varnames == nil:
			constName = st.scope.Unique(constName)
		case !st.scope.Claim(constName):
			b.tolerate(b.fieldPos(s.Origin, "x-enum-varnames"), "a numbered name is used", "enum constant %s is already declared in package %s", constName, pkg.Path)
			constName = st.scope.Unique(constName)
		}
		def.Values = append(def.Values, ir.EnumValue{ConstName: constName, Value: value, Doc: docs[fmt.Sprint(v)]})
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

// varnames are the constant name suffixes x-enum-varnames gives, one per enum value; nil
// when it gives none, or a list that does not fit, which is a warning: the namer's names
// are used then.
func (b *builder) varnames(name string, s *openapi3.Schema) []string {
	v, ok := s.Extensions["x-enum-varnames"]
	if !ok {
		return nil
	}
	const instead = "the namer's names are used instead"
	pos := b.fieldPos(s.Origin, "x-enum-varnames")
	list, isList := v.([]any)
	switch {
	case !isList:
		b.tolerate(pos, instead, "x-enum-varnames must be a list of names")
		return nil
	case len(list) != len(s.Enum):
		b.tolerate(pos, instead, "x-enum-varnames has %d names for %d enum values", len(list), len(s.Enum))
		return nil
	}
	var out []string
	for _, n := range list {
		ns, isStr := n.(string)
		if !isStr || !isExported(name+ns) {
			b.tolerate(pos, instead, "x-enum-varnames: %v is not a Go identifier", n)
			return nil
		}
		out = append(out, ns)
	}
	return out
}

// enumDocs are the descriptions of enum values, by the value's text: x-enum-descriptions
// (a list in the order of the values, or a map; x-enumDescriptions too) or go-swagger's
// x-go-enum-desc (a line per value: the value, a space, its description).
func (b *builder) enumDocs(s *openapi3.Schema) map[string]string {
	docs := map[string]string{}
	for _, name := range []string{"x-enum-descriptions", "x-enumDescriptions"} {
		v, ok := s.Extensions[name]
		if !ok {
			continue
		}
		switch v := v.(type) {
		case []any:
			if len(v) != len(s.Enum) {
				b.tolerate(b.fieldPos(s.Origin, name), "the descriptions are left out", "%s has %d descriptions for %d enum values", name, len(v), len(s.Enum))
				continue
			}
			for i, d := range v {
				if text, ok := d.(string); ok {
					docs[fmt.Sprint(s.Enum[i])] = text
				}
			}
		case map[string]any:
			for k, d := range v {
				if text, ok := d.(string); ok {
					docs[k] = text
				}
			}
		default:
			b.tolerate(b.fieldPos(s.Origin, name), "the descriptions are left out", "%s must be a list or a map of descriptions", name)
		}
	}
	if v, ok := s.Extensions["x-go-enum-desc"]; ok {
		text, isStr := v.(string)
		if !isStr {
			b.tolerate(b.fieldPos(s.Origin, "x-go-enum-desc"), "the descriptions are left out", "x-go-enum-desc must be text, a line per value")
		}
		for _, line := range strings.Split(text, "\n") {
			value, desc, _ := strings.Cut(strings.TrimSpace(line), " ")
			desc = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(desc), "- "))
			if _, taken := docs[value]; value != "" && desc != "" && !taken {
				docs[value] = desc
			}
		}
	}
	return docs
}
