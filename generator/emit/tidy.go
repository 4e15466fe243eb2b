package emit

import (
	"bytes"
	"strconv"
	"strings"
)

// tidy gives a gofmt'ed file the layout a Go team writes by hand and that neither jennifer
// nor gofmt gives it: a blank line between top-level declarations (gofmt adds one only where
// the kind of declaration changes or a doc comment starts), and the imports in two groups,
// the standard library and then the generated module's own packages. gofmt keeps both.
//
// It reads the text, not a syntax tree, which would cost a third parse of every file: in
// gofmt'ed generated code a line at column 0 that starts with a keyword of a declaration or
// with // starts a top-level declaration or its doc comment (generated code has no raw string
// that could hold such a line).
func tidy(src []byte, module string) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	out := make([]byte, 0, len(src)+len(src)/32)
	prev := []byte(nil) // the previous line, nil at the start and after a blank line
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if bytes.Equal(line, []byte("import (\n")) {
			end := i + 1
			for end < len(lines) && !bytes.Equal(lines[end], []byte(")\n")) {
				end++
			}
			out = append(out, line...)
			out = append(out, groupImports(lines[i+1:end], module)...)
			i, prev = end-1, nil
			continue
		}
		if prev != nil && startsDecl(line) && !bytes.HasPrefix(prev, []byte("//")) {
			out = append(out, '\n')
		}
		out = append(out, line...)
		prev = line
		if len(bytes.TrimSpace(line)) == 0 {
			prev = nil
		}
	}
	return out
}

// startsDecl reports whether line starts a top-level declaration or its doc comment.
func startsDecl(line []byte) bool {
	for _, p := range []string{"func ", "type ", "var ", "const ", "//"} {
		if bytes.HasPrefix(line, []byte(p)) {
			return true
		}
	}
	return false
}

// groupImports orders the lines of an import block, each `\t[name ]"path"\n` and sorted by
// gofmt: the standard library, a blank line, then the packages of module.
func groupImports(specs [][]byte, module string) []byte {
	var std, own []byte
	for _, spec := range specs {
		s := strings.TrimSpace(string(spec))
		if s == "" {
			continue
		}
		quoted := s[strings.LastIndexByte(s, ' ')+1:]
		if p, _ := strconv.Unquote(quoted); p == module || strings.HasPrefix(p, module+"/") {
			own = append(own, spec...)
		} else {
			// Generated code imports nothing but the standard library and its own module.
			std = append(std, spec...)
		}
	}
	if len(std) == 0 || len(own) == 0 {
		return append(std, own...)
	}
	return append(append(std, '\n'), own...)
}
