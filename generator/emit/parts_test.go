package emit_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/generator"
	"github.com/specgen-dev/specgen/generator/emit"
	"github.com/specgen-dev/specgen/internal/golden"
)

// TestFormatParts checks that a file formatted in parts is the file formatted whole, cut at
// every split: each golden case and the project's own spec, generated with parts of one
// byte (every declaration by itself) and with parts larger than any file.
func TestFormatParts(t *testing.T) {
	cases, err := filepath.Glob("../testdata/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatal("no golden cases", err)
	}
	configs := map[string]generator.Config{}
	for _, file := range cases {
		_, cfg, err := golden.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		configs[strings.TrimSuffix(filepath.Base(file), ".txtar")] = cfg
	}
	project, err := golden.Project("../../spec")
	if err != nil {
		t.Fatal(err)
	}
	configs["project"] = project

	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			whole := generate(t, cfg, 1<<30)
			parts := generate(t, cfg, 1)
			for file, content := range whole {
				if !bytes.Equal(parts[file], content) {
					t.Errorf("%s formatted in parts differs from %s formatted whole", file, file)
				}
			}
			if len(parts) != len(whole) {
				t.Errorf("%d files formatted in parts, %d whole", len(parts), len(whole))
			}
		})
	}
}

// generate runs cfg with parts of partBytes; a case whose spec must fail gives no files.
func generate(t *testing.T, cfg generator.Config, partBytes int) map[string][]byte {
	t.Helper()
	defer emit.SetPartBytes(partBytes)()
	files, err := generator.Generate(cfg)
	if err != nil {
		return nil
	}
	return files
}
