// Package generator turns an OpenAPI spec into the files of a Go SDK. Generate is pure: it
// reads the spec through an fs.FS and returns the files; writing them is the caller's job.
package generator

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/specgen-dev/specgen/generator/emit"
	"github.com/specgen-dev/specgen/generator/ir"
	"github.com/specgen-dev/specgen/generator/load"
)

// Header is the first line of every generated file.
const Header = emit.Header

// Config is what one generation needs.
type Config struct {
	// FS is the spec folder. Nothing outside it is read: $refs that leave it are refused, and
	// an FS that follows no symbolic link out of it (an os.Root's) refuses those links, which
	// the error then names. It is read from two goroutines at once, as os.DirFS, os.Root's FS
	// and fstest.MapFS allow.
	FS fs.FS
	// SpecDir is the spec folder's path relative to the repository, used in positions and
	// file headers ("spec").
	SpecDir string
	// Options are the settings of the config file.
	Options
}

// Options are the settings a config file holds. The JSON names are the config file's keys.
type Options struct {
	// Spec is the root spec file, relative to the config file's folder.
	Spec string `json:"spec"`
	// Output is the output folder, relative to the config file's folder.
	Output string `json:"output"`
	// Module is the Go import path of the output folder.
	Module string `json:"module"`
	// Package is the package path, relative to Output, of the client and of the schemas the
	// root file defines.
	Package string `json:"package"`
	// PackageName is the Go name of Package; by default its last path element.
	PackageName string `json:"packageName"`
	// PackagePerFile makes each spec file its own Go package, at the file's path without its
	// extension; otherwise every type goes into Package.
	PackagePerFile bool `json:"packagePerFile"`
	// OmitEmpty is "all" (every field is omitempty) or "optional" (the default: required
	// fields are always sent).
	OmitEmpty string `json:"omitEmpty"`
	// EnumStyle is the default enum style: "typed" (default) or "string".
	EnumStyle string `json:"enumStyle"`
	// OpenEnums makes enums accept unlisted values unless a schema says x-go-enum-open: false.
	OpenEnums bool `json:"openEnums"`
	// Validate runs kin-openapi's validation of the spec and reports what it finds as warnings.
	// It is off by default: on large specs it costs more than generating.
	Validate bool `json:"validate"`
	// LaxPatterns skips, with a warning, a pattern Go's RE2 cannot compile (a lookahead, say);
	// by default such a pattern is an error.
	LaxPatterns bool `json:"laxPatterns"`
	// Initialisms are extra spellings for the namer: "SSO", or mixed case like "OAuth".
	Initialisms []string `json:"initialisms"`
	// IdempotencyHeader is the header in which the client sends a random idempotency key with
	// every POST and PATCH, so that they are retried ("Idempotency-Key"); by default a key is
	// sent only where an operation declares an Idempotency-Key header parameter.
	IdempotencyHeader string `json:"idempotencyHeader"`
	// DocStyle is the form of doc comments: "go" (the default) starts each with the name it
	// documents and a verb ("Pet is ...", "ListPets calls GET /pets."), as Go's convention and
	// revive's exported rule ask; "colon" writes "Pet: description", as Stytch's SDK does.
	DocStyle string `json:"docStyle"`
	// DocWrap is how doc comments are broken into lines: "gofmt" (the default) wraps near
	// 100 columns and lays text out as gofmt would; "stytch" wraps each line of the text at
	// 105 bytes and keeps its layout in field comments, as Stytch's SDK generator does (see
	// ir.WrapStytch).
	DocWrap string `json:"docWrap"`
	// Examples collects the spec's JSON examples into Result.Program, each checked against
	// its schema; for tools such as the corpus sweep, so no config file key.
	Examples bool `json:"-"`
	// Strict makes every warning an error: a part of the spec that would be skipped fails
	// the generation instead.
	Strict bool `json:"strict"`
	// Foreign says the spec was written for other tools (the CLI's -spec sets it): an x-go-*
	// extension specgen does not know, or a bad value of one of its own, is a warning and
	// ignored, not an error.
	Foreign bool `json:"foreign"`
}

// ParseOptions reads a config file's JSON, rejecting unknown keys and bad values.
func ParseOptions(data []byte) (Options, error) {
	var o Options
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, err
	}
	if o.Spec == "" {
		o.Spec = "openapi.yaml"
	}
	if o.Output == "" {
		return o, fmt.Errorf(`"output" is required`)
	}
	if o.Module == "" {
		return o, fmt.Errorf(`"module" is required`)
	}
	return o, o.check()
}

func (o Options) check() error {
	switch o.OmitEmpty {
	case "", "all", "optional":
	default:
		return fmt.Errorf(`"omitEmpty" must be "all" or "optional", not %q`, o.OmitEmpty)
	}
	switch o.EnumStyle {
	case "", "typed", "string":
	default:
		return fmt.Errorf(`"enumStyle" must be "typed" or "string", not %q`, o.EnumStyle)
	}
	switch o.DocStyle {
	case "", "go", "colon":
	default:
		return fmt.Errorf(`"docStyle" must be "go" or "colon", not %q`, o.DocStyle)
	}
	if _, ok := docWraps[o.DocWrap]; !ok {
		return fmt.Errorf(`"docWrap" must be "gofmt" or "stytch", not %q`, o.DocWrap)
	}
	if o.IdempotencyHeader != "" && !validHeaderName(o.IdempotencyHeader) {
		return fmt.Errorf(`"idempotencyHeader" %q is not a header name`, o.IdempotencyHeader)
	}
	if o.PackageName != "" && !token.IsIdentifier(o.PackageName) {
		return fmt.Errorf(`"packageName" %q is not a Go package name`, o.PackageName)
	}
	return nil
}

// Result is a generation's output.
type Result struct {
	// Files maps paths relative to the output folder to their content.
	Files map[string][]byte
	// Warnings are problems that did not stop generation.
	Warnings []ir.Diagnostic
	// Summary counts the operations and schemas generated and lists, with positions and
	// reasons, every part of the spec that was skipped.
	Summary ir.Summary
	// Program is the IR the files were written from.
	Program *ir.Program
}

// Generate reads the spec and returns every generated file, keyed by its path relative to
// the output folder.
func Generate(cfg Config) (map[string][]byte, error) {
	res, err := Run(cfg)
	if err != nil {
		return nil, err
	}
	return res.Files, nil
}

// Run is Generate with the warnings.
func Run(cfg Config) (*Result, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	prog, err := load.Load(load.Options{
		FS:             cfg.FS,
		Root:           path.Clean(cfg.Spec),
		DisplayDir:     cfg.SpecDir,
		Module:         cfg.Module,
		Package:        strings.Trim(cfg.Package, "/"),
		PackageName:    cfg.PackageName,
		PackagePerFile: cfg.PackagePerFile,
		OmitEmpty:      cfg.OmitEmpty,
		EnumStyle:      cfg.EnumStyle,
		OpenEnums:      cfg.OpenEnums,
		Initialisms:    cfg.Initialisms,
		Validate:       cfg.Validate,
		LaxPatterns:    cfg.LaxPatterns,
		Examples:       cfg.Examples,
		Strict:         cfg.Strict,
		Foreign:        cfg.Foreign,

		IdempotencyHeader: cfg.IdempotencyHeader,
		DocStyle:          cfg.DocStyle,
		DocWrap:           docWraps[cfg.DocWrap],
	})
	if err != nil {
		return nil, err
	}
	files, err := emit.Program(prog)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		out[f.Path] = f.Content
	}
	return &Result{Files: out, Warnings: prog.Warnings, Summary: prog.Summary, Program: prog}, nil
}

// docWraps are the values of "docWrap".
var docWraps = map[string]ir.DocWrap{"": ir.WrapGofmt, "gofmt": ir.WrapGofmt, "stytch": ir.WrapStytch}

// validHeaderName reports whether s is an HTTP header name: a token of RFC 9110.
func validHeaderName(s string) bool {
	for _, r := range s {
		if r > 0x7e || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r) {
			return false
		}
	}
	return s != ""
}

// Report is what a run tells its user at the end: each warning, in the order of the spec's
// files and lines, then the summary of what was generated and what was skipped.
func (r *Result) Report() string {
	var b strings.Builder
	warnings := slices.Clone(r.Warnings)
	slices.SortStableFunc(warnings, func(x, y ir.Diagnostic) int {
		return cmp.Or(strings.Compare(x.Pos.File, y.Pos.File), cmp.Compare(x.Pos.Line, y.Pos.Line), cmp.Compare(x.Pos.Col, y.Pos.Col))
	})
	for _, w := range warnings {
		fmt.Fprintf(&b, "warning: %s\n", w.Error())
	}
	b.WriteString(r.Summary.String())
	return b.String()
}
