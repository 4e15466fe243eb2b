package organizations_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/specgen-dev/specgen/gen/b2b/discovery"
	"github.com/specgen-dev/specgen/gen/b2b/discovery/organizations"
	"github.com/specgen-dev/specgen/gen/b2b/mfa"
	b2borgs "github.com/specgen-dev/specgen/gen/b2b/organizations"
	"github.com/specgen-dev/specgen/gen/validate"
)

// picker turns fuzz bytes into the choices that shape a value: whether a pointer is nil, how
// long a slice is, which string goes into a field or map key. Once the bytes run out every
// choice is the first one, so any input builds a value.
type picker struct {
	b []byte
	// strs are the strings a field may take: the fuzzed ones, and values that the spec
	// accepts somewhere, so that the fuzzer reaches both sides of each rule quickly.
	strs []string
}

func (p *picker) next() byte {
	if len(p.b) == 0 {
		return 0
	}
	c := p.b[0]
	p.b = p.b[1:]
	return c
}

func (p *picker) bool() bool { return p.next()&1 == 1 }

// n is a slice or map length: small, as validation is per element and long ones only slow
// the fuzzer down.
func (p *picker) n() int { return int(p.next() % 4) }

func (p *picker) str() string { return p.strs[int(p.next())%len(p.strs)] }

func (p *picker) strings() []string {
	s := make([]string, p.n())
	for i := range s {
		s[i] = p.str()
	}
	return s
}

func (p *picker) keys() map[string]any {
	if !p.bool() {
		return nil
	}
	m := map[string]any{}
	for range p.n() {
		m[p.str()] = p.str()
	}
	return m
}

func (p *picker) createParams(minutes int32) *organizations.CreateParams {
	c := &organizations.CreateParams{
		IntermediateSessionToken:   p.str(),
		OrganizationName:           p.str(),
		OrganizationSlug:           p.str(),
		SessionDurationMinutes:     minutes,
		SSOJITProvisioning:         p.str(),
		EmailAllowedDomains:        p.strings(),
		EmailJITProvisioning:       p.str(),
		EmailInvites:               p.str(),
		AuthMethods:                p.str(),
		AllowedAuthMethods:         p.strings(),
		MFAPolicy:                  p.str(),
		MFAMethods:                 p.str(),
		AllowedMFAMethods:          p.strings(),
		OAuthTenantJITProvisioning: p.str(),
		AllowedOAuthTenants:        p.keys(),
	}
	for range p.n() {
		var a *b2borgs.EmailImplicitRoleAssignment
		if p.bool() {
			a = &b2borgs.EmailImplicitRoleAssignment{Domain: p.str(), RoleID: p.str()}
		}
		c.RBACEmailImplicitRoleAssignments = append(c.RBACEmailImplicitRoleAssignments, a)
	}
	return c
}

func (p *picker) organization() *b2borgs.Organization {
	if !p.bool() {
		return nil
	}
	o := &b2borgs.Organization{
		OrganizationName:           p.str(),
		OrganizationSlug:           p.str(),
		SSOJITProvisioning:         p.str(),
		EmailJITProvisioning:       p.str(),
		EmailInvites:               p.str(),
		AuthMethods:                p.str(),
		AllowedAuthMethods:         p.strings(),
		MFAPolicy:                  p.str(),
		MFAMethods:                 p.str(),
		AllowedMFAMethods:          p.strings(),
		OAuthTenantJITProvisioning: p.str(),
		AllowedOAuthTenants:        p.keys(),
	}
	for range p.n() {
		o.RBACEmailImplicitRoleAssignments = append(o.RBACEmailImplicitRoleAssignments, b2borgs.EmailImplicitRoleAssignment{Domain: p.str()})
	}
	for range p.n() {
		o.SSOActiveConnections = append(o.SSOActiveConnections, b2borgs.ActiveSSOConnection{ConnectionID: p.str()})
	}
	if p.bool() {
		o.SCIMActiveConnection = &b2borgs.ActiveSCIMConnection{ConnectionID: p.str()}
	}
	return o
}

func (p *picker) member() b2borgs.Member {
	m := b2borgs.Member{Status: p.str(), EmailAddress: p.str()}
	for range p.n() {
		r := b2borgs.MemberRole{RoleID: p.str()}
		for range p.n() {
			r.Sources = append(r.Sources, b2borgs.MemberRoleSource{Type: p.str(), Details: p.keys()})
		}
		m.Roles = append(m.Roles, r)
	}
	for range p.n() {
		m.SSORegistrations = append(m.SSORegistrations, b2borgs.SSORegistration{ConnectionID: p.str()})
	}
	if p.bool() {
		m.SCIMRegistration = &b2borgs.SCIMRegistration{ConnectionID: p.str()}
	}
	return m
}

func (p *picker) mfaRequired() *mfa.MfaRequired {
	if !p.bool() {
		return nil
	}
	r := &mfa.MfaRequired{SecondaryAuthInitiated: p.str()}
	if p.bool() {
		r.MemberOptions = &mfa.MemberOptions{MFAPhoneNumber: p.str()}
	}
	return r
}

func (p *picker) createResponse() *organizations.CreateResponse {
	return &organizations.CreateResponse{
		Member:       p.member(),
		Organization: p.organization(),
		MFARequired:  p.mfaRequired(),
	}
}

func (p *picker) listResponse() *organizations.ListResponse {
	r := &organizations.ListResponse{}
	for range p.n() {
		d := discovery.DiscoveredOrganization{Organization: p.organization(), MFARequired: p.mfaRequired()}
		if p.bool() {
			d.Membership = &discovery.Membership{Type: p.str()}
			if p.bool() {
				m := p.member()
				d.Membership.Member = &m
			}
		}
		r.DiscoveredOrganizations = append(r.DiscoveredOrganizations, d)
	}
	return r
}

type validator interface{ Validate() error }

// checkReport asserts what holds of any Validate result: nil, or a non-empty validate.Errors
// whose every FieldError says where (Path), which rule (Rule) and what (Message); and the
// same report each time, though map keys are visited in random order.
func checkReport(t *testing.T, v validator) {
	t.Helper()
	err := v.Validate()
	if err == nil {
		return
	}
	var errs validate.Errors
	if !errors.As(err, &errs) || len(errs) == 0 {
		t.Fatalf("Validate() = %T %q, want nil or a non-empty validate.Errors", err, err)
	}
	for _, fe := range errs {
		if fe == nil || fe.Path == "" || fe.Rule == "" || fe.Message == "" {
			t.Fatalf("Validate() of %+v reported an incomplete FieldError %+v", v, fe)
		}
	}
	if again := v.Validate(); again == nil || again.Error() != err.Error() {
		t.Fatalf("Validate() of %+v reported %q, then %v", v, err, again)
	}
}

func FuzzValidate(f *testing.F) {
	f.Add([]byte(`{"intermediate_session_token":"ist","organization_slug":"my-org_1.x~","session_duration_minutes":60,"allowed_oauth_tenants":{"slack":1,"hubspot":2}}`),
		"ist", "my-org", "RESTRICTED", int32(60))
	f.Add([]byte(`{"organization_slug":"bad slug!","session_duration_minutes":4,"allowed_mfa_methods":["totp","sso"],"allowed_oauth_tenants":{"github":true}}`),
		"", "a", "SOMETIMES", int32(4))
	f.Add([]byte(`{"intermediate_session_token":"ist","rbac_email_implicit_role_assignments":[null,{"domain":"example.com"}]}`),
		"é", `a"]b`, "ALL_ALLOWED", int32(527041))
	f.Add([]byte{0xff, 0x01, 0x03, 0x02, 0x07, 0x80, 0x11, 0x13, 0xfe, 0x05, 0x03, 0x01, 0x01, 0x03, 0x09},
		"github", "sms_otp", "active", int32(-1))
	f.Fuzz(func(t *testing.T, raw []byte, s1, s2, s3 string, minutes int32) {
		p := &picker{b: raw, strs: []string{"", s1, s2, s3,
			"ab", "RESTRICTED", "ALL_ALLOWED", "REQUIRED_FOR_ALL", "totp", "sso", "slack", "hubspot", "active", "sms_otp"}}
		checkReport(t, p.createParams(minutes))
		checkReport(t, p.createResponse())
		checkReport(t, p.listResponse())

		// The same bytes as a request or response body, as a server would receive them.
		for _, v := range []validator{&organizations.CreateParams{}, &organizations.CreateResponse{}, &organizations.ListResponse{}} {
			if json.Unmarshal(raw, v) == nil {
				checkReport(t, v)
			}
		}
	})
}
