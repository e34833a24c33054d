package signpost_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// The weight budget of every page of the bundled site.
const (
	maxHTMLAndCSS = 14 * 1024 // gzipped: fits the first round trip
	maxJS         = 3 * 1024  // gzipped, the search page's included
	// The search client's ranking code, fetched when a reader starts a
	// search (the form's data-engine), has its own budget (issue 18).
	maxSearchEngineJS = 3 * 1024
)

// builtSite is the bundled site (content/, layouts/, assets/, data/,
// static/ of this repository), built once for the tests in this file.
type builtSite struct {
	dir    string
	origin string // scheme://host of baseURL: the site's own origin
	pages  []string
	err    error
}

var (
	siteOnce sync.Once
	bundled  builtSite
)

func bundledSite(t *testing.T) builtSite {
	t.Helper()
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "signpost-site-")
		if err != nil {
			bundled.err = err
			return
		}
		bundled.dir = filepath.Join(dir, "public")
		minify := true
		_, err = site.Build(context.Background(), site.Options{
			Source: ".", Dest: bundled.dir, Theme: signpost.Theme,
			Minify: &minify, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		})
		if err != nil {
			bundled.err = err
			return
		}
		cfg, _ := config.Load(os.DirFS("."))
		if u, err := url.Parse(cfg.BaseURL); err == nil {
			bundled.origin = u.Scheme + "://" + u.Host
		}
		bundled.err = filepath.WalkDir(bundled.dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
				bundled.pages = append(bundled.pages, p)
			}
			return err
		})
		sort.Strings(bundled.pages)
	})
	if bundled.err != nil {
		t.Fatalf("build the bundled site: %v", bundled.err)
	}
	if len(bundled.pages) < 10 {
		t.Fatalf("the bundled site built only %d pages", len(bundled.pages))
	}
	return bundled
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bundled.dir != "" {
		os.RemoveAll(filepath.Dir(bundled.dir))
	}
	os.Exit(code)
}

// page is what the tests need from one output page.
type page struct {
	rel         string
	doc         *html.Node
	stylesheets []string // site-relative URL paths
	scripts     []string
	// engines are scripts a page fetches when used (data-engine).
	engines []string
}

func parse(t *testing.T, s builtSite, file string) page {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	rel, _ := filepath.Rel(s.dir, file)
	p := page{rel: filepath.ToSlash(rel), doc: doc}
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "link":
			if strings.Contains(" "+attr(n, "rel")+" ", " stylesheet ") {
				p.stylesheets = append(p.stylesheets, attr(n, "href"))
			}
		case "script":
			if src := attr(n, "src"); src != "" {
				p.scripts = append(p.scripts, src)
			}
		}
		if src := attr(n, "data-engine"); src != "" {
			p.engines = append(p.engines, src)
		}
	})
	return p
}

// TestNoOtherOrigins: no page loads anything from another site. Links a
// reader follows (<a href>) may go anywhere; what the browser fetches by
// itself (<link>, <script>, <img>, <iframe>, CSS url()) must not. Inline
// scripts and styles are refused too: the Content-Security-Policy has no
// 'unsafe-inline'.
// Every URL in the bundled site's sitemap and feeds is percent-encoded.
func TestXMLURLsEncoded(t *testing.T) {
	sitetest.AssertEncodedURLs(t, bundledSite(t).dir)
}

func TestNoOtherOrigins(t *testing.T) {
	s := bundledSite(t)
	fetched := map[string][]string{
		"link": {"href"}, "script": {"src"}, "img": {"src", "srcset"}, "iframe": {"src"},
		"source": {"src", "srcset"}, "video": {"src", "poster"}, "audio": {"src"}, "embed": {"src"}, "object": {"data"},
	}
	for _, file := range s.pages {
		p := parse(t, s, file)
		walk(p.doc, func(n *html.Node) {
			for _, a := range fetched[n.Data] {
				for _, u := range urls(attr(n, a)) {
					if foreign(u, s.origin) {
						t.Errorf("%s: <%s %s=%q> loads from another origin", p.rel, n.Data, a, u)
					}
				}
			}
			if n.Data == "script" && attr(n, "src") == "" {
				t.Errorf("%s: inline <script>: the CSP refuses it; put the code in assets/js/", p.rel)
			}
			if n.Data == "style" {
				t.Errorf("%s: inline <style>: the CSP refuses it; put the rules in assets/css/", p.rel)
			}
			if has(n, "style") {
				t.Errorf("%s: style attribute on <%s>: the CSP refuses it", p.rel, n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: event handler attribute %s on <%s>: the CSP refuses it", p.rel, a.Key, n.Data)
				}
			}
		})
	}
	cssURL := regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)`)
	cssImport := regexp.MustCompile(`@import\s+['"]([^'"]+)`)
	_ = filepath.WalkDir(s.dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(file, ".css") {
			return err
		}
		css, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{cssURL, cssImport} {
			for _, m := range re.FindAllSubmatch(css, -1) {
				if foreign(string(m[1]), s.origin) {
					t.Errorf("%s: %s loads from another origin", file, m[0])
				}
			}
		}
		return nil
	})
}

// TestWeightBudget: every page's HTML plus its CSS is at most 14 KB
// gzipped, and its JavaScript at most 3 KB gzipped, the search page's
// included; the search ranking code it fetches when used at most 3 KB.
func TestWeightBudget(t *testing.T) {
	s := bundledSite(t)
	gz := map[string]int{}
	gzFile := func(urlPath string) int {
		if n, ok := gz[urlPath]; ok {
			return n
		}
		data, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(strings.TrimPrefix(urlPath, "/"))))
		if err != nil {
			t.Fatalf("read %s: %v", urlPath, err)
		}
		gz[urlPath] = gzipSize(data)
		return gz[urlPath]
	}
	largest, largestPage := 0, ""
	for _, file := range s.pages {
		p := parse(t, s, file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		total := gzipSize(data)
		for _, css := range p.stylesheets {
			total += gzFile(css)
		}
		if total > maxHTMLAndCSS {
			t.Errorf("%s: HTML + CSS is %d bytes gzipped; the budget is %d", p.rel, total, maxHTMLAndCSS)
		}
		if total > largest {
			largest, largestPage = total, p.rel
		}
		js := 0
		for _, src := range p.scripts {
			js += gzFile(src)
		}
		for _, src := range p.engines {
			if n := gzFile(src); n > maxSearchEngineJS {
				t.Errorf("%s: the search ranking code is %d bytes gzipped; its budget is %d", p.rel, n, maxSearchEngineJS)
			}
		}
		if js > maxJS {
			t.Errorf("%s: JavaScript is %d bytes gzipped; the budget is %d", p.rel, js, maxJS)
		}
	}
	t.Logf("largest page: %s, %d bytes of HTML + CSS gzipped", largestPage, largest)
	for u, n := range gz {
		t.Logf("%s: %d bytes gzipped", u, n)
	}
}

// TestImagesHaveSize: every <img> has width and height, so the page does
// not jump as images load.
func TestImagesHaveSize(t *testing.T) {
	_, unsized := imagesWithoutSize(t, bundledSite(t).dir)
	for _, u := range unsized {
		t.Error(u)
	}
	// The bundled site has no images yet, so a fixture has some: a
	// static file, a bundle's resource in each raster format, at a site
	// path, so that the check above has something to fail on.
	dir := sitetest.Write(t, `
-- signpost.toml --
title = "Images"
baseURL = "https://example.org/docs/"
-- content/_index.md --
---
title: Home
---
![A phone on a table](/img/phone.png)
-- content/guide/index.md --
---
title: Guide
---
![The settings screen](settings.jpg)

![A waving hand](wave.gif)
`)
	writeImage(t, filepath.Join(dir, "static/img/phone.png"), png.Encode, 64, 48)
	writeImage(t, filepath.Join(dir, "content/guide/settings.jpg"), func(w io.Writer, m image.Image) error { return jpeg.Encode(w, m, nil) }, 30, 20)
	writeImage(t, filepath.Join(dir, "content/guide/wave.gif"), func(w io.Writer, m image.Image) error { return gif.Encode(w, m, nil) }, 7, 9)
	s := sitetest.At(t, dir)
	s.Rebuild()
	if s.Err != nil {
		t.Fatalf("%v\n%s", s.Err, s.Problems())
	}
	n, unsized := imagesWithoutSize(t, s.Out)
	if n != 3 {
		t.Errorf("the fixture has %d images, want 3", n)
	}
	for _, u := range unsized {
		t.Error(u)
	}
	s.AssertFile("index.html", `src="/docs/img/phone.png" alt="A phone on a table" width="64" height="48"`)
	s.AssertFile("guide/index.html", `width="30" height="20"`, `width="7" height="9"`)
}

// imagesWithoutSize counts the <img> of the pages under dir and names
// those without a width and height.
func imagesWithoutSize(t *testing.T, dir string) (n int, unsized []string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(file) != ".html" {
			return err
		}
		p := parse(t, builtSite{dir: dir}, file)
		walk(p.doc, func(n2 *html.Node) {
			if n2.Data != "img" {
				return
			}
			n++
			if attr(n2, "width") == "" || attr(n2, "height") == "" {
				unsized = append(unsized, p.rel+": <img src="+attr(n2, "src")+"> needs width and height")
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, unsized
}

func writeImage(t *testing.T, file string, encode func(io.Writer, image.Image) error, w, h int) {
	t.Helper()
	m := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var b bytes.Buffer
	if err := encode(&b, m); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoStorage: the JavaScript sets no cookies and keeps nothing in the
// browser.
func TestNoStorage(t *testing.T) {
	s := bundledSite(t)
	_ = filepath.WalkDir(s.dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(file) != ".js" {
			return err
		}
		js, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"document.cookie", "localStorage", "sessionStorage", "indexedDB"} {
			if bytes.Contains(js, []byte(bad)) {
				t.Errorf("%s uses %s", file, bad)
			}
		}
		return nil
	})
}

// TestPagePatterns checks the patterns every page shares, in the order a
// keyboard reaches them.
func TestPagePatterns(t *testing.T) {
	s := bundledSite(t)
	for _, file := range s.pages {
		p := parse(t, s, file)
		var links []*html.Node
		h1, mains, exitButtons := 0, 0, 0
		walk(p.doc, func(n *html.Node) {
			switch n.Data {
			case "a":
				links = append(links, n)
				if strings.Contains(attr(n, "class"), "exit-button") {
					exitButtons++
				}
			case "h1":
				h1++
			case "main":
				mains++
			case "nav":
				if attr(n, "aria-label") == "" && attr(n, "aria-labelledby") == "" {
					t.Errorf("%s: a <nav> without a label", p.rel)
				}
			}
		})
		if h1 != 1 || mains != 1 {
			t.Errorf("%s: %d <h1> and %d <main>; want one of each", p.rel, h1, mains)
		}
		if exitButtons != 1 {
			t.Errorf("%s: %d exit buttons; want 1", p.rel, exitButtons)
		}
		if len(links) < 2 || !strings.Contains(attr(links[0], "class"), "skip-link") || !strings.Contains(attr(links[1], "class"), "exit-button") {
			t.Errorf("%s: the first two links must be the skip link and Exit this page", p.rel)
		}
	}
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	return buf.Len()
}

// urls splits a src or srcset value into its addresses.
func urls(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// foreign reports whether u is fetched from an origin other than the
// site's own: an absolute or scheme-relative URL on another host.
func foreign(u, origin string) bool {
	if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "#") {
		return false
	}
	pu, err := url.Parse(u)
	if err != nil {
		return true
	}
	if pu.Host == "" && pu.Scheme == "" {
		return false
	}
	return pu.Scheme+"://"+pu.Host != origin
}

func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func has(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestWhoToCallSheetsCarryTheRules: a printed "Who to call" sheet is read
// away from the rest of the guidance, so every sheet says the two rules a
// parent must not break (issue 15, item 10), in the sheet's language.
func TestWhoToCallSheetsCarryTheRules(t *testing.T) {
	s := bundledSite(t)
	cfg, probs := config.Load(os.DirFS("."))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	// rules are the words in bold of the two rules' messages, by language:
	// "Never save, forward or show a sexual image of a child" in English.
	bold := regexp.MustCompile(`<strong>(.*?)</strong>`)
	rules := map[string][]string{}
	langAt := map[string]string{} // a language's URL prefix ("ur") → its key
	for _, l := range cfg.Langs {
		if l.Prefix != "" {
			langAt[l.Prefix] = l.Key
		}
		msgs := readMessages(t, l.Key)
		for _, key := range []string{"sheetRuleImages", "sheetRuleConfront"} {
			m := bold.FindStringSubmatch(msgs[key]["other"])
			if m == nil {
				t.Fatalf("i18n/%s.toml: [%s] has no words in <strong>", l.Key, key)
			}
			rules[l.Key] = append(rules[l.Key], m[1])
		}
	}
	sheets := 0
	for _, file := range s.pages {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(`class="content sheet"`)) {
			continue
		}
		sheets++
		rel, _ := filepath.Rel(s.dir, file)
		lang := cfg.DefaultLanguage().Key
		if first, _, _ := strings.Cut(filepath.ToSlash(rel), "/"); langAt[first] != "" {
			lang = langAt[first] // a sheet under /ur/ is in Urdu
		}
		for _, r := range rules[lang] {
			if !bytes.Contains(data, []byte(r)) {
				t.Errorf("%s: the sheet does not say %q", rel, r)
			}
		}
	}
	if sheets < 3 {
		t.Errorf("found %d Who to call sheets; the bundled site has one for each of the UK, the US and Australia", sheets)
	}
}

// phoneNumber is a number a parent could dial: three digits or more,
// possibly in groups ("999", "131 444", "0808 800 5000").
var phoneNumber = regexp.MustCompile(`\b\d{3,}(?:[ -]\d{2,})*\b`)

// TestEmergencyNumbersAreLinks: in an emergency block every number to
// dial is a tap-to-call link, so a parent on a phone calls in one tap.
// Headings are left out: "call 999" in a block's heading is the number
// the text below it links.
func TestEmergencyNumbersAreLinks(t *testing.T) {
	s := bundledSite(t)
	blocks := 0
	for _, file := range s.pages {
		p := parse(t, s, file)
		walk(p.doc, func(n *html.Node) {
			if n.Type != html.ElementNode || !strings.Contains(" "+attr(n, "class")+" ", " block-emergency ") {
				return
			}
			blocks++
			var bare []string
			var visit func(*html.Node, bool)
			visit = func(n *html.Node, inTel bool) {
				if n.Type == html.ElementNode && (n.Data == "a" && strings.HasPrefix(attr(n, "href"), "tel:") || len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6') {
					inTel = true
				}
				if n.Type == html.TextNode && !inTel {
					bare = append(bare, phoneNumber.FindAllString(n.Data, -1)...)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					visit(c, inTel)
				}
			}
			visit(n, false)
			if len(bare) > 0 {
				t.Errorf("%s: an emergency block says %q without a tel: link; write it as [%s](tel:%s)", p.rel, bare, bare[0], strings.ReplaceAll(bare[0], " ", ""))
			}
		})
	}
	if blocks == 0 {
		t.Error("no emergency blocks found in the bundled site")
	}
}
