package load

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/specgen-dev/specgen/generator/ir"
)

const examplesSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                name: {type: string}
            example: {name: ""}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
              examples:
                rex: {$ref: '#/components/examples/Rex'}
                far: {externalValue: 'https://example.com/pet.json'}
        "400":
          description: bad request
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Problem'}
              example: {status: 400}
        default:
          description: other
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
              example: {id: 1}
components:
  examples:
    Rex:
      value: {id: 7, name: Rex, tag: null}
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        name: {type: string}
        tag: {type: string, nullable: true}
      example: {id: "seven"}
    Problem:
      type: object
      properties:
        status: {type: integer}
`

func TestExamplesCollected(t *testing.T) {
	opts := Options{
		FS:       fstest.MapFS{"openapi.yaml": &fstest.MapFile{Data: []byte(examplesSpec)}},
		Root:     "openapi.yaml",
		Module:   "example.com/out",
		Examples: true,
	}
	prog, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range prog.Packages {
		for _, ty := range p.Types {
			for _, ex := range ty.Examples {
				got = append(got, describe(ty.Name, ex))
			}
		}
		for _, op := range p.Operations {
			for _, ex := range op.Examples {
				got = append(got, describe(op.Name, ex))
			}
		}
	}
	want := []string{
		`Pet schema "" openapi.yaml:48:7 Pet {"id":"seven"} invalid: Error at "/id": value must be an integer`,
		`CreatePet request "" openapi.yaml:14:13 CreatePetParams {"name":""} valid`,
		`CreatePet response 201 "far" openapi.yaml:23:17 Pet external https://example.com/pet.json`,
		`CreatePet response 201 "rex" openapi.yaml:22:17 Pet {"id":7,"name":"Rex","tag":null} valid`,
		`CreatePet response 400 "" openapi.yaml:29:15 Problem {"status":400} valid`,
		`CreatePet response default "" openapi.yaml:35:15 none {"id":1} unchecked`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("examples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	opts.Examples = false
	prog, err = Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prog.Packages {
		for _, op := range p.Operations {
			if len(op.Examples) > 0 {
				t.Errorf("%s: examples collected without Options.Examples", op.Name)
			}
		}
	}
}

func describe(owner string, ex *ir.Example) string {
	target := "none"
	if ex.Target != nil {
		r := ex.Target
		for r.Kind == ir.Pointer {
			r = r.Elem
		}
		target = fmt.Sprint(r.Kind)
		if r.Kind == ir.Named {
			target = r.Named.Name
		}
	}
	s := fmt.Sprintf("%s %s %q %s %s", owner, ex.In, ex.Name, ex.Pos, target)
	switch {
	case ex.External != "":
		return s + " external " + ex.External
	case ex.Target == nil:
		return s + " " + string(ex.JSON) + " unchecked"
	case ex.Valid:
		return s + " " + string(ex.JSON) + " valid"
	}
	return s + " " + string(ex.JSON) + " invalid: " + ex.Invalid
}

func TestSchemaExamples31(t *testing.T) {
	spec := `openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Tag:
      type: object
      properties:
        name: {type: [string, "null"]}
      examples:
        - {name: null}
        - {name: 3}
`
	prog, err := Load(Options{
		FS:       fstest.MapFS{"openapi.yaml": &fstest.MapFile{Data: []byte(spec)}},
		Root:     "openapi.yaml",
		Module:   "example.com/out",
		Examples: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range prog.Packages {
		for _, ty := range p.Types {
			for _, ex := range ty.Examples {
				got = append(got, describe(ty.Name, ex))
			}
		}
	}
	want := []string{
		`Tag schema "0" openapi.yaml:10:7 Tag {"name":null} valid`,
		`Tag schema "1" openapi.yaml:10:7 Tag {"name":3} invalid: `,
	}
	if len(got) != 2 || got[0] != want[0] || !strings.HasPrefix(got[1], want[1]) {
		t.Errorf("examples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRoundedNumber(t *testing.T) {
	for _, c := range []struct {
		v    any
		want bool
	}{
		{float64(1 << 53), false},
		{float64(1<<53) + 2, true},
		{map[string]any{"a": []any{1.5, 9223372036854775807.0}}, true},
		{map[string]any{"a": 1e300 + 0.5}, true},
		{[]any{-12.0, "x", nil}, false},
	} {
		if _, got := roundedNumber(c.v); got != c.want {
			t.Errorf("%v: %v, want %v", c.v, got, c.want)
		}
	}
}
