package news_test

import (
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestNewsCounts: one reader and one item are singular, in Dutch and
// English: "1 van 1 in de doelgroep heeft het gelezen", "1 nieuw bericht".
func TestNewsCounts(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		coretest.Wants(t, "post", e.say(carla, "", `/news post Sleutels | Bij de balie. dept:"Zorg West" important`), "Geplaatst als bericht 1")
		e.Press(kees, "/news read 1")
		got := e.say(carla, "", "/news stats 1")
		coretest.Wants(t, "stats", got, "1 van 1 in de doelgroep heeft het gelezen.")
		e.say(carla, "", "/werkplek language en")
		coretest.Wants(t, "stats en", e.say(carla, "", "/news stats 1"), "1 of 1 in the audience has read it.")

		e.Now = e.Now.Add(time.Hour)
		coretest.Wants(t, "subscribe", e.say(anouk, "zorg-oost", "/news subscribe daily 08:30"), "Abonnement 1")
		e.Now = e.Now.Add(time.Hour)
		e.say(carla, "", `/news post Kerstborrel | Vrijdag 18 december.`)
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		e.RunDue()
		digests := e.posts("zorg-oost")
		if len(digests) != 1 {
			t.Fatalf("%d digests: %v", len(digests), digests)
		}
		coretest.Wants(t, "digest", digests[0], "1 nieuw bericht sinds het vorige overzicht.")
	})
}
