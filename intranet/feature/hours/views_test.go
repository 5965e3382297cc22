package hours_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// Large amounts carry the reader's thousands separators; a rate stays
// as it was.
func TestLargeAmounts(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w := coretest.Wants
		w(t, "trip nl", e.say(jan, "/km ma 1999,5 Utrecht naar Rome"), "Utrecht → Rome: 1.999,5 km, € 459,89.", "Week 48: 1.999,5 km, € 459,89.", "Vergoeding € 0,23 per km.")
		e.say(jan, "/km di 1999,5 Rome naar Utrecht")
		e.say(jan, "/km wo 1999,5 Utrecht naar Rome")
		w(t, "week nl", e.say(jan, "/uren week"), "Totaal: 0 uur · 5.998,5 km · € 1.379,67", "Kilometers: 5.998,5 km", "Vergoeding: € 1.379,67")
		w(t, "km week nl", e.say(jan, "/km week"), "Totaal: 5.998,5 km, € 1.379,67.", "Vergoeding € 0,23 per km;")
		w(t, "month nl", e.say(jan, "/km maand"), "Totaal: 5.998,5 km in 3 ritten, € 1.379,67.")
		w(t, "too far nl", e.say(jan, "/km vandaag 1500 Utrecht naar Rome retour"), "3.000 km is meer dan de 2.000 km die één rit mag zijn.")

		w(t, "trip en", e.say(kees, "/km mon 1999.5 Utrecht to Rome"), "Utrecht → Rome: 1,999.5 km, €459.89.", "Allowance €0.23 per km.")
		e.say(kees, "/km tue 1999.5 Rome to Utrecht")
		e.say(kees, "/km wed 1999.5 Utrecht to Rome")
		w(t, "week en", e.say(kees, "/hours week"), "Total: 0 h · 5,998.5 km · €1,379.67")
		w(t, "too far en", e.say(kees, "/km today 1500 Utrecht to Rome return"), "3,000 km is more than the 2,000 km one trip may be.")
		w(t, "small stays", e.say(kees, "/km thu 23.4 Utrecht to Zeist"), "23.4 km, €5.38.")
	})
}
