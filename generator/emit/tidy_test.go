package emit

import "testing"

func TestTidy(t *testing.T) {
	src := `package p

import (
	"example.com/m/a"
	v "example.com/m/validate"
	"fmt"
	"net/http"
)

type A struct{}
// B is a B.
type B struct{}
func f() {}

var x = 1
`
	want := `package p

import (
	"fmt"
	"net/http"

	"example.com/m/a"
	v "example.com/m/validate"
)

type A struct{}

// B is a B.
type B struct{}

func f() {}

var x = 1
`
	if got := tidy([]byte(src), "example.com/m"); string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
