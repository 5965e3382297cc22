package grammar

import "strings"

// The other words of help: every alias of a command, subcommand,
// choice and option key, once.

// aliasLines lists the other words of commands: "`/zaal`, `/ruimte` =
// `/room`", "`boek`, `reserveer` = `book`", "`afd:` = `dept:`", each once.
func aliasLines(cmds []*Command) []string { return aliasLinesWhere(cmds, nil) }

// aliasLinesWhere is aliasLines of the forms the caller may use.
func aliasLinesWhere(cmds []*Command, may May) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w Word, prefix, suffix string) {
		if len(w.Aliases) == 0 {
			return
		}
		var as []string
		for _, a := range w.Aliases {
			as = append(as, "`"+prefix+a+suffix+"`")
		}
		line := strings.Join(as, ", ") + " = `" + prefix + w.EN + suffix + "`"
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	for _, c := range cmds {
		if may != nil && !mayAny(c, may) {
			continue // a command the caller may not use has no other words for them
		}
		add(c.Word, "/", "")
		for i := range c.Subs {
			s := &c.Subs[i]
			if may != nil && !may(c, s) {
				continue
			}
			for _, w := range s.Path {
				add(w, "", "")
			}
			for _, a := range s.Args {
				for _, ch := range a.Choices {
					add(ch, "", "")
				}
				if a.Kind == Count || a.Kind == Literal {
					add(a.Word, "", "")
				}
			}
			for _, o := range s.Options {
				add(o.Key, "", ":")
				for _, ch := range o.Choices {
					add(ch, "", "")
				}
			}
		}
	}
	return out
}

// mayAny is whether may allows one of c's forms.
func mayAny(c *Command, may May) bool {
	for i := range c.Subs {
		if may(c, &c.Subs[i]) {
			return true
		}
	}
	return false
}
