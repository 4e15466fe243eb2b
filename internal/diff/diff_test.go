package diff

import "testing"

func TestUnified(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n"
	want := `--- a
+++ b
@@ -2,9 +2,10 @@
 2
 3
 4
-5
+five
 6
 7
 8
 9
 10
+11
`
	if got := Unified("a", "b", a, b); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Changes more than twice the context apart are separate hunks.
	far := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n"
	a12 := a + "11\n12\n"
	wantFar := `--- a
+++ b
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
@@ -10,3 +10,4 @@
 10
 11
 12
+13
`
	if got := Unified("a", "b", a12, far+"13\n"); got != wantFar {
		t.Errorf("got:\n%s\nwant:\n%s", got, wantFar)
	}
	if got := Unified("a", "b", a, a); got != "--- a\n+++ b\n" {
		t.Errorf("equal texts: got:\n%s", got)
	}
}
