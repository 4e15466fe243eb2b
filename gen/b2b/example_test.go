package b2b_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/specgen-dev/specgen/gen/b2b"
	"github.com/specgen-dev/specgen/gen/b2b/discovery/organizations"
)

func ExampleNewClient() {
	c := b2b.NewClient(
		b2b.WithBaseURL("https://test.stytch.com"),
		b2b.WithBasicAuth("project-test-...", "secret-test-..."),
	)
	resp, err := c.Discovery.Organizations.Create(context.Background(), &organizations.CreateParams{
		IntermediateSessionToken: "ist-from-discovery",
		OrganizationName:         "Acme",
		SessionDurationMinutes:   60,
	})
	var apiErr *b2b.Error
	switch {
	case errors.As(err, &apiErr): // the API answered non-2xx
		log.Fatalf("%d %s (request %s): %s", apiErr.StatusCode, apiErr.ErrorType, apiErr.RequestID, apiErr.ErrorMessage)
	case err != nil: // invalid params, network error, cancelled context, undecodable answer
		log.Fatal(err)
	}
	fmt.Println(resp.MemberID, resp.MemberAuthenticated)
}
