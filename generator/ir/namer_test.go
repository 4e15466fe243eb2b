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

func TestScopeNesting(t *testing.T) {
	pkg := NewScope("Client")
	file := pkg.Child()
	file.ClaimNumbered("v")
	file.ClaimPrefixed("items")
	for _, tc := range []struct {
		name  string
		taken bool
	}{
		{"Client", true}, {"v", false}, {"v1", true}, {"v12", true}, {"vx", false},
		{"itemsName", true}, {"items", false}, {"itemsx", false},
	} {
		if got := file.Taken(tc.name); got != tc.taken {
			t.Errorf("Taken(%q) = %v, want %v", tc.name, got, tc.taken)
		}
	}
	if pkg.Taken("v1") {
		t.Error("a child's names leaked into its parent")
	}
	// A name of a numbered prefix cannot be continued by a number: v12 is v's too.
	for _, want := range []string{"v1_2", "v1_3"} {
		if got := file.Unique("v1"); got != want {
			t.Errorf("Unique(v1) = %q, want %q", got, want)
		}
	}
	file.Claim("v")
	if got := file.Unique("v"); got != "v_2" {
		t.Errorf("Unique(v) = %q, want v_2", got)
	}
	if got := file.Unique("Client"); got != "Client2" {
		t.Errorf("Unique(Client) = %q, want Client2", got)
	}
}

func TestClaimUniverse(t *testing.T) {
	s := NewScope()
	s.ClaimUniverse()
	for _, name := range []string{"type", "func", "string", "any", "comparable", "min", "nil", "init", "_"} {
		if !s.Taken(name) {
			t.Errorf("%s is free after ClaimUniverse", name)
		}
	}
	if s.Taken("params") {
		t.Error("params is taken after ClaimUniverse")
	}
}

func TestVocabulariesClaimEveryName(t *testing.T) {
	s := NewScope()
	Local.Claim(s)
	Helper.Claim(s)
	for _, name := range []string{"req", "ctx", "w", "r", "T", "plain", "v3", "vs12", "itemsName", "pathID",
		"newAPIError", "unionToken", "matchPattern4", "addDeepAddress"} {
		if !s.Taken(name) {
			t.Errorf("%s is free after claiming Local and Helper", name)
		}
	}
}
