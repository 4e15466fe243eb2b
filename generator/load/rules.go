package load

import (
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

var checkedFormats = map[string]bool{
	"email": true, "uuid": true, "uri": true, "date": true, "ipv4": true,
	"ipv6": true, "hostname": true,
}

// rulesOf is rules for a value of Go type t: none for a type x-go-type names, which
// specgen cannot check.
func (b *builder) rulesOf(t *ir.TypeRef, sr *openapi3.SchemaRef, hint string, pkg *ir.Package) *ir.Rules {
	if hasExternal(t) {
		return nil
	}
	return b.rules(sr, hint, pkg)
}

func (b *builder) rules(sr *openapi3.SchemaRef, hint string, pkg *ir.Package) *ir.Rules {
	s := sr.Value
	r := &ir.Rules{}
	if s == nil {
		return r
	}
	if _, named := b.named[schemaKey(s)]; named && sr.Ref != "" {
		// A named type validates itself; only the field's own requiredness applies here.
		return r
	}
	kind := b.scalar(s)
	if b.enumForm(s) == stringEnum {
		r.Enum = b.enumDef(hint, s, pkg)
		b.pkg(pkg.Path).pkg.Enums = append(b.pkg(pkg.Path).pkg.Enums, r.Enum)
	}
	if s.Const != nil {
		r.Const = s.Const
	}
	r.Min, r.Max, r.MultipleOf = s.Min, s.Max, s.MultipleOf
	if s.ExclusiveMin.Value != nil {
		r.Min, r.ExclusiveMin = s.ExclusiveMin.Value, true
	} else if s.ExclusiveMin.Bool != nil && *s.ExclusiveMin.Bool {
		r.ExclusiveMin = true
	}
	if s.ExclusiveMax.Value != nil {
		r.Max, r.ExclusiveMax = s.ExclusiveMax.Value, true
	} else if s.ExclusiveMax.Bool != nil && *s.ExclusiveMax.Bool {
		r.ExclusiveMax = true
	}
	r.MinLength, r.MaxLength = s.MinLength, s.MaxLength
	if s.Pattern != "" {
		pattern, err := goPattern(s.Pattern)
		switch {
		case err != nil && b.opts.LaxPatterns:
			b.warn(b.fieldPos(s.Origin, "pattern"), "pattern %q is not checked: Go's RE2 cannot compile it: %v", s.Pattern, unwrapRegexpError(err))
		case err != nil:
			b.fail(b.fieldPos(s.Origin, "pattern"), "pattern %q: Go's RE2 cannot compile it: %v", s.Pattern, unwrapRegexpError(err))
		default:
			r.Pattern = pattern
		}
	}
	if checkedFormats[s.Format] {
		r.Format = s.Format
	}
	if s.Format == "date-time" && kind.Kind != ir.Time {
		r.Format = s.Format
	}
	r.MinItems, r.MaxItems, r.UniqueItems = s.MinItems, s.MaxItems, s.UniqueItems
	r.MinProperties, r.MaxProperties = s.MinProps, s.MaxProps
	if s.PropertyNames != nil {
		r.PropertyNames = b.rules(s.PropertyNames, hint+"Key", pkg)
	} else if len(s.PatternProperties) == 1 && s.AdditionalProperties.Schema == nil && len(s.Properties) == 0 {
		for p := range s.PatternProperties {
			if pattern, err := goPattern(p); err == nil {
				r.PropertyNames = &ir.Rules{Pattern: pattern}
			}
		}
	}
	return r
}

// goPattern is a JSON Schema pattern as RE2 writes it, checked to compile.
func goPattern(p string) (string, error) {
	p = jsEscapes.ReplaceAllString(p, `\x{$1}`)
	_, err := regexp.Compile(p)
	return p, err
}

// jsEscapes are ECMA-262 \uXXXX escapes, which JSON Schema patterns use and RE2 writes
// \x{XXXX}.
var jsEscapes = regexp.MustCompile(`\\u([0-9a-fA-F]{4})`)

func unwrapRegexpError(err error) string {
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}
