package emit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDocLines(t *testing.T) {
	link := "[Create Organization via Discovery endpoint](https://stytch.com/docs/b2b/api/create-organization-via-discovery)"
	text := "Token: It can also be used with the " + link + " to create a new Organization and Member, which is enough words to wrap.\n" +
		"\n" +
		"  1. The end user is already a Member of the Organization, which this item says at such length that it wraps.\n" +
		"  - a bullet\n" +
		"      indented prose\n\n\n"
	lines := docLines(text, 100)
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
	want := []string{
		"",
		"  1. The end user is already a Member of the Organization, which this item says at such length that",
		"     it wraps.",
		"  - a bullet",
		"indented prose",
	}
	if tail := lines[len(lines)-len(want):]; strings.Join(tail, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraph, list and dedent:\n%s\nwant:\n%s", strings.Join(tail, "\n"), strings.Join(want, "\n"))
	}
}
