package b2b

import (
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// The Stytch API has no path, query or header parameters. The generated code formats and
// parses every value from its static type (the golden case generator/testdata/styles.txtar
// pins that on the wire); these tests drive the runtime's string helpers it calls, which
// only join, split and escape text, as OpenAPI's style table says.

var (
	colors = []string{"blue", "black", "brown"}
	rgb    = []string{"R", "100", "G", "200", "B", "150"}
)

func TestStyleParam(t *testing.T) {
	for _, tc := range []struct {
		style   string
		explode bool
		name    string
		object  bool
		items   []string
		esc     func(string) string
		want    string
	}{
		{"simple", false, "color", false, colors, url.PathEscape, "blue,black,brown"},
		{"simple", true, "color", true, rgb, url.PathEscape, "R=100,G=200,B=150"},
		{"label", false, "color", false, colors, url.PathEscape, ".blue.black.brown"},
		{"label", true, "color", true, rgb, url.PathEscape, ".R=100.G=200.B=150"},
		{"matrix", false, "color", true, rgb, url.PathEscape, ";color=R,100,G,200,B,150"},
		{"matrix", true, "color", false, colors, url.PathEscape, ";color=blue;color=black;color=brown"},
		{"matrix", false, "color", false, []string{""}, url.PathEscape, ";color"},
		{"form", false, "color", false, colors, url.QueryEscape, "color=blue,black,brown"},
		{"form", true, "color", true, rgb, url.QueryEscape, "R=100&G=200&B=150"},
		{"form", true, "color", false, nil, url.QueryEscape, ""},
		{"spaceDelimited", false, "color", false, colors, url.QueryEscape, "color=blue%20black%20brown"},
		{"pipeDelimited", false, "color", false, colors, url.QueryEscape, "color=blue|black|brown"},
		{"simple", false, "p", false, []string{"a/b,c d"}, url.PathEscape, "a%2Fb%2Cc%20d"},
		{"form", false, "p", false, []string{"a,b", "c&d"}, url.QueryEscape, "p=a%2Cb,c%26d"},
	} {
		if got := styleParam(tc.style, tc.explode, tc.name, tc.object, tc.items, tc.esc); got != tc.want {
			t.Errorf("%s explode=%v %v: got %s, want %s", tc.style, tc.explode, tc.items, got, tc.want)
		}
	}
}

// TestStyleItems reads back what styleParam writes in the path and header styles.
func TestStyleItems(t *testing.T) {
	for _, style := range []string{"simple", "label", "matrix"} {
		for _, explode := range []bool{false, true} {
			for _, tc := range []struct {
				list, object bool
				items        []string
			}{
				{false, false, []string{"a/b.c;d=e,f"}},
				{true, false, []string{"x,y", "z"}},
				{true, false, []string{}},
				{false, true, rgb},
			} {
				text := styleParam(style, explode, "p", tc.object, tc.items, url.PathEscape)
				got, ok := styleItems(style, explode, "p", tc.list, tc.object, text, url.PathUnescape)
				if !ok || !reflect.DeepEqual(got, tc.items) {
					t.Errorf("%s explode=%v: wrote %q, read back %q %v", style, explode, text, got, ok)
				}
			}
		}
	}
	if _, ok := styleItems("label", false, "p", false, false, "5", url.PathUnescape); ok {
		t.Error("a label value without its dot was read")
	}
	if _, ok := styleItems("matrix", false, "p", false, false, ";q=5", url.PathUnescape); ok {
		t.Error("a matrix value of another name was read")
	}
}

// TestFormItems reads back what styleParam and pairs write in the form styles.
func TestFormItems(t *testing.T) {
	for _, tc := range []struct {
		style   string
		explode bool
		list    bool
		object  bool
		keys    []string
		items   []string
	}{
		{"form", true, true, false, nil, []string{"a,b", "c d"}},
		{"form", false, true, false, nil, []string{"a,b", "c d", "é"}},
		{"spaceDelimited", false, true, false, nil, []string{"x y", "z"}},
		{"pipeDelimited", false, true, false, nil, []string{"x|y", "z"}},
		{"form", false, false, true, nil, rgb},
		{"form", true, false, true, []string{"R", "G", "B"}, rgb},
	} {
		q := &pairs{}
		q.raw(styleParam(tc.style, tc.explode, "p", tc.object, tc.items, url.QueryEscape))
		q.add("other", "1")
		values, err := url.ParseQuery(q.encode())
		if err != nil {
			t.Fatal(err)
		}
		got, ok := formItems(values, rawValues(q.encode()), tc.style, tc.explode, "p", tc.list, tc.object, tc.keys, nil)
		if !ok || !reflect.DeepEqual(got, tc.items) {
			t.Errorf("%s explode=%v: wrote %s, read back %q %v", tc.style, tc.explode, q.encode(), got, ok)
		}
	}
	values := url.Values{"b": {"2"}, "a": {"1"}, "other": {"x"}}
	if got, _ := formItems(values, nil, "form", true, "m", false, true, nil, []string{"other"}); !reflect.DeepEqual(got, []string{"a", "1", "b", "2"}) {
		t.Errorf("an exploded map takes the other keys, sorted: %q", got)
	}
	if _, ok := formItems(values, nil, "form", true, "missing", false, false, nil, nil); ok {
		t.Error("an absent parameter was found")
	}
}

func TestPairs(t *testing.T) {
	p := &pairs{}
	p.add("address[city]", "Berlin Mitte")
	p.add("a&b", "x=y")
	p.raw("")
	if got, want := p.encode(), "address[city]=Berlin+Mitte&a%26b=x%3Dy"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestDeepKeys(t *testing.T) {
	values := url.Values{"a[b][c]": {"1"}, "a[d]": {"2"}, "a[0]": {"3"}, "ab": {"4"}}
	if got := subKeys(values, "a"); !reflect.DeepEqual(got, []string{"0", "b", "d"}) {
		t.Errorf("subKeys: %q", got)
	}
	if !hasKey(values, "a[b]") || hasKey(values, "a[e]") || !hasKey(values, "ab") || hasKey(values, "a[b][c][d]") {
		t.Error("hasKey")
	}
}

func TestCookieValues(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Cookie", "session=a%2Cb; other=1; other=2")
	values, raw := cookieValues(r)
	if !reflect.DeepEqual(values, url.Values{"session": {"a,b"}, "other": {"1", "2"}}) {
		t.Errorf("values: %v", values)
	}
	if got := raw["session"]; !reflect.DeepEqual(got, []string{"a%2Cb"}) {
		t.Errorf("raw: %v", got)
	}
}

func TestSegmentParam(t *testing.T) {
	if got := segmentParam("photo.v1.png", "photo.", []string{"."}, "", 1); got != "png" {
		t.Errorf("got %q", got)
	}
	r := httptest.NewRequest("GET", "/a/b%2Fc/d", nil)
	if got := rawSegment(r, 1); got != "b%2Fc" {
		t.Errorf("rawSegment: %q", got)
	}
	if got := rawSegment(r, 5); got != "" {
		t.Errorf("rawSegment past the end: %q", got)
	}
	if !strings.HasPrefix(badParam("p", errMalformed).Error(), "malformed request: parameter p:") {
		t.Error(badParam("p", errMalformed))
	}
}
