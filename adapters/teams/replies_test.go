package teams

import (
	"testing"

	"github.com/infracloudio/msbotbuilder-go/schema"

	"github.com/werkplek/werkplek/adapters/internal/replytest"
)

// TestGoldenReplies renders the shared golden replies as Teams shows them:
// the activity's notification summary and the Adaptive Card.
func TestGoldenReplies(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			out := struct {
				Summary string            `json:"summary"`
				Card    schema.Attachment `json:"card"`
			}{summary(c.Reply), Render(c.Reply)}
			golden(t, "replies/"+c.Name+".json", out)
		})
	}
	replytest.CheckFiles(t, "testdata/replies", ".json")
}
