package emit

import (
	"go/format"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/specgen-dev/specgen/generator/ir"
)

func TestDocLines(t *testing.T) {
	link := "[Create Organization via Discovery endpoint](https://stytch.com/docs/b2b/api/create-organization-via-discovery)"
	text := "Token: It can also be used with the " + link + " to create a new Organization and Member, which is enough words to wrap.\n" +
		"\n" +
		"  1. The end user is already a Member of the Organization, which this item says at such length that it wraps.\n" +
		"  - a bullet\n" +
		"      indented prose\n\n\n"
	lines := docLines(text, ir.WrapGofmt, false)
	joined := strings.Join(lines, "\n")
	if !strings.Contains(joined, link) {
		t.Errorf("the markdown link was split:\n%s", joined)
	}
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 100 && !strings.Contains(l, link) {
			t.Errorf("line longer than 100 without a long link: %q", l)
		}
	}
	if got := strings.Fields(joined); strings.Join(got, " ") != strings.Join(strings.Fields(text), " ") {
		t.Errorf("words changed:\n%s", joined)
	}
	// As gofmt has it: a list item's indentation is its own, a bullet after a numbered item
	// continues it, and a blank line ends the list.
	want := []string{
		" 1. The end user is already a Member of the Organization, which this item says at such length that",
		"    it wraps.",
		"    - a bullet",
		"",
		"indented prose",
	}
	if tail := lines[len(lines)-len(want):]; strings.Join(tail, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraph, list and dedent:\n%s\nwant:\n%s", strings.Join(tail, "\n"), strings.Join(want, "\n"))
	}
}

func TestStytchLines(t *testing.T) {
	w100 := strings.Repeat("x", 100)
	link := "[Create Organization via Discovery endpoint](https://stytch.com/docs/b2b/api/create-organization-via-discovery)"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"a rest of 105 bytes stays whole", w100 + " abcd", []string{w100 + " abcd"}},
		{"longer, it breaks at the last space before byte 105", w100 + " abcde", []string{w100, "abcde"}},
		{"a space at byte 105 is too late", strings.Repeat("y", 105) + " z", []string{strings.Repeat("y", 105) + " z"}},
		{"a link is one word", "or the " + link + " to create", []string{"or the", link + " to create"}},
		{"no space before the limit: the rest stays whole", link + " to create a new Organization and Member.", []string{link + " to create a new Organization and Member."}},
		{"layout and a trailing newline are kept", "A: values:\n\n  `X` – x\n\n\n    y\n", []string{"A: values:", "", "  `X` – x", "", "", "    y", ""}},
		{"indentation is no place to break", "    " + strings.Repeat("z", 110), []string{"    " + strings.Repeat("z", 110)}},
	} {
		if got := docLines(c.text, ir.WrapStytch, true); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestDocLinesGofmt checks that gofmt leaves the comments docLines makes as they are, for a
// top-level declaration and inside a struct, in both wrapping modes: one gofmt pass over a
// generated file is final.
func TestDocLinesGofmt(t *testing.T) {
	texts := []string{
		"Doc: A list:\n  1. one, which is long enough a line that it has to wrap somewhere past the hundredth column of text\n  - two\n\n\n    indented\n# Heading\n\n\tcode\n",
		"SessionDurationMinutes: Set the session lifetime.\n  returning both an opaque `session_token`, at length enough to be broken by the one hundred and fifth byte.\n",
	}
	for _, wrap := range []ir.DocWrap{ir.WrapGofmt, ir.WrapStytch} {
		for _, text := range texts {
			var top, inside []string
			for _, l := range docLines(text, wrap, false) {
				top = append(top, commentLine(l))
			}
			for _, l := range docLines(text, wrap, true) {
				inside = append(inside, "\t"+commentLine(l))
			}
			src := "package p\n\n" + strings.Join(top, "\n") + "\ntype T struct {\n" + strings.Join(inside, "\n") + "\n\tF int\n}\n"
			out, err := format.Source([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != src {
				t.Errorf("wrap %d: gofmt changes the comments of %q:\n%s", wrap, text, out)
			}
		}
	}
}
