package questions

import (
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the questions part of the home: a question a section, the
// first titled, each with the experts' Answer button.
func homeView(c *feature.Call, list []*intranet.Question) []intranet.Section {
	var out []intranet.Section
	for _, q := range list {
		head := fmt.Sprintf("*#%d*", q.ID)
		if q.Topic != "" {
			head += " · " + q.Topic
		}
		head += " · " + c.T("van %s", "from %s", askerLabel(q))
		out = append(out, intranet.Section{Text: head + "\n" + shorten(q.Text, 140), Buttons: []intranet.Button{answerButton(q, c.Lang)}})
	}
	if len(out) > 0 {
		out[0].Title = c.T("Vragen voor jou", "Questions for you")
	}
	return out
}
