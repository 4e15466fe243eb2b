package emit

import (
	doccomment "go/doc/comment"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/specgen-dev/specgen/generator/ir"
)

// The widths doc comment text is wrapped to, not counting the "// ": docWidth in runes,
// stytchWidth (ir.WrapStytch) in bytes.
const (
	docWidth    = 100
	stytchWidth = 105
)

// markdownLink matches an inline link, which may contain spaces but must never be split.
var markdownLink = regexp.MustCompile(`^\[[^\]\n]*\]\([^)\s]*\)`)

// docLines turns doc text into comment lines, broken as wrap says, that gofmt leaves as they
// are. inside is set for the comment of a struct field, an interface method or a constant of
// a group: gofmt reformats only the docs of top-level declarations, so there ir.WrapStytch
// keeps the text's layout.
func docLines(text string, wrap ir.DocWrap, inside bool) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	switch {
	case wrap != ir.WrapStytch:
		return gofmtLines(layout(text, func(atoms []string, first, rest string) []string {
			return fill(atoms, docWidth, first, rest)
		}))
	case !inside:
		return gofmtLines(layout(text, func(atoms []string, first, rest string) []string {
			lines := breakLine(first+strings.Join(atoms, " "), stytchWidth)
			for i := 1; i < len(lines); i++ {
				lines[i] = rest + lines[i]
			}
			return lines
		}))
	}
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, breakLine(strings.TrimRight(line, " \t"), stytchWidth)...)
	}
	return out
}

// gofmtLines are lines as gofmt writes them in a top-level doc comment: parsed and printed
// by go/doc/comment, as go/printer does, so that one gofmt pass over the file is final.
func gofmtLines(lines []string) []string {
	if len(lines) == 0 {
		return nil
	}
	var p doccomment.Parser
	var pr doccomment.Printer
	text := string(pr.Comment(p.Parse(strings.Join(lines, "\n") + "\n")))
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// breakLine is the Stytch generator's rule: while line is longer than width bytes, it is
// broken at the last space before byte width that is neither indentation nor inside a
// markdown link; with no such space the rest stays whole.
func breakLine(line string, width int) []string {
	var out []string
	for len(line) > width {
		i := lastSpace(line, width)
		if i < 0 {
			break
		}
		out = append(out, strings.TrimRight(line[:i], " "))
		line = line[i+1:]
	}
	return append(out, line)
}

// lastSpace is the index of the last space of s before width where a line may break, or -1.
func lastSpace(s string, width int) int {
	last := -1
	i := len(s) - len(strings.TrimLeft(s, " \t"))
	for ; i < len(s) && i < width; i++ {
		switch s[i] {
		case ' ':
			last = i
		case '[':
			if m := markdownLink.FindString(s[i:]); m != "" {
				i += len(m) - 1
			}
		}
	}
	return last
}

// layout lays text out as gofmt keeps a doc comment: paragraphs, blank lines and list items
// are kept; other indentation is dropped, since in a Go doc comment it would turn prose into
// a code block; repeated and trailing blank lines go. Each line of the text is broken by
// wrap, into lines that start with first and then rest: a list item's wrapped lines are
// indented under its text.
func layout(text string, wrap func(atoms []string, first, rest string) []string) []string {
	var out []string
	for _, src := range strings.Split(text, "\n") {
		src = strings.TrimSpace(src)
		if src == "" {
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			continue
		}
		first, rest := "", ""
		if m := listMarker.FindString(src); m != "" {
			first, rest = "  ", strings.Repeat(" ", 2+len(m))
		}
		out = append(out, wrap(splitAtoms(src), first, rest)...)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// listMarker matches what Go doc comments take for a list item: a bullet or a number.
var listMarker = regexp.MustCompile(`^(?:[-*+•]|[0-9]+[.)]) `)

// fill wraps atoms at width runes; an atom longer than that has a line of its own. The first
// two atoms stay on one line whatever their length: a doc starts with the name it documents
// and a verb, where revive's exported rule looks for them.
func fill(atoms []string, width int, first, rest string) []string {
	var out []string
	line := first + atoms[0]
	for i, a := range atoms[1:] {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(a) > width && i > 0 {
			out = append(out, line)
			line = rest + a
			continue
		}
		line += " " + a
	}
	return append(out, line)
}

// splitAtoms splits s at spaces, keeping each markdown link (and what is glued to it, such
// as a trailing comma) in one piece.
func splitAtoms(s string) []string {
	var atoms []string
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		start := i
		for i < len(s) && s[i] != ' ' {
			if s[i] == '[' {
				if m := markdownLink.FindString(s[i:]); m != "" {
					i += len(m)
					continue
				}
			}
			i++
		}
		atoms = append(atoms, s[start:i])
	}
	return atoms
}
