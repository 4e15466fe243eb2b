package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// Pruning takes out of the document, before anything is named, every part that cannot be
// generated because the pre-pass left a marker in it (a $ref it could not follow), and
// every part that depends on one: a schema whose property, item, member or variant is
// broken; an operation whose request body, success response or required parameter is.
// An optional parameter and an error response go alone. Each gets a line in the summary
// that names its cause.

// marker is the cause of the marker ext carries, if it carries one.
func (b *builder) marker(ext map[string]any) (ir.Diagnostic, bool) {
	s, _ := ext[brokenExt].(string)
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n >= len(b.pre.broken) {
		return ir.Diagnostic{}, false
	}
	b.reported[n] = true
	return b.pre.broken[n].Diagnostic, true
}

// skip records a part of the spec left out; in strict mode it is an error.
func (b *builder) skip(kind, name string, pos ir.Pos, reason string) {
	if b.opts.Strict {
		b.fail(pos, "%s %s: %s", kind, name, reason)
		return
	}
	b.skips = append(b.skips, ir.Skip{Kind: kind, Name: name, Pos: pos, Reason: reason})
}

// cause says where a problem found elsewhere stands.
func cause(d ir.Diagnostic) string { return fmt.Sprintf("%s (%s)", d.Msg, d.Pos) }

func (b *builder) prune() {
	if c := b.doc.Components; c != nil {
		for _, key := range sortedKeys(c.Schemas) {
			if b.unitProblem(c.Schemas[key], key) != "" {
				delete(c.Schemas, key)
			}
		}
	}
	for _, o := range b.operations() {
		if why := b.operationProblem(o); why != "" {
			b.skip("operation", strings.ToUpper(o.method)+" "+o.path, b.pos(o.op.Origin), why)
			o.item.SetOperation(o.method, nil)
		}
	}
	// A marker nothing generated from (a component parameter no operation uses) still has
	// its line.
	for i, br := range b.pre.broken {
		if !b.reported[i] {
			b.skip(kindNames[br.kind], br.where, br.Pos, br.Msg)
		}
	}
}

// unitProblem says why a named schema (a component, or the target of a $ref) cannot be
// generated, or ""; the first time, it records the skip. A schema on a cycle counts as
// generated while its cycle is checked.
func (b *builder) unitProblem(sr *openapi3.SchemaRef, name string) string {
	if sr == nil || sr.Value == nil {
		return ""
	}
	key := schemaKey(sr.Value)
	if why, ok := b.unitChecked[key]; ok {
		return why
	}
	b.unitChecked[key] = ""
	why := b.schemaProblem(sr.Value, 0)
	b.unitChecked[key] = why
	if why != "" {
		b.skip("schema", name, b.pos(sr.Value.Origin), why)
	}
	return why
}

// schemaProblem says why schema s cannot be generated, or "".
func (b *builder) schemaProblem(s *openapi3.Schema, depth int) string {
	if d, ok := b.marker(s.Extensions); ok {
		return d.Msg
	}
	if depth > maxDepth {
		return ""
	}
	children := childSchemas(s)
	for _, k := range sortedKeys(s.PatternProperties) {
		children = append(children, s.PatternProperties[k])
	}
	for _, c := range children {
		if c == nil || c.Value == nil {
			continue
		}
		if c.Ref != "" {
			name := refName(c.Ref, c.Value)
			if b.unitProblem(c, name) != "" {
				return fmt.Sprintf("it uses schema %s, which is skipped (%s)", name, b.pos(c.Value.Origin))
			}
			continue
		}
		if d, ok := b.marker(c.Value.Extensions); ok {
			return cause(d)
		}
		if why := b.schemaProblem(c.Value, depth+1); why != "" {
			return why
		}
	}
	return ""
}

// refProblem is schemaProblem for a schema where it is used.
func (b *builder) refProblem(sr *openapi3.SchemaRef) string {
	if sr == nil || sr.Value == nil {
		return ""
	}
	if sr.Ref != "" {
		name := refName(sr.Ref, sr.Value)
		if b.unitProblem(sr, name) != "" {
			return fmt.Sprintf("it uses schema %s, which is skipped (%s)", name, b.pos(sr.Value.Origin))
		}
		return ""
	}
	if d, ok := b.marker(sr.Value.Extensions); ok {
		return cause(d)
	}
	return b.schemaProblem(sr.Value, 0)
}

// contentProblem is the first problem of the schemas of a body's media types.
func (b *builder) contentProblem(content openapi3.Content) string {
	for _, ct := range sortedKeys(content) {
		if mt := content[ct]; mt != nil {
			if why := b.refProblem(mt.Schema); why != "" {
				return ct + ": " + why
			}
		}
	}
	return ""
}

// operationProblem says why operation o cannot be generated, or ""; it takes out the
// parameters and error responses that can go alone.
func (b *builder) operationProblem(o opRef) string {
	what := strings.ToUpper(o.method) + " " + o.path
	skipped := false
	for _, list := range []*openapi3.Parameters{&o.item.Parameters, &o.op.Parameters} {
		var kept openapi3.Parameters
		for i, pr := range *list {
			if pr == nil || pr.Value == nil {
				continue
			}
			p := pr.Value
			if d, ok := b.marker(p.Extensions); ok {
				// A $ref that could not be followed: the parameter's name is unknown.
				b.skip("parameter", fmt.Sprintf("#%d of %s", i+1, what), d.Pos, d.Msg)
				skipped = true
				continue
			}
			why := paramProblem(p)
			if why == "" {
				why = b.refProblem(p.Schema)
			}
			if why == "" {
				why = b.contentProblem(p.Content)
			}
			switch {
			case why == "":
				kept = append(kept, pr)
				continue
			case p.Required || p.In == openapi3.ParameterInPath:
				return fmt.Sprintf("its required parameter %q cannot be generated: %s", p.Name, why)
			}
			b.skip("parameter", p.Name+" of "+what, b.pos(p.Origin), why)
			skipped = true
		}
		*list = kept
	}
	if skipped {
		declared := map[string]bool{}
		for _, list := range []openapi3.Parameters{o.item.Parameters, o.op.Parameters} {
			for _, pr := range list {
				if pr.Value.In == openapi3.ParameterInPath {
					declared[pr.Value.Name] = true
				}
			}
		}
		for _, name := range templateNames(o.path) {
			if !declared[name] {
				return fmt.Sprintf("path parameter {%s} is not declared once the parameters that cannot be generated are left out", name)
			}
		}
	}
	if rb := o.op.RequestBody; rb != nil && rb.Value != nil {
		if d, ok := b.marker(rb.Value.Extensions); ok {
			return "request body: " + cause(d)
		}
		if why := b.contentProblem(rb.Value.Content); why != "" {
			return "request body " + why
		}
	}
	if o.op.Responses == nil {
		return ""
	}
	for _, code := range sortedKeys(o.op.Responses.Map()) {
		rr := o.op.Responses.Value(code)
		if rr == nil || rr.Value == nil {
			continue
		}
		// A marker is the response itself: the operation's reason says where it stands.
		pos, why := b.pos(rr.Value.Origin), b.contentProblem(rr.Value.Content)
		opWhy := why
		if d, ok := b.marker(rr.Value.Extensions); ok {
			pos, why, opWhy = d.Pos, d.Msg, cause(d)
		}
		switch {
		case why == "":
		case strings.HasPrefix(code, "2"):
			return "response " + code + ": " + opWhy
		default:
			b.skip("response", code+" of "+what, pos, why)
			o.op.Responses.Delete(code)
		}
	}
	return ""
}

// paramProblem says what of a parameter itself cannot be generated: where it travels, or
// how (a Swagger 2.0 "in: body" left in a converted spec, say).
func paramProblem(p *openapi3.Parameter) string {
	switch ir.ParamIn(p.In) {
	case ir.InPath, ir.InQuery, ir.InHeader, ir.InCookie:
	default:
		return fmt.Sprintf("unknown location %q", p.In)
	}
	if _, ok := ir.ParseStyle(p.Style); p.Style != "" && !ok {
		return fmt.Sprintf("unknown style %q", p.Style)
	}
	return ""
}

// templateNames are the parameter names of a path template.
func templateNames(p string) []string {
	var out []string
	for {
		open := strings.IndexByte(p, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(p[open:], '}')
		if end < 0 {
			return out
		}
		if name := p[open+1 : open+end]; !slices.Contains(out, name) {
			out = append(out, name)
		}
		p = p[open+end+1:]
	}
}
