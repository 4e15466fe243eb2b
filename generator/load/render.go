package load

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/specgen-dev/specgen/generator/ir"
)

// renderer writes a file the pre-pass changed as flow YAML (JSON, but for the scalars YAML
// has and JSON lacks), one key or list item a line, so that each line has one position in
// the spec's files: a key's, or a list item's. kin-openapi records exactly those.
type renderer struct {
	p *prepass
	// into is the file being written: the $refs of nodes from other files are rebased to it.
	into  string
	buf   bytes.Buffer
	lines []srcPos
	// expanding are the anchors whose aliases are being written, to stop at a cycle.
	expanding map[*yaml.Node]bool
	limit     int
	err       error
}

// A file written again holds at most what the spec's files hold, a few times over where
// aliases repeat it: more is an alias bomb.
const (
	renderBase   = 1 << 20
	renderFactor = 4
)

func (p *prepass) render(f *specFile) (*rendered, error) {
	limit := renderBase
	for _, sf := range p.files {
		limit += renderFactor * len(sf.data)
	}
	r := &renderer{p: p, into: f.path, expanding: map[*yaml.Node]bool{}, limit: limit}
	r.lines = append(r.lines, p.at(f.path, f.root))
	r.node(f.root, f.path)
	if r.err != nil {
		return nil, ir.Diagnostic{Pos: p.pos(f.path, f.root), Msg: r.err.Error()}
	}
	r.buf.WriteByte('\n')
	return &rendered{data: r.buf.Bytes(), lines: r.lines}, nil
}

func (r *renderer) newline(at srcPos) {
	r.buf.WriteByte('\n')
	r.lines = append(r.lines, at)
}

// dropped reports whether the pre-pass left n out, through its aliases and edits.
func (r *renderer) dropped(n *yaml.Node) bool {
	for range maxRefHops {
		if n = deref(n); n == nil {
			return false
		}
		e, has := r.p.edits[n]
		if !has || e.drop {
			return has
		}
		n = e.node
	}
	return false
}

func (r *renderer) node(n *yaml.Node, src string) {
	if r.err != nil {
		return
	}
	if r.buf.Len() > r.limit {
		r.err = fmt.Errorf("the file's aliases and $refs expand to more than %d bytes", r.limit)
		return
	}
	// Aliases and edits are followed with a mark on each, so that one that leads back into
	// itself stops with an error instead of writing forever.
	var marked []*yaml.Node
	defer func() {
		for _, m := range marked {
			delete(r.expanding, m)
		}
	}()
	for hops := 0; n != nil; hops++ {
		e, edited := r.p.edits[n]
		if n.Kind != yaml.AliasNode && !edited {
			break
		}
		if r.expanding[n] || hops > maxRefHops {
			r.err = fmt.Errorf("an alias or $ref at line %d leads back into itself", n.Line)
			return
		}
		r.expanding[n] = true
		marked = append(marked, n)
		switch {
		case n.Kind == yaml.AliasNode:
			n = n.Alias
		case e.drop:
			n = nil
		default:
			n, src = e.node, e.file
		}
	}
	if n == nil {
		r.buf.WriteString("null")
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		r.mapping(n, src)
	case yaml.SequenceNode:
		r.buf.WriteByte('[')
		first := true
		for _, item := range n.Content {
			if r.dropped(item) {
				continue
			}
			if !first {
				r.buf.WriteByte(',')
			}
			first = false
			r.newline(r.p.at(src, item))
			r.node(item, src)
		}
		if !first {
			r.newline(r.lines[len(r.lines)-1])
		}
		r.buf.WriteByte(']')
	case yaml.ScalarNode:
		if r.p.refs[n] && src != r.into {
			r.buf.WriteString(quote(rebase(n.Value, src, r.into)))
			return
		}
		r.buf.WriteString(scalar(n))
	default:
		r.buf.WriteString("null")
	}
}

// mapping writes a mapping; of keys written twice, the last counts, as in JSON.
func (r *renderer) mapping(n *yaml.Node, src string) {
	last := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.ShortTag() != "!!merge" {
			last[k.Value] = i
		}
	}
	r.buf.WriteByte('{')
	first := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		merge := k.ShortTag() == "!!merge"
		if !merge && last[k.Value] != i {
			continue
		}
		if r.dropped(v) {
			continue
		}
		if !first {
			r.buf.WriteByte(',')
		}
		first = false
		r.newline(r.p.at(src, k))
		if merge {
			r.buf.WriteString("<<")
		} else {
			r.buf.WriteString(quote(k.Value))
		}
		r.buf.WriteString(": ")
		r.node(v, src)
	}
	if !first {
		r.newline(r.lines[len(r.lines)-1])
	}
	r.buf.WriteByte('}')
}

// scalar writes a scalar so that it reads back as the same value: text quoted, numbers,
// booleans and nulls as they were written, other tags kept. Local tags and timestamps are
// text, as kin-openapi reads them.
func scalar(n *yaml.Node) string {
	tag := n.ShortTag()
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	switch tag {
	case "!!null":
		if !quoted && plain(n.Value) || n.Value == "" {
			return "null"
		}
	case "!!bool", "!!int", "!!float":
		if !quoted && plain(n.Value) {
			return n.Value
		}
	case "!!str", "!!timestamp":
		return quote(n.Value)
	default:
		if len(tag) > 0 && tag[0] == '!' && (len(tag) == 1 || tag[1] != '!') {
			return quote(n.Value)
		}
	}
	return tag + " " + quote(n.Value)
}

// plain reports whether s can be written unquoted inside a flow collection.
func plain(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '-' || c == '+' || c == '_' || c == '~') {
			return false
		}
	}
	return true
}

// quote writes s as a double-quoted scalar that YAML and JSON both read as s: every
// character YAML would not take as printable is escaped.
func quote(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == utf8.RuneError && size == 1:
			b.WriteString(`\ufffd`)
		case c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xfeff || c == 0xfffe || c == 0xffff:
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(c), 16)
			for range 4 - len(h) {
				b.WriteByte('0')
			}
			b.WriteString(h)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
