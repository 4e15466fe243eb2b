package load

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v4"
	"golang.org/x/tools/txtar"
)

// recordFS is a spec folder that fails the test when asked for a path outside it.
type recordFS struct {
	fstest.MapFS
	t  *testing.T
	mu sync.Mutex
}

func (r *recordFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) || name == ".." || strings.HasPrefix(name, "../") {
		r.t.Errorf("the pre-pass asked for %q, outside the spec folder", name)
	}
	return r.MapFS.Open(name)
}

// prepassSeeds are specs that reach each part of the pre-pass: $refs where OpenAPI allows
// none, dangling, remote and escaping ones, chains, aliases, merge keys, tags.
var prepassSeeds = []string{
	`openapi: 3.0.3
info: {title: t, version: "1", description: {$ref: 'other.yaml#/text'}}
tags: [{name: a, description: {$ref: 'other.yaml#/text'}}]
paths:
  /a: {get: {$ref: 'sub/other.yaml#/op'}}
components:
  schemas: {$ref: 'other.yaml#/schemas'}
`,
	`openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters: [{$ref: '#/components/parameters/nope'}, {$ref: '../secret.yaml'}, {$ref: 'https://x/y'}]
      responses:
        '200': {$ref: '#/components/requestBodies/B'}
        default: {$ref: '#/components/responses/R'}
components:
  requestBodies: {B: {content: {}}}
  responses: {R: {$ref: '#/components/responses/R'}}
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
    C: {type: object, properties: {$ref: 'other.yaml#/props'}, discriminator: {propertyName: k, mapping: {x: 'other.yaml#/schemas/X', y: '#/nope'}}}
    D: {type: object, example: {$ref: 'other.yaml#/text'}, properties: {p: {$ref: '#/components/schemas/C/properties/q'}}}
`,
	`openapi: 3.0.0
info: &i {title: t, version: "1"}
x-a: &a {type: string, description: !!binary aGVsbG8=, default: 2001-12-14}
paths: {}
components:
  schemas:
    A: *a
    B: {<<: *a, title: !local x, maximum: .inf, minimum: 0x10}
    C: {description: {$ref: '#/x-a/description'}, x: "\u0085\u2028\x7f"}
    D: {description: {$ref: '#/info'}}
`,
	`{"openapi": "3.0.0", "paths": {"/x": {"$ref": "other.yaml#/paths/~1x%7Bid%7D"}}, "components": {"schemas": {"$ref": "#/components/schemas"}}}`,
}

var prepassOther = `text: Some text.
op:
  description: {$ref: '../other.yaml#/text'}
  parameters: [{$ref: '../other.yaml#/param'}]
  responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '../other.yaml#/schemas/X'}}}}}
param: {name: p, in: query, schema: {type: string}}
props: {q: {type: integer}, r: {$ref: '#/schemas/X'}}
schemas:
  X: {type: object, properties: {k: {type: string}}}
paths:
  /x{id}: {get: {responses: {'200': {description: ok}}}}
`

// FuzzPrepass feeds mutated specs (a root file and the files it may refer to) to the
// pre-pass: it must never panic, never ask for a file outside the spec folder, write only
// YAML that parses with a source for every line, and write a file as it was when it changes
// nothing in it. The whole load then runs on what it wrote, kin-openapi's reads included:
// no panic, no file outside the folder.
func FuzzPrepass(f *testing.F) {
	for _, s := range prepassSeeds {
		f.Add([]byte(s), []byte(prepassOther))
	}
	cases, _ := filepath.Glob("../testdata/*.txtar")
	for _, file := range cases {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var root, other []byte
		for _, af := range ar.Files {
			switch {
			case af.Name == "spec/openapi.yaml":
				root = af.Data
			case strings.HasPrefix(af.Name, "spec/") && strings.HasSuffix(af.Name, ".yaml") && other == nil:
				other = af.Data
			}
		}
		if root != nil {
			f.Add(root, other)
		}
	}
	f.Fuzz(func(t *testing.T, root, other []byte) {
		fsys := &recordFS{t: t, MapFS: fstest.MapFS{
			"openapi.yaml":    {Data: root},
			"other.yaml":      {Data: other},
			"sub/other.yaml":  {Data: other},
			"examples/x.json": {Data: []byte(`{"a": 1}`)},
		}}
		opts := Options{FS: fsys, Root: "openapi.yaml", DisplayDir: "spec", Package: "api", Module: "example.com/out", LaxPatterns: true}
		p, err := prepare(opts, root, nil)
		if err != nil {
			return
		}
		_, _ = Load(opts)
		for name, r := range p.out {
			var doc yaml.Node
			if err := yaml.Unmarshal(r.data, &doc); err != nil {
				t.Fatalf("%s as the pre-pass wrote it does not parse: %v\n%s", name, err, r.data)
			}
			if n := bytes.Count(r.data, []byte("\n")); n != len(r.lines) {
				t.Fatalf("%s: %d lines, %d sources", name, n, len(r.lines))
			}
		}
		// Written again with no edit, the root reads back as the same YAML.
		q := newPrepass(opts)
		sf := &specFile{path: opts.Root, data: root, doc: true}
		q.parse(sf)
		if sf.root == nil {
			return
		}
		r, err := q.render(sf)
		if err != nil {
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(r.data, &doc); err != nil {
			t.Fatalf("the root written again does not parse: %v\n%s", err, r.data)
		}
		if d := sameYAML(sf.root, doc.Content[0], 0); d != "" {
			t.Fatalf("the root written again differs: %s\n%s", d, r.data)
		}
	})
}

// sameYAML compares the value of an original node with the node the renderer wrote for
// it, and says where they differ.
func sameYAML(a, b *yaml.Node, depth int) string {
	a, b = deref(a), deref(b)
	if a == nil || b == nil || depth > 100 {
		return ""
	}
	if a.Kind != b.Kind {
		return "kind of " + a.Value + " at line " + strconv.Itoa(a.Line)
	}
	switch a.Kind {
	case yaml.ScalarNode:
		ta, tb := textTag(a), textTag(b)
		if ta != tb || a.Value != b.Value && !(ta == "!!null" && tb == "!!null") {
			return "scalar " + ta + " " + a.Value + " became " + tb + " " + b.Value + " at line " + strconv.Itoa(a.Line)
		}
	case yaml.SequenceNode:
		if len(a.Content) != len(b.Content) {
			return "list length at line " + strconv.Itoa(a.Line)
		}
		for i := range a.Content {
			if d := sameYAML(a.Content[i], b.Content[i], depth+1); d != "" {
				return d
			}
		}
	case yaml.MappingNode:
		keys := map[string]bool{}
		for i := 0; i < len(a.Content); i += 2 {
			if k := a.Content[i]; k.Kind != yaml.ScalarNode || keys[k.Value] {
				// Duplicate or complex keys: written as JSON has them.
				return ""
			} else {
				keys[k.Value] = true
			}
		}
		if len(a.Content) != len(b.Content) {
			return "mapping length at line " + strconv.Itoa(a.Line)
		}
		for i := 0; i+1 < len(a.Content); i += 2 {
			if a.Content[i].Value != b.Content[i].Value {
				return "key " + a.Content[i].Value + " became " + b.Content[i].Value
			}
			if d := sameYAML(a.Content[i+1], b.Content[i+1], depth+1); d != "" {
				return d
			}
		}
	}
	return ""
}

// textTag is a scalar's tag as kin-openapi reads it: local tags and timestamps are text.
func textTag(n *yaml.Node) string {
	t := n.ShortTag()
	if t == "!!timestamp" || strings.HasPrefix(t, "!") && !strings.HasPrefix(t, "!!") {
		return "!!str"
	}
	return t
}
