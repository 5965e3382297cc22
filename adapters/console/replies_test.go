package console

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/adapters/internal/replytest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenReplies renders the shared golden replies as the terminal shows
// them.
func TestGoldenReplies(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			got := Render(c.Reply)
			path := filepath.Join("testdata", "replies", c.Name+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("%s differs (-want +got):\n%s", path, d)
			}
		})
	}
	replytest.CheckFiles(t, "testdata/replies", ".txt")
}
