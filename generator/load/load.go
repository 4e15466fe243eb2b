// Package load reads an OpenAPI 3.0/3.1 spec with kin-openapi and turns it into the
// generator's IR. It is the only package that knows kin-openapi.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// Options say what to read and how to map it to Go.
type Options struct {
	// FS holds the spec folder; no file outside it is ever read. It must allow concurrent
	// reads (read).
	FS fs.FS
	// Root is the root spec file's path inside FS.
	Root string
	// DisplayDir is prefixed to file names in positions and headers: the spec folder's path
	// relative to the repository ("spec").
	DisplayDir string
	// Module is the import path of the output directory.
	Module string
	// Package is the package path (relative to the output directory) of schemas defined in
	// the root file and of the API client.
	Package string
	// PackageName is Package's Go name; by default its last path element.
	PackageName string
	// PackagePerFile maps each spec file to its own Go package, named by the file's path
	// without extension. Without it, everything goes into Package.
	PackagePerFile bool
	// OmitEmpty says which fields get omitempty: "all" or "optional" (the default).
	OmitEmpty string
	// EnumStyle is the default enum style: "typed" (the default) or "string".
	EnumStyle string
	// OpenEnums makes enums accept values outside their list unless a schema says otherwise.
	OpenEnums bool
	// Initialisms are spellings added to the namer's table.
	Initialisms []string
	// Validate reports kin-openapi's validation findings as warnings.
	Validate bool
	// LaxPatterns skips, with a warning, a pattern that RE2 cannot compile, instead of failing.
	LaxPatterns bool
	// Examples collects the spec's JSON examples into the IR, each checked against its schema.
	Examples bool
	// IdempotencyHeader is the header in which the client sends a random idempotency key
	// with every POST and PATCH; "" sends one only where an Idempotency-Key header is declared.
	IdempotencyHeader string
	// DocStyle is the form of doc comments: "go" (the default: "Pet is ...") or "colon"
	// ("Pet: ...").
	DocStyle string
	// DocWrap is how doc comments are broken into lines.
	DocWrap ir.DocWrap
	// Strict makes every warning an error, a skipped part of the spec included.
	Strict bool
	// Foreign says the spec was written for other tools: an x-go-* extension specgen does not
	// know, or a bad value of one of its own, is a warning and ignored, not an error.
	Foreign bool
}

// Load reads the spec and builds the IR. Errors carry the spec file, line and column.
func Load(opts Options) (*ir.Program, error) {
	doc, pre, err := read(opts)
	if err != nil {
		return nil, err
	}
	b := newBuilder(opts, doc, pre)
	// What cannot be generated goes first: kin-openapi's validation would find the markers.
	b.prune()
	if opts.Validate {
		b.validate()
	}
	return b.build()
}

func read(opts Options) (*openapi3.T, *prepass, error) {
	data, err := readFile(opts.FS, opts.Root)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", displayPath(opts, opts.Root), err)
	}
	if err := checkVersion(opts, data); err != nil {
		return nil, nil, err
	}
	// kin-openapi loads the files as they are while the pre-pass reads them, on another
	// core: the pre-pass rewrites no file of most specs, and then that load is the one kept,
	// so the pre-pass costs no time (make bench-gen). The two share only opts.FS. Once the
	// pre-pass is to write a file again, the load stops at its next file (DigitalOcean
	// reads 2,907), its work wasted.
	early := make(chan loaded, 1)
	var rewriting atomic.Bool
	go func() {
		files := cachedReader(opts.FS)
		doc, err := newLoader(opts, func(p string) ([]byte, error) {
			if rewriting.Load() {
				return nil, errAbandoned
			}
			return files(p)
		}).LoadFromDataWithPath(data, &url.URL{Path: opts.Root})
		early <- loaded{doc, err}
	}()
	pre, err := prepare(opts, data, &rewriting)
	first := <-early
	if err != nil {
		return nil, nil, err
	}
	if opts.Strict {
		if err := pre.strictErrors(); err != nil {
			return nil, nil, err
		}
	}
	doc, err := first.doc, first.err
	if len(pre.out) > 0 {
		data, _ = pre.read(opts.Root)
		doc, err = newLoader(opts, pre.read).LoadFromDataWithPath(data, &url.URL{Path: opts.Root})
	}
	if err != nil {
		return nil, nil, positionLoadError(opts, pre, err)
	}
	return doc, pre, nil
}

var errAbandoned = errors.New("abandoned: the pre-pass writes the spec again")

type loaded struct {
	doc *openapi3.T
	err error
}

// newLoader is a kin-openapi loader that keeps origins and reads $refs from opts.FS only,
// each file through read.
func newLoader(opts Options, read func(string) ([]byte, error)) *openapi3.Loader {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = true
	loader.Context = context.Background()
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		if u.Scheme != "" || u.Host != "" {
			return nil, fmt.Errorf("$ref to %s: %s", u.Redacted(), refusedRef)
		}
		p := path.Clean(strings.TrimPrefix(u.Path, "/"))
		if !fs.ValidPath(p) {
			return nil, fmt.Errorf("$ref to %s leaves the spec folder: %s", u.Path, refusedRef)
		}
		b, err := read(p)
		if err != nil {
			return nil, fmt.Errorf("$ref to %s: %w", p, err)
		}
		return b, nil
	}
	return loader
}

// cachedReader reads each file of fsys once, as the pre-pass does: kin-openapi reads a file
// again for every $ref into it.
func cachedReader(fsys fs.FS) func(string) ([]byte, error) {
	type file struct {
		data []byte
		err  error
	}
	cache := map[string]file{}
	return func(p string) ([]byte, error) {
		f, ok := cache[p]
		if !ok {
			f.data, f.err = readFile(fsys, p)
			cache[p] = f
		}
		return f.data, f.err
	}
}

// readFile reads the spec file p, a JSON file's surrogate escapes written as YAML reads
// them (surrogateEscapes). The spec folder is an os.Root, which follows no symbolic
// link out of it: a read that fails because p, or a folder on its way, is such a link says so.
func readFile(fsys fs.FS, p string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, p)
	if err == nil {
		if fixed, ok := surrogateEscapes(data); ok {
			return fixed, nil
		}
		return data, nil
	}
	if link, target, ok := linkOut(fsys, p); ok {
		return nil, fmt.Errorf("%s is a symbolic link to %s, outside the spec folder: %s", link, target, refusedRef)
	}
	return nil, unwrapPathError(err)
}

// linkOut finds the first element of the path p that is a symbolic link whose target is
// outside the spec folder: absolute, or above it.
func linkOut(fsys fs.FS, p string) (link, target string, ok bool) {
	elems := strings.Split(p, "/")
	for i := range elems {
		link := path.Join(elems[:i+1]...)
		target, err := fs.ReadLink(fsys, link)
		if err != nil {
			continue
		}
		if path.IsAbs(target) || !fs.ValidPath(path.Join(path.Dir(link), target)) {
			return link, target, true
		}
	}
	return "", "", false
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkVersion rejects what kin-openapi's OpenAPI 3 loader would misread.
func checkVersion(opts Options, data []byte) error {
	if at := swaggerAt(data); at >= 0 {
		return ir.Diagnostic{
			Pos: posAt(displayPath(opts, opts.Root), data, at),
			Msg: "this is a Swagger 2.0 spec; specgen reads OpenAPI 3.0 and 3.1 (convert it first, for example with swagger2openapi)",
		}
	}
	return nil
}

// swaggerAt is the offset of the first swagger key whose value starts with 2, quoted or not,
// at the start of a line or after { or , (JSON); -1 if there is none. It looks only around
// each "swagger" in data: a regular expression without a literal prefix steps through every
// byte, a fifth of a second on a 4 MB spec.
func swaggerAt(data []byte) int {
	const key = "swagger"
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(key))
		if i < 0 {
			return -1
		}
		i += off
		off = i + len(key)
		start, ok := keyStart(data, i)
		if !ok {
			continue
		}
		rest := data[off:]
		rest = bytes.TrimPrefix(rest, []byte{'"'})
		rest = bytes.TrimLeft(rest, spaces)
		if len(rest) == 0 || rest[0] != ':' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], spaces)
		if len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'') {
			rest = rest[1:]
		}
		if len(rest) > 0 && rest[0] == '2' {
			return start
		}
	}
}

// spaces are the bytes of \s in Go's regular expressions.
const spaces = "\t\n\f\r "

// keyStart is where the key whose name starts at offset i begins: its quote, the spaces
// before it, and the { or , before them, or the start of the first line among those spaces;
// ok is false when the key follows something else.
func keyStart(data []byte, i int) (int, bool) {
	j := i
	if j > 0 && data[j-1] == '"' {
		j--
	}
	k := j
	for k > 0 && strings.IndexByte(spaces, data[k-1]) >= 0 {
		k--
	}
	if k > 0 && (data[k-1] == '{' || data[k-1] == ',') {
		return k - 1, true
	}
	for p := k; p <= j; p++ {
		if p == 0 || data[p-1] == '\n' {
			return p, true
		}
	}
	return 0, false
}

func displayPath(opts Options, file string) string {
	file = strings.TrimPrefix(file, "/")
	if opts.DisplayDir == "" || opts.DisplayDir == "." {
		return file
	}
	return path.Join(opts.DisplayDir, file)
}

var (
	yamlLineRe = regexp.MustCompile(`\bline (\d+)(?::(\d+))?`)
	quotedRe   = regexp.MustCompile(`"([^"]{3,})"`)
	jsonOffRe  = regexp.MustCompile(`offset (\d+)`)
)

// positionLoadError gives a kin-openapi load error the file:line:col it is about.
// kin-openapi reports YAML syntax errors with a line and unresolved references by their
// text; the reference is then found in the spec files.
func positionLoadError(opts Options, pre *prepass, err error) error {
	msg := err.Error()
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col := 1
		if m[2] != "" {
			col, _ = strconv.Atoi(m[2])
		}
		file := opts.Root
		if f := fileInMessage(opts, msg); f != "" {
			file = f
		}
		if r, ok := pre.out[file]; ok && line >= 1 && line <= len(r.lines) {
			// Lines of the file as the pre-pass wrote it: the message names their sources.
			msg = yamlLineRe.ReplaceAllStringFunc(msg, func(s string) string {
				m := yamlLineRe.FindStringSubmatch(s)
				n, _ := strconv.Atoi(m[1])
				if n < 1 || n > len(r.lines) {
					return s
				}
				return pre.display(r.lines[n-1]).String()
			})
			return ir.Diagnostic{Pos: pre.display(r.lines[line-1]), Msg: cleanMessage(msg)}
		}
		return ir.Diagnostic{Pos: ir.Pos{File: displayPath(opts, file), Line: line, Col: col}, Msg: cleanMessage(msg)}
	}
	if m := jsonOffRe.FindStringSubmatch(msg); m != nil {
		off, _ := strconv.Atoi(m[1])
		if data, rerr := fs.ReadFile(opts.FS, opts.Root); rerr == nil && off <= len(data) {
			return ir.Diagnostic{Pos: posAt(displayPath(opts, opts.Root), data, off), Msg: cleanMessage(msg)}
		}
	}
	// Unresolved references are reported by their text: find the longest quoted piece of the
	// message in the spec files.
	quoted := quotedRe.FindAllStringSubmatch(msg, -1)
	slices.SortStableFunc(quoted, func(a, b []string) int { return len(b[1]) - len(a[1]) })
	for _, q := range quoted {
		if pos, ok := findText(opts, q[1]); ok {
			return ir.Diagnostic{Pos: pos, Msg: cleanMessage(msg)}
		}
	}
	return ir.Diagnostic{Pos: ir.Pos{File: displayPath(opts, opts.Root), Line: 1, Col: 1}, Msg: cleanMessage(msg)}
}

func cleanMessage(msg string) string {
	msg = strings.TrimSpace(strings.ReplaceAll(msg, "\n", " "))
	if strings.Contains(msg, refusedRef) {
		return msg
	}
	return "not valid OpenAPI: " + msg
}

// refusedRef marks the errors of $refs that the loader refuses to follow.
const refusedRef = "specgen reads only files inside the spec folder"

// fileInMessage is the spec file a message names: the longest path it contains, since
// "a.yaml" is also in "pets_a.yaml".
func fileInMessage(opts Options, msg string) string {
	var found string
	_ = fs.WalkDir(opts.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != opts.Root && len(p) > len(found) && strings.Contains(msg, p) {
			found = p
		}
		return nil
	})
	return found
}

// posAt is the line and column of byte offset off in a file's data.
func posAt(file string, data []byte, off int) ir.Pos {
	before := string(data[:off])
	return ir.Pos{File: file, Line: 1 + strings.Count(before, "\n"), Col: off - strings.LastIndex(before, "\n")}
}

// findText finds where text is written in the spec files: the root first, then the others
// in lexical order.
func findText(opts Options, text string) (ir.Pos, bool) {
	files := []string{opts.Root}
	_ = fs.WalkDir(opts.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != opts.Root && isSpecFile(p) {
			files = append(files, p)
		}
		return nil
	})
	for _, f := range files {
		data, err := fs.ReadFile(opts.FS, f)
		if err != nil {
			continue
		}
		if i := strings.Index(string(data), text); i >= 0 {
			return posAt(displayPath(opts, f), data, i), true
		}
	}
	return ir.Pos{}, false
}

func isSpecFile(p string) bool {
	switch path.Ext(p) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// validate runs kin-openapi's validation. It is stricter than real specs are: anything it
// finds is a warning, and what specgen cannot generate fails later with its own error.
func (b *builder) validate() {
	ctx := openapi3.WithValidationOptions(context.Background(),
		openapi3.EnableMultiError(), openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaDefaultsValidation(), openapi3.DisableSchemaPatternValidation(),
		openapi3.AllowExtraSiblingFields("description", "summary"))
	err := b.doc.Validate(ctx)
	if err == nil {
		return
	}
	var multi openapi3.MultiError
	list := []error{err}
	if errors.As(err, &multi) {
		list = multi
	}
	const most = 20
	for i, e := range list {
		if i == most {
			b.warn(ir.Pos{File: displayPath(b.opts, b.opts.Root)}, "kin-openapi: %d more validation findings", len(list)-most)
			break
		}
		d := positionLoadError(b.opts, b.pre, e).(ir.Diagnostic)
		b.warn(d.Pos, "kin-openapi: %s", strings.TrimPrefix(d.Msg, "not valid OpenAPI: "))
	}
}
