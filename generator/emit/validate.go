package emit

import "github.com/dave/jennifer/jen"

// validation writes Validate methods; see issue 3.
func (e *emitter) validation(f *jen.File) bool { return false }
