package b2b_test

import (
	"context"
	"log"
	"net/http"

	"github.com/specgen-dev/specgen/gen/b2b"
	"github.com/specgen-dev/specgen/gen/b2b/discovery/organizations"
)

// orgs serves Create; List answers 501 through the embedded UnimplementedDiscoveryOrganizationsAPI.
type orgs struct {
	b2b.UnimplementedDiscoveryOrganizationsAPI
}

// Create gets params already decoded and validated. A *b2b.Error keeps its status and body;
// any other error is answered as an opaque 500.
func (orgs) Create(ctx context.Context, p *organizations.CreateParams) (*organizations.CreateResponse, error) {
	if p.OrganizationSlug == "taken" {
		return nil, &b2b.Error{StatusCode: http.StatusConflict, ErrorType: "organization_slug_already_used",
			ErrorMessage: "organization_slug is already used"}
	}
	return &organizations.CreateResponse{StatusCode: 200, MemberID: "member-test-1"}, nil
}

func ExampleRegisterDiscoveryOrganizationsAPI() {
	mux := http.NewServeMux()
	b2b.RegisterDiscoveryOrganizationsAPI(mux, orgs{})
	log.Fatal(http.ListenAndServe(":8080", mux))
}
