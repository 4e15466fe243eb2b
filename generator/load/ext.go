package load

import (
	"go/token"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

var knownExtensions = map[string]bool{
	"x-go-name": true, "x-go-package": true, "x-go-pointer": true, "x-go-enum-style": true,
	"x-enum-varnames": true, "x-go-enum-open": true,
}

func (b *builder) stringExt(ext map[string]any, name string, o *openapi3.Origin) (string, bool) {
	v, ok := ext[name]
	if !ok {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr || s == "" {
		b.fail(b.fieldPos(o, name), "%s must be a non-empty string, not %v", name, v)
		return "", false
	}
	switch name {
	case "x-go-name":
		if !isExported(s) {
			b.fail(b.fieldPos(o, name), "x-go-name %q is not an exported Go identifier", s)
			return "", false
		}
	case "x-go-enum-style":
		if s != "typed" && s != "string" {
			b.fail(b.fieldPos(o, name), "x-go-enum-style must be \"typed\" or \"string\", not %q", s)
			return "", false
		}
	case "x-go-package":
		if !validPkgPath(s) {
			b.fail(b.fieldPos(o, name), "x-go-package %q is not a relative package path", s)
			return "", false
		}
	}
	return s, true
}

func (b *builder) boolExt(ext map[string]any, name string, o *openapi3.Origin) (value, ok bool) {
	v, ok := ext[name]
	if !ok {
		return false, false
	}
	bv, isBool := v.(bool)
	if !isBool {
		b.fail(b.fieldPos(o, name), "%s must be true or false, not %v", name, v)
		return false, false
	}
	return bv, true
}

// isExported reports whether s is an exported Go identifier: an unexported field would
// be skipped by encoding/json.
func isExported(s string) bool { return token.IsIdentifier(s) && token.IsExported(s) }

var pkgPathRe = regexp.MustCompile(`^[a-z0-9_]+(/[a-z0-9_]+)*$`)

func validPkgPath(s string) bool { return pkgPathRe.MatchString(s) }

// checkExtensions rejects misspelled x-go extensions, which would otherwise be ignored.
func (b *builder) checkExtensions(ext map[string]any, o *openapi3.Origin) {
	for _, k := range sortedKeys(ext) {
		if (strings.HasPrefix(k, "x-go-") || k == "x-enum-varnames") && !knownExtensions[k] {
			b.fail(b.fieldPos(o, k), "unknown extension %s (known: x-go-name, x-go-package, x-go-pointer, x-go-enum-style, x-go-enum-open, x-enum-varnames)", k)
		}
	}
}
