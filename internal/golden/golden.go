// Package golden reads the golden cases of generator/testdata, and the project's own spec,
// for the tests of the generator and of its packages.
package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/specgen-dev/specgen/generator"
)

// DefaultConfig is the config of a case without spec/specgen.json.
const DefaultConfig = `{"output": "out", "module": "example.com/out", "package": "api", "packagePerFile": true}`

// Config builds the generator config of a case: its spec/ files as the spec folder.
func Config(ar *txtar.Archive) (generator.Config, error) {
	fsys := fstest.MapFS{}
	config := []byte(DefaultConfig)
	for _, f := range ar.Files {
		name, ok := strings.CutPrefix(f.Name, "spec/")
		if !ok {
			continue
		}
		if name == "specgen.json" {
			config = f.Data
			continue
		}
		fsys[name] = &fstest.MapFile{Data: f.Data}
	}
	opts, err := generator.ParseOptions(config)
	if err != nil {
		return generator.Config{}, err
	}
	return generator.Config{FS: fsys, SpecDir: "spec", Options: opts}, nil
}

// Read reads the golden case in file and the config it describes.
func Read(file string) (*txtar.Archive, generator.Config, error) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		return nil, generator.Config{}, err
	}
	cfg, err := Config(ar)
	return ar, cfg, err
}

// Project is the generator config of the project's spec folder, specDir, by its specgen.json.
func Project(specDir string) (generator.Config, error) {
	data, err := os.ReadFile(filepath.Join(specDir, "specgen.json"))
	if err != nil {
		return generator.Config{}, err
	}
	opts, err := generator.ParseOptions(data)
	if err != nil {
		return generator.Config{}, err
	}
	return generator.Config{FS: os.DirFS(specDir), SpecDir: "spec", Options: opts}, nil
}
