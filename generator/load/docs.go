package load

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/specgen-dev/specgen/generator/ir"
)

// Doc comments are decided here, once the whole program is known: every exported identifier
// the generated code declares for the spec gets one, from the spec's description where there
// is one, else a short sentence that says what the identifier is. Until then a Doc holds the
// spec's description alone.
//
// The doc style is their form. "go", the default, starts each with its name and a verb
// ("Pet is ...", "ListPets calls GET /pets."), as Go's convention and revive's exported rule
// ask. "colon" is "Name: description", the form of Stytch's own SDK.

// typeRole is what a type made for an operation is.
type typeRole struct {
	op   *ir.Operation
	kind roleKind
}

type roleKind uint8

const (
	roleParams roleKind = iota
	roleResponse
	roleStreamItem
	// roleResult is the result of an operation whose success statuses answer different
	// types: the status, and a field per status.
	roleResult
)

// fact is what a doc says about an identifier the spec does not describe: a verb and what
// follows it ("is", `the "id" property`).
type fact struct{ verb, rest string }

// documenter holds what the docs refer to.
type documenter struct {
	b     *builder
	colon bool
	prog  *ir.Program
	// nodes are the resource clients by the package of their operations.
	nodes map[*ir.Package]*ir.ClientNode
	// uses say, for each type, where the spec uses it, in spec order.
	returned, streamed, bodies, errors map[*ir.Type][]call
	owner                              map[*ir.Type]fieldUse
	keys                               map[*ir.Type]string
	// enumOwner is the field whose values, or whose items' or values', an untyped enum
	// lists.
	enumOwner map[*ir.EnumDef]fieldUse
}

// call is a client method of an operation: its own, or its streaming one.
type call struct {
	op     *ir.Operation
	method string
}

// fieldUse is the first field whose type mentions a type: how, and in which struct.
type fieldUse struct {
	t   *ir.Type
	f   *ir.Field
	rel string
}

// document writes the final Doc of every type, field, operation, stream and enum constant.
func (b *builder) document(prog *ir.Program) {
	d := &documenter{
		b:        b,
		colon:    b.opts.DocStyle == "colon",
		prog:     prog,
		nodes:    map[*ir.Package]*ir.ClientNode{},
		returned: map[*ir.Type][]call{},
		streamed: map[*ir.Type][]call{},
		bodies:   map[*ir.Type][]call{},
		errors:   map[*ir.Type][]call{},
		owner:    map[*ir.Type]fieldUse{},
		keys:     map[*ir.Type]string{},

		enumOwner: map[*ir.EnumDef]fieldUse{},
	}
	prog.DocWrap = b.opts.DocWrap
	for _, ns := range b.named {
		d.keys[ns.typ] = ns.key
	}
	if prog.Client != nil {
		for _, n := range prog.Client.Resources {
			d.nodes[n.Package] = n
		}
	}
	for _, p := range prog.Packages {
		for _, op := range p.Operations {
			d.uses(op)
		}
		for _, t := range p.Types {
			for _, f := range slices.Concat(t.Fields, []*ir.Field{t.Extra}, variantFields(t)) {
				if f != nil {
					d.mentions(t, f, f.Type, "the type of")
					d.enumUse(t, f, f.Rules, f.Type, "")
				}
			}
		}
	}
	for _, p := range prog.Packages {
		for _, t := range p.Types {
			d.typ(t)
		}
		for _, op := range p.Operations {
			d.operation(op)
		}
		for _, def := range p.Enums {
			d.constants(def, false)
		}
	}
}

func variantFields(t *ir.Type) []*ir.Field {
	var fs []*ir.Field
	for _, v := range t.Variants {
		fs = append(fs, v.Field)
	}
	return fs
}

// uses records the types op takes and returns.
func (d *documenter) uses(op *ir.Operation) {
	plain := call{op, op.Name}
	if op.BodyField != nil {
		if t := namedIn(op.BodyField.Type); t != nil {
			d.bodies[t] = append(d.bodies[t], plain)
		}
	}
	if t := namedIn(op.Response); t != nil && d.b.roles[t].op != op {
		d.returned[t] = append(d.returned[t], plain)
	}
	if s := op.Stream; s != nil {
		if t := namedIn(s.Item); t != nil && d.b.roles[t].op != op {
			d.streamed[t] = append(d.streamed[t], call{op, s.Method})
		}
	}
	for _, ec := range op.Errors {
		if ec.Type != nil {
			d.errors[ec.Type] = append(d.errors[ec.Type], plain)
		}
	}
}

// namedIn is the generated type r is, points at or lists; nil for others.
func namedIn(r *ir.TypeRef) *ir.Type {
	for r != nil {
		if r.Kind == ir.Named {
			return r.Named
		}
		r = r.Elem
	}
	return nil
}

// mentions records f of t as the first field that uses each type in r.
func (d *documenter) mentions(t *ir.Type, f *ir.Field, r *ir.TypeRef, rel string) {
	switch r.Kind {
	case ir.Named:
		if _, ok := d.owner[r.Named]; !ok && r.Named != t {
			d.owner[r.Named] = fieldUse{t, f, rel}
		}
	case ir.Pointer, ir.Nullable:
		d.mentions(t, f, r.Elem, rel)
	case ir.Slice:
		d.mentions(t, f, r.Elem, "an item of")
	case ir.Map:
		d.mentions(t, f, r.Elem, "a value of")
	}
}

// enumUse records f of t as the owner of the untyped enums of rules, the rules of a value
// of type r, and of those of r's elements.
func (d *documenter) enumUse(t *ir.Type, f *ir.Field, rules *ir.Rules, r *ir.TypeRef, rel string) {
	if rules != nil && rules.Enum != nil {
		if _, ok := d.enumOwner[rules.Enum]; !ok {
			d.enumOwner[rules.Enum] = fieldUse{t, f, rel}
		}
	}
	switch r.Kind {
	case ir.Pointer, ir.Nullable:
		d.enumUse(t, f, nil, r.Elem, rel)
	case ir.Slice:
		d.enumUse(t, f, r.Rules, r.Elem, "an item of ")
	case ir.Map:
		d.enumUse(t, f, r.Rules, r.Elem, "a value of ")
	}
}

// typ writes the docs of t, its fields and its constants.
func (d *documenter) typ(t *ir.Type) {
	role, made := d.b.roles[t]
	switch {
	case made:
		t.Doc = paragraphs(d.roleDoc(t, role), t.Doc)
	case t.Kind == ir.Union && d.colon:
		// The colon form reads well with what the fields hold as the only sentence.
		t.Doc = t.Name + ": " + paragraphs(t.Doc, unionNote(t))
	case t.Kind == ir.Union:
		t.Doc = paragraphs(d.text(t.Name, t.Doc, d.typeFact(t)), unionNote(t))
	default:
		t.Doc = d.text(t.Name, t.Doc, d.typeFact(t))
	}
	params := map[*ir.Field]*ir.Parameter{}
	var body *ir.Field
	if role.kind == roleParams && made {
		for _, p := range role.op.Parameters {
			params[p.Field] = p
		}
		body = role.op.BodyField
	}
	for i, f := range t.Fields {
		fc := fact{"is", "the " + strconv.Quote(f.WireName) + " property"}
		switch p := params[f]; {
		case role.kind == roleResult && made && i == 0:
			fc = fact{"is", "the status of the answer, which says which field is set"}
		case role.kind == roleResult && made:
			fc = fact{"holds", "the body of a " + f.WireName + " answer"}
		case p != nil:
			fc.rest = "the " + strconv.Quote(p.Name) + " " + inName[p.In] + " parameter"
		case f == body:
			fc.rest = "the request body"
		}
		f.Doc = d.text(f.Name, f.Doc, fc)
	}
	if x := t.Extra; x != nil {
		x.Doc = d.text(x.Name, x.Doc, fact{"holds", "the properties the schema does not declare, as they came"})
	}
	for _, v := range t.Variants {
		fc := fact{"is", "set when the value is this alternative"}
		if v.Empty {
			fc.rest = `set for the value "", the empty string`
		}
		v.Field.Doc = d.text(v.Field.Name, v.Field.Doc, fc)
	}
	if t.Unknown != "" {
		t.UnknownDoc = d.text(t.Unknown, "", fact{"is", "the value as received, when its " + strconv.Quote(t.Discriminator) +
			" is none of the values above; MarshalJSON writes it back unchanged"})
	}
	if t.Kind == ir.Enum {
		d.constants(t.Enum, true)
	}
}

var inName = map[ir.ParamIn]string{ir.InPath: "path", ir.InQuery: "query", ir.InHeader: "header", ir.InCookie: "cookie"}

// unionNote says what the fields of a union hold.
func unionNote(t *ir.Type) string {
	var b strings.Builder
	b.WriteString("One field is set, the alternative the value is; none for null.")
	if t.Discriminator != "" {
		q := strconv.Quote(t.Discriminator)
		b.WriteString(" The " + q + " property names the alternative; an object whose " + q +
			" no alternative has is kept in " + t.Unknown + ", as it came, and encoded back unchanged.")
	}
	for _, v := range t.Variants {
		if v.Empty {
			b.WriteString(" " + v.Field.Name + ` stands for the empty string "".`)
		}
	}
	return b.String()
}

// roleDoc is the doc of a type made for an operation.
func (d *documenter) roleDoc(t *ir.Type, r typeRole) string {
	op := r.op
	if d.colon {
		method := op.Name
		kind := "Request"
		switch r.kind {
		case roleResponse:
			kind = "Response"
		case roleStreamItem:
			kind, method = "Response", op.Stream.Method
		case roleResult:
			kind = "Response by status"
		}
		return t.Name + ": " + kind + " type for `" + d.b.resourceName(t.Package.Path) + "." + method + "`."
	}
	call := d.method(t.Package, op, op.Name) + " (" + op.Method + " " + op.Path + ")"
	switch r.kind {
	case roleResult:
		return t.Name + " is the success response of " + call + ", by status: its statuses answer different types."
	case roleResponse:
		return t.Name + " is the success response of " + call + "."
	case roleStreamItem:
		return t.Name + " is one item of the stream of " + d.method(t.Package, op, op.Stream.Method) + " (" + op.Method + " " + op.Path + ")."
	}
	return t.Name + " is the request of " + call + "."
}

// method is how a doc in package from names the client method name of op.
func (d *documenter) method(from *ir.Package, op *ir.Operation, name string) string {
	ref := d.nodes[op.Params.Package].Type + "." + name
	if c := d.prog.Client.Package; c != from {
		ref = c.Name + "." + ref
	}
	return ref
}

// typeFact says what a type is: the schema it comes from and what uses it.
func (d *documenter) typeFact(t *ir.Type) fact {
	key, named := d.keys[t]
	if !named {
		if u, ok := d.owner[t]; ok {
			return fact{"is", u.rel + " " + u.t.Name + "." + u.f.Name}
		}
		return fact{"is", "a schema of the spec"}
	}
	var uses []string
	if d.prog.Client != nil && t == d.prog.Client.Error.Type {
		uses = append(uses, "the API's error")
	} else if ops := d.errors[t]; len(ops) > 0 {
		uses = append(uses, "the error of "+d.methods(t.Package, ops))
	}
	if ops := d.bodies[t]; len(ops) > 0 {
		uses = append(uses, "the request body of "+d.methods(t.Package, ops))
	}
	if ops := d.returned[t]; len(ops) > 0 {
		uses = append(uses, "returned by "+d.methods(t.Package, ops))
	}
	if ops := d.streamed[t]; len(ops) > 0 {
		uses = append(uses, "streamed by "+d.methods(t.Package, ops))
	}
	if u, ok := d.owner[t]; ok && len(uses) == 0 {
		uses = append(uses, "used by "+u.t.Name+"."+u.f.Name)
	}
	rest := "the " + key + " schema"
	if len(uses) > 0 {
		rest += ", " + strings.Join(uses, ", ")
	}
	return fact{"is", rest}
}

// methods lists client methods, the first three by name.
func (d *documenter) methods(from *ir.Package, calls []call) string {
	var names []string
	for i, c := range calls {
		if i == 3 {
			return strings.Join(names, ", ") + " and " + strconv.Itoa(len(calls)-3) + " more"
		}
		names = append(names, d.method(from, c.op, c.method))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// operation writes the docs of op's client methods.
func (d *documenter) operation(op *ir.Operation) {
	desc := op.Doc
	call := op.Method + " " + op.Path
	if d.colon {
		op.Doc = d.text(op.Name, desc, fact{"calls", call})
	} else {
		op.Doc = paragraphs(op.Name+" calls "+call+".", desc)
	}
	s := op.Stream
	if s == nil {
		return
	}
	const sent = "The request is sent when the iteration starts; the response's body is closed when it ends, on break, at the first error or when ctx is done."
	like := "Like " + op.Name + ", with the answer streamed as " + s.Media + ". "
	if d.colon {
		if !op.Plain() {
			like = ""
		}
		s.Doc = s.Method + ": " + paragraphs(desc, like+sent)
		return
	}
	first := s.Method + " is " + op.Name + " with the answer streamed as " + s.Media + "."
	if !op.Plain() {
		first = s.Method + " calls " + call + " and streams the answer as " + s.Media + "."
	}
	s.Doc = paragraphs(first, desc, sent)
}

// constants writes the docs of def's constants: "the PetStatus value ..." for a typed enum,
// "the value ... of Pet.Status" for an untyped one.
func (d *documenter) constants(def *ir.EnumDef, typed bool) {
	for i, v := range def.Values {
		rest := "the " + def.Name + " value " + valueText(v.Value)
		if u, ok := d.enumOwner[def]; ok && !typed {
			rest = "the value " + valueText(v.Value) + " of " + u.rel + u.t.Name + "." + u.f.Name
		}
		def.Values[i].Doc = d.text(v.ConstName, "", fact{"is", rest})
	}
}

func valueText(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// paragraphs joins the texts that say something, a blank line between them.
func paragraphs(texts ...string) string {
	var out []string
	for _, t := range texts {
		if !blank(t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}

// blank reports whether a description says nothing.
func blank(desc string) bool { return strings.TrimSpace(desc) == "" }

// text is the doc of name: its description desc, or f when there is none, in the doc style.
//
// In the go style a description that starts with the name, or with one of a few verbs, stays
// as it is, the verb after the name ("Indicates whether ..." documents Active as "Active
// indicates whether ..."); any other follows the sentence of f. (Taking "The id of the pet"
// for "PetID is the id of the pet" would make "The pet must exist" "PetID is the pet must
// exist".)
func (d *documenter) text(name, desc string, f fact) string {
	if d.colon {
		if blank(desc) {
			desc = upperFirst(f.phrase()) + "."
		}
		return name + ": " + desc
	}
	sentence := name + " " + f.verb + " " + f.rest + "."
	if blank(desc) {
		return sentence
	}
	lead := strings.TrimLeft(desc, " \t\n")
	word, rest, _ := strings.Cut(lead, " ")
	switch {
	case word == name && rest != "":
		return lead
	case verbs[word] && rest != "":
		return name + " " + strings.ToLower(word) + " " + rest
	case listMarker.MatchString(lead) || lead != desc:
		// A list or indented text keeps its own lines.
		return sentence + "\n\n" + desc
	}
	return sentence + " " + desc
}

// phrase is f as the colon style says it: "The \"id\" property", "Calls GET /pets".
func (f fact) phrase() string {
	if f.verb == "is" {
		return f.rest
	}
	return f.verb + " " + f.rest
}

// verbs are the words descriptions commonly start with that read as a verb after a name
// ("Indicates whether ..." documents Active as "Active indicates whether ...").
var verbs = map[string]bool{
	"Contains": true, "Controls": true, "Defines": true, "Describes": true, "Determines": true,
	"Holds": true, "Identifies": true, "Indicates": true, "Represents": true,
	"Returns": true, "Specifies": true, "Stores": true,
}

// listMarker matches the start of a list item.
var listMarker = regexp.MustCompile(`^(?:[-*+•]|[0-9]+[.)]) `)

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
