package emit

import (
	"net/url"
	"slices"
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
	for _, n := range c.Resources {
		e.split(f)
		e.unimplemented(f, n)
		e.split(f)
		e.register(f, n)
	}
	e.split(f)
	e.deepReaders(f)
	f.Comment("// writeError answers with err as the API's error body.")
	f.Func().Id(helper.WriteError).Params(jen.Id(local.W).Qual("net/http", "ResponseWriter"), jen.Id(local.Err).Error()).Block(
		jen.List(jen.Id(local.Status), jen.Id(local.Body)).Op(":=").Id(helper.ErrorResponse).Call(jen.Id(local.Err)),
		jen.If(jen.Id("writeJSON").Call(jen.Id(local.W), jen.Id(local.Status), jen.Lit("application/json"), jen.Id(local.Body)).Op("!=").Nil()).Block(
			jen.Qual("net/http", "Error").Call(jen.Id(local.W), jen.Lit("internal server error"), jen.Qual("net/http", "StatusInternalServerError")),
		),
	)
	return true
}

func (e *emitter) unimplemented(f *jen.File, n *ir.ClientNode) {
	f.Commentf("// %s answers every operation with 501 Not Implemented. Embed it in an", n.Unimplemented)
	f.Commentf("// implementation of %s to keep compiling when the spec gains operations.", n.Interface)
	f.Type().Id(n.Unimplemented).Struct()
	for _, op := range n.Package.Operations {
		e.split(f)
		e.from(op.Pos)
		_, results := e.signature(op)
		// A stub uses none of its parameters, so it does not name them.
		params := []jen.Code{jen.Qual("context", "Context"), jen.Op("*").Add(e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: op.Params}))}
		if op.Stream != nil {
			f.Commentf("// %s answers 501 Not Implemented.", op.Stream.Method)
			f.Func().Params(jen.Id(n.Unimplemented)).Id(op.Stream.Method).Params(params...).Add(e.streamType(op)).Block(
				jen.Return(jen.Id("failedStream").Types(e.itemType(op)).Call(jen.Id(helper.ErrorFor).Call(
					jen.Qual("net/http", "StatusNotImplemented"), jen.Lit("not_implemented"), jen.Lit(op.Stream.Method+" is not implemented")))),
			)
		}
		if !op.Plain() {
			continue
		}
		notImplemented := jen.Id(helper.ErrorFor).Call(jen.Qual("net/http", "StatusNotImplemented"), jen.Lit("not_implemented"), jen.Lit(op.Name+" is not implemented"))
		f.Commentf("// %s answers 501 Not Implemented.", op.Name)
		f.Func().Params(jen.Id(n.Unimplemented)).Id(op.Name).Params(params...).Parens(jen.List(results...)).BlockFunc(func(g *jen.Group) {
			switch {
			case op.Response == nil:
				g.Return(notImplemented)
			case byPointer(op.Response) || op.Response.Nilable():
				g.Return(jen.Nil(), notImplemented)
			default:
				g.Var().Id(local.Zero).Add(e.typeExpr(op.Response))
				g.Return(jen.Id(local.Zero), notImplemented)
			}
		})
	}
}

func (e *emitter) register(f *jen.File, n *ir.ClientNode) {
	f.Commentf("// %s serves impl on mux. Each handler decodes the request, answers 400", n.Register)
	f.Comment("// naming every violation when it is malformed or invalid, calls impl, and answers with")
	f.Comment("// its result as JSON or with its error (see errorResponse). A body larger than the limit")
	f.Comment("// (DefaultMaxBodyBytes unless opts say otherwise) is answered 413 after reading at most the")
	f.Comment("// limit, a body in a media type the operation does not declare 415. A panic of impl is")
	f.Comment("// answered 500 and logged (see WithErrorLog).")
	if slices.ContainsFunc(n.Package.Operations, func(op *ir.Operation) bool { return op.Security != nil }) {
		f.Comment("//")
		f.Comment("// An impl that is an Authenticator authenticates the requests of operations with a")
		f.Comment("// security requirement; see CredentialsFrom for those without.")
	}
	f.Func().Id(n.Register).Params(jen.Id(local.Mux).Op("*").Qual("net/http", "ServeMux"), jen.Id(local.Impl).Id(n.Interface), jen.Id(local.Opts).Op("...").Id("ServerOption")).BlockFunc(func(g *jen.Group) {
		g.Id(local.Cfg).Op(":=").Id("newServerConfig").Call(jen.Id(local.Opts))
		if slices.ContainsFunc(n.Package.Operations, func(op *ir.Operation) bool { return op.Security != nil }) {
			g.List(jen.Id(local.Auth), jen.Id("_")).Op(":=").Id(local.Impl).Assert(jen.Id("Authenticator"))
		}
		for _, rt := range routesOf(n.Package.Operations) {
			g.Id(local.Mux).Dot("HandleFunc").Call(jen.Lit(rt.pattern()), jen.Func().Params(
				jen.Id(local.W).Qual("net/http", "ResponseWriter"), jen.Id(local.R).Op("*").Qual("net/http", "Request"),
			).BlockFunc(func(h *jen.Group) {
				h.Defer().Id(local.Cfg).Dot("recoverPanic").Call(jen.Id(local.W), jen.Id(local.R))
				if len(rt.ops) == 1 {
					e.handler(h, rt.ops[0].op, rt.wildcards(rt.ops[0]))
					return
				}
				// Several operations share this pattern: the first whose literal segments
				// match the request serves it, most literal first, as OpenAPI says.
				for _, m := range rt.ops {
					cond := rt.matches(m)
					if cond == nil {
						// This one takes whatever the more literal ones did not.
						e.handler(h, m.op, rt.wildcards(m))
						return
					}
					h.If(cond).BlockFunc(func(b *jen.Group) {
						e.handler(b, m.op, rt.wildcards(m))
						b.Return()
					})
				}
				h.Qual("net/http", "NotFound").Call(jen.Id(local.W), jen.Id(local.R))
			}))
		}
	})
}

// segment is one segment of an operation's path: literal text, or a parameter with the
// literal text around it in the same segment ("photo.{format}").
type segment struct {
	literal string
	// params are the segment's parameters, seps the text between them.
	params         []*ir.Parameter
	seps           []string
	prefix, suffix string
}

func (s segment) wild() bool { return len(s.params) > 0 }

// routeOp is an operation and its path segments.
type routeOp struct {
	op       *ir.Operation
	segs     []segment
	trailing bool // the path ends with a slash
}

func splitPath(op *ir.Operation) routeOp {
	r := routeOp{op: op}
	var cur []ir.PathPart
	flush := func() {
		var s segment
		text := "" // literal text since the last parameter
		for _, p := range cur {
			switch {
			case p.Param == nil:
				text += p.Literal
			case len(s.params) == 0:
				s.prefix, text = text, ""
				s.params = append(s.params, p.Param)
			default:
				s.seps, text = append(s.seps, text), ""
				s.params = append(s.params, p.Param)
			}
		}
		if len(s.params) == 0 {
			s.literal = text
		} else {
			s.suffix = text
		}
		r.segs = append(r.segs, s)
		cur = nil
	}
	started := false // a slash has been seen, so a segment is open
	for _, p := range op.PathParts {
		if p.Param != nil {
			cur = append(cur, p)
			continue
		}
		for i, piece := range strings.Split(p.Literal, "/") {
			if i > 0 {
				if started {
					flush()
				}
				started = true
			}
			if piece != "" {
				cur = append(cur, ir.PathPart{Literal: piece})
			}
		}
	}
	if len(cur) > 0 {
		flush()
	} else {
		// Nothing after the last slash: the path ends with one, or is "/".
		r.trailing = true
	}
	return r
}

// route is one ServeMux pattern and the operations it serves: a wildcard wherever one of
// them has a parameter or they disagree.
type route struct {
	method   string
	wilds    []bool // per segment
	literals []string
	trailing bool
	ops      []routeOp
}

func (rt *route) pattern() string {
	var b strings.Builder
	b.WriteString(rt.method + " ")
	for i := range rt.wilds {
		b.WriteByte('/')
		if rt.wilds[i] {
			b.WriteString("{w" + strconv.Itoa(i) + "}")
		} else {
			b.WriteString(escapePattern(rt.literals[i]))
		}
	}
	if rt.trailing {
		// A trailing slash would match the whole subtree; {$} keeps the match exact.
		b.WriteString("/{$}")
	}
	return b.String()
}

// wildcards maps each path parameter of m to the wildcard that carries it.
func (rt *route) wildcards(m routeOp) map[*ir.Parameter]wildcard {
	out := map[*ir.Parameter]wildcard{}
	for i, s := range m.segs {
		for j, p := range s.params {
			out[p] = wildcard{segment: i, prefix: s.prefix, suffix: s.suffix, seps: s.seps, index: j}
		}
	}
	return out
}

// matches is the condition that the request's wildcard segments hold m's literal text; nil
// when m has no literal where the route has a wildcard.
func (rt *route) matches(m routeOp) jen.Code {
	var conds []jen.Code
	for i, s := range m.segs {
		if !rt.wilds[i] {
			continue
		}
		v := jen.Id(local.R).Dot("PathValue").Call(jen.Lit(local.W1.At(i)))
		switch {
		case !s.wild():
			conds = append(conds, jen.Add(v).Op("==").Lit(s.literal))
		case s.prefix != "" || s.suffix != "":
			if s.prefix != "" {
				conds = append(conds, jen.Qual("strings", "HasPrefix").Call(v, jen.Lit(s.prefix)))
			}
			if s.suffix != "" {
				conds = append(conds, jen.Qual("strings", "HasSuffix").Call(v, jen.Lit(s.suffix)))
			}
		}
	}
	if len(conds) == 0 {
		return nil
	}
	return join(conds, "&&")
}

// routesOf turns operations into ServeMux routes that never conflict. ServeMux panics on two
// patterns that overlap with neither more specific ("/a/{x}/c" and "/a/b/{y}"), which real
// APIs have; such operations share one route, with a wildcard wherever they differ, and its
// handler picks the operation.
func routesOf(ops []*ir.Operation) []*route {
	var routes []*route
	for _, op := range ops {
		m := splitPath(op)
		rt := &route{method: op.Method, trailing: m.trailing, ops: []routeOp{m}}
		for _, s := range m.segs {
			rt.wilds = append(rt.wilds, s.wild())
			rt.literals = append(rt.literals, s.literal)
		}
		routes = append(routes, rt)
	}
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(routes) && !merged; i++ {
			for j := i + 1; j < len(routes) && !merged; j++ {
				if conflict(routes[i], routes[j]) {
					routes[i].absorb(routes[j])
					routes = append(routes[:j], routes[j+1:]...)
					merged = true
				}
			}
		}
	}
	for _, rt := range routes {
		slices.SortStableFunc(rt.ops, func(a, b routeOp) int { return moreLiteral(a, b) })
	}
	return routes
}

// conflict reports whether ServeMux would refuse to hold both routes: the same method and
// shape, matching some path in common, neither matching only a subset of the other's paths.
// Identical patterns conflict too.
func conflict(a, b *route) bool {
	if a.method != b.method || a.trailing != b.trailing || len(a.wilds) != len(b.wilds) {
		return false
	}
	aSub, bSub := true, true // a's paths are a subset of b's, and the other way round
	for i := range a.wilds {
		switch {
		case !a.wilds[i] && !b.wilds[i]:
			if unescaped(a.literals[i]) != unescaped(b.literals[i]) {
				return false // they never match the same path
			}
		case a.wilds[i] && !b.wilds[i]:
			aSub = false
		case !a.wilds[i] && b.wilds[i]:
			bSub = false
		}
	}
	return aSub == bSub // both (identical) or neither (overlap without order)
}

// absorb merges o into rt: a wildcard wherever either has one or their literals differ.
func (rt *route) absorb(o *route) {
	for i := range rt.wilds {
		if o.wilds[i] || unescaped(rt.literals[i]) != unescaped(o.literals[i]) {
			rt.wilds[i] = true
		}
	}
	rt.ops = append(rt.ops, o.ops...)
}

// unescaped is a path segment as ServeMux compares it: "%61" and "a" are the same.
func unescaped(seg string) string {
	if u, err := url.PathUnescape(seg); err == nil {
		return u
	}
	return seg
}

// moreLiteral orders operations so that, at their first difference, a literal segment
// comes before a parameter.
func moreLiteral(a, b routeOp) int {
	for i := range min(len(a.segs), len(b.segs)) {
		if aw, bw := a.segs[i].wild(), b.segs[i].wild(); aw != bw {
			if aw {
				return 1
			}
			return -1
		}
	}
	return 0
}

// wildcard says where a path parameter's value is: part index of path segment segment (the
// ServeMux wildcard "w<segment>"), after prefix and before suffix, split at seps.
type wildcard struct {
	segment        int
	prefix, suffix string
	seps           []string
	index          int
}

// escapePattern keeps literal braces of a path from reading as ServeMux wildcards.
func escapePattern(s string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D").Replace(s)
}

func (e *emitter) handler(h *jen.Group, op *ir.Operation, wildcards map[*ir.Parameter]wildcard) {
	if op.Security != nil {
		h.List(jen.Id(local.R), jen.Id(local.OK)).Op(":=").Id("authenticate").Call(jen.Id(local.W), jen.Id(local.R), jen.Id(local.Auth), jen.Lit(op.Name), securityLit(op.Security))
		h.If(jen.Op("!").Id(local.OK)).Block(jen.Return())
	}
	h.Var().Id(local.Params).Add(e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: op.Params}))
	fail := func(err jen.Code) []jen.Code {
		return []jen.Code{
			jen.Id(helper.WriteError).Call(jen.Id(local.W), jen.Id(helper.ErrorFor).Call(jen.Qual("net/http", "StatusBadRequest"), jen.Lit("malformed_request"), jen.Add(err).Dot("Error").Call())),
			jen.Return(),
		}
	}
	// A body that does not read is 413 past the limit, 400 otherwise.
	bodyFail := []jen.Code{jen.Id(helper.WriteError).Call(jen.Id(local.W), jen.Id("bodyError").Call(jen.Id(local.Err))), jen.Return()}
	if op.Body != "" {
		args := []jen.Code{jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name), jen.Lit(op.BodyEncoding == ir.JSON)}
		for _, m := range op.BodyMedia {
			args = append(args, jen.Lit(m))
		}
		h.If(jen.Op("!").Id(local.Cfg).Dot("readBody").Call(args...)).Block(jen.Return())
		switch op.BodyEncoding {
		case ir.JSON:
			target := jen.Op("&").Id(local.Params)
			if op.BodyField != nil {
				target = jen.Op("&").Id(local.Params).Dot(op.BodyField.Name)
			}
			h.If(jen.Id(local.Err).Op(":=").Id("decodeJSON").Call(jen.Id(local.R), target), jen.Id(local.Err).Op("!=").Nil()).Block(bodyFail...)
		case ir.Form, ir.Multipart:
			e.readFormBody(h, op, fail)
		case ir.Binary:
			// The implementation reads the upload as it arrives.
			h.Id(local.Params).Dot(op.BodyField.Name).Op("=").Id(local.R).Dot("Body")
		default:
			h.List(jen.Id(local.Body), jen.Id(local.Err)).Op(":=").Qual("io", "ReadAll").Call(jen.Id(local.R).Dot("Body"))
			h.If(jen.Id(local.Err).Op("!=").Nil()).Block(bodyFail...)
			h.Id(local.Params).Dot(op.BodyField.Name).Op("=").Add(e.typeExpr(op.BodyField.Type)).Parens(jen.Id(local.Body))
		}
	}
	var query, cookies []string // the names of the parameters in each
	rawQuery, rawCookies := false, false
	for _, p := range op.Parameters {
		switch p.In {
		case ir.InQuery:
			query = append(query, p.Name)
			rawQuery = rawQuery || needsRaw(p.Style, p.Explode, p.Field.Type)
		case ir.InCookie:
			cookies = append(cookies, p.Name)
			rawCookies = rawCookies || needsRaw(p.Style, p.Explode, p.Field.Type)
		}
	}
	if len(query) > 0 {
		h.Id(local.Query).Op(":=").Id(local.R).Dot("URL").Dot("Query").Call()
	}
	if rawQuery {
		h.Id(local.RawQuery).Op(":=").Id("rawValues").Call(jen.Id(local.R).Dot("URL").Dot("RawQuery"))
	}
	if len(cookies) > 0 {
		raw := jen.Id("_")
		if rawCookies {
			raw = jen.Id(local.RawCookies)
		}
		h.List(jen.Id(local.Cookies), raw).Op(":=").Id("cookieValues").Call(jen.Id(local.R))
	}
	for _, p := range op.Parameters {
		dst := jen.Id(local.Params).Dot(p.Field.Name)
		t := p.Field.Type
		switch p.In {
		case ir.InPath:
			w, ok := wildcards[p]
			if !ok {
				continue
			}
			var seps []jen.Code
			for _, sep := range w.seps {
				seps = append(seps, jen.Lit(sep))
			}
			text := jen.Id("segmentParam").Call(jen.Id("rawSegment").Call(jen.Id(local.R), jen.Lit(w.segment)), jen.Lit(w.prefix),
				jen.Index().String().Values(seps...), jen.Lit(w.suffix), jen.Lit(w.index))
			e.readStyled(h, p, text, jen.Qual("net/url", "PathUnescape"), fail)
		case ir.InQuery:
			e.readFormParam(h, local.Query, local.RawQuery, p.Name, dst, t, p.Style, p.Explode, others(query, p.Name), fail)
		case ir.InCookie:
			e.readFormParam(h, local.Cookies, local.RawCookies, p.Name, dst, t, p.Style, p.Explode, others(cookies, p.Name), fail)
		case ir.InHeader:
			h.If(jen.Id(local.VS).Op(":=").Id(local.R).Dot("Header").Dot("Values").Call(jen.Lit(p.Name)), jen.Len(jen.Id(local.VS)).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) {
				e.readStyled(g, p, jen.Qual("strings", "Join").Call(jen.Id(local.VS), jen.Lit(",")), jen.Id("headerUnescape"), fail)
			})
		}
	}
	if e.checked[op.Params] {
		h.If(jen.Id(local.Err).Op(":=").Id(local.Params).Dot(method.Validate).Call(), jen.Id(local.Err).Op("!=").Nil()).Block(
			jen.Id(helper.WriteError).Call(jen.Id(local.W), jen.Id(helper.ErrorFor).Call(jen.Qual("net/http", "StatusBadRequest"), jen.Lit("invalid_params"), jen.Id(local.Err).Dot("Error").Call())),
			jen.Return(),
		)
	}
	status := op.SuccessCode
	if status == 0 {
		status = 200
	}
	if op.Stream != nil {
		if !op.Plain() {
			e.streamAnswer(h, op, status)
			return
		}
		h.If(jen.Id("acceptsStream").Call(jen.Id(local.R), jen.Lit(op.Stream.Media))).BlockFunc(func(g *jen.Group) {
			e.streamAnswer(g, op, status)
			g.Return()
		})
	}
	call := jen.Id(local.Impl).Dot(op.Name).Call(jen.Id(local.R).Dot("Context").Call(), jen.Op("&").Id(local.Params))
	failed := jen.Id(local.Cfg).Dot("fail").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name), jen.Id(local.Err))
	if op.Response == nil {
		h.If(jen.Id(local.Err).Op(":=").Add(call), jen.Id(local.Err).Op("!=").Nil()).Block(failed, jen.Return())
		h.Id(local.W).Dot("WriteHeader").Call(jen.Lit(status))
		return
	}
	h.List(jen.Id(local.Result), jen.Id(local.Err)).Op(":=").Add(call)
	h.If(jen.Id(local.Err).Op("!=").Nil()).Block(failed, jen.Return())
	switch op.ResponseEncoding {
	case ir.JSON:
		if op.Statuses != nil {
			e.answerStatuses(h, op)
			return
		}
		switch t := op.Response; {
		case byPointer(t) || t.Kind == ir.Pointer:
			// A nil result would be sent as null, which the response's schema does not allow.
			h.If(jen.Id(local.Result).Op("==").Nil()).Block(
				jen.Id(local.Cfg).Dot("noResult").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name)), jen.Return())
		case t.Kind == ir.Slice || t.Kind == ir.Map:
			// A nil list or map is an empty one, not null.
			h.If(jen.Id(local.Result).Op("==").Nil()).Block(jen.Id(local.Result).Op("=").Add(e.typeExpr(t)).Values())
		}
		h.Id(local.Cfg).Dot("result").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name), jen.Lit(status), jen.Lit(op.ResponseMedia), jen.Id(local.Result))
	case ir.Binary:
		h.Id("writeBody").Call(jen.Id(local.W), jen.Lit(status), jen.Lit(op.ResponseMedia), jen.Id(local.Result))
	default:
		h.Id("writeRaw").Call(jen.Id(local.W), jen.Lit(status), jen.Lit(op.ResponseMedia), jen.Index().Byte().Parens(jen.Id(local.Result)))
	}
}

// answerStatuses writes code answering with the status whose field of the result is set,
// the first of them; a result with none set is no answer.
func (e *emitter) answerStatuses(g *jen.Group, op *ir.Operation) {
	g.Switch().BlockFunc(func(g *jen.Group) {
		g.Case(jen.Id(local.Result).Op("==").Nil()).Block(
			jen.Id(local.Cfg).Dot("noResult").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name)))
		for _, s := range op.Statuses {
			field := jen.Id(local.Result).Dot(s.Field.Name)
			g.Case(jen.Add(field).Op("!=").Nil()).Block(
				jen.Id(local.Cfg).Dot("result").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name), jen.Lit(s.Code), jen.Lit(op.ResponseMedia), field))
		}
		g.Default().Block(jen.Id(local.Cfg).Dot("noResult").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(op.Name)))
	})
}

// streamAnswer writes code answering with the items of the implementation's stream, each
// flushed as it comes.
func (e *emitter) streamAnswer(g *jen.Group, op *ir.Operation, status int) {
	seq := jen.Id(local.Impl).Dot(op.Stream.Method).Call(jen.Id(local.R).Dot("Context").Call(), jen.Op("&").Id(local.Params))
	switch {
	case op.Stream.Encoding == ir.NDJSON:
		g.Id("writeLines").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(status), jen.Lit(op.Stream.Media), seq)
	case op.Stream.Item.Kind == ir.Event:
		g.Id("writeSSE").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(status), seq, jen.Id("sseEvent"))
	default:
		g.Id("writeSSE").Call(jen.Id(local.W), jen.Id(local.R), jen.Lit(status), seq, jen.Id("sseData").Types(e.itemType(op)))
	}
}

// others is names without name.
func others(names []string, name string) []string {
	var out []string
	for _, n := range names {
		if n != name {
			out = append(out, n)
		}
	}
	return out
}

// readStyled writes code reading path or header parameter p from text in its style.
func (e *emitter) readStyled(g *jen.Group, p *ir.Parameter, text, unescape jen.Code, fail failFunc) {
	style := p.Style
	if p.In == ir.InHeader {
		style = ir.StyleSimple
	}
	t := p.Field.Type
	dst := jen.Id(local.Params).Dot(p.Field.Name)
	if style == ir.StyleSimple && leaf(bare(t)) {
		if p.In == ir.InHeader {
			e.parseInto(g, jen.Id(local.VS).Index(jen.Lit(0)), dst, t, jen.Lit(p.Name), 1, fail)
			return
		}
		g.If(jen.List(jen.Id(local.S), jen.Id(local.Err)).Op(":=").Add(unescape).Call(text), jen.Id(local.Err).Op("==").Nil()).BlockFunc(func(g *jen.Group) {
			e.parseInto(g, jen.Id(local.S), dst, t, jen.Lit(p.Name), 1, fail)
		}).Else().Block(fail(jen.Id("badParam").Call(jen.Lit(p.Name), jen.Id(local.Err)))...)
		return
	}
	g.If(jen.List(jen.Id(local.Items), jen.Id(local.OK)).Op(":=").Id("styleItems").Call(jen.Lit(style.String()), jen.Lit(p.Explode), jen.Lit(p.Name),
		jen.Lit(isList(t)), jen.Lit(isObject(t)), text, unescape), jen.Id(local.OK)).BlockFunc(func(g *jen.Group) {
		e.fromItems(g, local.Items, dst, t, jen.Lit(p.Name), 1, fail)
	}).Else().Block(fail(jen.Id("badParam").Call(jen.Lit(p.Name), jen.Qual("errors", "New").Call(jen.Lit("not in "+style.String()+" style"))))...)
}

// readFormBody writes code reading op's form or multipart body into its Params.
func (e *emitter) readFormBody(g *jen.Group, op *ir.Operation, fail failFunc) {
	raw := jen.Id("_")
	for _, ff := range op.FormFields {
		if op.BodyEncoding == ir.Form && needsRaw(ff.Style, ff.Explode, ff.Field.Type) {
			raw = jen.Id(local.RawForm)
		}
	}
	form := jen.Id("_")
	if op.FormFields == nil || op.BodyField != nil && op.BodyField.Type.Kind == ir.Pointer || slices.ContainsFunc(op.FormFields, func(ff *ir.FormField) bool {
		return bare(ff.Field.Type).Kind != ir.File && !isFiles(ff.Field.Type)
	}) {
		form = jen.Id(local.Form)
	}
	g.List(form, raw, jen.Id(local.Err)).Op(":=").Id("formValues").Call(jen.Id(local.R))
	g.If(jen.Id(local.Err).Op("!=").Nil()).Block(jen.Id(helper.WriteError).Call(jen.Id(local.W), jen.Id("bodyError").Call(jen.Id(local.Err))), jen.Return())
	base := jen.Id(local.Params)
	body := func(g *jen.Group) {
		if op.FormFields == nil && op.BodyField != nil {
			e.readOtherForm(g, base, op.BodyField.Type, fail)
			return
		}
		var names []string
		for _, ff := range op.FormFields {
			names = append(names, ff.Field.WireName)
		}
		for _, ff := range op.FormFields {
			dst := jen.Add(base).Dot(ff.Field.Name)
			t := ff.Field.Type
			if bare(t).Kind == ir.File || isFiles(t) {
				e.readFile(g, ff.Field, dst, fail)
				continue
			}
			if op.BodyEncoding == ir.Form || leaf(bare(t)) || isList(t) {
				style, explode := ff.Style, ff.Explode
				if op.BodyEncoding == ir.Multipart {
					// Styles apply to urlencoded bodies only; a multipart list is one part per item.
					style, explode = ir.StyleForm, true
				}
				e.readFormParam(g, local.Form, local.RawForm, ff.Field.WireName, dst, t, style, explode, others(names, ff.Field.WireName), fail)
				continue
			}
			g.If(jen.Id(local.VS).Op(":=").Id(local.Form).Index(jen.Lit(ff.Field.WireName)), jen.Len(jen.Id(local.VS)).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) {
				e.parseInto(g, jen.Id(local.VS).Index(jen.Lit(0)), dst, t, jen.Lit(ff.Field.WireName), 1, fail)
			})
		}
	}
	if op.BodyField == nil {
		body(g)
		return
	}
	base = jen.Id(local.Params).Dot(op.BodyField.Name)
	if op.BodyField.Type.Kind != ir.Pointer {
		body(g)
		return
	}
	g.If(jen.Id("formSent").Call(jen.Id(local.R), jen.Id(local.Form))).BlockFunc(func(g *jen.Group) {
		g.Add(base).Op("=").New(e.typeExpr(op.BodyField.Type.Elem))
		body(g)
	})
}

// readFile writes code reading a multipart file part into dst, or every part of the name
// into a list of files.
func (e *emitter) readFile(g *jen.Group, f *ir.Field, dst jen.Code, fail failFunc) {
	file := e.typeExpr(&ir.TypeRef{Kind: ir.File})
	value := jen.Add(file).Values(jen.Dict{jen.Id("Name"): jen.Id(local.Name), jen.Id("ContentType"): jen.Id(local.CT), jen.Id("Content"): jen.Id(local.Content)})
	read := func(g *jen.Group, i jen.Code, set jen.Code) {
		g.If(jen.List(jen.Id(local.Name), jen.Id(local.CT), jen.Id(local.Content), jen.Id(local.OK), jen.Id(local.Err)).Op(":=").Id("filePart").Call(jen.Id(local.R), jen.Lit(f.WireName), i), jen.Id(local.Err).Op("!=").Nil()).Block(
			fail(jen.Id(local.Err))...,
		).Else().If(jen.Id(local.OK)).Block(set)
	}
	if isFiles(f.Type) {
		list := dst
		if f.Type.Kind == ir.Pointer {
			g.If(jen.Id("filePartCount").Call(jen.Id(local.R), jen.Lit(f.WireName)).Op(">").Lit(0)).Block(
				jen.Add(dst).Op("=").New(e.typeExpr(f.Type.Elem)))
			list = jen.Parens(jen.Op("*").Add(dst))
		}
		g.For(jen.Id(local.I).Op(":=").Range().Id("filePartCount").Call(jen.Id(local.R), jen.Lit(f.WireName))).BlockFunc(func(g *jen.Group) {
			read(g, jen.Id(local.I), jen.Add(list).Op("=").Append(list, value))
		})
		return
	}
	if f.Type.Kind == ir.Pointer {
		value = jen.Op("&").Add(value)
	}
	read(g, jen.Lit(0), jen.Add(dst).Op("=").Add(value))
}

// readOtherForm reads a form body that is no struct: the reverse of otherFormBody.
func (e *emitter) readOtherForm(g *jen.Group, dst jen.Code, t *ir.TypeRef, fail failFunc) {
	if b := bare(t); b.Kind == ir.Map {
		g.For(jen.Id(local.K).Op(":=").Range().Id(local.Form)).BlockFunc(func(g *jen.Group) {
			g.If(jen.Add(dst).Op("==").Nil()).Block(jen.Add(dst).Op("=").Add(e.typeExpr(b)).Values())
			g.Var().Id(local.V).Add(e.typeExpr(b.Elem))
			e.readDeep(g, local.Form, wireKey{jen.Id(local.K)}, jen.Id(local.V), b.Elem, 1, fail)
			g.Add(dst).Index(jen.Id(local.K)).Op("=").Id(local.V)
		})
		return
	}
	g.If(jen.Id(local.VS).Op(":=").Id(local.Form).Index(jen.Lit("body")), jen.Len(jen.Id(local.VS)).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) {
		e.parseInto(g, jen.Id(local.VS).Index(jen.Lit(0)), dst, t, jen.Lit("body"), 1, fail)
	})
}
