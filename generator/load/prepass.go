package load

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"go.yaml.in/yaml/v4"

	"github.com/specgen-dev/specgen/generator/ir"
)

// The pre-pass reads the spec's files as YAML before kin-openapi does, so that a spec loads
// as published, the way Redocly bundles it:
//   - a $ref where OpenAPI allows none (a description, an operation, a map of components,
//     an example's value) is resolved with JSON Reference semantics: the object holding it
//     stands for its target;
//   - a $ref that cannot be followed (no such file or fragment, the wrong kind of object, a
//     loop) is replaced by a marker the builder skips (schemas, parameters, request bodies,
//     responses), or its element is dropped (everything specgen does not generate from), each
//     with its position.
//
// A $ref that would read outside the spec folder (a URL, a path above it, a symbolic link out
// of it) is never skipped: it is refused with an error, kin-openapi's where it resolves the
// $ref itself.
//
// A file the pre-pass changes is written again as flow YAML, one key or list item a line,
// and lines records where each line came from, so positions still name the spec's own files.
// Files it does not change are read as they are.

// brokenExt marks an element whose $ref could not be followed; its value is the number of
// the cause in prepass.broken.
const brokenExt = "x-specgen-broken"

type prepass struct {
	opts  Options
	files map[string]*specFile
	// edits replace nodes (or drop them) when their file is written again.
	edits map[*yaml.Node]edit
	// refs are the $ref values (and discriminator mapping values) the pre-pass followed:
	// written into another file, they are rebased.
	refs map[*yaml.Node]bool
	// synth holds the positions of the nodes the pre-pass made.
	synth map[*yaml.Node]srcPos
	seen  map[visit]bool
	// broken are the causes of the markers, by number.
	broken []brokenRef
	// skips are the elements dropped; warns the other deviations.
	skips []ir.Skip
	warns []ir.Diagnostic
	// out are the files written again.
	out map[string]*rendered
	// errs are the $refs refused because they lead out of the spec folder.
	errs []error
	// released is set once the walk is over and the node trees are dropped.
	released bool
	// rewriting, when not nil, is set as soon as a file is to be written again.
	rewriting *atomic.Bool
}

// brokenRef is a $ref the pre-pass could not follow, where a marker now stands: the cause,
// and what the element is, for a summary line if nothing else reports it.
type brokenRef struct {
	ir.Diagnostic
	kind  kind
	where string
}

type visit struct {
	n *yaml.Node
	s state
}

type specFile struct {
	path string
	data []byte
	// root is the document's content, nil when the file could not be read or parsed (err).
	root *yaml.Node
	err  error
	// doc is set for an OpenAPI document (the root file, or a file with an openapi key),
	// whose fragments have known kinds.
	doc     bool
	changed bool
}

// edit is what a node becomes: nothing (drop), or another node, of file.
type edit struct {
	drop bool
	node *yaml.Node
	file string
}

type rendered struct {
	data []byte
	// lines are the sources of the lines of data, the first at index 0.
	lines []srcPos
}

// srcPos is a position in a spec file, by its path inside the spec folder.
type srcPos struct {
	file      string
	line, col int
}

// maxRefHops bounds a chain of $refs, and the $refs followed on the way to one target.
const maxRefHops = 64

func newPrepass(opts Options) *prepass {
	return &prepass{
		opts:  opts,
		files: map[string]*specFile{},
		edits: map[*yaml.Node]edit{},
		refs:  map[*yaml.Node]bool{},
		synth: map[*yaml.Node]srcPos{},
		seen:  map[visit]bool{},
		out:   map[string]*rendered{},
	}
}

// prepare runs the pre-pass over the spec whose root file holds data. A root that does not
// parse is left to kin-openapi, which says where.
func prepare(opts Options, data []byte, rewriting *atomic.Bool) (*prepass, error) {
	p, err := walk(opts, data, rewriting)
	if err != nil {
		return nil, err
	}
	p.release()
	return p, nil
}

// walk is prepare but for the release of the node trees.
func walk(opts Options, data []byte, rewriting *atomic.Bool) (*prepass, error) {
	p := newPrepass(opts)
	p.rewriting = rewriting
	root := &specFile{path: opts.Root, data: data, doc: true}
	p.files[opts.Root] = root
	p.parse(root)
	if root.root == nil {
		return p, nil
	}
	p.value(opts.Root, root.root, state{kDoc, one}, "", "")
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	for _, name := range sortedKeys(p.files) {
		if f := p.files[name]; f.changed {
			r, err := p.render(f)
			if err != nil {
				return nil, err
			}
			p.out[name] = r
		}
	}
	return p, nil
}

// release drops the node trees once the files are written again: what comes later reads
// only the files' bytes, and a large spec's trees are a good part of the peak memory.
func (p *prepass) release() {
	for _, f := range p.files {
		f.root = nil
	}
	p.edits, p.refs, p.synth, p.seen = nil, nil, nil, nil
	p.released = true
}

// read is a spec file as kin-openapi gets it: as the pre-pass wrote it, or as it is.
func (p *prepass) read(name string) ([]byte, error) {
	if r, ok := p.out[name]; ok {
		return r.data, nil
	}
	f := p.load(name)
	if f.data == nil && f.err != nil {
		return nil, f.err
	}
	return f.data, nil
}

// load reads and parses a file once.
func (p *prepass) load(name string) *specFile {
	if f, ok := p.files[name]; ok {
		return f
	}
	f := &specFile{path: name}
	p.files[name] = f
	data, err := readFile(p.opts.FS, name)
	if err != nil {
		f.err = err
		return f
	}
	f.data = data
	if !p.released {
		p.parse(f)
	}
	return f
}

func (p *prepass) parse(f *specFile) {
	n, err := jsonTree(f.data)
	if err != nil {
		n = &yaml.Node{}
		if err := yaml.Unmarshal(f.data, n); err != nil {
			f.err = fmt.Errorf("not YAML or JSON: %s", strings.Join(strings.Fields(err.Error()), " "))
			return
		}
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind == 0 || n.Kind == yaml.DocumentNode {
		n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	f.root = n
	if !f.doc {
		_, v := entry(n, "openapi")
		f.doc = v != nil
	}
}

// at is where node n of file stands.
func (p *prepass) at(file string, n *yaml.Node) srcPos {
	if sp, ok := p.synth[n]; ok {
		return sp
	}
	return srcPos{file, n.Line, n.Column}
}

// pos is at as a position of the IR.
func (p *prepass) pos(file string, n *yaml.Node) ir.Pos { return p.display(p.at(file, n)) }

func (p *prepass) display(sp srcPos) ir.Pos {
	return ir.Pos{File: displayPath(p.opts, sp.file), Line: sp.line, Col: sp.col}
}

// value walks node v of file f, expected to be s. where names the element v belongs to
// (for the summary) and key is the field v is the value of.
func (p *prepass) value(f string, v *yaml.Node, s state, where, key string) {
	v = deref(v)
	if v == nil {
		return
	}
	s = s.at(v.Kind == yaml.SequenceNode)
	if s.kind == kData || p.seen[visit{v, s}] {
		return
	}
	p.seen[visit{v, s}] = true
	if s.kind == kTag && s.shape == one {
		if _, name := entry(v, "name"); name != nil {
			where = "tag " + name.Value
		}
	}
	if r := refOf(v, s); r != nil {
		if !p.ref(f, v, r, s, where, key) || s.kind != kSchema || s.shape != one {
			return
		}
		// A schema's keywords next to its $ref apply too (OpenAPI 3.1).
	}
	switch {
	case s.kind == kString && s.shape == one && v.Kind != yaml.ScalarNode:
		p.drop(f, v, s, where, key, p.pos(f, v), fmt.Sprintf("%s is %s, not text", key, describeNode(v)))
	case s.kind == kString && s.shape == one && v.ShortTag() != "!!str" && v.ShortTag() != "!!null":
		// version: 1.0, a number to YAML, is the text its author wrote.
		p.warns = append(p.warns, ir.Diagnostic{Pos: p.pos(f, v), Msg: fmt.Sprintf("%s is %s, not text; it is read as the text %q", key, describeNode(v), v.Value)})
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Value}
		p.synth[n] = p.at(f, v)
		p.replace(f, v, n, f)
	case s.kind == kMappingRef && s.shape == one:
		p.mapping(f, v, where, key)
	case s.shape == listOf:
		if v.Kind == yaml.SequenceNode {
			for _, item := range v.Content {
				p.value(f, item, s.child(""), where, key)
			}
		}
	case v.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, val := v.Content[i], v.Content[i+1]
			if k.Value == "$ref" && s.kind == kSchema && s.shape == one {
				continue
			}
			c := s.child(k.Value)
			if c.kind == kData {
				continue
			}
			p.value(f, val, c, childName(s, c, k.Value, where), k.Value)
		}
	}
}

// childName names the element a field's value is, for the summary.
func childName(s, c state, key, where string) string {
	switch {
	case s.kind == kPaths || where == "components" && s.shape == mapOf:
		return key
	case s.kind == kDoc && c.kind == kComponents:
		return "components"
	case s.kind == kPathItem && c.kind == kOperation:
		return strings.ToUpper(key) + " " + where
	case s.shape == mapOf || keyed[s.kind] != 0:
		if where == "" {
			return key
		}
		return key + " of " + where
	}
	return where
}

// refOf is the $ref value of v, if v is a reference object where s is expected: a mapping
// with a string $ref. An example's value is one only when $ref is all it holds and names
// no URL: otherwise it is data.
func refOf(v *yaml.Node, s state) *yaml.Node {
	k, r := entry(v, "$ref")
	if k == nil || r.Kind != yaml.ScalarNode || r.ShortTag() != "!!str" {
		return nil
	}
	if s.kind == kExampleValue && (len(v.Content) != 2 || isRemote(r.Value)) {
		return nil
	}
	return r
}

func isRemote(ref string) bool {
	u, err := url.Parse(strings.SplitN(ref, "#", 2)[0])
	return err == nil && (u.Scheme != "" || u.Host != "") || strings.HasPrefix(ref, "//")
}

// ref handles the reference object v, of $ref r, where s is expected; it reports whether
// v stays (a $ref followed or left to kin-openapi), not replaced or dropped.
func (p *prepass) ref(f string, v, r *yaml.Node, s state, where, key string) bool {
	at, pos := p.at(f, r), p.pos(f, r)
	if s.shape == one && refable(s.kind) {
		t, problem := p.resolve(f, r.Value, 0)
		if problem == "" {
			problem = p.fits(r.Value, t, s)
		}
		if problem == "" {
			problem = p.loops(v, r.Value, t, s)
		}
		switch {
		case problem == "":
		case problem == notPointer:
			// A JSON Schema anchor: kin-openapi's to resolve.
			return true
		case strings.Contains(problem, refusedRef):
			// Out of the spec folder: kin-openapi refuses it, with today's error.
			return true
		default:
			p.fail(f, v, s, where, key, pos, problem)
			return false
		}
		if root := p.files[t.file].root; root.Kind != yaml.MappingNode {
			// kin-openapi reads only files that are objects: a $ref into a list is written
			// as its target.
			p.replace(f, v, t.node, t.file)
			p.value(t.file, t.node, s, where, key)
			return false
		}
		p.refs[r] = true
		if t.rewrite {
			// kin-openapi cannot follow the $refs this one went through: point it at the end.
			n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p.refTo(f, t.file, t.ptr)}
			p.refs[n] = true
			p.synth[n] = at
			p.replace(f, r, n, f)
		}
		p.value(t.file, t.node, s, where, key)
		return true
	}
	// JSON Reference semantics: the reference object stands for its target.
	t, problem := p.resolve(f, r.Value, 0)
	for hops := 0; problem == "" && hops < maxRefHops; hops++ {
		next := refOf(t.node, s)
		if next == nil {
			break
		}
		t, problem = p.resolve(t.file, next.Value, 0)
	}
	switch {
	case problem == notPointer:
		problem = fmt.Sprintf("$ref %q: its fragment is not a JSON pointer", r.Value)
	case strings.Contains(problem, refusedRef):
		p.errs = append(p.errs, ir.Diagnostic{Pos: pos, Msg: problem})
		return false
	case problem == "":
		problem = p.fits(r.Value, t, s)
	}
	if problem != "" {
		p.drop(f, v, s, where, key, pos, problem)
		return false
	}
	if s.shape == mapOf || s.shape == one && keyed[s.kind] != 0 {
		p.expand(f, v, t, s)
	} else {
		p.replace(f, v, t.node, t.file)
	}
	p.value(t.file, t.node, s, where, key)
	return false
}

// loops says whether the chain of $refs that starts at v, through t, comes back to itself:
// such a chain stands for nothing.
func (p *prepass) loops(v *yaml.Node, ref string, t target, s state) string {
	chain := map[*yaml.Node]bool{v: true}
	for range maxRefHops {
		n := deref(t.node)
		if chain[n] {
			return fmt.Sprintf("$ref %q leads back to itself through $refs alone", ref)
		}
		chain[n] = true
		r := refOf(n, s)
		if r == nil {
			return ""
		}
		next, problem := p.resolve(t.file, r.Value, 0)
		if problem != "" {
			// The link that does not hold is reported where it is written.
			return ""
		}
		t = next
	}
	return fmt.Sprintf("$ref %q: more than %d $refs lead on from it", ref, maxRefHops)
}

// notPointer is the problem of a $ref whose fragment is not a JSON pointer.
const notPointer = "not a JSON pointer"

// fits says what is wrong with target t of ref where s is expected, or "".
func (p *prepass) fits(ref string, t target, s state) string {
	n := deref(t.node)
	if n == nil {
		return fmt.Sprintf("$ref %q: the target is empty", ref)
	}
	if t.state.kind != kData && t.state != s {
		return fmt.Sprintf("$ref %q points to a %s, not a %s", ref, t.state, s)
	}
	want := yaml.MappingNode
	switch {
	case s.kind == kExampleValue:
		return ""
	case s.kind == kString:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
			return fmt.Sprintf("$ref %q points to %s, not to text", ref, describeNode(n))
		}
		return ""
	case s.shape == listOf:
		want = yaml.SequenceNode
	case s.kind == kSchema && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool":
		// true and false are schemas in OpenAPI 3.1.
		return ""
	}
	if n.Kind != want {
		return fmt.Sprintf("$ref %q points to %s, not a %s", ref, describeNode(n), s)
	}
	return ""
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "an object"
	case yaml.SequenceNode:
		return "a list"
	}
	if n.ShortTag() == "!!str" {
		return "text"
	}
	return "the value " + n.Value
}

// mapping checks a discriminator mapping value that is a $ref, which kin-openapi follows.
func (p *prepass) mapping(f string, v *yaml.Node, where, key string) {
	if v.Kind != yaml.ScalarNode || !strings.Contains(v.Value, "/") {
		return
	}
	t, problem := p.resolve(f, v.Value, 0)
	if problem == "" {
		problem = p.fits(v.Value, t, schema)
	}
	switch {
	case problem == "":
		p.refs[v] = true
		p.value(t.file, t.node, schema, where, key)
	case problem == notPointer || strings.Contains(problem, refusedRef):
		// kin-openapi's to resolve, or to refuse.
	default:
		p.drop(f, v, state{kMappingRef, one}, where, key, p.pos(f, v), problem)
	}
}

// fail handles a $ref that cannot be followed where s is expected: what the builder
// generates from becomes a marker, anything else is dropped.
func (p *prepass) fail(f string, v *yaml.Node, s state, where, key string, pos ir.Pos, problem string) {
	switch s.kind {
	case kSchema, kParameter, kRequestBody, kResponse:
		n := len(p.broken)
		p.broken = append(p.broken, brokenRef{ir.Diagnostic{Pos: pos, Msg: problem}, s.kind, where})
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: brokenExt}
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{k,
			{Kind: yaml.ScalarNode, Tag: "!!str", Value: strconv.Itoa(n)}}}
		p.synth[k], p.synth[m] = p.at(f, v), p.at(f, v)
		p.replace(f, v, m, f)
	default:
		p.drop(f, v, s, where, key, pos, problem)
	}
}

// drop leaves node v out of file f, with a line in the summary.
func (p *prepass) drop(f string, v *yaml.Node, s state, where, key string, pos ir.Pos, problem string) {
	p.edits[v] = edit{drop: true}
	p.changed(f)
	what, name := kindNames[s.kind], where
	if s.kind == kString || s.kind == kExampleValue || s.shape != one {
		// A field of the element where names.
		what, name = key, "of "+where
		if where == "" {
			name = "of the document"
		}
	}
	p.skips = append(p.skips, ir.Skip{Kind: what, Name: name, Pos: pos, Reason: problem})
}

func (p *prepass) replace(f string, v, with *yaml.Node, file string) {
	p.edits[v] = edit{node: with, file: file}
	p.changed(f)
}

// changed records that file f is to be written again.
func (p *prepass) changed(f string) {
	p.files[f].changed = true
	if p.rewriting != nil {
		p.rewriting.Store(true)
	}
}

// expand writes a $ref that stands for a map of s as the map itself: an entry that may be
// a $ref becomes one to the target's entry (so that the entry keeps its identity, as other
// $refs to it see it), any other is the target's entry.
func (p *prepass) expand(f string, v *yaml.Node, t target, s state) {
	m := deref(t.node)
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	p.synth[out] = p.at(t.file, m)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, val := m.Content[i], m.Content[i+1]
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: k.ShortTag(), Value: k.Value}
		p.synth[key] = p.at(t.file, k)
		var nv *yaml.Node
		if c := s.child(k.Value); refable(c.kind) && c.shape == one && key.Tag != "!!merge" {
			rk := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "$ref"}
			rv := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p.refTo(f, t.file, append(slices.Clone(t.ptr), k.Value))}
			nv = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{rk, rv}}
			p.synth[rk], p.synth[rv], p.synth[nv] = p.synth[key], p.synth[key], p.synth[key]
			p.refs[rv] = true
		} else {
			nv = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
			p.edits[nv] = edit{node: val, file: t.file}
		}
		out.Content = append(out.Content, key, nv)
	}
	p.replace(f, v, out, f)
}

// target is what a $ref points at.
type target struct {
	file string
	node *yaml.Node
	// ptr is the node's JSON pointer in file, unescaped.
	ptr []string
	// state is the node's kind by where it stands, kData when unknown.
	state state
	// rewrite is set when the way went through a $ref kin-openapi does not follow.
	rewrite bool
}

// resolve follows ref, written in file from, to its target; the problem says why it cannot.
func (p *prepass) resolve(from, ref string, hops int) (target, string) {
	if hops > maxRefHops {
		return target{}, fmt.Sprintf("$ref %q: more than %d $refs lead on from it", ref, maxRefHops)
	}
	filePart, frag, hasFrag := strings.Cut(ref, "#")
	file := from
	if filePart != "" {
		u, err := url.Parse(filePart)
		switch {
		case err != nil:
			return target{}, fmt.Sprintf("$ref %q is not a URI reference", ref)
		case u.Scheme != "" || u.Host != "" || u.Opaque != "" || strings.HasPrefix(filePart, "//"):
			return target{}, fmt.Sprintf("$ref %q is a URL, never fetched: %s", ref, refusedRef)
		}
		fp := u.Path
		if !strings.HasPrefix(fp, "/") {
			fp = path.Join(path.Dir(from), fp)
		}
		fp = path.Clean(strings.TrimPrefix(fp, "/"))
		if !fs.ValidPath(fp) || fp == "." {
			return target{}, fmt.Sprintf("$ref %q leaves the spec folder: %s", ref, refusedRef)
		}
		file = fp
	}
	sf := p.load(file)
	if sf.root == nil {
		return target{}, fmt.Sprintf("$ref %q: %s: %v", ref, displayPath(p.opts, file), sf.err)
	}
	t := target{file: file, node: sf.root}
	if sf.doc {
		t.state = state{kDoc, one}
	}
	if !hasFrag || frag == "" {
		return t, ""
	}
	if frag[0] != '/' {
		return target{}, notPointer
	}
	if dec, err := url.PathUnescape(frag); err == nil {
		frag = dec
	}
	for _, tok := range strings.Split(frag[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		n := deref(t.node)
		if n == nil {
			return target{}, fmt.Sprintf("$ref %q: no %q in %s", ref, tok, p.pointer(t))
		}
		if r := refOf(n, t.state); r != nil {
			// JSON Reference: on the way to the target too, an object with a $ref stands for
			// what it points at.
			next, problem := p.resolve(t.file, r.Value, hops+1)
			if problem != "" {
				return target{}, fmt.Sprintf("$ref %q goes through %s", ref, problem)
			}
			if !refable(t.state.kind) || t.state.shape != one {
				t.rewrite = true
			}
			t.file, t.node, t.ptr, t.rewrite = next.file, deref(next.node), next.ptr, t.rewrite || next.rewrite
			n = t.node
			if n == nil {
				return target{}, fmt.Sprintf("$ref %q: no %q in %s", ref, tok, p.pointer(t))
			}
		}
		s := t.state.at(n.Kind == yaml.SequenceNode)
		c := lookup(n, tok)
		if c == nil {
			return target{}, fmt.Sprintf("$ref %q: no %q in %s", ref, tok, p.pointer(t))
		}
		t.node, t.ptr, t.state = c, append(slices.Clone(t.ptr), tok), s.child(tok)
	}
	t.state = t.state.at(deref(t.node) != nil && deref(t.node).Kind == yaml.SequenceNode)
	return t, ""
}

// pointer writes where t stands as a $ref would.
func (p *prepass) pointer(t target) string {
	return displayPath(p.opts, t.file) + "#" + escapePointer(t.ptr)
}

func escapePointer(ptr []string) string {
	var b strings.Builder
	for _, tok := range ptr {
		b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// refTo is the $ref, written in file from, to the node at ptr in file.
func (p *prepass) refTo(from, file string, ptr []string) string {
	u := url.URL{Path: relPath(path.Dir(from), file), Fragment: escapePointer(ptr)}
	if file == from {
		u.Path = ""
	}
	s := u.String()
	if !strings.Contains(s, "#") {
		s += "#"
	}
	return s
}

// relPath is the path of file relative to folder dir, both clean and inside the spec folder.
func relPath(dir, file string) string {
	var from []string
	if dir != "." {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(file, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// rebase rewrites ref, written in file from, to be written in file into.
func rebase(ref, from, into string) string {
	if from == into || isRemote(ref) {
		return ref
	}
	filePart, frag, hasFrag := strings.Cut(ref, "#")
	file := from
	if filePart != "" {
		u, err := url.Parse(filePart)
		if err != nil {
			return ref
		}
		fp := u.Path
		if !strings.HasPrefix(fp, "/") {
			fp = path.Join(path.Dir(from), fp)
		}
		file = path.Clean(strings.TrimPrefix(fp, "/"))
	}
	out := ""
	if file != into {
		out = (&url.URL{Path: relPath(path.Dir(into), file)}).String()
	}
	if hasFrag {
		out += "#" + frag
	}
	if out == "" {
		out = "#"
	}
	return out
}

// deref follows aliases.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > maxRefHops {
			return nil
		}
		n = n.Alias
	}
	return n
}

// entry finds key in mapping n.
func entry(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

// lookup is the child tok of n for a JSON pointer: a key of a mapping (or of the mappings
// it merges), an index of a list.
func lookup(n *yaml.Node, tok string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		if _, v := entry(n, tok); v != nil {
			return v
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].ShortTag() != "!!merge" {
				continue
			}
			merged := deref(n.Content[i+1])
			list := []*yaml.Node{merged}
			if merged != nil && merged.Kind == yaml.SequenceNode {
				list = merged.Content
			}
			for _, m := range list {
				if m = deref(m); m != nil && m.Kind == yaml.MappingNode {
					if _, v := entry(m, tok); v != nil {
						return v
					}
				}
			}
		}
	case yaml.SequenceNode:
		i, err := strconv.Atoi(tok)
		if err != nil || i < 0 || i >= len(n.Content) || tok != strconv.Itoa(i) {
			return nil
		}
		return n.Content[i]
	}
	return nil
}

// strictErrors are the pre-pass's findings (warnings, markers, dropped parts) as errors, for
// strict mode.
func (p *prepass) strictErrors() error {
	list := slices.Clone(p.warns)
	for _, br := range p.broken {
		list = append(list, br.Diagnostic)
	}
	for _, s := range p.skips {
		list = append(list, ir.Diagnostic{Pos: s.Pos, Msg: s.Reason})
	}
	if len(list) == 0 {
		return nil
	}
	slices.SortStableFunc(list, func(x, y ir.Diagnostic) int { return comparePos(x.Pos, y.Pos) })
	errs := make([]error, len(list))
	for i, d := range list {
		errs[i] = d
	}
	return errors.Join(errs...)
}
