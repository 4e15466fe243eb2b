package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

const securitySpec = `openapi: 3.1.0
info: {title: t, version: "1"}
servers:
  - url: /api
security:
  - user: []
paths:
  /a:
    get:
      operationId: a
      responses: {'204': {description: done}}
  /b:
    get:
      operationId: b
      security: [{mtls: []}, {admin: []}, {}]
      responses: {'204': {description: done}}
components:
  securitySchemes:
    admin: {type: http, scheme: bearer}
    user: {type: http, scheme: bearer}
    mtls: {type: mutualTLS}
    code:
      type: oauth2
      flows:
        authorizationCode: {authorizationUrl: 'https://x/a', tokenUrl: 'https://x/t', scopes: {}}
`

// The global requirement's scheme takes the short name; an unsupported scheme's
// alternatives are dropped; what the client cannot do is a warning.
func TestSecurity(t *testing.T) {
	prog, err := Load(Options{FS: fstest.MapFS{"openapi.yaml": {Data: []byte(securitySpec)}}, Root: "openapi.yaml", Module: "m", Package: "api"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range prog.Client.Schemes {
		names = append(names, s.Key+"="+s.Option+","+s.TokenFunc)
	}
	if got, want := strings.Join(names, " "), "admin=WithAdminToken,WithAdminTokenFunc code=WithCodeToken,WithCodeTokenFunc user=WithBearerToken,WithBearerTokenFunc"; got != want {
		t.Errorf("options:\ngot  %s\nwant %s", got, want)
	}
	ops := prog.Client.Package.Operations
	if sec := ops[0].Security; len(sec) != 1 || sec[0][0].Key != "user" {
		t.Errorf("a: global requirement not applied: %v", sec)
	}
	if sec := ops[1].Security; len(sec) != 2 || sec[0][0].Key != "admin" || len(sec[1]) != 0 {
		t.Errorf("b: got %v", sec)
	}
	if s := prog.Client.Servers; len(s) != 1 || !s[0].Relative {
		t.Errorf("servers %+v", s)
	}
	var warns []string
	for _, w := range prog.Warnings {
		warns = append(warns, w.Error())
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{
		"openapi.yaml:22:5: security scheme code: only the oauth2 clientCredentials flow",
		"openapi.yaml:21:5: security scheme mtls: type \"mutualTLS\" is not supported",
		"openapi.yaml:15:7: security requirement names scheme mtls",
		"openapi.yaml:4:5: server \"/api\" is relative",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in\n%s", want, all)
		}
	}
}
