package ir

import (
	"fmt"
	"strings"
)

// Summary is what a generation made of the spec: how much it generated, and each part it
// left out with the reason.
type Summary struct {
	// Operations counts the operations the client and server have.
	Operations int
	// Schemas counts the named schemas (component schemas and the targets of schema $refs)
	// that were generated, as Go types or written inline where they are used.
	Schemas int
	// Skipped lists what was left out, in the order of the spec's files and positions.
	Skipped []Skip
}

// Skip is one part of the spec that was not generated.
type Skip struct {
	// Kind is what the part is: an element ("operation", "schema", "parameter", "response",
	// "header", "example", "link", "callback", "path item", "security scheme", "discriminator
	// mapping"), or the field whose value was left out ("description", "properties").
	Kind string
	// Name is how the spec names it: "GET /pets", "Pet", "limit of GET /pets", "of tag pets".
	Name string
	Pos  Pos
	// Reason says why, with the position of the cause when it lies elsewhere.
	Reason string
}

func (s Skip) String() string {
	return fmt.Sprintf("%s: %s %s skipped: %s", s.Pos, s.Kind, s.Name, s.Reason)
}

// Count is the number of skipped parts of one kind.
func (s Summary) Count(kind string) int {
	n := 0
	for _, k := range s.Skipped {
		if k.Kind == kind {
			n++
		}
	}
	return n
}

// String is the summary as the CLI prints it: one line of counts, then one line per
// skipped part.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "generated %d %s and %d %s", s.Operations, plural("operation", s.Operations), s.Schemas, plural("schema", s.Schemas))
	if len(s.Skipped) == 0 {
		b.WriteString("; nothing skipped\n")
		return b.String()
	}
	// Operations, schemas and parameters are counted; what else a line names is another
	// part of the spec: a response, an example, a description.
	var parts []string
	for _, k := range []string{"operation", "schema", "parameter"} {
		if n := s.Count(k); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(k, n)))
		}
	}
	if n := len(s.Skipped) - s.Count("operation") - s.Count("schema") - s.Count("parameter"); n > 0 {
		parts = append(parts, fmt.Sprintf("%d other %s", n, plural("part", n)))
	}
	b.WriteString("; skipped ")
	for i, p := range parts {
		switch {
		case i == 0:
		case i == len(parts)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(p)
	}
	b.WriteString(":\n")
	for _, k := range s.Skipped {
		b.WriteString("  " + k.String() + "\n")
	}
	return b.String()
}

func plural(kind string, n int) string {
	if n == 1 {
		return kind
	}
	return kind + "s"
}
