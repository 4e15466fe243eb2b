package github

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

// recorder answers every request with answer and keeps what was sent.
type recorder struct {
	method, path, query, body string
	answer                    string
}

func (r *recorder) server(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.method, r.path, r.query, r.body = req.Method, req.URL.EscapedPath(), req.URL.RawQuery, string(b)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, r.answer)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// kept fails unless every value of the JSON answer is in what v encodes to: the decoded
// type lost nothing, zero values and nulls included.
func kept(t *testing.T, answer string, v any) {
	t.Helper()
	again, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	dec := json.NewDecoder(bytes.NewReader([]byte(answer)))
	dec.UseNumber()
	if err := dec.Decode(&want); err != nil {
		t.Fatal(err)
	}
	dec = json.NewDecoder(bytes.NewReader(again))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if path, ok := contains(got, want, "$"); !ok {
		t.Errorf("the answer's value at %s is lost; re-encoded:\n%s", path, again)
	}
}

func contains(got, want any, path string) (string, bool) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return path, false
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				return path + "." + k, false
			}
			if p, ok := contains(gv, wv, path+"."+k); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return path, false
		}
		for i := range w {
			if p, ok := contains(g[i], w[i], path+"[]"); !ok {
				return p, false
			}
		}
		return "", true
	}
	return path, reflect.DeepEqual(got, want)
}

const repoAnswer = `{"id":1296269,"node_id":"MDEwOlJlcG9zaXRvcnkxMjk2MjY5","name":"Hello-World","full_name":"octocat/Hello-World",
"owner":{"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=","avatar_url":"https://github.com/images/error/octocat_happy.gif","gravatar_id":"","url":"https://api.github.com/users/octocat","html_url":"https://github.com/octocat","followers_url":"","following_url":"","gists_url":"","starred_url":"","subscriptions_url":"","organizations_url":"","repos_url":"","events_url":"","received_events_url":"","type":"User","site_admin":false},
"private":false,"html_url":"https://github.com/octocat/Hello-World","description":null,"fork":false,"homepage":"","forks_count":0,"has_issues":false,"open_issues_count":0,"language":null,"topics":[],"archived":false,"size":0}`

func TestReposUpdateSendsFalse(t *testing.T) {
	rec := &recorder{answer: repoAnswer}
	c := NewClient(WithBaseURL(rec.server(t).URL))
	repo, err := c.ReposUpdate(context.Background(), &ReposUpdateParams{
		Owner: "octocat", Repo: "Hello-World",
		Private:   Ptr(false),
		HasIssues: Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.method != "PATCH" || rec.path != "/repos/octocat/Hello-World" {
		t.Errorf("sent %s %s", rec.method, rec.path)
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
