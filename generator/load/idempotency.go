package load

import (
	"net/http"
	"strings"

	"github.com/specgen-dev/specgen/generator/ir"
)

// idempotencyHeader is the header of op's idempotency key: a declared header parameter named
// Idempotency-Key (or as the config names it), else the configured header of a POST or PATCH.
func (b *builder) idempotencyHeader(op *ir.Operation) string {
	for _, p := range op.Parameters {
		if p.In == ir.InHeader && (strings.EqualFold(p.Name, "Idempotency-Key") || b.opts.IdempotencyHeader != "" && strings.EqualFold(p.Name, b.opts.IdempotencyHeader)) {
			return p.Name
		}
	}
	if op.Method == http.MethodPost || op.Method == http.MethodPatch {
		return b.opts.IdempotencyHeader
	}
	return ""
}
