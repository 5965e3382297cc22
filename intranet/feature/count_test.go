package feature_test

import (
	"testing"

	"github.com/werkplek/werkplek/intranet/feature"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"nl", 0, "0 leden"},
		{"nl", 1, "1 lid"},
		{"nl", 2, "2 leden"},
		{"en", 1, "1 member"},
		{"en", 3, "3 members"},
	} {
		c := &feature.Call{Lang: tc.lang}
		if got := c.N(tc.n, "lid", "leden", "member", "members"); got != tc.want {
			t.Errorf("%s %d: %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
	// The words may be a format, and hold a verb that agrees.
	c := &feature.Call{Lang: "nl"}
	if got := c.N(1, "van %d heeft het gelezen", "van %d hebben het gelezen", "of %d has read it", "of %d have read it", 4); got != "1 van 4 heeft het gelezen" {
		t.Errorf("format: %q", got)
	}
	if got := feature.N("en", 2, "van %d heeft het gelezen", "van %d hebben het gelezen", "of %d has read it", "of %d have read it", 4); got != "2 of 4 have read it" {
		t.Errorf("format en: %q", got)
	}
	if got := feature.Count(1, "problem", "problems"); got != "1 problem" {
		t.Errorf("Count: %q", got)
	}
}
