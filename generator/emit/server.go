package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// server writes, for every resource, a stub that answers 501 and a Register function that
// routes, decodes, validates and calls an implementation.
func (e *emitter) server(f *jen.File) bool {
	c := e.prog.Client
	if c == nil || c.Package != e.pkg {
		return false
	}
	e.importNames(f)
	for _, n := range c.Resources {
		e.unimplemented(f, n)
		e.register(f, n)
	}
	f.Comment("// writeError answers with err as the API's error body.")
	f.Func().Id("writeError").Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Err().Error()).Block(
		jen.List(jen.Id("status"), jen.Id("body")).Op(":=").Id("errorResponse").Call(jen.Err()),
		jen.Id("writeJSON").Call(jen.Id("w"), jen.Id("status"), jen.Id("body")),
	)
	return true
}

func (e *emitter) unimplemented(f *jen.File, n *ir.ClientNode) {
	f.Commentf("// %s answers every operation with 501 Not Implemented. Embed it in an", n.Unimplemented)
	f.Commentf("// implementation of %s to keep compiling when the spec gains operations.", n.Interface)
	f.Type().Id(n.Unimplemented).Struct()
	for _, op := range n.Package.Operations {
		e.from(op.Pos)
		params, results := e.signature(op)
		notImplemented := jen.Id("errorFor").Call(jen.Qual("net/http", "StatusNotImplemented"), jen.Lit("not_implemented"), jen.Lit(op.Name+" is not implemented"))
		f.Commentf("// %s answers 501 Not Implemented.", op.Name)
		f.Func().Params(jen.Id(n.Unimplemented)).Id(op.Name).Params(params...).Parens(jen.List(results...)).BlockFunc(func(g *jen.Group) {
			switch {
			case op.Response == nil:
				g.Return(notImplemented)
			case byPointer(op.Response) || nilable(op.Response):
				g.Return(jen.Nil(), notImplemented)
			default:
				g.Var().Id("zero").Add(e.typeExpr(op.Response))
				g.Return(jen.Id("zero"), notImplemented)
			}
		})
	}
}

func (e *emitter) register(f *jen.File, n *ir.ClientNode) {
	f.Commentf("// %s serves impl on mux. Each handler decodes the request, answers 400", n.Register)
	f.Comment("// naming every violation when it is malformed or invalid, calls impl, and answers with")
	f.Comment("// its result as JSON or with its error (see errorResponse).")
	f.Func().Id(n.Register).Params(jen.Id("mux").Op("*").Qual("net/http", "ServeMux"), jen.Id("impl").Id(n.Interface)).BlockFunc(func(g *jen.Group) {
		for _, op := range n.Package.Operations {
			pattern, wildcards := muxPattern(op)
			g.Id("mux").Dot("HandleFunc").Call(jen.Lit(pattern), jen.Func().Params(
				jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"),
			).BlockFunc(func(h *jen.Group) {
				e.handler(h, op, wildcards)
			}))
		}
	})
}

// muxPattern is the ServeMux pattern of an operation: its method and path, each path
// parameter a wildcard of its own segment (named w0, w1, ... since ServeMux needs Go
// identifiers). A segment that mixes text and a parameter becomes one wildcard, which the
// handler trims.
func muxPattern(op *ir.Operation) (string, map[*ir.Parameter]wildcard) {
	wildcards := map[*ir.Parameter]wildcard{}
	var b strings.Builder
	b.WriteString(op.Method + " ")
	n := 0
	// Work segment by segment over the parts.
	var seg []ir.PathPart
	flush := func() {
		var params []*ir.Parameter
		var text strings.Builder
		for _, p := range seg {
			if p.Param != nil {
				params = append(params, p.Param)
			} else {
				text.WriteString(p.Literal)
			}
		}
		switch {
		case len(params) == 0:
			b.WriteString(escapePattern(text.String()))
		default:
			name := "w" + strconv.Itoa(n)
			n++
			b.WriteString("{" + name + "}")
			prefix, suffix := "", ""
			if len(seg) > 0 && seg[0].Param == nil {
				prefix = seg[0].Literal
			}
			if last := seg[len(seg)-1]; last.Param == nil && len(seg) > 1 {
				suffix = last.Literal
			}
			wildcards[params[0]] = wildcard{name: name, prefix: prefix, suffix: suffix}
		}
		seg = nil
	}
	for _, p := range op.PathParts {
		if p.Param != nil {
			seg = append(seg, p)
			continue
		}
		lit := p.Literal
		for {
			i := strings.IndexByte(lit, '/')
			if i < 0 {
				if lit != "" {
					seg = append(seg, ir.PathPart{Literal: lit})
				}
				break
			}
			if i > 0 {
				seg = append(seg, ir.PathPart{Literal: lit[:i]})
			}
			flush()
			b.WriteByte('/')
			lit = lit[i+1:]
		}
	}
	flush()
	pattern := b.String()
	if !strings.Contains(pattern, " /") {
		pattern = op.Method + " /" + strings.TrimPrefix(pattern, op.Method+" ")
	}
	if strings.HasSuffix(pattern, "/") && !strings.HasSuffix(pattern, " /") {
		// A trailing slash would match the whole subtree; {$} keeps it exact.
		pattern += "{$}"
	}
	if strings.HasSuffix(pattern, " /") {
		pattern += "{$}"
	}
	return pattern, wildcards
}

type wildcard struct {
	name, prefix, suffix string
}

// escapePattern keeps literal braces of a path from reading as ServeMux wildcards.
func escapePattern(s string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D").Replace(s)
}

func (e *emitter) handler(h *jen.Group, op *ir.Operation, wildcards map[*ir.Parameter]wildcard) {
	h.Var().Id("params").Add(e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: op.Params}))
	bad := func(err jen.Code) jen.Code {
		return jen.Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Id("errorFor").Call(jen.Qual("net/http", "StatusBadRequest"), jen.Lit("malformed_request"), jen.Add(err).Dot("Error").Call())),
			jen.Return(),
		)
	}
	if op.Body != "" {
		target := jen.Op("&").Id("params")
		if op.BodyField != nil {
			target = jen.Op("&").Id("params").Dot(op.BodyField.Name)
		}
		decode := "decodeJSON"
		switch {
		case isJSON(op.Body):
		case op.Body == "application/x-www-form-urlencoded" || op.Body == "multipart/form-data":
			decode = "decodeForm"
		default:
			decode = ""
		}
		if decode != "" {
			h.If(jen.Err().Op(":=").Id(decode).Call(jen.Id("r"), target), jen.Err().Op("!=").Nil()).Add(bad(jen.Err()))
		} else if op.BodyField != nil {
			h.List(jen.Id("body"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(jen.Id("r").Dot("Body"))
			h.If(jen.Err().Op("!=").Nil()).Add(bad(jen.Err()))
			h.Id("params").Dot(op.BodyField.Name).Op("=").Add(e.typeExpr(op.BodyField.Type)).Parens(jen.Id("body"))
		}
	}
	query := false
	for _, p := range op.Parameters {
		var values jen.Code
		switch p.In {
		case ir.InPath:
			w, ok := wildcards[p]
			if !ok {
				continue
			}
			v := jen.Id("r").Dot("PathValue").Call(jen.Lit(w.name))
			if w.prefix != "" {
				v = jen.Qual("strings", "TrimPrefix").Call(v, jen.Lit(w.prefix))
			}
			if w.suffix != "" {
				v = jen.Qual("strings", "TrimSuffix").Call(v, jen.Lit(w.suffix))
			}
			values = jen.Index().String().Values(v)
		case ir.InQuery:
			if !query {
				h.Id("query").Op(":=").Id("r").Dot("URL").Dot("Query").Call()
				query = true
			}
			values = jen.Id("query").Index(jen.Lit(p.Name))
		case ir.InHeader:
			values = jen.Id("r").Dot("Header").Dot("Values").Call(jen.Lit(p.Name))
		case ir.InCookie:
			values = jen.Id("cookieValues").Call(jen.Id("r"), jen.Lit(p.Name))
		}
		h.If(jen.Err().Op(":=").Id("parseParam").Call(jen.Lit(p.Name), values, jen.Op("&").Id("params").Dot(p.Field.Name)), jen.Err().Op("!=").Nil()).Add(bad(jen.Err()))
	}
	h.If(jen.Err().Op(":=").Id("params").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
		jen.Id("writeError").Call(jen.Id("w"), jen.Id("errorFor").Call(jen.Qual("net/http", "StatusBadRequest"), jen.Lit("invalid_params"), jen.Err().Dot("Error").Call())),
		jen.Return(),
	)
	status := op.SuccessCode
	if status == 0 {
		status = 200
	}
	call := jen.Id("impl").Dot(op.Name).Call(jen.Id("r").Dot("Context").Call(), jen.Op("&").Id("params"))
	if op.Response == nil {
		h.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(
			jen.Id("writeError").Call(jen.Id("w"), jen.Err()), jen.Return())
		h.Id("w").Dot("WriteHeader").Call(jen.Lit(status))
		return
	}
	h.List(jen.Id("result"), jen.Err()).Op(":=").Add(call)
	h.If(jen.Err().Op("!=").Nil()).Block(jen.Id("writeError").Call(jen.Id("w"), jen.Err()), jen.Return())
	h.Id("writeResult").Call(jen.Id("w"), jen.Lit(status), jen.Id("result"))
}
