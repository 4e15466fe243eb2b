package load

import (
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// specgenExtensions are specgen's own extensions.
var specgenExtensions = []string{
	"x-go-name", "x-go-package", "x-go-pointer", "x-go-enum-style", "x-go-enum-open",
	"x-enum-varnames",
}

// foreignExtensions are the extensions of other generators (oapi-codegen, go-swagger,
// openapi-generator, Redocly) that specgen honours (README: Extensions).
var foreignExtensions = []string{
	"x-go-type", "x-go-type-import", "x-go-type-skip-optional-pointer", "x-go-json-ignore",
	"x-omitempty", "x-go-enum-desc", "x-enum-descriptions", "x-enumDescriptions",
}

// extProblem reports a bad use of an extension, which is then ignored. The spec of a
// config is the user's own, so it is an error there (and in strict mode); a spec written
// for other tools (Foreign) gets a warning.
func (b *builder) extProblem(pos ir.Pos, format string, args ...any) {
	if b.opts.Foreign && !b.opts.Strict {
		b.warn(pos, "%s; the extension is ignored", fmt.Sprintf(format, args...))
		return
	}
	b.fail(pos, format, args...)
}

// tolerate reports a problem that has a fallback: a warning that says what is done
// instead, an error in strict mode.
func (b *builder) tolerate(pos ir.Pos, instead, format string, args ...any) {
	if b.opts.Strict {
		b.fail(pos, format, args...)
		return
	}
	b.warn(pos, "%s; %s", fmt.Sprintf(format, args...), instead)
}

func (b *builder) stringExt(ext map[string]any, name string, o *openapi3.Origin) (string, bool) {
	v, ok := ext[name]
	if !ok {
		return "", false
	}
	s, isStr := v.(string)
	if !isStr || s == "" {
		b.extProblem(b.fieldPos(o, name), "%s must be a non-empty string, not %v", name, v)
		return "", false
	}
	switch name {
	case "x-go-name":
		if !isExported(s) {
			b.extProblem(b.fieldPos(o, name), "x-go-name %q is not an exported Go identifier", s)
			return "", false
		}
	case "x-go-enum-style":
		if s != "typed" && s != "string" {
			b.extProblem(b.fieldPos(o, name), "x-go-enum-style must be \"typed\" or \"string\", not %q", s)
			return "", false
		}
	case "x-go-package":
		if !validPkgPath(s) {
			b.extProblem(b.fieldPos(o, name), "x-go-package %q is not a relative package path", s)
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
		b.extProblem(b.fieldPos(o, name), "%s must be true or false, not %v", name, v)
		return false, false
	}
	return bv, true
}

// isExported reports whether s is an exported Go identifier: an unexported field would
// be skipped by encoding/json.
func isExported(s string) bool { return token.IsIdentifier(s) && token.IsExported(s) }

var pkgPathRe = regexp.MustCompile(`^[a-z0-9_]+(/[a-z0-9_]+)*$`)

func validPkgPath(s string) bool { return pkgPathRe.MatchString(s) }

// checkExtensions rejects misspelled x-go extensions, which would otherwise be ignored; in a
// spec written for other tools, they are other generators' and get a warning.
func (b *builder) checkExtensions(ext map[string]any, o *openapi3.Origin) {
	for _, k := range sortedKeys(ext) {
		if (strings.HasPrefix(k, "x-go-") || k == "x-enum-varnames") && !knownExtension(k) {
			b.extProblem(b.fieldPos(o, k), "unknown extension %s (known: %s)", k, strings.Join(knownList(), ", "))
		}
	}
}

func knownExtension(k string) bool {
	return slices.Contains(specgenExtensions, k) || slices.Contains(foreignExtensions, k)
}

// knownList names the extensions an unknown one may be a misspelling of.
func knownList() []string {
	out := slices.Clone(specgenExtensions)
	for _, e := range foreignExtensions {
		if strings.HasPrefix(e, "x-go-") {
			out = append(out, e)
		}
	}
	return out
}
