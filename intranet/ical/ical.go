// Package ical writes iCalendar feeds (RFC 5545) that Outlook, Google
// Calendar and Apple Calendar can subscribe to: a VCALENDAR of VEVENTs with
// UTC times, escaped text and lines folded at 75 octets.
package ical

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one VEVENT.
type Event struct {
	// UID is unique and stable per event ("booking-12@werkplek").
	UID         string
	Start, End  time.Time
	Summary     string
	Location    string
	Description string
	// Created and Modified feed CREATED and LAST-MODIFIED (optional).
	Created, Modified time.Time
}

// Calendar is one feed.
type Calendar struct {
	// ProdID names the product (PRODID), e.g. "-//Werkplek//Rooms//NL".
	ProdID string
	// Name is shown by calendar clients (X-WR-CALNAME, NAME of RFC 7986).
	Name string
	// Refresh asks clients to fetch the feed again after it (default 15 minutes).
	Refresh time.Duration
	// Stamp is DTSTAMP of every event: when the feed was made.
	Stamp  time.Time
	Events []Event
}

const stampFormat = "20060102T150405Z"

// Write writes the calendar to w.
func (c Calendar) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	refresh := c.Refresh
	if refresh <= 0 {
		refresh = 15 * time.Minute
	}
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", Text(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("NAME", Text(c.Name))
		line("X-WR-CALNAME", Text(c.Name))
	}
	line("REFRESH-INTERVAL;VALUE=DURATION", duration(refresh))
	line("X-PUBLISHED-TTL", duration(refresh))
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", Text(e.UID))
		line("DTSTAMP", c.Stamp.UTC().Format(stampFormat))
		line("DTSTART", e.Start.UTC().Format(stampFormat))
		line("DTEND", e.End.UTC().Format(stampFormat))
		line("SUMMARY", Text(e.Summary))
		if e.Location != "" {
			line("LOCATION", Text(e.Location))
		}
		if e.Description != "" {
			line("DESCRIPTION", Text(e.Description))
		}
		if !e.Created.IsZero() {
			line("CREATED", e.Created.UTC().Format(stampFormat))
		}
		if !e.Modified.IsZero() {
			line("LAST-MODIFIED", e.Modified.UTC().Format(stampFormat))
		}
		line("STATUS", "CONFIRMED")
		line("TRANSP", "OPAQUE")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

// Text escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma
// and newlines; other control characters are dropped.
func Text(s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes one content line, folded so that no line is longer
// than 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}

func duration(d time.Duration) string {
	m := int(d.Minutes())
	if m%60 == 0 {
		return fmt.Sprintf("PT%dH", m/60)
	}
	return fmt.Sprintf("PT%dM", m)
}
