package ir

import "testing"

func TestNamerExported(t *testing.T) {
	n := NewNamer([]string{"OAuth", "SSO", "JIT", "MFA", "WebAuthn", "SMS"})
	for _, tc := range []struct{ in, want string }{
		{"intermediate_session_token", "IntermediateSessionToken"},
		{"organization_logo_url", "OrganizationLogoURL"},
		{"sso_jit_provisioning", "SSOJITProvisioning"},
		{"oauth_tenant_jit_provisioning", "OAuthTenantJITProvisioning"},
		{"OAuthRegistration", "OAuthRegistration"},
		{"webauthn_registration_id", "WebAuthnRegistrationID"},
		{"MfaRequired", "MFARequired"},
		{"organization_id_hint", "OrganizationIDHint"},
		{"imported_auth0", "ImportedAuth0"},
		{"getV1Users", "GetV1Users"},
		{"x509certificates", "X509Certificates"},
		{"HTTPServer", "HTTPServer"},
		{"ALL_ALLOWED", "AllAllowed"},
		{"pt-br", "PtBr"},
		{"2fa", "N2Fa"},
		{"+1", "Plus1"},
		{"-1", "Minus1"},
		{"", "Empty"},
		{"<", "Less"},
		{"$ref", "Ref"},
		{"Ünïcode name", "ÜnïcodeName"},
		{"sms", "SMS"},
		{"名前", "X名前"},
		{"StartTime<", "StartTime"},
		{"model_ids", "ModelIDs"},
		{"FileIds", "FileIDs"},
		{"ids", "IDs"},
		{"urls", "URLs"},
		{"ip4", "IP4"},
		{"http2_enabled", "HTTP2Enabled"},
		{"oauths", "Oauths"},
		{"status", "Status"},
	} {
		if got := n.Exported(tc.in); got != tc.want {
			t.Errorf("Exported(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNamerUnexported(t *testing.T) {
	n := NewNamer(nil)
	for _, tc := range []struct{ in, want string }{
		{"user_id", "userID"},
		{"type", "type_"},
		{"string", "string_"},
		{"2fa", "n2Fa"},
		{"", "empty"},
	} {
		if got := n.Unexported(tc.in); got != tc.want {
			t.Errorf("Unexported(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNamersAreIndependent(t *testing.T) {
	a := NewNamer([]string{"SSO"})
	b := NewNamer(nil)
	if got := a.Exported("sso_id"); got != "SSOID" {
		t.Errorf("with SSO: %q", got)
	}
	if got := b.Exported("sso_id"); got != "SsoID" {
		t.Errorf("without SSO: %q (one namer's table leaked into another)", got)
	}
}

func TestScopeUnique(t *testing.T) {
	s := NewScope("Validate")
	for _, want := range []string{"Name", "Name2", "Name3", "Validate2"} {
		in := want
		if want != "Name" {
			in = want[:len(want)-1]
		}
		if got := s.Unique(in); got != want {
			t.Errorf("Unique(%q) = %q, want %q", in, got, want)
		}
	}
}
