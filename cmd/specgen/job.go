package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/specgen-dev/specgen/generator"
	"github.com/specgen-dev/specgen/internal/diff"
)

const defaultConfig = "spec/specgen.json"

type invocation struct {
	config, spec, out, pkg, module string
	validate, strict               bool
}

// job is one resolved generation: what to read and where the output goes.
type job struct {
	cfg    generator.Config
	outDir string
	// spec is the spec folder, opened as a root so that neither a $ref nor a symbolic link
	// reads a file outside it.
	spec *os.Root
}

// openSpec opens the spec folder as the generation's FS.
func openSpec(dir string) (*os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("spec folder: %w", err)
	}
	return root, nil
}

// close releases the spec folder.
func (j *job) close() { j.spec.Close() }

func (inv invocation) job() (*job, error) {
	if inv.spec != "" {
		return inv.specJob()
	}
	cfgPath := inv.config
	if cfgPath == "" {
		found, err := findUp(defaultConfig)
		if err != nil {
			return nil, err
		}
		cfgPath = found
	}
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		return nil, err
	}
	opts, err := generator.ParseOptions(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", cfgPath, err)
	}
	opts.Strict = opts.Strict || inv.strict
	cfgDir, err := filepath.Abs(filepath.Dir(cfgPath))
	if err != nil {
		return nil, err
	}
	specPath := filepath.Join(cfgDir, filepath.FromSlash(opts.Spec))
	specDir := filepath.Dir(specPath)
	opts.Spec = filepath.Base(specPath)
	if rel, err := filepath.Rel(cfgDir, specDir); err == nil && !strings.HasPrefix(rel, "..") {
		// The config's folder is the spec folder, so that $refs may reach every file in it.
		specDir = cfgDir
		opts.Spec = filepath.ToSlash(filepath.Join(rel, filepath.Base(specPath)))
	}
	spec, err := openSpec(specDir)
	if err != nil {
		return nil, err
	}
	return &job{
		cfg: generator.Config{
			FS:      spec.FS(),
			SpecDir: repoRelative(specDir),
			Options: opts,
		},
		outDir: filepath.Join(cfgDir, filepath.FromSlash(opts.Output)),
		spec:   spec,
	}, nil
}

// specJob generates one self-contained package from a spec without a config file.
func (inv invocation) specJob() (*job, error) {
	if inv.out == "" {
		return nil, errors.New("-spec needs -out")
	}
	pkg := inv.pkg
	if pkg == "" {
		pkg = "api"
	}
	specPath, err := filepath.Abs(inv.spec)
	if err != nil {
		return nil, err
	}
	outDir, err := filepath.Abs(inv.out)
	if err != nil {
		return nil, err
	}
	module := inv.module
	if module == "" {
		module = moduleOf(outDir, pkg)
	}
	specDir := filepath.Dir(specPath)
	spec, err := openSpec(specDir)
	if err != nil {
		return nil, err
	}
	return &job{
		spec: spec,
		cfg: generator.Config{
			FS:      spec.FS(),
			SpecDir: repoRelative(specDir),
			Options: generator.Options{
				Spec:        filepath.Base(specPath),
				Output:      outDir,
				Module:      module,
				Package:     "",
				PackageName: pkg,
				OmitEmpty:   "optional",
				EnumStyle:   "typed",
				Validate:    inv.validate,
				// A foreign spec is generated whole: a pattern RE2 cannot compile is
				// skipped with a warning, and so are the extensions of other generators.
				LaxPatterns: true,
				Foreign:     true,
				Strict:      inv.strict,
			},
		},
		outDir: outDir,
	}, nil
}

// moduleOf is the import path of dir, from the nearest go.mod above it; fallback when none.
func moduleOf(dir, fallback string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
					rel, _ := filepath.Rel(d, dir)
					if rel == "." {
						return f[1]
					}
					return f[1] + "/" + filepath.ToSlash(rel)
				}
			}
		}
		if filepath.Dir(d) == d {
			return fallback
		}
	}
}

// findUp looks for rel in the current folder and its parents.
func findUp(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no %s here or in a parent folder; give -config", rel)
		}
	}
}

// repoRelative is dir relative to the enclosing repository (the folder with go.mod or .git),
// as generated headers and error positions name files.
func repoRelative(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		for _, marker := range []string{"go.mod", ".git"} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				rel, err := filepath.Rel(d, dir)
				if err != nil {
					return filepath.ToSlash(dir)
				}
				return filepath.ToSlash(rel)
			}
		}
		if filepath.Dir(d) == d {
			return filepath.ToSlash(dir)
		}
	}
}

func (j *job) generate() (*generator.Result, error) {
	return generator.Run(j.cfg)
}

// warn lists, at the end of a run, what the generator doubted, then what it generated and
// what it skipped.
func warn(res *generator.Result, stderr io.Writer) {
	fmt.Fprint(stderr, res.Report())
}

// generatedFiles lists the *_gen.go files under the output folder that carry specgen's
// header, as slash paths relative to it; only those may be replaced or removed.
func (j *job) generatedFiles() (map[string]bool, error) {
	found := map[string]bool{}
	err := filepath.WalkDir(j.outDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, "_gen.go") {
			return nil
		}
		if hasHeader(p) {
			rel, _ := filepath.Rel(j.outDir, p)
			found[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	return found, err
}

func hasHeader(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(generator.Header)+1)
	n, _ := io.ReadFull(f, buf)
	return bytes.HasPrefix(buf[:n], []byte(generator.Header+"\n"))
}

// write brings the output folder in line with files: it first checks that no file to be
// written is someone else's, then writes what changed and removes stale generated files.
func (j *job) write(files map[string][]byte, stdout io.Writer) error {
	owned, err := j.generatedFiles()
	if err != nil {
		return err
	}
	paths := sortedPaths(files)
	var changed []string
	for _, p := range paths {
		full := filepath.Join(j.outDir, filepath.FromSlash(p))
		old, err := os.ReadFile(full)
		switch {
		case err == nil && bytes.Equal(old, files[p]):
			continue
		case err == nil && !owned[p]:
			return fmt.Errorf("%s exists and was not generated by specgen (no header); not overwriting it", full)
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return err
		}
		changed = append(changed, p)
	}
	// Every changed file is first written in full to a temporary file next to it, then each
	// is renamed over its target: a run that fails before the renames changes nothing, and
	// one interrupted during them leaves every file either old or new, never cut short.
	temps := make([]string, len(changed))
	for i, p := range changed {
		tmp, err := writeTemp(filepath.Join(j.outDir, filepath.FromSlash(p)), files[p])
		if err != nil {
			for _, t := range temps[:i] {
				os.Remove(t)
			}
			return err
		}
		temps[i] = tmp
	}
	for i, p := range changed {
		full := filepath.Join(j.outDir, filepath.FromSlash(p))
		if err := os.Rename(temps[i], full); err != nil {
			for _, t := range temps[i:] {
				os.Remove(t)
			}
			return err
		}
		fmt.Fprintln(stdout, "wrote", full)
	}
	for _, p := range sortedPaths(owned) {
		if _, ok := files[p]; !ok {
			full := filepath.Join(j.outDir, filepath.FromSlash(p))
			if err := os.Remove(full); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "removed", full)
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file in the folder of path, created if need be,
// and returns its name. The name starts with a dot, so that the go command ignores the file
// should it be left behind.
func writeTemp(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// check compares the output folder with files and reports every difference.
func (j *job) check(files map[string][]byte, stdout io.Writer) int {
	owned, err := j.generatedFiles()
	if err != nil {
		fmt.Fprintln(stdout, "specgen:", err)
		return 1
	}
	drift := 0
	for _, p := range sortedPaths(files) {
		full := filepath.Join(j.outDir, filepath.FromSlash(p))
		old, err := os.ReadFile(full)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(stdout, "missing: %s\n", full)
			drift++
		case err != nil:
			fmt.Fprintf(stdout, "unreadable: %s: %v\n", full, err)
			drift++
		case !bytes.Equal(old, files[p]):
			fmt.Fprintf(stdout, "changed: %s\n", full)
			fmt.Fprint(stdout, diff.Unified("a/"+p, "b/"+p, string(old), string(files[p])))
			drift++
		}
	}
	for _, p := range sortedPaths(owned) {
		if _, ok := files[p]; !ok {
			fmt.Fprintf(stdout, "stale: %s (generated, but no longer produced by the spec)\n", filepath.Join(j.outDir, filepath.FromSlash(p)))
			drift++
		}
	}
	if drift > 0 {
		fmt.Fprintf(stdout, "%d file(s) out of sync with the spec; run make generate\n", drift)
		return 1
	}
	return 0
}

func sortedPaths[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
