package ir

import (
	"reflect"
	"strconv"
)

// Locals are the names of the receivers, parameters, variables and local types of the
// functions emit writes. Emit takes every local name from Local and never spells one itself:
// the names are the same in every function of every package, so the import names of each
// package are chosen knowing all of them (Package.Imports), and no import is ever hidden by a
// local. A spec cannot change them: parameters and properties become fields, never locals.
type Locals struct {
	// Receivers: of a client type, an error type, a union, an enum, any other type.
	C, E, U, V, X string

	At, Auth, Body, CC, Cfg, ClientID, Content, Cookies, Core, CT, Ctx, Data, Err, Errs, F,
	Fields, Fits, Form, I, Impl, Items, K, Key, Keys, Kind, Message, Mux, Name, Obj, OK,
	Opts, Out, P, Params, Password, Query, R, Raw, RawCookies, RawForm, RawQuery, Req,
	Result, S, Same, Scopes, Secret, Status, T, Tag, Target, Token, User, Values, VS, W,
	Zero string

	// Plain is the local type that encodes a struct without its JSON methods; TypeParam the
	// type parameter of a generic helper.
	Plain, TypeParam string

	// Numbered variables, one per level of nesting or per value checked.
	Bad1, I1, K1, N1, Q1, S1, U1, V1, VS1, W1 Numbered

	// ItemsOf and PathOf hold the text of one parameter, named after its field.
	ItemsOf, PathOf Prefixed
}

// Numbered is a family of local names: the prefix and a number.
type Numbered string

// At is the name numbered n.
func (p Numbered) At(n int) string { return string(p) + strconv.Itoa(n) }

// Prefixed is a family of local names: the prefix and an exported identifier.
type Prefixed string

// Of is the name of the family for the exported identifier name.
func (p Prefixed) Of(name string) string { return string(p) + name }

// Local is the one vocabulary of local names.
var Local = Locals{
	C: "c", E: "e", U: "u", V: "v", X: "x",

	At: "at", Auth: "auth", Body: "body", CC: "cc", Cfg: "cfg", ClientID: "clientID",
	Content: "content", Cookies: "cookies", Core: "core", CT: "ct", Ctx: "ctx", Data: "data",
	Err: "err", Errs: "errs", F: "f", Fields: "fields", Fits: "fits", Form: "form", I: "i",
	Impl: "impl", Items: "items", K: "k", Key: "key", Keys: "keys", Kind: "kind",
	Message: "message", Mux: "mux", Name: "name", Obj: "obj", OK: "ok", Opts: "opts",
	Out: "out", P: "p", Params: "params", Password: "password", Query: "query", R: "r",
	Raw: "raw", RawCookies: "rawCookies", RawForm: "rawForm", RawQuery: "rawQuery",
	Req: "req", Result: "result", S: "s", Same: "same", Scopes: "scopes", Secret: "secret",
	Status: "status", T: "t", Tag: "tag", Target: "target", Token: "token", User: "user",
	Values: "values", VS: "vs", W: "w", Zero: "zero",

	Plain: "plain", TypeParam: "T",

	Bad1: "bad", I1: "i", K1: "k", N1: "n", Q1: "q", S1: "s", U1: "u", V1: "v", VS1: "vs",
	W1: "w",

	ItemsOf: "items", PathOf: "path",
}

// Claim takes every name of l in s.
func (l Locals) Claim(s *Scope) { claimAll(s, l) }

// claimAll takes in s every name of the vocabulary v, a struct of names and families.
func claimAll(s *Scope, vocabulary any) {
	v := reflect.ValueOf(vocabulary)
	for i := range v.NumField() {
		switch f := v.Field(i).Interface().(type) {
		case string:
			s.Claim(f)
		case Numbered:
			s.ClaimNumbered(string(f))
		case Prefixed:
			s.ClaimPrefixed(string(f))
		}
	}
}

// Helpers are the names of the unexported functions and variables emit declares at package
// level next to the types: like Local, emit takes them from Helper and never spells one
// itself, and every package claims them, so neither a type nor an import takes one. (The
// runtime templates call some of them by these names.)
type Helpers struct {
	NewAPIError, APIErrorAs, ErrorFor, ErrorResponse, AuthErrorResponse, WriteError, ValueOf,
	SecuritySchemes, APIServers, ValidatePatterns string

	UnionToken, UnionTag, UnionHas, UnionIs, UnionItems, UnionEach, UnionOnly string

	// MatchPattern checks the pattern numbered n without a regexp.
	MatchPattern Numbered
	// AddDeep and ReadDeep write and read a struct type in deepObject style, named after it.
	AddDeep, ReadDeep Prefixed
}

// Helper is the one vocabulary of package-level helpers.
var Helper = Helpers{
	NewAPIError: "newAPIError", APIErrorAs: "apiErrorAs", ErrorFor: "errorFor",
	ErrorResponse: "errorResponse", AuthErrorResponse: "authErrorResponse",
	WriteError: "writeError", ValueOf: "valueOf", SecuritySchemes: "securitySchemes",
	APIServers: "apiServers", ValidatePatterns: "validatePatterns",

	UnionToken: "unionToken", UnionTag: "unionTag", UnionHas: "unionHas", UnionIs: "unionIs",
	UnionItems: "unionItems", UnionEach: "unionEach", UnionOnly: "unionOnly",

	MatchPattern: "matchPattern",
	AddDeep:      "addDeep", ReadDeep: "readDeep",
}

// Claim takes every name of h in s.
func (h Helpers) Claim(s *Scope) { claimAll(s, h) }

// Surface are the fixed exported names emit declares in the client package: the root client
// and its constructor, the root resource's server side, the error type of a spec that has
// none, and the option that picks a server. The client package claims them before any
// type, so a schema of the same name gets another one.
type Surface struct {
	Client, NewClient, API, UnimplementedAPI, RegisterAPI, APIError, WithServer string
}

// ClientSurface is the one set of client package names.
var ClientSurface = Surface{
	Client: "Client", NewClient: "NewClient", API: "API", UnimplementedAPI: "UnimplementedAPI",
	RegisterAPI: "RegisterAPI", APIError: "APIError", WithServer: "WithServer",
}

// Claim takes every name of c in s.
func (c Surface) Claim(s *Scope) { claimAll(s, c) }

// Methods are the methods emit declares on generated types: Validate, ValidateAt and the
// JSON methods on structs and unions, Valid and Values on enums, Error on error types.
type Methods struct {
	Validate, ValidateAt, MarshalJSON, UnmarshalJSON, Valid, Values, Error string
}

// Method is the one set of method names.
var Method = Methods{
	Validate: "Validate", ValidateAt: "ValidateAt", MarshalJSON: "MarshalJSON",
	UnmarshalJSON: "UnmarshalJSON", Valid: "Valid", Values: "Values", Error: "Error",
}

// ClaimStruct takes in s, the scope of a struct's or a union's field names, the methods every
// struct and union has, so that no field takes one. (An error type has Error too: a struct
// with a field of that name is not made one.)
func (m Methods) ClaimStruct(s *Scope) {
	for _, name := range []string{m.Validate, m.ValidateAt, m.MarshalJSON, m.UnmarshalJSON} {
		s.Claim(name)
	}
}

// StdImports are the standard packages generated code may import. Their names are claimed
// before those of the generated packages, so that they keep their own. (TestNamesDecidedOnce
// fails on a generated file that imports one not listed.)
var StdImports = []string{
	"bytes", "context", "encoding/base64", "encoding/json", "errors", "fmt", "io", "iter",
	"maps", "mime/multipart", "net/http", "net/url", "regexp", "slices", "strconv",
	"strings", "time", "unicode/utf8",
}

// RuntimeNames are the names of the validation runtime that only generated code uses: the
// path type, its methods, the methods of Errors that record violations, and ValidateAt.
type RuntimeNames struct {
	Path, Field, Item, Key, Add, SortFrom, Format, MultipleOf, ValidateAt string
}

// RuntimeName spells them as the template does: exported, for the generated packages that
// share a runtime package of its own.
var RuntimeName = RuntimeNames{
	Path: "Path", Field: "Field", Item: "Item", Key: "Key", Add: "Add", SortFrom: "SortFrom",
	Format: "Format", MultipleOf: "MultipleOf", ValidateAt: Method.ValidateAt,
}

// LocalRuntimeName spells them where the runtime shares the output's one package: no other
// package calls them there, so they are unexported, and users see only what they need
// (Validate, Errors, FieldError).
var LocalRuntimeName = RuntimeNames{
	Path: "valuePath", Field: "field", Item: "item", Key: "key", Add: "add",
	SortFrom: "sortFrom", Format: "format", MultipleOf: "multipleOf", ValidateAt: "validateAt",
}

// Names lists r's names in a fixed order, the same for every RuntimeNames.
func (r RuntimeNames) Names() []string {
	v := reflect.ValueOf(r)
	out := make([]string, v.NumField())
	for i := range out {
		out[i] = v.Field(i).String()
	}
	return out
}

// Claim takes every name of r in s.
func (r RuntimeNames) Claim(s *Scope) { claimAll(s, r) }
