package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// jsonTree parses a JSON document into the node tree yaml.Unmarshal makes of it, with the
// same kinds, tags, styles, values and positions (TestJSONTree, FuzzJSONTree), several
// times faster: YAML's parser queues every token of a flow collection and inserts the keys
// into that queue, which on a large JSON spec costs as much as kin-openapi's whole load.
// It reports an error for anything it does not take for a plain JSON object or array, and
// the caller then asks yaml.Unmarshal, which says what is wrong or reads what JSON does not.
func jsonTree(data []byte) (*yaml.Node, error) {
	p := &jsonParser{data: data, line: 1, col: 1}
	p.space()
	if p.pos == len(data) || data[p.pos] != '{' && data[p.pos] != '[' || !utf8.Valid(data) || yamlSpecial(data) {
		return nil, errNotPlainJSON
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Line: p.line, Column: p.col}
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.space(); p.pos != len(p.data) {
		return nil, errNotPlainJSON
	}
	doc.Content = []*yaml.Node{root}
	return doc, nil
}

var errNotPlainJSON = errors.New("not plain JSON")

// yamlSpecial reports whether data holds a character that YAML reads otherwise than JSON:
// U+0085, U+2028 and U+2029 break a YAML line, even inside a quoted string, and U+FFFE and
// U+FFFF are not allowed in YAML at all.
func yamlSpecial(data []byte) bool {
	for _, r := range []string{"\u0085", "\u2028", "\u2029", "\ufffe", "\uffff"} {
		if bytes.Contains(data, []byte(r)) {
			return true
		}
	}
	return false
}

// maxJSONDepth is deeper than any spec nests, and keeps the recursion bounded.
const maxJSONDepth = 1000

type jsonParser struct {
	data []byte
	pos  int
	// line and col are the 1-based position of pos, col in characters, as YAML counts.
	line, col int
}

// space skips JSON's white space.
func (p *jsonParser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\n':
			p.line++
			p.col = 0
		case '\r':
			// A lone carriage return breaks a YAML line too.
			if p.pos+1 == len(p.data) || p.data[p.pos+1] != '\n' {
				p.line++
				p.col = 0
			}
		case ' ', '\t':
		default:
			return
		}
		p.pos++
		p.col++
	}
}

func (p *jsonParser) value(depth int) (*yaml.Node, error) {
	if depth > maxJSONDepth || p.pos >= len(p.data) {
		return nil, errNotPlainJSON
	}
	n := &yaml.Node{Line: p.line, Column: p.col}
	switch c := p.data[p.pos]; {
	case c == '{':
		n.Kind, n.Style, n.Tag = yaml.MappingNode, yaml.FlowStyle, "!!map"
		return n, p.collection(n, '}', depth)
	case c == '[':
		n.Kind, n.Style, n.Tag = yaml.SequenceNode, yaml.FlowStyle, "!!seq"
		return n, p.collection(n, ']', depth)
	case c == '"':
		s, err := p.str()
		n.Kind, n.Style, n.Tag, n.Value = yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str", s
		return n, err
	case c == '-' || c >= '0' && c <= '9':
		v, err := p.number()
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, numberTag(v), v
		return n, err
	default:
		for _, lit := range [...]struct{ text, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
			if string(p.data[p.pos:min(p.pos+len(lit.text), len(p.data))]) == lit.text {
				p.pos += len(lit.text)
				p.col += len(lit.text)
				n.Kind, n.Tag, n.Value = yaml.ScalarNode, lit.tag, lit.text
				return n, p.end()
			}
		}
		return nil, errNotPlainJSON
	}
}

// end checks that a number or a literal ends where JSON lets a value end.
func (p *jsonParser) end() error {
	if p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
		default:
			return errNotPlainJSON
		}
	}
	return nil
}

// collection reads the items of an object (keys and values in turn) or of an array into n,
// up to close.
func (p *jsonParser) collection(n *yaml.Node, close byte, depth int) error {
	p.pos++
	p.col++
	for first := true; ; first = false {
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == close && first {
			p.pos++
			p.col++
			return nil
		}
		if !first {
			if p.pos >= len(p.data) {
				return errNotPlainJSON
			}
			switch p.data[p.pos] {
			case close:
				p.pos++
				p.col++
				return nil
			case ',':
				p.pos++
				p.col++
				p.space()
			default:
				return errNotPlainJSON
			}
		}
		if close == '}' {
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return errNotPlainJSON
			}
			key, err := p.value(depth + 1)
			if err != nil {
				return err
			}
			if p.space(); p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return errNotPlainJSON
			}
			p.pos++
			p.col++
			p.space()
			n.Content = append(n.Content, key)
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.Content = append(n.Content, v)
	}
}

// str reads a string, its escapes decoded.
func (p *jsonParser) str() (string, error) {
	start := p.pos + 1
	i := start
	for i < len(p.data) && p.data[i] != '"' && p.data[i] != '\\' && p.data[i] >= 0x20 {
		i++
	}
	if i < len(p.data) && p.data[i] == '"' {
		s := string(p.data[start:i])
		p.col += utf8.RuneCount(p.data[p.pos : i+1])
		p.pos = i + 1
		return s, nil
	}
	buf := append([]byte(nil), p.data[start:i]...)
	for {
		if i >= len(p.data) || p.data[i] < 0x20 {
			return "", errNotPlainJSON
		}
		switch c := p.data[i]; c {
		case '"':
			p.col += utf8.RuneCount(p.data[p.pos : i+1])
			p.pos = i + 1
			return string(buf), nil
		case '\\':
			if i+1 >= len(p.data) {
				return "", errNotPlainJSON
			}
			switch e := p.data[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := hexEscape(p.data[i:])
				// A surrogate is not YAML (readFile wrote them as YAML reads them).
				if !ok || utf16.IsSurrogate(r) {
					return "", errNotPlainJSON
				}
				buf = utf8.AppendRune(buf, r)
				i += 4
			case 'U':
				// YAML's escape, which readFile writes surrogate pairs as.
				if i+10 > len(p.data) {
					return "", errNotPlainJSON
				}
				n, err := strconv.ParseUint(string(p.data[i+2:i+10]), 16, 32)
				if err != nil || !utf8.ValidRune(rune(n)) {
					return "", errNotPlainJSON
				}
				buf = utf8.AppendRune(buf, rune(n))
				i += 8
			default:
				return "", errNotPlainJSON
			}
			i += 2
		default:
			buf = append(buf, c)
			i++
		}
	}
}

// number reads a number as JSON writes one.
func (p *jsonParser) number() (string, error) {
	start, i := p.pos, p.pos
	digits := func() bool {
		j := i
		for i < len(p.data) && p.data[i] >= '0' && p.data[i] <= '9' {
			i++
		}
		return i > j
	}
	if p.data[i] == '-' {
		i++
	}
	if i < len(p.data) && p.data[i] == '0' {
		i++
	} else if !digits() {
		return "", errNotPlainJSON
	}
	if i < len(p.data) && p.data[i] == '.' {
		i++
		if !digits() {
			return "", errNotPlainJSON
		}
	}
	if i < len(p.data) && (p.data[i] == 'e' || p.data[i] == 'E') {
		i++
		if i < len(p.data) && (p.data[i] == '+' || p.data[i] == '-') {
			i++
		}
		if !digits() {
			return "", errNotPlainJSON
		}
	}
	p.pos, p.col = i, p.col+i-start
	return string(p.data[start:i]), p.end()
}

// numberTag is the tag YAML resolves a JSON number to: an integer when it fits 64 bits, and
// -0; a float otherwise, or text when it overflows a float.
func numberTag(v string) string {
	if v == "-0" {
		return "!!float"
	}
	if _, err := strconv.ParseInt(v, 10, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(v, 10, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return "!!float"
	}
	return "!!str"
}

// surrogateEscapes writes the UTF-16 surrogate escapes of a JSON document as YAML reads
// them: a pair as the \U escape of its character, a lone surrogate as U+FFFD, which is what
// encoding/json makes of it. YAML has no escape for a surrogate, which JSON writes a
// character beyond U+FFFF with (Twilio's "\ud83d\udc4d"), and kin-openapi would read the
// document as JSON, without the origins that give positions and the spec's order. The rest
// of the line moves left by two columns for each pair. ok is false when data is not JSON or
// has no such escape.
func surrogateEscapes(data []byte) (fixed []byte, ok bool) {
	// A YAML file in flow style may start like JSON and hold a backslash that is no escape.
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || (t[0] != '{' && t[0] != '[') || !hasSurrogate(data) || !json.Valid(data) {
		return nil, false
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' || i+1 >= len(data) {
			out = append(out, data[i])
			continue
		}
		r1, ok1 := hexEscape(data[i:])
		if !ok1 || !utf16.IsSurrogate(r1) {
			// Any other escape, \\ included, goes through whole.
			out = append(out, data[i], data[i+1])
			i++
			continue
		}
		r2, ok2 := hexEscape(data[i+6:])
		if r := utf16.DecodeRune(r1, r2); ok2 && r != unicode.ReplacementChar {
			out = fmt.Appendf(out, "\\U%08X", r)
			i += 11
		} else {
			out = append(out, `\uFFFD`...)
			i += 5
		}
		ok = true
	}
	return out, ok
}

// hasSurrogate reports whether data holds a \uD800 to \uDFFF escape, or a \\uD8 that only
// looks like one.
func hasSurrogate(data []byte) bool {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(`\u`))
		if i < 0 || off+i+3 >= len(data) {
			return false
		}
		off += i + 2
		if c, d := data[off], data[off+1]; (c == 'd' || c == 'D') && strings.IndexByte("89abcdefABCDEF", d) >= 0 {
			return true
		}
	}
}

// hexEscape is the rune of the \uXXXX escape that b starts with.
func hexEscape(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[2:6]), 16, 16)
	return rune(n), err == nil
}
