package emit

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// client writes, into the client package, the Client tree, one interface and one client
// type per resource, and the glue between the runtime and the API's error type.
func (e *emitter) client(f *jen.File) bool {
	c := e.prog.Client
	if c == nil || c.Package != e.pkg {
		return false
	}
	e.clientTree(f, c)
	for _, node := range c.Resources {
		e.split(f)
		e.resourceClient(f, node)
	}
	e.split(f)
	e.errorGlue(f, c.Error)
	e.deepWriters(f)
	return true
}

func (e *emitter) clientTree(f *jen.File, c *ir.Client) {
	var walk func(n *ir.ClientNode)
	walk = func(n *ir.ClientNode) {
		if n == c.Root {
			f.Comment("// Client calls the API. Its fields group the operations as the spec's packages do;")
			f.Comment("// create it with NewClient.")
		} else {
			f.Commentf("// %s groups the operations under %s.", n.Type, n.Field)
		}
		f.Type().Id(n.Type).StructFunc(func(g *jen.Group) {
			for _, ch := range n.Children {
				e.innerDocTo(g, ch.Field+" holds the operations of "+ch.Type+".")
				g.Id(ch.Field).Op("*").Id(ch.Type)
			}
			if n.Package != nil {
				g.Id("core").Op("*").Id("httpCore")
			}
		})
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	walk(c.Root)

	var build func(n *ir.ClientNode) *jen.Statement
	build = func(n *ir.ClientNode) *jen.Statement {
		return jen.Op("&").Id(n.Type).ValuesFunc(func(g *jen.Group) {
			for _, ch := range n.Children {
				g.Line().Id(ch.Field).Op(":").Add(build(ch))
			}
			if n.Package != nil {
				g.Line().Id("core").Op(":").Id(local.Core)
			}
			if len(n.Children) > 0 || n.Package != nil {
				g.Line()
			}
		})
	}
	f.Comment("// NewClient returns a client configured by opts: WithBaseURL or WithServer, the credentials")
	f.Comment("// of the spec's security schemes, WithHTTPClient, WithHeader, WithMaxRetries,")
	f.Comment("// WithRequestTimeout; each method also takes options for one call. Without WithBaseURL")
	f.Comment("// requests go to the spec's first server; when it lists none, or a relative one, every call")
	f.Comment("// fails and says so.")
	f.Func().Id(surface.NewClient).Params(jen.Id(local.Opts).Op("...").Id("Option")).Op("*").Id("Client").Block(
		jen.Id(local.Core).Op(":=").Id("newHTTPCore").Call(jen.Id(local.Opts)),
		jen.Return(build(c.Root)),
	)
}

// signature is an operation's method signature, shared by interface, client and stub.
func (e *emitter) signature(op *ir.Operation) (params []jen.Code, results []jen.Code) {
	params = []jen.Code{
		jen.Id(local.Ctx).Qual("context", "Context"),
		jen.Id(local.Params).Op("*").Add(e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: op.Params})),
	}
	if op.Response != nil {
		results = append(results, e.resultType(op))
	}
	return params, append(results, jen.Error())
}

// resultType is what a method returns on success: a pointer to a struct, other types as they
// are.
func (e *emitter) resultType(op *ir.Operation) *jen.Statement {
	if byPointer(op.Response) {
		return jen.Op("*").Add(e.typeExpr(op.Response))
	}
	return e.typeExpr(op.Response)
}

func (e *emitter) resourceClient(f *jen.File, n *ir.ClientNode) {
	ops := n.Package.Operations
	f.Commentf("// %s lists the operations of %s: a server implements it and serves it", n.Interface, n.Type)
	f.Commentf("// with %s. The client's methods take per-call options too.", n.Register)
	f.Type().Id(n.Interface).InterfaceFunc(func(g *jen.Group) {
		for _, op := range ops {
			e.from(op.Pos)
			params, results := e.signature(op)
			if op.Plain() {
				e.innerDocTo(g, op.Doc)
				g.Id(op.Name).Params(params...).Parens(jen.List(results...))
			}
			if op.Stream != nil {
				e.innerDocTo(g, op.Stream.Doc)
				g.Id(op.Stream.Method).Params(params...).Add(e.streamType(op))
			}
		}
	})
	for _, op := range ops {
		e.split(f)
		params, results := e.signature(op)
		params = append(params, jen.Id(local.Opts).Op("...").Id("RequestOption"))
		if op.Plain() {
			f.Add(e.doc(op.Doc)).Func().Params(jen.Id(local.C).Op("*").Id(n.Type)).Id(op.Name).Params(params...).Parens(jen.List(results...)).BlockFunc(func(g *jen.Group) {
				e.clientMethod(g, op)
			})
		}
		if op.Stream != nil {
			f.Add(e.doc(op.Stream.Doc)).Func().Params(jen.Id(local.C).Op("*").Id(n.Type)).Id(op.Stream.Method).Params(params...).Add(e.streamType(op)).BlockFunc(func(g *jen.Group) {
				e.streamMethod(g, op)
			})
		}
	}
}

// itemType is the type of one item of op's stream: a pointer to a struct, other types as
// they are.
func (e *emitter) itemType(op *ir.Operation) *jen.Statement {
	if byPointer(op.Stream.Item) {
		return jen.Op("*").Add(e.typeExpr(op.Stream.Item))
	}
	return e.typeExpr(op.Stream.Item)
}

// streamType is what a streaming method returns: an iterator over its items.
func (e *emitter) streamType(op *ir.Operation) *jen.Statement {
	return jen.Qual("iter", "Seq2").Types(e.itemType(op), jen.Error())
}

// streamMethod writes a client method that streams: the request is built as any other
// method's, and sent by the iterator it returns.
func (e *emitter) streamMethod(g *jen.Group, op *ir.Operation) {
	built := *op
	built.Response = &ir.TypeRef{Kind: ir.Pointer, Elem: op.Stream.Item}
	built.ResponseMedia, built.ResponseEncoding = op.Stream.Media, op.Stream.Encoding
	g.List(jen.Id(local.Req), jen.Id(local.Err)).Op(":=").Func().Params().Params(jen.Op("*").Id("apiRequest"), jen.Error()).BlockFunc(func(g *jen.Group) {
		e.request(g, &built)
		g.Return(jen.Id(local.Req), jen.Nil())
	}).Call()
	item := e.itemType(op)
	g.If(jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id("failedStream").Types(item).Call(jen.Id(local.Err))))
	switch {
	case op.Stream.Encoding == ir.NDJSON:
		g.Return(jen.Id("streamLines").Types(item).Call(jen.Id(local.Ctx), jen.Id(local.C).Dot("core"), jen.Id(local.Req)))
	case op.Stream.Item.Kind == ir.Event:
		g.Return(jen.Id("streamSSE").Call(jen.Id(local.Ctx), jen.Id(local.C).Dot("core"), jen.Id(local.Req), jen.Id("sseEvent")))
	default:
		g.Return(jen.Id("streamSSE").Call(jen.Id(local.Ctx), jen.Id(local.C).Dot("core"), jen.Id(local.Req), jen.Id("sseJSON").Types(item)))
	}
}

// failWith returns err from a client method, with the zero result before it.
func failWith(op *ir.Operation, err jen.Code) *jen.Statement {
	if op.Response == nil {
		return jen.Return(err)
	}
	if byPointer(op.Response) || op.Response.Nilable() {
		return jen.Return(jen.Nil(), err)
	}
	return jen.Return(jen.Id(local.Out), err)
}

func (e *emitter) clientMethod(g *jen.Group, op *ir.Operation) {
	e.request(g, op)
	e.call(g, op)
}

// request writes the start of a client method: checking params and building req from them.
func (e *emitter) request(g *jen.Group, op *ir.Operation) {
	if op.Response != nil && !byPointer(op.Response) && !op.Response.Nilable() {
		g.Var().Id(local.Out).Add(e.typeExpr(op.Response))
	}
	g.If(jen.Id(local.Params).Op("==").Nil()).Block(
		failWith(op, jen.Qual("errors", "New").Call(jen.Lit(op.Name+": params must not be nil"))),
	)
	if e.checked[op.Params] {
		g.If(jen.Id(local.Err).Op(":=").Id(local.Params).Dot(method.Validate).Call(), jen.Id(local.Err).Op("!=").Nil()).Block(failWith(op, jen.Id(local.Err)))
	}

	path := e.pathExpr(g, op)
	req := jen.Dict{
		jen.Id("method"): jen.Lit(op.Method),
		jen.Id("path"):   path,
		jen.Id("opts"):   jen.Id(local.Opts),
	}
	if op.Response != nil && op.SuccessCode != 0 {
		req[jen.Id("success")] = jen.Lit(op.SuccessCode)
	}
	if op.IdempotencyHeader != "" {
		req[jen.Id("idempotencyHeader")] = jen.Lit(op.IdempotencyHeader)
	}
	if d := e.decodeError(op); d != nil {
		req[jen.Id("decodeError")] = d
	}
	if op.ResponseMedia != "" {
		req[jen.Id("accept")] = jen.Lit(op.ResponseMedia)
	}
	if op.ResponseEncoding == ir.Text {
		req[jen.Id("raw")] = jen.True()
	}
	sec := op.Security
	if sec == nil {
		sec = e.prog.Client.Undeclared
	}
	if sec != nil {
		req[jen.Id("security")] = securityLit(sec)
	}
	g.Id(local.Req).Op(":=").Op("&").Id("apiRequest").Values(req)
	var query, header bool
	for _, p := range op.Parameters {
		cond, val, t := sentValue(jen.Id(local.Params).Dot(p.Field.Name), p.Field)
		var add func(g *jen.Group)
		switch p.In {
		case ir.InQuery:
			if !query {
				g.Id(local.Query).Op(":=").Op("&").Id("pairs").Values()
				query = true
			}
			add = func(g *jen.Group) {
				e.writeQueryParam(g, local.Query, p.Name, val, t, p.Style, p.Explode, local.ItemsOf.Of(p.Field.Name))
			}
		case ir.InHeader, ir.InCookie:
			if !header {
				g.Id(local.Req).Dot("header").Op("=").Qual("net/http", "Header").Values()
				header = true
			}
			add = func(g *jen.Group) { e.headerParam(g, p, val, t) }
			if p.In == ir.InCookie {
				add = func(g *jen.Group) { e.cookieParam(g, p, val, t) }
			}
		default:
			continue
		}
		ifSent(g, cond, add)
	}
	if query {
		g.Id(local.Req).Dot("query").Op("=").Id(local.Query).Dot("encode").Call()
	}
	if op.Body != "" {
		var body jen.Code = jen.Id(local.Params)
		if op.BodyField != nil {
			body = jen.Id(local.Params).Dot(op.BodyField.Name)
		}
		switch op.BodyEncoding {
		case ir.JSON:
			g.List(jen.Id(local.Body), jen.Id(local.Err)).Op(":=").Id("jsonBody").Call(body)
			g.If(jen.Id(local.Err).Op("!=").Nil()).Block(failWith(op, jen.Id(local.Err)))
			g.List(jen.Id(local.Req).Dot("body"), jen.Id(local.Req).Dot("contentType")).Op("=").List(jen.Id(local.Body), jen.Lit(op.Body))
		case ir.Text:
			g.List(jen.Id(local.Req).Dot("body"), jen.Id(local.Req).Dot("contentType")).Op("=").List(jen.Index().Byte().Parens(body), jen.Lit(op.Body))
		case ir.Binary:
			g.If(jen.Add(body).Op("!=").Nil()).Block(
				jen.List(jen.Id(local.Req).Dot("upload"), jen.Id(local.Req).Dot("contentType")).Op("=").List(body, jen.Lit(op.Body)))
		default:
			e.formBody(g, op)
		}
	}
}

// call writes the end of a client method: sending req and returning the decoded answer.
func (e *emitter) call(g *jen.Group, op *ir.Operation) {
	switch {
	case op.Statuses != nil:
		e.callStatuses(g, op)
	case op.Response == nil:
		g.Return(jen.Id(local.C).Dot("core").Dot("do").Call(jen.Id(local.Ctx), jen.Id(local.Req), jen.Nil()))
	case op.Response.Kind == ir.ReadCloser:
		g.Return(jen.Id(local.C).Dot("core").Dot("open").Call(jen.Id(local.Ctx), jen.Id(local.Req)))
	case byPointer(op.Response):
		g.Var().Id(local.Out).Add(e.typeExpr(op.Response))
		g.If(jen.Id(local.Err).Op(":=").Id(local.C).Dot("core").Dot("do").Call(jen.Id(local.Ctx), jen.Id(local.Req), jen.Op("&").Id(local.Out)), jen.Id(local.Err).Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id(local.Err)))
		g.Return(jen.Op("&").Id(local.Out), jen.Nil())
	default:
		if op.Response.Nilable() {
			g.Var().Id(local.Out).Add(e.typeExpr(op.Response))
		}
		g.If(jen.Id(local.Err).Op(":=").Id(local.C).Dot("core").Dot("do").Call(jen.Id(local.Ctx), jen.Id(local.Req), jen.Op("&").Id(local.Out)), jen.Id(local.Err).Op("!=").Nil()).Block(
			failWith(op, jen.Id(local.Err)))
		g.Return(jen.Id(local.Out), jen.Nil())
	}
}

// callStatuses writes the end of a method whose success statuses answer different types:
// the body is decoded into the field of the answer's status.
func (e *emitter) callStatuses(g *jen.Group, op *ir.Operation) {
	g.Id(local.Out).Op(":=").Op("&").Add(e.typeExpr(op.Response)).Values()
	g.Var().Id(local.Data).Qual("encoding/json", "RawMessage")
	g.Id(local.Req).Dot("status").Op("=").Op("&").Id(local.Out).Dot(op.Response.Named.Fields[0].Name)
	g.If(jen.Id(local.Err).Op(":=").Id(local.C).Dot("core").Dot("do").Call(jen.Id(local.Ctx), jen.Id(local.Req), jen.Op("&").Id(local.Data)), jen.Id(local.Err).Op("!=").Nil()).Block(
		jen.Return(jen.Nil(), jen.Id(local.Err)))
	g.If(jen.Len(jen.Id(local.Data)).Op("==").Lit(0)).Block(jen.Return(jen.Id(local.Out), jen.Nil()))
	g.Switch(jen.Id(local.Out).Dot(op.Response.Named.Fields[0].Name)).BlockFunc(func(g *jen.Group) {
		for _, s := range op.Statuses {
			dst := jen.Id(local.Out).Dot(s.Field.Name)
			g.Case(jen.Lit(s.Code)).BlockFunc(func(g *jen.Group) {
				if s.Field.Type.Kind == ir.Pointer {
					g.Add(dst).Op("=").New(e.typeExpr(s.Field.Type.Elem))
				} else {
					dst = jen.Op("&").Add(dst)
				}
				g.If(jen.Id(local.Err).Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Data), dst), jen.Id(local.Err).Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(op.Name+": decoding the %d answer: %w"), jen.Id(local.Out).Dot(op.Response.Named.Fields[0].Name), jen.Id(local.Err))))
			})
		}
	})
	g.Return(jen.Id(local.Out), jen.Nil())
}

// decodeError is the function that decodes op's error answers into the types it declares
// for their status, nil when each is the API's error type.
func (e *emitter) decodeError(op *ir.Operation) jen.Code {
	main := e.prog.Client.Error.Type
	if !slices.ContainsFunc(op.Errors, func(c *ir.ErrorCase) bool { return c.Type != nil && c.Type != main }) {
		return nil
	}
	decode := func(t *ir.Type) jen.Code {
		if t == nil || t == main {
			return jen.Return(jen.Id(helper.NewAPIError).Call(jen.Id(local.Status), jen.Id(local.Body)))
		}
		return jen.Return(jen.Id("declaredError").Index(jen.Id(t.Name)).Call(jen.Id(local.Status), jen.Id(local.Body)))
	}
	var fallback jen.Code = jen.Return(jen.Id(helper.NewAPIError).Call(jen.Id(local.Status), jen.Id(local.Body)))
	var cases []jen.Code
	for _, c := range op.Errors {
		switch {
		case c.Status == "default":
			fallback = decode(c.Type)
		case strings.ContainsAny(c.Status, "Xx"):
			cases = append(cases, jen.Case(jen.Id(local.Status).Op(">=").Lit(c.Code).Op("&&").Id(local.Status).Op("<=").Lit(c.Code+99)).Block(decode(c.Type)))
		default:
			cases = append(cases, jen.Case(jen.Id(local.Status).Op("==").Lit(c.Code)).Block(decode(c.Type)))
		}
	}
	return jen.Func().Params(jen.Id(local.Status).Int(), jen.Id(local.Body).Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		if len(cases) > 0 {
			g.Switch().Block(cases...)
		}
		g.Add(fallback)
	})
}

// pathExpr is the request path: the template's literals with the parameters in their
// style, escaped; code that prepares them goes into g.
func (e *emitter) pathExpr(g *jen.Group, op *ir.Operation) jen.Code {
	var parts []jen.Code
	for _, p := range op.PathParts {
		if p.Param == nil {
			parts = append(parts, jen.Lit(p.Literal))
			continue
		}
		parts = append(parts, e.pathParam(g, p.Param))
	}
	if len(parts) == 0 {
		return jen.Lit("/")
	}
	return join(parts, "+")
}

// errorGlue writes what the runtime needs of the API's error type: newAPIError (client),
// errorFor and errorResponse (server), and the Error method.
func (e *emitter) errorGlue(f *jen.File, m ir.ErrorModel) {
	var typ *jen.Statement
	status, kind, message := errorFields(m)
	if m.Type == nil {
		f.Commentf("// %s is a non-2xx response of the API, which the spec does not describe.", m.Fallback)
		f.Type().Id(m.Fallback).Struct(
			jen.Comment("// StatusCode is the HTTP status."),
			jen.Id("StatusCode").Int().Tag(map[string]string{"json": "status_code"}),
			jen.Comment("// Message is the response body, or what went wrong."),
			jen.Id("Message").String().Tag(map[string]string{"json": "message,omitempty"}),
		)
		typ = jen.Id(m.Fallback)
	} else {
		typ = e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: m.Type})
	}
	// errorModel keeps the error type in the client package, so its Error method goes here.
	name := m.Fallback
	if m.Type != nil {
		name = m.Type.Name
	}
	f.Comment("// Error says which status the API answered, and why.")
	errorMethod(f, name, jen.Qual("strconv", "Itoa").Call(status.get(jen.Id(local.E))), kind, message)

	f.Comment("// newAPIError is the error of a non-2xx response: the body decoded as the API's error,")
	f.Comment("// with the HTTP status whatever the body says.")
	f.Func().Id(helper.NewAPIError).Params(jen.Id(local.Status).Int(), jen.Id(local.Body).Index().Byte()).Op("*").Add(typ).BlockFunc(func(g *jen.Group) {
		g.Id(local.E).Op(":=").Op("&").Add(typ).Values()
		decode := jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Body), jen.Id(local.E)).Op("!=").Nil()
		if message != nil {
			g.If(decode).Block(e.set(message, jen.Id(local.E), jen.String().Parens(jen.Id(local.Body))))
		} else {
			g.Id("_").Op("=").Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Body), jen.Id(local.E))
		}
		g.Add(e.set(status, jen.Id(local.E), jen.Id(local.Status)))
		g.Return(jen.Id(local.E))
	})

	f.Comment("// apiErrorAs sets target, when it is a *" + name + ", to the API's error of e's status and body;")
	f.Comment("// errors.As finds e.Err itself when it has that type.")
	f.Func().Id(helper.APIErrorAs).Params(jen.Id(local.E).Op("*").Id("StatusError"), jen.Id(local.Target).Any()).Bool().Block(
		jen.List(jen.Id(local.T), jen.Id(local.OK)).Op(":=").Id(local.Target).Assert(jen.Op("**").Add(typ)),
		jen.If(jen.Op("!").Id(local.OK)).Block(jen.Return(jen.False())),
		jen.If(jen.List(jen.Id("_"), jen.Id(local.Same)).Op(":=").Id(local.E).Dot("Err").Assert(jen.Op("*").Add(typ)), jen.Id(local.Same)).Block(jen.Return(jen.False())),
		jen.Op("*").Id(local.T).Op("=").Id(helper.NewAPIError).Call(jen.Id(local.E).Dot("StatusCode"), jen.Id(local.E).Dot("Body")),
		jen.Return(jen.True()),
	)

	pointers := status.ptr || kind != nil && kind.ptr || message != nil && message.ptr
	for _, m := range e.prog.Client.ErrorTypes {
		_, kind, message := errorFields(m)
		f.Commentf("// Error says what went wrong; StatusError.Error adds the status.")
		errorMethod(f, m.Type.Name, jen.Lit(m.Type.Name), kind, message)
		pointers = pointers || kind != nil && kind.ptr || message != nil && message.ptr
	}

	if pointers {
		f.Comment("// valueOf is what p points at, or the zero value when it is nil.")
		f.Func().Id(helper.ValueOf).Types(jen.Id(local.TypeParam).Any()).Params(jen.Id(local.P).Op("*").Id(local.TypeParam)).Id(local.TypeParam).Block(
			jen.Var().Id(local.Zero).Id(local.TypeParam),
			jen.If(jen.Id(local.P).Op("!=").Nil()).Block(jen.Return(jen.Op("*").Id(local.P))),
			jen.Return(jen.Id(local.Zero)),
		)
	}

	// The runtime passes a kind and a message; the error type may have no field for them.
	kindParam, messageParam := jen.Id("_"), jen.Id("_")
	if kind != nil {
		kindParam = jen.Id(local.Kind)
	}
	if message != nil {
		messageParam = jen.Id(local.Message)
	}
	f.Comment("// errorFor is the error a server answers with.")
	f.Func().Id(helper.ErrorFor).Params(jen.Id(local.Status).Int(), kindParam, messageParam.String()).Op("*").Add(typ).BlockFunc(func(g *jen.Group) {
		g.Id(local.E).Op(":=").Op("&").Add(typ).Values()
		g.Add(e.set(status, jen.Id(local.E), jen.Id(local.Status)))
		if kind != nil {
			g.Add(e.set(kind, jen.Id(local.E), jen.Id(local.Kind)))
		}
		if message != nil {
			g.Add(e.set(message, jen.Id(local.E), jen.Id(local.Message)))
		}
		g.Return(jen.Id(local.E))
	})

	f.Comment("// errorResponse is the status and body a server answers an error with: an API error with an")
	f.Comment("// error status keeps it; any other error is a 500 that does not reveal its text.")
	f.Func().Id(helper.ErrorResponse).Params(jen.Id(local.Err).Error()).Params(jen.Int(), jen.Any()).Block(
		jen.Var().Id(local.E).Op("*").Add(typ),
		jen.If(jen.Qual("errors", "As").Call(jen.Id(local.Err), jen.Op("&").Id(local.E)).Op("&&").Id(local.E).Op("!=").Nil()).Block(
			jen.If(jen.Id(local.Status).Op(":=").Add(status.get(jen.Id(local.E))), jen.Id(local.Status).Op(">=").Lit(400).Op("&&").Id(local.Status).Op("<=").Lit(599)).Block(
				jen.Return(jen.Id(local.Status), jen.Id(local.E)),
			),
		),
		jen.Return(jen.Qual("net/http", "StatusInternalServerError"), jen.Id(helper.ErrorFor).Call(
			jen.Qual("net/http", "StatusInternalServerError"), jen.Lit("internal_error"), jen.Lit("internal server error"))),
	)
}

// errorMethod writes the Error method of error type name: first, then the kind and the
// message when they are set.
func errorMethod(f *jen.File, name string, first jen.Code, kind, message *errorField) {
	f.Func().Params(jen.Id(local.E).Op("*").Id(name)).Id(method.Error).Params().String().BlockFunc(func(g *jen.Group) {
		g.Id(local.S).Op(":=").Add(first)
		for _, part := range []struct {
			f   *errorField
			sep string
		}{{kind, " "}, {message, ": "}} {
			if part.f != nil {
				g.If(part.f.get(jen.Id(local.E)).Op("!=").Lit("")).Block(jen.Id(local.S).Op("+=").Lit(part.sep).Op("+").Add(part.f.get(jen.Id(local.E))))
			}
		}
		g.Return(jen.Id(local.S))
	})
}

// errorField is a field of the error type that the runtime reads and fills: a plain value or,
// when optional, a pointer.
type errorField struct {
	name string
	// basic is the value's type; ptr says the field points at it.
	basic ir.Basic
	ptr   bool
}

func newErrorField(f *ir.Field) *errorField {
	if f == nil {
		return nil
	}
	t := f.Type
	ef := &errorField{name: f.Name}
	if t.Kind == ir.Pointer {
		t, ef.ptr = t.Elem, true
	}
	ef.basic = t.Builtin
	return ef
}

// errorFields are the status, kind and message fields of the error model.
func errorFields(m ir.ErrorModel) (status, kind, message *errorField) {
	if m.Type == nil {
		return &errorField{name: "StatusCode", basic: ir.Int}, nil, &errorField{name: "Message", basic: ir.String}
	}
	return newErrorField(m.Status), newErrorField(m.Kind), newErrorField(m.Message)
}

// get reads the field of e as an int (the status) or a string, zero when a pointer is nil.
func (f *errorField) get(e jen.Code) *jen.Statement {
	v := jen.Add(e).Dot(f.name)
	if f.ptr {
		v = jen.Id(helper.ValueOf).Call(v)
	}
	if f.basic == ir.String {
		return v
	}
	return jen.Int().Call(v)
}

// set assigns value, an int for the status and a string otherwise, to the field of x.
func (e *emitter) set(f *errorField, x, value jen.Code) jen.Code {
	conv := jen.Add(value)
	if f.basic != ir.Int && f.basic != ir.String {
		conv = jen.Id(f.basic.String()).Call(value)
	}
	if f.ptr {
		conv = jen.Qual(e.runtimePath(), "Ptr").Call(conv)
	}
	return jen.Add(x).Dot(f.name).Op("=").Add(conv)
}

// byPointer reports whether a method returns t by pointer: structs and unions are.
func byPointer(t *ir.TypeRef) bool { return t.Kind == ir.Named && t.Named.Kind != ir.Enum }
