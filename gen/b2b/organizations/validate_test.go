package organizations_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/specgen-dev/specgen/gen/b2b/organizations"
	"github.com/specgen-dev/specgen/gen/validate"
)

// The expected values below are spelled out as in spec/b2b/organizations.yaml rather than
// taken from the generated constants, so that a wrong constant cannot hide a wrong check.

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

// validOrganization sets the constrained fields of an Organization, and its nested slices, to
// values the spec accepts.
func validOrganization() organizations.Organization {
	return organizations.Organization{
		OrganizationID:                       "organization-test-1",
		OrganizationName:                     "My Org",
		OrganizationSlug:                     "my-org",
		SSOJITProvisioning:                   "RESTRICTED",
		SSOJITProvisioningAllowedConnections: []string{"sso-connection-1"},
		SSOActiveConnections:                 []organizations.ActiveSSOConnection{{ConnectionID: "sso-connection-1"}},
		EmailAllowedDomains:                  []string{"example.com"},
		EmailJITProvisioning:                 "RESTRICTED",
		EmailInvites:                         "NOT_ALLOWED",
		AuthMethods:                          "RESTRICTED",
		AllowedAuthMethods:                   []string{"sso", "magic_link", "password", "google_oauth", "microsoft_oauth"},
		MFAPolicy:                            "REQUIRED_FOR_ALL",
		RBACEmailImplicitRoleAssignments:     []organizations.EmailImplicitRoleAssignment{{Domain: "example.com", RoleID: "stytch_admin"}},
		MFAMethods:                           "RESTRICTED",
		AllowedMFAMethods:                    []string{"sms_otp", "totp"},
		OAuthTenantJITProvisioning:           "RESTRICTED",
		AllowedOAuthTenants:                  map[string]any{"slack": []any{"T1"}, "hubspot": []any{"42"}},
	}
}

type orgCase struct {
	name string
	// edit turns a copy of validOrganization into the value under test.
	edit func(*organizations.Organization)
	want []violation
}

// orgEnums are the single-valued enums of Organization, with the values the spec accepts and
// values it does not: a made-up one, a case variant, and one a sibling enum accepts.
var orgEnums = []struct {
	field    string
	set      func(*organizations.Organization, string)
	accepted []string
	rejected []string
}{
	{"sso_jit_provisioning", func(o *organizations.Organization, v string) { o.SSOJITProvisioning = v },
		[]string{"ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "restricted", "OPTIONAL"}},
	{"email_jit_provisioning", func(o *organizations.Organization, v string) { o.EmailJITProvisioning = v },
		[]string{"RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "not_allowed", "ALL_ALLOWED"}},
	{"email_invites", func(o *organizations.Organization, v string) { o.EmailInvites = v },
		[]string{"ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "all_allowed", "REQUIRED_FOR_ALL"}},
	{"auth_methods", func(o *organizations.Organization, v string) { o.AuthMethods = v },
		[]string{"ALL_ALLOWED", "RESTRICTED"}, []string{"SOMETIMES", "Restricted", "NOT_ALLOWED"}},
	{"mfa_methods", func(o *organizations.Organization, v string) { o.MFAMethods = v },
		[]string{"ALL_ALLOWED", "RESTRICTED"}, []string{"SOMETIMES", "all_allowed", "NOT_ALLOWED"}},
	{"oauth_tenant_jit_provisioning", func(o *organizations.Organization, v string) { o.OAuthTenantJITProvisioning = v },
		[]string{"RESTRICTED", "NOT_ALLOWED"}, []string{"SOMETIMES", "restricted", "ALL_ALLOWED"}},
}

func orgCases() []orgCase {
	cases := []orgCase{
		{"fully populated", func(*organizations.Organization) {}, nil},
		{"zero value", func(o *organizations.Organization) { *o = organizations.Organization{} }, nil},

		// minLength and maxLength count runes: 128 runes of 2 and of 4 bytes fit, 129 do not.
		{"organization_name 1 rune", func(o *organizations.Organization) { o.OrganizationName = "x" }, nil},
		{"organization_name 128 ASCII", func(o *organizations.Organization) { o.OrganizationName = strings.Repeat("n", 128) }, nil},
		{"organization_name 128 2-byte runes", func(o *organizations.Organization) { o.OrganizationName = strings.Repeat("é", 128) }, nil},
		{"organization_name 128 4-byte runes", func(o *organizations.Organization) { o.OrganizationName = strings.Repeat("😀", 128) }, nil},
		{"organization_name 129 ASCII", func(o *organizations.Organization) { o.OrganizationName = strings.Repeat("n", 129) },
			[]violation{{"organization_name", "maxLength"}}},
		{"organization_name 129 2-byte runes", func(o *organizations.Organization) { o.OrganizationName = strings.Repeat("é", 129) },
			[]violation{{"organization_name", "maxLength"}}},

		{"organization_slug 2 chars", func(o *organizations.Organization) { o.OrganizationSlug = "ab" }, nil},
		{"organization_slug 128 chars", func(o *organizations.Organization) { o.OrganizationSlug = strings.Repeat("a", 128) }, nil},
		{"organization_slug every accepted char", func(o *organizations.Organization) {
			o.OrganizationSlug = "abcxyzABCXYZ0189-._~"
		}, nil},
		{"organization_slug 1 char", func(o *organizations.Organization) { o.OrganizationSlug = "a" },
			[]violation{{"organization_slug", "minLength"}}},
		{"organization_slug 129 chars", func(o *organizations.Organization) { o.OrganizationSlug = strings.Repeat("a", 129) },
			[]violation{{"organization_slug", "maxLength"}}},
		{"organization_slug with space", func(o *organizations.Organization) { o.OrganizationSlug = "my org" },
			[]violation{{"organization_slug", "pattern"}}},
		{"organization_slug non-ASCII letters", func(o *organizations.Organization) { o.OrganizationSlug = "café" },
			[]violation{{"organization_slug", "pattern"}}},
		{"organization_slug 129 bad chars", func(o *organizations.Organization) { o.OrganizationSlug = strings.Repeat("!", 129) },
			[]violation{{"organization_slug", "maxLength"}, {"organization_slug", "pattern"}}},

		// The Organization schema, unlike the Create request, gives mfa_policy no enum.
		{"mfa_policy free text", func(o *organizations.Organization) { o.MFAPolicy = "anything" }, nil},

		{"allowed_auth_methods bad item 1", func(o *organizations.Organization) { o.AllowedAuthMethods = []string{"sso", "saml"} },
			[]violation{{"allowed_auth_methods[1]", "enum"}}},
		{"allowed_mfa_methods bad item 1", func(o *organizations.Organization) { o.AllowedMFAMethods = []string{"sms_otp", "sso"} },
			[]violation{{"allowed_mfa_methods[1]", "enum"}}},
		{"allowed_oauth_tenants github", func(o *organizations.Organization) {
			o.AllowedOAuthTenants = map[string]any{"hubspot": nil, "github": nil}
		}, []violation{{`allowed_oauth_tenants["github"]`, "propertyNames"}}},
	}
	for _, e := range orgEnums {
		for _, v := range e.accepted {
			cases = append(cases, orgCase{e.field + " " + v, func(o *organizations.Organization) { e.set(o, v) }, nil})
		}
		for _, v := range e.rejected {
			cases = append(cases, orgCase{e.field + " " + v, func(o *organizations.Organization) { e.set(o, v) },
				[]violation{{e.field, "enum"}}})
		}
	}
	return cases
}

func TestOrganizationValidate(t *testing.T) {
	for _, c := range orgCases() {
		t.Run(c.name, func(t *testing.T) {
			o := validOrganization()
			c.edit(&o)
			checkViolations(t, o.Validate(), c.want...)
		})
	}
}

type memberCase struct {
	name string
	m    organizations.Member
	want []violation
}

func TestMemberValidate(t *testing.T) {
	cases := []memberCase{
		{"no status", organizations.Member{}, nil},
		{"status suspended", organizations.Member{Status: "suspended"}, []violation{{"status", "enum"}}},
		{"status Active", organizations.Member{Status: "Active"}, []violation{{"status", "enum"}}},
		{"role source type", organizations.Member{
			Status: "active",
			Roles: []organizations.MemberRole{
				{RoleID: "stytch_member", Sources: []organizations.MemberRoleSource{{Type: "sso_connection"}}},
				{RoleID: "editor", Sources: []organizations.MemberRoleSource{{Type: "email_assignment"}, {Type: "email"}}},
			},
		}, []violation{{"roles[1].sources[1].type", "enum"}}},
	}
	for _, s := range []string{"pending", "invited", "active", "deleted"} {
		cases = append(cases, memberCase{"status " + s, organizations.Member{Status: s}, nil})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkViolations(t, c.m.Validate(), c.want...)
		})
	}
}
