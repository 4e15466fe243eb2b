package stripe

import (
	"context"
	"testing"
)

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
