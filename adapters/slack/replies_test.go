package slack

import (
	"testing"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/replytest"
)

// TestGoldenReplies renders the shared golden replies as Slack shows them:
// the message, and for a form the modal and its field errors.
func TestGoldenReplies(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			out := struct {
				Message     Message                       `json:"message"`
				Modal       *slack.ModalViewRequest       `json:"modal,omitempty"`
				FieldErrors *slack.ViewSubmissionResponse `json:"field_errors,omitempty"`
			}{Message: RenderMessage(c.Reply)}
			if f := c.Reply.Form; f != nil {
				m := RenderModal(*f, c.Reply.Lang, "C0ALGEMEEN1")
				out.Modal = &m
				if len(c.Reply.FieldErrors) > 0 {
					out.FieldErrors = RenderFieldErrors(c.Reply.FieldErrors)
				}
			}
			golden(t, "replies/"+c.Name+".json", out)
		})
	}
	replytest.CheckFiles(t, "testdata/replies", ".json")
}
