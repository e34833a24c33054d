package render

import (
	"html/template"
	"slices"
	"strings"
	"text/template/parse"
)

// includedFrom is where the partial name (its path in layouts/, as a
// template error names it) was included from with {{template}}, outer
// first: an error's message gives the position of each partial call
// (partial, partialCached) that led to it, but not of {{template
// "partials/…"}} actions, which the theme uses where a partial is not
// cached. Each step is the only action in the page's set t that includes
// the partial, up to a template that is not a partial (a kind template's
// "main"); a partial included from two places is not guessed at.
func (r *Renderer) includedFrom(t *template.Template, name string) []string {
	var at []string
	for range 16 { // deeper is a loop of includes, which text/template would not run
		if !strings.HasPrefix(name, "partials/") {
			break
		}
		incs := includes(t, name)
		if len(incs) != 1 {
			break
		}
		at = append(at, r.origin(incs[0].file)+":"+incs[0].line)
		name = incs[0].in
	}
	slices.Reverse(at)
	return at
}

// include is a {{template}} action: the template it is in, and that
// template's file and the action's line there.
type include struct{ in, file, line string }

// includes are the {{template name}} actions of t's set.
func includes(t *template.Template, name string) []include {
	var out []include
	for _, tt := range t.Templates() {
		tree := tt.Tree
		if tree == nil || tree.Root == nil {
			continue
		}
		eachTemplateNode(tree.Root, func(n *parse.TemplateNode) {
			if n.Name != name {
				return
			}
			// "file:line:col", as the message of an error there says.
			loc, _ := tree.ErrorContext(n)
			parts := strings.Split(loc, ":")
			if len(parts) < 3 {
				return
			}
			inc := include{in: tree.Name, file: strings.Join(parts[:len(parts)-2], ":"), line: parts[len(parts)-2]}
			if !slices.Contains(out, inc) {
				out = append(out, inc)
			}
		})
	}
	return out
}

// eachTemplateNode calls fn with each {{template}} action below n.
func eachTemplateNode(n parse.Node, fn func(*parse.TemplateNode)) {
	var branch *parse.BranchNode
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				eachTemplateNode(c, fn)
			}
		}
		return
	case *parse.TemplateNode:
		fn(n)
		return
	case *parse.IfNode:
		branch = &n.BranchNode
	case *parse.RangeNode:
		branch = &n.BranchNode
	case *parse.WithNode:
		branch = &n.BranchNode
	default:
		return
	}
	if branch.List != nil {
		eachTemplateNode(branch.List, fn)
	}
	if branch.ElseList != nil {
		eachTemplateNode(branch.ElseList, fn)
	}
}
