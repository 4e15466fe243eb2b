package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The linters of the sweep, at pinned versions; go run fetches and builds them, so nothing
// needs installing.
const (
	staticcheckTool = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
	reviveTool      = "github.com/mgechev/revive@v1.17.0"
)

// finding is one diagnostic of go vet, staticcheck or revive.
type finding struct {
	tool, rule string
	pos, msg   string // pos is file:line:col, relative to the scratch module
}

func (f finding) String() string { return fmt.Sprintf("%s: %s %s: %s", f.pos, f.tool, f.rule, f.msg) }

// lint runs staticcheck and revive (with the config file reviveConfig) over the packages of
// patterns and gives each finding to the spec whose folder it names.
func lint(work, reviveConfig string, patterns []string, byName map[string]*spec) error {
	if len(patterns) == 0 {
		return nil
	}
	out, err := runTool(work, append([]string{"run", staticcheckTool, "-f", "json"}, patterns...))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d struct {
			Code     string
			Message  string
			Location struct {
				File         string
				Line, Column int
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("staticcheck: %s", sc.Text())
		}
		file := relTo(work, d.Location.File)
		addFinding(byName, finding{"staticcheck", d.Code, fmt.Sprintf("%s:%d:%d", file, d.Location.Line, d.Location.Column), d.Message})
	}

	config, err := filepath.Abs(reviveConfig)
	if err != nil {
		return err
	}
	out, err = runTool(work, append([]string{"run", reviveTool, "-config", config, "-formatter", "json"}, patterns...))
	if err != nil {
		return err
	}
	var failures []struct {
		Failure  string
		RuleName string
		Position struct {
			Start struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(out, &failures); err != nil {
		return fmt.Errorf("revive: %v: %.2000s", err, out)
	}
	for _, f := range failures {
		p := f.Position.Start
		addFinding(byName, finding{"revive", f.RuleName, fmt.Sprintf("%s:%d:%d", relTo(work, p.Filename), p.Line, p.Column), f.Failure})
	}
	return nil
}

// runTool runs go with args in the scratch module and returns its standard output. The
// linters exit non-zero when they find something, which is not an error here; output on
// standard error with nothing on standard output is.
func runTool(work string, args []string) ([]byte, error) {
	c := exec.Command("go", args...)
	c.Dir = work
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil && len(bytes.TrimSpace(out)) == 0 {
		return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args[:2], " "), err, stderr.Bytes())
	}
	return out, nil
}

func relTo(work, file string) string {
	if rel, err := filepath.Rel(work, file); err == nil && filepath.IsAbs(file) {
		file = rel
	}
	return filepath.ToSlash(file)
}

func addFinding(byName map[string]*spec, f finding) {
	s := byName[firstElem(f.pos)]
	if s == nil {
		fmt.Fprintf(os.Stderr, "%s (no spec)\n", f)
		return
	}
	s.findings = append(s.findings, f)
}

// sortFindings orders findings by tool, then by file, line and column.
func sortFindings(fs []finding) {
	key := func(f finding) (string, int, int) {
		var line, col int
		file, rest, _ := strings.Cut(f.pos, ".go:")
		fmt.Sscanf(rest, "%d:%d", &line, &col)
		return file, line, col
	}
	slices.SortStableFunc(fs, func(a, b finding) int {
		if c := strings.Compare(a.tool, b.tool); c != 0 {
			return c
		}
		af, al, ac := key(a)
		bf, bl, bc := key(b)
		if c := strings.Compare(af, bf); c != 0 {
			return c
		}
		if al != bl {
			return al - bl
		}
		return ac - bc
	})
}

// count is the number of findings of tool.
func (s *spec) count(tool string) int {
	n := 0
	for _, f := range s.findings {
		if f.tool == tool {
			n++
		}
	}
	return n
}

// ruleCounts sums the findings by tool and rule, most frequent first: "revive exported 12".
func (s *spec) ruleCounts() []string {
	counts := map[string]int{}
	for _, f := range s.findings {
		counts[f.tool+" "+f.rule]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return out
}

// vet runs go vet over the packages of patterns: its findings go to their specs, and a
// package it cannot check (a test file that does not compile) is a vet error of its spec.
func vet(work string, patterns []string, byName map[string]*spec) error {
	if len(patterns) == 0 {
		return nil
	}
	c := exec.Command("go", append([]string{"vet", "-json"}, patterns...)...)
	c.Dir = work
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		attribute("vet", stderr.Bytes(), err, byName)
	}
	// One JSON object per package: package path, then analyzer, then its diagnostics.
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err != nil {
			return fmt.Errorf("go vet -json: %v", err)
		}
		for _, pkg := range slices.Sorted(maps.Keys(pkgs)) {
			for _, analyzer := range slices.Sorted(maps.Keys(pkgs[pkg])) {
				var diags []struct{ Posn, Message string }
				if err := json.Unmarshal(pkgs[pkg][analyzer], &diags); err != nil {
					// An analyzer that failed reports {"error": ...}.
					var failed struct{ Error string }
					if json.Unmarshal(pkgs[pkg][analyzer], &failed) == nil && failed.Error != "" {
						diags = []struct{ Posn, Message string }{{strings.TrimPrefix(pkg, module+"/"), failed.Error}}
					}
				}
				for _, d := range diags {
					addFinding(byName, finding{"vet", analyzer, relTo(work, d.Posn), d.Message})
				}
			}
		}
	}
	return nil
}
