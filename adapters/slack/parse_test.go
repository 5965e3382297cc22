package slack

import "testing"

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"jansen", "jansen"},
		{"<mailto:jan@example.nl|jan@example.nl>", "jan@example.nl"},
		{"<@U0JANDVRIES|jan.devries> rol", "<@U0JANDVRIES|jan.devries> rol"},
		{"<@U0JANDVRIES>", "<@U0JANDVRIES>"},
		{"<#C0ALGEMEEN1|algemeen> daily", "#algemeen daily"},
		{"<https://intranet.example.nl/a?b=1&amp;c=2>", "https://intranet.example.nl/a?b=1&c=2"},
		{"<https://x.nl|x.nl>", "https://x.nl"},
		{"<!here> hallo", "@here hallo"},
		{"<!subteam^S123|@zorg-oost>", "@zorg-oost"},
		{"r&amp;d &lt;3", "r&d <3"},
		{"<tel:+31612345678|06 1234 5678>", "06 1234 5678"},
	} {
		if got := plainText(tc.in); got != tc.want {
			t.Errorf("plainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
