package b2b

import (
	"net/http/httptest"
	"net/url"
	"reflect"
	"testing"
	"time"
)

// The Stytch API has no path, query or header parameters, so these tests drive the runtime's
// parameter encoding and decoding directly, as the client and server code of other specs
// calls it.

func TestAddQuery(t *testing.T) {
	when := time.Date(2026, 11, 27, 8, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		value   any
		style   string
		explode bool
		want    string
	}{
		{"string", "a b&c", "form", true, "p=a+b%26c"},
		{"int", int32(42), "form", true, "p=42"},
		{"bool true", true, "form", true, "p=true"},
		{"bool false", false, "form", true, "p=false"},
		{"float", 1.5, "form", true, "p=1.5"},
		{"time", &when, "form", true, "p=2026-11-27T08%3A30%3A00Z"},
		{"array exploded", []string{"x", "y"}, "form", true, "p=x&p=y"},
		{"array joined", []int{1, 2, 3}, "form", false, "p=1%2C2%2C3"},
		{"array space", []string{"x", "y"}, "spaceDelimited", false, "p=x+y"},
		{"array pipe", []string{"x", "y"}, "pipeDelimited", false, "p=x%7Cy"},
		{"deepObject", map[string]string{"b": "2", "a": "1"}, "deepObject", true, "p%5Ba%5D=1&p%5Bb%5D=2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := url.Values{}
			addQuery(q, "p", tc.value, tc.style, tc.explode)
			if got := q.Encode(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestPathAndHeaderParams(t *testing.T) {
	if got := pathParam("a/b c"); got != "a%2Fb%20c" {
		t.Errorf("pathParam escapes to %q", got)
	}
	if got := pathParam([]int64{1, 2}); got != "1,2" {
		t.Errorf("pathParam of a list: %q", got)
	}
	if got := headerParam([]string{"a", "b"}); got != "a,b" {
		t.Errorf("headerParam of a list: %q", got)
	}
}

func TestParseParam(t *testing.T) {
	var (
		s  string
		n  int32
		b  bool
		f  float64
		tm *time.Time
		l  []int
	)
	for _, tc := range []struct {
		values []string
		dst    any
		want   any
	}{
		{[]string{"x"}, &s, "x"},
		{[]string{"-7"}, &n, int32(-7)},
		{[]string{"true"}, &b, true},
		{[]string{"2.5"}, &f, 2.5},
		{[]string{"1,2", "3"}, &l, []int{1, 2, 3}},
	} {
		if err := parseParam("p", tc.values, ",", tc.dst); err != nil {
			t.Fatalf("%v: %v", tc.values, err)
		}
		if got := reflect.ValueOf(tc.dst).Elem().Interface(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: got %#v, want %#v", tc.values, got, tc.want)
		}
	}
	if err := parseParam("p", []string{"2026-11-27T08:30:00Z"}, ",", &tm); err != nil || tm == nil || tm.Hour() != 8 {
		t.Errorf("time: %v %v", tm, err)
	}
	if err := parseParam("p", []string{"seven"}, ",", &n); err == nil {
		t.Error("a non-number parsed into an int32")
	}
	if err := parseParam("p", nil, ",", &s); err != nil || s != "x" {
		t.Errorf("no value must leave the field alone: %q %v", s, err)
	}
}

// TestQueryRoundTrip reads back what addQuery writes, in every style.
func TestQueryRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		style   string
		explode bool
		value   any
		dst     any
	}{
		{"form", true, []string{"a,b", "c"}, new([]string)},
		{"form", false, []int{1, 2, 3}, new([]int)},
		{"spaceDelimited", false, []string{"x", "y"}, new([]string)},
		{"pipeDelimited", false, []string{"x", "y"}, new([]string)},
		{"deepObject", true, map[string]string{"color": "red", "size": "L"}, new(map[string]string)},
		{"form", true, int64(7), new(int64)},
	} {
		q := url.Values{}
		addQuery(q, "p", tc.value, tc.style, tc.explode)
		if err := parseQuery(q, "p", tc.style, tc.explode, tc.dst); err != nil {
			t.Fatalf("%s %v: %v", tc.style, tc.value, err)
		}
		if got := reflect.ValueOf(tc.dst).Elem().Interface(); !reflect.DeepEqual(got, tc.value) {
			t.Errorf("%s explode=%v: sent %#v, read back %#v (query %s)", tc.style, tc.explode, tc.value, got, q.Encode())
		}
	}
}

func TestCookieValues(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Cookie", "session=abc; other=1")
	if got := cookieValues(r, "session"); !reflect.DeepEqual(got, []string{"abc"}) {
		t.Errorf("got %v", got)
	}
	if got := cookieValues(r, "missing"); got != nil {
		t.Errorf("missing cookie: %v", got)
	}
}
