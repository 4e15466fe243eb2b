package load

import (
	"encoding/json"
	"net/http"
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
	res := &ir.Operation{Name: name, Doc: doc, Method: o.method, Path: o.path, Pos: pos}

	params := &ir.Type{
		Name:    st.scope.Unique(name + "Params"),
		Package: st.pkg,
		Kind:    ir.Struct,
		Pos:     pos,
	}
	st.pkg.Types = append(st.pkg.Types, params)
	b.roles[params] = typeRole{op: res, kind: roleParams}
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
	res.IdempotencyHeader = b.idempotencyHeader(res)
	res.Security = b.operationSecurity(o)
	b.requestBody(res, &names, op)
	b.response(res, op, st.pkg)
	res.Errors = b.operationErrors(op)
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
		return ir.ClientSurface.Client
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
	case ct == "text/event-stream":
		return ir.SSE
	case ct == "application/x-ndjson" || ct == "application/jsonl" || ct == "application/x-jsonlines" || ct == "application/jsonlines":
		return ir.NDJSON
	case strings.HasPrefix(ct, "text/"):
		return ir.Text
	}
	return ir.Binary
}

// encodingRank orders the encodings specgen prefers when a body offers several.
var encodingRank = map[ir.Encoding]int{ir.JSON: 0, ir.Form: 1, ir.Multipart: 2, ir.Text: 3, ir.Binary: 4, ir.SSE: 5, ir.NDJSON: 6}

// streamed reports whether a media type's content is read item by item.
func streamed(ct string) bool {
	enc := encodingOf(ct)
	return enc == ir.SSE || enc == ir.NDJSON
}

// splitStreams separates the streamed media types of content from the others.
func splitStreams(content openapi3.Content) (plain, streams openapi3.Content) {
	plain, streams = openapi3.Content{}, openapi3.Content{}
	for _, ct := range sortedKeys(content) {
		if streamed(ct) {
			streams[ct] = content[ct]
		} else {
			plain[ct] = content[ct]
		}
	}
	return plain, streams
}

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
	for k := range rb.Content {
		if m := strings.ToLower(strings.TrimSpace(strings.SplitN(k, ";", 2)[0])); encodingOf(k) == res.BodyEncoding && !slices.Contains(res.BodyMedia, m) {
			res.BodyMedia = append(res.BodyMedia, m)
		}
	}
	slices.Sort(res.BodyMedia)
	if streamed(ct) {
		// An upload of events or lines is the caller's bytes.
		res.BodyEncoding = ir.Binary
	}
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
				if res.BodyEncoding == ir.Multipart && isFile(p.sr) {
					f.Type, f.Rules = fileType(f.Type), nil
				}
				params.Fields = append(params.Fields, f)
				props = append(props, f)
			}
		}
		if res.BodyEncoding == ir.JSON {
			params.Extra = b.extraField(params, sr.Value, names)
		} else {
			res.FormFields = b.formFields(mt, props)
		}
		params.Doc = sr.Value.Description
		return
	}
	name, _ := names.claim("Body", false)
	var typ *ir.TypeRef
	switch res.BodyEncoding {
	case ir.Text:
		typ = ir.BasicType(ir.String)
	case ir.Binary:
		typ = &ir.TypeRef{Kind: ir.Reader}
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
	if t := typ.Deref(); structured && res.BodyEncoding != ir.JSON && t.Kind == ir.Named && t.Named.Kind == ir.Struct {
		if res.BodyEncoding == ir.Multipart {
			b.fileFields(t.Named, sr.Value)
		}
		res.FormFields = b.formFields(mt, t.Named.Fields)
	}
}

// fileFields makes the binary properties of a named multipart body files, as for an inline
// one (OpenAI's CreateFileRequest is a component): the type holds a file's content, name and
// content type, not a string. Binary content has no JSON form, so the type's other uses lose
// nothing.
func (b *builder) fileFields(t *ir.Type, s *openapi3.Schema) {
	for _, p := range b.properties(s) {
		if !isFile(p.sr) {
			continue
		}
		for _, f := range t.Fields {
			if f.WireName == p.name {
				f.Type, f.Rules = fileType(f.Type), nil
			}
		}
	}
}

// isBinary reports whether a schema is a file's content: a string of format binary.
func isBinary(sr *openapi3.SchemaRef) bool {
	return sr != nil && sr.Value != nil && sr.Value.Type != nil && sr.Value.Type.Is("string") && sr.Value.Format == "binary"
}

// isFile reports whether a multipart property is files: binary, or an array of binary items
// (one part per file, under the same name).
func isFile(sr *openapi3.SchemaRef) bool {
	if isBinary(sr) {
		return true
	}
	return sr != nil && sr.Value != nil && sr.Value.Type != nil && sr.Value.Type.Is("array") && isBinary(sr.Value.Items)
}

// fileType is t with the runtime's file in place of its string: a multipart file part
// carries its name and content type.
func fileType(t *ir.TypeRef) *ir.TypeRef {
	switch t.Kind {
	case ir.Pointer, ir.Nullable:
		return &ir.TypeRef{Kind: ir.Pointer, Elem: fileType(t.Elem)}
	case ir.Slice:
		return &ir.TypeRef{Kind: ir.Slice, Elem: &ir.TypeRef{Kind: ir.File}}
	}
	return &ir.TypeRef{Kind: ir.File}
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
	content, streams := splitStreams(rr.Value.Content)
	ct, mt := pickMedia(content)
	if mt != nil {
		res.ResponseMedia, res.ResponseEncoding = ct, encodingOf(ct)
		switch res.ResponseEncoding {
		case ir.JSON:
			res.Response = b.jsonResponse(mt.Schema, res.Name+"Response", typeRole{op: res, kind: roleResponse}, pkg)
			b.statuses(res, op, key, mt, pkg)
		case ir.Text:
			res.Response = ir.BasicType(ir.String)
		default:
			// Form or binary content: the caller reads the body, and closes it.
			res.ResponseEncoding = ir.Binary
			res.Response = &ir.TypeRef{Kind: ir.ReadCloser}
		}
	}
	b.stream(res, streams, mt, pkg)
}

// statuses gives an operation whose success statuses answer JSON bodies of different types
// a result with a field per status, so that a caller tells a 202's job from a 200's result
// (Superset's chart data): one type for all would decode one of them wrongly. The status
// the client used to decode, key with mt, keeps the type it already has.
func (b *builder) statuses(res *ir.Operation, op *openapi3.Operation, key string, mt *openapi3.MediaType, pkg *ir.Package) {
	type status struct {
		code int
		mt   *openapi3.MediaType
	}
	var list []status
	// bodies are the distinct schemas by their JSON text: two inline schemas of one shape
	// (201 created, 200 existed) are one type.
	bodies := map[string]bool{}
	for _, k := range sortedKeys(op.Responses.Map()) {
		code, err := strconv.Atoi(k)
		rr := op.Responses.Value(k)
		if err != nil || code < 200 || code > 299 || rr == nil || rr.Value == nil {
			continue
		}
		plain, _ := splitStreams(rr.Value.Content)
		ct, m := pickMedia(plain)
		if m == nil || encodingOf(ct) != ir.JSON || m.Schema == nil || m.Schema.Value == nil {
			continue
		}
		list = append(list, status{code, m})
		text, err := json.Marshal(m.Schema.Value)
		if err != nil {
			return
		}
		bodies[string(text)] = true
	}
	if len(bodies) < 2 {
		return
	}
	st := b.pkg(pkg.Path)
	t := &ir.Type{
		Name:    st.scope.Unique(res.Name + "Result"),
		Package: pkg,
		Kind:    ir.Struct,
		Pos:     b.pos(op.Responses.Origin),
	}
	b.roles[t] = typeRole{op: res, kind: roleResult}
	names := newFieldNames()
	code, _ := names.claim("StatusCode", false)
	t.Fields = append(t.Fields, &ir.Field{Name: code, JSONName: "-", WireName: "status", Type: ir.BasicType(ir.Int), Required: true, Pos: t.Pos})
	for _, s := range list {
		name, _ := names.claim(statusName(s.code), false)
		typ := res.Response
		if strconv.Itoa(s.code) != key || s.mt != mt {
			typ = b.jsonResponse(s.mt.Schema, res.Name+name+"Response", typeRole{op: res, kind: roleResponse}, pkg)
		}
		if !typ.Nilable() {
			typ = &ir.TypeRef{Kind: ir.Pointer, Elem: typ}
		}
		f := &ir.Field{Name: name, JSONName: "-", WireName: strconv.Itoa(s.code), Type: typ, Pos: b.pos(s.mt.Origin)}
		t.Fields = append(t.Fields, f)
		res.Statuses = append(res.Statuses, &ir.StatusResponse{Code: s.code, Field: f})
	}
	pkg.Types = append(pkg.Types, t)
	res.Response = &ir.TypeRef{Kind: ir.Named, Named: t}
}

// statusName is a status's name in Go: "OK", "Accepted", "NonAuthoritativeInformation".
func statusName(code int) string {
	text := http.StatusText(code)
	if text == "" {
		return "Status" + strconv.Itoa(code)
	}
	var name strings.Builder
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' }) {
		name.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return name.String()
}

// stream describes the streamed media type of a success response, if it offers one: a
// method of its own when the response offers something else too. The items' type is the
// stream's schema, else the JSON response's.
func (b *builder) stream(res *ir.Operation, streams openapi3.Content, plain *openapi3.MediaType, pkg *ir.Package) {
	ct, mt := pickMedia(streams)
	if mt == nil {
		return
	}
	s := &ir.Stream{Method: res.Name, Media: ct, Encoding: encodingOf(ct)}
	if res.ResponseMedia != "" {
		st := b.pkg(pkg.Path)
		s.Method = res.Name + "Stream"
		if !st.ops.Claim(s.Method) {
			s.Method = st.ops.Unique(s.Method)
		}
	}
	sr := mt.Schema
	if !typedItems(sr) && plain != nil && encodingOf(res.ResponseMedia) == ir.JSON && typedItems(plain.Schema) {
		sr = plain.Schema
	}
	switch {
	case typedItems(sr):
		s.Item = b.jsonResponse(sr, s.Method+"Item", typeRole{op: res, kind: roleStreamItem}, pkg)
	case s.Encoding == ir.SSE:
		s.Item = &ir.TypeRef{Kind: ir.Event}
	default:
		s.Item = &ir.TypeRef{Kind: ir.RawJSON}
	}
	res.Stream = s
}

// typedItems reports whether a stream's schema describes its items' JSON: a string schema
// is the event text as it is.
func typedItems(sr *openapi3.SchemaRef) bool {
	return sr != nil && sr.Value != nil && !(sr.Value.Type != nil && sr.Value.Type.Is("string"))
}

// jsonResponse is the type a JSON response decodes into: a struct of its own (typeName, for
// role) for an inline object, else the schema's type; any without a schema.
func (b *builder) jsonResponse(sr *openapi3.SchemaRef, typeName string, role typeRole, pkg *ir.Package) *ir.TypeRef {
	if sr == nil || sr.Value == nil {
		return &ir.TypeRef{Kind: ir.Any}
	}
	_, named := b.named[schemaKey(sr.Value)]
	st := b.pkg(pkg.Path)
	if !named && isStruct(sr.Value) {
		t := &ir.Type{
			Name:    st.scope.Unique(typeName),
			Package: pkg,
			Kind:    ir.Struct,
			Doc:     sr.Value.Description,
			Pos:     b.pos(sr.Value.Origin),
		}
		b.roles[t] = role
		pkg.Types = append(pkg.Types, t)
		t.Fields = b.fields(t, sr.Value)
		return &ir.TypeRef{Kind: ir.Named, Named: t}
	}
	return b.typeOf(sr, typeName, pkg)
}

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
	names := ir.ClientSurface
	c := &ir.Client{Package: st.pkg, Root: &ir.ClientNode{Type: names.Client}}
	hasOps := map[string]bool{}
	for _, p := range withOps {
		hasOps[p.Path] = true
	}
	// A node's fields are named in a scope of their own, nested in its package's method
	// names: a field never takes an operation's name, nor another field's.
	fields := map[*ir.ClientNode]*ir.Scope{}
	kids := map[*ir.ClientNode]map[string]*ir.ClientNode{}
	fieldScope := func(n *ir.ClientNode, pkgPath string) *ir.Scope {
		if fields[n] == nil {
			fields[n] = ir.NewScope()
			if hasOps[pkgPath] {
				fields[n] = b.pkg(pkgPath).ops.Child()
			}
		}
		return fields[n]
	}
	for _, p := range withOps {
		node, nodePath := c.Root, b.opts.Package
		var path []string
		parts := b.relativePath(p.Path)
		for i, part := range parts {
			// Children are told apart by package path: two may have one Go name.
			childPath := b.nodePath(p.Path, parts[:i+1])
			next := kids[node][childPath]
			if next == nil {
				next = &ir.ClientNode{Field: fieldScope(node, nodePath).Unique(b.namer.Exported(part))}
				node.Children = append(node.Children, next)
				if kids[node] == nil {
					kids[node] = map[string]*ir.ClientNode{}
				}
				kids[node][childPath] = next
			}
			path = append(path, next.Field)
			node, nodePath = next, childPath
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
			// The package claimed these; the root resource is the one that uses them.
			node.Interface, node.Unimplemented, node.Register = names.API, names.UnimplementedAPI, names.RegisterAPI
		}
		c.Resources = append(c.Resources, node)
	}
	c.Error = b.errorModel()
	c.ErrorTypes = errorTypes(c)
	c.Schemes = b.schemeOptions(st)
	c.Undeclared = undeclaredSecurity(c.Schemes)
	c.Servers = b.servers()
	return c
}

// nodePath is the package path of the client node that parts, the first elements of p's
// relativePath, lead to.
func (b *builder) nodePath(p string, parts []string) string {
	rel := strings.Join(parts, "/")
	if b.opts.Package != "" && strings.HasPrefix(p, b.opts.Package+"/") {
		return b.opts.Package + "/" + rel
	}
	return rel
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
			m, ok := errorFields(ns.typ)
			if !ok {
				return fallbackError()
			}
			if m.Status != nil {
				return m
			}
		}
	}
	return fallbackError()
}

func fallbackError() ir.ErrorModel {
	return ir.ErrorModel{Fallback: ir.ClientSurface.APIError}
}

// isInteger and isString tell the error fields apart; an optional one is a pointer.
func isInteger(t *ir.TypeRef) bool {
	t = t.Deref()
	return t.Kind == ir.Builtin && t.Builtin.Integer()
}

func isString(t *ir.TypeRef) bool { return t.Deref().Is(ir.String) }
