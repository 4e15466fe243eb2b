package organizations_test

import "testing"

// validValues are valid values whose Validate must not allocate: the error path is built on
// the stack and turned into a string only when a rule fails, so a valid value costs nothing
// on the heap.
func validValues() []struct {
	name string
	v    validator
} {
	p, o := validCreateParams(), validOrganization()
	return []struct {
		name string
		v    validator
	}{
		{"CreateParams", &p},
		{"Organization", &o},
	}
}

func TestValidateDoesNotAllocate(t *testing.T) {
	for _, c := range validValues() {
		t.Run(c.name, func(t *testing.T) {
			if err := c.v.Validate(); err != nil {
				t.Fatalf("Validate() = %q, want a valid value", err)
			}
			if n := testing.AllocsPerRun(100, func() { _ = c.v.Validate() }); n != 0 {
				t.Errorf("Validate() of a valid %s allocates %v times, want 0", c.name, n)
			}
		})
	}
}

// BenchmarkValidate measures the same calls; run it with -memprofile to see what allocates.
func BenchmarkValidate(b *testing.B) {
	for _, c := range validValues() {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.v.Validate()
			}
		})
	}
}
