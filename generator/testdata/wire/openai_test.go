package openai

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

const completionAnswer = `{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,"model":"gpt-4.1-2025-04-14",
"choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I assist you today?","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
"service_tier":"default","system_fingerprint":"fp_c1e2b1f0a3"}`

func TestChatCompletionSendsTemperatureZero(t *testing.T) {
	rec := &recorder{answer: completionAnswer}
	c := NewClient(WithBaseURL(rec.server(t).URL), WithBearerToken("sk_test"))
	resp, err := c.CreateChatCompletion(context.Background(), &CreateChatCompletionParams{Body: &CreateChatCompletionRequest{
		Model: ModelIDsShared{String: Ptr("gpt-4.1")},
		Messages: []ChatCompletionRequestMessage{{ChatCompletionRequestUserMessage: &ChatCompletionRequestUserMessage{
			Role:    ChatCompletionRequestUserMessageRoleUser,
			Content: ChatCompletionRequestUserMessageContent{String: Ptr("Hello!")},
		}}},
		Temperature: NullableOf(0.0),
		Stream:      NullableOf(false),
		Stop:        Null[StopConfiguration](),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rec.method != "POST" || rec.path != "/chat/completions" || rec.auth != "Bearer sk_test" {
		t.Errorf("sent %s %s, Authorization %q", rec.method, rec.path, rec.auth)
	}
	want := `{"temperature":0,"messages":[{"content":"Hello!","role":"user"}],"model":"gpt-4.1","stream":false,"stop":null}`
	if rec.body != want {
		t.Errorf("body %s\nwant %s", rec.body, want)
	}
	if len(resp.Choices) != 1 || !resp.Choices[0].Message.Refusal.IsNull() || resp.Usage == nil || resp.Usage.PromptTokensDetails == nil {
		t.Fatalf("answer decoded as %+v", resp)
	}
	kept(t, completionAnswer, resp)
}

// TestMessagesByRole decodes each role as its own alternative: the discriminator "role" has no
// mapping, and each alternative pins it with a one-value enum.
func TestMessagesByRole(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{`{"role":"user","content":"Hi"}`, "ChatCompletionRequestUserMessage"},
		{`{"role":"developer","content":"Be brief."}`, "ChatCompletionRequestDeveloperMessage"},
		{`{"role":"system","content":"Be brief."}`, "ChatCompletionRequestSystemMessage"},
		{`{"role":"assistant","content":null,"refusal":null}`, "ChatCompletionRequestAssistantMessage"},
		{`{"role":"tool","content":"42","tool_call_id":"call_1"}`, "ChatCompletionRequestToolMessage"},
	} {
		var m ChatCompletionRequestMessage
		if err := json.Unmarshal([]byte(c.in), &m); err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		v := reflect.ValueOf(m)
		var set []string
		for i := range v.NumField() {
			if !v.Field(i).IsZero() {
				set = append(set, v.Type().Field(i).Name)
			}
		}
		if len(set) != 1 || set[0] != c.want {
			t.Errorf("%s: decoded as %v, want %s", c.in, set, c.want)
		}
		if err := (&CreateChatCompletionRequest{Model: ModelIDsShared{String: Ptr("gpt-4.1")}, Messages: []ChatCompletionRequestMessage{m}}).Validate(); err != nil {
			t.Errorf("%s: %v", c.in, err)
		}
		kept(t, c.in, m)
	}
	// A role the spec does not know is kept as it came.
	in := `{"role":"critic","content":"meh"}`
	var m ChatCompletionRequestMessage
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatal(err)
	}
	if again, _ := json.Marshal(m); string(again) != in {
		t.Errorf("unknown role re-encodes as %s", again)
	}
}

// TestChatCompletionStream reads a stream: true completion as typed chunks, the way the API
// sends it: data lines, a blank line after each event, and [DONE] at the end.
func TestChatCompletionStream(t *testing.T) {
	var accept, body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		accept, body = r.Header.Get("Accept"), string(b)
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}`+"\n\n")
		io.WriteString(w, `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}`+"\n\n")
		io.WriteString(w, `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}`+"\n\n")
		io.WriteString(w, "data: [DONE]\n\n")
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL), WithBearerToken("sk-test"))
	var text string
	var finish []string
	n := 0
	for chunk, err := range c.CreateChatCompletionStream(context.Background(), &CreateChatCompletionParams{Body: &CreateChatCompletionRequest{
		Model:    ModelIDsShared{String: Ptr("gpt-4.1")},
		Messages: []ChatCompletionRequestMessage{{ChatCompletionRequestUserMessage: &ChatCompletionRequestUserMessage{Role: ChatCompletionRequestUserMessageRoleUser, Content: ChatCompletionRequestUserMessageContent{String: Ptr("Hello!")}}}},
		Stream:   NullableOf(true),
	}}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, ch := range chunk.Choices {
			if s, ok := ch.Delta.Content.Get(); ok {
				text += s
			}
			if f, ok := ch.FinishReason.Get(); ok {
				finish = append(finish, string(f))
			}
		}
	}
	if accept != "text/event-stream" || body != `{"messages":[{"content":"Hello!","role":"user"}],"model":"gpt-4.1","stream":true}` {
		t.Errorf("sent Accept %q, body %s", accept, body)
	}
	if n != 3 || text != "Hi" || len(finish) != 1 || finish[0] != "stop" {
		t.Errorf("read %d chunks, text %q, finish %v", n, text, finish)
	}
}

const fileAnswer = `{"id":"file-abc123","object":"file","bytes":7,"created_at":1613677385,"filename":"batch.jsonl","purpose":"batch","status":"processed"}`

func TestCreateFileSendsAFilePart(t *testing.T) {
	var part, purpose string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, fh, err := r.FormFile("file")
		if err != nil {
			t.Error(err)
		} else {
			data, _ := io.ReadAll(f)
			part = fh.Filename + " " + fh.Header.Get("Content-Type") + " " + string(data)
		}
		purpose = r.FormValue("purpose")
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, fileAnswer)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL), WithBearerToken("sk-test"))
	file, err := c.CreateFile(context.Background(), &CreateFileParams{Body: &CreateFileRequest{
		File:    FilePart{Name: "batch.jsonl", ContentType: "application/jsonl", Content: strings.NewReader(`{"a":1}`)},
		Purpose: "batch",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `batch.jsonl application/jsonl {"a":1}`; part != want || purpose != "batch" {
		t.Errorf("sent file part %q and purpose %q, want %q and batch", part, purpose, want)
	}
	if file.ID != "file-abc123" || file.Bytes != 7 {
		t.Errorf("answer decoded as %+v", file)
	}
	kept(t, fileAnswer, file)
}
