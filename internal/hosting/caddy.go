package hosting

import (
	"fmt"
	"regexp"
	"strings"
)

// caddy writes a Caddyfile, or with Snippet only the site block. Without a
// listen address the site block is the base URL's host, and Caddy gets
// and renews its certificate and redirects http to https by itself.
func caddy(s *Site, o Options) string {
	var b strings.Builder
	if o.Snippet {
		b.WriteString(comment(s, "Caddy", "Add it to your Caddyfile and run: caddy reload"))
	} else {
		b.WriteString(comment(s, "Caddy", "Save it as Caddyfile and run: caddy run --config Caddyfile"))
		var global []string
		if o.Admin != "" {
			global = append(global, "admin "+o.Admin)
		}
		if o.Prefix != "" {
			// Certificates and locks there instead of the user's home.
			global = append(global, "storage file_system "+caddyQuote(o.Prefix))
		}
		if len(global) > 0 {
			fmt.Fprintf(&b, "{\n\t%s\n}\n\n", strings.Join(global, "\n\t"))
		}
	}
	addr := caddyAddress(s, o)
	w := lineWriter(&b, "")
	w("%s {", addr)
	w("\troot * %s", caddyQuote(o.Root))
	w("")
	// Not deferred (no header deletions): deferred headers are lost on
	// error answers, such as the 404 page.
	w("\theader {")
	for _, h := range s.Headers() {
		w("\t\t%s %s", h.Name, caddyQuote(h.Value))
	}
	w("\t}")
	// Caddy says Vary only on the compressed answers; a cache between
	// must know on the plain ones too ("?": only where it is missing).
	w("\theader ?Vary Accept-Encoding")
	w("\t@fingerprinted path_regexp %s", caddyQuote(FingerprintPattern))
	w("\theader @fingerprinted Cache-Control %s", caddyQuote(CacheImmutable))
	w("\t@other not path_regexp %s", caddyQuote(FingerprintPattern))
	w("\theader @other Cache-Control %s", caddyQuote(CacheShort))
	w("")
	w("\t# Dot-files are refused, except /.well-known/.")
	w("\t@hidden {")
	w("\t\tpath */.*")
	w("\t\tnot path /.well-known/*")
	w("\t}")
	w("\terror @hidden 404")
	w("\t@hiddenInWellKnown path_regexp %s", caddyQuote(`^/\.well-known/(.*/)?\.`))
	w("\terror @hiddenInWellKnown 404")
	if rs := s.redirects(); len(rs) > 0 {
		w("")
		w("\t# Aliases: old URLs answer 301 with the page's URL.")
		for i, r := range rs {
			// The path matcher reads *, {…} and %xx as wildcards,
			// placeholders and escapes: such paths match as a regexp.
			if strings.ContainsAny(r.From, "*{}%\\") {
				w("\t@alias%d path_regexp %s", i, caddyQuote("^"+regexp.QuoteMeta(r.From)+"$"))
				w("\tredir @alias%d %s 301", i, caddyQuote(Location(r.To)))
				continue
			}
			w("\tredir %s %s 301", caddyQuote(r.From), caddyQuote(Location(r.To)))
		}
	}
	w("")
	w("\t# file.br and file.gz beside a file are sent to clients that accept them")
	w("\t# (signpost build --compress). No \"browse\": folders are never listed.")
	w("\tfile_server {")
	w("\t\tprecompressed br gzip")
	w("\t}")
	w("")
	w("\thandle_errors {")
	w("\t\t@notfound expression `{err.status_code} == 404`")
	w("\t\thandle @notfound {")
	w("\t\t\trewrite * %s", caddyQuote(s.NotFound()))
	w("\t\t\tfile_server {")
	w("\t\t\t\tprecompressed br gzip")
	w("\t\t\t}")
	w("\t\t}")
	w("\t}")
	w("}")
	return b.String()
}

// caddyAddress is the site block's address: the base URL's host (with
// automatic HTTPS when it is https), or plain http on --listen.
func caddyAddress(s *Site, o Options) string {
	addr := o.Listen
	switch {
	case addr == "" && s.Host() == "":
		addr = ":80" // a base URL without a host: any name, plain http
	case addr == "":
		addr = s.Host()
		if !s.HTTPS() {
			addr = "http://" + addr
		}
	case !strings.Contains(addr, "://"):
		if !strings.Contains(addr, ":") {
			addr = ":" + addr
		}
		addr = "http://" + addr
	}
	return addr
}

// caddyQuote quotes a Caddyfile token. Caddy 2.6 unescapes only \" in
// double quotes (a regexp's backslashes would stay doubled), so a token
// goes in backquotes, which take everything as it is, where it can.
func caddyQuote(v string) string {
	if !strings.Contains(v, "`") {
		return "`" + v + "`"
	}
	return `"` + strings.ReplaceAll(v, `"`, `\"`) + `"`
}
