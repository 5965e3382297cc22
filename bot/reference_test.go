package main

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's command reference from the grammar")

// The markers around the README's generated command reference.
const (
	referenceBegin = "<!-- commands: generated from the grammar; `go test ./bot -run CommandReference -update-readme` rewrites it -->\n"
	referenceEnd   = "<!-- end of commands -->\n"
)

// TestCommandReference: the README's command reference is what the grammar
// declares, word for word.
func TestCommandReference(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	begin, end := strings.Index(text, referenceBegin), strings.Index(text, referenceEnd)
	if begin < 0 || end < begin {
		t.Fatalf("README.md lacks the command reference between %q and %q", referenceBegin, referenceEnd)
	}
	want := Grammar().Reference()
	got := text[begin+len(referenceBegin) : end]
	if got == want {
		return
	}
	if *updateReadme {
		if err := os.WriteFile("../README.md", []byte(text[:begin+len(referenceBegin)]+want+text[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's command reference is out of date: run `go test ./bot -run CommandReference -update-readme`")
}

// TestGrammarIsTheCores: the grammar the manifests and the README are
// made from is the one the core answers, command for command.
func TestGrammarIsTheCores(t *testing.T) {
	m := openedMain(t, sqliteEnv(t))
	defer m.Close()
	var core, static []string
	for _, c := range m.Router.Grammar().Commands {
		core = append(core, strings.Join(c.Word.All(), "/"))
	}
	for _, c := range Grammar().Commands {
		static = append(static, strings.Join(c.Word.All(), "/"))
	}
	if strings.Join(core, " ") != strings.Join(static, " ") {
		t.Errorf("the core answers %v, the manifests list %v", core, static)
	}
}
