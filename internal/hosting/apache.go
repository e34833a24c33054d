package hosting

import (
	"fmt"
	"regexp"
	"strings"
)

// apacheModules are what the config uses; Debian keeps them in
// /usr/lib/apache2/modules (unixd and log_config are built in).
var apacheModules = []string{"mpm_event", "authz_core", "dir", "mime", "headers", "alias", "rewrite"}

// apache writes a whole httpd config, or with Snippet only the
// <VirtualHost> (for /etc/apache2/sites-available/, after "a2enmod headers
// rewrite").
func apache(s *Site, o Options) string {
	var b strings.Builder
	listen := o.Listen
	if listen == "" {
		listen = "80"
	}
	vhost := listen
	if !strings.Contains(vhost, ":") {
		vhost = "*:" + vhost
	}
	if o.Snippet {
		b.WriteString(comment(s, "Apache", "Put it in /etc/apache2/sites-available/, then: a2enmod headers rewrite && a2ensite NAME && apachectl graceful"))
		apacheVhost(&b, s, o, vhost)
		return b.String()
	}
	b.WriteString(comment(s, "Apache", "Run it with: apache2 -f FILE -DFOREGROUND (Debian's paths; httpd elsewhere)"))
	fmt.Fprintf(&b, "Listen %s\n", listen)
	if h := s.Host(); h != "" {
		fmt.Fprintf(&b, "ServerName %s\n", h)
	}
	prefix := o.Prefix
	if prefix == "" {
		prefix = "/var/run/apache2"
		b.WriteString("ErrorLog /var/log/apache2/error.log\n")
	} else {
		fmt.Fprintf(&b, "ErrorLog %s\n", apacheQuote(prefix+"/error.log"))
	}
	fmt.Fprintf(&b, "PidFile %s\nDefaultRuntimeDir %s\nMutex %s default\n", apacheQuote(prefix+"/apache2.pid"), apacheQuote(prefix), apacheQuote("file:"+prefix))
	for _, m := range apacheModules {
		fmt.Fprintf(&b, "LoadModule %s_module /usr/lib/apache2/modules/mod_%s.so\n", m, m)
	}
	b.WriteString("ServerTokens Prod\nServerSignature Off\nTraceEnable Off\n")
	// Its own types, so the config does not depend on the system's mime.types.
	b.WriteString("TypesConfig /dev/null\n")
	for _, t := range mimeTypes {
		fmt.Fprintf(&b, "AddType %s %s\n", t[0], t[1])
	}
	b.WriteString("AddCharset utf-8 .html .css .js .mjs .json .webmanifest .xml .txt .svg\n\n")
	apacheVhost(&b, s, o, vhost)
	return b.String()
}

func apacheVhost(b *strings.Builder, s *Site, o Options, vhost string) {
	w := lineWriter(b, "")
	w("<VirtualHost %s>", vhost)
	if h := s.Host(); h != "" {
		w("    ServerName %s", h)
	}
	w("    DocumentRoot %s", apacheQuote(o.Root))
	w("    <Directory %s>", apacheQuote(o.Root))
	w("        # No listings, no symbolic links out of the site, no .htaccess.")
	w("        Options None")
	w("        AllowOverride None")
	w("        Require all granted")
	w("        DirectoryIndex index.html")
	w("    </Directory>")
	w("    ErrorDocument 404 %s", s.NotFound())
	w("")
	w("    # \"always\" puts them on 404s and redirects too.")
	for _, h := range s.Headers() {
		w("    Header always set %s %s", h.Name, apacheQuote(h.Value))
	}
	w("    Header always set Cache-Control %s", apacheQuote(CacheShort))
	w("    <LocationMatch %s>", apacheQuote(FingerprintPattern))
	w("        Header always set Cache-Control %s", apacheQuote(CacheImmutable))
	w("    </LocationMatch>")
	w("")
	w("    # Dot-files are refused, except /.well-known/.")
	w("    RedirectMatch 404 %s", apacheQuote(`/\.(?!well-known/)`))
	if rs := s.redirects(); len(rs) > 0 {
		w("")
		w("    # Aliases: old URLs answer 301 with the page's URL.")
		for _, r := range rs {
			w("    RedirectMatch 301 %s %s", apacheQuote("^"+regexp.QuoteMeta(r.From)+"$"), apacheQuote(Location(r.To)))
		}
	}
	w("")
	w("    # file.br and file.gz beside a file are sent to clients that accept them")
	w("    # (signpost build --compress); the type comes from the first extension.")
	w("    AddEncoding br .br")
	w("    AddEncoding gzip .gz")
	w("    RewriteEngine On")
	for _, enc := range [][2]string{{"br", "br"}, {"gzip", "gz"}} {
		w("    RewriteCond %%{HTTP:Accept-Encoding} \\b%s\\b", enc[0])
		w("    RewriteCond %%{DOCUMENT_ROOT}%%{REQUEST_URI} -f")
		w("    RewriteCond %%{DOCUMENT_ROOT}%%{REQUEST_URI}.%s -f", enc[1])
		w("    RewriteRule ^(.*)$ $1.%s [L]", enc[1])
		w("    RewriteCond %%{HTTP:Accept-Encoding} \\b%s\\b", enc[0])
		w("    RewriteCond %%{DOCUMENT_ROOT}%%{REQUEST_URI}index.html.%s -f", enc[1])
		w("    RewriteRule ^(.*/)$ $1index.html.%s [L]", enc[1])
	}
	w("    <FilesMatch %s>", apacheQuote(`\.(html|css|js|mjs|json|xml|svg)(\.br|\.gz)?$`))
	w("        Header append Vary Accept-Encoding")
	w("    </FilesMatch>")
	w("</VirtualHost>")
}

// apacheQuote quotes an Apache argument. Apache unescapes only \" in
// quotes: a regexp's backslashes are written as they are.
func apacheQuote(v string) string {
	return `"` + strings.ReplaceAll(v, `"`, `\"`) + `"`
}
