// Package ir is the generator's intermediate representation: what the generated Go code
// contains, decided once, with no trace of the OpenAPI library that read the spec or the
// code-generation library that writes the output. Every Go identifier here is final.
package ir

import "fmt"

// Program is everything one generation produces, in a fixed order.
type Program struct {
	// Module is the import path of the output directory.
	Module string
	// Packages are sorted by Path.
	Packages []*Package
	// Runtime is the path of the package that holds the validation runtime: its own package
	// when the spec spans several, else the one package.
	Runtime string
	// PlainValues is set when fields are plain values that omitempty leaves out when zero;
	// otherwise optional values are pointers, nullable ones Nullable, and the runtime
	// declares Ptr and Nullable.
	PlainValues bool
	// Client describes the API client and server package, or is nil when the spec has no
	// operations.
	Client *Client
	// DocWrap is how the doc comments of Docs are broken into lines.
	DocWrap DocWrap
	// Warnings are problems that did not stop generation, in the order found.
	Warnings []Diagnostic
	// Summary counts what was generated and lists what was skipped.
	Summary Summary
}

// Package is one Go package of output.
type Package struct {
	// Path is the package's directory relative to the output directory ("b2b/organizations").
	Path string
	// Name is the Go package name.
	Name string
	// Types keep spec order: by source file, then line.
	Types []*Type
	// Operations keep spec order.
	Operations []*Operation
	// Enums are the untyped (string-style) enum constant sets, in spec order.
	Enums []*EnumDef
	// Sources are the repo-relative spec files this package's code comes from, sorted.
	Sources []string
	// Doc is the package comment; empty when the doc style writes none.
	Doc string
	// Templates are the runtime templates written into the package (templates/*.go.tmpl,
	// without the extension), in a fixed order.
	Templates []string
	// Imports are the names by which the package's generated files refer to every package
	// they may import, sorted by path. Each was chosen once, in a scope that holds what the
	// package declares (its types, its templates' identifiers and imports), every local name
	// of the functions emit writes (Local) and the imports before it, so that no import is
	// hidden by a local or declared twice.
	Imports []Import
}

// Import is a package that generated code imports, and the name it is referred to by.
type Import struct {
	Path, Name string
	// Declared is the name the package's own package clause declares: an import whose Name
	// differs is written with Name as its alias.
	Declared string
}

// ImportName is the name by which p's files refer to the package at import path, "" when it
// is none of p.Imports.
func (p *Package) ImportName(path string) string {
	for _, imp := range p.Imports {
		if imp.Path == path {
			return imp.Name
		}
	}
	return ""
}

// ImportPath is the package's full import path under module.
func (p *Package) ImportPath(module string) string {
	if p.Path == "" {
		return module
	}
	return module + "/" + p.Path
}

// TypeKind tells what a named type is.
type TypeKind int

const (
	// Struct is a struct type with fields.
	Struct TypeKind = iota
	// Enum is a named scalar type with constants (typed enum style).
	Enum
	// Union is a oneOf or anyOf: a struct with one field per variant, of which one is set,
	// with its own JSON encoding.
	Union
)

// Type is a named Go type.
type Type struct {
	Name    string
	Package *Package
	Kind    TypeKind
	// Doc is the type's doc comment text, without the "//" (see DocWrap); so is every Doc
	// of the IR. Each starts with the name it documents, as the doc style says.
	Doc    string
	Pos    Pos
	Fields []*Field // Struct
	// Extra is the map field of a Struct that keeps the properties the schema does not
	// declare, so that a decoded value re-encodes whole; nil where additionalProperties is
	// false, and with plain values.
	Extra *Field
	// Underlying is the type expression of an Enum.
	Underlying *TypeRef
	// Enum holds the constants of an Enum.
	Enum *EnumDef
	// Variants are the alternatives of a Union, in spec order; each Field is a pointer, a
	// slice, a map or any (nil when unset), or the bool of an Empty variant.
	Variants []*Variant
	// Discriminator is the JSON property whose value names a Union's variant, or "": the
	// spec's discriminator, or a property every object variant fixes to its own values.
	Discriminator string
	// Unknown is the Union's field that keeps, as received, an object whose discriminator
	// value no variant has; "" when there is no discriminator. UnknownDoc is its doc.
	Unknown    string
	UnknownDoc string
	// Examples are the schema's own example values, which decode into this type; collected
	// only when the load options ask for them.
	Examples []*Example
}

// Variant is one alternative of a Union.
type Variant struct {
	Field *Field
	// Tags are the discriminator values that select this variant.
	Tags []string
	// JSON are the kinds of JSON value the variant takes.
	JSON JSONKinds
	// Values, when set, are the only values a scalar variant takes (its enum or const), of
	// the variant's Go type as EnumValue.Value holds them.
	Values []any
	// Match is what an object must have to be an object variant.
	Match
	// Items, for an array variant whose items are objects, are the objects an item may be:
	// its struct, or each struct of its union. An array is the variant when each of its items
	// fits one of them. Nil when the items are not told apart, or when any object fits.
	Items []*Match
	// Empty is the empty-string alternative of an "emptyable" value (anyOf: [X, enum: [""]]):
	// Field is a bool, set for "".
	Empty bool
}

// Match is what an object must have to be an object variant, or an item of an array one.
type Match struct {
	// Required are the properties it must have, in property order.
	Required []string
	// Pins are the properties it fixes to one value (or a few).
	Pins []Pin
	// Closed objects (additionalProperties: false) have no properties but Known.
	Closed bool
	Known  []string
}

// Pin is a property an object variant fixes: a const or a short enum.
type Pin struct {
	Property string
	Required bool
	// Values are strings, float64s or bools, as JSON decodes them into any.
	Values []any
}

// JSONKinds is a set of kinds of JSON value.
type JSONKinds uint8

// JSON kinds. JSONNumber alternatives take any number, JSONInteger ones only a number
// without fraction or exponent.
const (
	JSONString JSONKinds = 1 << iota
	JSONNumber
	JSONInteger
	JSONBool
	JSONArray
	JSONObject
	// JSONAll is any kind of value.
	JSONAll = JSONString | JSONNumber | JSONInteger | JSONBool | JSONArray | JSONObject
)

// Field is one struct field: a property, a parameter or a body.
type Field struct {
	Name string
	// JSONName is the field's name in a JSON object, "-" when it is no JSON property.
	JSONName string
	// WireName is what the wire calls the value (the property, the parameter; "body"):
	// validation errors name it.
	WireName string
	Doc      string
	// Type is the field's Go type, with the pointer or Nullable that presence asks for.
	Type *TypeRef
	// Required is whether the value must be present on the wire.
	Required bool
	// Nullable is whether null is one of the values (3.0 nullable, 3.1 type "null", a oneOf
	// with a null alternative).
	Nullable bool
	// Access says in which direction the property travels.
	Access Access
	// Omit is how the JSON encoding leaves an unset value out.
	Omit Omit
	Pos  Pos
	// Rules constrain the field's value; nil when there are none.
	Rules *Rules
	// Examples are the property schema's own example values and its union variants', which
	// decode into Type, and those of the items and map values within it, which decode into
	// its element types; for Extra, those of the additionalProperties schema. Collected
	// only when the load options ask for them.
	Examples []*Example
}

// Access is the direction a property travels in.
type Access uint8

// Accesses.
const (
	// ReadWrite properties travel both ways.
	ReadWrite Access = iota
	// ReadOnly properties are only in responses: a request neither needs nor checks them.
	ReadOnly
	// WriteOnly properties are only in requests: a response need not have them.
	WriteOnly
)

// Omit is the JSON tag option that leaves a field out of the encoding.
type Omit uint8

// Omit options.
const (
	// OmitNever always writes the field.
	OmitNever Omit = iota
	// OmitEmpty leaves out Go's empty values: a nil pointer, and of plain values 0, "",
	// false and empty lists, which is lossy, for specs whose SDKs have plain values.
	OmitEmpty
	// OmitZero leaves out only the zero value of the field's type: a nil pointer, a nil
	// slice, an absent Nullable. 0, "", false and [] are sent.
	OmitZero
)

// RefKind tells what a TypeRef is.
type RefKind int

const (
	// Builtin is a predeclared type, named by Basic.
	Builtin RefKind = iota
	// Named refers to a generated Type.
	Named
	// Pointer is *Elem.
	Pointer
	// Slice is []Elem.
	Slice
	// Map is map[string]Elem.
	Map
	// Time is time.Time.
	Time
	// Any is the empty interface, written any.
	Any
	// Nullable is the runtime's Nullable[Elem]: absent, null or a value.
	Nullable
	// RawJSON is encoding/json's RawMessage: JSON kept as it came.
	RawJSON
	// Reader is io.Reader: a binary upload, read once as it is sent.
	Reader
	// ReadCloser is io.ReadCloser: a binary download, which its receiver closes.
	ReadCloser
	// File is the runtime's FilePart: a multipart file part's name, content type and
	// content.
	File
	// Event is the client package's ServerSentEvent: one event of an untyped
	// text/event-stream.
	Event
	// External is a Go type the spec names (x-go-type): GoName, of the package Import, or
	// of the generated package (or predeclared) when Import is "".
	External
)

// Basic is a predeclared Go type.
type Basic uint8

// Basic types.
const (
	String Basic = iota
	Bool
	Int
	Int32
	Int64
	Float64
	Byte
)

var basicNames = [...]string{"string", "bool", "int", "int32", "int64", "float64", "byte"}

// String is the Go spelling of b.
func (b Basic) String() string { return basicNames[b] }

// Integer reports whether b is an integer type other than byte.
func (b Basic) Integer() bool { return b == Int || b == Int32 || b == Int64 }

// Bits is the size of a numeric type, as strconv takes it.
func (b Basic) Bits() int {
	switch b {
	case Int32:
		return 32
	case Byte:
		return 8
	}
	return 64
}

// TypeRef is a Go type expression.
type TypeRef struct {
	Kind    RefKind
	Builtin Basic
	Named   *Type
	Elem    *TypeRef
	// Rules constrain the elements of a Slice or the values of a Map.
	Rules *Rules
	// Import and GoName spell an External type; ImportAs is the name the spec gives its
	// package ("uuid" of uuid.UUID), which its import takes unless that is taken.
	Import, ImportAs, GoName string
}

// BasicType is a TypeRef of a predeclared type.
func BasicType(b Basic) *TypeRef { return &TypeRef{Kind: Builtin, Builtin: b} }

// Nilable reports whether t's zero value is nil: a pointer, slice, map, any or reader.
func (t *TypeRef) Nilable() bool {
	switch t.Kind {
	case Pointer, Slice, Map, Any, Reader, ReadCloser:
		return true
	}
	return false
}

// Deref is what t points at, or t when it is no pointer.
func (t *TypeRef) Deref() *TypeRef {
	if t.Kind == Pointer {
		return t.Elem
	}
	return t
}

// Is reports whether t is the predeclared type b.
func (t *TypeRef) Is(b Basic) bool { return t.Kind == Builtin && t.Builtin == b }

// EnumDef is the set of accepted values of an enum and the constants that name them.
type EnumDef struct {
	// Name is the type's or the field's Go name ("CreateParamsMFAPolicy"), for the doc comment.
	Name string
	// Open enums accept values outside the list.
	Open   bool
	Values []EnumValue
}

// EnumValue is one accepted enum value and its constant.
type EnumValue struct {
	ConstName string
	// Doc is the constant's doc comment; load reads the value's description
	// (x-enum-descriptions, x-go-enum-desc) into it first.
	Doc string
	// Value is a string, an int64 or a float64.
	Value any
}

// Rules are the validation constraints the spec states for one value.
type Rules struct {
	Enum  *EnumDef
	Const any

	Min, Max      *float64
	ExclusiveMin  bool
	ExclusiveMax  bool
	MultipleOf    *float64
	MinLength     uint64
	MaxLength     *uint64
	Pattern       string
	Format        string
	MinItems      uint64
	MaxItems      *uint64
	UniqueItems   bool
	MinProperties uint64
	MaxProperties *uint64
	PropertyNames *Rules
}

// Empty reports whether r constrains nothing.
func (r *Rules) Empty() bool {
	if r == nil {
		return true
	}
	return r.Enum == nil && r.Const == nil && r.Min == nil && r.Max == nil &&
		r.MultipleOf == nil && r.MinLength == 0 && r.MaxLength == nil && r.Pattern == "" &&
		r.Format == "" && r.MinItems == 0 && r.MaxItems == nil && !r.UniqueItems &&
		r.MinProperties == 0 && r.MaxProperties == nil && r.PropertyNames.Empty()
}

// Client describes the generated API client and server.
type Client struct {
	Package *Package
	// Root is the Client type; its children are the resource clients it holds.
	Root *ClientNode
	// Resources are the nodes with operations, in Path order.
	Resources []*ClientNode
	// Error is how the API reports failure.
	Error ErrorModel
	// ErrorTypes are the other types of the operations' Errors, each given an Error method,
	// in the order the operations first use them.
	ErrorTypes []ErrorModel
	// Schemes are the security schemes the client supports, sorted by Key.
	Schemes []*SecurityScheme
	// Undeclared is what the client sends on every call when the spec declares no security
	// at all (many published specs leave it out although the API needs a credential): the
	// first configured of the Undeclared schemes in Schemes, or nothing. nil otherwise.
	Undeclared Security
	// Servers are the spec's servers, in spec order; the first is the default.
	Servers []Server
}

// ClientNode is one client type in the tree of resource clients (Client.Discovery.Organizations).
type ClientNode struct {
	// Field is the node's field name in its parent ("Organizations"); "" for the root.
	Field string
	// Type is the client type ("DiscoveryOrganizationsClient", or "Client" at the root).
	Type     string
	Children []*ClientNode
	// Package holds the operations of this node, nil when it only holds children.
	Package *Package
	// Interface, Unimplemented and Register name the server-side surface of the operations.
	Interface, Unimplemented, Register string
}

// ErrorModel is the error type of non-2xx responses and the fields the generated code fills.
type ErrorModel struct {
	// Type is the spec's error schema; when nil, the client package declares Fallback.
	Type *Type
	// Fallback is the name of the declared error type when the spec has none.
	Fallback string
	// Status, Kind and Message are fields of Type (nil when it lacks one) that receive the
	// HTTP status, a machine-readable error kind and a human-readable message.
	Status, Kind, Message *Field
}

// ErrorCase is an error answer an operation declares, and the type its body decodes into.
type ErrorCase struct {
	// Status is a code ("404"), a range ("4XX") or "default".
	Status string
	// Code is the Status's number, or the range's first code (400); 0 for default.
	Code int
	// Type is the body's type; nil (or Client.Error.Type) for the API's error type.
	Type *Type
}

// Operation is one HTTP operation.
type Operation struct {
	Name string
	// Doc is the doc of the client method Name, and of the interface method.
	Doc    string
	Method string
	// Path is the path template as the spec writes it ("/pets/{petId}").
	Path string
	Pos  Pos
	// Params holds every input: path, query, header and cookie parameters, and the body.
	Params *Type
	// Parameters are the non-body inputs, in spec order, each a field of Params.
	Parameters []*Parameter
	// Body is the request body's media type, "" when there is none.
	Body string
	// BodyEncoding is how the body is written.
	BodyEncoding Encoding
	// BodyMedia are the declared media types of the body that travel in BodyEncoding (Body
	// among them), sorted: the ones the server reads; it answers 415 to any other.
	BodyMedia []string
	// BodyField is the Params field that holds the body when the body is not an object whose
	// properties are Params' own fields; nil otherwise.
	BodyField *Field
	// FormFields are the properties of a form or multipart body, in spec order, with their
	// encoding; each Field is one of Params' fields, or of BodyField's struct.
	FormFields []*FormField
	// Response is the success response's type, nil when it has no body.
	Response *TypeRef
	// ResponseMedia is the success response's media type.
	ResponseMedia string
	// ResponseEncoding is how the success response is read.
	ResponseEncoding Encoding
	// Stream is the success response as a stream of items (server-sent events, JSON
	// lines), nil when it offers none.
	Stream *Stream
	// SuccessCode is the documented success status, 0 for any 2xx.
	SuccessCode int
	// Statuses are the success answers by status, in status order, when their bodies differ
	// in type (a 200 result and a 202 job, say): Response is then a struct with the status
	// and a field for each, of which the one of the answer's status is set. nil otherwise.
	Statuses []*StatusResponse
	// IdempotencyHeader is the header that carries the operation's idempotency key, which the
	// client makes up when a call has none: a declared Idempotency-Key header parameter, or
	// the configured header of a POST or PATCH; "" for none.
	IdempotencyHeader string
	// Errors are the error answers the operation declares: status codes in order, then
	// ranges (4XX), then default. An answer none of them covers is of the API's error type.
	Errors []*ErrorCase
	// PathParts is Path split into literal text and parameters.
	PathParts []PathPart
	// Security is the requirement the operation's requests satisfy: its own, else the
	// spec's global one.
	Security Security
	// Examples are the JSON examples of the request body and the responses, in spec order;
	// collected only when the load options ask for them.
	Examples []*Example
}

// Stream is an operation's streamed success response, read and written item by item.
type Stream struct {
	// Method is the Go method that streams: the operation's own name when the response
	// offers nothing else, else the name with "Stream" ("CreateChatCompletionStream").
	Method string
	Doc    string
	// Media is the streamed media type, sent as Accept.
	Media    string
	Encoding Encoding
	// Item is the type of one item: the event data's JSON for a typed SSE stream, the
	// runtime's Event for an untyped one, a JSON value for each line of NDJSON.
	Item *TypeRef
}

// Plain reports whether op has a method that answers with its whole response: every
// operation but one whose response is only a stream.
func (op *Operation) Plain() bool { return op.Stream == nil || op.Stream.Method != op.Name }

// PathPart is a literal piece of a path template, or one of its parameters.
type PathPart struct {
	Literal string
	Param   *Parameter
}

// Encoding is how a body travels, decided from its media type.
type Encoding string

// Encodings.
const (
	JSON      Encoding = "json"      // application/json, */*+json
	Form      Encoding = "form"      // application/x-www-form-urlencoded
	Multipart Encoding = "multipart" // multipart/form-data
	Text      Encoding = "text"      // text/*: a string
	Binary    Encoding = "binary"    // anything else: bytes
	SSE       Encoding = "sse"       // text/event-stream: server-sent events
	NDJSON    Encoding = "ndjson"    // application/x-ndjson, application/jsonl: JSON lines
)

// ParamIn is where a parameter travels.
type ParamIn string

// Parameter locations.
const (
	InPath   ParamIn = "path"
	InQuery  ParamIn = "query"
	InHeader ParamIn = "header"
	InCookie ParamIn = "cookie"
)

// Parameter is a non-body operation input, mapped to a field of the operation's Params.
type Parameter struct {
	Name    string
	In      ParamIn
	Field   *Field
	Style   Style
	Explode bool
}

// FormField is how one property of a form or multipart body travels, as the media type's
// encoding object says (OpenAPI's defaults: form style, exploded).
type FormField struct {
	Field   *Field
	Style   Style
	Explode bool
	// ContentType is the encoding's contentType of a multipart part, "" for the default.
	ContentType string
}

// Style is how a parameter's value is serialized, as OpenAPI's style table lists them.
type Style uint8

// Styles.
const (
	StyleSimple Style = iota
	StyleLabel
	StyleMatrix
	StyleForm
	StyleSpaceDelimited
	StylePipeDelimited
	StyleDeepObject
)

var styleNames = [...]string{"simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject"}

// String is the style's name in OpenAPI.
func (s Style) String() string { return styleNames[s] }

// ParseStyle is the Style named name.
func ParseStyle(name string) (Style, bool) {
	for i, n := range styleNames {
		if n == name {
			return Style(i), true
		}
	}
	return 0, false
}

// Pos is a position in a spec file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.File == "" {
		return "?"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is a message tied to a spec position.
type Diagnostic struct {
	Pos Pos
	Msg string
}

func (d Diagnostic) Error() string { return d.Pos.String() + ": " + d.Msg }

// Example is one JSON example value the spec gives, and the Go type that holds it.
type Example struct {
	// Name is the example's key under examples, "" for a lone example.
	Name string
	// In says whose example it is: "request", "response 200", "schema", "property",
	// "property item" (of an array), "property value" (of a map), "property variant" (of a
	// union, decoding into the union), "additional property".
	In  string
	Pos Pos
	// JSON is the example value encoded by encoding/json; nil when External is set.
	JSON []byte
	// External is the externalValue URL of an example whose value is not in the spec.
	External string
	// Target is the Go type the generated code decodes the value into; nil when none does
	// (a response the client does not decode, a media type it does not pick).
	Target *TypeRef
	// Valid is whether the value satisfies its own schema, Invalid the first reason it does
	// not; only an example with a Target is checked.
	Valid   bool
	Invalid string
}

// DocWrap is how doc comment text is broken into // lines. Either way gofmt leaves the lines
// as they are.
type DocWrap uint8

const (
	// WrapGofmt wraps each line of the text at 100 characters, never inside a word or a
	// markdown link. Paragraphs and list items are kept; other indentation, repeated blank
	// lines and trailing ones are dropped, as gofmt would drop them from a top-level doc.
	WrapGofmt DocWrap = iota
	// WrapStytch is how the generator of Stytch's own Go SDK wraps: each line of the text
	// is wrapped by itself, at the last space before its 105th byte while it is longer than
	// 105 bytes (a markdown link counts as one word; with no such space the rest of the line
	// stays whole). The text's line breaks, indentation, blank lines and a trailing newline
	// (a last empty // line) are kept in the comments of struct fields, interface methods
	// and grouped constants, which gofmt does not reformat; top-level docs are broken so but
	// laid out as WrapGofmt lays them out.
	WrapStytch
)

// StatusResponse is one success status of an operation with several: Field, of Response's
// struct, holds its body.
type StatusResponse struct {
	Code  int
	Field *Field
}
