package emit

import (
	"fmt"
	"math"
	"path"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// validation writes a Validate and a ValidateAt method for every struct. The code checks
// each constraint with plain comparisons, builds error paths on the stack and allocates
// only when a rule fails, so validating a valid value costs no allocation.
func (e *emitter) validation(f *jen.File) bool {
	v := &validator{e: e}
	wrote := false
	for _, t := range e.pkg.Types {
		if t.Kind != ir.Struct && t.Kind != ir.Union {
			continue
		}
		e.split(f)
		e.from(t.Pos)
		v.structMethods(f, t)
		wrote = true
	}
	e.split(f)
	v.charRunFuncs(f)
	if len(v.patterns) > 0 {
		f.Comment("// validatePatterns are compiled once, when the package loads.")
		f.Var().Id(helper.ValidatePatterns).Op("=").Index(jen.Op("...")).Op("*").Qual("regexp", "Regexp").ValuesFunc(func(g *jen.Group) {
			for _, p := range v.patterns {
				g.Line().Qual("regexp", "MustCompile").Call(jen.Lit(p))
			}
			g.Line()
		})
	}
	return wrote
}

type validator struct {
	e        *emitter
	patterns []string
	charRuns []charPattern
	// vars numbers the loop variables of nested checks.
	vars int
	// held, when set, is told of each struct or union whose ValidateAt the checks would
	// call, and the checks leave the call out (checkedTypes).
	held func(*ir.Type)
}

// checkedTypes finds the structs and unions that have something to check: a rule of their
// own, or a value of a type that has one. The others get a Validate that says so and no
// ValidateAt, and the values that hold them call neither.
func checkedTypes(prog *ir.Program) map[*ir.Type]bool {
	checked := map[*ir.Type]bool{}
	holders := map[*ir.Type][]*ir.Type{}
	var queue []*ir.Type
	for _, p := range prog.Packages {
		for _, t := range p.Types {
			if t.Kind != ir.Struct && t.Kind != ir.Union {
				continue
			}
			v := &validator{e: &emitter{prog: prog, pkg: p}, held: func(h *ir.Type) { holders[h] = append(holders[h], t) }}
			if len(v.checks(t)) > 0 {
				checked[t] = true
				queue = append(queue, t)
			}
		}
	}
	// A type that holds a checked one is checked too.
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, h := range holders[t] {
			if !checked[h] {
				checked[h] = true
				queue = append(queue, h)
			}
		}
	}
	return checked
}

func (v *validator) rt(name string) *jen.Statement {
	return jen.Qual(v.e.runtimePath(), name)
}

// names are the runtime's plumbing names as the output spells them (ir.RuntimeNames).
func (v *validator) names() ir.RuntimeNames {
	if localRuntime(v.e.prog) {
		return ir.LocalRuntimeName
	}
	return ir.RuntimeName
}

func (v *validator) structMethods(f *jen.File, t *ir.Type) {
	if !v.e.checked[t] {
		f.Commentf("// Validate returns nil: the spec states no constraint that a %s could violate.", t.Name)
		f.Func().Params(jen.Op("*").Id(t.Name)).Id(method.Validate).Params().Error().Block(jen.Return(jen.Nil()))
		return
	}
	n := v.names()
	errors := "Errors"
	if !localRuntime(v.e.prog) {
		errors = path.Base(v.e.prog.Runtime) + ".Errors"
	}
	f.Commentf("// Validate checks x against every constraint the spec states for %s and reports all", t.Name)
	f.Commentf("// violations at once, as %s.", errors)
	f.Func().Params(jen.Id(local.X).Op("*").Id(t.Name)).Id(method.Validate).Params().Error().Block(
		jen.Var().Id(local.Errs).Add(v.rt("Errors")),
		jen.Id(local.X).Dot(n.ValidateAt).Call(jen.Nil(), jen.Op("&").Id(local.Errs)),
		jen.Return(jen.Id(local.Errs).Dot("Err").Call()),
	)
	f.Commentf("// %s adds the violations of x, found at path at, to errs. Validate methods of the", n.ValidateAt)
	f.Comment("// values that hold x call it.")
	f.Func().Params(jen.Id(local.X).Op("*").Id(t.Name)).Id(n.ValidateAt).Params(
		jen.Id(local.At).Op("*").Add(v.rt(n.Path)),
		jen.Id(local.Errs).Op("*").Add(v.rt("Errors")),
	).Block(append([]jen.Code{jen.If(jen.Id(local.X).Op("==").Nil()).Block(jen.Return())}, v.checks(t)...)...)
}

// checks are the statements of t's ValidateAt after the nil check.
func (v *validator) checks(t *ir.Type) []jen.Code {
	var out []jen.Code
	for _, fl := range t.Fields {
		v.vars = 0
		if c := v.field(fl); c != nil {
			out = append(out, c)
		}
	}
	for _, alt := range t.Variants {
		// The alternative is the value itself: its violations are at the union's path.
		v.vars = 0
		val := jen.Id(local.X).Dot(alt.Field.Name)
		if checks := v.value(val, alt.Field.Type, alt.Field.Rules, jen.Id(local.At)); len(checks) > 0 {
			set, _ := presence(val, alt.Field.Type, ir.OmitZero)
			out = append(out, jen.If(set).Block(checks...))
		}
	}
	return out
}

// field checks one field: required-ness, then, when the field is set, its value; nil when
// there is nothing to check.
func (v *validator) field(fl *ir.Field) jen.Code {
	if fl.Access == ir.ReadOnly {
		// Validate checks requests, which neither need nor send what the server owns.
		return nil
	}
	if fl.JSONName == "-" && fl.Type.Kind != ir.Named && fl.Type.Kind != ir.Pointer && fl.Rules.Empty() && !fl.Required {
		return nil
	}
	val := jen.Id(local.X).Dot(fl.Name)
	path := jen.Op("&").Id(local.P)
	checks := v.value(val, fl.Type, fl.Rules, path)
	set, unset := presence(val, fl.Type, fl.Omit)
	// A number's zero is a value, not its absence, even among plain values.
	required := fl.Required && unset != nil && !isNumber(fl.Type)
	if len(checks) == 0 && !required {
		return nil
	}
	name := fl.WireName
	var body []jen.Code
	switch {
	case required:
		missing := jen.If(unset).Block(v.add(path, "required", "is required"))
		if len(checks) > 0 {
			missing.Else().Block(checks...)
		}
		body = []jen.Code{missing}
	case set != nil && fl.Type.Kind != ir.Nullable: // a Nullable's checks test for a value
		body = []jen.Code{jen.If(set).Block(checks...)}
	default:
		body = checks
	}
	return jen.Block(append([]jen.Code{jen.Id(local.P).Op(":=").Id(local.At).Dot(v.names().Field).Call(jen.Lit(name))}, body...)...)
}

// presence gives the conditions under which a field counts as given and as missing; nil
// when every value counts as given. Where omit is omitempty (plain values), Go's empty value
// is missing, as it is on the wire; otherwise only a nil or absent one is.
func presence(val jen.Code, t *ir.TypeRef, omit ir.Omit) (set, unset jen.Code) {
	switch t.Kind {
	case ir.Slice, ir.Map:
		if omit != ir.OmitEmpty {
			return jen.Add(val).Op("!=").Nil(), jen.Add(val).Op("==").Nil()
		}
		return jen.Len(val).Op(">").Lit(0), jen.Len(val).Op("==").Lit(0)
	case ir.Pointer, ir.Any, ir.Reader:
		return jen.Add(val).Op("!=").Nil(), jen.Add(val).Op("==").Nil()
	case ir.Nullable:
		return jen.Add(val).Dot("IsSet").Call(), jen.Op("!").Add(val).Dot("IsSet").Call()
	case ir.Builtin:
		if omit != ir.OmitEmpty {
			return nil, nil
		}
		switch t.Builtin {
		case ir.String:
			return jen.Add(val).Op("!=").Lit(""), jen.Add(val).Op("==").Lit("")
		case ir.Bool:
			return nil, nil
		}
		return jen.Add(val).Op("!=").Lit(0), jen.Add(val).Op("==").Lit(0)
	case ir.Named:
		if t.Named.Kind == ir.Enum {
			return presence(val, t.Named.Underlying, omit)
		}
	}
	return nil, nil
}

func (v *validator) add(path jen.Code, rule, msg string) jen.Code {
	return jen.Id(local.Errs).Dot(v.names().Add).Call(path, jen.Lit(rule), jen.Lit(msg))
}

// value returns the statements checking val, of type t, against r; path is the address
// of its validate.Path.
func (v *validator) value(val jen.Code, t *ir.TypeRef, r *ir.Rules, path jen.Code) []jen.Code {
	switch t.Kind {
	case ir.Nullable:
		v.vars++
		n := local.N1.At(v.vars)
		checks := v.value(jen.Id(n), t.Elem, r, path)
		if len(checks) == 0 {
			return nil
		}
		return []jen.Code{jen.If(jen.List(jen.Id(n), jen.Id(local.OK)).Op(":=").Add(val).Dot("Get").Call(), jen.Id(local.OK)).Block(checks...)}
	case ir.Pointer:
		if t.Elem.Kind == ir.Named && t.Elem.Named.Kind != ir.Enum {
			return v.value(val, t.Elem, r, path)
		}
		return v.value(jen.Parens(jen.Op("*").Add(val)), t.Elem, r, path)
	case ir.Named:
		switch t.Named.Kind {
		case ir.Struct, ir.Union:
			if v.held != nil {
				v.held(t.Named)
				return nil
			}
			if !v.e.checked[t.Named] {
				return nil
			}
			return []jen.Code{jen.Add(val).Dot(v.names().ValidateAt).Call(path, jen.Id(local.Errs))}
		case ir.Enum:
			underlying := val
			if t.Named.Underlying.Builtin == ir.String {
				underlying = jen.String().Parens(val)
			}
			out := v.scalar(underlying, t.Named.Underlying, r, path)
			if t.Named.Enum != nil && !t.Named.Enum.Open {
				out = append([]jen.Code{jen.If(jen.Op("!").Add(val).Dot(method.Valid).Call()).Block(
					v.add(path, "enum", "must be one of "+enumList(t.Named.Enum)))}, out...)
			}
			return out
		}
	case ir.Slice:
		return v.slice(val, t, r, path)
	case ir.Map:
		return v.mapValue(val, t, r, path)
	case ir.Builtin:
		return v.scalar(val, t, r, path)
	}
	return nil
}

func (v *validator) slice(val jen.Code, t *ir.TypeRef, r *ir.Rules, path jen.Code) []jen.Code {
	var out []jen.Code
	if r != nil {
		if r.MinItems > 0 {
			out = append(out, jen.If(jen.Len(val).Op("<").Lit(int(r.MinItems))).Block(
				v.add(path, "minItems", "must have at least "+plural(r.MinItems, "item"))))
		}
		if r.MaxItems != nil {
			out = append(out, jen.If(jen.Len(val).Op(">").Lit(int(*r.MaxItems))).Block(
				v.add(path, "maxItems", "must have at most "+plural(*r.MaxItems, "item"))))
		}
		if r.UniqueItems && comparable(t.Elem) {
			v.vars++
			i := local.U1.At(v.vars)
			out = append(out, jen.For(jen.Id(i).Op(":=").Range().Add(val)).Block(
				jen.If(jen.Qual("slices", "Index").Call(jen.Add(val).Index(jen.Empty(), jen.Id(i)), jen.Add(val).Index(jen.Id(i))).Op(">=").Lit(0)).Block(
					v.add(path, "uniqueItems", "must not contain duplicate items"),
					jen.Break(),
				)))
		}
	}
	if t.Elem.Kind == ir.Builtin && t.Elem.Builtin == ir.Byte {
		return out
	}
	v.vars++
	i, q := local.I1.At(v.vars), local.Q1.At(v.vars)
	elem := jen.Add(val).Index(jen.Id(i))
	checks := v.value(elem, t.Elem, t.Rules, jen.Op("&").Id(q))
	if len(checks) == 0 {
		return out
	}
	if t.Elem.Kind == ir.Pointer {
		checks = []jen.Code{jen.If(jen.Add(elem).Op("!=").Nil()).Block(checks...)}
	}
	body := append([]jen.Code{jen.Id(q).Op(":=").Parens(path).Dot(v.names().Item).Call(jen.Id(i))}, checks...)
	return append(out, jen.For(jen.Id(i).Op(":=").Range().Add(val)).Block(body...))
}

func (v *validator) mapValue(val jen.Code, t *ir.TypeRef, r *ir.Rules, path jen.Code) []jen.Code {
	var out []jen.Code
	if r != nil {
		if r.MinProperties > 0 {
			out = append(out, jen.If(jen.Len(val).Op("<").Lit(int(r.MinProperties))).Block(
				v.add(path, "minProperties", "must have at least "+plural(r.MinProperties, "property"))))
		}
		if r.MaxProperties != nil {
			out = append(out, jen.If(jen.Len(val).Op(">").Lit(int(*r.MaxProperties))).Block(
				v.add(path, "maxProperties", "must have at most "+plural(*r.MaxProperties, "property"))))
		}
		v.vars++
		k, q, bad := local.K1.At(v.vars), local.Q1.At(v.vars), local.Bad1.At(v.vars)
		if ok := v.keyCondition(jen.Id(k), r.PropertyNames); ok != nil {
			// Bad keys are collected (only when there are some) and sorted: map order is random.
			out = append(out,
				jen.Var().Id(bad).Index().String(),
				jen.For(jen.Id(k).Op(":=").Range().Add(val)).Block(
					jen.If(jen.Op("!").Parens(ok)).Block(jen.Id(bad).Op("=").Append(jen.Id(bad), jen.Id(k)))),
				jen.Qual("slices", "Sort").Call(jen.Id(bad)),
				jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Id(bad)).Block(
					jen.Id(q).Op(":=").Parens(path).Dot(v.names().Key).Call(jen.Id(k)),
					v.add(jen.Op("&").Id(q), "propertyNames", "is not an allowed key"),
				))
		}
	}
	v.vars++
	k, q, n, elem := local.K1.At(v.vars), local.Q1.At(v.vars), local.N1.At(v.vars), local.V1.At(v.vars)
	checks := v.value(jen.Id(elem), t.Elem, t.Rules, jen.Op("&").Id(q))
	if len(checks) == 0 {
		return out
	}
	if t.Elem.Kind == ir.Pointer {
		checks = []jen.Code{jen.If(jen.Id(elem).Op("!=").Nil()).Block(checks...)}
	}
	body := append([]jen.Code{
		jen.Id(elem).Op(":=").Add(val).Index(jen.Id(k)),
		jen.Id(q).Op(":=").Parens(path).Dot(v.names().Key).Call(jen.Id(k)),
	}, checks...)
	// Map order is random; the report is sorted so that it is not.
	return append(out,
		jen.Id(n).Op(":=").Len(jen.Op("*").Id(local.Errs)),
		jen.For(jen.Id(k).Op(":=").Range().Add(val)).Block(body...),
		jen.Id(local.Errs).Dot(v.names().SortFrom).Call(jen.Id(n)),
	)
}

// keyCondition is the boolean expression that a map key k satisfies r; nil if r says nothing.
func (v *validator) keyCondition(k jen.Code, r *ir.Rules) jen.Code {
	if r == nil {
		return nil
	}
	var conds []jen.Code
	if r.Enum != nil && !r.Enum.Open {
		var alts []jen.Code
		for i := range r.Enum.Values {
			alts = append(alts, jen.Add(k).Op("==").Add(v.e.enumValue(r.Enum, i)))
		}
		if len(alts) > 0 {
			conds = append(conds, jen.Parens(join(alts, "||")))
		}
	}
	if r.MinLength > 0 {
		conds = append(conds, jen.Qual("unicode/utf8", "RuneCountInString").Call(k).Op(">=").Lit(int(r.MinLength)))
	}
	if r.MaxLength != nil {
		conds = append(conds, jen.Qual("unicode/utf8", "RuneCountInString").Call(k).Op("<=").Lit(int(*r.MaxLength)))
	}
	if r.Pattern != "" {
		conds = append(conds, v.match(r.Pattern, k))
	}
	if len(conds) == 0 {
		return nil
	}
	return join(conds, "&&")
}

func join(conds []jen.Code, op string) jen.Code {
	s := jen.Add(conds[0])
	for _, c := range conds[1:] {
		s = s.Op(op).Add(c)
	}
	return s
}

// match is the condition that s matches pattern p. A pattern that is only a run of ASCII
// characters from one class, anchored at both ends (a slug, an identifier), becomes a byte
// loop: an order of magnitude faster than the regexp engine. Any other pattern is compiled
// once, when the package loads.
func (v *validator) match(p string, s jen.Code) jen.Code {
	if cp, ok := charRun(p); ok {
		i := slices.IndexFunc(v.charRuns, func(q charPattern) bool { return q.source == p })
		if i < 0 {
			i = len(v.charRuns)
			v.charRuns = append(v.charRuns, cp)
		}
		return jen.Id(helper.MatchPattern.At(i)).Call(s)
	}
	i := slices.Index(v.patterns, p)
	if i < 0 {
		i = len(v.patterns)
		v.patterns = append(v.patterns, p)
	}
	return jen.Id(helper.ValidatePatterns).Index(jen.Lit(i)).Dot("MatchString").Call(s)
}

// charPattern is a pattern of the form ^[class]{min,max}$ over ASCII characters.
type charPattern struct {
	source   string
	ranges   []rune // pairs of inclusive bounds, as regexp/syntax gives them
	min, max int    // max is -1 when unbounded
}

func charRun(p string) (charPattern, bool) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) != 3 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return charPattern{}, false
	}
	run := re.Sub[1]
	cp := charPattern{source: p}
	switch run.Op {
	case syntax.OpPlus:
		cp.min, cp.max = 1, -1
	case syntax.OpStar:
		cp.min, cp.max = 0, -1
	case syntax.OpRepeat:
		cp.min, cp.max = run.Min, run.Max
	default:
		return charPattern{}, false
	}
	class := run.Sub[0]
	if class.Op != syntax.OpCharClass || len(class.Rune) == 0 || class.Rune[len(class.Rune)-1] >= utf8.RuneSelf {
		return charPattern{}, false
	}
	cp.ranges = class.Rune
	return cp, true
}

// charRunFuncs writes the byte-loop matchers.
func (v *validator) charRunFuncs(f *jen.File) {
	for i, cp := range v.charRuns {
		name := helper.MatchPattern.At(i)
		f.Commentf("// %s reports whether s matches %s.", name, cp.source)
		f.Func().Id(name).Params(jen.Id(local.S).String()).Bool().BlockFunc(func(g *jen.Group) {
			if cp.min > 0 {
				g.If(jen.Len(jen.Id(local.S)).Op("<").Lit(cp.min)).Block(jen.Return(jen.False()))
			}
			if cp.max >= 0 {
				// Every accepted character is one byte, so bytes count characters here.
				g.If(jen.Len(jen.Id(local.S)).Op(">").Lit(cp.max)).Block(jen.Return(jen.False()))
			}
			var alts []jen.Code
			for j := 0; j+1 < len(cp.ranges); j += 2 {
				lo, hi := cp.ranges[j], cp.ranges[j+1]
				if lo == hi {
					alts = append(alts, jen.Id(local.C).Op("==").LitRune(lo))
				} else {
					alts = append(alts, jen.Id(local.C).Op(">=").LitRune(lo).Op("&&").Id(local.C).Op("<=").LitRune(hi))
				}
			}
			g.For(jen.Id(local.I).Op(":=").Lit(0), jen.Id(local.I).Op("<").Len(jen.Id(local.S)), jen.Id(local.I).Op("++")).Block(
				jen.If(jen.Id(local.C).Op(":=").Id(local.S).Index(jen.Id(local.I)), jen.Op("!").Parens(join(alts, "||"))).Block(jen.Return(jen.False())),
			)
			g.Return(jen.True())
		})
	}
}

func comparable(t *ir.TypeRef) bool {
	switch t.Kind {
	case ir.Builtin:
		return true
	case ir.Named:
		return t.Named.Kind == ir.Enum
	}
	return false
}

func (v *validator) scalar(val jen.Code, t *ir.TypeRef, r *ir.Rules, path jen.Code) []jen.Code {
	if r == nil {
		return nil
	}
	var out []jen.Code
	if r.Enum != nil && !r.Enum.Open && len(r.Enum.Values) > 0 {
		out = append(out, jen.Switch(val).Block(
			jen.CaseFunc(func(g *jen.Group) {
				for i := range r.Enum.Values {
					g.Add(v.e.enumValue(r.Enum, i))
				}
			}),
			jen.Default().Add(v.add(path, "enum", "must be one of "+enumList(r.Enum))),
		))
	}
	if r.Const != nil {
		if lit, ok := constLit(r.Const, t); ok {
			out = append(out, jen.If(jen.Add(val).Op("!=").Add(lit)).Block(
				v.add(path, "const", fmt.Sprintf("must be %v", r.Const))))
		}
	}
	switch t.Builtin {
	case ir.String:
		out = append(out, v.stringChecks(val, r, path)...)
	case ir.Int, ir.Int32, ir.Int64, ir.Float64:
		out = append(out, v.numberChecks(val, t.Builtin, r, path)...)
	}
	return out
}

func (v *validator) stringChecks(val jen.Code, r *ir.Rules, path jen.Code) []jen.Code {
	var out []jen.Code
	if r.MinLength > 0 {
		out = append(out, jen.If(jen.Qual("unicode/utf8", "RuneCountInString").Call(val).Op("<").Lit(int(r.MinLength))).Block(
			v.add(path, "minLength", "must be at least "+plural(r.MinLength, "character")+" long")))
	}
	if r.MaxLength != nil {
		out = append(out, jen.If(jen.Qual("unicode/utf8", "RuneCountInString").Call(val).Op(">").Lit(int(*r.MaxLength))).Block(
			v.add(path, "maxLength", "must be at most "+plural(*r.MaxLength, "character")+" long")))
	}
	if r.Pattern != "" {
		out = append(out, jen.If(jen.Op("!").Add(v.match(r.Pattern, val))).Block(
			v.add(path, "pattern", "must match the pattern "+r.Pattern)))
	}
	if r.Format != "" {
		out = append(out, jen.Id(local.Errs).Dot(v.names().Format).Call(path, jen.Lit(r.Format), val))
	}
	return out
}

func (v *validator) numberChecks(val jen.Code, typ ir.Basic, r *ir.Rules, path jen.Code) []jen.Code {
	var out []jen.Code
	bound := func(b float64, op, rule, msg string) {
		lhs, rhs := numericOperands(val, typ, b)
		out = append(out, jen.If(jen.Add(lhs).Op(op).Add(rhs)).Block(v.add(path, rule, msg+" "+formatNumber(b))))
	}
	if r.Min != nil {
		if r.ExclusiveMin {
			bound(*r.Min, "<=", "exclusiveMinimum", "must be greater than")
		} else {
			bound(*r.Min, "<", "minimum", "must be at least")
		}
	}
	if r.Max != nil {
		if r.ExclusiveMax {
			bound(*r.Max, ">=", "exclusiveMaximum", "must be less than")
		} else {
			bound(*r.Max, ">", "maximum", "must be at most")
		}
	}
	// Every integer is a multiple of 1: nothing to check.
	if m := r.MultipleOf; m != nil && *m > 0 && !(typ.Integer() && *m == 1) {
		msg := "must be a multiple of " + formatNumber(*m)
		if typ.Integer() && *m == math.Trunc(*m) && *m <= math.MaxInt32 {
			out = append(out, jen.If(jen.Add(val).Op("%").Lit(int(*m)).Op("!=").Lit(0)).Block(v.add(path, "multipleOf", msg)))
		} else {
			out = append(out, jen.Id(local.Errs).Dot(v.names().MultipleOf).Call(path, jen.Float64().Call(val), jen.Lit(*m)))
		}
	}
	return out
}

// isNumber reports whether t is a number, or an enum over one.
func isNumber(t *ir.TypeRef) bool {
	if t.Kind == ir.Named && t.Named.Kind == ir.Enum {
		t = t.Named.Underlying
	}
	return t.Kind == ir.Builtin && (t.Builtin.Integer() || t.Builtin == ir.Float64)
}

// numericOperands writes a comparison of val with bound b that compiles for val's type: an
// integer literal when b is a whole number the type can hold, float64 arithmetic otherwise.
func numericOperands(val jen.Code, typ ir.Basic, b float64) (jen.Code, jen.Code) {
	if typ.Integer() && b == math.Trunc(b) {
		lo, hi := float64(math.MinInt32), float64(math.MaxInt32)
		if typ != ir.Int32 {
			lo, hi = -(1 << 53), 1<<53
		}
		if b >= lo && b <= hi {
			return val, jen.Lit(int(b))
		}
	}
	if typ == ir.Float64 {
		return val, jen.Lit(b)
	}
	return jen.Float64().Call(val), jen.Lit(b)
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func constLit(c any, t *ir.TypeRef) (jen.Code, bool) {
	switch t.Builtin {
	case ir.String:
		s, ok := c.(string)
		return jen.Lit(s), ok
	case ir.Bool:
		b, ok := c.(bool)
		return jen.Lit(b), ok
	case ir.Int, ir.Int32, ir.Int64:
		f, ok := c.(float64)
		limit := float64(math.MaxInt32)
		if t.Builtin != ir.Int32 {
			limit = 1 << 53
		}
		return jen.Lit(int(f)), ok && f == math.Trunc(f) && math.Abs(f) <= limit
	case ir.Float64:
		f, ok := c.(float64)
		return jen.Lit(f), ok
	}
	return nil, false
}

func enumList(def *ir.EnumDef) string {
	parts := make([]string, len(def.Values))
	for i, ev := range def.Values {
		parts[i] = fmt.Sprint(ev.Value)
	}
	return strings.Join(parts, ", ")
}

func plural(n uint64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return strconv.FormatUint(n, 10) + " " + strings.TrimSuffix(noun, "y") + "ies"
	}
	return strconv.FormatUint(n, 10) + " " + noun + "s"
}
