package templates

import (
	"slices"
	"testing"
)

func TestIdentifiers(t *testing.T) {
	for _, tc := range []struct {
		template, declared, imported string
	}{
		{"client", "Option", "rand"},
		{"client", "pairs", "crand"},
		{"validate", "Path", "netip"},
		{"values", "Nullable", "json"},
		{"server", "DefaultMaxBodyBytes", "slog"},
	} {
		n, err := Identifiers(tc.template)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(n.Declared, tc.declared) {
			t.Errorf("%s: %s is not among the declared %v", tc.template, tc.declared, n.Declared)
		}
		if !slices.Contains(n.Imports, tc.imported) {
			t.Errorf("%s: %s is not among the imports %v", tc.template, tc.imported, n.Imports)
		}
	}
	n, _ := Identifiers("values")
	for _, method := range []string{"Get", "IsNull", "MarshalJSON"} {
		if slices.Contains(n.Declared, method) {
			t.Errorf("values: method %s counted as a package-level name", method)
		}
	}
	if _, err := Identifiers("nope"); err == nil {
		t.Error("no error for a template that does not exist")
	}
}
