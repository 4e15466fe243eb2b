package b2b_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/specgen-dev/specgen/gen/b2b"
	"github.com/specgen-dev/specgen/gen/b2b/discovery"
	"github.com/specgen-dev/specgen/gen/b2b/discovery/organizations"
	b2borgs "github.com/specgen-dev/specgen/gen/b2b/organizations"
	"github.com/specgen-dev/specgen/gen/b2b/sessions"
)

// The paths, header values and JSON names below are spelled out as in spec/b2b.yaml rather
// than derived from the generated code, so that a wrong generator cannot hide behind itself.

const (
	testProjectID = "project-test-3cbc3b6c"
	testSecret    = "secret-test-b1bd6f8a"

	createPath = "/v1/b2b/discovery/organizations/create"
	listPath   = "/v1/b2b/discovery/organizations"
)

// validCreateParams is a Create request that passes validation, for tests about something else.
func validCreateParams() *organizations.CreateParams {
	return &organizations.CreateParams{IntermediateSessionToken: "ist", OrganizationName: "Acme"}
}

// newClient returns a client of srv authenticated as testProjectID/testSecret.
func newClient(srv *httptest.Server) *b2b.Client {
	return b2b.NewClient(
		b2b.WithBaseURL(srv.URL),
		b2b.WithBasicAuth(testProjectID, testSecret),
		b2b.WithHTTPClient(srv.Client()),
	)
}

// apiError returns err as a *b2b.Error, failing the test when it is not one.
func apiError(t *testing.T, err error) *b2b.Error {
	t.Helper()
	var e *b2b.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %T %v, want a *b2b.Error", err, err)
	}
	return e
}

// ---- the client against a stub server ----

// seenRequest is what the stub server saw of one request.
type seenRequest struct {
	method, path, query string
	contentType, accept string
	user, pass          string
	basicAuth           bool
	body                []byte
}

// stubServer answers every request with one canned response and records what it got, so a
// test can check both what the client sent and how it read the answer.
type stubServer struct {
	status      int
	contentType string
	body        string

	mu   sync.Mutex
	seen []seenRequest
}

func (s *stubServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	user, pass, ok := r.BasicAuth()
	s.mu.Lock()
	s.seen = append(s.seen, seenRequest{
		method: r.Method, path: r.URL.Path, query: r.URL.RawQuery,
		contentType: r.Header.Get("Content-Type"), accept: r.Header.Get("Accept"),
		user: user, pass: pass, basicAuth: ok,
		body: body,
	})
	s.mu.Unlock()
	w.Header().Set("Content-Type", s.contentType)
	w.WriteHeader(s.status)
	_, _ = io.WriteString(w, s.body)
}

// requests returns the requests seen so far; the lock orders them with the handler's writes.
func (s *stubServer) requests() []seenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.seen)
}

// newStub starts a stub server answering status, contentType and body, and returns a client of it.
func newStub(t *testing.T, status int, contentType, body string) (*b2b.Client, *stubServer) {
	t.Helper()
	stub := &stubServer{status: status, contentType: contentType, body: body}
	srv := httptest.NewServer(stub)
	t.Cleanup(srv.Close)
	return newClient(srv), stub
}

func TestClientSendsRequest(t *testing.T) {
	tests := []struct {
		name     string
		call     func(context.Context, *b2b.Client) error
		wantPath string
		// wantBody is compared byte for byte: set fields only, in struct order, no spacing.
		wantBody string
	}{
		{
			name: "Create with a few fields",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.Create(ctx, &organizations.CreateParams{
					IntermediateSessionToken: "ist",
					OrganizationName:         "Acme",
					SessionDurationMinutes:   60,
				})
				return err
			},
			wantPath: createPath,
			wantBody: `{"intermediate_session_token":"ist","organization_name":"Acme","session_duration_minutes":60}`,
		},
		{
			name: "Create with a map, a list and a list of objects",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.Create(ctx, &organizations.CreateParams{
					IntermediateSessionToken: "ist",
					TrustedMetadata:          map[string]any{"tier": "gold"},
					EmailAllowedDomains:      []string{"acme.com"},
					RBACEmailImplicitRoleAssignments: []*b2borgs.EmailImplicitRoleAssignment{
						{Domain: "acme.com", RoleID: "editor"},
					},
				})
				return err
			},
			wantPath: createPath,
			wantBody: `{"intermediate_session_token":"ist","trusted_metadata":{"tier":"gold"},"email_allowed_domains":["acme.com"],"rbac_email_implicit_role_assignments":[{"domain":"acme.com","role_id":"editor"}]}`,
		},
		{
			name: "List with a session token",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.List(ctx, &organizations.ListParams{SessionToken: "tok"})
				return err
			},
			wantPath: listPath,
			wantBody: `{"session_token":"tok"}`,
		},
		{
			// Every List field is optional, so an empty request is valid and is an empty object.
			name: "List with no fields",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.List(ctx, &organizations.ListParams{})
				return err
			},
			wantPath: listPath,
			wantBody: `{}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, stub := newStub(t, http.StatusOK, "application/json", `{"status_code":200}`)
			if err := tt.call(t.Context(), c); err != nil {
				t.Fatalf("call: %v", err)
			}
			reqs := stub.requests()
			if len(reqs) != 1 {
				t.Fatalf("server got %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.method != http.MethodPost || r.path != tt.wantPath || r.query != "" {
				t.Errorf("request = %s %s?%s, want POST %s", r.method, r.path, r.query, tt.wantPath)
			}
			if !r.basicAuth || r.user != testProjectID || r.pass != testSecret {
				t.Errorf("basic auth = (%q, %q, %v), want (%q, %q, true)", r.user, r.pass, r.basicAuth, testProjectID, testSecret)
			}
			if r.contentType != "application/json" {
				t.Errorf("Content-Type = %q, want application/json", r.contentType)
			}
			if r.accept != "application/json" {
				t.Errorf("Accept = %q, want application/json", r.accept)
			}
			if string(r.body) != tt.wantBody {
				t.Errorf("body =\n%s\nwant\n%s", r.body, tt.wantBody)
			}
		})
	}
}

// createResponseJSON is a Create answer as the API documents it, with a Member, an Organization and
// a Member session, to show that nested objects, lists, maps and times decode.
const createResponseJSON = `{
  "status_code": 200,
  "request_id": "request-id-test-55c4b6b8-fe69-4a67-9b70-34e1ea2f6b1b",
  "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
  "member_authenticated": true,
  "intermediate_session_token": "",
  "session_token": "mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q",
  "session_jwt": "eyJhbGciOiJSUzI1NiIsImtpZCI6Imp3ay10ZXN0In0.e30.c2ln",
  "member": {
    "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
    "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
    "email_address": "ada@acme.com",
    "email_address_verified": true,
    "status": "active",
    "name": "Ada Lovelace",
    "is_admin": true,
    "roles": [{"role_id": "stytch_admin", "sources": [{"type": "direct_assignment", "details": {}}]}],
    "trusted_metadata": {"plan": "enterprise"},
    "created_at": "2024-03-01T12:00:00Z"
  },
  "organization": {
    "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
    "organization_name": "Acme",
    "organization_slug": "acme",
    "email_allowed_domains": ["acme.com"],
    "email_jit_provisioning": "RESTRICTED",
    "mfa_policy": "OPTIONAL",
    "allowed_auth_methods": ["sso", "magic_link"]
  },
  "member_session": {
    "member_session_id": "member-session-test-e8b1d4c2-6c8e-4d2b-9f0e-3a6a9a1c2b7d",
    "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
    "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
    "started_at": "2024-03-01T12:00:00Z",
    "last_accessed_at": "2024-03-01T12:00:00Z",
    "expires_at": "2024-03-01T13:00:00Z",
    "authentication_factors": [{
      "type": "magic_link",
      "delivery_method": "email",
      "last_authenticated_at": "2024-03-01T12:00:00Z",
      "email_factor": {"email_id": "email-test-81bf03a8", "email_address": "ada@acme.com"}
    }],
    "roles": ["stytch_admin", "stytch_member"],
    "custom_claims": {"team": "core"}
  }
}`

func TestClientDecodesCreateResponse(t *testing.T) {
	c, _ := newStub(t, http.StatusOK, "application/json", createResponseJSON)
	resp, err := c.Discovery.Organizations.Create(t.Context(), validCreateParams())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	expires := time.Date(2024, 3, 1, 13, 0, 0, 0, time.UTC)
	checks := []struct {
		name      string
		got, want any
	}{
		{"status_code", resp.StatusCode, int32(200)},
		{"member_authenticated", resp.MemberAuthenticated, true},
		{"session_token", resp.SessionToken, "mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q"},
		{"member.email_address", resp.Member.EmailAddress, "ada@acme.com"},
		{"member.roles[0].sources[0].type", resp.Member.Roles[0].Sources[0].Type, "direct_assignment"},
		{"member.trusted_metadata", resp.Member.TrustedMetadata, map[string]any{"plan": "enterprise"}},
		{"organization.organization_slug", resp.Organization.OrganizationSlug, "acme"},
		{"organization.allowed_auth_methods", resp.Organization.AllowedAuthMethods, []string{"sso", "magic_link"}},
		{"member_session.expires_at", resp.MemberSession.ExpiresAt.Equal(expires), true},
		{"member_session.roles", resp.MemberSession.Roles, []string{"stytch_admin", "stytch_member"}},
		{"member_session.authentication_factors[0].email_factor.email_address",
			resp.MemberSession.AuthenticationFactors[0].EmailFactor.EmailAddress, "ada@acme.com"},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %#v, want %#v", ck.name, ck.got, ck.want)
		}
	}
}

func TestClientDecodesListResponse(t *testing.T) {
	c, _ := newStub(t, http.StatusOK, "application/json", `{
  "status_code": 200,
  "request_id": "request-id-test-1",
  "email_address": "ada@acme.com",
  "organization_id_hint": null,
  "discovered_organizations": [{
    "member_authenticated": false,
    "organization": {"organization_id": "organization-test-1", "organization_name": "Acme"},
    "membership": {"type": "eligible_to_join_by_email_domain", "details": {"domain": "acme.com"}, "member": null}
  }]
}`)
	resp, err := c.Discovery.Organizations.List(t.Context(), &organizations.ListParams{IntermediateSessionToken: "ist"})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if resp.EmailAddress != "ada@acme.com" || len(resp.DiscoveredOrganizations) != 1 {
		t.Fatalf("List = %+v, want ada@acme.com with one discovered organization", resp)
	}
	d := resp.DiscoveredOrganizations[0]
	if d.Organization == nil || d.Organization.OrganizationName != "Acme" {
		t.Errorf("discovered_organizations[0].organization = %+v, want Acme", d.Organization)
	}
	if d.Membership == nil || d.Membership.Type != "eligible_to_join_by_email_domain" || d.Membership.Details["domain"] != "acme.com" {
		t.Errorf("discovered_organizations[0].membership = %+v, want eligible_to_join_by_email_domain for acme.com", d.Membership)
	}
}

func TestClientAPIErrors(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		want        b2b.Error
	}{
		{
			name:        "JSON error body",
			status:      http.StatusBadRequest,
			contentType: "application/json",
			body: `{"status_code":400,"request_id":"request-id-test-400","error_type":"invalid_session_duration",` +
				`"error_message":"session_duration_minutes must be between 5 and 527040","error_url":"https://stytch.com/docs/api/errors/400"}`,
			want: b2b.Error{
				StatusCode:   400,
				RequestID:    "request-id-test-400",
				ErrorType:    "invalid_session_duration",
				ErrorMessage: "session_duration_minutes must be between 5 and 527040",
				ErrorURL:     "https://stytch.com/docs/api/errors/400",
			},
		},
		{
			// A proxy in front of the API answers in text; the text is all there is to report.
			name:        "non-JSON body",
			status:      http.StatusInternalServerError,
			contentType: "text/plain",
			body:        "upstream connect error",
			want:        b2b.Error{StatusCode: 500, ErrorMessage: "upstream connect error"},
		},
		{
			// The HTTP status is what happened; a body that disagrees must not override it.
			name:        "body's status_code disagrees with HTTP status",
			status:      http.StatusTooManyRequests,
			contentType: "application/json",
			body:        `{"status_code":200,"error_type":"too_many_requests","error_message":"slow down"}`,
			want:        b2b.Error{StatusCode: 429, ErrorType: "too_many_requests", ErrorMessage: "slow down"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newStub(t, tt.status, tt.contentType, tt.body)
			resp, err := c.Discovery.Organizations.Create(t.Context(), validCreateParams())
			if resp != nil {
				t.Errorf("resp = %+v, want nil", resp)
			}
			got := apiError(t, err)
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("error = %+v, want %+v", *got, tt.want)
			}
			// The message is what gets logged, so it must at least carry the status.
			if !strings.Contains(err.Error(), fmt.Sprint(tt.status)) {
				t.Errorf("err.Error() = %q does not mention %d", err.Error(), tt.status)
			}
		})
	}
}

func TestClientUndecodableResponse(t *testing.T) {
	tests := []struct{ name, body string }{
		{"not JSON", "<html>maintenance</html>"},
		{"wrong JSON type", `{"status_code":"two hundred"}`},
		{"truncated", `{"status_code":200,"member":{`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newStub(t, http.StatusOK, "application/json", tt.body)
			resp, err := c.Discovery.Organizations.Create(t.Context(), validCreateParams())
			if err == nil {
				t.Fatalf("Create = %+v, nil; want an error", resp)
			}
			if resp != nil {
				t.Errorf("resp = %+v, want nil", resp)
			}
			// A 200 is not an API error: reporting it as one would invite a retry of a
			// request that succeeded.
			var e *b2b.Error
			if errors.As(err, &e) {
				t.Errorf("err = %v is a *b2b.Error, want a decoding error", err)
			}
			if !strings.Contains(err.Error(), "does not decode") {
				t.Errorf("err = %q, want it to say the response does not decode", err)
			}
		})
	}
}

func TestClientRejectsBadParamsLocally(t *testing.T) {
	tests := []struct {
		name string
		call func(context.Context, *b2b.Client) error
		// wantInErr is a part of the message that tells the caller what to fix.
		wantInErr string
	}{
		{
			name: "Create with nil params",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.Create(ctx, nil)
				return err
			},
			wantInErr: "nil",
		},
		{
			name: "List with nil params",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.List(ctx, nil)
				return err
			},
			wantInErr: "nil",
		},
		{
			name: "session_duration_minutes below the minimum",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.Create(ctx, &organizations.CreateParams{
					IntermediateSessionToken: "ist", SessionDurationMinutes: 4,
				})
				return err
			},
			wantInErr: "session_duration_minutes",
		},
		{
			name: "missing intermediate_session_token",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.Create(ctx, &organizations.CreateParams{OrganizationName: "Acme"})
				return err
			},
			wantInErr: "intermediate_session_token",
		},
		{
			name: "organization_slug with a space",
			call: func(ctx context.Context, c *b2b.Client) error {
				_, err := c.Discovery.Organizations.Create(ctx, &organizations.CreateParams{
					IntermediateSessionToken: "ist", OrganizationSlug: "acme corp",
				})
				return err
			},
			wantInErr: "organization_slug",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, stub := newStub(t, http.StatusOK, "application/json", `{}`)
			err := tt.call(t.Context(), c)
			if err == nil {
				t.Fatal("err = nil, want an error")
			}
			if !strings.Contains(err.Error(), tt.wantInErr) {
				t.Errorf("err = %q, want it to mention %q", err, tt.wantInErr)
			}
			// A request the API would reject must not cost a round trip.
			if n := len(stub.requests()); n != 0 {
				t.Errorf("server got %d requests, want 0", n)
			}
		})
	}
}

func TestClientContextCanceled(t *testing.T) {
	tests := []struct {
		name string
		// inFlight cancels while the server holds the request; otherwise the context is
		// cancelled before the call.
		inFlight bool
	}{
		{"before the call", false},
		{"while waiting for the answer", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arrived := make(chan struct{})
			var once sync.Once
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				// net/http notices a client hanging up only once the body is read.
				_, _ = io.Copy(io.Discard, r.Body)
				once.Do(func() { close(arrived) })
				// Hold the request until the client gives up; the timeout only keeps a
				// broken client from hanging the test.
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
			}))
			defer srv.Close()

			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			if tt.inFlight {
				go func() {
					select {
					case <-arrived:
						cancel()
					case <-ctx.Done():
					}
				}()
			} else {
				cancel()
			}
			resp, err := newClient(srv).Discovery.Organizations.Create(ctx, validCreateParams())
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Create = %+v, %v; want an error that is context.Canceled", resp, err)
			}
			if resp != nil {
				t.Errorf("resp = %+v, want nil", resp)
			}
		})
	}
}

// ---- the generated client against the generated server ----

// fakeAPI implements b2b.DiscoveryOrganizationsAPI: it records the params it got and answers
// with the canned responses, or with err when it is set.
type fakeAPI struct {
	createResp *organizations.CreateResponse
	listResp   *organizations.ListResponse
	err        error

	mu        sync.Mutex
	calls     int
	gotCreate *organizations.CreateParams
	gotList   *organizations.ListParams
}

func (f *fakeAPI) Create(ctx context.Context, params *organizations.CreateParams) (*organizations.CreateResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.gotCreate = params
	if f.err != nil {
		return nil, f.err
	}
	return f.createResp, nil
}

func (f *fakeAPI) List(ctx context.Context, params *organizations.ListParams) (*organizations.ListResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.gotList = params
	if f.err != nil {
		return nil, f.err
	}
	return f.listResp, nil
}

// numCalls is how many times the server called f; the lock orders it with the handlers' writes.
func (f *fakeAPI) numCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// newAPIServer serves impl with the generated handlers and returns the server and a client of it.
func newAPIServer(t *testing.T, impl b2b.DiscoveryOrganizationsAPI) (*httptest.Server, *b2b.Client) {
	t.Helper()
	mux := http.NewServeMux()
	b2b.RegisterDiscoveryOrganizationsAPI(mux, impl)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, newClient(srv)
}

// postRaw sends body to path as it is, bypassing the client and so its validation, and returns
// the status and body of the answer. Every answer of the generated server is JSON, so it
// checks the Content-Type too.
func postRaw(t *testing.T, srv *httptest.Server, path, body string) (int, []byte) {
	t.Helper()
	resp, err := srv.Client().Post(srv.URL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST %s: reading the answer: %v", path, err)
	}
	if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		t.Errorf("POST %s: %d answer has Content-Type %q, want application/json", path, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return resp.StatusCode, data
}

// errorBody decodes an error answer's body, failing the test when it is not the API's error.
func errorBody(t *testing.T, data []byte) b2b.Error {
	t.Helper()
	var e b2b.Error
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("error body %q does not decode as b2b.Error: %v", data, err)
	}
	return e
}

func TestRoundTrip(t *testing.T) {
	started := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	expires := started.Add(time.Hour)
	fake := &fakeAPI{
		createResp: &organizations.CreateResponse{
			StatusCode:          200,
			RequestID:           "request-id-test-1",
			MemberID:            "member-test-1",
			MemberAuthenticated: true,
			SessionToken:        "session-token-1",
			Member: b2borgs.Member{
				MemberID:     "member-test-1",
				EmailAddress: "ada@acme.com",
				Roles:        []b2borgs.MemberRole{{RoleID: "stytch_admin"}},
				CreatedAt:    &started,
			},
			Organization: &b2borgs.Organization{
				OrganizationID:   "organization-test-1",
				OrganizationName: "Acme",
				TrustedMetadata:  map[string]any{"plan": "enterprise"},
			},
			MemberSession: &sessions.MemberSession{
				MemberSessionID: "member-session-test-1",
				StartedAt:       &started,
				ExpiresAt:       &expires,
				Roles:           []string{"stytch_admin"},
			},
		},
		listResp: &organizations.ListResponse{
			StatusCode:   200,
			EmailAddress: "ada@acme.com",
			DiscoveredOrganizations: []discovery.DiscoveredOrganization{{
				Organization: &b2borgs.Organization{OrganizationID: "organization-test-1", OrganizationName: "Acme"},
				Membership:   &discovery.Membership{Type: "active_member"},
			}},
		},
	}
	srv, c := newAPIServer(t, fake)

	t.Run("Create", func(t *testing.T) {
		sent := &organizations.CreateParams{
			IntermediateSessionToken: "ist",
			OrganizationName:         "Acme",
			OrganizationSlug:         "acme",
			SessionDurationMinutes:   60,
			SessionCustomClaims:      map[string]any{"team": "core"},
			EmailAllowedDomains:      []string{"acme.com"},
			AllowedAuthMethods:       []string{"sso", "magic_link"},
			RBACEmailImplicitRoleAssignments: []*b2borgs.EmailImplicitRoleAssignment{
				{Domain: "acme.com", RoleID: "editor"},
			},
		}
		got, err := c.Discovery.Organizations.Create(t.Context(), sent)
		if err != nil {
			t.Fatalf("Create: %v", err)
		}
		if !reflect.DeepEqual(got, fake.createResp) {
			t.Errorf("Create =\n%+v\nwant\n%+v", got, fake.createResp)
		}
		fake.mu.Lock()
		defer fake.mu.Unlock()
		if !reflect.DeepEqual(fake.gotCreate, sent) {
			t.Errorf("impl got params\n%+v\nwant\n%+v", fake.gotCreate, sent)
		}
	})

	t.Run("List", func(t *testing.T) {
		sent := &organizations.ListParams{SessionJWT: "jwt"}
		got, err := c.Discovery.Organizations.List(t.Context(), sent)
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		if !reflect.DeepEqual(got, fake.listResp) {
			t.Errorf("List =\n%+v\nwant\n%+v", got, fake.listResp)
		}
		fake.mu.Lock()
		defer fake.mu.Unlock()
		if !reflect.DeepEqual(fake.gotList, sent) {
			t.Errorf("impl got params %+v, want %+v", fake.gotList, sent)
		}
	})

	// The client hides the answer's headers, so check the success answer's Content-Type raw.
	t.Run("success is JSON", func(t *testing.T) {
		status, _ := postRaw(t, srv, createPath, `{"intermediate_session_token":"ist"}`)
		if status != http.StatusOK {
			t.Errorf("status = %d, want 200", status)
		}
	})
}

func TestServerRejectsBadRequests(t *testing.T) {
	tests := []struct {
		name, path, body string
		wantType         string
		// wantField is the JSON field the message must name, so a caller knows what to fix.
		wantField string
	}{
		{"session_duration_minutes below the minimum", createPath,
			`{"intermediate_session_token":"ist","session_duration_minutes":4}`, "invalid_params", "session_duration_minutes"},
		{"missing intermediate_session_token", createPath,
			`{"organization_name":"Acme"}`, "invalid_params", "intermediate_session_token"},
		{"organization_slug with a space", createPath,
			`{"intermediate_session_token":"ist","organization_slug":"acme corp"}`, "invalid_params", "organization_slug"},
		{"unknown item in allowed_auth_methods", createPath,
			`{"intermediate_session_token":"ist","allowed_auth_methods":["sso","fax"]}`, "invalid_params", "allowed_auth_methods[1]"},
		{"malformed JSON", createPath, `{"intermediate_session_token":`, "malformed_request", ""},
		{"wrong JSON type", createPath, `{"intermediate_session_token":"ist","session_duration_minutes":"sixty"}`, "malformed_request", ""},
		{"List with malformed JSON", listPath, `[1,2`, "malformed_request", ""},
		{"List with an array body", listPath, `["ist"]`, "malformed_request", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &fakeAPI{createResp: &organizations.CreateResponse{}, listResp: &organizations.ListResponse{}}
			srv, _ := newAPIServer(t, fake)
			status, data := postRaw(t, srv, tt.path, tt.body)
			if status != http.StatusBadRequest {
				t.Errorf("status = %d, want 400 (body %s)", status, data)
			}
			e := errorBody(t, data)
			if e.StatusCode != http.StatusBadRequest || e.ErrorType != tt.wantType {
				t.Errorf("error = %+v, want status_code 400 and error_type %q", e, tt.wantType)
			}
			if !strings.Contains(e.ErrorMessage, tt.wantField) {
				t.Errorf("error_message = %q does not name %s", e.ErrorMessage, tt.wantField)
			}
			// A request the server rejects must never reach the implementation.
			if n := fake.numCalls(); n != 0 {
				t.Errorf("impl called %d times, want 0", n)
			}
		})
	}
}

func TestServerImplErrors(t *testing.T) {
	forbidden := &b2b.Error{
		StatusCode:   http.StatusForbidden,
		RequestID:    "request-id-test-403",
		ErrorType:    "unauthorized_action",
		ErrorMessage: "the member may not create organizations",
	}
	// secret stands for an internal detail (an address, a credential) that must not leak.
	const secret = "dial tcp 10.0.0.7:5432: password authentication failed for user admin"
	tests := []struct {
		name       string
		err        error
		wantStatus int
		// wantBody, when set, is the exact error the answer must carry.
		wantBody *b2b.Error
	}{
		{"API error keeps its status and body", forbidden, http.StatusForbidden, forbidden},
		{"wrapped API error keeps its status and body", fmt.Errorf("creating: %w", forbidden), http.StatusForbidden, forbidden},
		{"any other error is a 500", errors.New(secret), http.StatusInternalServerError, nil},
		{"wrapped other error is a 500", fmt.Errorf("creating: %w", errors.New(secret)), http.StatusInternalServerError, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newAPIServer(t, &fakeAPI{err: tt.err})

			status, data := postRaw(t, srv, createPath, `{"intermediate_session_token":"ist"}`)
			if status != tt.wantStatus {
				t.Errorf("status = %d, want %d (body %s)", status, tt.wantStatus, data)
			}
			e := errorBody(t, data)
			if tt.wantBody != nil && !reflect.DeepEqual(e, *tt.wantBody) {
				t.Errorf("body = %+v, want %+v", e, *tt.wantBody)
			}
			if e.StatusCode != tt.wantStatus {
				t.Errorf("body status_code = %d, want %d", e.StatusCode, tt.wantStatus)
			}
			if bytes.Contains(data, []byte("10.0.0.7")) || bytes.Contains(data, []byte("password")) {
				t.Errorf("body %s reveals the implementation's error", data)
			}

			// The client turns the same answer back into the API's error.
			resp, err := c.Discovery.Organizations.Create(t.Context(), validCreateParams())
			if resp != nil {
				t.Errorf("resp = %+v, want nil", resp)
			}
			got := apiError(t, err)
			if got.StatusCode != tt.wantStatus {
				t.Errorf("client error StatusCode = %d, want %d", got.StatusCode, tt.wantStatus)
			}
			if tt.wantBody != nil && !reflect.DeepEqual(*got, *tt.wantBody) {
				t.Errorf("client error = %+v, want %+v", *got, *tt.wantBody)
			}
		})
	}
}

// listOnlyAPI implements List and leaves Create to the embedded UnimplementedDiscoveryOrganizationsAPI.
type listOnlyAPI struct {
	b2b.UnimplementedDiscoveryOrganizationsAPI
}

func (listOnlyAPI) List(ctx context.Context, params *organizations.ListParams) (*organizations.ListResponse, error) {
	return &organizations.ListResponse{StatusCode: 200, EmailAddress: "ada@acme.com"}, nil
}

func TestServerUnimplemented(t *testing.T) {
	srv, c := newAPIServer(t, listOnlyAPI{})

	status, data := postRaw(t, srv, createPath, `{"intermediate_session_token":"ist"}`)
	if status != http.StatusNotImplemented {
		t.Errorf("raw Create status = %d, want 501 (body %s)", status, data)
	}
	if e := errorBody(t, data); e.StatusCode != http.StatusNotImplemented {
		t.Errorf("raw Create body = %+v, want status_code 501", e)
	}

	resp, err := c.Discovery.Organizations.Create(t.Context(), validCreateParams())
	if resp != nil {
		t.Errorf("Create resp = %+v, want nil", resp)
	}
	if got := apiError(t, err); got.StatusCode != http.StatusNotImplemented {
		t.Errorf("Create error StatusCode = %d, want 501", got.StatusCode)
	}

	// The implemented method is not affected by the embedded one.
	list, err := c.Discovery.Organizations.List(t.Context(), &organizations.ListParams{})
	if err != nil || list.EmailAddress != "ada@acme.com" {
		t.Errorf("List = %+v, %v; want ada@acme.com", list, err)
	}
}

// A non-2xx answer is a *b2b.StatusError with the headers, and still a *b2b.Error; a POST
// without an idempotency key is not retried; per-call options reach the request.
func TestClientStatusErrorAndCallOptions(t *testing.T) {
	var mu sync.Mutex
	var calls int
	var gotHeader string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		gotHeader = r.Header.Get("X-Call")
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"status_code":503,"error_type":"unavailable","error_message":"try later"}`)
	}))
	t.Cleanup(srv.Close)
	c := b2b.NewClient(b2b.WithBaseURL("http://127.0.0.1:1"), b2b.WithHTTPClient(srv.Client()), b2b.WithBasicAuth("project-test", "secret"))
	var resp *http.Response
	_, err := c.Discovery.Organizations.Create(t.Context(), validCreateParams(),
		b2b.WithBaseURL(srv.URL), b2b.WithHeader("X-Call", "c1"), b2b.WithResponseInto(&resp))
	if got := apiError(t, err); got.StatusCode != 503 || got.ErrorType != "unavailable" {
		t.Errorf("error = %+v, want the 503", got)
	}
	var se *b2b.StatusError
	if !errors.As(err, &se) || se.StatusCode != 503 || se.Header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("StatusError = %+v, want 503 with the rate-limit header", se)
	}
	mu.Lock()
	defer mu.Unlock()
	if resp == nil || resp.StatusCode != 503 || calls != 1 || gotHeader != "c1" {
		t.Errorf("response %v after %d calls, X-Call %q; want one 503, with c1", resp, calls, gotHeader)
	}
}
