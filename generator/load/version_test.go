package load

import (
	"regexp"
	"testing"
)

// swaggerOracle is the regular expression swaggerAt replaced; it is slow, not wrong.
var swaggerOracle = regexp.MustCompile(`(?m)(?:^|[{,])\s*"?swagger"?\s*:\s*["']?2`)

var swaggerCases = []string{
	"swagger: '2.0'\n",
	"swagger: \"2.0\"\ninfo: {}\n",
	"openapi: 3.0.0\ninfo:\n  description: no swagger: 2 here\n",
	"openapi: 3.0.0\nx:\n  swagger: 2\n",
	`{"swagger":"2.0","info":{}}`,
	`{"info":{}, "swagger" : "2.0"}`,
	"{\n  \"swagger\": \"2.0\"\n}",
	"openapi: 3.1.0\nswagger: 3\n",
	"aswagger: 2\n",
	"x: swagger: 2\n",
	"  \n \t swagger:2",
	"\"swagger\"\t:\t'2",
	"swagger",
	"swagger:",
	"{  \n  swagger: 2",
	",swagger: 2",
	"swagger: 1\nswagger: 2\n",
	"description: the swagger file\n",
	"",
}

func TestSwaggerAt(t *testing.T) {
	for _, c := range swaggerCases {
		checkSwaggerAt(t, c)
	}
}

func FuzzSwaggerAt(f *testing.F) {
	for _, c := range swaggerCases {
		f.Add(c)
	}
	f.Fuzz(checkSwaggerAt)
}

// checkSwaggerAt compares swaggerAt with the expression on c.
func checkSwaggerAt(t *testing.T, c string) {
	want := -1
	if m := swaggerOracle.FindStringIndex(c); m != nil {
		want = m[0]
	}
	if got := swaggerAt([]byte(c)); got != want {
		t.Errorf("swaggerAt(%q) = %d, want %d", c, got, want)
	}
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
