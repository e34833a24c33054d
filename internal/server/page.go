package server

import (
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

// What serve adds to the pages it serves: the draft banner and the error
// overlay. Both are plain markup styled by serveCSS and closed by
// reloadJS, both same-origin files, because the pages carry the published
// site's Content-Security-Policy, which refuses inline styles and scripts.

// pageInfo is what serve needs to know of a page to decorate it.
type pageInfo struct {
	File, Title, URL string
	Draft            bool // the page or a section above it is a draft
}

// pagesOf indexes a build's pages by output path.
func pagesOf(t *content.Tree) map[string]pageInfo {
	out := map[string]pageInfo{}
	if t == nil {
		return out
	}
	for _, p := range t.All {
		out[p.OutputPath()] = pageInfo{File: p.File, Title: p.Title, URL: p.RelPermalink, Draft: p.InDraft()}
	}
	return out
}

const draftBanner = `<p class="signpost-draft" role="note"><strong>Draft: not published.</strong> ` +
	`This page is a draft (<code>draft: true</code> here or on its section). The preview shows it; ` +
	`<code>signpost build</code> leaves it out until the draft line is removed.</p>`

// serveCSS styles serve's additions. The overlay is a panel over the lower
// part of the window, so the page underneath stays readable, and it
// scrolls when the problems are long.
const serveCSS = `.signpost-draft{margin:0 0 1.5rem;padding:.75rem 1rem;border-left:10px solid #f47738;background:#fff4e5;color:#0b0c0c;font:16px/1.5 system-ui,sans-serif}
#signpost-errors{position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;box-sizing:border-box;background:#fff;color:#0b0c0c;border-top:8px solid #d4351c;box-shadow:0 -4px 16px rgba(0,0,0,.3);padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;z-index:2147483647}
#signpost-errors[hidden]{display:none}
#signpost-errors .signpost-errors-head{display:flex;justify-content:space-between;align-items:flex-start;gap:1rem}
#signpost-errors h2{margin:0;font-size:1.25rem}
#signpost-errors button{font:inherit;padding:.25rem .75rem;border:2px solid #0b0c0c;background:#f3f2f1;color:#0b0c0c;cursor:pointer}
#signpost-errors button:focus{outline:3px solid #fd0;outline-offset:0}
#signpost-errors ul{padding-left:1.25rem}
#signpost-errors pre{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace;background:#f3f2f1;padding:.5rem}
#signpost-errors a{color:#1d70b8}
`

var overlayTmpl = template.Must(template.New("overlay").Parse(`<div id="signpost-errors" role="alert">` +
	`<div class="signpost-errors-head"><h2>The last change broke the build</h2>` +
	`<button type="button" data-signpost-close>Close</button></div>` +
	`<p>The page is the last version that built. Fix the file and save: this message goes away by itself. ` +
	`Close it (or press Escape) to read the page.</p>` +
	`{{if .Here}}<p>The problem is in this page, <code>{{.Here}}</code>` +
	`{{with $n := len .Files}}{{if gt $n 1}}, and in {{if eq $n 2}}one other file{{else}}{{len (slice $.Files 1)}} other files{{end}}{{end}}{{end}}.</p>` +
	`{{else if .Files}}<p>The problem is not in this page but in {{range $i, $f := .Files}}{{if $i}}, {{end}}` +
	`{{if $f.URL}}<a href="{{$f.URL}}">{{$f.Title}}</a> (<code>{{$f.File}}</code>){{else}}<code>{{$f.File}}</code>{{end}}{{end}}.</p>{{end}}` +
	// The hint may quote the file with a caret under the fault: <pre> keeps
	// its lines.
	`<ul>{{range .Errors}}<li><pre>{{if .Path}}{{.String}}{{else}}{{.Message}}{{end}}{{with .Hint}}` + "\n" + `hint: {{.}}{{end}}</pre></li>{{end}}</ul></div>`))

// overlayHTML lists a failed build's errors over the page at page, naming
// the pages that failed when the one being viewed is not among them.
func overlayHTML(probs diag.List, page pageInfo, pages map[string]pageInfo) string {
	byFile := map[string]pageInfo{}
	for _, rel := range slices.Sorted(maps.Keys(pages)) {
		if p := pages[rel]; p.File != "" {
			byFile[p.File] = p
		}
	}
	data := struct {
		Here   string
		Files  []pageInfo
		Errors diag.List
	}{}
	seen := map[string]bool{}
	for _, p := range probs {
		if p.Severity != diag.Error {
			continue
		}
		data.Errors = append(data.Errors, p)
		if page.File != "" && p.Path == page.File {
			data.Here = page.File
		}
		if p.Path != "" && !seen[p.Path] {
			seen[p.Path] = true
			f, ok := byFile[p.Path]
			if !ok {
				f = pageInfo{File: p.Path}
			}
			data.Files = append(data.Files, f)
		}
	}
	var b strings.Builder
	_ = overlayTmpl.Execute(&b, data)
	return b.String()
}

// insertBefore puts add before the last occurrence of tag, or at the end.
func insertBefore(html, tag, add string) string {
	if i := strings.LastIndex(html, tag); i >= 0 {
		return html[:i] + add + html[i:]
	}
	return html + add
}

// insertAfterOpen puts add just inside the first <tag> element, else
// inside <body>, else at the start.
func insertAfterOpen(html, tag, add string) string {
	for _, t := range []string{tag, "body"} {
		for from := 0; ; {
			i := strings.Index(html[from:], "<"+t)
			if i < 0 {
				break
			}
			i += from
			rest := html[i+len(t)+1:]
			if rest != "" && (rest[0] == '>' || rest[0] == ' ' || rest[0] == '\n' || rest[0] == '\t') {
				if j := strings.IndexByte(rest, '>'); j >= 0 {
					at := i + len(t) + 1 + j + 1
					return html[:at] + add + html[at:]
				}
			}
			from = i + 1
		}
	}
	return add + html
}
