package organizations_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/gen/b2b/discovery"
	"github.com/specgen-dev/specgen/gen/b2b/discovery/organizations"
	"github.com/specgen-dev/specgen/gen/b2b/mfa"
	b2borgs "github.com/specgen-dev/specgen/gen/b2b/organizations"
	"github.com/specgen-dev/specgen/gen/validate"
)

// The expected values below are spelled out as in spec/b2b/discovery/organizations.yaml rather
// than taken from the generated constants, so that a wrong constant cannot hide a wrong check.

// violation is one FieldError a case expects. Message is prose and free to change, so only
// Path and Rule are compared.
type violation struct{ path, rule string }

// checkViolations asserts that err reports exactly want, in that order (nil when want is
// empty), that it is a validate.Errors, and that its text names every path, and so every
// JSON field, of want.
func checkViolations(t *testing.T, err error, want ...violation) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("Validate() = %q, want nil", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("Validate() = nil, want %v", want)
	}
	var errs validate.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Validate() = %T %q, want a validate.Errors", err, err)
	}
	got := make([]violation, len(errs))
	for i, fe := range errs {
		got[i] = violation{fe.Path, fe.Rule}
		if fe.Message == "" || fe.Error() != fe.Path+": "+fe.Message {
			t.Errorf("FieldError %+v: Error() = %q, want path, colon, message", *fe, fe.Error())
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Validate() reported %v, want %v", got, want)
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w.path) {
			t.Errorf("Validate() = %q does not name %s", msg, w.path)
		}
	}
}

// minimalCreateParams is the smallest valid request: only the required token.
func minimalCreateParams() organizations.CreateParams {
	return organizations.CreateParams{IntermediateSessionToken: "ist-123"}
}

// validCreateParams sets every field CreateParams has, each to a value the spec accepts.
func validCreateParams() organizations.CreateParams {
	return organizations.CreateParams{
		IntermediateSessionToken:   "ist-123",
		OrganizationName:           "My Org",
		OrganizationSlug:           "my-org_1.x~",
		SessionDurationMinutes:     60,
		SessionCustomClaims:        map[string]any{"team": "blue"},
		OrganizationLogoURL:        "https://example.com/logo.png",
		TrustedMetadata:            map[string]any{"tier": 2},
		SSOJITProvisioning:         "RESTRICTED",
		EmailAllowedDomains:        []string{"example.com", "example.org"},
		EmailJITProvisioning:       "RESTRICTED",
		EmailInvites:               "ALL_ALLOWED",
		AuthMethods:                "RESTRICTED",
		AllowedAuthMethods:         []string{"sso", "magic_link", "password", "google_oauth", "microsoft_oauth"},
		MFAPolicy:                  "REQUIRED_FOR_ALL",
		MFAMethods:                 "RESTRICTED",
		AllowedMFAMethods:          []string{"sms_otp", "totp"},
		OAuthTenantJITProvisioning: "RESTRICTED",
		AllowedOAuthTenants:        map[string]any{"slack": []any{"T123"}, "hubspot": []any{"42"}},
		RBACEmailImplicitRoleAssignments: []*b2borgs.EmailImplicitRoleAssignment{
			{Domain: "example.com", RoleID: "stytch_admin"},
		},
	}
}

// validOrganization sets the constrained fields of an Organization, and its nested slices, to
// values the spec accepts.
func validOrganization() b2borgs.Organization {
	return b2borgs.Organization{
		OrganizationID:                       "organization-test-1",
		OrganizationName:                     "My Org",
		OrganizationSlug:                     "my-org",
		SSOJITProvisioning:                   "ALL_ALLOWED",
		SSOJITProvisioningAllowedConnections: []string{"sso-connection-1"},
		SSOActiveConnections:                 []b2borgs.ActiveSSOConnection{{ConnectionID: "sso-connection-1", DisplayName: "Okta"}},
		EmailAllowedDomains:                  []string{"example.com"},
		EmailJITProvisioning:                 "NOT_ALLOWED",
		EmailInvites:                         "RESTRICTED",
		AuthMethods:                          "ALL_ALLOWED",
		AllowedAuthMethods:                   []string{"sso", "password"},
		MFAPolicy:                            "OPTIONAL",
		RBACEmailImplicitRoleAssignments:     []b2borgs.EmailImplicitRoleAssignment{{Domain: "example.com", RoleID: "stytch_member"}},
		MFAMethods:                           "ALL_ALLOWED",
		AllowedMFAMethods:                    []string{"totp"},
		OAuthTenantJITProvisioning:           "NOT_ALLOWED",
		AllowedOAuthTenants:                  map[string]any{"slack": []any{"T1"}},
	}
}

type createCase struct {
	name string
	// edit turns a copy of minimalCreateParams into the value under test.
	edit func(*organizations.CreateParams)
	want []violation
}

// enumFields are the single-valued enums of CreateParams, with the values the spec accepts
// and values it does not: a made-up one, a case variant, and one a sibling enum accepts.
var enumFields = []struct {
	field    string
	set      func(*organizations.CreateParams, string)
	accepted []string
	rejected []string
}{
	{"sso_jit_provisioning", func(p *organizations.CreateParams, v string) { p.SSOJITProvisioning = v },
		[]string{"ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "all_allowed", "OPTIONAL"}},
	{"email_jit_provisioning", func(p *organizations.CreateParams, v string) { p.EmailJITProvisioning = v },
		[]string{"RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "restricted", "ALL_ALLOWED"}},
	{"email_invites", func(p *organizations.CreateParams, v string) { p.EmailInvites = v },
		[]string{"ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "Not_Allowed", "REQUIRED_FOR_ALL"}},
	{"auth_methods", func(p *organizations.CreateParams, v string) { p.AuthMethods = v },
		[]string{"ALL_ALLOWED", "RESTRICTED"}, []string{"SOMETIMES", "restricted", "NOT_ALLOWED"}},
	{"mfa_policy", func(p *organizations.CreateParams, v string) { p.MFAPolicy = v },
		[]string{"REQUIRED_FOR_ALL", "OPTIONAL"}, []string{"SOMETIMES", "optional", "ALL_ALLOWED"}},
	{"mfa_methods", func(p *organizations.CreateParams, v string) { p.MFAMethods = v },
		[]string{"ALL_ALLOWED", "RESTRICTED"}, []string{"SOMETIMES", "all_allowed", "NOT_ALLOWED"}},
	{"oauth_tenant_jit_provisioning", func(p *organizations.CreateParams, v string) { p.OAuthTenantJITProvisioning = v },
		[]string{"RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "not_allowed", "ALL_ALLOWED"}},
}

// createCases lists one case per accepted and per rejected value of every constraint the spec
// states for CreateParams.
func createCases() []createCase {
	cases := []createCase{
		{"minimal", func(*organizations.CreateParams) {}, nil},
		{"fully populated", func(p *organizations.CreateParams) { *p = validCreateParams() }, nil},

		{"intermediate_session_token missing", func(p *organizations.CreateParams) { p.IntermediateSessionToken = "" },
			[]violation{{"intermediate_session_token", "required"}}},

		{"session_duration_minutes 5", func(p *organizations.CreateParams) { p.SessionDurationMinutes = 5 }, nil},
		{"session_duration_minutes 527040", func(p *organizations.CreateParams) { p.SessionDurationMinutes = 527040 }, nil},
		{"session_duration_minutes 4", func(p *organizations.CreateParams) { p.SessionDurationMinutes = 4 },
			[]violation{{"session_duration_minutes", "minimum"}}},
		{"session_duration_minutes 527041", func(p *organizations.CreateParams) { p.SessionDurationMinutes = 527041 },
			[]violation{{"session_duration_minutes", "maximum"}}},
		{"session_duration_minutes -1", func(p *organizations.CreateParams) { p.SessionDurationMinutes = -1 },
			[]violation{{"session_duration_minutes", "minimum"}}},
		{"session_duration_minutes MinInt32", func(p *organizations.CreateParams) { p.SessionDurationMinutes = math.MinInt32 },
			[]violation{{"session_duration_minutes", "minimum"}}},
		{"session_duration_minutes MaxInt32", func(p *organizations.CreateParams) { p.SessionDurationMinutes = math.MaxInt32 },
			[]violation{{"session_duration_minutes", "maximum"}}},

		{"organization_slug 2 chars", func(p *organizations.CreateParams) { p.OrganizationSlug = "ab" }, nil},
		{"organization_slug 1 char", func(p *organizations.CreateParams) { p.OrganizationSlug = "a" },
			[]violation{{"organization_slug", "minLength"}}},
		{"organization_slug 1 reserved char", func(p *organizations.CreateParams) { p.OrganizationSlug = "~" },
			[]violation{{"organization_slug", "minLength"}}},
		{"organization_slug with space and !", func(p *organizations.CreateParams) { p.OrganizationSlug = "bad slug!" },
			[]violation{{"organization_slug", "pattern"}}},
		{"organization_slug with slash", func(p *organizations.CreateParams) { p.OrganizationSlug = "my/org" },
			[]violation{{"organization_slug", "pattern"}}},
		// $ must anchor at the very end, as in ECMA-262, not before a final newline.
		{"organization_slug with trailing newline", func(p *organizations.CreateParams) { p.OrganizationSlug = "my-org\n" },
			[]violation{{"organization_slug", "pattern"}}},
		// One rune but two bytes: too short, and not one of the accepted characters.
		{"organization_slug 1 non-ASCII rune", func(p *organizations.CreateParams) { p.OrganizationSlug = "é" },
			[]violation{{"organization_slug", "minLength"}, {"organization_slug", "pattern"}}},

		{"allowed_auth_methods all accepted values", func(p *organizations.CreateParams) {
			p.AllowedAuthMethods = []string{"sso", "magic_link", "password", "google_oauth", "microsoft_oauth"}
		}, nil},
		{"allowed_auth_methods bad item 1", func(p *organizations.CreateParams) { p.AllowedAuthMethods = []string{"sso", "SSO"} },
			[]violation{{"allowed_auth_methods[1]", "enum"}}},
		{"allowed_auth_methods MFA method", func(p *organizations.CreateParams) { p.AllowedAuthMethods = []string{"password", "totp"} },
			[]violation{{"allowed_auth_methods[1]", "enum"}}},
		{"allowed_mfa_methods all accepted values", func(p *organizations.CreateParams) { p.AllowedMFAMethods = []string{"sms_otp", "totp"} }, nil},
		{"allowed_mfa_methods bad item 1", func(p *organizations.CreateParams) { p.AllowedMFAMethods = []string{"totp", "email_otp"} },
			[]violation{{"allowed_mfa_methods[1]", "enum"}}},
		{"allowed_mfa_methods auth method", func(p *organizations.CreateParams) { p.AllowedMFAMethods = []string{"sms_otp", "password"} },
			[]violation{{"allowed_mfa_methods[1]", "enum"}}},
		{"allowed_mfa_methods every bad item", func(p *organizations.CreateParams) { p.AllowedMFAMethods = []string{"", "totp", "TOTP"} },
			[]violation{{"allowed_mfa_methods[0]", "enum"}, {"allowed_mfa_methods[2]", "enum"}}},

		{"allowed_oauth_tenants slack and hubspot", func(p *organizations.CreateParams) {
			p.AllowedOAuthTenants = map[string]any{"slack": nil, "hubspot": nil}
		}, nil},
		{"allowed_oauth_tenants github", func(p *organizations.CreateParams) {
			p.AllowedOAuthTenants = map[string]any{"slack": nil, "github": nil}
		}, []violation{{`allowed_oauth_tenants["github"]`, "propertyNames"}}},
		// Map order is random; the report must not be.
		{"allowed_oauth_tenants bad keys sorted", func(p *organizations.CreateParams) {
			p.AllowedOAuthTenants = map[string]any{"zoom": nil, "Slack": nil, "hubspot": nil, "github": nil}
		}, []violation{
			{`allowed_oauth_tenants["Slack"]`, "propertyNames"},
			{`allowed_oauth_tenants["github"]`, "propertyNames"},
			{`allowed_oauth_tenants["zoom"]`, "propertyNames"},
		}},
		// A key is quoted in the path, so one holding quotes or brackets cannot forge another path.
		{"allowed_oauth_tenants key with quote", func(p *organizations.CreateParams) {
			p.AllowedOAuthTenants = map[string]any{`a"]b`: nil}
		}, []violation{{`allowed_oauth_tenants["a\"]b"]`, "propertyNames"}}},

		// EmailImplicitRoleAssignment states no constraint, so any element, even an empty or a
		// nil one, is valid.
		{"rbac_email_implicit_role_assignments unconstrained", func(p *organizations.CreateParams) {
			p.RBACEmailImplicitRoleAssignments = []*b2borgs.EmailImplicitRoleAssignment{{}, nil, {Domain: "not a domain", RoleID: " "}}
		}, nil},

		{"several violations in field order", func(p *organizations.CreateParams) {
			*p = validCreateParams()
			p.IntermediateSessionToken = ""
			p.OrganizationSlug = "bad slug!"
			p.SessionDurationMinutes = 4
			p.SSOJITProvisioning = "SOMETIMES"
			p.AllowedAuthMethods = []string{"sso", "saml"}
			p.MFAPolicy = "ALWAYS"
			p.AllowedMFAMethods = []string{"totp", "email_otp"}
			p.OAuthTenantJITProvisioning = "ALL_ALLOWED"
			p.AllowedOAuthTenants = map[string]any{"github": nil}
		}, []violation{
			{"intermediate_session_token", "required"},
			{"organization_slug", "pattern"},
			{"session_duration_minutes", "minimum"},
			{"sso_jit_provisioning", "enum"},
			{"allowed_auth_methods[1]", "enum"},
			{"mfa_policy", "enum"},
			{"allowed_mfa_methods[1]", "enum"},
			{"oauth_tenant_jit_provisioning", "enum"},
			{`allowed_oauth_tenants["github"]`, "propertyNames"},
		}},
	}
	for _, c := range []string{"-", ".", "_", "~"} {
		slug := "my" + c + "org"
		cases = append(cases, createCase{"organization_slug " + slug, func(p *organizations.CreateParams) { p.OrganizationSlug = slug }, nil})
	}
	for _, e := range enumFields {
		for _, v := range e.accepted {
			cases = append(cases, createCase{e.field + " " + v, func(p *organizations.CreateParams) { e.set(p, v) }, nil})
		}
		for _, v := range e.rejected {
			cases = append(cases, createCase{e.field + " " + v, func(p *organizations.CreateParams) { e.set(p, v) },
				[]violation{{e.field, "enum"}}})
		}
	}
	return cases
}

func TestCreateParamsValidate(t *testing.T) {
	for _, c := range createCases() {
		t.Run(c.name, func(t *testing.T) {
			p := minimalCreateParams()
			c.edit(&p)
			checkViolations(t, p.Validate(), c.want...)
		})
	}
}

func TestListParamsValidate(t *testing.T) {
	// The List request states no constraint: not even the token is required, since a session
	// token or JWT may stand in for it.
	for _, c := range []struct {
		name string
		p    organizations.ListParams
	}{
		{"empty", organizations.ListParams{}},
		{"intermediate session token", organizations.ListParams{IntermediateSessionToken: "ist-123"}},
		{"all set", organizations.ListParams{IntermediateSessionToken: "ist-123", SessionToken: "st-1", SessionJWT: "a.b.c"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkViolations(t, c.p.Validate())
		})
	}
}

// TestNestedPaths checks the paths of violations found inside nested objects and arrays. The
// CreateParams items (EmailImplicitRoleAssignment) state no constraint, so the nesting is
// exercised through Organization and the two responses.
func TestNestedPaths(t *testing.T) {
	t.Run("Organization", func(t *testing.T) {
		o := validOrganization()
		o.OrganizationName = strings.Repeat("n", 129)
		o.OrganizationSlug = "a"
		o.AllowedAuthMethods = []string{"sso", "totp"}
		o.RBACEmailImplicitRoleAssignments = append(o.RBACEmailImplicitRoleAssignments, b2borgs.EmailImplicitRoleAssignment{})
		checkViolations(t, o.Validate(),
			violation{"organization_name", "maxLength"},
			violation{"organization_slug", "minLength"},
			violation{"allowed_auth_methods[1]", "enum"})
	})
	t.Run("CreateResponse", func(t *testing.T) {
		o := validOrganization()
		o.AllowedMFAMethods = []string{"totp", "sms"}
		o.AllowedOAuthTenants = map[string]any{"github": true}
		r := organizations.CreateResponse{
			Member: b2borgs.Member{
				Status: "gone",
				Roles: []b2borgs.MemberRole{
					{RoleID: "stytch_member"},
					{RoleID: "admin", Sources: []b2borgs.MemberRoleSource{{Type: "direct_assignment"}, {Type: "magic"}}},
				},
			},
			Organization: &o,
			MFARequired:  &mfa.MfaRequired{SecondaryAuthInitiated: "totp"},
		}
		checkViolations(t, r.Validate(),
			violation{"member.status", "enum"},
			violation{"member.roles[1].sources[1].type", "enum"},
			violation{"organization.allowed_mfa_methods[1]", "enum"},
			violation{`organization.allowed_oauth_tenants["github"]`, "propertyNames"},
			violation{"mfa_required.secondary_auth_initiated", "enum"})
	})
	t.Run("ListResponse", func(t *testing.T) {
		good, bad := validOrganization(), validOrganization()
		bad.OrganizationSlug = "my org"
		r := organizations.ListResponse{DiscoveredOrganizations: []discovery.DiscoveredOrganization{
			{
				Organization: &good,
				Membership: &discovery.Membership{
					Type:   "former_member",
					Member: &b2borgs.Member{Status: "active", Roles: []b2borgs.MemberRole{{Sources: []b2borgs.MemberRoleSource{{Type: "scim"}}}}},
				},
			},
			{Organization: &bad},
		}}
		checkViolations(t, r.Validate(),
			violation{"discovered_organizations[0].membership.type", "enum"},
			violation{"discovered_organizations[0].membership.member.roles[0].sources[0].type", "enum"},
			violation{"discovered_organizations[1].organization.organization_slug", "pattern"})
	})
}

// TestErrorsAs checks that callers can reach the violations through the standard errors
// functions: the whole list, and each FieldError through Errors.Unwrap.
func TestErrorsAs(t *testing.T) {
	p := minimalCreateParams()
	p.IntermediateSessionToken = ""
	p.AllowedMFAMethods = []string{"totp", "email_otp"}
	err := p.Validate()

	var errs validate.Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("errors.As(%q, *validate.Errors) = %v, want the 2 violations", err, errs)
	}
	var fe *validate.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("errors.As(%q, **validate.FieldError) = false", err)
	}
	if fe != errs[0] || fe.Path != "intermediate_session_token" || fe.Rule != "required" {
		t.Errorf("errors.As gave %+v, want the first violation %+v", *fe, *errs[0])
	}
	if !errors.Is(err, errs[1]) {
		t.Errorf("errors.Is(err, second violation) = false")
	}
}
