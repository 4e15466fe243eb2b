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
