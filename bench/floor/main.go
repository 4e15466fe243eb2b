// Command floor loads an OpenAPI spec with kin-openapi the way generator/load does (external
// $refs allowed, origins kept, each file read once) and does nothing else. It is the floor
// that make bench-gen measures specgen against: every generator in Go pays for this parse.
//
// Usage:
//
//	go run ./bench/floor FILE
package main

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor FILE")
		os.Exit(2)
	}
	dir, file := filepath.Split(os.Args[1])
	fsys := os.DirFS(filepath.Clean(dir))
	cache := map[string][]byte{}
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = true
	loader.Context = context.Background()
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		p := path.Clean(strings.TrimPrefix(u.Path, "/"))
		if b, ok := cache[p]; ok {
			return b, nil
		}
		b, err := fs.ReadFile(fsys, p)
		cache[p] = b
		return b, err
	}
	data, err := fs.ReadFile(fsys, file)
	if err == nil {
		_, err = loader.LoadFromDataWithPath(data, &url.URL{Path: file})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
