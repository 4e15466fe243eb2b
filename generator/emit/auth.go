package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen-dev/specgen/generator/ir"
)

// auth writes, into the client package, an option per security scheme, how each scheme's
// credential travels (for the server), the spec's servers, and the error of a failed
// authentication.
func (e *emitter) auth(f *jen.File) bool {
	c := e.prog.Client
	if c == nil || c.Package != e.pkg {
		return false
	}
	for _, s := range c.Schemes {
		e.from(s.Pos)
		e.schemeOptions(f, s)
	}
	f.Comment("// securitySchemes say how each security scheme's credential travels, by scheme key.")
	f.Var().Id(helper.SecuritySchemes).Op("=").Map(jen.String()).Id("securityScheme").Values(jen.DictFunc(func(d jen.Dict) {
		for _, s := range c.Schemes {
			v := jen.Dict{jen.Id("kind"): jen.Lit(schemeKind(s.Kind))}
			if s.Kind == ir.SchemeAPIKey {
				v[jen.Id("in")], v[jen.Id("name")] = jen.Lit(string(s.In)), jen.Lit(s.ParamName)
			}
			d[jen.Lit(s.Key)] = jen.Values(v)
		}
	}))
	e.servers(f, c.Servers)
	e.authError(f, c.Error)
	return true
}

func schemeKind(k ir.SchemeKind) string {
	switch k {
	case ir.SchemeBasic:
		return "basic"
	case ir.SchemeAPIKey:
		return "apiKey"
	}
	return "bearer"
}

// comment writes text as wrapped // lines.
func comment(f *jen.File, text string) {
	for _, line := range docLines(text, ir.WrapGofmt, false) {
		f.Comment(commentLine(line))
	}
}

func (e *emitter) schemeOptions(f *jen.File, s *ir.SecurityScheme) {
	scheme := "the " + s.Key + " security scheme"
	about := ""
	if strings.TrimSpace(s.Doc) != "" {
		about = "\n\n" + s.Key + ": " + s.Doc
	}
	if s.Undeclared {
		scheme = "every call"
		about = "\n\nThe spec declares no security, so the client sends the first configured of basic auth and bearer token on every call, and none when neither is."
	}
	set := func(cred jen.Code) jen.Code {
		return jen.Return(jen.Func().Params(jen.Id(local.C).Op("*").Id("clientConfig")).Block(
			jen.Id(local.C).Dot("setCredential").Call(jen.Lit(s.Key), cred)))
	}
	switch s.Kind {
	case ir.SchemeBasic:
		what := "the credential of " + scheme
		if s.Undeclared {
			what = "on every call"
		}
		comment(f, s.Option+" authenticates with HTTP basic auth, "+what+"."+about)
		f.Func().Id(s.Option).Params(jen.List(jen.Id(local.User), jen.Id(local.Password)).String()).Id("Option").Block(
			set(jen.Id("basicCredential").Call(jen.Id(local.User), jen.Id(local.Password))))
		return
	case ir.SchemeAPIKey:
		where := map[ir.ParamIn]string{ir.InHeader: "header", ir.InQuery: "query parameter", ir.InCookie: "cookie"}[s.In]
		comment(f, s.Option+" sends key in the "+where+" "+strconv.Quote(s.ParamName)+", the credential of "+scheme+"."+about)
		f.Func().Id(s.Option).Params(jen.Id(local.Key).String()).Id("Option").Block(
			set(jen.Id("apiKeyCredential").Call(jen.Lit(string(s.In)), jen.Lit(s.ParamName), jen.Id(local.Key))))
		return
	}
	comment(f, s.Option+" sends token as the bearer token of "+scheme+"."+about)
	f.Func().Id(s.Option).Params(jen.Id(local.Token).String()).Id("Option").Block(
		set(jen.Id("tokenCredential").Call(jen.Id("staticToken").Call(jen.Id(local.Token)))))
	comment(f, s.TokenFunc+" gets the bearer token of "+scheme+" from token for each request that "+
		"sends it: an OAuth2 token source fits (golang.org/x/oauth2: "+
		"func(context.Context) (string, error) { t, err := ts.Token(); if err != nil { return \"\", err }; return t.AccessToken, nil }).")
	f.Func().Id(s.TokenFunc).Params(jen.Id(local.Token).Func().Params(jen.Qual("context", "Context")).Params(jen.String(), jen.Error())).Id("Option").Block(
		set(jen.Id("tokenCredential").Call(jen.Id(local.Token))))
	if s.Kind != ir.SchemeOAuth2ClientCredentials {
		return
	}
	comment(f, s.ClientCredentials+" fetches the bearer tokens of "+scheme+" from "+s.TokenURL+
		" with the OAuth2 client credentials grant (the client ID and secret as basic auth), and keeps each "+
		"until shortly before it expires. The scopes are asked for as given; the scheme declares: "+
		orNone(s.Scopes)+".")
	f.Func().Id(s.ClientCredentials).Params(jen.List(jen.Id(local.ClientID), jen.Id(local.Secret)).String(), jen.Id(local.Scopes).Op("...").String()).Id("Option").Block(
		jen.Id(local.CC).Op(":=").Op("&").Id("clientCredentials").Values(jen.Dict{
			jen.Id("tokenURL"): jen.Lit(s.TokenURL),
			jen.Id("id"):       jen.Id(local.ClientID),
			jen.Id("secret"):   jen.Id(local.Secret),
			jen.Id("scopes"):   jen.Id(local.Scopes),
		}),
		set(jen.Id(local.CC).Dot("credential").Call()))
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}

// servers writes the spec's servers and WithServer, whose doc lists them.
func (e *emitter) servers(f *jen.File, servers []ir.Server) {
	f.Comment("// apiServers are the spec's servers; the first is the default.")
	f.Var().Id(helper.APIServers).Op("=").Index().Id("apiServer").ValuesFunc(func(g *jen.Group) {
		for _, s := range servers {
			v := jen.Dict{jen.Id("url"): jen.Lit(s.URL)}
			if len(s.Variables) > 0 {
				v[jen.Id("defaults")] = jen.Map(jen.String()).String().Values(jen.DictFunc(func(d jen.Dict) {
					for _, sv := range s.Variables {
						d[jen.Lit(sv.Name)] = jen.Lit(sv.Default)
					}
				}))
			}
			if s.Relative {
				v[jen.Id("relative")] = jen.True()
			}
			g.Values(v)
		}
	})
	text := "WithServer picks server i of the spec for requests, when WithBaseURL is not given."
	if len(servers) == 0 {
		text += " The spec lists none: without WithBaseURL every call fails."
	} else {
		text += " The spec lists:"
	}
	comment(f, text)
	for i, s := range servers {
		line := "  - " + strconv.Itoa(i) + ": " + s.URL
		if s.Description != "" {
			line += " (" + strings.TrimSuffix(strings.TrimSpace(s.Description), ".") + ")"
		}
		for _, v := range s.Variables {
			line += "; " + v.Name + " defaults to " + strconv.Quote(v.Default)
			if len(v.Enum) > 0 {
				line += ", one of " + strings.Join(v.Enum, ", ")
			}
		}
		f.Comment(commentLine(line))
	}
	f.Func().Id(surface.WithServer).Params(jen.Id(local.I).Int()).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id(local.C).Op("*").Id("clientConfig")).Block(jen.Id(local.C).Dot("server").Op("=").Id(local.I))))
}

// authError writes authErrorResponse: an Authenticator's error as an answer.
func (e *emitter) authError(f *jen.File, m ir.ErrorModel) {
	typ := jen.Id(m.Fallback)
	if m.Type != nil {
		typ = e.typeExpr(&ir.TypeRef{Kind: ir.Named, Named: m.Type})
	}
	f.Comment("// authErrorResponse is the status and body a server answers a failed authentication with:")
	f.Comment("// an API error keeps its status; any other error is a 401 that does not reveal its text.")
	f.Func().Id(helper.AuthErrorResponse).Params(jen.Id(local.Err).Error()).Params(jen.Int(), jen.Any()).Block(
		jen.Var().Id(local.E).Op("*").Add(typ),
		jen.If(jen.Qual("errors", "As").Call(jen.Id(local.Err), jen.Op("&").Id(local.E)).Op("&&").Id(local.E).Op("!=").Nil()).Block(
			jen.Return(jen.Id(helper.ErrorResponse).Call(jen.Id(local.Err))),
		),
		jen.Return(jen.Qual("net/http", "StatusUnauthorized"), jen.Id(helper.ErrorFor).Call(
			jen.Qual("net/http", "StatusUnauthorized"), jen.Lit("unauthorized"), jen.Lit("unauthorized"))),
	)
}

// securityLit is an operation's security requirement as the runtime takes it: the scheme
// keys of each alternative.
func securityLit(sec ir.Security) jen.Code {
	return jen.Index().Index().String().ValuesFunc(func(g *jen.Group) {
		for _, alt := range sec {
			g.ValuesFunc(func(g *jen.Group) {
				for _, s := range alt {
					g.Lit(s.Key)
				}
			})
		}
	})
}
