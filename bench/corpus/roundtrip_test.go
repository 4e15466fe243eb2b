package main

import (
	"testing"
	"time"
)

func TestJSONDiff(t *testing.T) {
	for _, c := range []struct {
		want, got string
		path      string // "" when the two are the same
	}{
		{`{"a":1,"b":[true,null]}`, `{"b":[true,null],"a":1}`, ""},
		{`1.0`, `1`, ""},
		{`1e2`, `100`, ""},
		{`0.1`, `0.10`, ""},
		{`12345678901234567890`, `12345678901234567891`, "$"},
		{`12345678901234567890`, `1.234567890123456789e19`, ""},
		{`"2020-01-01T00:00:00.000Z"`, `"2020-01-01T00:00:00Z"`, ""},
		{`"2020-01-01T01:00:00+01:00"`, `"2020-01-01T00:00:00Z"`, ""},
		{`"2020-01-01T00:00:01Z"`, `"2020-01-01T00:00:00Z"`, "$"},
		{`"2020-01-01"`, `"2020-01-01T00:00:00Z"`, "$"},
		{`{"a":null}`, `{}`, "$.a"},
		{`{}`, `{"a":null}`, "$.a"},
		{`{"a":0}`, `{}`, "$.a"},
		{`{"a":false}`, `{}`, "$.a"},
		{`{"a":""}`, `{}`, "$.a"},
		{`{"a":0}`, `{"a":false}`, "$.a"},
		{`{"a":"1"}`, `{"a":1}`, "$.a"},
		{`{"a":{"b":[1,{"c d":2}]}}`, `{"a":{"b":[1,{"c d":3}]}}`, `$.a.b[1]["c d"]`},
		{`[1,2]`, `[1]`, "$[1]"},
		{`[1]`, `[1,2]`, "$[1]"},
		{`{"a":[]}`, `{"a":null}`, "$.a"},
		{`{"a":{}}`, `{"a":[]}`, "$.a"},
		{`{"b":1,"a":2}`, `{"b":2,"a":1}`, "$.a"},
	} {
		path, want, got := jsonDiff([]byte(c.want), []byte(c.got))
		if path != c.path {
			t.Errorf("jsonDiff(%s, %s) = %q (want %s, got %s); want path %q", c.want, c.got, path, want, got, c.path)
		}
	}
}

func TestJSONDiffSnippets(t *testing.T) {
	path, want, got := jsonDiff([]byte(`{"a":{"x":0}}`), []byte(`{"a":{}}`))
	if path != "$.a.x" || want != "0" || got != "(absent)" {
		t.Errorf("got %s %s %s", path, want, got)
	}
}

func TestRoundTrip(t *testing.T) {
	type plain struct {
		N int    `json:"n,omitempty"`
		S string `json:"s"`
	}
	type withTime struct {
		At *time.Time `json:"at,omitempty"`
	}
	for _, c := range []struct {
		data string
		v    any
		path string
		err  bool
	}{
		{`{"n":1,"s":"x"}`, new(plain), "", false},
		{`{"n":0,"s":"x"}`, new(plain), "$.n", false},
		{`{"s":"x","extra":1}`, new(plain), "$.extra", false},
		{`[1]`, new(plain), "", true},
		{`{"at":"2020-01-01T00:00:00.000Z"}`, new(withTime), "", false},
		{`{"a":null,"b":[1.5]}`, new(any), "", false},
	} {
		r := roundTrip(0, []byte(c.data), c.v)
		if r.Path != c.path || (r.Err != "") != c.err {
			t.Errorf("roundTrip(%s) = %+v; want path %q, error %v", c.data, r, c.path, c.err)
		}
	}
}
