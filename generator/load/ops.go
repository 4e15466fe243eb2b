package load

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// operation builds one operation: its Params and Response types and its parameters.
func (b *builder) operation(o opRef) {
	op := o.op
	b.checkExtensions(op.Extensions, op.Origin)
	pkgPath := b.packageOf(op.Origin, op.Extensions)
	st := b.pkg(pkgPath)
	b.source(st, op.Origin)
	pos := b.pos(op.Origin)

	name, explicit := b.stringExt(op.Extensions, "x-go-name", op.Origin)
	switch {
	case explicit:
	case op.OperationID != "":
		name = b.namer.Exported(op.OperationID)
	default:
		name = b.namer.Exported(strings.ToLower(o.method) + " " + o.path)
	}
	if !st.ops.Claim(name) {
		if explicit {
			b.fail(b.fieldPos(op.Origin, "x-go-name"), "x-go-name %s: another operation in package %s has that name", name, pkgPath)
			return
		}
		name = st.ops.Unique(name)
	}
	doc := op.Description
	if doc == "" {
		doc = op.Summary
	}
	res := &ir.Operation{Name: name, Doc: doc, Method: o.method, Pos: pos}
	what := b.resourceName(pkgPath) + "." + name

	params := &ir.Type{
		Name:    st.scope.Unique(name + "Params"),
		Package: st.pkg,
		Kind:    ir.Struct,
		Doc:     "Request type for `" + what + "`.",
		Pos:     pos,
	}
	st.pkg.Types = append(st.pkg.Types, params)
	res.Params = params
	names := newFieldNames()

	for _, p := range b.parameters(o) {
		param := b.parameter(params, &names, p)
		if param != nil {
			res.Parameters = append(res.Parameters, param)
			params.Fields = append(params.Fields, param.Field)
		}
	}
	res.PathParts = b.pathParts(o, res)
	res.Security = b.operationSecurity(o)
	b.requestBody(res, &names, op)
	b.response(res, op, st.pkg)
	b.operationExamples(res, op)
	st.pkg.Operations = append(st.pkg.Operations, res)
}

// pathParts splits the path template into literals and parameters. A template name with
// no declared parameter stays literal text, with a warning.
func (b *builder) pathParts(o opRef, res *ir.Operation) []ir.PathPart {
	var parts []ir.PathPart
	rest := o.path
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest[max(open, 0):], '}') + max(open, 0)
		if open < 0 || end < open {
			parts = append(parts, ir.PathPart{Literal: rest})
			break
		}
		if open > 0 {
			parts = append(parts, ir.PathPart{Literal: rest[:open]})
		}
		name := rest[open+1 : end]
		var param *ir.Parameter
		for _, p := range res.Parameters {
			if p.In == ir.InPath && p.Name == name {
				param = p
			}
		}
		if param == nil {
			b.warn(b.pos(o.op.Origin), "%s %s: path parameter {%s} is not declared; it is sent as written", o.method, o.path, name)
			if n := len(parts); n > 0 && parts[n-1].Param == nil {
				parts[n-1].Literal += rest[open : end+1]
			} else {
				parts = append(parts, ir.PathPart{Literal: rest[open : end+1]})
			}
		} else {
			parts = append(parts, ir.PathPart{Param: param})
		}
		rest = rest[end+1:]
	}
	for _, p := range res.Parameters {
		if p.In == ir.InPath && !slices.ContainsFunc(parts, func(pp ir.PathPart) bool { return pp.Param == p }) {
			b.warn(b.pos(o.op.Origin), "%s %s: path parameter %q is declared but not in the path; it is not sent", o.method, o.path, p.Name)
		}
	}
	return parts
}

// resourceName is how docs name the group of a package's operations ("Organizations").
func (b *builder) resourceName(pkgPath string) string {
	if pkgPath == b.opts.Package {
		return "Client"
	}
	return b.namer.Exported(path.Base(pkgPath))
}

// parameters merges path-level and operation-level parameters; the operation's win.
func (b *builder) parameters(o opRef) []*openapi3.Parameter {
	var out []*openapi3.Parameter
	index := map[string]int{}
	for _, list := range []openapi3.Parameters{o.item.Parameters, o.op.Parameters} {
		for _, pr := range list {
			if pr == nil || pr.Value == nil {
				continue
			}
			p := pr.Value
			key := p.In + "\x00" + p.Name
			if i, ok := index[key]; ok {
				out[i] = p
				continue
			}
			index[key] = len(out)
			out = append(out, p)
		}
	}
	return out
}

func (b *builder) parameter(params *ir.Type, names *fieldNames, p *openapi3.Parameter) *ir.Parameter {
	b.checkExtensions(p.Extensions, p.Origin)
	in := ir.ParamIn(p.In)
	switch in {
	case ir.InPath, ir.InQuery, ir.InHeader, ir.InCookie:
	default:
		b.fail(b.fieldPos(p.Origin, "in"), "parameter %q: unknown location %q", p.Name, p.In)
		return nil
	}
	name, explicit := b.stringExt(p.Extensions, "x-go-name", p.Origin)
	if !explicit {
		name = b.namer.Exported(p.Name)
	}
	name, ok := names.claim(name, explicit)
	if !ok {
		b.fail(b.pos(p.Origin), "parameter %q: Go field name %s is already taken", p.Name, name)
		return nil
	}
	sr := p.Schema
	if sr == nil {
		for _, ct := range sortedKeys(p.Content) {
			if mt := p.Content[ct]; mt != nil && mt.Schema != nil {
				sr = mt.Schema
				break
			}
		}
	}
	if sr == nil {
		sr = &openapi3.SchemaRef{Value: openapi3.NewStringSchema()}
	}
	required := p.Required || in == ir.InPath
	isNull := nullable(sr)
	typ, omit := b.presence(b.typeOf(sr, params.Name+name, params.Package), sr, required, isNull, ir.ReadWrite)
	if required && omit == ir.OmitEmpty {
		// Plain values leave zero out of JSON bodies, not out of the required parameters.
		omit = ir.OmitNever
	}
	style := map[ir.ParamIn]ir.Style{ir.InPath: ir.StyleSimple, ir.InQuery: ir.StyleForm, ir.InHeader: ir.StyleSimple, ir.InCookie: ir.StyleForm}[in]
	if p.Style != "" {
		var ok bool
		if style, ok = ir.ParseStyle(p.Style); !ok {
			b.fail(b.fieldPos(p.Origin, "style"), "parameter %q: unknown style %q", p.Name, p.Style)
			return nil
		}
	}
	explode := style == ir.StyleForm
	if p.Explode != nil {
		explode = *p.Explode
	}
	return &ir.Parameter{
		Name:    p.Name,
		In:      in,
		Style:   style,
		Explode: explode,
		Field: &ir.Field{
			Name:     name,
			JSONName: "-",
			WireName: p.Name,
			Doc:      p.Description,
			Type:     typ,
			Required: required,
			Nullable: isNull,
			Omit:     omit,
			Pos:      b.pos(p.Origin),
			Rules:    b.rules(sr, params.Name+name, params.Package),
		},
	}
}

// encodingOf is how a media type's content travels; parameters such as charset do not matter.
func encodingOf(ct string) ir.Encoding {
	ct = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	switch {
	case ct == "application/json" || strings.HasSuffix(ct, "+json"):
		return ir.JSON
	case ct == "application/x-www-form-urlencoded":
		return ir.Form
	case ct == "multipart/form-data":
		return ir.Multipart
	case strings.HasPrefix(ct, "text/"):
		return ir.Text
	}
	return ir.Binary
}

// encodingRank orders the encodings specgen prefers when a body offers several.
var encodingRank = map[ir.Encoding]int{ir.JSON: 0, ir.Form: 1, ir.Multipart: 2, ir.Text: 3, ir.Binary: 4}

func pickMedia(content openapi3.Content) (string, *openapi3.MediaType) {
	keys := sortedKeys(content)
	if len(keys) == 0 {
		return "", nil
	}
	slices.SortStableFunc(keys, func(x, y string) int {
		return encodingRank[encodingOf(x)] - encodingRank[encodingOf(y)]
	})
	return keys[0], content[keys[0]]
}

func (b *builder) requestBody(res *ir.Operation, names *fieldNames, op *openapi3.Operation) {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return
	}
	rb := op.RequestBody.Value
	ct, mt := pickMedia(rb.Content)
	if mt == nil {
		return
	}
	res.Body, res.BodyEncoding = ct, encodingOf(ct)
	params := res.Params
	sr := mt.Schema
	if sr == nil || sr.Value == nil {
		sr = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
	_, named := b.named[schemaKey(sr.Value)]
	structured := res.BodyEncoding == ir.JSON || res.BodyEncoding == ir.Form || res.BodyEncoding == ir.Multipart
	if structured && !named && isStruct(sr.Value) {
		// An inline object body: its properties are the Params' own fields.
		var props []*ir.Field
		for _, p := range b.properties(sr.Value) {
			if f := b.field(params, names, p.name, p.sr, p.required); f != nil {
				params.Fields = append(params.Fields, f)
				props = append(props, f)
			}
		}
		if res.BodyEncoding == ir.JSON {
			params.Extra = b.extraField(params, sr.Value, names)
		} else {
			res.FormFields = b.formFields(mt, props)
		}
		if params.Doc != "" && sr.Value.Description != "" {
			params.Doc += "\n\n" + sr.Value.Description
		}
		return
	}
	name, _ := names.claim("Body", false)
	var typ *ir.TypeRef
	switch res.BodyEncoding {
	case ir.Text:
		typ = ir.BasicType(ir.String)
	case ir.Binary:
		typ = &ir.TypeRef{Kind: ir.Slice, Elem: ir.BasicType(ir.Byte)}
	default:
		// Never required here: a nil body is a missing one, which Validate reports.
		typ, _ = b.presence(b.typeOf(sr, params.Name+"Body", params.Package), sr, false, false, ir.ReadWrite)
	}
	f := &ir.Field{
		Name:     name,
		JSONName: "-",
		WireName: "body",
		Doc:      rb.Description,
		Type:     typ,
		Required: rb.Required,
		Pos:      b.pos(mt.Origin),
	}
	if structured {
		f.Rules = b.rules(sr, params.Name+name, params.Package)
	}
	params.Fields = append(params.Fields, f)
	res.BodyField = f
	if t := derefType(typ); structured && res.BodyEncoding != ir.JSON && t.Kind == ir.Named && t.Named.Kind == ir.Struct {
		res.FormFields = b.formFields(mt, t.Named.Fields)
	}
}

// successCode picks the response the client decodes: the lowest 2xx, else 2XX.
func successCode(responses *openapi3.Responses) (string, int) {
	if responses == nil {
		return "", 0
	}
	m := responses.Map()
	best, bestCode := "", 0
	for _, k := range sortedKeys(m) {
		if c, err := strconv.Atoi(k); err == nil && c >= 200 && c < 300 && (bestCode == 0 || c < bestCode) {
			best, bestCode = k, c
		}
	}
	if best == "" {
		for _, k := range []string{"2XX", "2xx"} {
			if _, ok := m[k]; ok {
				return k, 0
			}
		}
	}
	return best, bestCode
}

func (b *builder) response(res *ir.Operation, op *openapi3.Operation, pkg *ir.Package) {
	key, code := successCode(op.Responses)
	res.SuccessCode = code
	if key == "" {
		return
	}
	rr := op.Responses.Value(key)
	if rr == nil || rr.Value == nil {
		return
	}
	ct, mt := pickMedia(rr.Value.Content)
	if mt == nil {
		return
	}
	res.ResponseMedia, res.ResponseEncoding = ct, encodingOf(ct)
	switch res.ResponseEncoding {
	case ir.JSON:
		sr := mt.Schema
		if sr == nil || sr.Value == nil {
			res.Response = &ir.TypeRef{Kind: ir.Any}
			return
		}
		_, named := b.named[schemaKey(sr.Value)]
		st := b.pkg(pkg.Path)
		if !named && isStruct(sr.Value) {
			t := &ir.Type{
				Name:    st.scope.Unique(res.Name + "Response"),
				Package: pkg,
				Kind:    ir.Struct,
				Doc:     "Response type for `" + b.resourceName(pkg.Path) + "." + res.Name + "`.",
				Pos:     b.pos(sr.Value.Origin),
			}
			pkg.Types = append(pkg.Types, t)
			t.Fields = b.fields(t, sr.Value)
			res.Response = &ir.TypeRef{Kind: ir.Named, Named: t}
			return
		}
		res.Response = b.typeOf(sr, res.Name+"Response", pkg)
	case ir.Text:
		res.Response = ir.BasicType(ir.String)
	default:
		// Form or binary content: the caller gets the bytes.
		res.ResponseEncoding = ir.Binary
		res.Response = &ir.TypeRef{Kind: ir.Slice, Elem: ir.BasicType(ir.Byte)}
	}
}

// runtimeNames are the identifiers the client runtime declares in the client package; no
// schema may take them.
var runtimeNames = []string{
	"Client", "NewClient", "Option", "WithBaseURL", "WithHTTPClient", "WithBasicAuth",
	"WithHeader", "API", "UnimplementedAPI", "RegisterAPI", "APIError",
	"WithServer", "WithServerVariable", "Credentials", "CredentialsFrom", "Authenticator",
}

// validationNames are the exported identifiers of the validation runtime, which shares the
// package of a single-package generation.
var validationNames = []string{"Errors", "FieldError", "Path", "Ptr", "Nullable", "Null", "NullableOf"}

// client describes the API client: a tree of resource clients following the package paths
// of the operations under the client package.
func (b *builder) client(prog *ir.Program) *ir.Client {
	var withOps []*ir.Package
	for _, p := range prog.Packages {
		if len(p.Operations) > 0 {
			withOps = append(withOps, p)
		}
	}
	if len(withOps) == 0 {
		return nil
	}
	st := b.pkg(b.opts.Package)
	if !slices.Contains(prog.Packages, st.pkg) {
		prog.Packages = append(prog.Packages, st.pkg)
		slices.SortFunc(prog.Packages, func(x, y *ir.Package) int { return strings.Compare(x.Path, y.Path) })
	}
	c := &ir.Client{Package: st.pkg, Root: &ir.ClientNode{Type: "Client"}}
	for _, p := range withOps {
		node := c.Root
		var path []string
		for _, part := range b.relativePath(p.Path) {
			name := b.namer.Exported(part)
			path = append(path, name)
			node = child(node, name)
			if node.Type == "" {
				node.Type = st.scope.Unique(strings.Join(path, "") + "Client")
			}
		}
		node.Package = p
		prefix := strings.Join(path, "")
		node.Interface = st.scope.Unique(prefix + "API")
		node.Unimplemented = st.scope.Unique("Unimplemented" + prefix + "API")
		node.Register = st.scope.Unique("Register" + prefix + "API")
		if prefix == "" {
			// The runtime reserved these; the root resource is the one that uses them.
			node.Interface, node.Unimplemented, node.Register = "API", "UnimplementedAPI", "RegisterAPI"
		}
		c.Resources = append(c.Resources, node)
	}
	c.Error = b.errorModel()
	c.Schemes = b.schemeOptions(st)
	c.Servers = b.servers()
	return c
}

func child(n *ir.ClientNode, field string) *ir.ClientNode {
	for _, c := range n.Children {
		if c.Field == field {
			return c
		}
	}
	c := &ir.ClientNode{Field: field}
	n.Children = append(n.Children, c)
	return c
}

// relativePath is a package path's elements below the client package.
func (b *builder) relativePath(p string) []string {
	if p == b.opts.Package {
		return nil
	}
	if b.opts.Package != "" {
		p = strings.TrimPrefix(p, b.opts.Package+"/")
	}
	return strings.Split(p, "/")
}

// errorModel finds the error schema the operations' default (or 4XX/5XX) responses share,
// and the fields that carry the status, kind and message. A schema without an integer status
// field cannot say which status failed, so the client package then declares its own type.
func (b *builder) errorModel() ir.ErrorModel {
	for _, o := range b.operations() {
		if o.op.Responses == nil {
			continue
		}
		for _, key := range []string{"default", "4XX", "400", "5XX", "500"} {
			rr := o.op.Responses.Value(key)
			if rr == nil || rr.Value == nil {
				continue
			}
			_, mt := pickMedia(rr.Value.Content)
			if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
				continue
			}
			ns, ok := b.named[schemaKey(mt.Schema.Value)]
			if !ok || ns.typ.Kind != ir.Struct || ns.typ.Package.Path != b.opts.Package {
				// Its Error method must be declared in the client package.
				continue
			}
			m := ir.ErrorModel{Type: ns.typ}
			for _, f := range ns.typ.Fields {
				switch {
				case f.Name == "Error":
					// It would clash with the Error method.
					return fallbackError()
				case m.Status == nil && isInteger(f.Type) && (strings.Contains(f.JSONName, "status") || f.JSONName == "code"):
					m.Status = f
				case m.Message == nil && isString(f.Type) && (strings.Contains(f.JSONName, "message") || f.JSONName == "detail"):
					m.Message = f
				case m.Kind == nil && isString(f.Type) && (strings.Contains(f.JSONName, "type") || strings.Contains(f.JSONName, "code")):
					m.Kind = f
				}
			}
			if m.Status != nil {
				return m
			}
		}
	}
	return fallbackError()
}

func fallbackError() ir.ErrorModel {
	return ir.ErrorModel{Fallback: "APIError"}
}

// isInteger and isString tell the error fields apart; an optional one is a pointer.
func isInteger(t *ir.TypeRef) bool {
	if t.Kind == ir.Pointer {
		t = t.Elem
	}
	return t.Kind == ir.Builtin && t.Builtin.Integer()
}

func isString(t *ir.TypeRef) bool {
	if t.Kind == ir.Pointer {
		t = t.Elem
	}
	return t.Is(ir.String)
}
