package mattermost

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/replytest"
)

// TestGoldenReplies renders the shared golden replies as Mattermost shows
// them: the slash command's answer, the answer to a button press, the
// dialogs of a form and of each confirmation, and a form's field errors.
// Every attachment and dialog must also pass the server's own validation.
func TestGoldenReplies(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			r := c.Reply
			out := struct {
				Command     *model.CommandResponse               `json:"command"`
				Action      *model.PostActionIntegrationResponse `json:"action"`
				Dialog      *model.Dialog                        `json:"dialog,omitempty"`
				Confirms    []model.Dialog                       `json:"confirms,omitempty"`
				FieldErrors *model.SubmitDialogResponse          `json:"field_errors,omitempty"`
			}{Command: RenderCommandResponse(r, testOpts), Action: RenderActionResponse(r, testOpts)}
			var dialogs []model.Dialog
			if r.Form != nil {
				d := RenderDialog(*r.Form, r.Lang, testOpts)
				out.Dialog, dialogs = &d, append(dialogs, d)
				if len(r.FieldErrors) > 0 {
					out.FieldErrors = RenderFieldErrors(r)
				}
			}
			buttons := r.Buttons
			for _, s := range r.Sections {
				buttons = append(buttons, s.Buttons...)
			}
			for _, b := range buttons {
				if b.Confirm != nil {
					out.Confirms = append(out.Confirms, RenderConfirmDialog(*b.Confirm, b.Command, "3zh7896fjtbrtjtak1fyrtpzkw", r.Lang, testOpts))
				}
			}
			for _, d := range append(dialogs, out.Confirms...) {
				req := model.OpenDialogRequest{TriggerId: "t", URL: "https://werkplek.example.nl/mattermost/dialogs", Dialog: d}
				if err := req.IsValid(); err != nil {
					t.Errorf("dialog %q not valid: %v", d.Title, err)
				}
			}
			for _, att := range out.Command.Attachments {
				if err := att.IsValid(); err != nil {
					t.Errorf("attachment not valid: %v", err)
				}
			}
			golden(t, "../replies/"+c.Name, out)
		})
	}
	replytest.CheckFiles(t, "testdata/replies", ".json")
}
