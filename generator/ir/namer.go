package ir

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iancoleman/strcase"
)

// defaultInitialisms are the words written in a fixed spelling rather than capitalized:
// golint's list plus the ones web APIs use most.
var defaultInitialisms = []string{
	"ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID",
	"IP", "JSON", "JWT", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP",
	"TLS", "TTL", "UDP", "UI", "UID", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF",
	"XSS",
}

// Namer turns spec names (JSON property names, component keys, enum values, operation IDs)
// into Go identifiers. It is regular: the same words always give the same name; irregular
// names come from explicit overrides in the spec, never from special cases here.
type Namer struct {
	// spell maps a lower-case word to its spelling.
	spell map[string]string
	// mixed are spellings with lower-case letters ("OAuth"), recognized inside CamelCase
	// input before it is split, longest first.
	mixed []string
}

// NewNamer returns a namer with defaultInitialisms plus extra spellings. An extra entry may
// be an all-caps initialism ("SSO") or a mixed-case word ("OAuth", "WebAuthn").
func NewNamer(extra []string) *Namer {
	n := &Namer{spell: map[string]string{}}
	for _, list := range [][]string{defaultInitialisms, extra} {
		for _, w := range list {
			n.spell[strings.ToLower(w)] = w
			if strings.ToUpper(w) != w {
				n.mixed = append(n.mixed, w)
			}
		}
	}
	// Longest first, so "WebAuthn" wins over a shorter spelling it contains.
	for i := 1; i < len(n.mixed); i++ {
		for j := i; j > 0 && len(n.mixed[j]) > len(n.mixed[j-1]); j-- {
			n.mixed[j], n.mixed[j-1] = n.mixed[j-1], n.mixed[j]
		}
	}
	return n
}

// words splits s into lower-case words: on any character that is not a letter or digit, and
// on lower-to-upper case changes; digits stay with the word before them ("auth0", "v1").
func (n *Namer) words(s string) []string {
	for _, m := range n.mixed {
		s = strings.ReplaceAll(s, m, "_"+strings.ToLower(m)+"_")
	}
	var words []string
	for _, chunk := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, w := range strings.Split(strcase.ToSnake(chunk), "_") {
			if w == "" {
				continue
			}
			if len(words) > 0 && isDigits(w) && !isDigits(words[len(words)-1]) {
				words[len(words)-1] += w
				continue
			}
			words = append(words, w)
		}
	}
	return words
}

// spelling is the fixed spelling of word w: an initialism, also when digits follow it
// ("http2" gives "HTTP2") or it is the plural of an all-caps one ("ids" gives "IDs"), as Go
// writes them and linters expect.
func (n *Namer) spelling(w string) (string, bool) {
	if sp, ok := n.spell[w]; ok {
		return sp, true
	}
	base := strings.TrimRight(w, "0123456789")
	digits := w[len(base):]
	if sp, ok := n.spell[base]; ok && digits != "" {
		return sp + digits, true
	}
	if one, ok := strings.CutSuffix(base, "s"); ok {
		if sp, ok := n.spell[one]; ok && sp == strings.ToUpper(sp) {
			return sp + "s" + digits, true
		}
	}
	return "", false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Exported returns the exported Go identifier for s. It is always a valid identifier: input
// with no letters or digits spells its symbols ("+1" gives "Plus1"), a leading digit gets an
// "N" prefix ("2fa" gives "N2fa"), and empty input gives "Empty".
func (n *Namer) Exported(s string) string {
	var b strings.Builder
	for _, w := range n.words(spellSymbols(s)) {
		if sp, ok := n.spelling(w); ok {
			b.WriteString(sp)
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
	}
	name := b.String()
	if name == "" {
		return "Empty"
	}
	switch r, _ := utf8.DecodeRuneInString(name); {
	case !unicode.IsLetter(r):
		name = "N" + name
	case !unicode.IsUpper(r):
		// A letter with no upper case (名) cannot start an exported name.
		name = "X" + name
	}
	return name
}

// Suffix returns the exported form of s for appending to another identifier, as enum
// constants are to their type's name: like Exported, but a leading digit needs no prefix.
func (n *Namer) Suffix(s string) string {
	name := n.Exported(s)
	if len(name) > 1 && name[0] == 'N' && name[1] >= '0' && name[1] <= '9' {
		return name[1:]
	}
	return name
}

// Unexported returns the unexported Go identifier for s, never a Go keyword or predeclared
// identifier.
func (n *Namer) Unexported(s string) string {
	words := n.words(spellSymbols(s))
	if len(words) == 0 {
		return "empty"
	}
	first := words[0]
	if r, _ := utf8.DecodeRuneInString(first); !unicode.IsLetter(r) {
		first = "n" + first
	}
	rest := n.Exported(strings.Join(words[1:], "_"))
	if len(words) == 1 {
		rest = ""
	}
	name := first + rest
	if token.IsKeyword(name) || predeclared[name] {
		name += "_"
	}
	return name
}

// spellSymbols replaces input made only of symbols with the symbols' names, so that "+1" and
// "-1" and "" do not all collapse to one identifier.
func spellSymbols(s string) string {
	hasAlnum := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			hasAlnum = true
			break
		}
	}
	if hasAlnum && !strings.ContainsAny(s[:1], "+-") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if name, ok := symbolNames[r]; ok {
			b.WriteString(" " + name + " ")
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else if !unicode.IsSpace(r) && r != '_' {
			b.WriteString(" U" + strconv.FormatInt(int64(r), 16) + " ")
		} else {
			b.WriteRune(' ')
		}
	}
	return b.String()
}

var symbolNames = map[rune]string{
	'+': "plus", '-': "minus", '*': "star", '/': "slash", '.': "dot", '=': "equals",
	'<': "less", '>': "greater", '!': "not", '@': "at", '#': "hash", '$': "dollar",
	'%': "percent", '&': "and", '|': "or", '~': "tilde", '?': "question", ':': "colon",
	'^': "caret",
}

// predeclared are Go's predeclared identifiers, which generated code must not shadow.
var predeclared = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range types.Universe.Names() {
		m[name] = true
	}
	return m
}()

// Scope hands out unique names within one Go scope: a package block, the imports of a
// package's files, the functions emit writes, a struct's fields and methods. It is the
// namer instance of that scope; a scope made by Child also sees the names of its parent, as
// Go's scopes nest.
type Scope struct {
	parent *Scope
	taken  map[string]bool
	// numbered are the prefixes whose numbered names are taken as a whole: "v" takes v1,
	// v2, ..., as emit numbers the variables of nested loops.
	numbered []string
	// prefixed are the prefixes whose names with an exported identifier after them are
	// taken as a whole: "items" takes itemsName, as emit names a variable after a field.
	prefixed []string
}

// NewScope returns an empty scope; reserved names are taken from the start.
func NewScope(reserved ...string) *Scope {
	s := &Scope{taken: map[string]bool{}}
	for _, r := range reserved {
		s.taken[r] = true
	}
	return s
}

// Child returns an empty scope nested in s: what s has taken stays taken in it.
func (s *Scope) Child() *Scope {
	c := NewScope()
	c.parent = s
	return c
}

// ClaimNumbered takes every name that is prefix followed by decimal digits.
func (s *Scope) ClaimNumbered(prefix string) { s.numbered = append(s.numbered, prefix) }

// ClaimPrefixed takes every name that is prefix followed by an exported identifier.
func (s *Scope) ClaimPrefixed(prefix string) { s.prefixed = append(s.prefixed, prefix) }

// ClaimUniverse takes what Go itself names: its keywords, its predeclared identifiers, and
// init and _, which declare no name a package can be referred to by.
func (s *Scope) ClaimUniverse() {
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		s.taken[tok.String()] = true
	}
	for name := range predeclared {
		s.taken[name] = true
	}
	s.taken["init"], s.taken["_"] = true, true
}

// Names are the names s itself has taken, sorted; not those of the scopes it is nested in.
func (s *Scope) Names() []string {
	out := make([]string, 0, len(s.taken))
	for name := range s.taken {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Taken reports whether name is taken in s or a scope s is nested in.
func (s *Scope) Taken(name string) bool {
	if s.numberedName(name) {
		return true
	}
	for sc := s; sc != nil; sc = sc.parent {
		if sc.taken[name] {
			return true
		}
		for _, p := range sc.prefixed {
			if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
				if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
					return true
				}
			}
		}
	}
	return false
}

// numberedName reports whether name is a numbered name that s or a parent has taken.
func (s *Scope) numberedName(name string) bool {
	for sc := s; sc != nil; sc = sc.parent {
		for _, p := range sc.numbered {
			if rest, ok := strings.CutPrefix(name, p); ok && isDigits(rest) {
				return true
			}
		}
	}
	return false
}

// Claim takes name, which must be free, and reports whether it was.
func (s *Scope) Claim(name string) bool {
	if s.Taken(name) {
		return false
	}
	s.taken[name] = true
	return true
}

// Unique takes and returns name, or the first of name2, name3, ... that is free. Where
// those are a numbered prefix's (name is v, or v1), it is name_2, name_3, ... instead.
func (s *Scope) Unique(name string) string {
	if s.Claim(name) {
		return name
	}
	sep := ""
	if s.numberedName(name + "2") {
		sep = "_"
	}
	for i := 2; ; i++ {
		if c := name + sep + strconv.Itoa(i); s.Claim(c) {
			return c
		}
	}
}
