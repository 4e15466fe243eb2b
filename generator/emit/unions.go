package emit

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// unionHelpers records which decoding helpers a file's unions call, so that only those are
// written.
type unionHelpers struct {
	any, tag, has, is, only, items bool
}

// union writes a oneOf/anyOf type: a struct with one field per alternative, encoded as the
// alternative that is set and decoded into the one the value is, by its discriminator, else
// by its kind of JSON value and, among objects, by the properties it has.
func (e *emitter) union(f *jen.File, t *ir.Type, h *unionHelpers) {
	e.from(t.Pos)
	h.any = true
	var items []jen.Code
	for _, v := range t.Variants {
		e.from(v.Field.Pos)
		items = append(items, e.innerDoc(v.Field.Doc)...)
		items = append(items, jen.Id(v.Field.Name).Add(e.typeExpr(v.Field.Type)))
	}
	if t.Unknown != "" {
		h.tag = true
		items = append(items, e.innerDoc(t.UnknownDoc)...)
		items = append(items, jen.Id(t.Unknown).Qual("encoding/json", "RawMessage"))
	}
	f.Add(e.doc(t.Doc)).Type().Id(t.Name).Struct(items...)

	f.Comment("// MarshalJSON encodes the alternative that is set, or null.")
	f.Func().Params(jen.Id(local.U).Id(t.Name)).Id(method.MarshalJSON).Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		for _, v := range t.Variants {
			val := jen.Id(local.U).Dot(v.Field.Name)
			if v.Empty {
				g.If(val).Block(jen.Return(jen.Index().Byte().Parens(jen.Lit(`""`)), jen.Nil()))
				continue
			}
			g.If(variantSet(val, v.Field.Type)).BlockFunc(func(g *jen.Group) {
				e.fillTag(g, t, v, val)
				g.Return(jen.Qual("encoding/json", "Marshal").Call(val))
			})
		}
		if t.Unknown != "" {
			g.If(jen.Id(local.U).Dot(t.Unknown).Op("!=").Nil()).Block(jen.Return(jen.Id(local.U).Dot(t.Unknown), jen.Nil()))
		}
		g.Return(jen.Index().Byte().Parens(jen.Lit("null")), jen.Nil())
	})

	f.Add(e.doc(decodeDoc(t))).Func().Params(jen.Id(local.U).Op("*").Id(t.Name)).Id(method.UnmarshalJSON).Params(jen.Id(local.Data).Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id(local.U).Op("=").Id(t.Name).Values()
		g.Switch(jen.Id(helper.UnionToken).Call(jen.Id(local.Data))).BlockFunc(func(sw *jen.Group) {
			sw.Case(jen.LitRune('n')).Block(jen.Return(jen.Nil()))
			for _, tok := range tokens {
				group := candidates(t, tok)
				if len(group) == 0 {
					continue
				}
				sw.Case(jen.LitRune(rune(tok.b))).BlockFunc(func(c *jen.Group) {
					switch tok.b {
					case '{':
						e.objectCase(c, t, group, h)
					case '[':
						e.arrayCase(c, t, group, h)
					default:
						e.scalarCase(c, t, group)
					}
				})
			}
		})
		g.Return(jen.Qual("errors", "New").Call(jen.Lit(t.Name + ": the value is none of the alternatives")))
	})
}

// decodeDoc is the doc comment of a union's UnmarshalJSON: how a value finds its alternative.
func decodeDoc(t *ir.Type) string {
	var b strings.Builder
	b.WriteString("UnmarshalJSON decodes data into the alternative it is: ")
	if t.Discriminator != "" {
		b.WriteString("for an object with a string " + strconv.Quote(t.Discriminator) + ", the alternative it names; else ")
	}
	b.WriteString("the one alternative that takes its kind of JSON value (an integer fits integer alternatives " +
		"before number ones) or, when several do, the first in spec order that fits it: for an object, the first " +
		"whose required and fixed-value properties it has (and no others, when closed), or that asks for none " +
		"and decodes it; ")
	if itemsTell(candidates(t, tokens[1])) {
		b.WriteString("for an array, the first whose item type each of its items fits as an object above (an " +
			"empty array fits the first), or whose items are not told apart and that decodes it; the last " +
			"alternative, when its items are told apart, takes any array left; ")
	}
	b.WriteString("for another value, " +
		"the first that decodes it and holds its value. A value that fits none is an error, and so is one the " +
		"chosen alternative cannot decode.")
	return b.String()
}

// variantSet is the condition that the alternative in val, of type t, is the one set; nil for
// a type that cannot be unset.
func variantSet(val jen.Code, t *ir.TypeRef) jen.Code {
	switch {
	case t.Kind == ir.Nullable:
		return jen.Op("!").Add(val).Dot("IsZero").Call()
	case t.Nilable():
		return jen.Add(val).Op("!=").Nil()
	}
	return nil
}

// token is a kind of JSON value as unionToken tells it, and the variants that take it.
type token struct {
	b     byte
	kinds []ir.JSONKinds
}

// tokens are the kinds of JSON value, in the order the decoder's switch lists them. An
// integer fits integer alternatives first, then number ones.
var tokens = []token{
	{'{', []ir.JSONKinds{ir.JSONObject}},
	{'[', []ir.JSONKinds{ir.JSONArray}},
	{'"', []ir.JSONKinds{ir.JSONString}},
	{'t', []ir.JSONKinds{ir.JSONBool}},
	{'0', []ir.JSONKinds{ir.JSONInteger, ir.JSONNumber}},
	{'.', []ir.JSONKinds{ir.JSONNumber}},
}

// candidates are the variants of t that take a value of kind tok, in the order they are tried.
func candidates(t *ir.Type, tok token) []*ir.Variant {
	var out []*ir.Variant
	for _, k := range tok.kinds {
		for _, v := range t.Variants {
			if v.JSON&k != 0 && !containsVariant(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

func containsVariant(list []*ir.Variant, v *ir.Variant) bool {
	for _, w := range list {
		if w == v {
			return true
		}
	}
	return false
}

// isStructVariant reports whether v is an object type with properties, told apart from other
// objects by them.
func isStructVariant(v *ir.Variant) bool {
	t := v.Field.Type
	if t.Kind == ir.Pointer {
		t = t.Elem
	}
	return t.Kind == ir.Named && t.Named.Kind == ir.Struct
}

// objectCase decodes a JSON object: by the discriminator when the object has one, else into
// the first alternative whose properties it has.
func (e *emitter) objectCase(c *jen.Group, t *ir.Type, group []*ir.Variant, h *unionHelpers) {
	if t.Discriminator != "" {
		// An alternative that requires the discriminator cannot be an object without it.
		var rest []*ir.Variant
		for _, v := range group {
			if !pinsRequired(v, t.Discriminator) {
				rest = append(rest, v)
			}
		}
		group = rest
	}
	if t.Discriminator != "" || len(group) > 1 && needsObject(group) {
		c.Var().Id(local.Obj).Map(jen.String()).Qual("encoding/json", "RawMessage")
		c.If(jen.Id(local.Err).Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Data), jen.Op("&").Id(local.Obj)), jen.Id(local.Err).Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(t.Name+": %w"), jen.Id(local.Err))))
	}
	if t.Discriminator != "" {
		c.If(jen.List(jen.Id(local.Tag), jen.Id(local.OK)).Op(":=").Id(helper.UnionTag).Call(jen.Id(local.Obj), jen.Lit(t.Discriminator)), jen.Id(local.OK)).BlockFunc(func(g *jen.Group) {
			g.Switch(jen.Id(local.Tag)).BlockFunc(func(sw *jen.Group) { e.tagCases(sw, t, h) })
			g.Id(local.U).Dot(t.Unknown).Op("=").Qual("bytes", "Clone").Call(jen.Id(local.Data))
			g.Return(jen.Nil())
		})
	}
	switch len(group) {
	case 0:
	case 1:
		addAll(c, e.decodeInto(t, group[0]))
	default:
		e.firstFit(c, t, group, h, "")
	}
}

// tagCases are the cases of the discriminator's switch. A value several alternatives share
// (OpenAI's "type": "message" with a "role" of its own in each) selects the first of them
// that fits; an object that fits none of them is kept in Unknown.
func (e *emitter) tagCases(sw *jen.Group, t *ir.Type, h *unionHelpers) {
	var order []string
	by := map[string][]*ir.Variant{}
	for _, v := range t.Variants {
		for _, tag := range v.Tags {
			if by[tag] == nil {
				order = append(order, tag)
			}
			by[tag] = append(by[tag], v)
		}
	}
	for _, v := range t.Variants {
		var own []jen.Code
		for _, tag := range v.Tags {
			if len(by[tag]) == 1 {
				own = append(own, jen.Lit(tag))
			}
		}
		if len(own) > 0 {
			sw.Case(own...).Block(e.decodeInto(t, v)...)
		}
	}
	for _, tag := range order {
		if vs := by[tag]; len(vs) > 1 {
			sw.Case(jen.Lit(tag)).BlockFunc(func(g *jen.Group) { e.firstFit(g, t, vs, h, t.Discriminator) })
		}
	}
}

// needsObject reports whether telling group apart reads the object's properties.
func needsObject(group []*ir.Variant) bool {
	for _, v := range group {
		if isStructVariant(v) && objectCondition(v, &unionHelpers{}, "") != nil {
			return true
		}
	}
	return false
}

// firstFit takes the value as the first alternative of group that fits it: an object type
// whose properties obj has (its decoding errors are the union's), or another type that
// decodes it. An object type that asks for no property is tried like the latter, unless it
// is the last one.
func (e *emitter) firstFit(c *jen.Group, t *ir.Type, group []*ir.Variant, h *unionHelpers, known string) {
	for i, v := range group {
		cond := objectCondition(v, h, known)
		switch {
		case !isStructVariant(v) || cond == nil && i < len(group)-1:
			c.Add(e.tryDecode(v))
		case cond == nil:
			addAll(c, e.decodeInto(t, v))
		default:
			c.If(cond).Block(e.decodeInto(t, v)...)
		}
	}
}

func pinsRequired(v *ir.Variant, property string) bool {
	for _, p := range v.Pins {
		if p.Property == property && p.Required {
			return true
		}
	}
	return false
}

// objectCondition is the condition that the object in obj can be v; nil when any object can.
// known is a property already found to hold a value of v, or "".
func objectCondition(v *ir.Variant, h *unionHelpers, known string) jen.Code {
	if !isStructVariant(v) {
		return nil
	}
	return matchCondition(&v.Match, h, known)
}

// matchCondition is the condition that the object in obj has what m asks for; nil when it
// asks for nothing.
func matchCondition(m *ir.Match, h *unionHelpers, known string) jen.Code {
	var conds []jen.Code
	pinned := map[string]bool{}
	for _, p := range m.Pins {
		if p.Required || p.Property == known {
			pinned[p.Property] = true
		}
	}
	var required []jen.Code
	for _, r := range m.Required {
		if !pinned[r] {
			required = append(required, jen.Lit(r))
		}
	}
	if len(required) > 0 {
		h.has = true
		conds = append(conds, jen.Id(helper.UnionHas).Call(append([]jen.Code{jen.Id(local.Obj)}, required...)...))
	}
	for _, p := range m.Pins {
		if p.Property == known {
			continue
		}
		h.is = true
		raw := jen.Id(local.Obj).Index(jen.Lit(p.Property))
		args := []jen.Code{raw}
		for _, val := range p.Values {
			args = append(args, jen.Lit(val))
		}
		is := jen.Id(helper.UnionIs).Call(args...)
		if !p.Required {
			is = jen.Parens(jen.Id(local.Obj).Index(jen.Lit(p.Property)).Op("==").Nil().Op("||").Add(is))
		}
		conds = append(conds, is)
	}
	if m.Closed {
		h.only = true
		args := []jen.Code{jen.Id(local.Obj)}
		for _, k := range m.Known {
			args = append(args, jen.Lit(k))
		}
		conds = append(conds, jen.Id(helper.UnionOnly).Call(args...))
	}
	if len(conds) == 0 {
		return nil
	}
	return join(conds, "&&")
}

// arrayCase decodes a JSON array, in spec order: an alternative whose items are objects told
// apart by their properties takes it when each item fits one of its item types (the last
// alternative takes it whatever its items); another takes it when it decodes.
func (e *emitter) arrayCase(c *jen.Group, t *ir.Type, group []*ir.Variant, h *unionHelpers) {
	if !itemsTell(group) {
		e.scalarCase(c, t, group)
		return
	}
	h.items = true
	c.Id(local.Items).Op(":=").Id(helper.UnionItems).Call(jen.Id(local.Data))
	for i, v := range group {
		switch {
		case v.Items == nil:
			c.Add(e.tryDecode(v))
		case i == len(group)-1:
			addAll(c, e.decodeInto(t, v))
		default:
			var fits []jen.Code
			for _, m := range v.Items {
				fits = append(fits, matchCondition(m, h, ""))
			}
			fit := jen.Func().Params(jen.Id(local.Obj).Add(rawObject())).Bool().Block(jen.Return(join(fits, "||")))
			c.If(jen.Id(helper.UnionEach).Call(jen.Id(local.Items), fit)).Block(e.decodeInto(t, v)...)
		}
	}
}

// itemsTell reports whether the items of an array tell an alternative of group, other than
// the last, apart from the others.
func itemsTell(group []*ir.Variant) bool {
	return len(group) > 1 && slices.ContainsFunc(group[:len(group)-1], func(v *ir.Variant) bool { return v.Items != nil })
}

// scalarCase decodes a JSON value other than an object: into the one alternative that takes
// its kind, or else into the first that decodes it and whose values hold it.
func (e *emitter) scalarCase(c *jen.Group, t *ir.Type, group []*ir.Variant) {
	if len(group) == 1 && !group[0].Empty {
		addAll(c, e.decodeInto(t, group[0]))
		return
	}
	for _, v := range group {
		c.Add(e.tryDecode(v))
	}
}

// decodeInto decodes data into v and returns: v is the alternative, and its errors are the
// union's.
func (e *emitter) decodeInto(t *ir.Type, v *ir.Variant) []jen.Code {
	elem, assign := variantTarget(v)
	return []jen.Code{
		jen.Id(local.V).Op(":=").New(e.typeExpr(elem)),
		jen.If(jen.Id(local.Err).Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Data), jen.Id(local.V)), jen.Id(local.Err).Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(t.Name+": %w"), jen.Id(local.Err)))),
		jen.Id(local.U).Dot(v.Field.Name).Op("=").Add(assign),
		jen.Return(jen.Nil()),
	}
}

// tryDecode takes data as v when it decodes and is one of v's values.
func (e *emitter) tryDecode(v *ir.Variant) jen.Code {
	if v.Empty {
		return jen.If(jen.String().Parens(jen.Qual("bytes", "TrimSpace").Call(jen.Id(local.Data))).Op("==").Lit(`""`)).Block(
			jen.Id(local.U).Dot(v.Field.Name).Op("=").True(),
			jen.Return(jen.Nil()))
	}
	elem, assign := variantTarget(v)
	cond := jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Data), jen.Id(local.V)).Op("==").Nil()
	if len(v.Values) > 0 {
		var alts []jen.Code
		for _, val := range v.Values {
			alts = append(alts, jen.Op("*").Id(local.V).Op("==").Add(lit(val)))
		}
		cond = cond.Op("&&").Parens(join(alts, "||"))
	}
	return jen.If(jen.Id(local.V).Op(":=").New(e.typeExpr(elem)), cond).Block(
		jen.Id(local.U).Dot(v.Field.Name).Op("=").Add(assign),
		jen.Return(jen.Nil()))
}

// variantTarget is the type decoded into (through a new pointer) for v, and the expression
// that stores the pointer v in the field.
func variantTarget(v *ir.Variant) (*ir.TypeRef, jen.Code) {
	if t := v.Field.Type; t.Kind == ir.Pointer {
		return t.Elem, jen.Id(local.V)
	}
	return v.Field.Type, jen.Op("*").Id(local.V)
}

// write adds the helpers the file's unions call.
func (h *unionHelpers) write(f *jen.File) {
	if !h.any {
		return
	}
	f.Comment("// unionToken tells the kind of JSON value data holds by its first byte: '{', '[', '\"', 't'")
	f.Comment("// (true or false), 'n' (null), '0' (a number without fraction or exponent), '.' (any")
	f.Comment("// other number), or 0 for no value.")
	f.Func().Id(helper.UnionToken).Params(jen.Id(local.Data).Index().Byte()).Byte().Block(
		jen.Id(local.Data).Op("=").Qual("bytes", "TrimLeft").Call(jen.Id(local.Data), jen.Lit(" \t\r\n")),
		jen.If(jen.Len(jen.Id(local.Data)).Op("==").Lit(0)).Block(jen.Return(jen.Lit(0))),
		jen.Switch(jen.Id(local.C).Op(":=").Id(local.Data).Index(jen.Lit(0)), jen.Id(local.C)).Block(
			jen.Case(jen.LitRune('{'), jen.LitRune('['), jen.LitRune('"'), jen.LitRune('n')).Block(jen.Return(jen.Id(local.C))),
			jen.Case(jen.LitRune('t'), jen.LitRune('f')).Block(jen.Return(jen.LitRune('t'))),
		),
		jen.If(jen.Qual("bytes", "ContainsAny").Call(jen.Id(local.Data), jen.Lit(".eE"))).Block(jen.Return(jen.LitRune('.'))),
		jen.Return(jen.LitRune('0')),
	)
	obj := func() *jen.Statement { return jen.Id(local.Obj).Add(rawObject()) }
	if h.tag {
		f.Comment("// unionTag is the value of the discriminator property key of obj, when it is a string.")
		f.Func().Id(helper.UnionTag).Params(obj(), jen.Id(local.Key).String()).Params(jen.String(), jen.Bool()).Block(
			jen.List(jen.Id(local.Raw), jen.Id(local.OK)).Op(":=").Id(local.Obj).Index(jen.Id(local.Key)),
			jen.If(jen.Op("!").Id(local.OK)).Block(jen.Return(jen.Lit(""), jen.False())),
			jen.Var().Id(local.Tag).String(),
			jen.Id(local.Err).Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Raw), jen.Op("&").Id(local.Tag)),
			jen.Return(jen.Id(local.Tag), jen.Id(local.Err).Op("==").Nil()),
		)
	}
	if h.has {
		f.Comment("// unionHas reports whether obj has every one of keys.")
		f.Func().Id(helper.UnionHas).Params(obj(), jen.Id(local.Keys).Op("...").String()).Bool().Block(
			jen.For(jen.List(jen.Id("_"), jen.Id(local.K)).Op(":=").Range().Id(local.Keys)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Id(local.OK)).Op(":=").Id(local.Obj).Index(jen.Id(local.K)), jen.Op("!").Id(local.OK)).Block(jen.Return(jen.False()))),
			jen.Return(jen.True()),
		)
	}
	if h.is {
		f.Comment("// unionIs reports whether raw is a scalar equal to one of values, as JSON decodes it into any.")
		f.Func().Id(helper.UnionIs).Params(jen.Id(local.Raw).Qual("encoding/json", "RawMessage"), jen.Id(local.Values).Op("...").Any()).Bool().Block(
			jen.Var().Id(local.V).Any(),
			jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Raw), jen.Op("&").Id(local.V)).Op("!=").Nil()).Block(jen.Return(jen.False())),
			jen.Switch(jen.Id(local.V).Assert(jen.Type())).Block(
				jen.Case(jen.Map(jen.String()).Any(), jen.Index().Any()).Block(jen.Return(jen.False()))),
			jen.For(jen.List(jen.Id("_"), jen.Id(local.W)).Op(":=").Range().Id(local.Values)).Block(
				jen.If(jen.Id(local.V).Op("==").Id(local.W)).Block(jen.Return(jen.True()))),
			jen.Return(jen.False()),
		)
	}
	if h.items {
		f.Comment("// unionItems are the items of the array in data, when each is an object (or null); else nil.")
		f.Func().Id(helper.UnionItems).Params(jen.Id(local.Data).Index().Byte()).Index().Add(rawObject()).Block(
			jen.Var().Id(local.Items).Index().Add(rawObject()),
			jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(local.Data), jen.Op("&").Id(local.Items)).Op("!=").Nil()).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id(local.Items)),
		)
		f.Comment("// unionEach reports whether items, as unionItems decodes them, are objects that each fit.")
		f.Func().Id(helper.UnionEach).Params(jen.Id(local.Items).Index().Add(rawObject()), jen.Id(local.Fits).Func().Params(rawObject()).Bool()).Bool().Block(
			jen.For(jen.List(jen.Id("_"), jen.Id(local.Obj)).Op(":=").Range().Id(local.Items)).Block(
				jen.If(jen.Op("!").Id(local.Fits).Call(jen.Id(local.Obj))).Block(jen.Return(jen.False()))),
			jen.Return(jen.Id(local.Items).Op("!=").Nil()),
		)
	}
	if h.only {
		f.Comment("// unionOnly reports whether every property of obj is one of keys.")
		f.Func().Id(helper.UnionOnly).Params(obj(), jen.Id(local.Keys).Op("...").String()).Bool().Block(
			jen.For(jen.Id(local.K).Op(":=").Range().Id(local.Obj)).Block(
				jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id(local.Keys), jen.Id(local.K))).Block(jen.Return(jen.False()))),
			jen.Return(jen.True()),
		)
	}
}

// rawObject is the type a JSON object decodes into to read its properties.
func rawObject() *jen.Statement { return jen.Map(jen.String()).Qual("encoding/json", "RawMessage") }

func addAll(g *jen.Group, codes []jen.Code) {
	for _, c := range codes {
		g.Add(c)
	}
}

// fillTag writes code that sends the discriminator of an alternative with one tag when the
// caller left it unset: Dog{} goes out as {"kind":"dog"}, which decodes back as a Dog.
func (e *emitter) fillTag(g *jen.Group, t *ir.Type, v *ir.Variant, val jen.Code) {
	if t.Discriminator == "" || len(v.Tags) != 1 || v.Field.Type.Kind != ir.Pointer || v.Field.Type.Elem.Kind != ir.Named {
		return
	}
	for _, f := range v.Field.Type.Elem.Named.Fields {
		if f.JSONName != t.Discriminator {
			continue
		}
		ft, ptr := f.Type, f.Type.Kind == ir.Pointer
		if ptr {
			ft = ft.Elem
		}
		if !ft.Is(ir.String) && !(ft.Kind == ir.Named && ft.Named.Kind == ir.Enum && ft.Named.Underlying.Is(ir.String)) {
			return
		}
		field := jen.Id(local.V).Dot(f.Name)
		var unset, tag jen.Code = jen.Add(field).Op("==").Lit(""), jen.Lit(v.Tags[0])
		if ptr {
			unset = jen.Add(field).Op("==").Nil()
			if ft.Kind == ir.Named {
				tag = e.typeExpr(ft).Call(tag)
			}
			tag = jen.Qual(e.runtimePath(), "Ptr").Call(tag)
		}
		g.If(jen.Id(local.V).Op(":=").Op("*").Add(val), unset).Block(
			jen.Add(field).Op("=").Add(tag),
			jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id(local.V))),
		)
		return
	}
}
