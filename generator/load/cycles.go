package load

import (
	"strings"

	"github.com/specgen-dev/specgen/generator/ir"
)

// importCycle finds packages that would import each other: Go forbids it, and it happens
// when x-go-package (or the files a spec is split over) puts two schemas that refer to each
// other in different packages. It returns a diagnostic at a field on the cycle.
func importCycle(prog *ir.Program) *ir.Diagnostic {
	type edge struct {
		to  *ir.Package
		pos ir.Pos
		why string
	}
	edges := map[*ir.Package][]edge{}
	label := func(p *ir.Package) string {
		if p.Path == "" {
			return p.Name
		}
		return p.Path
	}
	add := func(from *ir.Package, t *ir.TypeRef, pos ir.Pos, why string) {
		for ; t != nil; t = t.Elem {
			if t.Kind == ir.Named && t.Named.Package != from {
				edges[from] = append(edges[from], edge{t.Named.Package, pos, why + " uses " + label(t.Named.Package) + "." + t.Named.Name})
			}
		}
	}
	for _, p := range prog.Packages {
		for _, t := range p.Types {
			for _, f := range t.Fields {
				add(p, f.Type, f.Pos, label(p)+"."+t.Name+"."+f.Name)
			}
			for _, v := range t.Variants {
				add(p, v.Field.Type, v.Field.Pos, label(p)+"."+t.Name+"."+v.Field.Name)
			}
		}
		for _, op := range p.Operations {
			if op.Response != nil {
				add(p, op.Response, op.Pos, label(p)+"."+op.Name)
			}
			if op.Stream != nil {
				add(p, op.Stream.Item, op.Pos, label(p)+"."+op.Stream.Method)
			}
		}
	}
	if c := prog.Client; c != nil {
		for _, r := range c.Resources {
			if r.Package != c.Package {
				edges[c.Package] = append(edges[c.Package], edge{to: r.Package, why: "the client in " + label(c.Package) + " calls " + label(r.Package)})
			}
		}
	}
	// Depth-first search in package order, so the cycle reported is always the same.
	const (
		unseen = iota
		onPath
		done
	)
	state := map[*ir.Package]int{}
	var path []edge
	var visit func(p *ir.Package) *ir.Diagnostic
	visit = func(p *ir.Package) *ir.Diagnostic {
		state[p] = onPath
		for _, e := range edges[p] {
			path = append(path, e)
			switch state[e.to] {
			case onPath:
				var steps []string
				for _, s := range path {
					steps = append(steps, s.why)
				}
				pos := e.pos
				for _, s := range path {
					if s.pos.File != "" {
						pos = s.pos
					}
				}
				return &ir.Diagnostic{Pos: pos, Msg: "packages would import each other (Go forbids it): " +
					strings.Join(steps, "; ") + "; move these schemas into one package (x-go-package)"}
			case unseen:
				if d := visit(e.to); d != nil {
					return d
				}
			}
			path = path[:len(path)-1]
		}
		state[p] = done
		return nil
	}
	for _, p := range prog.Packages {
		if state[p] == unseen {
			if d := visit(p); d != nil {
				return d
			}
		}
	}
	return nil
}
