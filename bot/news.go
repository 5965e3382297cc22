package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/feature/news"
)

// DefaultNewsReminderHours is WERKPLEK_NEWS_REMINDER_HOURS's default: how
// long after an important item's publication those who have not
// acknowledged it get a DM.
const DefaultNewsReminderHours = 24

const newsHelp = `werkplek news acks ID [--out FILE]

Writes who an item is for and when each acknowledged it, as CSV with the
header name,email,acknowledged_at (RFC 3339 in WERKPLEK_TIMEZONE with its
offset, as every export writes a time; empty: not yet). The
audience is everyone in the item's department, or everyone when it has none
(guests never).`

// news runs `werkplek news acks ID`.
func (m *Main) news(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "acks" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(m.Stdout, newsHelp)
			return nil
		}
		if isCommand(args) {
			return unknownCommand("news", args[0], []string{"acks"}, newsHelp)
		}
		return &exitError{code: 2, msg: "werkplek news: use werkplek news acks ID\n\n" + newsHelp}
	}
	fs := m.flags("news acks", newsHelp)
	out := fs.String("out", "", "write to this file instead of stdout")
	// The id may come before the flags: werkplek news acks 12 --out x.csv.
	rest := args[1:]
	var idArg string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		idArg, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if idArg == "" && fs.NArg() == 1 {
		idArg = fs.Arg(0)
	} else if fs.NArg() > 0 {
		idArg = ""
	}
	id, err := strconv.ParseInt(idArg, 10, 64)
	if err != nil || id <= 0 {
		return &exitError{code: 2, msg: "werkplek news acks: give one item number, e.g. werkplek news acks 12"}
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	rows, err := news.NewsAcksCSV(ctx, m.Store, id, m.Config.Location)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek news acks: there is no news item %d", id)}
	} else if err != nil {
		return err
	}
	w := m.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return &exitError{code: 1, msg: "werkplek news acks: " + err.Error()}
		}
		defer f.Close()
		w = f
	}
	if err := csv.NewWriter(w).WriteAll(rows); err != nil {
		return fmt.Errorf("write acks: %w", err)
	}
	return nil
}

// seedDemoNews publishes the demo's news items once, backdated, when the
// database has no news yet.
func (m *Main) seedDemoNews(ctx context.Context) error {
	if items, err := m.Store.News(ctx, intranet.NewsFilter{Limit: 1}); err != nil || len(items) > 0 {
		return err
	}
	author, err := m.Store.FindPersonByEmail(ctx, demo.NewsAuthor())
	if err != nil {
		return fmt.Errorf("seed the demo news: %w", err)
	}
	now := time.Now()
	for _, n := range demo.News() {
		item, err := m.Store.CreateNews(ctx, intranet.NewNewsItem{Title: n.Title, Body: n.Body, Topic: n.Topic, Department: n.Department,
			Important: n.Important, Partners: n.Partners, AuthorID: author.ID, Publish: now.Add(-n.Age), Lang: "nl"}, now.Add(-n.Age))
		if err != nil {
			return fmt.Errorf("seed the demo news: %w", err)
		}
		for _, c := range n.Comments {
			p, err := m.Store.FindPersonByEmail(ctx, c.Email)
			if err != nil {
				return fmt.Errorf("seed the demo comments: %w", err)
			}
			if _, err := m.Store.AddComment(ctx, item.ID, p.ID, c.Text, now.Add(-c.Age)); err != nil {
				return fmt.Errorf("seed the demo comments: %w", err)
			}
		}
	}
	return nil
}
