package main

// This file is also copied, as it is, into every round-trip program the sweep writes: it
// must need nothing but the standard library and nothing else of this package.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// tripResult is the outcome of one example's round trip, one JSON line of a round-trip
// program's output.
type tripResult struct {
	ID int `json:"id"`
	// Err is why the value did not decode or encode; empty otherwise.
	Err string `json:"err,omitempty"`
	// Path is the first JSON path where the re-encoded value differs, with both values;
	// empty when it kept every value.
	Path string `json:"path,omitempty"`
	Want string `json:"want,omitempty"`
	Got  string `json:"got,omitempty"`
}

// roundTrip decodes data into v (a pointer to a new value of the example's type), encodes
// v and compares the result with data.
func roundTrip(id int, data []byte, v any) (r tripResult) {
	r.ID = id
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Sprintf("panic: %v", p)
		}
	}()
	if err := json.Unmarshal(data, v); err != nil {
		r.Err = "decode: " + err.Error()
		return r
	}
	out, err := json.Marshal(v)
	if err != nil {
		r.Err = "encode: " + err.Error()
		return r
	}
	r.Path, r.Want, r.Got = jsonDiff(data, out)
	return r
}

// jsonDiff compares two JSON texts as values. It returns "" when they are the same, else the
// first differing path ($, $.key, $[0], $["odd key"]) and a snippet of each side there; a
// side that has no value there says "(absent)". Same means: the same keys with the same
// values (in any order), the same items in the same order, numbers of the same decimal
// value (1.0 and 1, 1e2 and 100), and strings equal or both RFC 3339 date-times of the same
// instant. null is a value: null and an absent key differ, as do 0, false and "" and absent.
func jsonDiff(want, got []byte) (path, wantSnip, gotSnip string) {
	w, err := decodeNumbers(want)
	if err != nil {
		return "$", "not JSON: " + err.Error(), snippet(got)
	}
	g, err := decodeNumbers(got)
	if err != nil {
		return "$", snippet(want), "not JSON: " + err.Error()
	}
	return diffValues("$", w, g)
}

func decodeNumbers(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// absent stands for a missing key in diffValues.
type absent struct{}

func diffValues(path string, w, g any) (string, string, string) {
	wm, wok := w.(map[string]any)
	gm, gok := g.(map[string]any)
	if wok && gok {
		keys := make([]string, 0, len(wm)+len(gm))
		for k := range wm {
			keys = append(keys, k)
		}
		for k := range gm {
			if _, ok := wm[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			wv, ok := wm[k]
			if !ok {
				wv = absent{}
			}
			gv, ok := gm[k]
			if !ok {
				gv = absent{}
			}
			if p, ws, gs := diffValues(path+keyPath(k), wv, gv); p != "" {
				return p, ws, gs
			}
		}
		return "", "", ""
	}
	wa, wok := w.([]any)
	ga, gok := g.([]any)
	if wok && gok {
		for i := range min(len(wa), len(ga)) {
			if p, ws, gs := diffValues(path+"["+strconv.Itoa(i)+"]", wa[i], ga[i]); p != "" {
				return p, ws, gs
			}
		}
		switch n := min(len(wa), len(ga)); {
		case len(wa) > n:
			return path + "[" + strconv.Itoa(n) + "]", snippetOf(wa[n]), "(absent)"
		case len(ga) > n:
			return path + "[" + strconv.Itoa(n) + "]", "(absent)", snippetOf(ga[n])
		}
		return "", "", ""
	}
	if sameScalar(w, g) {
		return "", "", ""
	}
	return path, snippetOf(w), snippetOf(g)
}

// sameScalar compares two values of which at least one is no object or array.
func sameScalar(w, g any) bool {
	switch w := w.(type) {
	case json.Number:
		g, ok := g.(json.Number)
		if !ok {
			return false
		}
		wr, ok1 := new(big.Rat).SetString(string(w))
		gr, ok2 := new(big.Rat).SetString(string(g))
		return ok1 && ok2 && wr.Cmp(gr) == 0
	case string:
		g, ok := g.(string)
		return ok && (w == g || sameInstant(w, g))
	case bool:
		g, ok := g.(bool)
		return ok && w == g
	case nil:
		return g == nil
	case absent:
		_, ok := g.(absent)
		return ok
	}
	return false
}

// dateTime is RFC 3339's date-time; time.Time re-encodes one with its own spelling of the
// fraction and the zone ("2020-01-01T00:00:00.000Z" as "2020-01-01T00:00:00Z").
var dateTime = regexp.MustCompile(`^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$`)

func sameInstant(w, g string) bool {
	if !dateTime.MatchString(w) || !dateTime.MatchString(g) {
		return false
	}
	wt, err1 := time.Parse(time.RFC3339Nano, w)
	gt, err2 := time.Parse(time.RFC3339Nano, g)
	return err1 == nil && err2 == nil && wt.Equal(gt)
}

var plainKey = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$-]*$`)

func keyPath(k string) string {
	if plainKey.MatchString(k) {
		return "." + k
	}
	return "[" + strconv.Quote(k) + "]"
}

func snippetOf(v any) string {
	if _, ok := v.(absent); ok {
		return "(absent)"
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return snippet(data)
}

// snippet shortens a JSON text for a report line.
func snippet(data []byte) string {
	const most = 60
	if r := []rune(string(data)); len(r) > most {
		return string(r[:most]) + "…"
	}
	return string(data)
}
