package load

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// operationErrors are the error answers op declares, codes in order, then ranges, then
// default. A JSON body of a struct schema of the client package (the one package where its
// Error method can be declared) decodes into that type, any other into the API's error type.
func (b *builder) operationErrors(op *openapi3.Operation) []*ir.ErrorCase {
	if op.Responses == nil {
		return nil
	}
	var out []*ir.ErrorCase
	for key, rr := range op.Responses.Map() {
		code, ok := errorStatus(key)
		if !ok || rr == nil || rr.Value == nil {
			continue
		}
		c := &ir.ErrorCase{Status: key, Code: code}
		out = append(out, c)
		ct, mt := pickMedia(rr.Value.Content)
		if mt == nil || encodingOf(ct) != ir.JSON || mt.Schema == nil || mt.Schema.Value == nil {
			continue
		}
		ns, ok := b.named[schemaKey(mt.Schema.Value)]
		if !ok || ns.typ.Kind != ir.Struct || ns.typ.Package.Path != b.opts.Package {
			continue
		}
		if _, ok := errorFields(ns.typ); ok {
			c.Type = ns.typ
		}
	}
	slices.SortFunc(out, func(x, y *ir.ErrorCase) int {
		return cmp.Or(errorRank(x)-errorRank(y), strings.Compare(x.Status, y.Status))
	})
	return out
}

// errorStatus is the code of an error response key: a code of 300 or more, a range from 3XX
// (its first code), or default (0).
func errorStatus(key string) (int, bool) {
	if key == "default" {
		return 0, true
	}
	if len(key) == 3 && strings.EqualFold(key[1:], "XX") && key[0] >= '3' && key[0] <= '5' {
		return int(key[0]-'0') * 100, true
	}
	c, err := strconv.Atoi(key)
	return c, err == nil && c >= 300 && c <= 599
}

// errorRank orders error cases as the client tries them: codes, ranges, default.
func errorRank(c *ir.ErrorCase) int {
	switch {
	case c.Status == "default":
		return 2000
	case strings.ContainsAny(c.Status, "Xx"):
		return 1000 + c.Code
	}
	return c.Code
}

// errorFields finds the fields of an error type that carry the status, a kind and a
// message; ok is false when the type has a field named Error, which its Error method
// would clash with.
func errorFields(t *ir.Type) (m ir.ErrorModel, ok bool) {
	m.Type = t
	for _, f := range t.Fields {
		switch {
		case f.Name == ir.Method.Error:
			return m, false
		case m.Status == nil && isInteger(f.Type) && (strings.Contains(f.JSONName, "status") || f.JSONName == "code"):
			m.Status = f
		case m.Message == nil && isString(f.Type) && (strings.Contains(f.JSONName, "message") || f.JSONName == "detail"):
			m.Message = f
		case m.Kind == nil && isString(f.Type) && (strings.Contains(f.JSONName, "type") || strings.Contains(f.JSONName, "code")):
			m.Kind = f
		}
	}
	return m, true
}

// errorTypes are the types of the operations' error cases other than the API's error type,
// in the order of first use.
func errorTypes(c *ir.Client) []ir.ErrorModel {
	var out []ir.ErrorModel
	for _, node := range c.Resources {
		for _, op := range node.Package.Operations {
			for _, ec := range op.Errors {
				if ec.Type == nil || ec.Type == c.Error.Type || slices.ContainsFunc(out, func(m ir.ErrorModel) bool { return m.Type == ec.Type }) {
					continue
				}
				m, _ := errorFields(ec.Type)
				out = append(out, m)
			}
		}
	}
	return out
}
