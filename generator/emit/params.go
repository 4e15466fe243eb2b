package emit

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// This file writes the typed encoding of parameters and form bodies: the client formats
// every value from its static type in its OpenAPI style (styleParam and pairs in the runtime
// only join and escape the text), and the server parses it back into the same type.
//
// A value has one of three shapes: a leaf (one piece of text: a scalar, or JSON for a union
// or any), a list (a slice), or an object (a struct's fields in order, a map's keys sorted).

// deepFuncs names the generated functions that write (client) or read (server) a struct
// under deepObject keys, one per struct type, in the order first used.
type deepFuncs struct {
	names map[*ir.Type]string
	taken map[string]bool
	order []*ir.Type
}

// name is the function of t, registered on first use: of the family the IR reserves, named
// after t, numbered when two packages have a type of that name.
func (d *deepFuncs) name(family ir.Prefixed, t *ir.Type) string {
	if n, ok := d.names[t]; ok {
		return n
	}
	if d.names == nil {
		d.names, d.taken = map[*ir.Type]string{}, map[string]bool{}
	}
	n := family.Of(t.Name)
	for i := 2; d.taken[n]; i++ {
		n = family.Of(t.Name) + strconv.Itoa(i)
	}
	d.names[t], d.taken[n] = n, true
	d.order = append(d.order, t)
	return n
}

// wireKey is a key of a query string or form body being built: literal text and
// expressions, concatenated.
type wireKey []any

// sub is k[x], x literal text or an expression.
func (k wireKey) sub(x any) wireKey {
	out := append(wireKey{}, k...)
	for _, part := range []any{"[", x, "]"} {
		if s, ok := part.(string); ok {
			if last, ok := out[len(out)-1].(string); ok {
				out[len(out)-1] = last + s
				continue
			}
		}
		out = append(out, part)
	}
	return out
}

func (k wireKey) code() jen.Code {
	var parts []jen.Code
	for _, part := range k {
		if s, ok := part.(string); ok {
			parts = append(parts, jen.Lit(s))
		} else {
			parts = append(parts, part.(jen.Code))
		}
	}
	return join(parts, "+")
}

// bare is t without its pointer or Nullable.
func bare(t *ir.TypeRef) *ir.TypeRef {
	for t.Kind == ir.Pointer || t.Kind == ir.Nullable {
		t = t.Elem
	}
	return t
}

// scalar reports whether t is written as text of its own: a basic type, a time, bytes
// (base64, as JSON has them) or an enum.
func scalar(t *ir.TypeRef) bool {
	switch t.Kind {
	case ir.Builtin, ir.Time:
		return true
	case ir.Slice:
		return t.Elem.Is(ir.Byte)
	case ir.Named:
		return t.Named.Kind == ir.Enum
	}
	return false
}

// leaf reports whether t is one piece of text: a scalar, or the JSON of a union or any.
func leaf(t *ir.TypeRef) bool {
	return scalar(t) || t.Kind == ir.Any || t.Kind == ir.Named && t.Named.Kind == ir.Union
}

func isList(t *ir.TypeRef) bool {
	t = bare(t)
	return t.Kind == ir.Slice && !scalar(t)
}

// isFiles reports whether t is a list of multipart files, sent as one part each.
func isFiles(t *ir.TypeRef) bool {
	t = bare(t)
	return t.Kind == ir.Slice && t.Elem.Kind == ir.File
}

func isObject(t *ir.TypeRef) bool {
	t = bare(t)
	return t.Kind == ir.Map || t.Kind == ir.Named && t.Named.Kind == ir.Struct
}

// sentCond is the condition that val, the value of f, is sent; nil when it always is. A
// value is unset when its Omit option leaves it out of JSON: Go's empty value under
// OmitEmpty (and for optional fields without an option, as parameters are), the type's zero
// under OmitZero.
func sentCond(val jen.Code, f *ir.Field) jen.Code {
	if f.Omit == ir.OmitNever && f.Required {
		return nil
	}
	t := f.Type
	switch t.Kind {
	case ir.Pointer, ir.Any:
		return jen.Add(val).Op("!=").Nil()
	case ir.Nullable:
		return jen.Op("!").Add(val).Dot("IsZero").Call()
	case ir.Slice, ir.Map:
		if f.Omit == ir.OmitZero {
			return jen.Add(val).Op("!=").Nil()
		}
		return jen.Len(val).Op(">").Lit(0)
	case ir.Time:
		return jen.Op("!").Add(val).Dot("IsZero").Call()
	case ir.File:
		// A plain file value is sent when it has content.
		return jen.Add(val).Dot("Content").Op("!=").Nil()
	case ir.Named:
		if t.Named.Kind == ir.Enum {
			return basicSent(val, t.Named.Underlying.Builtin)
		}
	case ir.Builtin:
		return basicSent(val, t.Builtin)
	}
	return nil
}

// sentValue is sentCond, with val and t past the pointer when the condition proves it is
// not nil.
func sentValue(val jen.Code, f *ir.Field) (cond, v jen.Code, t *ir.TypeRef) {
	cond = sentCond(val, f)
	if cond != nil && f.Type.Kind == ir.Pointer {
		return cond, derefTo(val, f.Type.Elem), f.Type.Elem
	}
	return cond, val, f.Type
}

// derefTo is what the pointer val points to, a value of type elem. A union is only ever
// used through its fields, which a pointer selects as well.
func derefTo(val jen.Code, elem *ir.TypeRef) jen.Code {
	if elem.Kind == ir.Named && elem.Named.Kind == ir.Union {
		return val
	}
	return deref(val)
}

func basicSent(val jen.Code, b ir.Basic) jen.Code {
	switch b {
	case ir.String:
		return jen.Add(val).Op("!=").Lit("")
	case ir.Bool:
		// An optional bool without a pointer cannot say it is unset: false is not sent.
		return val
	}
	return jen.Add(val).Op("!=").Lit(0)
}

// ifSent writes body, under cond when there is one.
func ifSent(g *jen.Group, cond jen.Code, body func(g *jen.Group)) {
	if cond == nil {
		body(g)
		return
	}
	g.If(cond).BlockFunc(body)
}

// deref is the value a pointer val points to.
func deref(val jen.Code) jen.Code { return derefExpr{jen.Op("*").Add(val)} }

// derefExpr is *p, which needs parentheses before a selector or an index.
type derefExpr struct{ jen.Code }

// operand is val, parenthesized when it is a dereference, for a selector or an index to
// follow.
func operand(val jen.Code) *jen.Statement {
	if _, ok := val.(derefExpr); ok {
		return jen.Parens(val)
	}
	return jen.Add(val)
}

// format is the text of val, a leaf of type t.
func (e *emitter) format(val jen.Code, t *ir.TypeRef) jen.Code {
	switch t.Kind {
	case ir.Time:
		return operand(val).Dot("Format").Call(jen.Qual("time", "RFC3339Nano"))
	case ir.Slice:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(val)
	case ir.Named:
		if t.Named.Kind == ir.Enum {
			u := t.Named.Underlying
			return e.format(jen.Id(u.Builtin.String()).Call(val), u)
		}
		return jen.Id("jsonText").Call(val)
	case ir.Any:
		return jen.Id("jsonText").Call(val)
	}
	switch t.Builtin {
	case ir.String:
		return val
	case ir.Bool:
		return jen.Qual("strconv", "FormatBool").Call(val)
	case ir.Int:
		return jen.Qual("strconv", "Itoa").Call(val)
	case ir.Int32:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(val), jen.Lit(10))
	case ir.Int64:
		return jen.Qual("strconv", "FormatInt").Call(val, jen.Lit(10))
	case ir.Byte:
		return jen.Qual("strconv", "FormatUint").Call(jen.Uint64().Call(val), jen.Lit(10))
	}
	return jen.Qual("strconv", "FormatFloat").Call(val, jen.LitRune('g'), jen.Lit(-1), jen.Lit(64))
}

// ---- client ----

// itemsOf is the items of val, of type t, for styleParam: an expression for a plain leaf,
// else a variable that code written into g fills.
func (e *emitter) itemsOf(g *jen.Group, name string, val jen.Code, t *ir.TypeRef) jen.Code {
	if leaf(t) {
		return jen.Index().String().Values(e.format(val, t))
	}
	if t.Kind == ir.Slice && t.Elem.Is(ir.String) {
		return val
	}
	g.Var().Id(name).Index().String()
	e.appendItems(g, name, val, t, 1)
	return jen.Id(name)
}

// appendItems appends val's items to the []string variable items.
func (e *emitter) appendItems(g *jen.Group, items string, val jen.Code, t *ir.TypeRef, depth int) {
	v := local.V1.At(depth)
	switch {
	case t.Kind == ir.Pointer:
		g.If(jen.Add(val).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
			e.appendItems(g, items, deref(val), t.Elem, depth)
		})
	case t.Kind == ir.Nullable:
		g.If(jen.List(jen.Id(local.N1.At(depth)), jen.Id(local.OK)).Op(":=").Add(operand(val)).Dot("Get").Call(), jen.Id(local.OK)).BlockFunc(func(g *jen.Group) {
			e.appendItems(g, items, jen.Id(local.N1.At(depth)), t.Elem, depth+1)
		}).Else().Block(jen.Id(items).Op("=").Append(jen.Id(items), jen.Lit("")))
	case leaf(t):
		g.Id(items).Op("=").Append(jen.Id(items), e.format(val, t))
	case t.Kind == ir.Slice:
		g.For(jen.List(jen.Id("_"), jen.Id(v)).Op(":=").Range().Add(val)).BlockFunc(func(g *jen.Group) {
			e.appendLeaf(g, items, nil, jen.Id(v), t.Elem, depth+1)
		})
	case t.Kind == ir.Map:
		k := local.K1.At(depth)
		g.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(sortedKeys(val))).BlockFunc(func(g *jen.Group) {
			e.appendLeaf(g, items, jen.Id(k), operand(val).Index(jen.Id(k)), t.Elem, depth+1)
		})
	case t.Kind == ir.Named:
		for _, f := range t.Named.Fields {
			cond, fv, ft := sentValue(operand(val).Dot(f.Name), f)
			ifSent(g, cond, func(g *jen.Group) {
				e.appendLeaf(g, items, jen.Lit(f.WireName), fv, ft, depth)
			})
		}
	}
}

// appendLeaf appends one item, with its key before it unless key is nil: a leaf's text,
// the JSON of anything else; nothing for a nil pointer, "" for null.
func (e *emitter) appendLeaf(g *jen.Group, items string, key, val jen.Code, t *ir.TypeRef, depth int) {
	add := func(text jen.Code) {
		if key != nil {
			g.Id(items).Op("=").Append(jen.Id(items), key, text)
		} else {
			g.Id(items).Op("=").Append(jen.Id(items), text)
		}
	}
	switch {
	case t.Kind == ir.Pointer:
		// A nil item is null, written as the empty value, so that the items keep their places.
		g.If(jen.Add(val).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
			e.appendLeaf(g, items, key, deref(val), t.Elem, depth)
		}).Else().BlockFunc(func(g *jen.Group) {
			e.appendLeaf(g, items, key, jen.Lit(""), ir.BasicType(ir.String), depth)
		})
	case t.Kind == ir.Nullable:
		v := local.N1.At(depth)
		g.If(jen.List(jen.Id(v), jen.Id(local.OK)).Op(":=").Add(operand(val)).Dot("Get").Call(), jen.Id(local.OK)).BlockFunc(func(g *jen.Group) {
			e.appendLeaf(g, items, key, jen.Id(v), t.Elem, depth+1)
		}).Else().BlockFunc(func(g *jen.Group) {
			e.appendLeaf(g, items, key, jen.Lit(""), ir.BasicType(ir.String), depth)
		})
	case leaf(t):
		add(e.format(val, t))
	default:
		add(jen.Id("jsonText").Call(val))
	}
}

// sortedKeys is the keys of the map val, sorted.
func sortedKeys(val jen.Code) jen.Code {
	return jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(val))
}

// addDeep writes code adding val, of type t, to the *pairs p under key in deepObject
// style: an object's members as key[name], a list's elements as key[0], key[1]..., as
// Stripe reads them.
func (e *emitter) addDeep(g *jen.Group, p string, key wireKey, val jen.Code, t *ir.TypeRef, depth int) {
	switch {
	case t.Kind == ir.Pointer:
		// Only items and map values reach here as pointers (fields are dereferenced when
		// set): a nil one is null, written as the empty value.
		g.If(jen.Add(val).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
			e.addDeep(g, p, key, deref(val), t.Elem, depth)
		}).Else().Block(jen.Id(p).Dot("add").Call(key.code(), jen.Lit("")))
	case t.Kind == ir.Nullable:
		g.If(jen.List(jen.Id(local.N1.At(depth)), jen.Id(local.OK)).Op(":=").Add(operand(val)).Dot("Get").Call(), jen.Id(local.OK)).BlockFunc(func(g *jen.Group) {
			e.addDeep(g, p, key, jen.Id(local.N1.At(depth)), t.Elem, depth+1)
		}).Else().Block(jen.Id(p).Dot("add").Call(key.code(), jen.Lit("")))
	case deepUnion(t):
		// The alternative that is set, as itself: Stripe's "an object, or '' to clear it".
		for _, v := range t.Named.Variants {
			var fv jen.Code = operand(val).Dot(v.Field.Name)
			ft := v.Field.Type
			if v.Empty {
				g.If(fv).Block(jen.Id(p).Dot("add").Call(key.code(), jen.Lit("")))
				continue
			}
			cond := variantSet(fv, ft)
			if ft.Kind == ir.Pointer {
				fv, ft = derefTo(fv, ft.Elem), ft.Elem
			}
			ifSent(g, cond, func(g *jen.Group) { e.addDeep(g, p, key, fv, ft, depth) })
		}
	case leaf(t):
		g.Id(p).Dot("add").Call(key.code(), e.format(val, t))
	case t.Kind == ir.Slice:
		g.For(jen.List(jen.Id(local.I1.At(depth)), jen.Id(local.V1.At(depth))).Op(":=").Range().Add(val)).BlockFunc(func(g *jen.Group) {
			e.addDeep(g, p, key.sub(jen.Qual("strconv", "Itoa").Call(jen.Id(local.I1.At(depth)))), jen.Id(local.V1.At(depth)), t.Elem, depth+1)
		})
	case t.Kind == ir.Map:
		g.For(jen.List(jen.Id("_"), jen.Id(local.K1.At(depth))).Op(":=").Range().Add(sortedKeys(val))).BlockFunc(func(g *jen.Group) {
			e.addDeep(g, p, key.sub(jen.Id(local.K1.At(depth))), operand(val).Index(jen.Id(local.K1.At(depth))), t.Elem, depth+1)
		})
	case t.Kind == ir.Named:
		g.Id(e.deep.name(helper.AddDeep, t.Named)).Call(jen.Id(p), key.code(), val)
	}
}

// deepWriters writes the functions addDeep calls, including those they call in turn.
func (e *emitter) deepWriters(f *jen.File) {
	for i := 0; i < len(e.deep.order); i++ {
		t := e.deep.order[i]
		name := e.deep.names[t]
		f.Commentf("// %s adds x to p under key in deepObject style.", name)
		f.Func().Id(name).Params(jen.Id(local.P).Op("*").Id("pairs"), jen.Id(local.Key).String(), jen.Id(local.X).Add(e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: t}))).BlockFunc(func(g *jen.Group) {
			for _, fl := range t.Fields {
				cond, fv, ft := sentValue(jen.Id(local.X).Dot(fl.Name), fl)
				ifSent(g, cond, func(g *jen.Group) {
					e.addDeep(g, local.P, wireKey{jen.Id(local.Key)}.sub(fl.WireName), fv, ft, 1)
				})
			}
		})
	}
}

// deepUnion reports whether t is a union with an object alternative, which deepObject
// writes as the object.
func deepUnion(t *ir.TypeRef) bool {
	if t.Kind != ir.Named || t.Named.Kind != ir.Union {
		return false
	}
	obj, _ := unionAlternatives(t.Named)
	return obj != nil
}

// unionAlternatives are a union's first object alternative and first leaf one, nil when
// it has none.
func unionAlternatives(t *ir.Type) (obj, text *ir.Variant) {
	for _, v := range t.Variants {
		switch {
		case obj == nil && isObject(v.Field.Type):
			obj = v
		case text == nil && leaf(bare(v.Field.Type)):
			text = v
		}
	}
	return obj, text
}

// queryKey is name escaped as pairs.add escapes keys.
func queryKey(name string) string {
	return strings.NewReplacer("%5B", "[", "%5D", "]").Replace(url.QueryEscape(name))
}

// writeQueryParam writes code adding a query parameter, or a form body's property, to the
// *pairs p in its style.
func (e *emitter) writeQueryParam(g *jen.Group, p, name string, val jen.Code, t *ir.TypeRef, style ir.Style, explode bool, items string) {
	switch {
	case style == ir.StyleDeepObject:
		e.addDeep(g, p, wireKey{name}, val, t, 1)
	case leaf(t):
		g.Id(p).Dot("add").Call(jen.Lit(name), e.format(val, t))
	default:
		list := e.itemsOf(g, items, val, t)
		g.Id(p).Dot("raw").Call(jen.Id("styleParam").Call(jen.Lit(style.String()), jen.Lit(explode), jen.Lit(queryKey(name)),
			jen.Lit(isObject(t)), list, jen.Qual("net/url", "QueryEscape")))
	}
}

// pathParam writes code preparing the text of path parameter p and returns it.
func (e *emitter) pathParam(g *jen.Group, p *ir.Parameter) jen.Code {
	val := jen.Id(local.Params).Dot(p.Field.Name)
	t := p.Field.Type
	if p.Style == ir.StyleSimple && leaf(t) {
		return jen.Qual("net/url", "PathEscape").Call(e.format(val, t))
	}
	list := e.itemsOf(g, local.ItemsOf.Of(p.Field.Name), val, t)
	name := local.PathOf.Of(p.Field.Name)
	g.Id(name).Op(":=").Id("styleParam").Call(jen.Lit(p.Style.String()), jen.Lit(p.Explode), jen.Lit(url.PathEscape(p.Name)),
		jen.Lit(isObject(t)), list, jen.Qual("net/url", "PathEscape"))
	return jen.Id(name)
}

// headerParam writes code setting header parameter p on req.
func (e *emitter) headerParam(g *jen.Group, p *ir.Parameter, val jen.Code, t *ir.TypeRef) {
	if leaf(t) {
		g.Id(local.Req).Dot("header").Dot("Set").Call(jen.Lit(p.Name), e.format(val, t))
		return
	}
	list := e.itemsOf(g, local.ItemsOf.Of(p.Field.Name), val, t)
	g.Id(local.Req).Dot("header").Dot("Set").Call(jen.Lit(p.Name), jen.Id("styleParam").Call(jen.Lit("simple"), jen.Lit(p.Explode),
		jen.Lit(p.Name), jen.Lit(isObject(t)), list, jen.Id("headerText")))
}

// cookieParam writes code adding cookie parameter p to req: form style, where an
// exploded list or object is one cookie per pair.
func (e *emitter) cookieParam(g *jen.Group, p *ir.Parameter, val jen.Code, t *ir.TypeRef) {
	if leaf(t) {
		g.Id(local.Req).Dot("header").Dot("Add").Call(jen.Lit("Cookie"), jen.Lit(queryKey(p.Name)+"=").Op("+").Qual("net/url", "QueryEscape").Call(e.format(val, t)))
		return
	}
	list := e.itemsOf(g, local.ItemsOf.Of(p.Field.Name), val, t)
	g.Id(local.Req).Dot("header").Dot("Add").Call(jen.Lit("Cookie"), jen.Qual("strings", "ReplaceAll").Call(
		jen.Id("styleParam").Call(jen.Lit("form"), jen.Lit(p.Explode), jen.Lit(queryKey(p.Name)), jen.Lit(isObject(t)), list, jen.Qual("net/url", "QueryEscape")),
		jen.Lit("&"), jen.Lit("; ")))
}

// formBody writes code setting req's body to op's form or multipart body.
func (e *emitter) formBody(g *jen.Group, op *ir.Operation) {
	base := jen.Id(local.Params)
	guard := func(g *jen.Group, body func(g *jen.Group)) { body(g) }
	if op.BodyField != nil {
		base = jen.Id(local.Params).Dot(op.BodyField.Name)
		if op.BodyField.Type.Kind == ir.Pointer {
			guard = func(g *jen.Group, body func(g *jen.Group)) {
				g.If(jen.Add(base).Op("!=").Nil()).BlockFunc(body)
			}
		}
	}
	fields := func(g *jen.Group, each func(g *jen.Group, ff *ir.FormField, val jen.Code, t *ir.TypeRef)) {
		guard(g, func(g *jen.Group) {
			if op.FormFields == nil && op.BodyField != nil {
				e.otherFormBody(g, base, op.BodyField.Type, op.BodyEncoding)
				return
			}
			for _, ff := range op.FormFields {
				cond, val, t := sentValue(jen.Add(base).Dot(ff.Field.Name), ff.Field)
				ifSent(g, cond, func(g *jen.Group) { each(g, ff, val, t) })
			}
		})
	}
	if op.BodyEncoding == ir.Form {
		g.Id(local.Form).Op(":=").Op("&").Id("pairs").Values()
		fields(g, func(g *jen.Group, ff *ir.FormField, val jen.Code, t *ir.TypeRef) {
			e.writeQueryParam(g, local.Form, ff.Field.WireName, val, t, ff.Style, ff.Explode, local.ItemsOf.Of(ff.Field.Name))
		})
		g.List(jen.Id(local.Req).Dot("body"), jen.Id(local.Req).Dot("contentType")).Op("=").List(jen.Index().Byte().Parens(jen.Id(local.Form).Dot("encode").Call()), jen.Lit(op.Body))
		return
	}
	g.List(jen.Id(local.Body), jen.Id(local.CT), jen.Id(local.Err)).Op(":=").Id("multipartBody").Call(jen.Func().Params(jen.Id(local.W).Op("*").Qual("mime/multipart", "Writer")).Error().BlockFunc(func(g *jen.Group) {
		fields(g, func(g *jen.Group, ff *ir.FormField, val jen.Code, t *ir.TypeRef) { e.writePart(g, ff, val, t) })
		g.Return(jen.Nil())
	}))
	g.If(jen.Id(local.Err).Op("!=").Nil()).Block(failWith(op, jen.Id(local.Err)))
	g.List(jen.Id(local.Req).Dot("body"), jen.Id(local.Req).Dot("contentType")).Op("=").List(jen.Id(local.Body), jen.Id(local.CT))
}

// otherFormBody writes a form body that is no struct: a map's entries as fields in key
// order; anything else as the JSON text of one field "body".
func (e *emitter) otherFormBody(g *jen.Group, val jen.Code, t *ir.TypeRef, enc ir.Encoding) {
	t = bare(t)
	if enc == ir.Form {
		if t.Kind == ir.Map {
			g.For(jen.List(jen.Id("_"), jen.Id(local.K)).Op(":=").Range().Add(sortedKeys(val))).BlockFunc(func(g *jen.Group) {
				e.addDeep(g, local.Form, wireKey{jen.Id(local.K)}, operand(val).Index(jen.Id(local.K)), t.Elem, 1)
			})
			return
		}
		g.Id(local.Form).Dot("add").Call(jen.Lit("body"), jen.Id("jsonText").Call(val))
		return
	}
	g.If(jen.Id(local.Err).Op(":=").Id(local.W).Dot("WriteField").Call(jen.Lit("body"), jen.Id("jsonText").Call(val)), jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id(local.Err)))
}

// writePart writes code adding a multipart body's property: a leaf as one text part, a list
// as one part per element, anything else as a JSON part.
func (e *emitter) writePart(g *jen.Group, ff *ir.FormField, val jen.Code, t *ir.TypeRef) {
	name := ff.Field.WireName
	write := func(g *jen.Group, text jen.Code) {
		var call jen.Code
		if ff.ContentType != "" {
			call = jen.Id("writePart").Call(jen.Id(local.W), jen.Lit(name), jen.Lit(ff.ContentType), jen.Index().Byte().Parens(text))
		} else {
			call = jen.Id(local.W).Dot("WriteField").Call(jen.Lit(name), text)
		}
		g.If(jen.Id(local.Err).Op(":=").Add(call), jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id(local.Err)))
	}
	file := func(g *jen.Group, val jen.Code) {
		ct := jen.Add(operand(val)).Dot("ContentType")
		if ff.ContentType != "" {
			ct = jen.Lit(ff.ContentType)
		}
		g.If(jen.Id(local.Err).Op(":=").Id("writeFile").Call(jen.Id(local.W), jen.Lit(name), jen.Add(operand(val)).Dot("Name"), ct, jen.Add(operand(val)).Dot("Content")), jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id(local.Err)))
	}
	switch {
	case t.Kind == ir.File:
		file(g, val)
	case isFiles(t):
		g.For(jen.List(jen.Id("_"), jen.Id(local.F)).Op(":=").Range().Add(val)).BlockFunc(func(g *jen.Group) { file(g, jen.Id(local.F)) })
	case leaf(t):
		write(g, e.format(val, t))
	case isObject(t):
		ct := ff.ContentType
		if ct == "" {
			ct = "application/json"
		}
		g.BlockFunc(func(g *jen.Group) {
			g.List(jen.Id(local.Data), jen.Id(local.Err)).Op(":=").Qual("encoding/json", "Marshal").Call(val)
			g.If(jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id(local.Err)))
			g.If(jen.Id(local.Err).Op(":=").Id("writePart").Call(jen.Id(local.W), jen.Lit(name), jen.Lit(ct), jen.Id(local.Data)), jen.Id(local.Err).Op("!=").Nil()).Block(jen.Return(jen.Id(local.Err)))
		})
	default:
		items := e.itemsOf(g, local.ItemsOf.Of(ff.Field.Name), val, t)
		g.For(jen.List(jen.Id("_"), jen.Id(local.S)).Op(":=").Range().Add(items)).BlockFunc(func(g *jen.Group) { write(g, jen.Id(local.S)) })
	}
}

// ---- server ----

// failFunc writes the statements that give up on a value: err already names it.
type failFunc func(err jen.Code) []jen.Code

// parseInto writes code parsing the text src into dst, of type t; what does not parse fails
// with an error naming name.
func (e *emitter) parseInto(g *jen.Group, src, dst jen.Code, t *ir.TypeRef, name jen.Code, depth int, fail failFunc) {
	bad := func(err jen.Code) []jen.Code { return fail(jen.Id("badParam").Call(name, err)) }
	v := local.V1.At(depth)
	switch t.Kind {
	case ir.Pointer, ir.Nullable:
		if t.Kind == ir.Nullable {
			// Null travels as the empty value.
			g.If(jen.Add(src).Op("==").Lit("")).Block(jen.Add(dst).Op("=").Add(e.null(t))).Else().BlockFunc(func(g *jen.Group) {
				e.parseWrapped(g, src, dst, t, name, depth, fail)
			})
			return
		}
		e.parseWrapped(g, src, dst, t, name, depth, fail)
		return
	case ir.Any:
		g.Add(dst).Op("=").Add(src)
		return
	case ir.Builtin:
		if t.Builtin == ir.String {
			g.Add(dst).Op("=").Add(src)
			return
		}
	case ir.Named:
		if t.Named.Kind == ir.Enum {
			u := t.Named.Underlying
			if u.Is(ir.String) {
				g.Add(dst).Op("=").Add(e.typeExpr(t)).Call(src)
				return
			}
			call, _ := parseCall(src, u)
			g.If(jen.List(jen.Id(v), jen.Id(local.Err)).Op(":=").Add(call), jen.Id(local.Err).Op("==").Nil()).Block(
				jen.Add(dst).Op("=").Add(e.typeExpr(t)).Call(jen.Id(v)),
			).Else().Block(bad(jen.Id(local.Err))...)
			return
		}
	}
	call, conv := parseCall(src, t)
	if call == nil {
		// Anything else travels as JSON.
		g.If(jen.Id(local.Err).Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Index().Byte().Parens(src), jen.Op("&").Add(dst)), jen.Id(local.Err).Op("!=").Nil()).Block(bad(jen.Id(local.Err))...)
		return
	}
	var value jen.Code = jen.Id(v)
	if conv {
		value = e.typeExpr(t).Call(jen.Id(v))
	}
	g.If(jen.List(jen.Id(v), jen.Id(local.Err)).Op(":=").Add(call), jen.Id(local.Err).Op("==").Nil()).Block(
		jen.Add(dst).Op("=").Add(value),
	).Else().Block(bad(jen.Id(local.Err))...)
}

// parseWrapped parses src into dst, a pointer or Nullable t, through a value of t.Elem.
func (e *emitter) parseWrapped(g *jen.Group, src, dst jen.Code, t *ir.TypeRef, name jen.Code, depth int, fail failFunc) {
	bad := func(err jen.Code) []jen.Code { return fail(jen.Id("badParam").Call(name, err)) }
	v := local.V1.At(depth)
	if call, conv := parseCall(src, t.Elem); call != nil {
		set := []jen.Code{jen.Add(dst).Op("=").Add(e.wrapValue(jen.Id(v), t))}
		if conv {
			w := local.W1.At(depth)
			set = []jen.Code{
				jen.Id(w).Op(":=").Add(e.typeExpr(t.Elem)).Call(jen.Id(v)),
				jen.Add(dst).Op("=").Add(e.wrapValue(jen.Id(w), t)),
			}
		}
		g.If(jen.List(jen.Id(v), jen.Id(local.Err)).Op(":=").Add(call), jen.Id(local.Err).Op("==").Nil()).Block(set...).Else().Block(bad(jen.Id(local.Err))...)
		return
	}
	if t.Kind == ir.Pointer && !scalar(t.Elem) && t.Elem.Kind != ir.Any {
		// encoding/json allocates the pointer.
		g.If(jen.Id(local.Err).Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Index().Byte().Parens(src), jen.Op("&").Add(dst)), jen.Id(local.Err).Op("!=").Nil()).Block(bad(jen.Id(local.Err))...)
		return
	}
	g.BlockFunc(func(g *jen.Group) {
		g.Var().Id(v).Add(e.typeExpr(t.Elem))
		e.parseInto(g, src, jen.Id(v), t.Elem, name, depth+1, fail)
		g.Add(dst).Op("=").Add(e.wrapValue(jen.Id(v), t))
	})
}

// null is the Nullable t's null.
func (e *emitter) null(t *ir.TypeRef) jen.Code {
	return jen.Qual(e.runtimePath(), "Null").Types(e.typeExpr(t.Elem)).Call()
}

// wrapValue is v as the pointer or Nullable t.
func (e *emitter) wrapValue(v jen.Code, t *ir.TypeRef) jen.Code {
	if t.Kind == ir.Pointer {
		return jen.Op("&").Add(v)
	}
	return jen.Qual(e.runtimePath(), "NullableOf").Call(v)
}

// parseCall is the call that parses src as a t, and whether its result needs converting to
// t; nil for types that have no text form of their own.
func parseCall(src jen.Code, t *ir.TypeRef) (jen.Code, bool) {
	switch t.Kind {
	case ir.Time:
		return jen.Qual("time", "Parse").Call(jen.Qual("time", "RFC3339Nano"), src), false
	case ir.Slice:
		if t.Elem.Is(ir.Byte) {
			return jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(src), false
		}
		return nil, false
	case ir.Builtin:
	default:
		return nil, false
	}
	switch t.Builtin {
	case ir.Bool:
		return jen.Qual("strconv", "ParseBool").Call(src), false
	case ir.Int, ir.Int32, ir.Int64:
		return jen.Qual("strconv", "ParseInt").Call(src, jen.Lit(10), jen.Lit(t.Builtin.Bits())), t.Builtin != ir.Int64
	case ir.Byte:
		return jen.Qual("strconv", "ParseUint").Call(src, jen.Lit(10), jen.Lit(8)), true
	case ir.Float64:
		return jen.Qual("strconv", "ParseFloat").Call(src, jen.Lit(t.Builtin.Bits())), t.Builtin != ir.Float64
	}
	return nil, false
}

// fromItems writes code reading the []string variable items (what styleItems or formItems
// found) into dst, of type t.
func (e *emitter) fromItems(g *jen.Group, items string, dst jen.Code, t *ir.TypeRef, name jen.Code, depth int, fail failFunc) {
	i, v := local.I1.At(depth), local.V1.At(depth)
	switch {
	case t.Kind == ir.Pointer, t.Kind == ir.Nullable:
		g.BlockFunc(func(g *jen.Group) {
			g.Var().Id(v).Add(e.typeExpr(t.Elem))
			e.fromItems(g, items, jen.Id(v), t.Elem, name, depth+1, fail)
			g.Add(dst).Op("=").Add(e.wrapValue(jen.Id(v), t))
		})
	case leaf(t):
		e.parseInto(g, jen.Id(items).Index(jen.Lit(0)), dst, t, name, depth, fail)
	case t.Kind == ir.Slice && t.Elem.Is(ir.String):
		g.Add(dst).Op("=").Id(items)
	case t.Kind == ir.Slice:
		g.Add(dst).Op("=").Make(e.typeExpr(t), jen.Len(jen.Id(items)))
		g.For(jen.List(jen.Id(i), jen.Id(local.S1.At(depth))).Op(":=").Range().Id(items)).BlockFunc(func(g *jen.Group) {
			if t.Elem.Kind == ir.Pointer {
				// The empty value is a null item: nil.
				g.If(jen.Id(local.S1.At(depth)).Op("==").Lit("")).Block(jen.Continue())
			}
			e.parseInto(g, jen.Id(local.S1.At(depth)), jen.Add(dst).Index(jen.Id(i)), t.Elem, name, depth+1, fail)
		})
	case t.Kind == ir.Map:
		g.Add(dst).Op("=").Make(e.typeExpr(t), jen.Len(jen.Id(items)).Op("/").Lit(2))
		g.For(jen.Id(i).Op(":=").Lit(0), jen.Id(i).Op("+").Lit(1).Op("<").Len(jen.Id(items)), jen.Id(i).Op("+=").Lit(2)).BlockFunc(func(g *jen.Group) {
			g.Var().Id(v).Add(e.typeExpr(t.Elem))
			e.parseInto(g, jen.Id(items).Index(jen.Id(i).Op("+").Lit(1)), jen.Id(v), t.Elem, name, depth+1, fail)
			g.Add(dst).Index(jen.Id(items).Index(jen.Id(i))).Op("=").Id(v)
		})
	case t.Kind == ir.Named:
		g.For(jen.Id(i).Op(":=").Lit(0), jen.Id(i).Op("+").Lit(1).Op("<").Len(jen.Id(items)), jen.Id(i).Op("+=").Lit(2)).Block(
			jen.Switch(jen.Id(items).Index(jen.Id(i))).BlockFunc(func(g *jen.Group) {
				for _, f := range t.Named.Fields {
					g.Case(jen.Lit(f.WireName)).BlockFunc(func(g *jen.Group) {
						e.parseInto(g, jen.Id(items).Index(jen.Id(i).Op("+").Lit(1)), jen.Add(dst).Dot(f.Name), f.Type, name, depth+1, fail)
					})
				}
			}),
		)
	}
}

// readDeep writes code reading dst, of type t, from the url.Values values under key in
// deepObject style: the reverse of addDeep.
func (e *emitter) readDeep(g *jen.Group, values string, key wireKey, dst jen.Code, t *ir.TypeRef, depth int, fail failFunc) {
	v := local.V1.At(depth)
	switch {
	case t.Kind == ir.Nullable:
		// Null travels as the empty value.
		g.If(jen.Id("nullKey").Call(jen.Id(values), key.code())).Block(jen.Add(dst).Op("=").Add(e.null(t))).Else().If(jen.Id("hasKey").Call(jen.Id(values), key.code())).BlockFunc(func(g *jen.Group) {
			g.Var().Id(v).Add(e.typeExpr(t.Elem))
			e.readDeep(g, values, key, jen.Id(v), t.Elem, depth+1, fail)
			g.Add(dst).Op("=").Add(e.wrapValue(jen.Id(v), t))
		})
	case t.Kind == ir.Pointer:
		g.If(jen.Id("hasKey").Call(jen.Id(values), key.code())).BlockFunc(func(g *jen.Group) {
			g.Var().Id(v).Add(e.typeExpr(t.Elem))
			e.readDeep(g, values, key, jen.Id(v), t.Elem, depth+1, fail)
			g.Add(dst).Op("=").Add(e.wrapValue(jen.Id(v), t))
		})
	case deepUnion(t):
		// Keys under key are the object alternative; key itself the other.
		obj, text := unionAlternatives(t.Named)
		read := func(g *jen.Group, alt *ir.Variant) {
			fd, ft := jen.Add(dst).Dot(alt.Field.Name), alt.Field.Type
			if alt.Empty {
				g.If(jen.Id(values).Index(key.code()).Index(jen.Lit(0)).Op("==").Lit("")).Block(jen.Add(fd).Op("=").True())
				return
			}
			if ft.Kind != ir.Pointer {
				e.readDeep(g, values, key, fd, ft, depth, fail)
				return
			}
			g.Var().Id(v).Add(e.typeExpr(ft.Elem))
			e.readDeep(g, values, key, jen.Id(v), ft.Elem, depth+1, fail)
			g.Add(fd).Op("=").Op("&").Id(v)
		}
		g.Switch().BlockFunc(func(g *jen.Group) {
			g.Case(jen.Len(jen.Id("subKeys").Call(jen.Id(values), key.code())).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) { read(g, obj) })
			if text != nil {
				g.Case(jen.Id("hasKey").Call(jen.Id(values), key.code())).BlockFunc(func(g *jen.Group) { read(g, text) })
			}
		})
	case leaf(t):
		g.If(jen.Id(local.VS1.At(depth)).Op(":=").Id(values).Index(key.code()), jen.Len(jen.Id(local.VS1.At(depth))).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) {
			e.parseInto(g, jen.Id(local.VS1.At(depth)).Index(jen.Lit(0)), dst, t, key.code(), depth+1, fail)
		})
	case t.Kind == ir.Slice:
		// Every index up to the highest sent: an item that wrote no key (an empty object)
		// is the zero value, a null one (the empty value) nil.
		i, n := local.I1.At(depth), local.N1.At(depth)
		k := key.sub(jen.Qual("strconv", "Itoa").Call(jen.Id(i)))
		g.For(jen.List(jen.Id(i), jen.Id(n)).Op(":=").List(jen.Lit(0), jen.Id("deepLen").Call(jen.Id(values), key.code())), jen.Id(i).Op("<").Id(n), jen.Id(i).Op("++")).BlockFunc(func(g *jen.Group) {
			g.Var().Id(v).Add(e.typeExpr(t.Elem))
			read := func(g *jen.Group) { e.readDeep(g, values, k, jen.Id(v), t.Elem, depth+1, fail) }
			if t.Elem.Kind == ir.Pointer {
				g.If(jen.Op("!").Id("nullKey").Call(jen.Id(values), k.code())).BlockFunc(read)
			} else {
				read(g)
			}
			g.Add(dst).Op("=").Append(dst, jen.Id(v))
		})
	case t.Kind == ir.Map:
		k := local.K1.At(depth)
		g.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Id("subKeys").Call(jen.Id(values), key.code())).BlockFunc(func(g *jen.Group) {
			g.If(jen.Add(dst).Op("==").Nil()).Block(jen.Add(dst).Op("=").Add(e.typeExpr(t)).Values())
			g.Var().Id(v).Add(e.typeExpr(t.Elem))
			read := func(g *jen.Group) { e.readDeep(g, values, key.sub(jen.Id(k)), jen.Id(v), t.Elem, depth+1, fail) }
			if t.Elem.Kind == ir.Pointer {
				g.If(jen.Op("!").Id("nullKey").Call(jen.Id(values), key.sub(jen.Id(k)).code())).BlockFunc(read)
			} else {
				read(g)
			}
			g.Add(dst).Index(jen.Id(k)).Op("=").Id(v)
		})
	case t.Kind == ir.Named:
		call := jen.Id(e.deep.name(helper.ReadDeep, t.Named)).Call(jen.Id(values), key.code(), jen.Op("&").Add(dst))
		g.If(jen.Id(local.Err).Op(":=").Add(call), jen.Id(local.Err).Op("!=").Nil()).Block(fail(jen.Id(local.Err))...)
	}
}

// deepReaders writes the functions readDeep calls, including those they call in turn.
func (e *emitter) deepReaders(f *jen.File) {
	fail := func(err jen.Code) []jen.Code { return []jen.Code{jen.Return(err)} }
	for i := 0; i < len(e.deep.order); i++ {
		t := e.deep.order[i]
		name := e.deep.names[t]
		f.Commentf("// %s reads x from values under key in deepObject style.", name)
		f.Func().Id(name).Params(jen.Id(local.Values).Qual("net/url", "Values"), jen.Id(local.Key).String(), jen.Id(local.X).Op("*").Add(e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: t}))).Error().BlockFunc(func(g *jen.Group) {
			for _, fl := range t.Fields {
				e.readDeep(g, local.Values, wireKey{jen.Id(local.Key)}.sub(fl.WireName), jen.Id(local.X).Dot(fl.Name), fl.Type, 1, fail)
			}
			g.Return(jen.Nil())
		})
	}
}

// objectKeys is the keys of an exploded form-style object: a struct's properties, nil (every
// other key) for a map.
func objectKeys(t *ir.TypeRef) jen.Code {
	t = bare(t)
	if t.Kind != ir.Named || t.Named.Kind != ir.Struct {
		return jen.Nil()
	}
	var keys []jen.Code
	for _, f := range t.Named.Fields {
		keys = append(keys, jen.Lit(f.WireName))
	}
	return jen.Index().String().Values(keys...)
}

// needsRaw reports whether a value in a form style is split into items before it is
// unescaped: a non-exploded list or object.
func needsRaw(style ir.Style, explode bool, t *ir.TypeRef) bool {
	return style != ir.StyleDeepObject && !explode && !leaf(bare(t)) && (isList(t) || isObject(t))
}

// readFormParam writes code reading a query or cookie parameter, or a urlencoded form
// body's property, from the url.Values values in its style. others are the names of the
// other parameters in values, which an exploded map does not take.
func (e *emitter) readFormParam(g *jen.Group, values, raw, name string, dst jen.Code, t *ir.TypeRef, style ir.Style, explode bool, others []string, fail failFunc) {
	if style == ir.StyleDeepObject {
		e.readDeep(g, values, wireKey{name}, dst, t, 1, fail)
		return
	}
	if leaf(bare(t)) {
		g.If(jen.Id(local.VS).Op(":=").Id(values).Index(jen.Lit(name)), jen.Len(jen.Id(local.VS)).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) {
			e.parseInto(g, jen.Id(local.VS).Index(jen.Lit(0)), dst, t, jen.Lit(name), 1, fail)
		})
		return
	}
	var other jen.Code = jen.Nil()
	if b := bare(t); b.Kind == ir.Map && explode && len(others) > 0 {
		var lits []jen.Code
		for _, o := range others {
			lits = append(lits, jen.Lit(o))
		}
		other = jen.Index().String().Values(lits...)
	}
	var keys jen.Code = jen.Nil()
	if explode && isObject(t) {
		keys = objectKeys(t)
	}
	var rawValues jen.Code = jen.Nil()
	if needsRaw(style, explode, t) {
		rawValues = jen.Id(raw)
	}
	g.If(jen.List(jen.Id(local.Items), jen.Id(local.OK)).Op(":=").Id("formItems").Call(jen.Id(values), rawValues, jen.Lit(style.String()), jen.Lit(explode), jen.Lit(name),
		jen.Lit(isList(t)), jen.Lit(isObject(t)), keys, other), jen.Id(local.OK)).BlockFunc(func(g *jen.Group) {
		e.fromItems(g, local.Items, dst, t, jen.Lit(name), 1, fail)
	})
}
