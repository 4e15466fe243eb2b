package generator_test

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/generator"
)

// TestFormatIsFinal checks that gofmt leaves every file of gen/ as it is: emit formats each
// file once, which is enough only if nothing it writes (a doc comment's list, say) is
// rewritten on a second pass. TestGoldenDocs checks the golden outputs, TestWireCorpus the
// corpus outputs.
func TestFormatIsFinal(t *testing.T) {
	files, err := generator.Generate(projectConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sortedKeys(files) {
		if err := formatIsFinal(files[p]); err != nil {
			t.Errorf("gen/%s: %v", p, err)
		}
	}
}

// formatIsFinal reports how gofmt would change src, if it would.
func formatIsFinal(src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return err
	}
	if !bytes.Equal(out, src) {
		a, b := strings.Split(string(src), "\n"), strings.Split(string(out), "\n")
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		return fmt.Errorf("gofmt changes line %d:\n-%s\n+%s", i+1, at(a, i), at(b, i))
	}
	return nil
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}
