package corpus

// WriteHugo writes the corpus as a Hugo site into dir: the same content/
// and static/, a config with the outputs Signpost writes (pages, section
// lists, taxonomy and term pages, feeds, sitemap, robots.txt, 404) and
// templates like Signpost's default theme in what they compute (menu,
// breadcrumbs, contents list, prev/next, tags). Not related pages: Hugo's
// are quadratic here (broad tags on thousands of pages: 35% of its time at
// 3,000 pages, most of it at 10,000), and issue 18's figures are without
// them; Signpost's own stay on, as one of the things it does more. The link
// render hook resolves relative .md links and fails the build on a missing
// page, as Signpost does.
func WriteHugo(dir string, opt Options) error {
	files := Content(opt)
	for _, name := range []string{"hugo.toml", "assets/css/site.css",
		"layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html",
		"layouts/_default/taxonomy.html", "layouts/_default/term.html", "layouts/_default/rss.xml",
		"layouts/404.html", "layouts/partials/page-list.html", "layouts/_default/_markup/render-link.html"} {
		files = append(files, File{name, []byte(hugoFiles[name])})
	}
	return write(dir, files)
}

var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
title = "Corpus"
languageCode = "en-GB"
enableRobotsTXT = true
disableHugoGeneratorInject = true

[taxonomies]
tag = "tags"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML", "RSS"]
term = ["HTML", "RSS"]
page = ["HTML"]

[services.rss]
limit = 50

[markup.tableOfContents]
startLevel = 2
endLevel = 3
` + menus("/s%d"),
	"assets/css/site.css": `body { font: 1.125rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 0 1rem; }
.skip-link { position: absolute; left: -9999px; }
.skip-link:focus { left: 1rem; }
nav ul, nav ol { list-style: none; padding: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .25rem .5rem; }
img { max-width: 100%; height: auto; }
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
{{ with .Description }}<meta property="og:description" content="{{ . }}">{{ end }}
<meta property="og:url" content="{{ .Permalink }}">
{{ $css := resources.Get "css/site.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}" integrity="{{ $css.Data.Integrity }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ site.Title }}">{{ end }}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav aria-label="Main"><ul>{{ range site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav>
</header>
{{ if not .IsHome }}<nav aria-label="Breadcrumb"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li aria-current="page">{{ .Title }}</li></ol></nav>{{ end }}
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .TableOfContents }}<nav aria-label="On this page"><h2>On this page</h2>{{ . }}</nav>{{ end }}
<div class="content">{{ .Content }}</div>
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
<nav class="prevnext">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
<div class="content">{{ .Content }}</div>
{{ with .Sections }}<h2>Sections</h2>{{ partial "page-list.html" . }}{{ end }}
{{ with .RegularPages }}<h2>In this section</h2>{{ partial "page-list.html" . }}{{ end }}
{{ end }}
`,
	"layouts/_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="page-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="count">({{ len .Pages }} pages)</span></li>{{ end }}</ul>
{{ end }}
`,
	"layouts/_default/term.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="lead">{{ len .Pages }} pages of guidance for “{{ .Title }}”.</p>
{{ range .Pages.GroupBy "Section" }}<h2>{{ .Key }}</h2>{{ partial "page-list.html" .Pages }}{{ end }}
{{ end }}
`,
	"layouts/partials/page-list.html": `<ul class="page-list">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
`,
	"layouts/404.html": `{{ define "main" }}
<h1>Page not found</h1>
<p>The page you asked for is not here. Try <a href="{{ "/" | relURL }}">the home page</a>.</p>
{{ end }}
`,
	"layouts/_default/rss.xml": `{{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
<rss version="2.0"><channel>
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<link>{{ .Permalink }}</link>
<description>{{ .Description }}</description>
{{ range first 50 .RegularPages.ByLastmod.Reverse }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><pubDate>{{ .Lastmod.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><guid>{{ .Permalink }}</guid><description>{{ .Description }}</description></item>
{{ end }}</channel></rss>
`,
	// The link is made absolute from the page's folder first: site.GetPage
	// finds an absolute path at once, where .Page.GetPage with a relative
	// one searches (minutes on 10,000 pages). A link to a page that is not
	// there stops the build, as in Signpost.
	"layouts/_default/_markup/render-link.html": `{{- $dest := .Destination -}}
{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.Scheme) (strings.HasSuffix $u.Path ".md") -}}
{{- with site.GetPage (path.Join "/" .Page.File.Dir $u.Path) -}}
{{- $dest = .RelPermalink -}}{{- with $u.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
{{- else -}}
{{- errorf "%s: link to a missing page %q" $.Page.File.Path $u.Path -}}
{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /* no trailing newline: it would show in the paragraph */ -}}`,
}
