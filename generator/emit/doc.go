package emit

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// docWidth is the width doc comment text is wrapped to, not counting the "// ".
const docWidth = 100

// markdownLink matches an inline link, which may contain spaces but must never be split.
var markdownLink = regexp.MustCompile(`^\[[^\]\n]*\]\([^)\s]*\)`)

// docLines turns description text into Go doc comment lines that gofmt leaves as they are.
// Paragraphs, blank lines and list items are kept; other indentation is dropped, since in a
// Go doc comment it would turn prose into a code block. Lines are wrapped at width runes;
// words and markdown links are never split, so a line holding one longer than width stays
// long. A list item's wrapped lines are indented under its text.
func docLines(text string, width int) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
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
		out = append(out, wrap(splitAtoms(src), width, first, rest)...)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// listMarker matches what Go doc comments take for a list item: a bullet or a number.
var listMarker = regexp.MustCompile(`^(?:[-*+•]|[0-9]+[.)]) `)

func wrap(atoms []string, width int, first, rest string) []string {
	var out []string
	line := first + atoms[0]
	for _, a := range atoms[1:] {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(a) > width {
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
