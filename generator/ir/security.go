package ir

// SchemeKind is what kind of credential a security scheme takes.
type SchemeKind uint8

// Scheme kinds.
const (
	// SchemeBasic is HTTP basic auth: a user and a password.
	SchemeBasic SchemeKind = iota
	// SchemeBearer is a token in "Authorization: Bearer": http bearer, and the OAuth2 and OpenID
	// Connect schemes whose token the user obtains.
	SchemeBearer
	// SchemeAPIKey is a key in a header, a query parameter or a cookie.
	SchemeAPIKey
	// SchemeOAuth2ClientCredentials is a bearer token that the client fetches from TokenURL with
	// a client ID and secret, or that the user supplies.
	SchemeOAuth2ClientCredentials
)

// SecurityScheme is one entry of components.securitySchemes that the client can use.
type SecurityScheme struct {
	// Key is the scheme's key in the spec, by which requirements name it.
	Key  string
	Kind SchemeKind
	Doc  string
	Pos  Pos
	// In and ParamName say where an API key travels.
	In        ParamIn
	ParamName string
	// TokenURL is where the client credentials flow fetches tokens; Scopes are the flow's
	// declared scopes, sorted.
	TokenURL string
	Scopes   []string
	// Option names the client option that sets the credential: WithBasicAuth(user,
	// password), WithAPIKey(key), WithBearerToken(token). Token schemes also have TokenFunc
	// (a func(context.Context) (string, error)), and the client credentials flow has
	// ClientCredentials (client ID, secret, scopes).
	Option, TokenFunc, ClientCredentials string
	// Undeclared marks a scheme the client offers although the spec declares none: see
	// Client.Undeclared.
	Undeclared bool
}

// Security is an operation's security requirement: alternatives, of which the first whose
// credentials are all configured is used. nil means no credentials; an alternative with no
// schemes is satisfied without any (the `{}` requirement).
type Security [][]*SecurityScheme

// Server is one entry of servers.
type Server struct {
	// URL is the server's URL template, with {variables}.
	URL         string
	Description string
	// Variables are sorted by name.
	Variables []ServerVariable
	// Relative is set when the URL has no scheme and host: it is relative to where the spec
	// is served, which the client cannot know.
	Relative bool
}

// ServerVariable is a variable of a server URL template.
type ServerVariable struct {
	Name, Default string
	Enum          []string
}
