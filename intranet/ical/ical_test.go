package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// parse reads content lines back as RFC 5545 says: lines end in CRLF, a
// line starting with a space or tab continues the previous one, and TEXT
// escapes are undone.
func parse(t *testing.T, data string) []map[string]string {
	t.Helper()
	if !strings.HasSuffix(data, "\r\n") {
		t.Fatal("the feed does not end with CRLF")
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("bare CR or LF in %q", l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var comps []map[string]string
	var cur map[string]string
	for _, l := range lines {
		nameParams, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		name, _, _ := strings.Cut(nameParams, ";")
		switch {
		case name == "BEGIN":
			cur = map[string]string{"": value}
			comps = append(comps, cur)
		case name == "END":
		default:
			cur[name] = strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(value)
		}
	}
	return comps
}

func TestWrite(t *testing.T) {
	long := strings.Repeat("Overleg met de afdeling Zorg Oost, Zorg West; en ook Zoë en Bjørn. ", 4)
	c := Calendar{ProdID: "-//Werkplek//Rooms//NL", Name: "Grote zaal", Stamp: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC),
		Events: []Event{{UID: "booking-1@werkplek", Start: time.Date(2026, 11, 28, 14, 0, 0, 0, time.FixedZone("CET", 3600)), End: time.Date(2026, 11, 28, 15, 0, 0, 0, time.FixedZone("CET", 3600)),
			Summary: long, Location: "Grote zaal, Utrecht", Description: "regel 1\nregel 2 \\ met backslash"}}}
	var buf bytes.Buffer
	if err := c.Write(&buf); err != nil {
		t.Fatal(err)
	}
	comps := parse(t, buf.String())
	if len(comps) != 2 || comps[0][""] != "VCALENDAR" || comps[0]["VERSION"] != "2.0" || comps[0]["X-WR-CALNAME"] != "Grote zaal" {
		t.Fatalf("calendar = %+v", comps)
	}
	e := comps[1]
	for k, want := range map[string]string{"": "VEVENT", "UID": "booking-1@werkplek", "DTSTART": "20261128T130000Z", "DTEND": "20261128T140000Z",
		"DTSTAMP": "20261127T080000Z", "SUMMARY": long, "LOCATION": "Grote zaal, Utrecht", "DESCRIPTION": "regel 1\nregel 2 \\ met backslash"} {
		if e[k] != want {
			t.Errorf("%s = %q, want %q", k, e[k], want)
		}
	}
}
