package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

var jsonTreeCases = []string{
	`{}`,
	`[]`,
	` {"a": "x", "b" :[1, 1.5e3, -0, -0.0, 0, 18446744073709551615, 184467440737095516150, 1e999, true, false, null, "x\u00e9\/\"\\\b\f\n\r\t"],` + "\n\t" + `"c": {}, "d": [[], {}]}`,
	"{\"é\": \"ü\", \"k\": \"\U0001F44D\", \"z\": 1}",
	"{\n  \"openapi\": \"3.0.0\",\r\n  \"paths\": {\"/a\": {\"$ref\": \"#/x\"}}\n}\n",
	`{"a": 01}`,
	`{"a": 1,}`,
	`{"a" 1}`,
	`{"a": tru}`,
	`{"a": "\ud83d\udc4d"}`,
	`{"a": "\U0001F44D \U0000d83d \U00110000 \U0001F4"}`,
	`{"a": "\U0001F44D"}`,
	`{"a": "\x"}`,
	`{"a": 1} x`,
	`{"a": -}`,
	`{"a": 1.}`,
	`{"a": 1e}`,
	"{\"a\": \"tab\there\"}",
	`{"a": "\u0000"}`,
	`"scalar"`,
	`a: b`,
	"{\"a\": \"x\u0085y\",\n \"b\": 1}",
	"{\"a\": \"x\u2028  y\"}",
	"{\"a\u2029 b\": 1}",
	"{\"a\": \"x\uffffy\", \"b\": \"\ufffe\"}",
	"{\"é\": [\"\u00a0\u0080\u007f\ufeff\", \"\U0001F44D\"],\r\n\t\"k\": {\"\u3042\": null}}",
	"\t{}",
	"\ufeff{}",
}

func TestJSONTree(t *testing.T) {
	for _, c := range jsonTreeCases {
		if err := sameTree([]byte(c)); err != nil {
			t.Errorf("%q: %v", c, err)
		}
	}
}

// TestJSONTreeCorpus compares the trees of every JSON spec of the corpus, when it is there.
func TestJSONTreeCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/*/*.json")
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if fixed, ok := surrogateEscapes(data); ok {
			data = fixed
		}
		if _, err := jsonTree(data); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		if err := sameTree(data); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}

func FuzzJSONTree(f *testing.F) {
	for _, c := range jsonTreeCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		if err := sameTree([]byte(c)); err != nil {
			t.Errorf("%q: %v", c, err)
		}
	})
}

// sameTree checks that where jsonTree reads data, yaml.Unmarshal reads the same tree.
func sameTree(data []byte) error {
	got, err := jsonTree(data)
	if err != nil {
		return nil
	}
	var want yaml.Node
	if err := yaml.Unmarshal(data, &want); err != nil {
		return fmt.Errorf("jsonTree reads what yaml rejects: %v", err)
	}
	return diffNodes(got, &want, "")
}

func diffNodes(got, want *yaml.Node, at string) error {
	g := fmt.Sprintf("kind %d style %d tag %q value %q at %d:%d", got.Kind, got.Style, got.Tag, got.Value, got.Line, got.Column)
	w := fmt.Sprintf("kind %d style %d tag %q value %q at %d:%d", want.Kind, want.Style, want.Tag, want.Value, want.Line, want.Column)
	if g != w || got.Anchor != want.Anchor || want.Alias != nil || want.HeadComment+want.LineComment+want.FootComment != "" {
		return fmt.Errorf("%s: got %s, want %s", at, g, w)
	}
	if len(got.Content) != len(want.Content) {
		return fmt.Errorf("%s: %d children, want %d", at, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if err := diffNodes(got.Content[i], want.Content[i], at+"/"+strings.TrimSpace(fmt.Sprint(i))); err != nil {
			return err
		}
	}
	return nil
}

func TestSurrogateEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"a": "Hello! \ud83d\udc4d"}`, `{"a": "Hello! \U0001F44D"}`},
		{`{"a": "\uD83D\uDC4D\u00e9"}`, `{"a": "\U0001F44D\u00e9"}`},
		{`{"a": "lone \ud83d then \n"}`, `{"a": "lone \uFFFD then \n"}`},
		{`{"a": "low \udc4d"}`, `{"a": "low \uFFFD"}`},
		{`{"a": "two highs \ud83d\ud83d\udc4d"}`, `{"a": "two highs \uFFFD\U0001F44D"}`},
		{`{"a": "not an escape \\ud83d"}`, ``},
		{`{"a": "none \u00e9"}`, ``},
		{"a: \"\\ud83d\\udc4d\"\n", ``},
		{`{"a": "cut \ud83d`, ``},
	} {
		got, ok := surrogateEscapes([]byte(c.in))
		if !ok {
			got = nil
		}
		if string(got) != c.want {
			t.Errorf("surrogateEscapes(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}
