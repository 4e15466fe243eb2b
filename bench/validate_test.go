// Package bench compares the Validate() methods that specgen generates with kin-openapi's
// runtime schema validation, on the same values and against the same spec.
//
// Run: make bench (or go test ./bench/ -run '^$' -bench . -benchmem -count 5).
package bench

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	discoveryorgs "github.com/specgen-dev/specgen/gen/b2b/discovery/organizations"
	"github.com/specgen-dev/specgen/gen/b2b/organizations"
	"github.com/specgen-dev/specgen/gen/validate"
)

// specPath is the root of the spec, relative to this folder (go test runs in it).
const specPath = "../spec/openapi.yaml"

// createPath is the operation whose request body is CreateParams and whose 200 response
// holds an Organization.
const createPath = "/v1/b2b/discovery/organizations/create"

// kinSchemas are the two schemas kin-openapi validates against, loaded from the same spec
// files specgen generated gen/ from.
type kinSchemas struct {
	createParams *openapi3.Schema // request body of POST createPath
	organization *openapi3.Schema // spec/b2b/organizations.yaml#/components/schemas/Organization
}

// loadKinSchemas loads and validates the spec once per test binary: loading is setup, not
// what the benchmarks measure.
var loadKinSchemas = sync.OnceValues(func() (kinSchemas, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true // the spec is split over several files
	doc, err := loader.LoadFromFile(specPath)
	if err != nil {
		return kinSchemas{}, err
	}
	// VisitJSON's behaviour is only defined on a schema that passed Validate.
	if err := doc.Validate(loader.Context); err != nil {
		return kinSchemas{}, err
	}
	item := doc.Paths.Value(createPath)
	if item == nil || item.Post == nil {
		return kinSchemas{}, errors.New("no POST " + createPath + " in " + specPath)
	}
	op := item.Post
	body := op.RequestBody.Value.Content.Get("application/json")
	if body == nil || body.Schema == nil || body.Schema.Value == nil {
		return kinSchemas{}, errors.New("no application/json request body schema for POST " + createPath)
	}
	resp := op.Responses.Status(200)
	if resp == nil || resp.Value.Content.Get("application/json") == nil {
		return kinSchemas{}, errors.New("no application/json 200 response for POST " + createPath)
	}
	// The response's `organization` property is a $ref to the Organization component;
	// the loader has resolved it, so .Value is that component's schema.
	org := resp.Value.Content.Get("application/json").Schema.Value.Properties["organization"]
	if org == nil || org.Value == nil {
		return kinSchemas{}, errors.New("no resolved `organization` property in the 200 response of POST " + createPath)
	}
	if !strings.HasSuffix(org.Ref, "organizations.yaml#/components/schemas/Organization") {
		return kinSchemas{}, errors.New("`organization` refers to " + org.Ref + ", not the Organization component")
	}
	return kinSchemas{createParams: body.Schema.Value, organization: org.Value}, nil
})

func schemas(tb testing.TB) kinSchemas {
	tb.Helper()
	s, err := loadKinSchemas()
	if err != nil {
		tb.Fatalf("loading %s: %v", specPath, err)
	}
	return s
}

// kinOpts are the options of every kin-openapi VisitJSON call. MultiErrors makes kin-openapi
// report every violation instead of stopping at the first, which is what the generated
// Validate does, so it is the fair comparison on invalid input. On valid input it changes
// nothing but is kept so that both cases measure the same configuration.
//
// kin-openapi is left in its default (OpenAPI 3.0) validation mode, which does not enforce
// propertyNames (the allowed keys of allowed_oauth_tenants). EnableJSONSchema2020 is not a
// fix here: on this multi-file spec it cannot compile the schema (the external $refs stay
// file-relative) and silently falls back to the default mode, and even with internalized
// refs it compiles the schema on every call (~0.6 ms/op). So the invalid values below break
// only rules both validators enforce, and the propertyNames check that kin-openapi skips
// on valid input can only favour it.
var kinOpts = []openapi3.SchemaValidationOption{openapi3.MultiErrors()}

// genericJSON is v as kin-openapi validates it: decoded JSON (map[string]any, []any,
// float64, ...). It is built once, outside the timed loops, so that the benchmarks time
// validation alone, not encoding/json.
func genericJSON(tb testing.TB, v any) any {
	tb.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		tb.Fatal(err)
	}
	return out
}

// validCreateParams sets every field of CreateParams to a valid value, so that every rule
// specgen generated for it runs.
func validCreateParams() *discoveryorgs.CreateParams {
	return &discoveryorgs.CreateParams{
		IntermediateSessionToken: "SeiGwdj5lKkrEVgcEY3QNJXt6srxS3IK2Nwkar6mXD4=",
		OrganizationName:         "Acme Co",
		OrganizationSlug:         "acme-co",
		SessionDurationMinutes:   60,
		SessionCustomClaims: map[string]any{
			"tier":     "enterprise",
			"features": []any{"sso", "scim"},
			"limits":   map[string]any{"seats": 250},
		},
		OrganizationLogoURL:        "https://acme.example/logo.png",
		TrustedMetadata:            map[string]any{"billing_id": "cus_123", "region": "eu"},
		SSOJITProvisioning:         discoveryorgs.CreateParamsSSOJITProvisioningRestricted,
		EmailAllowedDomains:        []string{"acme.example", "acme-corp.example"},
		EmailJITProvisioning:       discoveryorgs.CreateParamsEmailJITProvisioningRestricted,
		EmailInvites:               discoveryorgs.CreateParamsEmailInvitesRestricted,
		AuthMethods:                discoveryorgs.CreateParamsAuthMethodsRestricted,
		AllowedAuthMethods:         []string{discoveryorgs.CreateParamsAllowedAuthMethodsItemSSO, discoveryorgs.CreateParamsAllowedAuthMethodsItemMagicLink, discoveryorgs.CreateParamsAllowedAuthMethodsItemGoogleOAuth},
		MFAPolicy:                  discoveryorgs.CreateParamsMFAPolicyRequiredForAll,
		MFAMethods:                 discoveryorgs.CreateParamsMFAMethodsRestricted,
		AllowedMFAMethods:          []string{discoveryorgs.CreateParamsAllowedMFAMethodsItemSMSOTP, discoveryorgs.CreateParamsAllowedMFAMethodsItemTOTP},
		OAuthTenantJITProvisioning: discoveryorgs.CreateParamsOAuthTenantJITProvisioningRestricted,
		AllowedOAuthTenants: map[string]any{
			discoveryorgs.CreateParamsAllowedOAuthTenantsKeySlack: map[string]any{"team_ids": []any{"T0123ABCD", "T0456EFGH"}},
		},
		RBACEmailImplicitRoleAssignments: []*organizations.EmailImplicitRoleAssignment{
			{Domain: "acme.example", RoleID: "stytch_member"},
			{Domain: "acme-corp.example", RoleID: "billing-admin"},
		},
	}
}

// invalidCreateParams is validCreateParams with four violations, each of a rule that both
// validators enforce.
func invalidCreateParams() *discoveryorgs.CreateParams {
	p := validCreateParams()
	p.IntermediateSessionToken = ""                             // required (omitted from the JSON)
	p.OrganizationSlug = "acme co!"                             // pattern ^[a-zA-Z0-9_.~-]+$
	p.SessionDurationMinutes = 1                                // minimum 5
	p.AllowedMFAMethods = []string{"sms_otp", "carrier_pigeon"} // items enum
	return p
}

// createParamsViolations is how many violations invalidCreateParams has.
const createParamsViolations = 4

// validOrganization sets every field of Organization, nested slices and objects included, to
// a valid value.
func validOrganization() *organizations.Organization {
	created := time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)
	updated := created.Add(36 * time.Hour)
	tokenExpires := created.AddDate(1, 0, 0)
	return &organizations.Organization{
		OrganizationID:                       "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
		OrganizationName:                     "Acme Co",
		OrganizationLogoURL:                  "https://acme.example/logo.png",
		OrganizationSlug:                     "acme-co",
		SSOJITProvisioning:                   "RESTRICTED",
		SSOJITProvisioningAllowedConnections: []string{"saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9", "oidc-connection-test-3c9a5a38-7c6e-4b6b-a5a7-0a6d4e1e8e7d"},
		SSOActiveConnections: []organizations.ActiveSSOConnection{
			{ConnectionID: "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9", DisplayName: "Okta"},
			{ConnectionID: "oidc-connection-test-3c9a5a38-7c6e-4b6b-a5a7-0a6d4e1e8e7d", DisplayName: "Entra ID"},
		},
		EmailAllowedDomains:  []string{"acme.example", "acme-corp.example"},
		EmailJITProvisioning: "RESTRICTED",
		EmailInvites:         "ALL_ALLOWED",
		AuthMethods:          "RESTRICTED",
		AllowedAuthMethods:   []string{"sso", "magic_link", "password", "google_oauth", "microsoft_oauth"},
		MFAPolicy:            "REQUIRED_FOR_ALL",
		RBACEmailImplicitRoleAssignments: []organizations.EmailImplicitRoleAssignment{
			{Domain: "acme.example", RoleID: "stytch_member"},
			{Domain: "acme-corp.example", RoleID: "billing-admin"},
		},
		MFAMethods:                 "RESTRICTED",
		AllowedMFAMethods:          []string{"sms_otp", "totp"},
		OAuthTenantJITProvisioning: "RESTRICTED",
		TrustedMetadata:            map[string]any{"billing_id": "cus_123", "region": "eu"},
		CreatedAt:                  &created,
		UpdatedAt:                  &updated,
		SSODefaultConnectionID:     "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
		SCIMActiveConnection: &organizations.ActiveSCIMConnection{
			ConnectionID:         "scim-connection-test-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
			DisplayName:          "Okta SCIM",
			BearerTokenLastFour:  "a1b2",
			BearerTokenExpiresAt: &tokenExpires,
		},
		AllowedOAuthTenants: map[string]any{
			"slack": map[string]any{"team_ids": []any{"T0123ABCD"}},
		},
	}
}

// invalidOrganization is validOrganization with four violations, each of a rule that both
// validators enforce.
func invalidOrganization() *organizations.Organization {
	o := validOrganization()
	o.OrganizationName = strings.Repeat("x", 129)          // maxLength 128
	o.OrganizationSlug = "a"                               // minLength 2
	o.EmailJITProvisioning = "ALL_ALLOWED"                 // enum: only RESTRICTED, NOT_ALLOWED here
	o.AllowedAuthMethods = []string{"sso", "smoke_signal"} // items enum
	return o
}

// organizationViolations is how many violations invalidOrganization has.
const organizationViolations = 4

// errSink keeps the compiler from discarding the validation calls as dead code.
var errSink error

// benchCase is one value to validate, as the generated type and as its spec schema.
type benchCase struct {
	name   string // "valid" or "invalid"
	value  interface{ Validate() error }
	schema *openapi3.Schema
}

// benchValidators runs the sub-benchmarks <validator>/<case>, so that benchstat groups each
// validator's cases together.
func benchValidators(b *testing.B, cases ...benchCase) {
	b.Run("specgen", func(b *testing.B) {
		for _, c := range cases {
			b.Run(c.name, func(b *testing.B) {
				b.ReportAllocs()
				var err error
				for b.Loop() {
					err = c.value.Validate()
				}
				errSink = err
			})
		}
	})
	b.Run("kinopenapi", func(b *testing.B) {
		for _, c := range cases {
			b.Run(c.name, func(b *testing.B) {
				generic := genericJSON(b, c.value) // once, outside the timed loop
				b.ReportAllocs()
				var err error
				for b.Loop() {
					err = c.schema.VisitJSON(generic, kinOpts...)
				}
				errSink = err
			})
		}
	})
}

// BenchmarkCreateParams times validating the request body of POST createPath.
func BenchmarkCreateParams(b *testing.B) {
	s := schemas(b)
	benchValidators(b,
		benchCase{"valid", validCreateParams(), s.createParams},
		benchCase{"invalid", invalidCreateParams(), s.createParams})
}

// BenchmarkOrganization times validating the Organization component.
func BenchmarkOrganization(b *testing.B) {
	s := schemas(b)
	benchValidators(b,
		benchCase{"valid", validOrganization(), s.organization},
		benchCase{"invalid", invalidOrganization(), s.organization})
}

// TestBenchmarkValuesAgree guards the benchmarks against comparing different things: the
// valid values must pass both validators, and the invalid ones must fail both with the same
// number of violations (a benchmark where one side stops early, or checks a value the other
// rejects, would be meaningless).
func TestBenchmarkValuesAgree(t *testing.T) {
	s := schemas(t)
	cases := []struct {
		name       string
		value      interface{ Validate() error }
		schema     *openapi3.Schema
		violations int // 0: valid
	}{
		{"CreateParams/valid", validCreateParams(), s.createParams, 0},
		{"CreateParams/invalid", invalidCreateParams(), s.createParams, createParamsViolations},
		{"Organization/valid", validOrganization(), s.organization, 0},
		{"Organization/invalid", invalidOrganization(), s.organization, organizationViolations},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			genErr := c.value.Validate()
			kinErr := c.schema.VisitJSON(genericJSON(t, c.value), kinOpts...)
			if c.violations == 0 {
				if genErr != nil {
					t.Errorf("specgen rejects the valid value: %v", genErr)
				}
				if kinErr != nil {
					t.Errorf("kin-openapi rejects the valid value: %v", kinErr)
				}
				return
			}
			t.Logf("specgen: %v\nkin-openapi: %v", genErr, kinErr)
			var genErrs validate.Errors
			if !errors.As(genErr, &genErrs) {
				t.Fatalf("specgen: got %v, want validate.Errors", genErr)
			}
			if len(genErrs) != c.violations {
				t.Errorf("specgen reports %d violations, want %d: %v", len(genErrs), c.violations, genErr)
			}
			if kinErr == nil {
				t.Fatal("kin-openapi accepts the invalid value")
			}
			if n := countLeaves(kinErr); n != c.violations {
				t.Errorf("kin-openapi reports %d violations, want %d: %v", n, c.violations, kinErr)
			}
		})
	}
}

// countLeaves counts the violations in a kin-openapi error: with MultiErrors, each object
// level groups the errors of its properties in a MultiError.
func countLeaves(err error) int {
	var me openapi3.MultiError
	if !errors.As(err, &me) {
		return 1
	}
	// errors.As found the outermost MultiError; err may wrap it, so count from there.
	n := 0
	for _, e := range me {
		n += countLeaves(e)
	}
	return n
}
