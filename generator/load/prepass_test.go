package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v4"
)

func TestRelPathAndRebase(t *testing.T) {
	for _, c := range []struct{ dir, file, want string }{
		{".", "a.yaml", "a.yaml"},
		{".", "ops/a.yaml", "ops/a.yaml"},
		{"ops", "a.yaml", "../a.yaml"},
		{"ops", "ops/a.yaml", "a.yaml"},
		{"a/b", "a/c/d.yaml", "../c/d.yaml"},
	} {
		if got := relPath(c.dir, c.file); got != c.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", c.dir, c.file, got, c.want)
		}
	}
	for _, c := range []struct{ ref, from, into, want string }{
		// A $ref of ops/list.yaml written into the root file.
		{"../schemas.yaml#/Pet", "ops/list.yaml", "openapi.yaml", "schemas.yaml#/Pet"},
		{"params.yaml#/limit", "ops/list.yaml", "openapi.yaml", "ops/params.yaml#/limit"},
		// A local $ref names its own file once written elsewhere.
		{"#/components/x", "ops/list.yaml", "openapi.yaml", "ops/list.yaml#/components/x"},
		{"ops/list.yaml#/a", "openapi.yaml", "ops/other.yaml", "list.yaml#/a"},
		// A $ref back into the file it is written into is local.
		{"../openapi.yaml#/a", "ops/list.yaml", "openapi.yaml", "#/a"},
		{"https://example.com/x.yaml", "ops/list.yaml", "openapi.yaml", "https://example.com/x.yaml"},
		{"a b.yaml", "ops/list.yaml", "openapi.yaml", "ops/a%20b.yaml"},
	} {
		if got := rebase(c.ref, c.from, c.into); got != c.want {
			t.Errorf("rebase(%q, %q, %q) = %q, want %q", c.ref, c.from, c.into, got, c.want)
		}
	}
}

// The pre-pass resolves a pointer through $refs on the way, and points the $ref kin-openapi
// would not follow at the end.
func TestPrepassFollowsRefsOnTheWay(t *testing.T) {
	root := `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    $ref: 'schemas.yaml'
x-use:
  schema: {$ref: '#/components/schemas/Pet/properties/name'}
`
	fsys := fstest.MapFS{
		"openapi.yaml": {Data: []byte(root)},
		"schemas.yaml": {Data: []byte("Pet: {type: object, properties: {name: {type: string}}}\n")},
	}
	p, err := walk(Options{FS: fsys, Root: "openapi.yaml"}, []byte(root), nil)
	if err != nil {
		t.Fatal(err)
	}
	tg, problem := p.resolve("openapi.yaml", "#/components/schemas/Pet/properties/name", 0)
	if problem != "" || tg.file != "schemas.yaml" || strings.Join(tg.ptr, "/") != "Pet/properties/name" || !tg.rewrite {
		t.Fatalf("resolve: %+v, %q", tg, problem)
	}
	out := string(p.out["openapi.yaml"].data)
	if !strings.Contains(out, `"Pet": {`+"\n"+`"$ref": "schemas.yaml#/Pet"`) {
		t.Errorf("components.schemas is not written as $refs to the file's entries:\n%s", out)
	}
}

// A file written again keeps anchors' values where aliases stand, merge keys, and the
// scalars' types; each line has the position of its key in the file as written.
func TestRenderKeepsValues(t *testing.T) {
	src := `openapi: 3.0.3
info: {title: t, version: "1", description: {$ref: '#/x-text'}}
x-text: "a \"quoted\"\ttext\u0085"
x-base: &base {type: integer, minimum: 0x10, maximum: .inf, default: ~, x-on: yes}
components:
  schemas:
    A: *base
    B: {<<: *base, title: !local t, example: 2001-12-14}
`
	p, err := prepare(Options{FS: fstest.MapFS{"openapi.yaml": {Data: []byte(src)}}, Root: "openapi.yaml"}, []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := p.out["openapi.yaml"]
	var got, want map[string]any
	if err := yaml.Unmarshal(r.data, &got); err != nil {
		t.Fatalf("%v\n%s", err, r.data)
	}
	if err := yaml.Unmarshal([]byte(strings.Replace(src, "{$ref: '#/x-text'}", `"a \"quoted\"\ttext\u0085"`, 1)), &want); err != nil {
		t.Fatal(err)
	}
	// Timestamps and local tags are text, as kin-openapi reads them.
	want["components"].(map[string]any)["schemas"].(map[string]any)["B"].(map[string]any)["example"] = "2001-12-14"
	if g, w := yamlText(t, got), yamlText(t, want); g != w {
		t.Errorf("written again:\n%s\nwant:\n%s", g, w)
	}
	var titles []int
	for i, line := range strings.Split(string(r.data), "\n") {
		if strings.HasPrefix(line, `"title"`) {
			titles = append(titles, r.lines[i].line)
		}
	}
	if len(titles) != 2 || titles[0] != 2 || titles[1] != 8 {
		t.Errorf("the title keys come from lines %v, want [2 8]", titles)
	}
}

func yamlText(t *testing.T, v any) string {
	data, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// kin-openapi reads every file as a document, which a list is not: a $ref into one is
// written as its target, and the parameter it names is generated.
func TestRefIntoListFile(t *testing.T) {
	root := `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters: [{$ref: 'list.yaml#/1'}]
      responses: {'200': {description: ok}}
`
	fsys := fstest.MapFS{
		"openapi.yaml": {Data: []byte(root)},
		"list.yaml":    {Data: []byte("- {name: a, in: query, schema: {type: string}}\n- {name: b, in: query, schema: {type: integer}}\n")},
	}
	prog, err := Load(Options{FS: fsys, Root: "openapi.yaml", Package: "api", Module: "example.com/out"})
	if err != nil {
		t.Fatal(err)
	}
	op := prog.Client.Package.Operations[0]
	if len(op.Parameters) != 1 || op.Parameters[0].Name != "b" || op.Parameters[0].Field.Pos.String() != "list.yaml:2:4" {
		t.Fatalf("parameters: %d, %s at %s", len(op.Parameters), op.Parameters[0].Name, op.Parameters[0].Field.Pos)
	}
}
