package stripe

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
	// auth is the Authorization header: the scheme the operation's security asks for.
	auth string
}

func (r *recorder) server(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.method, r.path, r.query, r.body = req.Method, req.URL.EscapedPath(), req.URL.RawQuery, string(b)
		r.auth = req.Header.Get("Authorization")
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

const customerAnswer = `{"id":"cus_NffrFeUfNV2Hib","object":"customer","address":null,"balance":0,"created":1680893993,
"currency":null,"default_source":null,"delinquent":false,"description":null,"discount":null,"email":"jennyrosen@example.com",
"invoice_prefix":"0759376C","invoice_settings":{"custom_fields":null,"default_payment_method":null,"footer":null,"rendering_options":null},
"livemode":false,"metadata":{},"name":"Jenny Rosen","next_invoice_sequence":1,"phone":null,"preferred_locales":[],
"shipping":null,"tax_exempt":"none","test_clock":null}`

func TestCustomerCreateSendsNestedFormAndZero(t *testing.T) {
	rec := &recorder{answer: customerAnswer}
	c := NewClient(WithBaseURL(rec.server(t).URL), WithBearerToken("sk_test"))
	cus, err := c.PostCustomers(context.Background(), &PostCustomersParams{
		Address: &PostCustomersParamsAddress{OptionalFieldsAddress: &PostCustomersParamsAddressOptionalFieldsAddress{
			City: Ptr("Berlin"), Line1: Ptr("Unter den Linden 1"),
		}},
		Balance:          Ptr(0),
		Expand:           []string{"tax"},
		Metadata:         &PostCustomersParamsMetadata{Object: map[string]string{"order": "7"}},
		PreferredLocales: []string{"de"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.method != "POST" || rec.path != "/v1/customers" || rec.auth != "Bearer sk_test" {
		t.Errorf("sent %s %s, Authorization %q", rec.method, rec.path, rec.auth)
	}
	want := "address[city]=Berlin&address[line1]=Unter+den+Linden+1&balance=0&expand[0]=tax&metadata[order]=7&preferred_locales[0]=de"
	if rec.body != want {
		t.Errorf("body %s\nwant %s", rec.body, want)
	}
	if cus.Balance == nil || *cus.Balance != 0 || !cus.Address.IsNull() || !cus.PreferredLocales.IsSet() {
		t.Errorf("answer decoded as %+v", cus)
	}
	kept(t, customerAnswer, cus)
}

// TestCustomerUpdateClears sends Stripe's "" that clears an emptyable value.
func TestCustomerUpdateClears(t *testing.T) {
	rec := &recorder{answer: customerAnswer}
	c := NewClient(WithBaseURL(rec.server(t).URL), WithBasicAuth("sk_test", ""))
	if _, err := c.PostCustomersCustomer(context.Background(), &PostCustomersCustomerParams{
		Customer: "cus_NffrFeUfNV2Hib",
		Metadata: &PostCustomersCustomerParamsMetadata{Empty: true},
		Shipping: &PostCustomersCustomerParamsShipping{Empty: true},
	}); err != nil {
		t.Fatal(err)
	}
	if want := "metadata=&shipping="; rec.body != want || rec.path != "/v1/customers/cus_NffrFeUfNV2Hib" {
		t.Errorf("sent %s %s, want body %s", rec.path, rec.body, want)
	}
	// basicAuth is the first alternative of Stripe's security: the key is the user name.
	if rec.auth != "Basic c2tfdGVzdDo=" {
		t.Errorf("Authorization %q", rec.auth)
	}
}

func TestListQueryZero(t *testing.T) {
	rec := &recorder{answer: `{"object":"list","data":[],"has_more":false,"url":"/v1/customers"}`}
	c := NewClient(WithBaseURL(rec.server(t).URL), WithBearerToken("sk_test"))
	list, err := c.GetCustomers(context.Background(), &GetCustomersParams{
		Expand: []string{"data.tax"},
		Limit:  Ptr(0),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "expand[0]=data.tax&limit=0"; rec.query != want {
		t.Errorf("query %s, want %s", rec.query, want)
	}
	if list.Data == nil || list.HasMore {
		t.Errorf("answer decoded as %+v", list)
	}
}
