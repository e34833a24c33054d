package hosting

import (
	"fmt"
	"strings"
)

// nginx writes a whole nginx.conf, or with Snippet only the server block
// (for a file in /etc/nginx/sites-enabled/, inside the system's http block).
func nginx(s *Site, o Options) string {
	var b strings.Builder
	if o.Snippet {
		b.WriteString(comment(s, "nginx", "Put it in /etc/nginx/sites-enabled/ and run: nginx -t && nginx -s reload"))
		nginxServer(&b, s, o, "")
		return b.String()
	}
	b.WriteString(comment(s, "nginx", "Run it with: nginx -c FILE (stop: nginx -c FILE -s quit)"))
	b.WriteString("worker_processes auto;\n")
	if o.Brotli {
		// Debian's path (libnginx-mod-http-brotli-static).
		b.WriteString("load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n")
	}
	if o.Prefix != "" {
		fmt.Fprintf(&b, "pid %s;\nerror_log %s;\n", nginxQuote(o.Prefix+"/nginx.pid"), nginxQuote(o.Prefix+"/error.log"))
	}
	b.WriteString("events {\n    worker_connections 1024;\n}\n\nhttp {\n")
	if o.Prefix != "" {
		// Every path nginx writes, so that it runs without root.
		fmt.Fprintf(&b, "    access_log %s;\n", nginxQuote(o.Prefix+"/access.log"))
		for _, t := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
			fmt.Fprintf(&b, "    %s_temp_path %s;\n", t, nginxQuote(o.Prefix+"/"+t))
		}
	}
	// Its own types, so the config does not depend on /etc/nginx/mime.types.
	b.WriteString("    types {\n")
	for _, t := range mimeTypes {
		fmt.Fprintf(&b, "        %s %s;\n", t[0], t[1])
	}
	b.WriteString("    }\n    default_type application/octet-stream;\n    sendfile on;\n    server_tokens off;\n\n")
	nginxServer(&b, s, o, "    ")
	b.WriteString("}\n")
	return b.String()
}

func nginxServer(b *strings.Builder, s *Site, o Options, in string) {
	w := lineWriter(b, in)
	listen := o.Listen
	if listen == "" {
		listen = "80"
	}
	w("server {")
	w("    listen %s;", listen)
	if h := s.Host(); h != "" {
		w("    server_name %s;", h)
	}
	if s.HTTPS() {
		w("    # The site is https: add \"listen 443 ssl;\" and ssl_certificate lines here (or run certbot --nginx).")
	}
	w("    root %s;", nginxQuote(o.Root))
	w("    index index.html;")
	w("    autoindex off;")
	w("    # Redirects say only the path, so they stay on the host and port asked for.")
	w("    absolute_redirect off;")
	w("    # file.gz beside a file is sent to clients that accept gzip (signpost build --compress).")
	w("    gzip_static on;")
	if o.Brotli {
		w("    brotli_static on;")
	}
	w("    gzip_vary on;")
	w("    charset utf-8;")
	w("    charset_types %s;", strings.Join(textTypes[1:], " ")) // text/html is always one
	w("    error_page 404 %s;", s.NotFound())
	w("")
	// add_header in a location replaces all of the server's, so the asset
	// location repeats them; "always" puts them on 404s and redirects too.
	nginxHeaders(w, s, CacheShort, "    ")
	w("")
	w("    # Dot-files are refused, except /.well-known/.")
	w("    location ~ /\\.(?!well-known/) {")
	w("        return 404;")
	w("    }")
	w("")
	w("    # Fingerprinted CSS and JS never change under their name.")
	w("    location ~ \"%s\" {", FingerprintPattern)
	nginxHeaders(w, s, CacheImmutable, "        ")
	w("        try_files $uri =404;")
	w("    }")
	if rs := s.redirects(); len(rs) > 0 {
		w("")
		w("    # Aliases: old URLs answer 301 with the page's URL.")
		for _, r := range rs {
			w("    location = %s {", nginxQuote(r.From))
			w("        return 301 %s;", Location(r.To))
			w("    }")
		}
	}
	w("")
	w("    location / {")
	w("        try_files $uri $uri/ =404;")
	w("    }")
	w("}")
}

func nginxHeaders(w func(string, ...any), s *Site, cache, in string) {
	for _, h := range s.Headers() {
		w("%sadd_header %s %s always;", in, h.Name, nginxQuote(h.Value))
	}
	w("%sadd_header Cache-Control %s always;", in, nginxQuote(cache))
}

// nginxQuote quotes a string for nginx. Paths come decoded, as nginx
// matches them; a dollar cannot be escaped in nginx strings, but location
// paths and header values here are literal (no variables are expanded).
func nginxQuote(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}
