// Package templates holds the static runtime source that specgen writes next to the code it
// generates: the HTTP core, the error type and helpers. It is embedded so that the binary
// needs no files at run time. It never describes types; those come from the spec.
package templates
