package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

func sortProblems(p []intranet.ImportProblem) {
	sort.SliceStable(p, func(i, j int) bool { return p[i].Line < p[j].Line })
}

// importCSV is the shared shape of the CSV imports (people, rooms, teams):
// read the file with parse, open the database, check or write the records
// with save (only checking when the file had problems or dryRun), and report
// every bad line of both steps at once. cmd names the command in messages.
func importCSV[R any](ctx context.Context, m *Main, cmd, path string, dryRun bool,
	parse func(io.Reader) ([]R, []intranet.ImportProblem),
	save func(ctx context.Context, records []R, dryRun bool) (intranet.ImportSummary, error),
) ([]R, intranet.ImportSummary, error) {
	var sum intranet.ImportSummary
	f, err := os.Open(path)
	if err != nil {
		return nil, sum, &exitError{code: 1, msg: cmd + ": " + err.Error()}
	}
	defer f.Close()
	records, problems := parse(f)
	if err := m.open(ctx); err != nil {
		return nil, sum, err
	}
	sum, err = save(ctx, records, dryRun || len(problems) > 0)
	var ie *intranet.ImportError
	if errors.As(err, &ie) {
		problems = append(problems, ie.Problems...)
	} else if err != nil {
		return nil, sum, err
	}
	if len(problems) > 0 {
		sortProblems(problems)
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s has %s; nothing was imported:\n", cmd, path, feature.Count(len(problems), "problem", "problems"))
		for _, p := range problems {
			fmt.Fprintf(&b, "  line %d: %s\n", p.Line, p.Reason)
		}
		return nil, sum, &exitError{code: 1, msg: strings.TrimRight(b.String(), "\n")}
	}
	return records, sum, nil
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
