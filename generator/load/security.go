package load

import (
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/specgen-dev/specgen/generator/ir"
)

// securitySchemes reads components.securitySchemes once: the schemes the client supports by
// key, and a warning for each it cannot.
func (b *builder) securitySchemes() map[string]*ir.SecurityScheme {
	if b.schemes != nil {
		return b.schemes
	}
	b.schemes = map[string]*ir.SecurityScheme{}
	if !b.declaresSecurity() {
		b.schemes = undeclaredSchemes()
		return b.schemes
	}
	if b.doc.Components == nil {
		return b.schemes
	}
	for _, key := range sortedKeys(b.doc.Components.SecuritySchemes) {
		ref := b.doc.Components.SecuritySchemes[key]
		if ref == nil || ref.Value == nil {
			continue
		}
		if s := b.securityScheme(key, ref.Value); s != nil {
			b.schemes[key] = s
		}
	}
	return b.schemes
}

// declaresSecurity reports whether the spec says anything of security: a scheme, or a
// requirement at the top or on an operation (even an empty one, which says "none").
func (b *builder) declaresSecurity() bool {
	if b.doc.Components != nil && len(b.doc.Components.SecuritySchemes) > 0 || b.doc.Security != nil {
		return true
	}
	for _, o := range b.operations() {
		if o.op.Security != nil {
			return true
		}
	}
	return false
}

// undeclaredSchemes are what the client offers for a spec that declares no security: basic
// auth (WithBasicAuth, which every client had before schemes were read) and a bearer token,
// the two an undocumented API most likely takes.
func undeclaredSchemes() map[string]*ir.SecurityScheme {
	return map[string]*ir.SecurityScheme{
		"basic":  {Key: "basic", Kind: ir.SchemeBasic, Undeclared: true},
		"bearer": {Key: "bearer", Kind: ir.SchemeBearer, Undeclared: true},
	}
}

// undeclaredSecurity is the requirement of every call of a spec that declares no security:
// the first configured of its undeclared schemes, or none.
func undeclaredSecurity(schemes []*ir.SecurityScheme) ir.Security {
	var sec ir.Security
	for _, s := range schemes {
		if !s.Undeclared {
			return nil
		}
		sec = append(sec, []*ir.SecurityScheme{s})
	}
	if sec == nil {
		return nil
	}
	return append(sec, []*ir.SecurityScheme{})
}

func (b *builder) securityScheme(key string, v *openapi3.SecurityScheme) *ir.SecurityScheme {
	pos := b.pos(v.Origin)
	s := &ir.SecurityScheme{Key: key, Doc: v.Description, Pos: pos}
	switch v.Type {
	case "http":
		switch strings.ToLower(v.Scheme) {
		case "basic":
			s.Kind = ir.SchemeBasic
		case "bearer":
			s.Kind = ir.SchemeBearer
		default:
			b.warn(pos, "security scheme %s: http scheme %q is not supported; the client sends nothing for it (use WithHeader)", key, v.Scheme)
			return nil
		}
	case "apiKey":
		in := ir.ParamIn(v.In)
		if in != ir.InHeader && in != ir.InQuery && in != ir.InCookie || v.Name == "" {
			b.warn(pos, "security scheme %s: an apiKey needs a name and in: header, query or cookie; the client sends nothing for it", key)
			return nil
		}
		s.Kind, s.In, s.ParamName = ir.SchemeAPIKey, in, v.Name
	case "oauth2":
		s.Kind = ir.SchemeBearer
		if f := v.Flows; f != nil && f.ClientCredentials != nil && f.ClientCredentials.TokenURL != "" {
			s.Kind, s.TokenURL = ir.SchemeOAuth2ClientCredentials, f.ClientCredentials.TokenURL
			s.Scopes = sortedKeys(f.ClientCredentials.Scopes)
			break
		}
		b.warn(pos, "security scheme %s: only the oauth2 clientCredentials flow is fetched by the client; for the others it takes a bearer token", key)
	case "openIdConnect":
		s.Kind = ir.SchemeBearer
		b.warn(pos, "security scheme %s: openIdConnect is not run by the client; it takes a bearer token", key)
	default:
		b.warn(pos, "security scheme %s: type %q is not supported; the client sends nothing for it (configure it with WithHTTPClient)", key, v.Type)
		return nil
	}
	return s
}

// operationSecurity is the requirement of an operation: its own security, else the global
// one. An alternative that names a scheme the client does not support is dropped, with a
// warning: taking it as satisfied would let it win over the alternatives after it.
func (b *builder) operationSecurity(o opRef) ir.Security {
	reqs, pos := b.doc.Security, ir.Pos{File: displayPath(b.opts, b.opts.Root), Line: 1, Col: 1}
	if o.op.Security != nil {
		reqs, pos = *o.op.Security, b.fieldPos(o.op.Origin, "security")
	}
	if len(reqs) == 0 {
		return nil
	}
	schemes := b.securitySchemes()
	var out ir.Security
	for _, req := range reqs {
		alt := []*ir.SecurityScheme{}
		ok := true
		for _, key := range sortedKeys(req) {
			s, found := schemes[key]
			if !found {
				if !b.warnedScheme[key] {
					b.warnedScheme[key] = true
					b.warn(pos, "security requirement names scheme %s, which the client does not support or the spec does not declare; alternatives with it are not used", key)
				}
				ok = false
				break
			}
			alt = append(alt, s)
		}
		if ok {
			out = append(out, alt)
		}
	}
	return out
}

// schemeOptions names the client options of the spec's schemes, in the client package's
// scope: the short name (WithBasicAuth, WithBearerToken, WithAPIKey, WithClientCredentials)
// for the one scheme of its kind, or for the first of its kind that the global requirement
// names; else a name from the scheme's key.
func (b *builder) schemeOptions(st *pkgState) []*ir.SecurityScheme {
	schemes := b.securitySchemes()
	var list []*ir.SecurityScheme
	count := map[ir.SchemeKind]int{}
	// preferred is the first scheme of each kind that the global requirement names.
	preferred := map[ir.SchemeKind]string{}
	for _, req := range b.doc.Security {
		for _, key := range sortedKeys(req) {
			if s, ok := schemes[key]; ok {
				for _, k := range kindsOf(s) {
					if _, ok := preferred[k]; !ok {
						preferred[k] = key
					}
				}
			}
		}
	}
	short := func(kind ir.SchemeKind, key, name, long string) string {
		if count[kind] == 1 || preferred[kind] == key {
			return name
		}
		return long
	}
	for _, key := range sortedKeys(schemes) {
		s := schemes[key]
		list = append(list, s)
		for _, k := range kindsOf(s) {
			count[k]++
		}
	}
	for _, s := range list {
		key := b.namer.Exported(s.Key)
		switch s.Kind {
		case ir.SchemeBasic:
			if name := short(ir.SchemeBasic, s.Key, "WithBasicAuth", ""); name != "" {
				// The runtime reserved it for this scheme.
				s.Option = name
			} else {
				s.Option = st.scope.Unique("With" + key)
			}
		case ir.SchemeAPIKey:
			s.Option = st.scope.Unique(short(ir.SchemeAPIKey, s.Key, "WithAPIKey", "With"+key))
		case ir.SchemeBearer, ir.SchemeOAuth2ClientCredentials:
			s.Option = st.scope.Unique(short(ir.SchemeBearer, s.Key, "WithBearerToken", "With"+key+"Token"))
			s.TokenFunc = st.scope.Unique(s.Option + "Func")
			if s.Kind == ir.SchemeOAuth2ClientCredentials {
				s.ClientCredentials = st.scope.Unique(short(ir.SchemeOAuth2ClientCredentials, s.Key, "WithClientCredentials", "With"+key+"ClientCredentials"))
			}
		}
	}
	return list
}

// kindsOf are the kinds of option a scheme has: client credentials also take a token.
func kindsOf(s *ir.SecurityScheme) []ir.SchemeKind {
	if s.Kind == ir.SchemeOAuth2ClientCredentials {
		return []ir.SchemeKind{ir.SchemeBearer, ir.SchemeOAuth2ClientCredentials}
	}
	return []ir.SchemeKind{s.Kind}
}

// servers reads the spec's servers. A relative URL is relative to where the spec is served,
// which the client cannot know: it then needs WithBaseURL.
func (b *builder) servers() []ir.Server {
	var out []ir.Server
	for i, s := range b.doc.Servers {
		if s == nil {
			continue
		}
		srv := ir.Server{URL: strings.TrimSuffix(s.URL, "/"), Description: s.Description}
		for _, name := range sortedKeys(s.Variables) {
			v := s.Variables[name]
			if v == nil {
				continue
			}
			srv.Variables = append(srv.Variables, ir.ServerVariable{Name: name, Default: v.Default, Enum: slices.Clone(v.Enum)})
		}
		if u, err := url.Parse(expandDefaults(srv)); err != nil || u.Scheme == "" || u.Host == "" {
			srv.Relative = true
			if i == 0 {
				b.warn(b.pos(s.Origin), "server %q is relative to where the spec is served: the client needs WithBaseURL", s.URL)
			}
		}
		out = append(out, srv)
	}
	return out
}

// expandDefaults is a server's URL with its variables' defaults.
func expandDefaults(s ir.Server) string {
	u := s.URL
	for _, v := range s.Variables {
		u = strings.ReplaceAll(u, "{"+v.Name+"}", v.Default)
	}
	return u
}
