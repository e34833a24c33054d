package render

// Source is one template file and its text.
type Source struct {
	// Path is the file for messages: "layouts/_default/list.html", or
	// "theme:layouts/…" for the built-in theme's (copy it into the site's
	// layouts/ to change it).
	Path string
	Text []byte
}

// Sources are the files of the template set a page renders with (name, as
// Page returns it): the page's template first, then the partials, then
// baseof.html. A problem found in a rendered page that its markdown and
// data do not explain is placed on the line of one of these. Read once per
// build and name.
func (r *Renderer) Sources(name string) []Source {
	if name == "" {
		return nil
	}
	if v, ok := r.sources.Load(name); ok {
		return v.([]Source)
	}
	var out []Source
	for _, n := range append(append([]string{name}, r.partialNames()...), "_default/baseof.html") {
		if text, origin, err := r.read(n); err == nil {
			out = append(out, Source{Path: origin, Text: text})
		}
	}
	r.sources.Store(name, out)
	return out
}
