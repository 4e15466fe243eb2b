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

func TestPropertyExamples(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Id: {type: string, example: id-1}
    Owner:
      type: object
      properties:
        name: {type: string}
      example: {name: Ann}
    Pet:
      type: object
      required: [id]
      properties:
        id: {$ref: '#/components/schemas/Id'}
        born: {type: string, format: date-time, example: "2020-01-01T00:00:00Z"}
        tag: {type: string, nullable: true, example: null}
        age: {type: integer, example: "old"}
        owner: {$ref: '#/components/schemas/Owner'}
        toys:
          type: array
          example: [[1]]
          items:
            type: array
            items: {type: integer, nullable: true, example: 3}
        vet:
          type: object
          properties:
            phone: {type: string, example: "555"}
          example: {phone: "556"}
        scores:
          type: object
          additionalProperties: {type: number, example: 1.5}
        name:
          oneOf:
            - {type: string, example: Rex}
            - {type: array, items: {type: string, example: Max}}
      additionalProperties: {type: boolean, example: true}
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
			fields := ty.Fields
			if ty.Extra != nil {
				fields = append(fields, ty.Extra)
			}
			for _, f := range fields {
				for _, ex := range f.Examples {
					s := fmt.Sprintf("%s.%s %s %s %s %s", ty.Name, f.Name, ex.In, ex.Pos, typeExpr(ex.Target), ex.JSON)
					if !ex.Valid {
						s += " invalid"
					}
					got = append(got, s)
				}
			}
		}
	}
	want := []string{
		`Pet.ID property openapi.yaml:6:24 string "id-1"`,
		`Pet.Born property openapi.yaml:17:49 *Time "2020-01-01T00:00:00Z"`,
		`Pet.Tag property openapi.yaml:18:45 Nullable[string] null`,
		`Pet.Age property openapi.yaml:19:30 *int "old" invalid`,
		`Pet.Toys property openapi.yaml:23:11 [][]*int [[1]]`,
		`Pet.Toys property item item openapi.yaml:26:52 *int 3`,
		`Pet.Vet property openapi.yaml:31:11 *PetVet {"phone":"556"}`,
		`Pet.Scores property value openapi.yaml:34:48 float64 1.5`,
		`Pet.Name property variant openapi.yaml:37:30 *PetName "Rex"`,
		`Pet.Name property variant item openapi.yaml:38:51 string "Max"`,
		`Pet.AdditionalProperties additional property openapi.yaml:39:45 bool true`,
		`PetVet.Phone property openapi.yaml:30:35 *string "555"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("examples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	prog, err = Load(Options{
		FS:     fstest.MapFS{"openapi.yaml": &fstest.MapFile{Data: []byte(spec)}},
		Root:   "openapi.yaml",
		Module: "example.com/out",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prog.Packages {
		for _, ty := range p.Types {
			for _, f := range append(ty.Fields, ty.Extra) {
				if f != nil && len(f.Examples) > 0 {
					t.Errorf("%s.%s: examples collected without Options.Examples", ty.Name, f.Name)
				}
			}
		}
	}
}

// typeExpr writes a TypeRef as Go, without packages.
func typeExpr(r *ir.TypeRef) string {
	switch r.Kind {
	case ir.Builtin:
		return r.Builtin.String()
	case ir.Named:
		return r.Named.Name
	case ir.Pointer:
		return "*" + typeExpr(r.Elem)
	case ir.Slice:
		return "[]" + typeExpr(r.Elem)
	case ir.Map:
		return "map[string]" + typeExpr(r.Elem)
	case ir.Nullable:
		return "Nullable[" + typeExpr(r.Elem) + "]"
	case ir.Time:
		return "Time"
	}
	return "any"
}
