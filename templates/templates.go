// Package templates holds the static runtime source that specgen writes next to the code it
// generates: validation helpers, and the HTTP core of the client and server. It is embedded so
// that the binary needs no files at run time. It never describes types; those come from the
// spec.
package templates

import (
	"embed"
	"strings"
)

//go:embed *.go.tmpl
var files embed.FS

// Source returns the template name (without .go.tmpl) as Go source of package pkg.
func Source(name, pkg string) ([]byte, error) {
	data, err := files.ReadFile(name + ".go.tmpl")
	if err != nil {
		return nil, err
	}
	src := string(data)
	first, rest, _ := strings.Cut(src, "\n")
	if strings.HasPrefix(first, "package ") {
		src = "package " + pkg + "\n" + rest
	}
	return []byte(src), nil
}
