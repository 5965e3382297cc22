package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
	"github.com/werkplek/werkplek/intranet/feature"
)

func sortProblems(p []intranet.ImportProblem) {
	sort.SliceStable(p, func(i, j int) bool { return p[i].Line < p[j].Line })
}

// importCSV is the shared shape of the file imports (people, rooms,
// teams): read the file with parse (CSV in any separator and encoding
// csvfile takes, or an .xlsx workbook), open the database, check or write
// the records with save (only checking when the file had problems or
// dryRun), and report every bad line of both steps at once. cmd names the
// command in messages. The format says how the file was read (its Note
// belongs in the summary).
func importCSV[R any](ctx context.Context, m *Main, cmd, path string, dryRun bool,
	parse func(io.Reader) ([]R, []intranet.ImportProblem),
	save func(ctx context.Context, records []R, dryRun bool) (intranet.ImportSummary, error),
) ([]R, intranet.ImportSummary, csvfile.Format, error) {
	var sum intranet.ImportSummary
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, sum, csvfile.Format{}, &exitError{code: 1, msg: cmd + ": " + err.Error()}
	}
	format := csvfile.Sniff(data)
	records, problems := parse(bytes.NewReader(data))
	if err := m.open(ctx); err != nil {
		return nil, sum, format, err
	}
	sum, err = save(ctx, records, dryRun || len(problems) > 0)
	var ie *intranet.ImportError
	if errors.As(err, &ie) {
		problems = append(problems, ie.Problems...)
	} else if err != nil {
		return nil, sum, format, err
	}
	if len(problems) > 0 {
		sortProblems(problems)
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s has %s; nothing was imported:\n", cmd, path, feature.Count(len(problems), "problem", "problems"))
		if note, _ := format.Note(); note != "" {
			fmt.Fprintf(&b, "  (%s)\n", note)
		}
		for _, p := range problems {
			fmt.Fprintf(&b, "  line %d: %s\n", p.Line, p.Reason)
		}
		return nil, sum, format, &exitError{code: 1, msg: strings.TrimRight(b.String(), "\n")}
	}
	return records, sum, format, nil
}

// importDone prints an import's summary line, with how the file was read
// when that is worth saying, and records a real import (not a dry run) in
// the audit log as "import <noun>" by the command line.
func (m *Main) importDone(ctx context.Context, noun, path string, dryRun bool, format csvfile.Format, summary string) error {
	if note, _ := format.Note(); note != "" {
		summary = strings.TrimSuffix(summary, ".") + "; " + note + "."
	}
	fmt.Fprintln(m.Stdout, summary)
	if dryRun {
		return nil
	}
	err := m.Store.Audit(ctx, intranet.AuditEntry{Actor: "cli", Platform: "cli", Action: "import " + noun, Subject: filepath.Base(path), Detail: summary})
	if err != nil {
		return fmt.Errorf("audit the import: %w", err)
	}
	return nil
}

// fileFormats says which files the imports read, for their --help.
const fileFormats = `CSV may be separated by commas, semicolons (Excel's "CSV (gescheiden door
lijstscheidingsteken)") or tabs, in UTF-8 (with or without BOM), Windows-1252 or UTF-16.`

// printPeopleChanges lists what a people import does per line: who is
// added, and whose columns change.
func (m *Main) printPeopleChanges(sum intranet.ImportSummary) {
	for _, l := range sum.Lines {
		switch l.Change {
		case intranet.ImportAdded:
			fmt.Fprintf(m.Stdout, "  line %d: new: %s (%s)\n", l.Line, l.Name, l.Email)
		case intranet.ImportChanged:
			fmt.Fprintf(m.Stdout, "  line %d: changed: %s (%s): %s\n", l.Line, l.Name, l.Email, strings.Join(l.Fields, ", "))
		}
	}
}

// unknownCommand is a command group's answer to a word that is none of its
// commands, as the top level answers one: it names the word and what
// exists (exit 2).
func unknownCommand(group, word string, known []string, help string) error {
	return &exitError{code: 2, msg: fmt.Sprintf("werkplek %s: unknown command %q; the commands are: %s\n\n%s", group, word, strings.Join(known, ", "), help)}
}

// isCommand reports whether args start with a word of a command group
// (not a flag): one that is not a command is unknownCommand.
func isCommand(args []string) bool { return len(args) > 0 && !strings.HasPrefix(args[0], "-") }

// cliMessage is a coded error's message (a sentence for a chat) after
// "werkplek COMMAND: ", where the CLI's errors start lower case and end
// without a full stop, as Go errors do.
func cliMessage(msg string) string {
	msg = strings.TrimSuffix(msg, ".")
	r := []rune(msg)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) { // not an acronym: "URL", "ID"
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// importArgs reads the arguments of `werkplek NOUN import [--dry-run] FILE`
// (rooms, teams). It returns the file, or "" when there is nothing to
// import (help was asked for and printed, or an error).
func (m *Main) importArgs(noun, help string, args []string) (path string, dryRun bool, err error) {
	if len(args) == 0 || args[0] != "import" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(m.Stdout, help)
			return "", false, nil
		}
		if isCommand(args) {
			return "", false, unknownCommand(noun, args[0], []string{"import"}, help)
		}
		return "", false, &exitError{code: 2, msg: fmt.Sprintf("werkplek %s: use werkplek %s import FILE\n\n%s", noun, noun, help)}
	}
	fs := m.flags(noun+" import", help)
	dry := fs.Bool("dry-run", false, "check the file, import nothing")
	if err := fs.Parse(args[1:]); err != nil {
		return "", false, err
	}
	if fs.NArg() != 1 {
		return "", false, &exitError{code: 2, msg: fmt.Sprintf("werkplek %s import: give one CSV file, e.g. werkplek %s import %s.csv", noun, noun, noun)}
	}
	return fs.Arg(0), *dry, nil
}

// importVerb starts the summary line of an import.
func importVerb(dryRun bool) string {
	if dryRun {
		return "Checked (dry run, nothing written)"
	}
	return "Imported"
}
