package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/adapters/console"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// console runs `werkplek console` and, with seed, `werkplek demo`.
func (m *Main) console(ctx context.Context, args []string, seed bool) error {
	name, help := "console", consoleHelp
	if seed {
		name, help = "demo", fmt.Sprintf("werkplek demo [--as EMAIL] [--channel NAME | --dm] [--json] [--follow]\n\nSeeds the fictional organisation Zorggroep Werkplek (%d people in %d departments)\ninto the database (idempotent), then opens the console as %s.", len(demo.People()), demo.Departments(), demo.User)
	}
	fs := m.flags(name, help)
	as := fs.String("as", "", "email of the person you are")
	channel := fs.String("channel", "console", "console channel to chat in")
	direct := fs.Bool("dm", false, "chat in a private conversation with Werkplek instead of a channel")
	follow := fs.Bool("follow", false, "keep showing DMs and posts after the input ended, until Ctrl-C")
	asJSON := fs.Bool("json", false, "print one JSON object a line (kind reply, dm or post)")
	if seed {
		*as = demo.User
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *as == "" {
		return &exitError{code: 2, msg: "werkplek console: --as EMAIL is required (who are you?), e.g. --as " + demo.User}
	}
	if *direct && flagSet(fs, "channel") {
		return &exitError{code: 2, msg: fmt.Sprintf("werkplek %s: --dm is a private conversation, not a channel; leave out --channel or --dm", name)}
	}
	if !phonebook.ValidEmail(strings.ToLower(*as)) {
		return &exitError{code: 2, msg: fmt.Sprintf("werkplek %s: --as %q is not an email address", name, *as)}
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	if seed {
		sum, err := m.Store.ImportPeople(ctx, demo.People(), false)
		if err != nil {
			return fmt.Errorf("seed the demo organisation: %w", err)
		}
		if err := m.seedDemo(ctx); err != nil {
			return err
		}
		n, _ := m.Store.CountPeople(ctx)
		if !*asJSON {
			fmt.Fprintf(m.Stderr, "Demo organisation ready: %d people (%d new) in %d departments, %d meeting rooms, in %s.\n",
				n, sum.Created, demo.Departments(), len(demo.Rooms()), m.databaseName())
			fmt.Fprintf(m.Stderr, "Handover requests of team Zorg Oost are posted in the console channel %q (werkplek console --as %s --channel %s).\n",
				demo.TeamChannel, demo.User, demo.TeamChannel)
			fmt.Fprintf(m.Stderr, "%s is a partner organisation (contact %s); to see what a partner sees: werkplek demo --as %s\n",
				demo.PartnerName, demo.PartnerContact, demo.PartnerPerson)
		}
	}
	_, err := m.Store.FindPersonByEmail(ctx, *as)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		// Someone of a partner's domain is added on first contact.
		if _, perr := m.Store.OrganisationOfDomain(ctx, intranet.EmailDomain(*as)); perr == nil {
			err = nil
		}
	}
	if intranet.ErrorCode(err) == intranet.ENOTFOUND && seed {
		fmt.Fprintf(m.Stderr, "Note: %s is not in the demo organisation, so you can only use /werkplek help. Be one of its people instead (werkplek demo --as EMAIL), e.g.\n  %s\nWithout --as you are %s; as one of them, /phonebook finds the others (/phonebook dept:ICT).\n",
			*as, strings.Join(demo.Examples(), "\n  "), demo.User)
	} else if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		fmt.Fprintf(m.Stderr, "Note: %s is not in the phonebook; you can only use /werkplek help. Import people first (werkplek import FILE) or try werkplek demo.\n", *as)
	} else if err != nil {
		return err
	}
	work := m.startConsoleJobs(ctx)
	defer work.stop()
	defer m.countUsage(ctx)()
	c := &console.Console{
		Core: m.Router, Mailbox: m.Store, Work: work, In: m.Stdin, Out: m.Stdout, Log: m.Log.With("component", "console"),
		Email: strings.ToLower(*as), Channel: *channel, Direct: *direct, JSON: *asJSON, Follow: *follow, Interactive: m.StdinIsTerminal,
	}
	return c.Run(ctx)
}

const consoleHelp = `werkplek console --as EMAIL [--channel NAME | --dm] [--json] [--follow]

Chat with Werkplek in the terminal as the person with that email, in a channel of the
console platform (--channel, default "console"), or with --dm in a private conversation
with Werkplek (personal subscriptions and DMs in place). The console reaches anyone in
the phonebook by email: a DM a console command causes to someone with no other account
waits in the console for them, also if they never opened one.

What is already due for you and the channel is shown first. Commands are read line by
line, also from a script on stdin; DMs and channel posts arrive as they come, in every
console open on the channel. A script's console waits (at most 10 s) after each line
for what the line caused, so its output is the same every run; at the end of its input
the console waits likewise and ends, or with --follow stays open until Ctrl-C. Logs go
to stderr, never into the chat. Type /werkplek help for the commands.`

// flagSet reports whether the command line set the flag.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func (m *Main) databaseName() string {
	if m.Config.DatabaseURL == "" {
		return "sqlite:werkplek.db"
	}
	return m.Config.DatabaseURL
}

// importPeople runs `werkplek import [--dry-run] FILE`.
func (m *Main) importPeople(ctx context.Context, args []string) error {
	fs := m.flags("import", "werkplek import [--dry-run] [--full [--apply [--force]]] FILE\n\nLoads people from a CSV file or an Excel workbook (.xlsx, its first sheet) with the header\n  "+strings.Join(phonebook.CSVColumns, ",")+"\n(only name and email are required; skills and roles are separated by ; or ,; the header\nmay be in Dutch too: naam,e-mail,telefoon,mobiel,afdeling,functie,locatie,...).\n"+fileFormats+"\nIdempotent by email: importing again updates, never duplicates. All or nothing:\na file with errors imports nothing and lists every bad line.\n"+fullImportHelp)
	dryRun := fs.Bool("dry-run", false, "check the file and list what would change, import nothing")
	full := fs.Bool("full", false, "the file is everyone: after the import, list who is in Werkplek but not in it (nobody is deactivated)")
	apply := fs.Bool("apply", false, "with --full: deactivate them")
	force := fs.Bool("force", false, "with --full --apply: even when that is more than half the active people")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &exitError{code: 2, msg: "werkplek import: give one CSV file, e.g. werkplek import people.csv"}
	}
	if (*apply || *force) && !*full {
		return &exitError{code: 2, msg: "werkplek import: --apply and --force go with --full"}
	} else if *apply && *dryRun {
		return &exitError{code: 2, msg: "werkplek import: --dry-run changes nothing, so it does not go with --apply"}
	}
	records, sum, format, err := importCSV(ctx, m, "werkplek import", fs.Arg(0), *dryRun, phonebook.ParseCSV, m.storeImportPeople)
	if err != nil {
		return err
	}
	if *dryRun {
		m.printPeopleChanges(sum)
	}
	summary := fmt.Sprintf("%s %s: %d new, %d updated, %d unchanged", importVerb(*dryRun), fs.Arg(0), sum.Created, sum.Updated, len(records)-sum.Created-sum.Updated)
	if len(sum.Organisations) > 0 {
		summary += fmt.Sprintf("; %s: %s", feature.Count(len(sum.Organisations), "new partner organisation", "new partner organisations"), strings.Join(sum.Organisations, ", "))
	}
	if err := m.importDone(ctx, "people", fs.Arg(0), *dryRun, format, summary+"."); err != nil {
		return err
	}
	if *full {
		return m.fullImport(ctx, fs.Arg(0), records, *apply, *force)
	}
	return nil
}

// seedDemo adds what the later features need to the demo: the meeting rooms,
// the department teams, and a console channel for team Zorg Oost's handover
// cards. Idempotent, like the people import.
func (m *Main) seedDemo(ctx context.Context) error {
	if _, err := m.Store.SaveRooms(ctx, demo.Rooms(), false); err != nil {
		return fmt.Errorf("seed the demo rooms: %w", err)
	}
	if err := m.seedDemoPartner(ctx); err != nil {
		return err
	}
	if err := m.seedDemoNews(ctx); err != nil {
		return err
	}
	if err := m.seedDemoQuestions(ctx); err != nil {
		return err
	}
	if err := m.seedDemoBoard(ctx); err != nil {
		return err
	}
	if err := m.seedDemoHours(ctx); err != nil {
		return err
	}
	if err := m.Store.SyncDepartmentTeams(ctx); err != nil {
		return fmt.Errorf("seed the demo teams: %w", err)
	}
	team, err := m.Store.FindTeamByName(ctx, "Zorg Oost")
	if err != nil {
		return fmt.Errorf("seed the demo teams: %w", err)
	}
	ch := intranet.TeamChannel{Platform: intranet.PlatformConsole, Installation: console.Installation, ChannelID: demo.TeamChannel}
	for _, c := range team.Channels {
		if c == ch {
			return nil
		}
	}
	return m.Store.LinkTeamChannel(ctx, team.ID, ch)
}

func (m *Main) storeImportPeople(ctx context.Context, records []intranet.PersonRecord, dryRun bool) (intranet.ImportSummary, error) {
	return m.Store.ImportPeople(ctx, records, dryRun)
}
