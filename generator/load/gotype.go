package load

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// x-go-type names the Go type of a schema, as oapi-codegen and go-swagger have it:
//
//	x-go-type: uuid.UUID                        oapi-codegen, with
//	x-go-type-import: {path: github.com/google/uuid, name: uuid}
//	x-go-type: {type: UUID, import: {package: github.com/google/uuid, alias: uuid}}   go-swagger
//
// The type is used wherever the schema is JSON: a property, an item, a map value, a body, a
// response. Parameters, form fields and union alternatives keep the spec's type, with a
// warning: their encodings need to know the type. Values of such a type are not validated.

// stdImports are the standard packages an x-go-type may name without an import.
var stdImports = map[string]string{
	"time": "time", "json": "encoding/json", "big": "math/big", "url": "net/url",
	"netip": "net/netip", "net": "net", "mail": "net/mail",
}

// externalType is the type x-go-type gives sr (next to a $ref, or in the schema), nil when
// none applies.
func (b *builder) externalType(sr *openapi3.SchemaRef) *ir.TypeRef {
	ext, o := sr.Extensions, sr.Origin
	if _, ok := ext["x-go-type"]; !ok && sr.Value != nil {
		ext, o = sr.Value.Extensions, sr.Value.Origin
	}
	if _, ok := ext["x-go-type"]; !ok {
		return nil
	}
	pos := b.fieldPos(o, "x-go-type")
	t, err := goType(ext)
	if err != nil {
		b.extProblem(pos, "x-go-type: %v", err)
		return nil
	}
	if b.noGoType > 0 {
		b.warn(pos, "x-go-type is not honoured in a parameter, a form field or a union alternative; the spec's type is used")
		return nil
	}
	return t
}

// hasGoType reports whether schema s itself has a usable x-go-type: it is then no
// generated type of its own.
func hasGoType(s *openapi3.Schema) bool {
	if _, ok := s.Extensions["x-go-type"]; !ok {
		return false
	}
	_, err := goType(s.Extensions)
	return err == nil
}

// goType reads x-go-type, and the import it needs, from ext.
func goType(ext map[string]any) (*ir.TypeRef, error) {
	imports := map[string]string{}
	expr := ""
	switch v := ext["x-go-type"].(type) {
	case string:
		expr = v
	case map[string]any:
		// go-swagger: {type, import: {package, alias}}.
		name, _ := v["type"].(string)
		if name == "" {
			return nil, errors.New("the object form needs a type")
		}
		expr = name
		if imp, ok := v["import"].(map[string]any); ok {
			pkg, _ := imp["package"].(string)
			alias, _ := imp["alias"].(string)
			if pkg != "" {
				if alias == "" {
					alias = path.Base(pkg)
				}
				imports[alias] = pkg
				expr = alias + "." + name
			}
		}
	default:
		return nil, fmt.Errorf("want a Go type, not %v", v)
	}
	if v, ok := ext["x-go-type-import"]; ok {
		// oapi-codegen: {path, name}, or the path alone.
		var p, name string
		switch v := v.(type) {
		case string:
			p = v
		case map[string]any:
			p, _ = v["path"].(string)
			name, _ = v["name"].(string)
		}
		if !validImportPath(p) {
			return nil, fmt.Errorf("x-go-type-import %v has no import path", v)
		}
		if name == "" {
			name = path.Base(p)
		}
		imports[name] = p
	}
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return nil, fmt.Errorf("%q is not a Go type", expr)
	}
	return goTypeExpr(e, expr, imports)
}

func goTypeExpr(e ast.Expr, expr string, imports map[string]string) (*ir.TypeRef, error) {
	switch e := e.(type) {
	case *ast.Ident:
		if b, ok := basics[e.Name]; ok {
			return ir.BasicType(b), nil
		}
		if e.Name == "any" {
			return &ir.TypeRef{Kind: ir.Any}, nil
		}
		if !token.IsIdentifier(e.Name) {
			return nil, fmt.Errorf("%q is not a Go type", expr)
		}
		return &ir.TypeRef{Kind: ir.External, GoName: e.Name}, nil
	case *ast.SelectorExpr:
		pkg, ok := e.X.(*ast.Ident)
		if !ok {
			return nil, fmt.Errorf("%q is not a Go type", expr)
		}
		imp, ok := imports[pkg.Name]
		if !ok {
			if imp, ok = stdImports[pkg.Name]; !ok {
				return nil, fmt.Errorf("%q: no import for package %s; give x-go-type-import", expr, pkg.Name)
			}
		}
		switch imp + "." + e.Sel.Name {
		case "time.Time":
			return &ir.TypeRef{Kind: ir.Time}, nil
		case "encoding/json.RawMessage":
			return &ir.TypeRef{Kind: ir.RawJSON}, nil
		}
		return &ir.TypeRef{Kind: ir.External, Import: imp, ImportAs: pkg.Name, GoName: e.Sel.Name}, nil
	case *ast.StarExpr:
		elem, err := goTypeExpr(e.X, expr, imports)
		if err != nil {
			return nil, err
		}
		return &ir.TypeRef{Kind: ir.Pointer, Elem: elem}, nil
	case *ast.ArrayType:
		if e.Len != nil {
			break
		}
		elem, err := goTypeExpr(e.Elt, expr, imports)
		if err != nil {
			return nil, err
		}
		return &ir.TypeRef{Kind: ir.Slice, Elem: elem}, nil
	case *ast.MapType:
		if k, ok := e.Key.(*ast.Ident); !ok || k.Name != "string" {
			break
		}
		elem, err := goTypeExpr(e.Value, expr, imports)
		if err != nil {
			return nil, err
		}
		return &ir.TypeRef{Kind: ir.Map, Elem: elem}, nil
	case *ast.InterfaceType:
		if len(e.Methods.List) == 0 {
			return &ir.TypeRef{Kind: ir.Any}, nil
		}
	}
	return nil, fmt.Errorf("%q is not a type specgen can write (a name, pkg.Name, *T, []T or map[string]T)", expr)
}

var basics = map[string]ir.Basic{
	"string": ir.String, "bool": ir.Bool, "int": ir.Int, "int32": ir.Int32, "int64": ir.Int64,
	"float64": ir.Float64, "byte": ir.Byte, "uint8": ir.Byte,
}

func validImportPath(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, ".") && !strings.ContainsAny(p, " \t\n\"'`\\") && path.Clean(p) == p
}

// hasExternal reports whether t is, or holds, a type x-go-type named: such values are
// neither validated nor checked against examples.
func hasExternal(t *ir.TypeRef) bool {
	for ; t != nil; t = t.Elem {
		if t.Kind == ir.External {
			return true
		}
	}
	return false
}
