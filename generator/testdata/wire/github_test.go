package github

import (
	"context"
	"testing"
)

const repoAnswer = `{"id":1296269,"node_id":"MDEwOlJlcG9zaXRvcnkxMjk2MjY5","name":"Hello-World","full_name":"octocat/Hello-World",
"owner":{"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=","avatar_url":"https://github.com/images/error/octocat_happy.gif","gravatar_id":"","url":"https://api.github.com/users/octocat","html_url":"https://github.com/octocat","followers_url":"","following_url":"","gists_url":"","starred_url":"","subscriptions_url":"","organizations_url":"","repos_url":"","events_url":"","received_events_url":"","type":"User","site_admin":false},
"private":false,"html_url":"https://github.com/octocat/Hello-World","description":null,"fork":false,"homepage":"","forks_count":0,"has_issues":false,"open_issues_count":0,"language":null,"topics":[],"archived":false,"size":0}`

func TestReposUpdateSendsFalse(t *testing.T) {
	rec := &recorder{answer: repoAnswer}
	// The spec declares no security: the bearer token the caller configures is sent anyway.
	c := NewClient(WithBaseURL(rec.server(t).URL), WithBearerToken("ghp_test"))
	repo, err := c.ReposUpdate(context.Background(), &ReposUpdateParams{
		Owner: "octocat", Repo: "Hello-World",
		Private:   Ptr(false),
		HasIssues: Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.method != "PATCH" || rec.path != "/repos/octocat/Hello-World" || rec.auth != "Bearer ghp_test" {
		t.Errorf("sent %s %s, Authorization %q", rec.method, rec.path, rec.auth)
	}
	if want := `{"private":false,"has_issues":false}`; rec.body != want {
		t.Errorf("body %s, want %s", rec.body, want)
	}
	if repo.Private || !repo.Description.IsNull() || repo.ForksCount != 0 {
		t.Errorf("answer decoded as %+v", repo)
	}
	kept(t, repoAnswer, repo)
}

func TestIssuesUpdateSendsNullAndEmptyList(t *testing.T) {
	rec := &recorder{answer: `{}`}
	c := NewClient(WithBaseURL(rec.server(t).URL))
	_, err := c.IssuesUpdate(context.Background(), &IssuesUpdateParams{
		Owner: "octocat", Repo: "Hello-World", IssueNumber: 1347,
		Milestone: Null[IssuesUpdateParamsMilestone](),
		Assignees: []string{},
		Labels:    []IssuesUpdateParamsLabelsItem{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.method != "PATCH" || rec.path != "/repos/octocat/Hello-World/issues/1347" {
		t.Errorf("sent %s %s", rec.method, rec.path)
	}
	if want := `{"milestone":null,"labels":[],"assignees":[]}`; rec.body != want {
		t.Errorf("body %s, want %s", rec.body, want)
	}
}

func TestIssuesListSendsZeroQuery(t *testing.T) {
	rec := &recorder{answer: `[]`}
	c := NewClient(WithBaseURL(rec.server(t).URL))
	if _, err := c.IssuesListForRepo(context.Background(), &IssuesListForRepoParams{
		Owner: "octocat", Repo: "Hello-World",
		Page: Ptr(0),
	}); err != nil {
		t.Fatal(err)
	}
	if rec.query != "page=0" {
		t.Errorf("query %q, want page=0", rec.query)
	}
}
